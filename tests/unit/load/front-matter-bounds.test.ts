/**
 * Issue 11, finding 4: front matter that parses in microseconds but explodes when read — YAML
 * alias bombs ("billion laughs"), aliases inside their own anchor, nesting thousands deep — is
 * refused as a `front-matter-invalid` error at the line of its key. Before the fix, an alias bomb
 * in `author`, `date` or `lectern:` took 25–65 s and 1.6–3.0 GB, then crashed (exit 70).
 */
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { parseFrontMatter } from '../../../src/load/front-matter.js';
import { parseSource } from '../../../src/load/source.js';

function caught(fn: () => unknown): LecternError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LecternError) return err;
    throw err;
  }
  throw new Error('expected a LecternError');
}

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
function laughs(use: string): string {
  const lines = ['---', 'title: T', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${[...lines, use, '---'].join('\n')}\n# T\n\nText.\n`;
}

describe('front matter bounds', () => {
  it.each(['author: *a8', 'date: *a8', 'lectern:\n  theme: *a8', 'lectern: {maxPoints: *a8}'])('refuses an alias bomb used as %j, naming the line', (use) => {
    const err = caught(() => parseSource(laughs(use), 'bomb.md', { resolveLink: () => undefined }));
    expect(err.code).toBe('front-matter-invalid');
    expect(err.file).toBe('bomb.md');
    expect(err.message).toMatch(/expands to more than [\d,]+ values and characters through YAML aliases/);
    // The anchors themselves expand: the error comes at the first key past the limit (a4, line 7).
    expect(err.line).toBe(7);
    expect(err.hint).toMatch(/plus 10 per character/);
  });

  it('refuses a value that contains itself through an alias', () => {
    for (const [text, line] of [['---\ntitle: T\nauthor: &a [*a]\n---\nx', 3], ['---\nlectern: &l {x: *l}\n---\nx', 2], ['---\n"date": &d [[*d]]\n---\nx', 2]] as const) {
      const err = caught(() => parseFrontMatter(text, 'a.md'));
      expect(err).toMatchObject({ code: 'front-matter-invalid', file: 'a.md', line });
      expect(err.message).toMatch(/contains itself/);
    }
  });

  it('refuses nesting too deep to read, in YAML and in a JSON header', () => {
    const yaml = caught(() => parseFrontMatter(`---\ntitle: T\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nx`, 'a.md'));
    expect(yaml).toMatchObject({ code: 'front-matter-invalid', file: 'a.md', line: 1 });
    expect(yaml.message).toMatch(/nests lists or mappings too deeply/);
    const json = caught(() => parseFrontMatter(`<!--{ "Title": "T",\n"x": ${'['.repeat(200)}${']'.repeat(200)} }-->\nx`, 'a.html'));
    expect(json).toMatchObject({ code: 'front-matter-invalid', line: 2 });
    expect(json.message).toMatch(/more than 100 levels deep/);
  });

  it('keeps aliases of ordinary size, merge keys and long values written out', () => {
    const fm = parseFrontMatter('---\nbase: &b {theme: dark}\nlectern:\n  <<: *b\n  layout: flat\nauthors: &a [Ann, Bob]\ncredits: *a\n---\nx', 'a.md');
    expect(fm.raw['lectern']).toEqual({ theme: 'dark', layout: 'flat' });
    expect(fm.meta.author).toBe('Ann, Bob');
    // 2 MB written out is over the 100,000 floor but within 10× its own size.
    const long = parseFrontMatter(`---\ndescription: "${'word '.repeat(400_000)}"\ntags: [${Array.from({ length: 20_000 }, (_, i) => `t${i}`).join(', ')}]\n---\nx`, 'a.md');
    expect(long.meta.description?.length).toBeGreaterThan(1_000_000);
  });
});
