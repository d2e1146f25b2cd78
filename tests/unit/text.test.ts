import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model.js';
import { countWords, createUniqueNamer, eachWord, escapeHtml, oneLine, plainText, replaceDelimited, slugify, wordsOf } from '../../src/text.js';

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
  it('counts the dictionary words of scripts written without spaces (Intl.Segmenter)', () => {
    expect(countWords('我们使用软件包')).toBeGreaterThanOrEqual(3); // 我们 使用 软件(包)
    expect(countWords('日本語の文章を書きます')).toBeGreaterThanOrEqual(4);
    expect(countWords('ภาษาไทยไม่มีช่องว่าง')).toBeGreaterThanOrEqual(3);
    expect(countWords('run npm install 我们')).toBe(4); // spaced words count one each
    expect(countWords('。')).toBe(1); // a run of punctuation still counts once, as before
  });
});

describe('wordsOf', () => {
  it('lower-cased letter and digit runs, dictionary words in unspaced scripts', () => {
    expect(wordsOf("Don't use e.g. React 19!")).toEqual(["don't", 'use', 'e', 'g', 'react', '19']);
    expect(wordsOf('安装指南')).toEqual(['安装', '指南']);
  });
  it('eachWord gives the same words one at a time, and may be left early', () => {
    for (const text of ["Don't use e.g. React 19!", '安装指南 npm', '']) expect([...eachWord(text)]).toEqual(wordsOf(text));
    const words = eachWord(`stop ${'word '.repeat(100_000)}`);
    expect(words.next().value).toBe('stop');
  });
});

describe('slugify (GitHub rules, every script)', () => {
  it('keeps letters of every script and drops punctuation', () => {
    expect(slugify('安装')).toBe('安装');
    expect(slugify('What is a Jekyll Website?')).toBe('what-is-a-jekyll-website');
    expect(slugify('Eventlet’s complex handling')).toBe('eventlets-complex-handling');
    expect(slugify('???')).toBe('');
  });
});

describe('createUniqueNamer', () => {
  it('suffixes -2, -3 on collisions and uses the fallback for empty names', () => {
    const unique = createUniqueNamer('slide');
    expect(['a', 'a', '', '', 'a'].map(unique)).toEqual(['a', 'a-2', 'slide', 'slide-2', 'a-3']);
  });
});

describe('replaceDelimited', () => {
  const lazy = (text: string): string => text.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '<$&>');
  it('matches what the lazy regex /open[\\s\\S]*?close/g matches, pairs tried in order', () => {
    for (const text of ['a {% if %} b {{ x }} c', '{{ a {% b %} }}', '{% a {{ b %} }}', '{% {% x %}', '{{{ x }}}', 'x {% never', '{%%}{{}}', '{{ x %} y }}', '']) {
      expect(replaceDelimited(text, [['{%', ['%}']], ['{{', ['}}']]], (m) => `<${m}>`), text).toBe(lazy(text));
    }
  });

  it('takes the nearest of several closers', () => {
    expect(replaceDelimited('{{< a %}} b >}}', [['{{<', ['>}}', '%}}']]], () => '_')).toBe('_ b >}}');
  });

  it('passes which pair matched', () => {
    expect(replaceDelimited('{{a}}{%b%}', [['{%', ['%}']], ['{{', ['}}']]], (_m, k) => String(k))).toBe('10');
  });

  it('keeps a million openers that are never closed, without scanning to the end for each', () => {
    const text = '{%'.repeat(1_000_000);
    expect(replaceDelimited(text, [['{%', ['%}']], ['{{', ['}}']]], () => '')).toBe(text);
  });
});

describe('countWords without a segmenter', () => {
  it('counts what \\S+ matches, whatever the spaces (tabs, no-break, ideographic, BOM)', () => {
    const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff'];
    for (const text of ['', '   ', 'one', ' one  two ', 'a,b. c!', ...spaces.map((s) => `x${s}y${s}${s}z`), `lead${spaces.join('')}trail`]) {
      expect(countWords(text), JSON.stringify(text)).toBe(text.match(/\S+/g)?.length ?? 0);
    }
  });
});
