/**
 * check/composition.ts: what `lectern check` reports of a deck's composition from the slides as the
 * browser drew them (fit/composition.ts) and from the plan: sparse slides (the first and last
 * slide and big short statements excepted) and their share, lone lead-ins, the smallest text and
 * code, slides under the floors, weak key points, the estimated minutes — and the pass rule: no
 * lone lead-in, nothing under 24 px text or 18 px code (sparse slides are reported, not failed on).
 */
import { describe, expect, it } from 'vitest';
import { CODE_FLOOR_PX, compositionPasses, compositionReport, SPARSE_FILL, TEXT_FLOOR_PX } from '../../../src/check/composition.js';
import type { SlideComposition } from '../../../src/fit/composition.js';
import type { Deck, Inline, Slide } from '../../../src/model.js';
import { deckMinutes } from '../../../src/plan/pacing.js';

const t = (text: string): Inline => ({ type: 'text', text });
const drawn = (slide: number, over: Partial<SlideComposition> = {}): SlideComposition => ({
  id: `s${slide}`,
  slide,
  title: `Slide ${slide}`,
  kind: 'content',
  fill: 0.6,
  statement: false,
  leadIn: false,
  minText: 36,
  minCode: 0,
  ...over,
});
const slide = (id: string, over: Partial<Slide> = {}): Slide => ({ kind: 'content', id, parts: [], notes: [], line: 1, endLine: 1, ...over });
const deck = (slides: Slide[]): Deck => ({ meta: { title: 'T', lang: 'en', slug: 't', theme: 'light', width: 1280, height: 720, source: 't.md' }, stacks: [slides], diagnostics: [] });
const EMPTY = deck([slide('a')]);

describe('the floors', () => {
  it('are 24 px for text, 18 px for code, a third of the room for a sparse slide', () => {
    expect(TEXT_FLOOR_PX).toBe(24);
    expect(CODE_FLOOR_PX).toBe(18);
    expect(SPARSE_FILL).toBeCloseTo(1 / 3, 10);
  });
});

describe('compositionReport', () => {
  it('counts a slide as sparse under a third of its room, but never the first, the last, or a big short statement', () => {
    const measured = [
      drawn(1, { kind: 'title', fill: 0.1 }),
      drawn(2, { fill: 0.2, line: 7 }),
      drawn(3, { fill: 0.34 }),
      drawn(4, { fill: 0.05, kind: 'statement', statement: true }),
      drawn(5, { fill: 0.329 }),
      drawn(6, { kind: 'closing', fill: 0 }),
    ];
    const report = compositionReport(EMPTY, measured);
    expect(report.sparse).toEqual([
      { slide: 2, id: 's2', title: 'Slide 2', line: 7, fill: 0.2 },
      { slide: 5, id: 's5', title: 'Slide 5', fill: 0.33 },
    ]);
    expect(report.sparseShare).toBeCloseTo(2 / 6, 10);
  });

  it('lists lone lead-ins, and fails on them', () => {
    const report = compositionReport(EMPTY, [drawn(1), drawn(2, { leadIn: true, line: 12 }), drawn(3)]);
    expect(report.leadIns).toEqual([{ slide: 2, id: 's2', title: 'Slide 2', line: 12 }]);
    expect(compositionPasses(report)).toBe(false);
  });

  it('takes the smallest text and code drawn, ignoring slides without any, rounded to a tenth', () => {
    const report = compositionReport(EMPTY, [drawn(1, { minText: 40 }), drawn(2, { minText: 26.44, minCode: 0 }), drawn(3, { minText: 0, minCode: 19.26 }), drawn(4, { minCode: 22 })]);
    expect(report.minText).toBe(26.4);
    expect(report.minCode).toBe(19.3);
    expect(report.small).toEqual([]);
    expect(compositionPasses(report)).toBe(true);
    expect(compositionReport(EMPTY, []).minText).toBe(0);
    expect(compositionReport(EMPTY, []).minCode).toBe(0);
  });

  it('names the slides under the floors (a twentieth of a pixel of rounding allowed), and fails on them', () => {
    const report = compositionReport(EMPTY, [drawn(1, { minText: 23.97 }), drawn(2, { minText: 23.5 }), drawn(3, { minCode: 17.9 }), drawn(4, { minCode: 18 })]);
    expect(report.small.map((s) => [s.slide, s.text, s.code])).toEqual([
      [2, 23.5, 0],
      [3, 36, 17.9],
    ]);
    expect(compositionPasses(report)).toBe(false);
  });

  it('reports key points that are fragments, meta sentences or lead-ins (not failed on), skipping agenda and section slides', () => {
    const d = deck([
      slide('a', { parts: [{ type: 'points', items: [[t('Python advocate for explicit.')], [t('Monkey patching replaces the socket module at import time.')]] }] }),
      slide('b', { parts: [{ type: 'points', items: [[t('Here are some typical data races.')], [t('The options are:')]] }] }),
      slide('c', { kind: 'agenda', parts: [{ type: 'points', items: [[t('Intro')]] }] }),
      slide('d', { kind: 'section', parts: [{ type: 'points', items: [[t('Part')]] }] }),
    ]);
    const report = compositionReport(d, [drawn(1), drawn(2), drawn(3), drawn(4)]);
    expect(report.weakPoints.map((w) => [w.slide, w.id, w.text])).toEqual([
      [1, 'a', 'Python advocate for explicit.'],
      [2, 'b', 'Here are some typical data races.'],
      [2, 'b', 'The options are:'],
    ]);
    expect(report.weakPoints[0]!.flaws).toContain('fragment');
    expect(report.weakPoints[1]!.flaws).toContain('meta');
    expect(report.weakPoints[2]!.flaws).toContain('lead-in');
    expect(compositionPasses(report)).toBe(true);
  });

  it('estimates the talk’s minutes from the plan', () => {
    const d = deck([slide('a', { notes: [{ type: 'paragraph', line: 1, inlines: [t(Array.from({ length: 260 }, () => 'word').join(' '))] }] })]);
    expect(compositionReport(d, [drawn(1)]).minutes).toBe(deckMinutes(d));
    expect(compositionReport(d, [drawn(1)]).minutes).toBe(2);
  });
});
