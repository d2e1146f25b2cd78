/**
 * plan/pacing.ts: how long a deck takes to present — the notes at 130 words a minute, 2 s to read a
 * line of code, 5 s to look at a picture, 8 s on a slide with nothing to say — whichever is longer
 * on each slide.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Deck, Slide } from '../../../src/model.js';
import { deckMinutes, slideSeconds, WORDS_PER_MINUTE } from '../../../src/plan/pacing.js';
import { para } from './helpers.js';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const slide = (over: Partial<Slide> = {}): Slide => ({ kind: 'content', id: 's', parts: [], notes: [], line: 1, endLine: 1, ...over });
const deck = (slides: Slide[]): Deck => ({ meta: { title: 'T', lang: 'en', slug: 't', theme: 'light', width: 1280, height: 720, source: 't.md' }, stacks: [slides], diagnostics: [] });
const image: Block = { type: 'image', line: 1, src: 'a.png', alt: 'A' };

describe('slideSeconds', () => {
  it('speaks the notes at 130 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(130);
    expect(slideSeconds(slide({ notes: [para(1, words(130))] }))).toBe(60);
    expect(slideSeconds(slide({ notes: [para(1, words(65)), para(2, words(65))] }))).toBe(60);
    expect(slideSeconds(slide({ notes: [para(1, words(100))] }), 100)).toBe(60);
  });

  it('gives a slide with nothing to say 8 seconds', () => {
    expect(slideSeconds(slide({ kind: 'title' }))).toBe(8);
  });

  it('leaves time to read code (2 s a line, rows of a side-by-side pair too) and to look at pictures (5 s)', () => {
    const code = { type: 'code' as const, code: 'a\nb\nc\nd\ne', firstLine: 1, scale: 1 };
    const said = [para(1, 'Look.')];
    expect(slideSeconds(slide({ parts: [code], notes: said }))).toBe(10);
    expect(slideSeconds(slide({ parts: [{ type: 'row', parts: [code, code] }], notes: said }))).toBe(20);
    expect(slideSeconds(slide({ parts: [{ type: 'block', block: image }], notes: said }))).toBe(5);
    expect(slideSeconds(slide({ parts: [{ type: 'block', block: { type: 'code', line: 1, code: 'x\ny\nz' } }], notes: said }))).toBe(6);
    // With nothing said, a slide still takes its 8 seconds.
    expect(slideSeconds(slide({ parts: [{ type: 'block', block: image }] }))).toBe(8);
  });

  it('takes the longer of what is said and what is shown', () => {
    const code = { type: 'code' as const, code: Array.from({ length: 30 }, () => 'x').join('\n'), firstLine: 1, scale: 1 };
    expect(slideSeconds(slide({ parts: [code], notes: [para(1, words(13))] }))).toBe(60);
    expect(slideSeconds(slide({ parts: [code], notes: [para(1, words(260))] }))).toBe(120);
  });
});

describe('deckMinutes', () => {
  it('adds up the slides, in minutes to one decimal', () => {
    const d = deck([slide({ kind: 'title' }), slide({ notes: [para(1, words(130))] }), slide({ notes: [para(1, words(65))] }), slide({ kind: 'closing' })]);
    // 8 + 60 + 30 + 8 seconds
    expect(deckMinutes(d)).toBe(1.8);
    expect(deckMinutes(deck([]))).toBe(0);
  });
});
