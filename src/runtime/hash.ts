/**
 * The hash that says whether runtime/ is up to date: the contents of src/client/** and themes/**,
 * the versions of the packages bundled into it, and RUNTIME_FORMAT (bump it when the way the
 * runtime is built changes). Reading a few dozen small files takes a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { CLIENT_DIR, PACKAGE_ROOT, THEMES_DIR } from './paths.js';

/** Bump when buildRuntime's output changes for the same inputs. */
export const RUNTIME_FORMAT = 3;

/** Packages whose files end up in the runtime (or that build it). */
const BUNDLED_PACKAGES = ['reveal.js', '@fontsource/inter', '@fontsource/jetbrains-mono', 'katex', 'mermaid', 'vite'];

/** Hash every input of the runtime build. */
export async function hashRuntimeInputs(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`lectern-runtime-format:${RUNTIME_FORMAT}\n`);
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${await packageVersion(name)}\n`);
  for (const dir of [CLIENT_DIR, THEMES_DIR]) {
    for (const file of await listFiles(dir)) {
      const name = relative(PACKAGE_ROOT, file).split(sep).join('/');
      const content = await readFile(file);
      hash.update(`${name}\0${content.length}\0`);
      hash.update(content);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** A package's version, looked up as Node would find it (node_modules here, then in each parent). */
async function packageVersion(name: string): Promise<string> {
  // Not `require.resolve('<name>/package.json')`: reveal.js's exports map does not expose it.
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    try {
      const pkg: unknown = JSON.parse(await readFile(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
      const version = typeof pkg === 'object' && pkg !== null ? (pkg as { version?: unknown }).version : undefined;
      return typeof version === 'string' ? version : 'unknown';
    } catch {
      if (dirname(dir) === dir) return 'missing';
    }
  }
}

/** Every file under `dir`, recursively, in a stable order. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
