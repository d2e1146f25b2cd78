/**
 * commands/watch.ts (`lectern build --watch`): one build at once, then one more per burst of
 * changes (never two at a time, never lost); the output folder, editor swap files and VCS folders
 * never start a build; a failed build is reported and the watch goes on; the folders watched are
 * the inputs' (a file's folder, a glob's fixed part), the config file's folder only for that file.
 * With fake watchers (deterministic), then once with Node's real fs.watch.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchAndRun, type WatchFn } from '../../../src/commands/watch.js';
import { globBase } from '../../../src/load/inputs.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-watch-'));
  await mkdir(join(root, 'posts', 'deep'), { recursive: true });
  await writeFile(join(root, 'posts', 'a.md'), '# A\n');
  await writeFile(join(root, 'single.md'), '# S\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Fake watchers: `fire(folder, file)` reports a change to the watcher of that folder. */
function fakeWatch(): { watch: WatchFn; watched: string[]; fire: (file: string) => void; closed: () => number } {
  const listeners: { folder: string; recursive: boolean; onChange: (file: string) => void }[] = [];
  let closed = 0;
  return {
    watch: (folder, recursive, onChange) => {
      listeners.push({ folder, recursive, onChange });
      return { close: () => void closed++ };
    },
    get watched() {
      return listeners.map((l) => `${l.folder.startsWith(root) ? l.folder.slice(root.length) : l.folder}${l.recursive ? '/**' : ''}`);
    },
    fire: (file) => {
      for (const l of listeners) if (file.startsWith(`${l.folder}/`)) l.onChange(file);
    },
    closed: () => closed,
  };
}

describe('watchAndRun', () => {
  it('builds once at the start, then once per burst of changes with every changed file', async () => {
    const fake = fakeWatch();
    const runs: string[][] = [];
    const watching = await watchAndRun({ inputs: ['posts', 'single.md'], cwd: root, run: async (c) => void runs.push([...c]), onError: () => undefined, watch: fake.watch, settleMs: 10 });
    expect(runs).toEqual([[]]);
    fake.fire(join(root, 'posts', 'a.md'));
    fake.fire(join(root, 'posts', 'deep', 'b.md'));
    fake.fire(join(root, 'posts', 'a.md'));
    await expect.poll(() => runs.length).toBe(2);
    await watching.idle();
    expect(runs[1]).toEqual([join(root, 'posts', 'a.md'), join(root, 'posts', 'deep', 'b.md')]);
    watching.close();
    expect(fake.closed()).toBe(1); // single.md's folder holds posts/: one recursive watch
  });

  it('watches each input folder (recursively), a file input\'s folder, and the config file\'s folder for that file only', async () => {
    const fake = fakeWatch();
    const runs: string[][] = [];
    const other = await mkdtemp(join(tmpdir(), 'lectern-watch-config-'));
    try {
      const watching = await watchAndRun({ inputs: ['posts'], cwd: root, extraFiles: [join(other, 'lectern.config.ts')], run: async (c) => void runs.push([...c]), onError: () => undefined, watch: fake.watch, settleMs: 10 });
      expect(fake.watched).toEqual(['/posts/**', other]);
      watching.close();
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    const nested = fakeWatch();
    const again = await watchAndRun({ inputs: ['posts', 'posts/deep', 'posts/**/*.md', 'single.md'], cwd: root, extraFiles: [join(root, 'lectern.config.ts')], run: async () => undefined, onError: () => undefined, watch: nested.watch });
    // single.md's folder is root, which holds posts/: one recursive watch covers all, the config file included.
    expect(nested.watched).toEqual(['/**']);
    again.close();
  });

  it('ignores the output folder, editor swap files and .git', async () => {
    const fake = fakeWatch();
    const runs: string[][] = [];
    const watching = await watchAndRun({ inputs: ['.'], cwd: root, ignore: ['dist'], run: async (c) => void runs.push([...c]), onError: () => undefined, watch: fake.watch, settleMs: 10 });
    for (const f of ['dist/a/index.html', 'posts/.a.md.swp', 'posts/a.md~', '.git/index', 'node_modules/x/y.md']) fake.fire(join(root, f));
    fake.fire(join(root, 'posts', 'a.md'));
    await expect.poll(() => runs.length).toBe(2);
    expect(runs[1]).toEqual([join(root, 'posts', 'a.md')]);
    watching.close();
  });

  it('reports a failed build and goes on; a change during a build makes exactly one more build', async () => {
    const fake = fakeWatch();
    const errors: unknown[] = [];
    const runs: string[][] = [];
    let release: (() => void) | undefined;
    const watching = await watchAndRun({
      inputs: ['posts'],
      cwd: root,
      settleMs: 5,
      watch: fake.watch,
      onError: (e) => errors.push(e),
      run: async (c) => {
        runs.push([...c]);
        if (runs.length === 1) throw new Error('first build failed');
        if (runs.length === 2) await new Promise<void>((r) => (release = r));
      },
    });
    expect(errors).toEqual([new Error('first build failed')]);
    fake.fire(join(root, 'posts', 'a.md'));
    await expect.poll(() => release !== undefined).toBe(true);
    fake.fire(join(root, 'posts', 'b.md'));
    fake.fire(join(root, 'posts', 'c.md'));
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toHaveLength(2); // the second build is still running: the changes wait
    release!();
    await expect.poll(() => runs.length).toBe(3);
    await watching.idle();
    expect(runs[2]).toEqual([join(root, 'posts', 'b.md'), join(root, 'posts', 'c.md')]);
    watching.close();
  });

  it('with the real fs.watch: a saved article starts a build', { timeout: 30_000 }, async () => {
    const runs: string[][] = [];
    const watching = await watchAndRun({ inputs: ['posts'], cwd: root, run: async (c) => void runs.push([...c]), onError: () => undefined });
    try {
      await writeFile(join(root, 'posts', 'deep', 'new.md'), '# New\n');
      await expect.poll(() => runs.flat(), { timeout: 20_000 }).toContain(join(root, 'posts', 'deep', 'new.md'));
    } finally {
      watching.close();
    }
  });
});

describe('globBase', () => {
  it.each([
    ['posts/**/*.md', 'posts'],
    ['*.md', '.'],
    ['content/posts/*/index.md', join('content', 'posts')],
    ['a.md', 'a.md'],
    ['{a,b}/x.md', '.'],
  ])('%s → %s', (glob, base) => {
    expect(globBase(glob)).toBe(base);
  });
});
