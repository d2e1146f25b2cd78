import { describe, expect, it } from 'vitest';
import type { MeasuredBlock, MeasuredEntry, MeasuredHandout } from '../../../src/pdf/handout-measure.js';
import { cutAt, pieceHeight, planHandoutPages, type HandoutPlan, type PageOptions } from '../../../src/pdf/handout-pages.js';

/** A paragraph of `n` lines of 20 px. */
function para(n: number): MeasuredBlock {
  return { height: n * 20, marginBottom: 10, above: 0, below: 0, lines: Array.from({ length: n }, (_, i) => ({ top: i * 20, bottom: i * 20 + 20 })) };
}

function entry(slideHeight: number, ...blocks: MeasuredBlock[]): MeasuredEntry {
  return { slideHeight, notesTop: slideHeight + 10, blocks };
}

const FLOW: PageOptions = { layout: 'flow', pageHeight: 1000, minEntryHeight: 0, entryGap: 26 };

/** Every page's height as planned. */
function heights(plan: HandoutPlan): number[] {
  return plan.pages.map((p) => p.reduce((sum, part, i) => sum + part.height + (i > 0 ? FLOW.entryGap : 0), 0));
}

/** Each page's parts as `3` (slide 3 with notes) or `3+` (slide 3's notes, continued). */
function shape(plan: HandoutPlan): string[][] {
  return plan.pages.map((p) => p.map((part) => `${part.entry + 1}${part.slide ? '' : '+'}`));
}

describe('handout pagination', () => {
  it('puts as many slides with their notes on a page as fit', () => {
    const m: MeasuredHandout = { labelHeight: 18, entries: [entry(240, para(3)), entry(240, para(3)), entry(240, para(3)), entry(240, para(3))] };
    const plan = planHandoutPages(m, FLOW);
    expect(shape(plan)).toEqual([['1', '2', '3'], ['4']]);
    expect(plan.continued).toBe(0);
    for (const h of heights(plan)) expect(h).toBeLessThanOrEqual(FLOW.pageHeight);
  });

  it('never cuts a slide: one that does not fit goes to the next page whole', () => {
    const m: MeasuredHandout = { labelHeight: 18, entries: [entry(250, para(20)), entry(400, para(2))] };
    const plan = planHandoutPages(m, FLOW);
    expect(shape(plan)).toEqual([['1'], ['2']]);
    expect(plan.pages[1]?.[0]?.slide).toBe(true);
  });

  it('continues long notes on the next page under a label, cut between lines, two lines at least each side', () => {
    const m: MeasuredHandout = { labelHeight: 18, entries: [entry(300, para(60)), entry(300, para(2))] };
    const plan = planHandoutPages(m, FLOW);
    expect(shape(plan)[0]).toEqual(['1']);
    expect(shape(plan)[1]?.[0]).toBe('1+');
    expect(plan.continued).toBe(1);
    const [first, rest] = [plan.pages[0]![0]!.pieces[0]!, plan.pages[1]![0]!.pieces[0]!];
    expect(first.from).toBe(0);
    expect(rest.from).toBe(first.to);
    expect(rest.to).toBe(60);
    expect(first.to).toBeGreaterThanOrEqual(2);
    expect(60 - rest.from).toBeGreaterThanOrEqual(2);
    for (const h of heights(plan)) expect(h).toBeLessThanOrEqual(FLOW.pageHeight);
  });

  it('does not leave a slide at the foot of a page without the first lines of its notes', () => {
    // 700 px used; slide 2 (250 + 10) fits, but not with two lines of notes after it.
    const m: MeasuredHandout = { labelHeight: 18, entries: [entry(300, para(19)), entry(250, para(10))] };
    const plan = planHandoutPages(m, FLOW);
    expect(shape(plan)).toEqual([['1'], ['2']]);
  });

  it('one slide a page in the notes layout', () => {
    const m: MeasuredHandout = { labelHeight: 18, entries: [entry(100, para(1)), entry(100, para(1)), entry(100, para(1))] };
    expect(shape(planHandoutPages(m, { ...FLOW, layout: 'notes' }))).toEqual([['1'], ['2'], ['3']]);
  });

  it('balances the last page of 3-up', () => {
    const rows = Array.from({ length: 7 }, () => ({ slideHeight: 200, notesTop: 0, blocks: [para(2)] }));
    const plan = planHandoutPages({ labelHeight: 18, entries: rows }, { layout: '3up', pageHeight: 1000, minEntryHeight: 300, entryGap: 26 });
    const counts = plan.pages.map((p) => p.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(counts.at(-1)).toBeGreaterThanOrEqual(2);
  });

  it('measures and cuts pieces of a block by its lines', () => {
    const block = para(10);
    expect(pieceHeight(block, { from: 0, to: 10 })).toBe(200);
    expect(pieceHeight(block, { from: 0, to: 4 })).toBe(80);
    expect(pieceHeight(block, { from: 4, to: 10 })).toBe(120);
    expect(cutAt(block, { block: 0, from: 0, to: 10 }, 85)).toBe(4);
    expect(cutAt(block, { block: 0, from: 0, to: 10 }, 30)).toBeUndefined();
  });
});
