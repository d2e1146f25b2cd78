/**
 * Writing a site to disk: the file-system edge of site/. `writeSite` puts a whole build in place at
 * the end of it (each file atomically), and removes what the previous build wrote that this one no
 * longer has — known from a manifest of written files, so a user's own files in the folder are
 * never touched. `writeFiles` fills a scratch folder (the PDF step's staging site, `check`'s
 * workspace) without a manifest.
 */
import { copyFile, mkdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { LecternError } from '../errors.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { OutputFile, SiteOutput } from './output.js';

/** The manifest of what Lectern wrote into an output folder (a dotfile: hosts do not serve it). */
export const MANIFEST_NAME = '.lectern-manifest.json';

/** What writeSite did. */
export interface WriteReport {
  /** Files written or copied. */
  readonly written: number;
  /** Copies left as they were: same (content-hashed) name and size. */
  readonly unchanged: number;
  /** Files of the previous build that this one no longer has, removed. */
  readonly removed: readonly string[];
}

/**
 * Write `output` into `outDir` and remove the previous build's leftovers. The order keeps the
 * folder a working site if the write is cut short (a full disk, a killed process): the files pages
 * refer to are written before the pages, the index page last; the manifest names the old and new
 * files before anything is written or removed, so the next build still cleans up.
 */
export async function writeSite(outDir: string, output: SiteOutput): Promise<WriteReport> {
  for (const path of output.keys()) checkedPath(path); // A refused path leaves the folder as it was.
  const previous = await readManifest(outDir);
  const both = new Set([...previous, ...output.keys()]);
  if (both.size > previous.length) await writeManifest(outDir, [...both]);
  const { written, unchanged } = await writeFiles(outDir, pagesLast(output));
  const removed: string[] = [];
  for (const path of previous) {
    if (output.has(path)) continue;
    await rm(join(outDir, path), { force: true });
    removed.push(path);
    await removeEmptyParents(outDir, path);
  }
  await writeManifest(outDir, [...output.keys()]);
  return { written, unchanged, removed };
}

function writeManifest(outDir: string, files: readonly string[]): Promise<void> {
  return writeFileAtomic(join(outDir, MANIFEST_NAME), `${JSON.stringify({ files: [...files].sort() }, null, 1)}\n`);
}

/** The same site, HTML pages after every other file and `index.html` at the very end. */
export function pagesLast(output: SiteOutput): SiteOutput {
  const rank = (path: string): number => (path === 'index.html' ? 2 : path.endsWith('.html') ? 1 : 0);
  return new Map([...output].sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * Write every file of `output` under `dir`; copies already there with the same name and size are
 * kept. In order, one after the other — or with `concurrent` (a scratch folder, where order does not
 * matter) all at once: the copies then go on in Node's thread pool while this thread is busy
 * (compiling the decks the scratch site waits for), not one per turn of a busy event loop.
 */
export async function writeFiles(dir: string, output: SiteOutput, options: { readonly concurrent?: boolean } = {}): Promise<{ written: number; unchanged: number }> {
  let written = 0;
  let unchanged = 0;
  // Every path checked before the first write: a refused one leaves the folder as it was.
  const targets = [...output].map(([path, file]) => [join(dir, checkedPath(path)), file] as const);
  const one = async ([target, file]: (typeof targets)[number]): Promise<void> => {
    if ('copy' in file && (await sameSize(file.copy, target))) {
      unchanged++;
      return;
    }
    await writeOne(target, file);
    written++;
  };
  if (options.concurrent === true) {
    for (const folder of new Set(targets.map(([target]) => dirname(target)))) await mkdir(folder, { recursive: true });
    await Promise.all(targets.map(one));
  } else {
    for (const target of targets) await one(target);
  }
  return { written, unchanged };
}

async function writeOne(target: string, file: OutputFile): Promise<void> {
  if ('data' in file) return writeFileAtomic(target, file.data);
  try {
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file.copy, target);
  } catch (cause) {
    throw new LecternError('write-failed', `could not copy ${file.copy} to ${target}: ${(cause as Error).message}`, {
      file: target,
      hint: 'check that the output folder is writable and the disk is not full',
      cause,
    });
  }
}

// Copied files (runtime assets, images) carry a content hash in their names: the same name and
// size is the same file, and skipping it keeps a rebuild of an unchanged site cheap.
async function sameSize(from: string, to: string): Promise<boolean> {
  const [a, b] = await Promise.all([stat(from).catch(() => undefined), stat(to).catch(() => undefined)]);
  return a !== undefined && b !== undefined && b.isFile() && a.size === b.size;
}

/** A site path, refused when it could leave the output folder (slugs never do; this is the last guard). */
function checkedPath(path: string): string {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
    throw new LecternError('write-failed', `refusing to write outside the output folder: ${JSON.stringify(path)}`);
  }
  return parts.join(sep);
}

async function readManifest(outDir: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), 'utf8')) as { files?: unknown };
    const files = Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
    // A hand-edited manifest must not make Lectern delete outside the folder.
    return files.filter((f) => {
      try {
        checkedPath(f);
        return true;
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}

async function removeEmptyParents(outDir: string, path: string): Promise<void> {
  const parts = path.split('/').slice(0, -1);
  while (parts.length > 0) {
    // rmdir fails on a folder that still holds something: that is the stop condition.
    const ok = await rmdir(join(outDir, ...parts)).then(() => true, () => false);
    if (!ok) return;
    parts.pop();
  }
}
