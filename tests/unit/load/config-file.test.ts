/**
 * load/config-file.ts: the config file of a folder — TypeScript (through Vite's loader, importing
 * `defineConfig` from the package itself), JavaScript, JSON — with warnings for unknown keys (at
 * their line) and for a second config file that is not read.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { loadConfigFile } from '../../../src/load/config-file.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/config/', import.meta.url));
const temps: string[] = [];

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-config-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe('loadConfigFile', () => {
  it('gives an empty config when the folder has no config file', async () => {
    expect(await loadConfigFile(await folder({}))).toEqual({ config: {}, diagnostics: [] });
  });

  it('reads lectern.config.ts with defineConfig and types from the package, and warns about unknown keys at their lines', { timeout: 60_000 }, async () => {
    const loaded = await loadConfigFile(join(FIXTURES, 'ts'));
    expect(loaded.file).toBe(join(FIXTURES, 'ts', 'lectern.config.ts'));
    expect(loaded.config).toMatchObject({ theme: 'dark', width: 1024, height: 768, pdf: { paper: 'letter' } });
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'config-unknown-key', line: 8, message: 'unknown option "maxPoint" (did you mean "maxPoints"?); it is ignored' }),
      expect.objectContaining({ severity: 'warning', code: 'config-unknown-key', line: 9, message: 'unknown option "pdf.papr" (did you mean "pdf.paper"?); it is ignored' }),
    ]);
  });

  it('reads lectern.config.mts whose default export is an async function', { timeout: 60_000 }, async () => {
    const loaded = await loadConfigFile(join(FIXTURES, 'mts'));
    expect(loaded.config).toEqual({ layout: 'flat', maxPoints: 4 });
    expect(loaded.diagnostics).toEqual([]);
  });

  it('reads lectern.config.cts (CommonJS TypeScript)', { timeout: 60_000 }, async () => {
    const dir = await folder({ 'lectern.config.cts': "const config: { theme: string } = { theme: 'dark' };\nmodule.exports = config;\n" });
    expect((await loadConfigFile(dir)).config).toEqual({ theme: 'dark' });
  });

  it('reads the first file in order and warns that the others are ignored', async () => {
    const loaded = await loadConfigFile(join(FIXTURES, 'two'));
    expect(loaded.file).toBe(join(FIXTURES, 'two', 'lectern.config.mjs'));
    expect(loaded.config).toEqual({ theme: 'light', statmentWords: 5 });
    expect(loaded.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['config-ignored-file', 'lectern.config.json ignored: lectern.config.mjs is read first'],
      ['config-unknown-key', 'unknown option "statmentWords" (did you mean "statementWords"?); it is ignored'],
    ]);
  });

  it('reads the file --config names, whatever the folder holds', async () => {
    const dir = await folder({ 'lectern.config.json': '{"theme": "dark"}', 'other.json': '{"theme": "light"}' });
    expect((await loadConfigFile(dir, join(dir, 'other.json'))).config).toEqual({ theme: 'light' });
  });

  it.each([
    ['an array', 'lectern.config.json', '[1]', /must export an object/],
    ['bad JSON', 'lectern.config.json', '{ theme: ', /could not read the config file/],
    ['a TypeScript syntax error', 'lectern.config.ts', 'export default {{ ', /could not read the config file/],
    ['a function that returns nothing', 'lectern.config.mjs', 'export default () => undefined;', /must export an object/],
  ])('refuses %s as config-invalid naming the file', { timeout: 60_000 }, async (_, name, text, message) => {
    const dir = await folder({ [name]: text });
    const error = await loadConfigFile(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect(error).toMatchObject({ code: 'config-invalid', file: join(dir, name) });
    expect((error as Error).message).toMatch(message);
  });

  it('says when the file --config names does not exist', async () => {
    const dir = await folder({});
    await expect(loadConfigFile(dir, join(dir, 'nope.ts'))).rejects.toMatchObject({ code: 'input-missing' });
  });
});
