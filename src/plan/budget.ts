/**
 * The planner's budgets: what a slide aims to hold (points, words, code lines) and the limits used
 * to cut a block into parts. Whether a slide fits is measured (layout/), not budgeted: these say
 * what a good slide holds, and how finely to cut before measuring.
 */
import type { ResolvedDeckOptions } from '../config.js';
import type { FitHints } from '../model.js';

/**
 * Rough metrics for cutting blocks inside callouts and quotes into parts (split.ts); the composer
 * measures every part it places with the deck's own fonts (layout/) and cuts smaller when one does
 * not fit, so these only need to be close.
 */
export const CODE_METRICS = {
  fontPx: 22,
  /** Advance width of a monospace glyph as a share of the font size. */
  charWidth: 0.6,
  /** The code floor (18 px) as a share of the theme's size (22 px). */
  minScale: 18 / 22,
} as const;

/** Height taken by the slide title, margins and paddings. */
const CHROME_PX = 170;

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
  /** Points shown in a section that also shows code, a table or a picture (the rest are said). */
  readonly pointsBesideCode: number;
  readonly width: number;
  readonly height: number;
  /**
   * The fit factor this budget was scaled by (1 = as planned; less when a browser measurement found
   * the slide too full, see FitHints). Code splitting reads it: its own limits follow the type size.
   */
  readonly fit: number;
  /** The same for width: tables are cut between columns and code wraps shorter below 1. */
  readonly fitWidth: number;
  /** The fit factors for slides that start at a source line (from FitHints); unset when there are none. */
  readonly tighter?: (line: number) => FitFactors;
}

/** Height and width budget factors of one slide (1 = as planned). */
export interface FitFactors {
  readonly height: number;
  readonly width: number;
}

/** The budget for a deck; `hints` (a browser measurement of a previous plan) tighten some slides. */
export function budgetFor(options: ResolvedDeckOptions, hints?: FitHints): Budget {
  const height = hints?.tighter ?? {};
  const width = hints?.narrower ?? {};
  const hinted = Object.keys(height).length > 0 || Object.keys(width).length > 0;
  return {
    ...(hinted ? { tighter: (line: number): FitFactors => ({ height: height[line] ?? 1, width: width[line] ?? 1 }) } : {}),
    maxPoints: options.maxPoints,
    maxWords: options.maxWords,
    maxCodeLines: options.maxCodeLines,
    statementWords: options.statementWords,
    maxTableRows: 8,
    maxItemWords: 25,
    pointsBesideCode: 1,
    width: options.width,
    height: options.height,
    fit: 1,
    fitWidth: 1,
  };
}

/** Most list items (nested ones counted) on one slide before a list continues: twice the points. */
export function maxListItems(budget: Budget): number {
  return Math.max(2, budget.maxPoints * 2);
}

/** Most words of a list or table on one slide before it continues: twice the slide's word budget. */
export function maxBlockWords(budget: Budget): number {
  return Math.max(12, budget.maxWords * 2);
}

/** Height of one line of body text in a callout (36px type at 0.85em, 1.35 leading). */
const CALLOUT_LINE_PX = 41;

/**
 * Lines of text (code counts about two thirds of a line) a callout or quote may take on one slide
 * before it continues: what fits once the runtime's fit pass has shrunk the type to 0.8, so only
 * callouts that could not fit are cut; under a fit hint, proportionally fewer.
 */
export function maxContainerLines(budget: Budget): number {
  return Math.max(3, Math.floor(((budget.height - CHROME_PX) / (CALLOUT_LINE_PX * 0.8)) * budget.fit));
}

/** Smallest fit factor: below it a slide would hold too little to be worth splitting further. */
export const MIN_FIT_FACTOR = 0.2;

/** `budget` with its limits multiplied by the factors (0 < factor ≤ 1); each limit keeps a floor. */
export function scaleBudget(budget: Budget, factors: FitFactors): Budget {
  const f = Math.min(1, Math.max(MIN_FIT_FACTOR, factors.height));
  const w = Math.min(1, Math.max(MIN_FIT_FACTOR, factors.width));
  if (f === 1 && w === 1) return budget;
  return {
    ...budget,
    fitWidth: budget.fitWidth * w,
    maxPoints: Math.max(1, Math.floor(budget.maxPoints * f)),
    maxWords: Math.max(8, Math.floor(budget.maxWords * f)),
    maxCodeLines: Math.max(4, Math.floor(budget.maxCodeLines * f)),
    maxTableRows: Math.max(1, Math.floor(budget.maxTableRows * f)),
    fit: budget.fit * f,
  };
}


/**
 * The longest code line that fits the slide's width at the smallest legible scale (narrower under
 * a fit hint); longer lines are wrapped rather than shrunk out of sight.
 */
export function maxCodeColumns(budget: Budget): number {
  const availableWidth = budget.width * 0.92 - 48;
  return Math.max(20, Math.floor((availableWidth / (CODE_METRICS.fontPx * CODE_METRICS.charWidth * CODE_METRICS.minScale)) * budget.fitWidth));
}

