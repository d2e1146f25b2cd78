/**
 * Conservation: the article's words (its source with the markup stripped, not Lectern's parser)
 * against the deck's (slides, code, notes, alt text), counted by occurrence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureConservation, words } from '../../../src/check/conservation.js';
import { articleText } from '../../../src/check/source-text.js';
import { checkCompiled, MIN_CONSERVATION } from '../../../src/check/static.js';
import { parseSource } from '../../../src/load/source.js';
import { compileForTest } from '../helpers/compile.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('words', () => {
  it('are runs of letters, marks and digits, lower-cased and NFKC-normalised', () => {
    expect(words('Don’t PANIC: ﬁle-v2, naïve café 42')).toEqual(['don', 't', 'panic', 'file', 'v2', 'naïve', 'café', '42']);
  });
});

describe('measureConservation', () => {
  it('counts occurrences: a word the deck has fewer times than the article is partly missing', () => {
    const c = measureConservation('the cat and the dog and the bird', 'the cat and the dog');
    expect(c.articleWords).toBe(8);
    expect(c.keptWords).toBe(5);
    expect(c.ratio).toBeCloseTo(5 / 8);
    expect(c.missing).toEqual([
      { word: 'and', count: 1 },
      { word: 'bird', count: 1 },
      { word: 'the', count: 1 },
    ]);
  });

  it('never goes above 1 when the deck repeats words, and is 1 for an article without words', () => {
    expect(measureConservation('one two', 'one two one two two').ratio).toBe(1);
    expect(measureConservation('', 'anything').ratio).toBe(1);
  });
});

describe('articleText (Markdown)', () => {
  const text = (md: string): string[] => words(articleText(md, 'markdown'));

  it('keeps link text and image alt text, not their targets', () => {
    expect(text('See [the guide](https://example.com/guide "Guide title") and ![a diagram](img/flow.svg).')).toEqual(['see', 'the', 'guide', 'and', 'a', 'diagram']);
    expect(text('Read [the docs][docs].\n\n[docs]: https://example.com/docs')).toEqual(['read', 'the', 'docs']);
  });

  it('keeps code, fenced and inline, as written (markup inside code is text)', () => {
    expect(text('Use `<div>` here.\n\n```html\n<p class="x">hi</p>\n```')).toEqual(['use', 'div', 'here', 'p', 'class', 'x', 'hi', 'p']);
  });

  it('drops syntax: tags, comments, admonition markers, list numbers, heading ids, icons, MDX comments', () => {
    const md = [
      '## Install {#install}',
      '<!-- lectern: break -->',
      '!!! note "Heads up"',
      '    Body <em>text</em>',
      '1. First',
      '- [x] Done',
      ':::tip Careful',
      'Tip body',
      ':::',
      '=== ":octicons-mark-github-16: Tab label"',
      '##### Title {/*title-id*/}',
      'Tom &amp; Jerry',
    ].join('\n');
    expect(text(md)).toEqual(['install', 'heads', 'up', 'body', 'text', 'first', 'done', 'careful', 'tip', 'body', 'tab', 'label', 'title', 'tom', 'jerry']);
  });
});

describe('articleText (HTML)', () => {
  it('reads the article of a whole page, without scripts, styles and navigation', () => {
    const html =
      '<!doctype html><html><head><title>Site</title><style>p{}</style></head><body><nav>Home About</nav>' +
      '<main><h1>Title</h1><p>Some <b>bold</b> words.</p><script>var x = 1;</script><nav>Next page</nav></main><footer><nav>Legal</nav></footer></body></html>';
    expect(words(articleText(html, 'html'))).toEqual(['title', 'some', 'bold', 'words']);
  });

  it('reads a fragment whole, element edges separating words', () => {
    expect(words(articleText('<table><tr><td>a</td><td>b</td></tr></table><p>un<b>usual</b></p>', 'html'))).toEqual(['a', 'b', 'unusual']);
  });
});

describe('a compiled deck', () => {
  const file = join(ROOT, 'tests', 'fixtures', 'articles', 'talk.md');
  const source = parseSource(readFileSync(file, 'utf8'), 'talk.md', { resolveLink: () => undefined });
  const compiled = compileForTest(source);

  it(`keeps at least ${MIN_CONSERVATION * 100}% of the article's words in its slides and notes`, () => {
    const check = checkCompiled(compiled);
    expect(check.conservation.ratio).toBeGreaterThanOrEqual(MIN_CONSERVATION);
    expect(check.conservation.articleWords).toBeGreaterThan(50);
    expect(check.leaks).toEqual([]);
  });

  it('notices words that are lost: a deck without its speaker notes keeps much less', () => {
    const withoutNotes = compiled.rendered.html.replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '');
    const check = checkCompiled({ ...compiled, rendered: { ...compiled.rendered, html: withoutNotes } });
    expect(check.conservation.ratio).toBeLessThan(0.9);
  });
});
