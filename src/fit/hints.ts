/**
 * From a measurement to the next plan: the slides that overflowed become fit hints keyed by their
 * source line, each tighter than the last time (see FitHints in model.ts). Pure.
 */
import type { Deck, FitHints } from '../model.js';
import { MIN_FIT_FACTOR } from '../plan/budget.js';

/** Each round multiplies an overflowing slide's budget by this. */
export const FIT_STEP = 0.7;

/** A slide that overflowed, and in which direction. */
export interface Overflowing {
  readonly id: string;
  readonly wide: boolean;
  readonly tall: boolean;
}

/**
 * `hints` tightened for the slides of `deck` that overflowed: the height factor of a slide that was
 * too tall, the width factor of one that was too wide. Undefined when none of them can be tightened
 * any more (the loop then stops).
 */
export function tightenHints(deck: Deck, overflowing: readonly Overflowing[], hints: FitHints = { tighter: {} }): FitHints | undefined {
  const byId = new Map(deck.stacks.flat().map((s) => [s.id, s.line]));
  const tighter: Record<number, number> = { ...hints.tighter };
  const narrower: Record<number, number> = { ...hints.narrower };
  let changed = false;
  const step = (factors: Record<number, number>, line: number): void => {
    const current = factors[line] ?? 1;
    if (current <= MIN_FIT_FACTOR + 1e-9) return;
    factors[line] = Math.max(MIN_FIT_FACTOR, Math.round(current * FIT_STEP * 100) / 100);
    changed = true;
  };
  // Once a round per line and direction: the pieces of one block share its line, and five pieces
  // that overflowed must not tighten it five times (code was cut into a line a slide).
  const tall = new Set<number>();
  const wide = new Set<number>();
  for (const o of overflowing) {
    const line = byId.get(o.id);
    if (line === undefined) continue;
    // A slide reported with neither (the runtime flag only) is taken as too tall.
    if (o.tall || !o.wide) tall.add(line);
    if (o.wide) wide.add(line);
  }
  for (const line of tall) step(tighter, line);
  for (const line of wide) step(narrower, line);
  if (!changed) return undefined;
  return Object.keys(narrower).length > 0 ? { tighter, narrower } : { tighter };
}
