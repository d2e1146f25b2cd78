/**
 * Fit, measured not guessed: compile → lay out in a browser → re-plan the slides that overflowed
 * with tighter budgets → repeat, at most MAX_ROUNDS times. The planner's budgets keep most slides in
 * bounds; this loop catches what only a browser knows (real fonts, long words, wide tables).
 *
 * Where it runs: `lectern check` always, and `lectern build --pdf` (whose browser is running
 * anyway) before the PDFs are printed. An HTML-only `lectern build` never starts a browser: it
 * keeps the planner's output, which the runtime's own fit pass then shrinks on screen.
 */
import { recompile, type CompiledDeck } from '../compile.js';
import type { FitHints } from '../model.js';
import { tightenHints } from './hints.js';
import type { DeckLayout } from './measure.js';

/** Measure-and-re-plan rounds after the first measurement. */
export const MAX_ROUNDS = 4;

/** Write a compiled deck where the browser loads it, load it, and measure it. */
export type MeasureDeck = (compiled: CompiledDeck) => Promise<DeckLayout>;

/** The deck the loop settled on. */
export interface FitResult {
  readonly compiled: CompiledDeck;
  readonly layout: DeckLayout;
  /** Re-plans made (0 when the first plan fitted); the deck kept is the one with the fewest overflows. */
  readonly rounds: number;
  /** Slides that overflowed in the first measurement. */
  readonly initialOverflows: number;
  readonly hints?: FitHints;
}

/** Run the loop from a first compiled deck until nothing overflows, or no slide can be tightened further. */
export async function fitDeck(first: CompiledDeck, measure: MeasureDeck, maxRounds = MAX_ROUNDS): Promise<FitResult> {
  let compiled = first;
  let layout = await measure(compiled);
  const initialOverflows = layout.overflows.length;
  let hints: FitHints | undefined;
  let rounds = 0;
  let best = { compiled, layout, rounds, hints };
  while (layout.overflows.length > 0 && rounds < maxRounds) {
    const next = tightenHints(compiled.deck, layout.overflows, hints);
    if (next === undefined) break;
    hints = next;
    rounds++;
    compiled = recompile(first, hints);
    layout = await measure(compiled);
    // Tighter never means worse in practice, but a round that did not help is not kept.
    if (layout.overflows.length < best.layout.overflows.length) best = { compiled, layout, rounds, hints };
  }
  if (best.compiled !== compiled) await measure(best.compiled); // leave the kept deck loaded (and written)
  return { compiled: best.compiled, layout: best.layout, rounds, initialOverflows, ...(best.hints === undefined ? {} : { hints: best.hints }) };
}
