/**
 * Where an article's files may come from: its project folders. An article may reference images
 * inside the folder it was built from (its own folder: `lectern build posts/` or
 * `lectern build posts/talk.md`), inside the site it belongs to (the first folder up with a site
 * generator's config — Jekyll `_config.yml`, Hugo, Zola, MkDocs, Quarto — stopping at a
 * repository's root), and inside the folders the user allowed (`--allow-dir`, `allowDirs`).
 * Everything is compared after symbolic links are resolved, so a link cannot lead outside.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Files whose folder is the root of a static site (the article's site root). */
export const SITE_MARKERS = [
  '_config.yml',
  '_config.yaml',
  'hugo.toml',
  'hugo.yaml',
  'hugo.json',
  'config.toml',
  'zola.toml',
  'mkdocs.yml',
  'mkdocs.yaml',
  '_quarto.yml',
  '_quarto.yaml',
] as const;

/** Why a file may not be read for an article: outside every project folder, or hidden inside one. */
export type FileRefusal = { readonly type: 'outside'; readonly roots: readonly string[] } | { readonly type: 'hidden'; readonly root: string };

/** The project folders of the article at `articleFile`: real paths, its own folder first. */
export async function projectRoots(articleFile: string, allowDirs: readonly string[] = [], cwd = process.cwd()): Promise<string[]> {
  const folder = resolve(cwd, dirname(articleFile));
  const candidates = [folder, await findSiteRoot(folder), ...allowDirs.map((d) => resolve(cwd, d))];
  const roots: string[] = [];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const real = await realpath(candidate).catch(() => undefined);
    if (real !== undefined && !roots.includes(real)) roots.push(real);
  }
  return roots;
}

/** The first folder from `folder` up holding a site generator's config, stopping at a `.git` folder. */
export async function findSiteRoot(folder: string): Promise<string | undefined> {
  for (let dir = resolve(folder); ; ) {
    for (const marker of SITE_MARKERS) if (await isFile(join(dir, marker))) return dir;
    const parent = dirname(dir);
    if (parent === dir || (await exists(join(dir, '.git')))) return undefined;
    dir = parent;
  }
}

/**
 * Whether the file at `real` (a real path: symbolic links resolved) may be read: it must be inside
 * one of `roots`, and no name on its way down from that root may start with `.` (`.git/`, `.env`).
 */
export function refusal(real: string, roots: readonly string[]): FileRefusal | undefined {
  let hidden: string | undefined;
  for (const root of roots) {
    const rel = relative(root, real);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
    if (!rel.split(sep).some((part) => part.startsWith('.'))) return undefined;
    hidden ??= root;
  }
  return hidden === undefined ? { type: 'outside', roots } : { type: 'hidden', root: hidden };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
