/**
 * `lectern check`: compile each deck exactly as `lectern build` does, lay it out in headless
 * Chromium at the deck's size (one browser for all decks), re-plan what overflows (fit/), and
 * report per deck: slides, overflowing slides, leaked article syntax, code highlighting and
 * conservation, and accessibility (axe-core in every built-in theme, check/a11y.ts). A deck that fails to build is reported and the others are still checked.
 */
import { deckReport, failedReport, type CheckReport, type DeckCheck } from '../check/index.js';
import type { CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { Source } from '../model.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import { compileWith, realEdges, type Edges } from './edges.js';
import type { DeckMeasurer } from './measure.js';

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
}

/** Check every article of `inputs` (files or folders). Throws only on bad inputs or no browser. */
export async function checkDecks(options: CheckOptions, edges: Edges = realEdges): Promise<CheckReport> {
  const sources = await edges.loadSources(options.inputs);
  const runtime = await edges.loadRuntime();
  const measurer = await edges.measurer(runtime, options.config);
  const decks: DeckCheck[] = [];
  try {
    for (const source of sources) {
      const report = await checkSource(source, { options, edges, runtime, measurer });
      decks.push(report);
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
}

async function checkSource(source: Source, ctx: CheckContext): Promise<DeckCheck> {
  let compiled: CompiledDeck;
  try {
    // The same compile as an HTML-only build: the deck measured is the deck that build writes.
    compiled = await compileWith(ctx.edges, source, { config: ctx.options.config, runtime: ctx.runtime, thumbnail: 'svg' });
  } catch (error) {
    return failedReport(source, error);
  }
  try {
    return deckReport(await ctx.measurer.measure(compiled, ctx.options.fit !== false, ctx.options.a11y !== false));
  } catch (error) {
    // Without a browser nothing can be measured: fail the whole check, not each deck.
    if (error instanceof LecternError && (error.code === 'browser-not-found' || error.code === 'browser-failed')) throw error;
    return failedReport(source, error, compiled);
  }
}
