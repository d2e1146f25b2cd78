/**
 * site/write.ts in real temporary folders: a site is written whole with a manifest of its files;
 * the next build removes what the previous one wrote and no longer has (and folders it leaves
 * empty), never a file Lectern did not write; copies whose target has the same name and size are
 * skipped; a path that could leave the output folder is refused before anything is written.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import type { OutputFile } from '../../../src/site/output.js';
import { MANIFEST_NAME, pagesLast, writeFiles, writeSite } from '../../../src/site/write.js';

let root: string;
let out: string;
let src: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-write-'));
  out = join(root, 'out');
  src = join(root, 'src');
  await mkdir(src);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const site = (entries: Record<string, OutputFile>): Map<string, OutputFile> => new Map(Object.entries(entries));

/** Every file under `dir`, relative and `/`-separated, sorted. */
async function files(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

async function manifest(): Promise<string[]> {
  return (JSON.parse(await readFile(join(out, MANIFEST_NAME), 'utf8')) as { files: string[] }).files;
}

describe('writeSite', () => {
  it('writes text, bytes and copies into a new folder, and a manifest of exactly those files', async () => {
    await writeFile(join(src, 'a.png'), 'PNG-A');
    const report = await writeSite(
      out,
      site({
        'index.html': { data: '<h1>index</h1>' },
        'talk/index.html': { data: '<h1>talk</h1>' },
        'talk/slides.pdf': { data: new Uint8Array([37, 80, 68, 70]) },
        'talk/a-12345678.png': { copy: join(src, 'a.png') },
      }),
    );
    expect(report).toEqual({ written: 4, unchanged: 0, removed: [] });
    expect(await files(out)).toEqual([MANIFEST_NAME, 'index.html', 'talk/a-12345678.png', 'talk/index.html', 'talk/slides.pdf'].sort());
    expect(await readFile(join(out, 'talk', 'index.html'), 'utf8')).toBe('<h1>talk</h1>');
    expect(await readFile(join(out, 'talk', 'slides.pdf'), 'latin1')).toBe('%PDF');
    expect(await readFile(join(out, 'talk', 'a-12345678.png'), 'utf8')).toBe('PNG-A');
    expect(await manifest()).toEqual(['index.html', 'talk/a-12345678.png', 'talk/index.html', 'talk/slides.pdf']);
  });

  it('removes the files of the previous build that this one no longer has, and the folders left empty', async () => {
    await writeSite(out, site({ 'index.html': { data: '1' }, 'old/index.html': { data: 'old' }, 'old/img/x.svg': { data: '<svg/>' }, 'kept/index.html': { data: 'k' } }));
    const report = await writeSite(out, site({ 'index.html': { data: '2' }, 'kept/index.html': { data: 'k2' } }));
    expect([...report.removed].sort()).toEqual(['old/img/x.svg', 'old/index.html']);
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(await files(out)).toEqual([MANIFEST_NAME, 'index.html', 'kept/index.html'].sort());
    expect(await manifest()).toEqual(['index.html', 'kept/index.html']);
  });

  it('removes the PDFs and PNG thumbnail of a kept deck once a build (HTML only) no longer makes them', async () => {
    const deck = (pdf: boolean): Record<string, OutputFile> => ({
      'index.html': { data: 'i' },
      'talk/index.html': { data: 't' },
      ...(pdf
        ? { 'talk/slides.pdf': { data: new Uint8Array([37]) }, 'talk/handout.pdf': { data: new Uint8Array([37]) }, 'talk/thumbnail.png': { data: new Uint8Array([137]) } }
        : { 'talk/thumbnail.svg': { data: '<svg/>' } }),
    });
    await writeSite(out, site({ ...deck(true), 'gone/index.html': { data: 'g' }, 'gone/slides.pdf': { data: new Uint8Array([37]) } }));
    const report = await writeSite(out, site(deck(false)));
    expect([...report.removed].sort()).toEqual(['gone/index.html', 'gone/slides.pdf', 'talk/handout.pdf', 'talk/slides.pdf', 'talk/thumbnail.png']);
    expect(await files(out)).toEqual([MANIFEST_NAME, 'index.html', 'talk/index.html', 'talk/thumbnail.svg'].sort());
  });

  it('never touches a file it did not write, even in a folder of a deck it removes', async () => {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'CNAME'), 'talks.example.org');
    await writeSite(out, site({ 'old/index.html': { data: 'old' }, 'index.html': { data: 'i' } }));
    await writeFile(join(out, 'old', 'notes.txt'), 'mine');
    const cnameBefore = await stat(join(out, 'CNAME'));
    const report = await writeSite(out, site({ 'index.html': { data: 'i2' } }));
    expect(report.removed).toEqual(['old/index.html']);
    expect(await readFile(join(out, 'CNAME'), 'utf8')).toBe('talks.example.org');
    expect((await stat(join(out, 'CNAME'))).mtimeMs).toBe(cnameBefore.mtimeMs);
    expect(await readFile(join(out, 'old', 'notes.txt'), 'utf8')).toBe('mine');
    expect(await files(out)).toEqual(['CNAME', MANIFEST_NAME, 'index.html', 'old/notes.txt'].sort());
  });

  it('with no manifest (a folder Lectern never wrote), removes nothing', async () => {
    await mkdir(join(out, 'deck'), { recursive: true });
    await writeFile(join(out, 'deck', 'index.html'), 'someone else’s');
    const report = await writeSite(out, site({ 'index.html': { data: 'i' } }));
    expect(report.removed).toEqual([]);
    expect(await readFile(join(out, 'deck', 'index.html'), 'utf8')).toBe('someone else’s');
  });

  it('ignores manifest entries that climb out of the folder (a hand-edited manifest deletes nothing outside)', async () => {
    await writeFile(join(root, 'precious.txt'), 'keep me');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, MANIFEST_NAME), JSON.stringify({ files: ['../precious.txt', '/etc/hostname', 'a/../../precious.txt', 'gone.html'] }));
    await writeFile(join(out, 'gone.html'), 'x');
    const report = await writeSite(out, site({ 'index.html': { data: 'i' } }));
    expect(report.removed).toEqual(['gone.html']);
    expect(await readFile(join(root, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('skips a copy whose target already has the same (content-hashed) name and size', async () => {
    await writeFile(join(src, 'a.png'), 'AAAAA');
    const output = site({ 'deck/a-11111111.png': { copy: join(src, 'a.png') }, 'deck/index.html': { data: 'page' } });
    await writeSite(out, output);
    const before = await stat(join(out, 'deck', 'a-11111111.png'));
    // Same size, other bytes: by the naming rule the same file, so it is not copied again.
    await writeFile(join(src, 'a.png'), 'BBBBB');
    const again = await writeSite(out, output);
    expect(again).toEqual({ written: 1, unchanged: 1, removed: [] });
    expect(await readFile(join(out, 'deck', 'a-11111111.png'), 'utf8')).toBe('AAAAA');
    expect((await stat(join(out, 'deck', 'a-11111111.png'))).mtimeMs).toBe(before.mtimeMs);
    // Another size is another file: copied.
    await writeFile(join(src, 'a.png'), 'CCCCCCC');
    expect((await writeSite(out, output)).unchanged).toBe(0);
    expect(await readFile(join(out, 'deck', 'a-11111111.png'), 'utf8')).toBe('CCCCCCC');
  });

  it('fails with write-failed, naming the file, when a copy’s source is gone', async () => {
    const err = await writeSite(out, site({ 'deck/a.png': { copy: join(src, 'missing.png') } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LecternError);
    expect((err as LecternError).code).toBe('write-failed');
    expect((err as LecternError).message).toContain('missing.png');
  });

  it.each(['../escape.html', 'deck/../../escape.html', '/etc/escape.html', 'deck//index.html', './index.html', 'deck\\..\\escape.html', ''])(
    'refuses the path %j with write-failed, and writes nothing at all',
    async (bad) => {
      const output = site({ 'index.html': { data: 'good' }, [bad]: { data: 'evil' }, 'z/index.html': { data: 'good' } });
      const err = await writeSite(out, output).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LecternError);
      expect((err as LecternError).code).toBe('write-failed');
      expect((err as LecternError).message).toContain('refusing to write outside the output folder');
      expect(existsSync(join(root, 'escape.html'))).toBe(false);
      expect(await files(out)).toEqual([]);
    },
  );
});

describe('writeFiles', () => {
  it('fills a folder without a manifest and removes nothing', async () => {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'other.txt'), 'x');
    expect(await writeFiles(out, site({ 'a/index.html': { data: 'a' } }))).toEqual({ written: 1, unchanged: 0 });
    expect(await files(out)).toEqual(['a/index.html', 'other.txt']);
  });
});

describe('writeSite cut short (finding 5 of issue 11)', () => {
  it('writes the files pages refer to first, the deck pages next, the index page last', () => {
    const order = [...pagesLast(site({ 'index.html': { data: 'i' }, 'a/index.html': { data: 'a' }, 'a/x.png': { data: 'x' }, 'assets/r.js': { data: 'r' } })).keys()];
    expect(order).toEqual(['a/x.png', 'assets/r.js', 'a/index.html', 'index.html']);
  });

  it('names the old and the new files in the manifest before writing, so a build cut short is still cleaned up', async () => {
    await writeSite(out, site({ 'old/index.html': { data: 'o' } }));
    // A write that fails half-way: the second file's folder is a file.
    await writeFile(join(out, 'blocker'), 'x');
    await expect(writeSite(out, site({ 'new/a.png': { data: 'a' }, 'blocker/index.html': { data: 'b' } }))).rejects.toBeInstanceOf(LecternError);
    const manifest = JSON.parse(await readFile(join(out, MANIFEST_NAME), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(['blocker/index.html', 'new/a.png', 'old/index.html']);
    await rm(join(out, 'blocker'));
    await writeSite(out, site({ 'index.html': { data: 'i' } }));
    expect(await files(out)).toEqual([MANIFEST_NAME, 'index.html']);
  });
});
