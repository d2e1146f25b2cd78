import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { formatAuthor, normalizeDate } from '../../../src/load/meta.js';

/** The LecternError a function throws (fails the test when it throws nothing or something else). */
function caught(fn: () => unknown): LecternError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LecternError) return err;
    throw err;
  }
  throw new Error('expected a LecternError');
}

describe('parseFrontMatter: YAML', () => {
  it('splits front matter from the body and says where the body starts', () => {
    const text = '---\n# a comment\ntitle: Hello\nlayout: post\n---\n# Heading\n\nText\n';
    const fm = parseFrontMatter(text, 'a.md');
    expect(fm.meta.title).toBe('Hello');
    expect(fm.raw).toEqual({ title: 'Hello', layout: 'post' });
    expect(fm.meta.raw).toEqual(fm.raw);
    expect(fm.body).toBe('# Heading\n\nText\n');
    expect(fm.bodyLine).toBe(6);
    expect(text.split('\n')[fm.bodyLine - 1]).toBe('# Heading');
  });

  it('returns the whole text at line 1 when there is no front matter', () => {
    const fm = parseFrontMatter('# Just a heading\n', 'a.md');
    expect(fm).toMatchObject({ raw: {}, body: '# Just a heading\n', bodyLine: 1 });
    expect(fm.meta.title).toBeUndefined();
  });

  it('treats a leading ---- rule as body, not front matter', () => {
    expect(parseFrontMatter('----\ntext\n', 'a.md').bodyLine).toBe(1);
  });

  it('accepts empty front matter and a BOM', () => {
    const fm = parseFrontMatter('\uFEFF---\n---\nbody\n', 'a.md');
    expect(fm).toMatchObject({ raw: {}, body: 'body\n', bodyLine: 3 });
  });

  it('gives fresh objects for identical texts (no shared gray-matter cache)', () => {
    const text = '---\ntitle: Same\ntags: [a, b]\n---\nbody\n';
    const first = parseFrontMatter(text, 'a.md');
    (first.raw['tags'] as string[]).push('mutated');
    const second = parseFrontMatter(text, 'a.md');
    expect(second.raw['tags']).toEqual(['a', 'b']);
    expect(second.raw).not.toBe(first.raw);
  });

  it('reports invalid YAML at the line of the file where the parser stopped', () => {
    const text = '---\ntitle: ok\nauthor: [unclosed\nlayout: post\n---\nbody\n';
    const err = caught(() => parseFrontMatter(text, 'bad.md'));
    expect(err.code).toBe('front-matter-invalid');
    expect(err.file).toBe('bad.md');
    expect(err.line).toBeGreaterThanOrEqual(3);
    expect(err.line).toBeLessThanOrEqual(5);
    expect(err.hint).toBeTruthy();
  });

  it('points at the exact line of a bad mapping', () => {
    const text = '---\ntitle: ok\ndescription: fine\nbad: key: value\n---\nbody\n';
    const err = caught(() => parseFrontMatter(text, 'bad.md'));
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/invalid YAML front matter/);
  });

  it('rejects front matter that is never closed, and non-mapping front matter', () => {
    expect(caught(() => parseFrontMatter('---\ntitle: x\n\nbody\n', 'a.md'))).toMatchObject({
      code: 'front-matter-invalid',
      line: 1,
    });
    expect(caught(() => parseFrontMatter('---\n- a\n- b\n---\nbody', 'a.md')).code).toBe('front-matter-invalid');
  });

  it('never evaluates JavaScript front matter', () => {
    const err = caught(() => parseFrontMatter('---js\n{ title: process.exit(3) }\n---\nbody', 'a.md'));
    expect(err.code).toBe('front-matter-invalid');
  });
});

describe('parseFrontMatter: TOML', () => {
  it('reads +++ front matter with smol-toml', () => {
    const text = '+++\ntitle = "Introducing MIR"\nauthors = ["Niko Matsakis", "Ann"]\ndate = 2016-04-19\n+++\n\nBody\n';
    const fm = parseFrontMatter(text, 'mir.md');
    expect(fm.meta).toMatchObject({ title: 'Introducing MIR', author: 'Niko Matsakis, Ann', date: '2016-04-19' });
    expect(fm.bodyLine).toBe(6);
    expect(fm.body).toBe('\nBody\n');
  });

  it('reports invalid TOML at its file line', () => {
    const err = caught(() => parseFrontMatter('+++\ntitle = "ok"\nbroken = \n+++\nbody\n', 'a.md'));
    expect(err.code).toBe('front-matter-invalid');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/invalid TOML front matter/);
  });
});

describe('parseFrontMatter: JSON comment header', () => {
  it('reads the Go website header with case-insensitive keys', () => {
    const text = '<!--{\n\t"Title": "Data Race Detector",\n\t"Template": true\n}-->\n\n<h2 id="Introduction">Introduction</h2>\n';
    const fm = parseFrontMatter(text, 'race.html');
    expect(fm.meta.title).toBe('Data Race Detector');
    expect(fm.raw).toEqual({ Title: 'Data Race Detector', Template: true });
    expect(fm.bodyLine).toBe(5);
    expect(fm.body).toBe('\n<h2 id="Introduction">Introduction</h2>\n');
  });

  it('reports invalid JSON at its file line', () => {
    const text = '<!--{\n\t"Title": "x",\n}-->\n<p>hi</p>\n';
    const err = caught(() => parseFrontMatter(text, 'a.html'));
    expect(err).toMatchObject({ code: 'front-matter-invalid', line: 3 });
  });

  it('leaves ordinary HTML comments alone', () => {
    expect(parseFrontMatter('<!-- note -->\n<p>x</p>', 'a.html').bodyLine).toBe(1);
  });
});

describe('meta normalisation', () => {
  it('falls back to excerpt, summary, subtitle for the description', () => {
    expect(parseFrontMatter('---\nsummary: S\nsubtitle: T\n---\nx', 'a.md').meta.description).toBe('S');
    expect(parseFrontMatter('<!--{"Subtitle": "Sub"}-->\nx', 'a.html').meta.description).toBe('Sub');
  });

  it('reads lang, slug and theme', () => {
    const fm = parseFrontMatter('---\nlang: fr\nslug: My Talk\ntheme: dark\n---\nx', 'a.md');
    expect(fm.meta).toMatchObject({ lang: 'fr', slug: 'My Talk', theme: 'dark' });
  });

  it.each([
    ['Ann', 'Ann'],
    [{ name: 'Ann', url: 'x' }, 'Ann'],
    [['Ann', { name: 'Bob' }, 3], 'Ann, Bob, 3'],
    [[], undefined],
    [{ url: 'x' }, undefined],
    ['  ', undefined],
  ])('author %j → %j', (value, expected) => {
    expect(formatAuthor(value)).toBe(expected);
  });

  it.each([
    [new Date(Date.UTC(2024, 3, 25)), '2024-04-25'],
    [new Date('2017-02-11T05:58:56Z'), '2017-02-11'],
    ['2024/04/25', '2024-04-25'],
    ['2017-02-10 21:58:56 -0800', '2017-02-10'],
    ['2024-4-5', '2024-04-05'],
    ['April 25, 2024', '2024-04-25'],
    ['2024-02-30', undefined],
    ['soon', undefined],
    [20240425, undefined],
  ])('date %j → %j', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });

  it('turns YAML timestamps into ISO days using UTC parts', () => {
    expect(parseFrontMatter('---\ndate: 2024-04-25\n---\nx', 'a.md').meta.date).toBe('2024-04-25');
    expect(parseFrontMatter('---\ndate: 2024-04-25T23:30:00-05:00\n---\nx', 'a.md').meta.date).toBe('2024-04-26');
  });
});
