/**
 * Where the deck runtime lives: the browser code (src/client/), the themes (themes/) and the
 * built runtime (runtime/, gitignored), all found from this module's own location so the same
 * code works from src/ (tsx, vitest) and from the compiled build/src/.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first folder upward from `start` that holds a package.json: Lectern's own package root. */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`lectern: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** Lectern's package root (the repository root in development). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
/** The built runtime: `runtime/assets/*` plus `runtime/lectern-runtime.json`. */
export const RUNTIME_DIR = join(PACKAGE_ROOT, 'runtime');
/** The browser code's sources. */
export const CLIENT_DIR = join(PACKAGE_ROOT, 'src', 'client');
/** Theme stylesheets: one `<name>.css` per theme; `_*.css` are shared partials. */
export const THEMES_DIR = join(PACKAGE_ROOT, 'themes');
/**
 * Whether this is a development checkout, the only place the runtime is ever (re)built: the browser
 * code's sources are here (the npm package ships no src/, only build/ and the prebuilt runtime/)
 * and the package does not sit inside a node_modules folder. An installed Lectern never writes into
 * its own folder, so a read-only node_modules works.
 */
export function isDevelopmentCheckout(root = PACKAGE_ROOT): boolean {
  return existsSync(join(root, 'src', 'client')) && !root.split(/[\\/]/).includes('node_modules');
}
/** The manifest's file name inside RUNTIME_DIR. */
export const MANIFEST_FILE = 'lectern-runtime.json';

/** The names of the available themes, sorted: themes/*.css without partials (`_*`) or subfolders. */
export async function listThemes(): Promise<string[]> {
  const entries = await readdir(THEMES_DIR, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.css') && !e.name.startsWith('_'))
    .map((e) => e.name.slice(0, -'.css'.length))
    .sort();
}
