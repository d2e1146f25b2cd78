/**
 * The measure → re-plan loop, with a fake browser: hints are keyed by slide line and tighten a
 * little each round (height or width, as measured); the loop stops when nothing overflows, when
 * nothing can be tightened, or after MAX_ROUNDS, and keeps the plan with the fewest overflows.
 */
import { describe, expect, it } from 'vitest';
import { fitDeck, MAX_ROUNDS } from '../../../src/fit/loop.js';
import { tightenHints } from '../../../src/fit/hints.js';
import { MIN_FIT_FACTOR } from '../../../src/plan/budget.js';
import type { DeckLayout, SlideOverflow } from '../../../src/fit/measure.js';
import type { Deck, FitHints, Slide } from '../../../src/model.js';
import type { CompiledDeck } from '../../../src/compile.js';
import { parseSource } from '../../../src/load/index.js';
import { compileForTest } from '../helpers/compile.js';

const slide = (id: string, line: number): Slide => ({ kind: 'content', id, parts: [], notes: [], line, endLine: line });
const deck = (...slides: Slide[]): Deck => ({
  meta: { title: 't', lang: 'en', slug: 's', theme: 'light', width: 1280, height: 720, source: 's.md' },
  stacks: [slides],
  diagnostics: [],
});
const over = (id: string, wide = false): SlideOverflow => ({ id, slide: 1, title: '', by: 10, reasons: [], wide, tall: !wide });

describe('tightenHints', () => {
  const d = deck(slide('a', 3), slide('b', 9));

  it('keys hints by the slide line, one step tighter per round, height or width as measured', () => {
    const first = tightenHints(d, [over('b')]);
    expect(first).toEqual({ tighter: { 9: 0.7 } });
    expect(tightenHints(d, [over('b'), over('a', true)], first)).toEqual({ tighter: { 9: 0.49 }, narrower: { 3: 0.7 } });
  });

  it('tightens a line once a round however many of its pieces overflowed', () => {
    const pieces = deck(slide('p1', 47), slide('p2', 47), slide('p3', 47));
    expect(tightenHints(pieces, [over('p1', true), over('p2', true), over('p3', true), over('p3')])).toEqual({ tighter: { 47: 0.7 }, narrower: { 47: 0.7 } });
  });

  it('ignores unknown ids and gives up at the floor', () => {
    expect(tightenHints(d, [over('nope')])).toBeUndefined();
    expect(tightenHints(d, [over('a')], { tighter: { 3: MIN_FIT_FACTOR } })).toBeUndefined();
  });
});

describe('fitDeck', () => {
  /** A real compiled deck (its section slide at line 3), and a fake measure that overflows while the slide's factor is above `fitsAt`. */
  function harness(fitsAt: number) {
    const measured: (FitHints | undefined)[] = [];
    const first = compileForTest(parseSource('# Title\n\n## Section\n\nSome text to show.\n', 'talk.md', { resolveLink: () => undefined }));
    const id = first.deck.stacks[1]![0]!.id;
    const measure = async (c: CompiledDeck): Promise<DeckLayout> => {
      measured.push(c.inputs.hints);
      const factor = c.inputs.hints?.tighter[3] ?? 1;
      return { slides: 2, shrunk: 0, overflows: factor > fitsAt ? [over(id)] : [] };
    };
    return { measured, first, measure };
  }

  it('does nothing more when the first plan fits', async () => {
    const h = harness(2);
    const result = await fitDeck(h.first, h.measure);
    expect(result.rounds).toBe(0);
    expect(h.measured).toEqual([undefined]);
  });

  it('re-plans with tighter hints until nothing overflows', async () => {
    const h = harness(0.5);
    const result = await fitDeck(h.first, h.measure);
    expect(result.rounds).toBe(2);
    expect(result.initialOverflows).toBe(1);
    expect(result.layout.overflows).toEqual([]);
    expect(result.hints).toEqual({ tighter: { 3: 0.49 } });
    expect(result.compiled.inputs.hints).toEqual({ tighter: { 3: 0.49 } });
  });

  it(`stops after ${MAX_ROUNDS} rounds and keeps the first plan when no round helped`, async () => {
    const h = harness(0);
    const result = await fitDeck(h.first, h.measure);
    expect(result.rounds).toBe(MAX_ROUNDS);
    expect(result.compiled).toBe(h.first);
    expect(result.layout.overflows).toHaveLength(1);
    // The kept (first) plan is measured again last, so it is the one left loaded in the page.
    expect(h.measured.at(-1)).toBeUndefined();
  });

  it('only measures with no rounds allowed', async () => {
    const h = harness(0);
    const result = await fitDeck(h.first, h.measure, 0);
    expect(result.rounds).toBe(0);
    expect(h.measured).toHaveLength(1);
  });
});
