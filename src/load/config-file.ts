/**
 * Reads `lectern.config.json`, `lectern.config.mjs` or `lectern.config.js` from the working directory
 * (the file-system edge of configuration; resolving stays in config.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { UserConfig } from '../config.js';
import { LecternError } from '../errors.js';

/** Config file names, in the order they are looked for. */
export const CONFIG_FILES = ['lectern.config.json', 'lectern.config.mjs', 'lectern.config.js'] as const;

/** The user config from the first config file in `dir`, or `{}` when there is none. */
export async function loadConfigFile(dir: string, explicit?: string): Promise<UserConfig> {
  const file = explicit ?? CONFIG_FILES.map((name) => join(dir, name)).find((f) => existsSync(f));
  if (file === undefined) return {};
  if (!existsSync(file)) throw new LecternError('input-missing', `no such config file: ${file}`, { file });
  try {
    if (file.endsWith('.json')) return checkShape(JSON.parse(await readFile(file, 'utf8')), file);
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return checkShape(mod.default, file);
  } catch (cause) {
    if (cause instanceof LecternError) throw cause;
    throw new LecternError('config-invalid', `could not read the config file: ${(cause as Error).message}`, {
      file,
      hint: 'a config file exports (or, in JSON, is) an object such as { "theme": "dark" }',
      cause,
    });
  }
}

function checkShape(value: unknown, file: string): UserConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LecternError('config-invalid', 'the config file must export an object', { file, hint: 'export default defineConfig({ theme: "dark" })' });
  }
  return value as UserConfig;
}
