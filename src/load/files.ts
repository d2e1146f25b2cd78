/**
 * The file-system edge of the load stage: expand inputs (files and folders) into article files,
 * read and decode them, find the sibling articles their Liquid links name and the Jekyll site they
 * belong to, then hand the text to the pure parseSource.
 */
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LecternError } from '../errors.js';
import type { Diagnostic, Source } from '../model.js';
import { ARTICLE_EXTENSIONS, articleKind, extensionOf, isArticlePath } from './format.js';
import { parseFrontMatter } from './front-matter.js';
import { createSiteCache, loadJekyllSite, type SiteCache } from './jekyll-site.js';
import { listLinkTargets } from './liquid.js';
import { slugFromPath } from './slug.js';
import { parseSource } from './source.js';

/** Options of loadSources. */
export interface LoadSourcesOptions {
  /** Folder that relative inputs are resolved from and that paths are shown relative to. Default: process.cwd(). */
  readonly cwd?: string;
}

/** Files in a folder that are not articles even with an article extension. */
const NOT_ARTICLES = /^(readme\.[^.]+|licen[sc]e.*|changelog.*|sources.*)$/i;

/** Read every article named by `inputs` (files, or folders of articles) into Sources, in a stable order. */
export async function loadSources(inputs: readonly string[], options: LoadSourcesOptions = {}): Promise<Source[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const files: string[] = [];
  for (const input of inputs) {
    for (const file of await expandInput(input, cwd)) if (!files.includes(file)) files.push(file);
  }
  const caches: Caches = { slugs: new Map(), sites: createSiteCache() };
  const sources: Source[] = [];
  // One at a time, so that the first error reported is always the same one.
  for (const file of files) sources.push(await loadSource(file, cwd, caches));
  return sources;
}

/** A path for messages: relative to cwd when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

/** One input → absolute paths of its article files (a folder's articles sorted by name). */
async function expandInput(input: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, input);
  const stats = await statInput(absolute, input, cwd);
  if (stats.isDirectory()) return listArticles(absolute, input);
  if (!isArticlePath(absolute)) {
    const ext = extensionOf(absolute) || 'no extension';
    throw new LecternError('input-unsupported', `${input} is not an article file (${ext})`, {
      file: input,
      hint: `Lectern reads ${ARTICLE_EXTENSIONS.join(', ')} files`,
    });
  }
  return [absolute];
}

async function statInput(absolute: string, input: string, cwd: string): Promise<Stats> {
  try {
    return await stat(absolute);
  } catch (err) {
    if (errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR') {
      throw new LecternError('input-missing', `no such file or folder: ${input}`, {
        file: input,
        hint: `check the spelling; relative paths start from ${cwd}`,
        cause: err,
      });
    }
    throw unreadable(input, err);
  }
}

/** A folder's article files, skipping `_drafts`-style and hidden names, READMEs and licences. */
async function listArticles(folder: string, input: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    throw unreadable(input, err);
  }
  const names = entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => e.name)
    .filter((name) => !/^[_.]/.test(name) && !NOT_ARTICLES.test(name) && isArticlePath(name))
    // Plain code-unit order: the same on every machine, whatever its locale.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) {
    throw new LecternError('input-empty-dir', `no articles in folder ${input}`, {
      file: input,
      hint: `put ${ARTICLE_EXTENSIONS.join(', ')} files in it (names starting with _ or . and README, LICENSE, CHANGELOG, SOURCES files are skipped)`,
    });
  }
  return names.map((name) => join(folder, name));
}

/** Sibling file → the slug of its deck (undefined when absent), shared by all articles of one call. */
type SlugCache = Map<string, Promise<string | undefined>>;

/** What the articles of one call share: sibling slugs and the Jekyll sites already read. */
interface Caches {
  readonly slugs: SlugCache;
  readonly sites: SiteCache;
}

async function loadSource(file: string, cwd: string, caches: Caches): Promise<Source> {
  const shown = displayPath(file, cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw unreadable(shown, err);
  }
  const { text, diagnostics } = decodeUtf8(bytes, shown);
  // A page of a Jekyll site reads the site's config, data and includes (see jekyll-site.ts).
  const site = articleKind(file) === 'page' ? await loadJekyllSite(file, caches.sites, (path) => displayPath(path, cwd)) : undefined;
  const links = new Map<string, string>();
  for (const target of listLinkTargets([text, ...Object.values(site?.includes ?? {})].join('\n'))) {
    const url = await resolveSibling(target, dirname(file), caches.slugs);
    if (url !== undefined) links.set(target, url);
  }
  const sitePath = site === undefined ? undefined : relative(site.root, file).split(sep).join('/');
  const source = parseSource(text, shown, { resolveLink: (target) => links.get(target), ...(site === undefined ? {} : { site, sitePath }) });
  return diagnostics.length === 0 ? source : { ...source, diagnostics: [...diagnostics, ...source.diagnostics] };
}

/** UTF-8 text of a file; invalid bytes become U+FFFD with a warning at the first one's line. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const first = text.indexOf('\uFFFD');
    const line = first === -1 ? undefined : text.slice(0, first).split('\n').length;
    const warning: Diagnostic = {
      severity: 'warning',
      code: 'input-invalid-utf8',
      message: 'the file is not valid UTF-8: invalid bytes were replaced with �',
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'save the article as UTF-8',
    };
    return { text, diagnostics: [warning] };
  }
}

/**
 * `{% link getting-started.md %}` → `../getting-started/` when that article sits in the linking
 * article's folder (decks are siblings: dist/<slug>/index.html). Tried: the target relative to the
 * folder, then its base name in the folder; `post_url` names without extension get one added.
 */
async function resolveSibling(target: string, folder: string, cache: SlugCache): Promise<string | undefined> {
  const bases = [resolve(folder, target), join(folder, basename(target))];
  const candidates = bases.flatMap((base) => (isArticlePath(base) ? [base] : ARTICLE_EXTENSIONS.map((ext) => base + ext)));
  for (const candidate of candidates) {
    let slug = cache.get(candidate);
    if (slug === undefined) {
      slug = siblingSlug(candidate);
      cache.set(candidate, slug);
    }
    const found = await slug;
    if (found !== undefined) return `../${found}/`;
  }
  return undefined;
}

/** The slug a sibling article's deck will have, or undefined when it is not there. */
async function siblingSlug(file: string): Promise<string | undefined> {
  let text: string;
  try {
    if (!(await stat(file)).isFile()) return undefined;
    text = new TextDecoder('utf-8').decode(await readFile(file));
  } catch {
    return undefined;
  }
  try {
    return slugFromPath(file, parseFrontMatter(text, file).meta);
  } catch {
    // A sibling with broken front matter fails when it is built itself; its file name still names it.
    return slugFromPath(file, {});
  }
}

function unreadable(file: string, err: unknown): LecternError {
  const reason = err instanceof Error ? err.message : String(err);
  return new LecternError('input-unreadable', `cannot read ${file}: ${reason}`, {
    file,
    hint: 'check that the file exists and that you may read it',
    cause: err,
  });
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}
