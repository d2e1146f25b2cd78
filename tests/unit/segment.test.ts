import { afterEach, describe, expect, it, vi } from 'vitest';
import { segmentText } from '../../src/segment.js';
import { sentenceEnds } from '../../src/plan/sentences.js';
import { countWords } from '../../src/text.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every string the segmenter was asked to walk while `fn` ran. */
function inputs(fn: () => void): string[] {
  const seen: string[] = [];
  const original = Intl.Segmenter.prototype.segment;
  vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
    seen.push(text);
    return original.call(this, text);
  });
  fn();
  return seen;
}

describe('segmentText', () => {
  it('covers the text with contiguous pieces, in order', () => {
    const text = 'One two. Three four! Five? Six';
    const pieces = [...segmentText(text, 'sentence')];
    expect(pieces[0]!.index).toBe(0);
    pieces.forEach((p, i) => expect(p.index).toBe(i === 0 ? 0 : pieces[i - 1]!.end));
    expect(pieces.at(-1)!.end).toBe(text.length);
  });

  // Node 20's segmenter slows down per step on long strings (20 s for one 136,000-character
  // paragraph): it must only ever see short windows, each character at most about twice.
  it('walks a long paragraph in short windows (sizes bounded, not times)', () => {
    const text = `${'Call a.b(). Then '.repeat(20_000)}end.`;
    let ends: number[] = [];
    const seen = inputs(() => {
      ends = sentenceEnds(text);
    });
    expect(ends).toHaveLength(20_001);
    expect(Math.max(...seen.map((s) => s.length))).toBeLessThanOrEqual(1024);
    expect(seen.reduce((n, s) => n + s.length, 0)).toBeLessThan(2 * text.length);
  });

  it('cuts a sentence longer than a window between letters, and finds the same ends', () => {
    const long = `${'word '.repeat(600)}end. Next sentence here.`;
    expect(sentenceEnds(long)).toEqual([long.indexOf('end.') + 4, long.length]);
    const cjk = '我们使用软件包'.repeat(500);
    const seen = inputs(() => {
      expect(countWords(cjk)).toBeGreaterThan(1000);
    });
    expect(Math.max(...seen.map((s) => s.length))).toBeLessThanOrEqual(1024);
  });
});
