/**
 * The scratch site of commands/scratch.ts, for real (a temporary folder and the static server on
 * 127.0.0.1): a deck placed is served at its URL as compiled; decks whose slugs collide go into
 * sub-sites of their own, each with the runtime; `rewrite` replaces a deck in place; `dispose`
 * stops the server and removes the folder.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchSite, type ScratchSite } from '../../../src/commands/scratch.js';
import type { CompiledDeck } from '../../../src/compile.js';
import { parseSource } from '../../../src/load/source.js';
import { loadRuntime } from '../../../src/runtime/index.js';
import type { RuntimeManifest } from '../../../src/runtime/manifest.js';
import { compileForTest } from '../helpers/compile.js';

/** A compiled deck of `title` at `path` (its slug is the file name). */
function deck(path: string, title: string): CompiledDeck {
  return compileForTest(parseSource(`# ${title}\n\n## Part\n\nA paragraph of ${title}.\n`, path, { resolveLink: () => undefined }));
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

/** Temp folders of scratch sites that hold `<n>/<slug>/index.html` for this slug (ours, not another run's). */
async function scratchFoldersWith(slug: string): Promise<string[]> {
  const names = (await readdir(tmpdir())).filter((n) => n.startsWith('lectern-site-'));
  return names.map((n) => join(tmpdir(), n)).filter((dir) => existsSync(join(dir, '0', slug, 'index.html')));
}

describe('createScratchSite', () => {
  let runtime: RuntimeManifest;
  let site: ScratchSite;
  // A slug no other test uses, to find this site's folder among other runs' scratch folders.
  const slug = `scratch-${process.pid}-${Date.now().toString(36)}`;
  const first = deck(`talks/${slug}.md`, 'First Talk');
  const twin = deck(`other/${slug}.md`, 'Twin Talk');

  beforeAll(async () => {
    runtime = await loadRuntime();
    site = await createScratchSite(runtime);
  });

  afterAll(async () => {
    await site?.dispose();
  });

  it('serves a placed deck at its URL, with the runtime beside it', async () => {
    const placed = await site.place(first);
    expect(placed.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/0/${slug}/$`));
    expect(await get(placed.url)).toEqual({ status: 200, body: first.rendered.html });
    const script = new URL(`../${runtime.deck.js}`, placed.url).href;
    expect((await get(script)).status).toBe(200);
  });

  it('puts a deck with the same slug into a sub-site of its own, with its own runtime copy', async () => {
    const placed = await site.place(twin);
    expect(placed.url).toMatch(new RegExp(`/1/${slug}/$`));
    expect((await get(placed.url)).body).toBe(twin.rendered.html);
    expect((await get(new URL(`../${runtime.deck.js}`, placed.url).href)).status).toBe(200);
    // The first deck is still served where it was.
    expect((await get(placed.url.replace('/1/', '/0/'))).body).toBe(first.rendered.html);
  });

  it('rewrites a deck in place', async () => {
    const placed = await site.place(deck(`third/${slug}-3.md`, 'Third Talk'));
    const changed = deck(`third/${slug}-3.md`, 'Third Talk, Re-planned');
    await placed.rewrite(changed);
    expect((await get(placed.url)).body).toBe(changed.rendered.html);
  });

  it('stops serving and removes its folder on dispose', async () => {
    const folders = await scratchFoldersWith(slug);
    expect(folders).toHaveLength(1);
    const index = await readFile(join(folders[0]!, '0', slug, 'index.html'), 'utf8');
    expect(index).toBe(first.rendered.html);
    const url = (await site.place(deck(`fourth/${slug}-4.md`, 'Fourth'))).url;
    await site.dispose();
    expect(existsSync(folders[0]!)).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
  });
});
