import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { ARTICLE_EXTENSIONS, detectFormat } from '../../../src/load/format.js';
import { slugFromPath } from '../../../src/load/slug.js';
import { slugify } from '../../../src/text.js';
import { parseSource } from '../../../src/load/source.js';

const noLinks = { resolveLink: (): undefined => undefined };

describe('detectFormat', () => {
  it.each([
    ['a.html', 'html'],
    ['dir/A.HTM', 'html'],
    ['a.md', 'markdown'],
    ['a.markdown', 'markdown'],
    ['a.mdx', 'markdown'],
    ['a.qmd', 'markdown'],
    ['report.Rmd', 'markdown'],
    ['analysis.ipynb', 'markdown'],
  ])('%s → %s', (path, format) => {
    expect(detectFormat(path)).toBe(format);
  });

  it('rejects other files, listing the supported extensions', () => {
    expect(() => detectFormat('notes.txt')).toThrow(LecternError);
    expect(ARTICLE_EXTENSIONS).toEqual(['.md', '.markdown', '.mdx', '.html', '.htm', '.qmd', '.rmd', '.ipynb']);
  });
});

describe('slugs', () => {
  // Heading ids follow GitHub's rules (github-slugger): letters of every script kept, punctuation
  // dropped, each space a dash, so an article's own #anchors written for GitHub keep working.
  it.each([
    ['Understanding Eventlet', 'understanding-eventlet'],
    ['  Héllo, Wörld!  ', 'héllo-wörld'],
    ['React 19: Upgrade Guide', 'react-19-upgrade-guide'],
    ['a__b--c', 'a__b--c'],
    ['日本語', '日本語'],
    ['安装 指南', '安装-指南'],
    ['Removed: `ReactDOM.render`', 'removed-reactdomrender'],
    ['تثبيت الحزمة؟', 'تثبيت-الحزمة'],
    ['🎉 ¶ #', ''], // GitHub would say "--": no letter or digit, so the caller's fallback names it
  ])('slugify(%j) → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('keeps the same slug for a heading typed decomposed (macOS) or composed', () => {
    expect(slugify('Cafe\u0301')).toBe(slugify('Café'));
  });

  it('prefers the front matter slug, then the file name, never empty', () => {
    expect(slugFromPath('x/getting-started.md', {})).toBe('getting-started');
    expect(slugFromPath('x/getting-started.md', { slug: 'My Talk' })).toBe('my-talk');
    expect(slugFromPath('x/Go_Race.Detector.html', {})).toBe('go-race-detector');
    expect(slugFromPath('x/!!!.md', {})).toBe('article');
  });

  it('keeps letters of every script in folder names, and folds Latin accents as before', () => {
    expect(slugFromPath('x/日本語.md', {})).toBe('日本語');
    expect(slugFromPath('x/中文.md', {})).toBe('中文');
    expect(slugFromPath('x/Привет Мир.md', {})).toBe('привет-мир');
    expect(slugFromPath('x/مقالة.md', {})).toBe('مقالة');
    expect(slugFromPath('x/हिन्दी लेख.md', {})).toBe('हिन्दी-लेख'); // vowel signs (marks) kept
    expect(slugFromPath('x/Café_Crème.md', {})).toBe('cafe-creme');
    expect(slugFromPath('x/ガイド.md', {})).toBe('ガイド'); // NFKD would split the voiced mark; NFC joins it back
    expect(slugFromPath('x/_draft.md', {})).toBe('draft'); // GitHub Pages ignores names starting with _
  });

  it('cuts a long folder name to 200 bytes of UTF-8 at a character boundary', () => {
    const slug = slugFromPath('x.md', { slug: '长'.repeat(100) });
    expect(slug).toBe('长'.repeat(66));
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(200);
  });

  it('names a page bundle (post/index.md, _index.md, index.html) after its folder', () => {
    expect(slugFromPath('content/posts/my-post/index.md', {})).toBe('my-post');
    expect(slugFromPath('content\\posts\\Other Post\\index.md', {})).toBe('other-post');
    expect(slugFromPath('content/posts/_index.md', {})).toBe('posts');
    expect(slugFromPath('site/about/index.html', {})).toBe('about');
    expect(slugFromPath('content/posts/my-post/index.md', { slug: 'Mine' })).toBe('mine');
    expect(slugFromPath('index.md', {})).toBe('index');
    expect(slugFromPath('./index.md', {})).toBe('index');
    expect(slugFromPath('indexes.md', {})).toBe('indexes');
  });
});

describe('parseSource', () => {
  it('warns about unknown keys of the lectern: block at their line, naming the nearest option', () => {
    const text = '---\ntitle: X\nlectern:\n  maxPoint: 3\n  outDir: out\n  layout: flat\n---\n# X\n\nText.\n';
    const source = parseSource(text, 'posts/x.md', noLinks);
    expect(source.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['front-matter-unknown-key', 4, 'unknown deck option "maxPoint" (did you mean "maxPoints"?); it is ignored'],
      ['front-matter-unknown-key', 5, '"outDir" applies to a whole site, not to one article; it is ignored here'],
    ]);
    expect(source.diagnostics.every((d) => d.severity === 'warning' && d.file === 'posts/x.md')).toBe(true);
  });

  it('finds unknown keys of a flow-style or TOML lectern block too', () => {
    const flow = parseSource('---\nlectern: { maxWord: 3 }\n---\n# X\n', 'x.md', noLinks);
    expect(flow.diagnostics).toMatchObject([{ line: 2, message: expect.stringContaining('"maxWords"') }]);
    const toml = parseSource('+++\n[lectern]\nthem = "dark"\n+++\n# X\n', 'x.md', noLinks);
    expect(toml.diagnostics).toMatchObject([{ line: 3, message: expect.stringContaining('"theme"') }]);
  });

  it('combines front matter, Liquid, format and slug', () => {
    const text = '---\r\ntitle: Hello\r\nslug: hi\r\n---\r\n# {{ page.title }}\r\n\r\n[Next]({% link next.md %})\r\n';
    const source = parseSource(text, 'posts/hello.md', { resolveLink: (t) => (t === 'next.md' ? '../next/' : undefined) });
    expect(source).toMatchObject({
      path: 'posts/hello.md',
      slug: 'hi',
      format: 'markdown',
      bodyLine: 5,
      body: '# Hello\n\n[Next](../next/)\n',
      diagnostics: [],
    });
    expect(source.meta.title).toBe('Hello');
  });

  it('strips NUL bytes with a warning at the first one', () => {
    const source = parseSource('# Title\n\nte\0xt\0\n', 'a.md', noLinks);
    expect(source.body).toBe('# Title\n\ntext\n');
    expect(source.diagnostics).toEqual([expect.objectContaining({ code: 'input-nul-bytes', line: 3, severity: 'warning' })]);
  });

  it('warns about a front matter date it cannot read', () => {
    const source = parseSource('---\ndate: someday\n---\ntext', 'a.md', noLinks);
    expect(source.diagnostics.map((d) => d.code)).toEqual(['front-matter-date']);
  });

  it.each([
    ['', 'empty file'],
    ['---\ntitle: x\n---\n\n  \n', 'front matter only'],
    ['---\ntitle: x\n---\n<!-- a comment -->\n{% comment %}x{% endcomment %}\n', 'comments only'],
    ['<!--{"Title": "x"}-->\n', 'JSON header only'],
  ])('throws article-empty for %j (%s)', (text) => {
    try {
      parseSource(text, 'empty.md', noLinks);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'article-empty', file: 'empty.md' });
      expect((err as LecternError).message).toContain('has no content');
      expect((err as LecternError).hint).toBeTruthy();
    }
  });
});
