import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { countWords, createUniqueNamer, escapeHtml, oneLine, plainText } from '../../src/text.js';

const text = (t: string): Inline => ({ type: 'text', text: t });

describe('plainText', () => {
  it('flattens every inline kind', () => {
    const inlines: Inline[] = [
      text('a '),
      { type: 'strong', children: [{ type: 'em', children: [text('b')] }] },
      { type: 'break' },
      { type: 'code', text: 'c()' },
      { type: 'link', href: '/', children: [{ type: 'del', children: [text('d')] }] },
      { type: 'image', src: 'x.png', alt: 'e' },
    ];
    expect(plainText(inlines)).toBe('a b\nc()de');
    expect(oneLine(plainText(inlines))).toBe('a b c()de');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('countWords', () => {
  it('counts runs of non-space characters', () => {
    expect(countWords('  one two\tthree\nfour ')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});

describe('createUniqueNamer', () => {
  it('suffixes -2, -3 on collisions and uses the fallback for empty names', () => {
    const unique = createUniqueNamer('slide');
    expect(['a', 'a', '', '', 'a'].map(unique)).toEqual(['a', 'a-2', 'slide', 'slide-2', 'a-3']);
  });
});
