/**
 * `lectern check`: build each deck into a temporary site, lay it out in headless Chromium at the
 * deck's size (one browser for all decks), re-plan what overflows (fit-loop.ts), and report per
 * deck: slides, overflowing slides, leaked article syntax, code highlighting and conservation.
 * A deck passes with 0 overflowing slides, 0 leaks, no code in a language Lectern does not know,
 * and conservation ≥ 99%. Missing images are listed, but they are not the deck's fit or text.
 */
import type { ResolvedConfig } from '../config.js';
import { LecternError, formatError } from '../errors.js';
import { BrowserSession } from '../export/index.js';
import { loadSources } from '../load/index.js';
import type { Diagnostic, FitHints, Source } from '../model.js';
import { compileSource, type CompiledDeck } from '../pipeline.js';
import { deckAssets } from '../site/build.js';
import { loadRuntime, type RuntimeManifest } from '../site/runtime.js';
import { sitePreparer, writeDeckFiles, type SiteDeckFiles } from '../site/site-deck.js';
import type { CodeCheck } from './code.js';
import type { Conservation } from './conservation.js';
import { fitDeck, type FitResult } from './fit-loop.js';
import type { Leak } from './leaks.js';
import { measureDeck, type SlideOverflow } from './measure.js';
import { checkCompiled, MIN_CONSERVATION } from './static.js';
import { createWorkspace, type Workspace } from './workspace.js';

export { checkCompiled, staticDiagnostics, MIN_CONSERVATION, percent, type StaticCheck } from './static.js';
export { fitDeck, MAX_ROUNDS, type FitResult, type FitSteps } from './fit-loop.js';
export { measureDeck, measureSlidesInPage, type DeckLayout, type SlideOverflow } from './measure.js';
export { tightenHints } from './hints.js';
export type { CodeCheck, CodeStatus } from './code.js';
export type { Conservation } from './conservation.js';
export type { Leak, LeakKind } from './leaks.js';

/** What to check and how. */
export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Browser executable (else the usual discovery). */
  readonly browser?: string;
  /** Per deck and measurement. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /** Re-plan overflowing slides until they fit (the default), or only measure the first plan. */
  readonly fit?: boolean;
  /** Called as each deck's report is ready. */
  readonly onDeck?: (report: DeckCheck) => void;
}

/** The report of one deck. */
export interface DeckCheck {
  readonly source: string;
  readonly slug: string;
  readonly title: string;
  readonly slides: number;
  /** Slides that still overflow after the fit loop. */
  readonly overflows: readonly SlideOverflow[];
  /** Slides that overflowed in the first plan, and how many re-plans the loop made. */
  readonly initialOverflows: number;
  readonly rounds: number;
  /** The fit hints of the kept plan (slide line → budget factor), when the loop re-planned. */
  readonly hints?: FitHints;
  /** Slides the runtime's fit pass shrank to fit. */
  readonly shrunk: number;
  readonly leaks: readonly Leak[];
  readonly code: readonly CodeCheck[];
  readonly conservation: Conservation;
  /** Requests that failed in the browser (`404 http://…/cfg.svg`): listed, not failed on. */
  readonly missing: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** Why the deck could not be checked at all (it failed to build or to load). */
  readonly error?: string;
  readonly ok: boolean;
}

/** The report of a whole check. */
export interface CheckReport {
  readonly decks: readonly DeckCheck[];
  readonly ok: boolean;
}

/** Check every article of `inputs` (files or folders). Throws only on bad inputs or no browser. */
export async function checkDecks(options: CheckOptions): Promise<CheckReport> {
  const sources = await loadSources(options.inputs);
  const runtime = await loadRuntime();
  const session = new BrowserSession(options.browser === undefined ? {} : { browser: options.browser });
  const workspace = await createWorkspace(runtime);
  const decks: DeckCheck[] = [];
  try {
    for (const source of sources) {
      const report = await checkSource(source, { options, runtime, session, workspace });
      decks.push(report);
      options.onDeck?.(report);
    }
  } finally {
    await session.close();
    await workspace.dispose();
  }
  return { decks, ok: decks.length > 0 && decks.every((d) => d.ok) };
}

interface CheckContext {
  readonly options: CheckOptions;
  readonly runtime: RuntimeManifest;
  readonly session: BrowserSession;
  readonly workspace: Workspace;
}

async function checkSource(source: Source, ctx: CheckContext): Promise<DeckCheck> {
  const { options, runtime, workspace } = ctx;
  let files: SiteDeckFiles | undefined;
  const compile = (hints?: FitHints): CompiledDeck =>
    compileSource(source, options.config, (theme) => deckAssets(runtime, theme, source.path), sitePreparer(options.config, source.path, 'svg', (f) => (files = f)), hints);
  let first: CompiledDeck;
  try {
    first = compile();
  } catch (error) {
    return failed(source, error);
  }
  const slot = await workspace.slot(first.rendered.slug);
  if (files !== undefined) await writeDeckFiles(slot.dir, files, { title: first.deck.meta.title, slideCount: first.rendered.slideCount }, true);
  const size = { width: first.deck.meta.width, height: first.deck.meta.height };
  const target = { url: slot.url, slug: first.rendered.slug, source: source.path };
  const measure = async (compiled: CompiledDeck) => {
    await workspace.write(slot, compiled.rendered.html);
    return measureDeck(ctx.session, target, size, options.timeoutMs);
  };
  let fitted: FitResult;
  try {
    fitted = options.fit === false ? { compiled: first, layout: await measure(first), rounds: 0, initialOverflows: 0 } : await fitDeck(first, { measure, recompile: compile });
  } catch (error) {
    return failed(source, error, first);
  }
  return report(source, fitted);
}

function report(source: Source, fitted: FitResult): DeckCheck {
  const { compiled, layout } = fitted;
  const checks = checkCompiled(compiled);
  const initialOverflows = fitted.rounds === 0 ? layout.overflows.length : fitted.initialOverflows;
  const deck: Omit<DeckCheck, 'ok'> = {
    source: source.path,
    slug: compiled.rendered.slug,
    title: compiled.deck.meta.title,
    slides: compiled.rendered.slideCount,
    overflows: layout.overflows,
    initialOverflows,
    rounds: fitted.rounds,
    ...(fitted.hints === undefined ? {} : { hints: fitted.hints }),
    shrunk: layout.shrunk,
    leaks: checks.leaks,
    code: checks.code,
    conservation: checks.conservation,
    missing: layout.failures.map((f) => `${f.reason} ${f.url}`),
    diagnostics: compiled.rendered.diagnostics,
  };
  return { ...deck, ok: passes(deck) };
}

/** The pass rule of the module comment. */
function passes(deck: Omit<DeckCheck, 'ok'>): boolean {
  return (
    deck.error === undefined &&
    deck.overflows.length === 0 &&
    deck.leaks.length === 0 &&
    deck.code.every((c) => c.status !== 'unknown-language') &&
    deck.conservation.ratio >= MIN_CONSERVATION &&
    deck.diagnostics.every((d) => d.severity !== 'error')
  );
}

function failed(source: Source, error: unknown, compiled?: CompiledDeck): DeckCheck {
  // Without a browser nothing can be measured: fail the whole check, not each deck.
  if (error instanceof LecternError && (error.code === 'browser-not-found' || error.code === 'browser-failed')) throw error;
  const message = error instanceof LecternError ? formatError(error) : error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    source: source.path,
    slug: compiled?.rendered.slug ?? source.slug,
    title: compiled?.deck.meta.title ?? source.meta.title ?? source.slug,
    slides: compiled?.rendered.slideCount ?? 0,
    overflows: [],
    initialOverflows: 0,
    rounds: 0,
    shrunk: 0,
    leaks: [],
    code: [],
    conservation: { ratio: 0, articleWords: 0, keptWords: 0, missing: [] },
    missing: [],
    diagnostics: compiled?.rendered.diagnostics ?? [],
    error: message,
    ok: false,
  };
}
