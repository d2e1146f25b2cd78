/**
 * `lectern check`: compile each deck exactly as `lectern build` does, lay it out in headless
 * Chromium at the deck's size (one browser for all decks), re-plan what overflows (fit/), and
 * report per deck: slides, overflowing slides, leaked article syntax, code highlighting and
 * conservation, and accessibility (axe-core in every built-in theme, check/a11y.ts). A deck that fails to build is reported and the others are still checked.
 */
import { deckReport, failedLoadReport, failedReport, type CheckReport, type DeckCheck } from '../check/index.js';
import type { CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import { slugFromPath } from '../load/slug.js';
import type { Source } from '../model.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import { compileWith, realEdges, type Edges } from './edges.js';
import type { DeckMeasurer, DeckStep } from './measure.js';

/** What to check and how. */
export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Re-plan overflowing slides until they fit (the default), or only measure the first plan. */
  readonly fit?: boolean;
  /** Audit each deck with axe-core in every built-in theme (the default). */
  readonly a11y?: boolean;
  /** Called as each deck's report is ready. */
  readonly onDeck?: (report: DeckCheck) => void;
  /** Progress: how many decks, then each deck's steps. */
  readonly onProgress?: (event: CheckProgress) => void;
}

/** Progress of a check, for a progress display. */
export type CheckProgress =
  | { readonly type: 'begin'; readonly decks: number }
  /** Deck `index` (0-based) starts (an article that could not be read too). */
  | { readonly type: 'start'; readonly index: number; readonly slug: string }
  /** Deck `index` is at `step`: compiling, or a step in the browser. */
  | { readonly type: 'step'; readonly index: number; readonly slug: string; readonly step: { readonly type: 'compile' } | DeckStep }
  | { readonly type: 'done'; readonly index: number; readonly slug: string };

/** Check every article of `inputs` (files or folders). Throws only on bad inputs or no browser. */
export async function checkDecks(options: CheckOptions, edges: Edges = realEdges): Promise<CheckReport> {
  // An article that cannot be read (bad front matter, an empty file) is a failed deck; the others are checked.
  const loaded = await edges.loadSourcesSettled(options.inputs);
  const runtime = await edges.loadRuntime();
  const measurer = await edges.measurer(runtime, options.config);
  const decks: DeckCheck[] = [];
  const progress = options.onProgress ?? (() => undefined);
  progress({ type: 'begin', decks: loaded.length });
  try {
    for (const [index, outcome] of loaded.entries()) {
      const slug = outcome.ok ? outcome.source.slug : slugFromPath(outcome.file, {});
      progress({ type: 'start', index, slug });
      const step = (s: { readonly type: 'compile' } | DeckStep): void => progress({ type: 'step', index, slug, step: s });
      const report = outcome.ok ? await checkSource(outcome.source, { options, edges, runtime, measurer, step }) : failedLoadReport(outcome.file, outcome.error);
      decks.push(report);
      progress({ type: 'done', index, slug: report.slug });
      options.onDeck?.(report);
    }
  } finally {
    await measurer.close();
  }
  return { decks, ok: decks.length > 0 && decks.every((d) => d.ok) };
}

interface CheckContext {
  readonly options: CheckOptions;
  readonly edges: Edges;
  readonly runtime: RuntimeManifest;
  readonly measurer: DeckMeasurer;
  readonly step: (step: { readonly type: 'compile' } | DeckStep) => void;
}

async function checkSource(source: Source, ctx: CheckContext): Promise<DeckCheck> {
  let compiled: CompiledDeck;
  ctx.step({ type: 'compile' });
  try {
    // The same compile as an HTML-only build: the deck measured is the deck that build writes.
    compiled = await compileWith(ctx.edges, source, { config: ctx.options.config, runtime: ctx.runtime, thumbnail: 'svg' });
  } catch (error) {
    return failedReport(source, error);
  }
  try {
    return deckReport(await ctx.measurer.measure(compiled, ctx.options.fit !== false, ctx.step, ctx.options.a11y !== false));
  } catch (error) {
    // Without a browser nothing can be measured: fail the whole check, not each deck.
    if (error instanceof LecternError && (error.code === 'browser-not-found' || error.code === 'browser-failed')) throw error;
    return failedReport(source, error, compiled);
  }
}
