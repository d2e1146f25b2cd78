/**
 * Text widths and line breaking. The widths and break positions below were read in Chromium
 * (headless, the deck's fonts, 36 px): they are what the tables must reproduce.
 */
import { describe, expect, it } from 'vitest';
import { canBreakBetween } from '../../../src/layout/chars.js';
import { breakLines, inlineSizes, textWidth, type Run, type TextStyle } from '../../../src/layout/index.js';

const REGULAR: TextStyle = { face: 'inter-400-normal', px: 36, letterSpacing: 0 };
const run = (text: string, style: TextStyle = REGULAR): Run => ({ type: 'text', text, style, padStart: 0, padEnd: 0 });

/** The pieces a string breaks into, cut where canBreakBetween allows a break. */
function pieces(text: string): string[] {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out: string[] = [];
  let current = '';
  cps.forEach((cp, i) => {
    if (i > 0 && canBreakBetween(i >= 2 ? cps[i - 2]! : -1, cps[i - 1]!, cp)) {
      out.push(current);
      current = '';
    }
    current += String.fromCodePoint(cp);
  });
  return [...out, current];
}

describe('textWidth', () => {
  it.each([
    ['The quick brown fox jumps over the lazy dog.', 774.97],
    ['To AVAILABLE Wave', 346.13], // kerning: 10.8 px narrower than the bare advances
    ['WAVE Yo Te', 207.22],
    ['a -> b => c', 172.03], // Inter's contextual arrows
    ['iiiiiiiiii', 87.19],
    ['He said “hi” — ok…', 328.41],
  ])('%s is %f px at 36 px, as in Chromium', (text, px) => {
    expect(textWidth(text, REGULAR)).toBeCloseTo(px, 1);
  });

  it('measures italic and bold italic alike (Chromium makes bold italic from the italic face)', () => {
    expect(textWidth('é à ü ß', { ...REGULAR, face: 'inter-400-italic' })).toBeCloseTo(116.69, 1);
  });

  it('adds letter spacing after every character', () => {
    const plain = textWidth('Title', REGULAR);
    expect(textWidth('Title', { ...REGULAR, letterSpacing: -0.5 })).toBeCloseTo(plain - 2.5, 6);
  });

  it('counts code at 0.6 em a column, and estimates characters outside the subset', () => {
    expect(textWidth('x'.repeat(40), { face: 'mono-400-normal', px: 22, letterSpacing: 0 })).toBeCloseTo(40 * 0.6 * 22, 6);
    // Glyphs are scaled to the size floored to 1/64 px, as FreeType takes it (Chromium: 1835.625 for 100 at 30.6 px).
    expect(textWidth('x'.repeat(100), { face: 'mono-400-normal', px: 30.6, letterSpacing: 0 })).toBeCloseTo(1835.625, 6);
    expect(textWidth('n'.repeat(100), { ...REGULAR, px: 32.4 })).toBeCloseTo(1913.72, 1);
    expect(textWidth('日本', REGULAR)).toBeCloseTo(72, 6); // wide: one em each
    expect(textWidth('e\u0301', REGULAR)).toBeCloseTo(textWidth('e', REGULAR), 6); // combining mark: nothing
  });
});

describe('break opportunities (as ICU breaks in Chromium)', () => {
  it.each([
    ['https://example.com/path/to/file.html?x=1&y=2#frag', ['https://example.com/path/to/file.html?', 'x=1&y=2#frag']],
    ['snake_case_name and camelCase', ['snake_case_name ', 'and ', 'camelCase']],
    ['foo.bar.baz(qux, 2)', ['foo.bar.baz(qux, ', '2)']],
    ['well-known -5 a-1 1-2 x--y', ['well-', 'known ', '-5 ', 'a-', '1 ', '1-', '2 ', 'x-', '-', 'y']],
    ['em—dash en–dash a…b', ['em', '—', 'dash ', 'en–', 'dash ', 'a…', 'b']],
    ['and/or either/or', ['and/or ', 'either/or']],
    ['a?b!c;d:e,f', ['a?', 'b!c;d:e,f']],
    ['(paren)[brack]{brace}', ['(paren)', '[brack]', '{brace}']],
    ['“quoted” ‘single’ "plain"', ['“quoted” ', '‘single’ ', '"plain"']],
    ['日本語のテキストです。次', ['日', '本', '語', 'の', 'テ', 'キ', 'ス', 'ト', 'で', 'す。', '次']],
    ['x86_64-unknown-linux-gnu', ['x86_64-', 'unknown-', 'linux-', 'gnu']],
    ['x\u200By', ['x\u200B', 'y']],
    ['a=b+c*d tokio::spawn C++/CLI $HOME/.config', ['a=b+c*d ', 'tokio::spawn ', 'C++/CLI ', '$HOME/.config']],
    ['10,000.50 USD #hash @user', ['10,000.50 ', 'USD ', '#hash ', '@user']],
    // Chromium's ASCII table: before an opening bracket after closing punctuation and symbols, after `-` and `?`
    ['x -foo', ['x ', '-', 'foo']],
    ['x<y>(z) a.(b) f(x)[0]{y} p!(q)', ['x<y>', '(z) ', 'a.', '(b) ', 'f(x)', '[0]', '{y} ', 'p!', '(q)']],
    ['a?-b q?!r a?1 n-$x x-(y) 1-a', ['a?', '-', 'b ', 'q?!r ', 'a?', '1 ', 'n-$x ', 'x-', '(y) ', '1-', 'a']],
    ['é-f a-é —(x) x…(y) ‘x’(y)', ['é-', 'f ', 'a-', 'é ', '—', '(x) ', 'x…', '(y) ', '‘x’(y)']],
  ])('%s', (text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });
});

describe('breakLines', () => {
  const sentence = 'The quick brown fox jumps over the lazy dog.';

  it('fills lines greedily; trailing spaces hang', () => {
    const layout = breakLines([run(`${sentence} ${sentence}`)], 800);
    expect(layout.lines).toBe(2);
    expect(layout.widths[0]).toBeCloseTo(774.97, 1);
    expect(layout.widest).toBeLessThanOrEqual(800);
  });

  it('collapses white space across runs, and drops it at the start', () => {
    const a = breakLines([run('  one  two ')], 1000);
    const b = breakLines([run('one two')], 1000);
    expect(a.widths[0]).toBeCloseTo(b.widths[0]!, 6);
    expect(breakLines([run('one '), run(' two')], 1000).widths[0]).toBeCloseTo(b.widths[0]!, 6);
  });

  it('breaks a word longer than the line anywhere (overflow-wrap: break-word), after moving it to a line of its own', () => {
    const layout = breakLines([run(`short ${'x'.repeat(60)}`)], 300);
    expect(layout.lines).toBeGreaterThanOrEqual(4);
    expect(layout.widths[0]).toBeCloseTo(textWidth('short', REGULAR), 6);
    for (const w of layout.widths) expect(w).toBeLessThanOrEqual(300.01);
  });

  it('ends a line at each <br>, and counts empty content as no line', () => {
    expect(breakLines([run('a'), { type: 'break' }, run('b'), { type: 'break' }, run('c')], 1000).lines).toBe(3);
    expect(breakLines([run('a'), { type: 'break' }], 1000).lines).toBe(1);
    expect(breakLines([run('   ')], 1000).lines).toBe(0);
  });

  it('keeps a nowrap run whole, even when it is wider than the line', () => {
    const nowrap: Run = { ...run('(2/3) more words'), nowrap: true };
    const layout = breakLines([run('Title '), nowrap], textWidth('(2/3) more', REGULAR));
    expect(layout.lines).toBe(2);
    expect(layout.widths[1]).toBeCloseTo(textWidth('(2/3) more words', REGULAR), 1);
  });

  it('adds inline code padding at both ends of the run, also when the run breaks over lines', () => {
    const style: TextStyle = { face: 'mono-400-normal', px: 30.6, letterSpacing: 0 };
    const pad = Math.floor(7.65 * 64) / 64; // a CSS length: 1/64 px, truncated, as Chromium lays it out
    const code = (text: string): Run => ({ type: 'text', text, style, padStart: pad, padEnd: pad });
    const cell = 18.35625; // 0.6 em of 30.6 px floored to 1/64 px (measured in Chromium)
    expect(breakLines([code('x')], 1000).widths[0]).toBeCloseTo(cell + 2 * pad, 6);
    // Chromium: "react-" | "dom/test-utils": padding-left on the first line, padding-right on the last.
    const split = breakLines([code('react-dom/test-utils')], 280);
    expect(split.widths[0]).toBeCloseTo(6 * cell + pad, 6);
    expect(split.widths[1]).toBeCloseTo(14 * cell + pad, 6);
    // A piece broken anywhere (overflow-wrap) keeps its padding too.
    const long = breakLines([code('x'.repeat(12))], 6 * cell + pad);
    expect(long.widths.map((w) => Math.round(w * 1000) / 1000)).toEqual([117.778, 117.778]);
  });
});

describe('inlineSizes', () => {
  it('gives the longest word as min-content and the whole line as max-content', () => {
    const sizes = inlineSizes([run('a supercalifragilistic word')]);
    expect(sizes.min).toBeCloseTo(textWidth('supercalifragilistic', REGULAR), 6);
    expect(sizes.max).toBeCloseTo(textWidth('a supercalifragilistic word', REGULAR), 1);
  });
});
