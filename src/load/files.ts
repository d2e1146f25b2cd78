/**
 * The file-system edge of the load stage: expand inputs (files, folders, globs: inputs.ts) into article files,
 * read and decode them, find the sibling articles their Liquid links name and the Jekyll site they
 * belong to, then hand the text to the pure parseSource.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LecternError } from '../errors.js';
import type { Diagnostic, Source } from '../model.js';
import { ARTICLE_EXTENSIONS, articleKind, isArticlePath } from './format.js';
import { parseFrontMatter } from './front-matter.js';
import { expandInputs, unreadableInput } from './inputs.js';
import { createSiteCache, loadJekyllSite, type SiteCache } from './jekyll-site.js';
import { listLinkTargets } from './liquid.js';
import { slugFromPath } from './slug.js';
import { parseSource } from './source.js';

/** Options of loadSources. */
export interface LoadSourcesOptions {
  /** Folder that relative inputs are resolved from and that paths are shown relative to. Default: process.cwd(). */
  readonly cwd?: string;
  /** Folders never read, absolute or relative to cwd (a build's output folder). */
  readonly exclude?: readonly string[];
}

/** One article as loaded: its Source, or the error that stopped it (the other articles load anyway). */
export type LoadOutcome =
  | { readonly ok: true; readonly source: Source }
  | { readonly ok: false; readonly file: string; readonly error: LecternError };

/**
 * Read every article named by `inputs` (files, folders read recursively, globs) into Sources, in a
 * stable order; the first article that cannot be read stops it with its error.
 */
export async function loadSources(inputs: readonly string[], options: LoadSourcesOptions = {}): Promise<Source[]> {
  const sources: Source[] = [];
  for (const outcome of await loadSourcesSettled(inputs, options)) {
    if (!outcome.ok) throw outcome.error;
    sources.push(outcome.source);
  }
  return sources;
}

/**
 * Like loadSources, but an article that cannot be read (bad front matter, an empty file) is an
 * outcome of its own and every other article is still read (what `lectern check` reports). Inputs
 * that name nothing (a missing path, a glob that matches no article) still throw.
 */
export async function loadSourcesSettled(inputs: readonly string[], options: LoadSourcesOptions = {}): Promise<LoadOutcome[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const exclude = (options.exclude ?? []).map((e) => resolve(cwd, e));
  const files = await expandInputs(inputs, { cwd, exclude });
  const caches: Caches = { slugs: new Map(), sites: createSiteCache() };
  const outcomes: LoadOutcome[] = [];
  // One at a time, so that the first error reported is always the same one.
  for (const file of files) {
    try {
      outcomes.push({ ok: true, source: await loadSource(file, cwd, caches) });
    } catch (error) {
      if (!(error instanceof LecternError)) throw error;
      outcomes.push({ ok: false, file: displayPath(file, cwd), error });
    }
  }
  return outcomes;
}

/** A path for messages: relative to cwd when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
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
    throw unreadableInput(shown, err);
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
