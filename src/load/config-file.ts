/**
 * Reads the config file — `lectern.config.ts` (`.mts`, `.cts`), `.js`, `.mjs` or `.json` — from a
 * folder, or the one `--config` names (the file-system edge of configuration; resolving stays in
 * config.ts). TypeScript files go through Vite's `loadConfigFromFile`, so `import { defineConfig }
 * from 'lectern'` and types work; Vite is imported only when such a file exists. Unknown keys are
 * warnings naming the nearest valid one.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { keyLine, unknownConfigKeys, unknownKeyMessage } from '../config-keys.js';
import type { UserConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { Diagnostic } from '../model.js';

/** Config file names, in the order they are looked for. */
export const CONFIG_FILES = [
  'lectern.config.ts',
  'lectern.config.mts',
  'lectern.config.cts',
  'lectern.config.js',
  'lectern.config.mjs',
  'lectern.config.json',
] as const;

/** What a config file said. */
export interface LoadedConfigFile {
  /** The file read (absolute), or undefined when there is none. */
  readonly file?: string;
  readonly config: UserConfig;
  /** Unknown keys, a second config file that is ignored. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The config of the first config file in `dir` (or of `explicit`); `{}` when there is none. */
export async function loadConfigFile(dir: string, explicit?: string): Promise<LoadedConfigFile> {
  const present = CONFIG_FILES.map((name) => join(dir, name)).filter((f) => existsSync(f));
  const file = explicit ?? present[0];
  if (file === undefined) return { config: {}, diagnostics: [] };
  if (!existsSync(file)) throw new LecternError('input-missing', `no such config file: ${file}`, { file });
  const config = await readConfig(file);
  const diagnostics: Diagnostic[] = [];
  if (explicit === undefined && present.length > 1) {
    diagnostics.push({
      severity: 'warning',
      code: 'config-ignored-file',
      message: `${present.slice(1).map((f) => basename(f)).join(', ')} ignored: ${basename(file)} is read first`,
      file,
      hint: 'keep one lectern.config.* file',
    });
  }
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const unknown of unknownConfigKeys(config)) {
    const line = keyLine(text, unknown.key);
    diagnostics.push({
      severity: 'warning',
      code: 'config-unknown-key',
      message: unknownKeyMessage(unknown),
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'see "Configuration" in the README for every option',
    });
  }
  return { file, config, diagnostics };
}

async function readConfig(file: string): Promise<UserConfig> {
  try {
    if (file.endsWith('.json')) return checkShape(JSON.parse(await readFile(file, 'utf8')), file);
    if (/\.[cm]?ts$/.test(file)) return checkShape(await importTypeScript(file), file);
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return checkShape(await callIfFunction(mod.default), file);
  } catch (cause) {
    if (cause instanceof LecternError) throw cause;
    throw new LecternError('config-invalid', `could not read the config file: ${(cause as Error).message}`, {
      file,
      hint: 'a config file exports (or, in JSON, is) an object: export default defineConfig({ theme: "dark" })',
      cause,
    });
  }
}

/**
 * A TypeScript config through Vite's own config loader. ES modules (`.ts`, `.mts`) go through its
 * module runner, which writes no file (the bundling loader writes a temporary `.mjs` into
 * node_modules/.vite-temp, which fails in a read-only node_modules); CommonJS (`.cts`) through the
 * bundling loader, which compiles CommonJS in memory.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const { loadConfigFromFile } = await import('vite');
  // Vite calls a function export with its env; Lectern's config functions take no argument.
  const loader = file.endsWith('.cts') ? 'bundle' : 'runner';
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, file, dirname(file), 'silent', undefined, loader);
  return loaded?.config;
}

async function callIfFunction(value: unknown): Promise<unknown> {
  return typeof value === 'function' ? await (value as () => unknown)() : value;
}

function checkShape(value: unknown, file: string): UserConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LecternError('config-invalid', 'the config file must export an object', { file, hint: 'export default defineConfig({ theme: "dark" })' });
  }
  return value as UserConfig;
}
