/**
 * The measure → re-plan loop, with a fake browser: hints are keyed by slide line and tighten a
 * little each round (height or width, as measured); the loop stops when nothing overflows, when
 * nothing can be tightened, or after MAX_ROUNDS, and keeps the plan with the fewest overflows.
 */
import { describe, expect, it } from 'vitest';
import { fitDeck, MAX_ROUNDS } from '../../../src/check/fit-loop.js';
import { tightenHints, MIN_FACTOR } from '../../../src/check/hints.js';
import type { DeckLayout, SlideOverflow } from '../../../src/check/measure.js';
import type { Deck, FitHints, Slide } from '../../../src/model.js';
import type { CompiledDeck } from '../../../src/pipeline.js';

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

  it('ignores unknown ids and gives up at the floor', () => {
    expect(tightenHints(d, [over('nope')])).toBeUndefined();
    expect(tightenHints(d, [over('a')], { tighter: { 3: MIN_FACTOR } })).toBeUndefined();
  });
});

describe('fitDeck', () => {
  /** A fake compile whose deck has one slide at line 5, and a fake measure that overflows while its factor is above `fitsAt`. */
  function harness(fitsAt: number) {
    const compiles: (FitHints | undefined)[] = [];
    const compile = (hints?: FitHints): CompiledDeck => {
      compiles.push(hints);
      return { deck: deck(slide('x', 5)), rendered: { html: JSON.stringify(hints ?? {}) } } as unknown as CompiledDeck;
    };
    const measure = async (c: CompiledDeck): Promise<DeckLayout> => {
      const factor = (JSON.parse(c.rendered.html) as FitHints).tighter?.[5] ?? 1;
      return { slides: 1, shrunk: 0, failures: [], overflows: factor > fitsAt ? [over('x')] : [] };
    };
    return { compiles, first: compile(), steps: { measure, recompile: (h: FitHints) => compile(h) } };
  }

  it('does nothing more when the first plan fits', async () => {
    const h = harness(2);
    const result = await fitDeck(h.first, h.steps);
    expect(result.rounds).toBe(0);
    expect(h.compiles).toHaveLength(1);
  });

  it('re-plans with tighter hints until nothing overflows', async () => {
    const h = harness(0.5);
    const result = await fitDeck(h.first, h.steps);
    expect(result.rounds).toBe(2);
    expect(result.initialOverflows).toBe(1);
    expect(result.layout.overflows).toEqual([]);
    expect(result.hints).toEqual({ tighter: { 5: 0.49 } });
  });

  it(`stops after ${MAX_ROUNDS} rounds and keeps the first plan when no round helped`, async () => {
    const h = harness(0);
    const result = await fitDeck(h.first, h.steps);
    expect(result.rounds).toBe(MAX_ROUNDS);
    expect(result.compiled).toBe(h.first);
    expect(result.layout.overflows).toHaveLength(1);
  });
});
