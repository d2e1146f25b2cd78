import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { decodeUtf8, displayPath, loadSources } from '../../../src/load/files.js';

let root: string;

async function write(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

async function rejection(promise: Promise<unknown>): Promise<LecternError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LecternError) return err;
    throw err;
  }
  throw new Error('expected a LecternError');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-load-'));
  await write('site/b-post.md', '---\ntitle: B\n---\n# B\n\nSee [A]({{ site.baseurl }}{% link a-post.md %}) and [C]({% link sub/c.md %}) and [X]({% link missing.md %}).\n');
  await write('site/a-post.md', '---\ntitle: A\nslug: alpha\n---\n# A\n');
  await write('site/c.md', '# C\n');
  await write('site/index.markdown', '---\ntitle: Home\n---\n<section>Home</section>\n');
  await write('site/_draft.md', '# draft\n');
  await write('site/.hidden.md', '# hidden\n');
  await write('site/README.md', '# readme\n');
  await write('site/LICENSE.md', '# licence\n');
  await write('site/CHANGELOG.md', '# changes\n');
  await write('site/SOURCES.md', '# sources\n');
  await write('site/notes.txt', 'not an article\n');
  await write('site/page.html', '<h1>Page</h1>\n');
  await write('empty/README.md', '# nothing\n');
  await write('empty/notes.txt', 'x');
  await write('latin1.md', new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0x0a, 0x74, 0x65, 0x78, 0x74, 0xff, 0x0a]));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadSources', () => {
  it('lists a folder\'s articles by name, skipping drafts, hidden files, READMEs and licences', async () => {
    const sources = await loadSources(['site'], { cwd: root });
    expect(sources.map((s) => s.path)).toEqual(['site/a-post.md', 'site/b-post.md', 'site/c.md', 'site/index.markdown', 'site/page.html']);
    expect(sources.map((s) => s.slug)).toEqual(['alpha', 'b-post', 'c', 'index', 'page']);
    expect(sources.map((s) => s.format)).toEqual(['markdown', 'markdown', 'markdown', 'markdown', 'html']);
  });

  it('resolves links to sibling articles by their slug, and warns about the rest', async () => {
    const [b] = await loadSources(['site/b-post.md'], { cwd: root });
    expect(b?.body).toContain('[A](../alpha/)');
    expect(b?.body).toContain('[C](../c/)'); // sub/c.md is not there, c.md beside the article is
    expect(b?.body).toContain('[X]()');
    expect(b?.diagnostics).toEqual([expect.objectContaining({ code: 'link-unresolved', line: 6, file: 'site/b-post.md' })]);
  });

  it('does not load a file twice when named twice', async () => {
    const sources = await loadSources(['site/c.md', 'site/c.md', './site/c.md'], { cwd: root });
    expect(sources).toHaveLength(1);
  });

  it('shows paths outside cwd as absolute', async () => {
    const [c] = await loadSources([join(root, 'site/c.md')], { cwd: join(root, 'empty') });
    expect(c?.path).toBe(join(root, 'site/c.md'));
    expect(displayPath(join(root, 'a/b.md'), root)).toBe(join('a', 'b.md'));
  });

  it('throws input-missing for a path that does not exist', async () => {
    const err = await rejection(loadSources(['nope.md'], { cwd: root }));
    expect(err).toMatchObject({ code: 'input-missing', file: 'nope.md', message: 'no such file or folder: nope.md' });
    expect(err.hint).toBeTruthy();
  });

  it('throws input-empty-dir for a folder without articles', async () => {
    const err = await rejection(loadSources(['empty'], { cwd: root }));
    expect(err).toMatchObject({ code: 'input-empty-dir', file: 'empty' });
  });

  it('throws input-unsupported for another file type, naming the supported ones', async () => {
    const err = await rejection(loadSources(['site/notes.txt'], { cwd: root }));
    expect(err.code).toBe('input-unsupported');
    expect(err.hint).toContain('.md');
    expect(err.hint).toContain('.html');
  });

  it('decodes invalid UTF-8 with replacement characters and a warning', async () => {
    const [s] = await loadSources(['latin1.md'], { cwd: root });
    expect(s?.body).toBe('# Caf\uFFFD\n\ntext\uFFFD\n');
    expect(s?.diagnostics).toEqual([expect.objectContaining({ code: 'input-invalid-utf8', line: 1, severity: 'warning' })]);
  });

  it('decodes valid UTF-8 (and drops a BOM) without diagnostics', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Café\n')]);
    expect(decodeUtf8(bytes, 'a.md')).toEqual({ text: '# Café\n', diagnostics: [] });
  });
});
