import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { decodeUtf8, displayPath, loadSources, loadSourcesSettled } from '../../../src/load/files.js';
import { isUnderInputs } from '../../../src/load/inputs.js';

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
  await write('hugo/content/posts/first/index.md', '---\ntitle: First\n---\n# First\n\nText.\n');
  await write('hugo/content/posts/second/index.md', '# Second\n\nText.\n');
  await write('hugo/content/posts/second/notes.md', '# Notes\n\nText.\n');
  await write('hugo/content/posts/_index.md', '# Section list\n');
  await write('hugo/content/about.md', '# About\n\nText.\n');
  await write('hugo/content/.git/x.md', '# not an article\n');
  await write('hugo/content/node_modules/pkg/readme-like.md', '# dependency\n');
  await write('jekyll/_posts/2024-01-01-hello.md', '# Hello\n\nText.\n');
  await write('jekyll/_site/hello/index.html', '<h1>Built</h1>\n');
  await write('jekyll/_drafts/later.md', '# Later\n');
  await write('jekyll/dist/old/index.html', '<h1>Output</h1>\n');
  await write('jekyll/about.md', '# About\n\nText.\n');
  await write('mixed/good.md', '# Good\n\nText.\n');
  await write('mixed/bad-front-matter.md', '---\ntitle: [unclosed\n---\n# Bad\n');
  await write('mixed/empty.md', '');
  await write('mixed/z-good.md', '# Z\n\nText.\n');
  await write('latin1.md', new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0x0a, 0x74, 0x65, 0x78, 0x74, 0xff, 0x0a]));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadSources', () => {
  it('lists a folder\'s articles by name, skipping drafts, hidden files, READMEs and licences', async () => {
    const sources = await loadSources(['site'], { cwd: root });
    expect(sources.map((s) => s.path)).toEqual(['site/a-post.md', 'site/b-post.md', 'site/c.md', 'site/index.markdown', 'site/page.html']);
    // index.markdown is the folder's page (a page bundle): it takes the folder's name.
    expect(sources.map((s) => s.slug)).toEqual(['alpha', 'b-post', 'c', 'site', 'page']);
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

describe('inputs: folders recursively, globs, page bundles', () => {
  it('reads a folder recursively, naming page bundles after their folder, skipping hidden folders and node_modules', async () => {
    const sources = await loadSources(['hugo'], { cwd: root });
    expect(sources.map((s) => s.path)).toEqual(['hugo/content/about.md', 'hugo/content/posts/first/index.md', 'hugo/content/posts/second/index.md', 'hugo/content/posts/second/notes.md']);
    expect(sources.map((s) => s.slug)).toEqual(['about', 'first', 'second', 'notes']);
  });

  it("descends into Jekyll's _posts but not _site, _drafts or an excluded output folder", async () => {
    const sources = await loadSources(['jekyll'], { cwd: root, exclude: ['jekyll/dist'] });
    expect(sources.map((s) => s.path)).toEqual(['jekyll/_posts/2024-01-01-hello.md', 'jekyll/about.md']);
  });

  it('expands a glob (sorted, the same skip rules), and a ** glob across folders', async () => {
    expect((await loadSources(['site/*.md'], { cwd: root })).map((s) => s.path)).toEqual(['site/a-post.md', 'site/b-post.md', 'site/c.md']);
    expect((await loadSources(['hugo/**/index.md'], { cwd: root })).map((s) => s.slug)).toEqual(['first', 'second']);
    expect((await loadSources(['site/{c,page}.*'], { cwd: root })).map((s) => s.path)).toEqual(['site/c.md', 'site/page.html']);
  });

  it('says when a glob matches no article', async () => {
    const err = await rejection(loadSources(['site/*.rst'], { cwd: root }));
    expect(err).toMatchObject({ code: 'input-missing', message: 'no article matches site/*.rst' });
  });

  it('reads a file named like a glob as that file', async () => {
    await write('odd/[draft] plan.md', '# Plan\n\nText.\n');
    expect((await loadSources(['odd/[draft] plan.md'], { cwd: root })).map((s) => s.path)).toEqual(['odd/[draft] plan.md']);
  });

  it('tells which files a folder input covers (the dev server asks when a file appears)', () => {
    const inputs = [join(root, 'hugo'), join(root, 'site/c.md')];
    expect(isUnderInputs(join(root, 'hugo/content/posts/third/index.md'), inputs)).toBe(true);
    expect(isUnderInputs(join(root, 'site/c.md'), inputs)).toBe(true);
    expect(isUnderInputs(join(root, 'site/a-post.md'), inputs)).toBe(false);
    expect(isUnderInputs(join(root, 'hugo/content/_drafts/x.md'), inputs)).toBe(false);
    expect(isUnderInputs(join(root, 'hugo/content/README.md'), inputs)).toBe(false);
    expect(isUnderInputs(join(root, 'hugo/dist/x/index.html'), inputs, [join(root, 'hugo/dist')])).toBe(false);
  });
});

describe('loadSourcesSettled', () => {
  it('reads every article, a bad one (invalid front matter, an empty file) as its error', async () => {
    const outcomes = await loadSourcesSettled(['mixed'], { cwd: root });
    expect(outcomes.map((o) => (o.ok ? `ok ${o.source.path}` : `${o.error.code} ${o.file}`))).toEqual([
      'front-matter-invalid mixed/bad-front-matter.md',
      'article-empty mixed/empty.md',
      'ok mixed/good.md',
      'ok mixed/z-good.md',
    ]);
  });

  it('while loadSources stops at the first bad article', async () => {
    const err = await rejection(loadSources(['mixed'], { cwd: root }));
    expect(err.code).toBe('front-matter-invalid');
  });
});
