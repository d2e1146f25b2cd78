/**
 * The fit loop inside `lectern build --pdf`: the site is already written and served, the browser is
 * already running for the PDFs, so each deck is measured where it stands, re-planned while slides
 * overflow (its index.html rewritten each round), and what still overflows becomes a warning. An
 * HTML-only build never gets here: it starts no browser (see fit-loop.ts).
 */
import { join } from 'node:path';
import { LecternError } from '../errors.js';
import type { BrowserSession } from '../export/browser.js';
import type { Diagnostic, FitHints } from '../model.js';
import type { CompiledDeck } from '../pipeline.js';
import type { BuildEvent, DeckResult } from '../site/build.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { fitDeck } from './fit-loop.js';
import { measureDeck, type SlideOverflow } from './measure.js';

/** Where the decks are and how to compile one again. */
export interface SiteFitOptions {
  /** `http://127.0.0.1:<port>`: the server over `siteDir`. */
  readonly baseUrl: string;
  readonly siteDir: string;
  readonly recompile: (deck: CompiledDeck, hints: FitHints) => CompiledDeck;
  readonly timeoutMs?: number;
}

/** The decks as fitted (same order), and a warning per slide that still overflows. */
export interface SiteFitResult {
  readonly compiled: CompiledDeck[];
  readonly diagnostics: Diagnostic[];
}

/** Measure every deck of a served site and re-plan the ones that overflow. */
export async function fitSiteDecks(session: BrowserSession, compiled: readonly CompiledDeck[], options: SiteFitOptions): Promise<SiteFitResult> {
  const out: CompiledDeck[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const first of compiled) {
    const { slug } = first.rendered;
    const target = { url: `${options.baseUrl}/${encodeURIComponent(slug)}/`, slug, source: first.source.path };
    const size = { width: first.deck.meta.width, height: first.deck.meta.height };
    const file = join(options.siteDir, slug, 'index.html');
    // The build wrote the first plan; a round writes its plan, and the kept one is written last.
    let written = first.rendered.html;
    const result = await fitDeck(first, {
      measure: async (c) => {
        if (c.rendered.html !== written) await writeFileAtomic(file, c.rendered.html);
        written = c.rendered.html;
        return measureDeck(session, target, size, options.timeoutMs);
      },
      recompile: (hints) => options.recompile(first, hints),
    });
    out.push(result.compiled);
    if (result.rounds > 0) {
      const before = first.rendered.slideCount;
      const after = result.compiled.rendered.slideCount;
      const n = result.initialOverflows;
      diagnostics.push({
        severity: 'info',
        code: 'check-refit',
        message: `deck ${slug}: ${n} overflowing ${n === 1 ? 'slide' : 'slides'} re-planned after measuring (${before} → ${after} slides)`,
        file: first.source.path,
        line: 1,
      });
    }
    diagnostics.push(...result.layout.overflows.map((o) => overflowDiagnostic(o, first.source.path, slug)));
  }
  return { compiled: out, diagnostics };
}

/** A slide that still overflows, as a warning located at the slide's line. */
export function overflowDiagnostic(overflow: SlideOverflow, file: string, slug: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'check-overflow',
    message: `deck ${slug}: slide ${overflow.slide} "${overflow.title}" overflows its frame by ${overflow.by}px (${overflow.reasons[0] ?? 'content'})`,
    file,
    line: overflow.line ?? 1,
    hint: 'Lectern could not split this content further; shorten it, or break it with <!-- lectern: break -->',
  };
}

/** What the PDF step of a build lends the fit loop. */
export interface PrintFitOptions extends SiteFitOptions {
  /** The build's deck results (same order as the decks); their slide counts are updated. */
  readonly decks: DeckResult[];
  readonly onEvent?: (event: BuildEvent) => void;
  readonly strict: boolean;
}

/**
 * Fit every deck of a built site before its PDFs are printed: the fitted decks (same order), with
 * the results' slide counts updated and a warning per slide that still overflows — fatal with
 * --strict, before any PDF is printed (the HTML is written by then).
 */
export async function fitSiteForPrint(session: BrowserSession, compiled: readonly CompiledDeck[], options: PrintFitOptions): Promise<CompiledDeck[]> {
  const result = await fitSiteDecks(session, compiled, options);
  result.compiled.forEach((c, i) => {
    const deck = options.decks[i];
    if (deck !== undefined && deck.slideCount !== c.rendered.slideCount) options.decks[i] = { ...deck, slideCount: c.rendered.slideCount, codeBlockCount: c.rendered.codeBlockCount };
  });
  for (const diagnostic of result.diagnostics) options.onEvent?.({ type: 'diagnostic', diagnostic });
  const overflows = result.diagnostics.filter((d) => d.severity !== 'info');
  if (options.strict && overflows.length > 0) {
    const n = overflows.length;
    throw new LecternError('strict-diagnostics', `${n} ${n === 1 ? 'slide overflows' : 'slides overflow'} after re-planning; no PDF was printed`, {
      diagnostics: overflows,
      hint: 'shorten the content named above, or build without --strict',
    });
  }
  return result.compiled;
}
