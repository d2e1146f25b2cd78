/**
 * The Vite plugin's parts that need no server: the mount path under Vite's base, and the dev
 * server's list of decks — the same files a build reads (folders recursively, globs, page bundles),
 * and which files that appear later belong to it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { DevDecks } from '../../../src/vite/decks.js';
import { joinBase, lectern, normalizeMount } from '../../../src/vite/plugin.js';
import { TEST_RUNTIME } from '../helpers/compile.js';

describe('mount path', () => {
  it.each([
    ['/talks/', '/talks/'],
    ['talks', '/talks/'],
    ['/a//b', '/a/b/'],
    ['/', '/'],
    ['', '/'],
  ])('%j → %j', (path, mount) => {
    expect(normalizeMount(path)).toBe(mount);
  });

  it('refuses a path that climbs', () => {
    expect(() => normalizeMount('/talks/../x')).toThrow(/plain URL path/);
  });

  it.each([
    ['/', '/talks/', '/talks/'],
    ['/app/', '/talks/', '/app/talks/'],
    ['/app', '/talks/', '/app/talks/'],
    ['./', '/talks/', '/talks/'],
    ['/', '/', '/'],
  ])('Vite base %j + %j → %j', (base, mount, joined) => {
    expect(joinBase(base, mount)).toBe(joined);
  });

  it('is one plugin named lectern:decks that serves and builds', () => {
    const plugin = lectern();
    expect(plugin.name).toBe('lectern:decks');
    expect(plugin.apply).toBeUndefined();
    expect(typeof plugin.configureServer).toBe('function');
    expect(typeof plugin.buildStart).toBe('function');
  });
});

describe('DevDecks', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-dev-decks-'));
    for (const file of ['talks/a.md', 'talks/bundle/index.md', 'talks/_draft.md', 'talks/deep/er/b.md', 'more/c.md', 'more/d.html']) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), '# T\n\nText.\n');
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the articles a build would read: folders recursively, globs', async () => {
    const decks = new DevDecks(['talks', 'more/*.md'], resolveConfig(), root, TEST_RUNTIME);
    expect((await decks.files()).map((f) => f.slice(root.length + 1))).toEqual(['talks/a.md', 'talks/bundle/index.md', 'talks/deep/er/b.md', 'more/c.md']);
    expect(await decks.folders()).toEqual([join(root, 'talks'), join(root, 'more')]);
  });

  it('knows an article that appears later under a folder or a glob, and skips drafts', () => {
    const decks = new DevDecks(['talks', 'more/*.md'], resolveConfig(), root, TEST_RUNTIME);
    expect(decks.isArticle(join(root, 'talks/new/deeper/index.md'))).toBe(true);
    expect(decks.isArticle(join(root, 'more/e.md'))).toBe(true);
    expect(decks.isArticle(join(root, 'talks/_later.md'))).toBe(false);
    expect(decks.isArticle(join(root, 'elsewhere/x.md'))).toBe(false);
  });

  it('still lists the other inputs when one names nothing yet', async () => {
    const decks = new DevDecks(['nothing-here', 'more'], resolveConfig(), root, TEST_RUNTIME);
    expect((await decks.files()).map((f) => f.slice(root.length + 1))).toEqual(['more/c.md', 'more/d.html']);
  });
});
