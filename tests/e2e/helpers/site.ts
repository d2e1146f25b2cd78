/** Builds sites through the library into temporary folders and reads what was written. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { resolveConfig, type UserConfig } from '../../../src/config.js';
import { buildSite, type BuildResult } from '../../../src/commands/build.js';

/** A fresh empty folder under the system temp dir. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `lectern-e2e-${prefix}-`));
}

/** Remove a folder made by tempDir; quiet when it is already gone or was never made. */
export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Build `inputs` into `outDir` through buildSite, with the given config on top of the defaults. */
export function buildInto(inputs: readonly string[], outDir: string, config: UserConfig = {}): Promise<BuildResult> {
  return buildSite({ inputs, config: resolveConfig({ ...config, outDir }) });
}

/** Every file under `dir`, as paths relative to it (with `/`), sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Relative path → content of every `.html` file under `dir`. */
export async function readHtmlFiles(dir: string): Promise<Map<string, string>> {
  const files = (await listFiles(dir)).filter((f) => f.endsWith('.html'));
  const out = new Map<string, string>();
  for (const file of files) out.set(file, await readFile(join(dir, file), 'utf8'));
  return out;
}
