/**
 * The planner's budgets: how much fits on one slide. Numbers are in the deck's CSS pixels and match
 * the themes' type scale (themes/*.css); the client's fit pass is the safety net, not the plan.
 */
import type { ResolvedDeckOptions } from '../config.js';

/** Type metrics the themes use for code (JetBrains Mono). */
export const CODE_METRICS = {
  fontPx: 22,
  lineHeight: 1.4,
  /** Advance width of a monospace glyph as a share of the font size. */
  charWidth: 0.6,
  /** Smallest scale that still reads from the back of a room; below it code is split or wrapped. */
  minScale: 0.6,
} as const;

/** Height taken by the slide title, margins and paddings, and by a one-line caption. */
const CHROME_PX = 170;
const CAPTION_PX = 64;

/** Limits for one slide, from the resolved deck options. */
export interface Budget {
  readonly maxPoints: number;
  readonly maxWords: number;
  readonly maxCodeLines: number;
  readonly statementWords: number;
  /** Most table rows on one slide before the table continues. */
  readonly maxTableRows: number;
  /** A list item longer than this shows its lead sentence on screen (the whole item goes to notes). */
  readonly maxItemWords: number;
  readonly width: number;
  readonly height: number;
}

/** The budget for a deck. */
export function budgetFor(options: ResolvedDeckOptions): Budget {
  return {
    maxPoints: options.maxPoints,
    maxWords: options.maxWords,
    maxCodeLines: options.maxCodeLines,
    statementWords: options.statementWords,
    maxTableRows: 8,
    maxItemWords: 25,
    width: options.width,
    height: options.height,
  };
}

/** The font scale at which `lines` rows of code at most `columns` wide fit the slide (1 = theme size). */
export function codeScale(budget: Budget, lines: number, columns: number, hasCaption: boolean): number {
  const availableHeight = budget.height - CHROME_PX - (hasCaption ? CAPTION_PX : 0);
  const availableWidth = budget.width * 0.92 - 48;
  const byHeight = availableHeight / (Math.max(lines, 1) * CODE_METRICS.fontPx * CODE_METRICS.lineHeight);
  const byWidth = availableWidth / (Math.max(columns, 1) * CODE_METRICS.fontPx * CODE_METRICS.charWidth);
  const scale = Math.min(1, byHeight, byWidth);
  return Math.max(CODE_METRICS.minScale, Math.floor(scale * 100) / 100);
}

/** How many lines of code fit at the smallest legible scale. */
export function maxCodeLinesAtMinScale(budget: Budget, hasCaption: boolean): number {
  const availableHeight = budget.height - CHROME_PX - (hasCaption ? CAPTION_PX : 0);
  return Math.floor(availableHeight / (CODE_METRICS.fontPx * CODE_METRICS.lineHeight * CODE_METRICS.minScale));
}
