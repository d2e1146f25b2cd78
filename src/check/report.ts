/**
 * The report of `lectern check` for one deck, assembled from what the browser measured (fit/) and
 * what the browser-free checks found (static.ts), with the pass rule. Pure.
 *
 * A deck passes with 0 overflowing slides, 0 leaks, no code in a language Lectern does not know,
 * conservation ≥ 99%, no lone lead-in, no text under 24 px or code under 18 px (check/composition.ts),
 * no serious or critical accessibility violation in any built-in theme (check/a11y.ts), and no
 * error diagnostic. Missing images are listed, but they are not the
 * deck's fit or text.
 */
import type { CompiledDeck } from '../compile.js';
import { formatError, LecternError } from '../errors.js';
import { slugFromPath } from '../load/slug.js';
import type { SlideComposition } from '../fit/composition.js';
import type { SlideOverflow } from '../fit/measure.js';
import type { Diagnostic, FitHints, Source } from '../model.js';
import { deckPacing, WORDS_PER_MINUTE, type DeckPacing } from '../plan/pacing.js';
import { blockingViolations, type A11yReport } from './a11y.js';
import type { CodeCheck } from './code.js';
import type { Conservation } from './conservation.js';
import { compositionPasses, compositionReport, type CompositionReport } from './composition.js';
import type { Leak } from './leaks.js';
import { checkCompiled, MIN_CONSERVATION } from './static.js';

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
  /** How the deck is composed as a talk: sparse slides, lone lead-ins, smallest sizes, length. */
  readonly composition: CompositionReport;
  /** The talk's estimated length, its backup slides and its time slot (plan/pacing.ts). */
  readonly pacing: DeckPacing;
  /** Requests that failed in the browser (`404 http://…/cfg.svg`): listed, not failed on. */
  readonly missing: readonly string[];
  /** What axe-core found in each built-in theme (absent when the audit was not run). */
  readonly a11y?: A11yReport;
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

/** What the browser found of a deck: the fit loop's outcome and the requests that failed. */
export interface MeasuredDeck {
  readonly compiled: CompiledDeck;
  readonly overflows: readonly SlideOverflow[];
  readonly shrunk: number;
  readonly rounds: number;
  readonly initialOverflows: number;
  readonly hints?: FitHints;
  /** Each slide's composition as drawn. */
  readonly composition: readonly SlideComposition[];
  /** `404 http://…/a.png` */
  readonly missing: readonly string[];
  readonly a11y?: A11yReport;
}

/** The report of a measured deck. */
export function deckReport(measured: MeasuredDeck): DeckCheck {
  const { compiled } = measured;
  const checks = checkCompiled(compiled);
  const deck: Omit<DeckCheck, 'ok'> = {
    source: compiled.source.path,
    slug: compiled.rendered.slug,
    title: compiled.deck.meta.title,
    slides: compiled.rendered.slideCount,
    overflows: measured.overflows,
    initialOverflows: measured.initialOverflows,
    rounds: measured.rounds,
    ...(measured.hints === undefined ? {} : { hints: measured.hints }),
    shrunk: measured.shrunk,
    leaks: checks.leaks,
    code: checks.code,
    conservation: checks.conservation,
    composition: compositionReport(compiled.deck, measured.composition),
    pacing: deckPacing(compiled.deck),
    missing: measured.missing,
    ...(measured.a11y === undefined ? {} : { a11y: measured.a11y }),
    diagnostics: compiled.rendered.diagnostics,
  };
  return { ...deck, ok: passes(deck) };
}

/** The report of a deck that could not be checked (it failed to build or to load). */
export function failedReport(source: Source, error: unknown, compiled?: CompiledDeck): DeckCheck {
  return failed({ path: source.path, slug: source.slug, title: source.meta.title ?? source.slug }, error, compiled);
}

/** The report of an article that could not even be read (bad front matter, an empty file): named by its file. */
export function failedLoadReport(file: string, error: unknown): DeckCheck {
  const slug = slugFromPath(file, {});
  return failed({ path: file, slug, title: slug }, error);
}

function failed(article: { readonly path: string; readonly slug: string; readonly title: string }, error: unknown, compiled?: CompiledDeck): DeckCheck {
  const message = error instanceof LecternError ? formatError(error) : error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    source: article.path,
    slug: compiled?.rendered.slug ?? article.slug,
    title: compiled?.deck.meta.title ?? article.title,
    slides: compiled?.rendered.slideCount ?? 0,
    overflows: [],
    initialOverflows: 0,
    rounds: 0,
    shrunk: 0,
    leaks: [],
    code: [],
    conservation: { ratio: 0, articleWords: 0, keptWords: 0, missing: [] },
    composition: { sparse: [], sparseShare: 0, leadIns: [], minText: 0, minCode: 0, small: [], weakPoints: [], minutes: 0 },
    pacing: compiled === undefined ? { minutes: 0, slides: 0, backupSlides: 0, backupMinutes: 0, wordsPerMinute: WORDS_PER_MINUTE } : deckPacing(compiled.deck),
    missing: [],
    diagnostics: compiled?.rendered.diagnostics ?? [],
    error: message,
    ok: false,
  };
}

/** The pass rule of the module comment. */
function passes(deck: Omit<DeckCheck, 'ok'>): boolean {
  return (
    deck.error === undefined &&
    deck.overflows.length === 0 &&
    deck.leaks.length === 0 &&
    deck.code.every((c) => c.status !== 'unknown-language') &&
    deck.conservation.ratio >= MIN_CONSERVATION &&
    compositionPasses(deck.composition) &&
    blockingViolations(deck.a11y).length === 0 &&
    deck.diagnostics.every((d) => d.severity !== 'error')
  );
}
