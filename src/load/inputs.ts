/**
 * What the inputs of a command name: an article file, a folder (read recursively), or a glob
 * (`'posts/**\/*.md'`, through tinyglobby, loaded only for a glob). Folders and globs pick the same
 * files: article extensions only; names starting with `_` or `.` (drafts, partials, hidden files)
 * and READMEs, licences, changelogs and source lists are skipped; so are `node_modules`, hidden and
 * `_`-prefixed folders (Jekyll's `_site`, `_drafts`, `_includes`) — except Jekyll's `_posts` — and
 * the folders a command says to leave out (its own output folder).
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LecternError } from '../errors.js';
import { ARTICLE_EXTENSIONS, extensionOf, isArticlePath } from './format.js';

/** Files in a folder that are not articles even with an article extension. */
const NOT_ARTICLES = /^(readme\.[^.]+|licen[sc]e.*|changelog.*|sources.*)$/i;

/** Folders a folder input never descends into. */
function skippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.') || (name.startsWith('_') && name !== '_posts');
}

/** Whether a file found in a folder (or by a glob) is an article: its name alone decides. */
export function isListedArticle(name: string): boolean {
  return !/^[_.]/.test(name) && !NOT_ARTICLES.test(name) && isArticlePath(name);
}

/**
 * Whether `file` (absolute) would be listed for `inputs` (absolute): an input itself, or an article
 * under an input folder outside the skipped folders. Globs are matched by listing them again.
 */
export function isUnderInputs(file: string, inputs: readonly string[], exclude: readonly string[] = []): boolean {
  if (inputs.includes(file)) return true;
  const name = file.split(/[\\/]/).pop() ?? file;
  if (!isListedArticle(name) || exclude.some((e) => inside(file, e))) return false;
  return inputs.some((input) => {
    const rel = relative(input, file);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return rel.split(sep).slice(0, -1).every((part) => !skippedFolder(part));
  });
}

/** Options of expandInputs. */
export interface ExpandOptions {
  /** Folder relative inputs start from. */
  readonly cwd: string;
  /** Absolute folders never read (the output folder of a build). */
  readonly exclude?: readonly string[];
}

/** The article files (absolute, each once, in input order; a folder's and a glob's sorted by path). */
export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    for (const file of await expandInput(input, options)) {
      if (!seen.has(file)) files.push(file);
      seen.add(file);
    }
  }
  return files;
}

async function expandInput(input: string, options: ExpandOptions): Promise<string[]> {
  const absolute = resolve(options.cwd, input);
  const stats = await stat(absolute).catch((err: unknown) => err as NodeJS.ErrnoException);
  if (stats instanceof Error) {
    if ((stats.code === 'ENOENT' || stats.code === 'ENOTDIR') && isGlob(input)) return expandGlob(input, options);
    throw missingOrUnreadable(stats, input, options.cwd);
  }
  if (stats.isDirectory()) return listFolder(absolute, input, options.exclude ?? []);
  return [checkedArticle(absolute, input, stats)];
}

/** Whether an input has glob characters (it is read as a glob when no file of that very name exists). */
export function isGlob(input: string): boolean {
  return /[*?[\]{}]/.test(input);
}

/** The leading path segments of a glob before the first one with glob characters (`posts/**\/*.md` → `posts`). */
export function globBase(input: string): string {
  const fixed: string[] = [];
  for (const part of input.split(/[\\/]/)) {
    if (isGlob(part)) return fixed.length === 0 ? '.' : fixed.join(sep) || sep;
    fixed.push(part);
  }
  return input;
}

async function expandGlob(pattern: string, options: ExpandOptions): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const found = await glob(pattern.split(sep).join('/'), { cwd: options.cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
  const exclude = options.exclude ?? [];
  const files = found
    .map((f) => resolve(f))
    .filter((f) => isListedArticle(f.split(/[\\/]/).pop() ?? f) && !exclude.some((e) => inside(f, e)))
    .sort(byCodeUnits);
  if (files.length === 0) {
    throw new LecternError('input-missing', `no article matches ${pattern}`, {
      file: pattern,
      hint: `the pattern is matched from ${options.cwd}; Lectern reads ${ARTICLE_EXTENSIONS.join(', ')} files (names starting with _ or . and READMEs are skipped)`,
    });
  }
  return files;
}

/** Every article under `folder`, recursively, sorted by path. */
async function listFolder(folder: string, input: string, exclude: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (exclude.some((e) => inside(dir, e))) return;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      throw unreadableInput(input, err);
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolder(entry.name)) await walk(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isListedArticle(entry.name)) files.push(path);
    }
  };
  await walk(folder);
  if (files.length === 0) {
    throw new LecternError('input-empty-dir', `no articles in folder ${input}`, {
      file: input,
      hint: `put ${ARTICLE_EXTENSIONS.join(', ')} files in it or in its subfolders (names starting with _ or . and README, LICENSE, CHANGELOG, SOURCES files are skipped)`,
    });
  }
  // Plain code-unit order of the relative paths: the same on every machine, whatever its locale.
  return files.sort(byCodeUnits);
}

function checkedArticle(absolute: string, input: string, stats: Stats): string {
  if (!stats.isFile() || !isArticlePath(absolute)) {
    const ext = extensionOf(absolute) || 'no extension';
    throw new LecternError('input-unsupported', `${input} is not an article file (${ext})`, {
      file: input,
      hint: `Lectern reads ${ARTICLE_EXTENSIONS.join(', ')} files`,
    });
  }
  return absolute;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `path` is `folder` or inside it. */
function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function missingOrUnreadable(err: NodeJS.ErrnoException, input: string, cwd: string): LecternError {
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
    return new LecternError('input-missing', `no such file or folder: ${input}`, {
      file: input,
      hint: `check the spelling; relative paths start from ${cwd}; quote a glob ('posts/**/*.md') so that Lectern expands it`,
      cause: err,
    });
  }
  return unreadableInput(input, err);
}

/** A file or folder that exists but cannot be read. */
export function unreadableInput(file: string, err: unknown): LecternError {
  const reason = err instanceof Error ? err.message : String(err);
  return new LecternError('input-unreadable', `cannot read ${file}: ${reason}`, {
    file,
    hint: 'check that the file exists and that you may read it',
    cause: err,
  });
}
