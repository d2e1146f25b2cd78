/**
 * Printing compiled decks: one browser and one scratch site for all of them, and for each deck ONE
 * page load of its print view, in which it is measured (fit/), re-planned while slides overflow
 * (rare: the page is then written and loaded again), and printed — slides PDF, thumbnail, handout
 * (pdf/). Everything is returned in memory; the caller writes it. Loaded only when PDFs are asked
 * for, so HTML-only builds never load Puppeteer.
 */
import type { Page } from 'puppeteer-core';
import { BrowserSession } from '../browser/session.js';
import { createDeadline, deckFailure } from '../browser/wait.js';
import type { CompiledDeck } from '../compile.js';
import { deckUrl, type ResolvedConfig } from '../config.js';
import { fitDeck, MAX_ROUNDS, type FitResult } from '../fit/loop.js';
import { diagramDiagnostics, readDiagramFailures } from '../fit/diagrams.js';
import { measureOpenDeck } from '../fit/measure.js';
import type { Diagnostic } from '../model.js';
import { openPrintView, overflowDiagnostics, printDeck, type PdfDeck, type PdfKind, type PictureRequest, type PrintedDeck, type PrintView } from '../pdf/index.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import type { DeckStep } from './measure.js';
import { createScratchSite, type ScratchDeck, type ScratchSite } from './scratch.js';

/** What to print for every deck. */
export interface PrintOptions {
  readonly config: ResolvedConfig;
  readonly slides: boolean;
  readonly handout: boolean;
  readonly thumbnail: boolean;
  /** Re-plan overflowing slides before printing (measured in the same page load). */
  readonly refit: boolean;
  /** Pictures (PNG) of slides to take from the same page load, per deck (none when it answers undefined). */
  readonly pictures?: (compiled: CompiledDeck) => PictureRequest | undefined;
  /** A PDF is being printed (for a progress bar). */
  readonly onStart?: (slug: string, kind: PdfKind) => void;
  /** A deck's page is opened or measured before printing (for a progress bar). */
  readonly onStep?: (slug: string, step: DeckStep) => void;
}

/** One deck as printed: the deck as fitted, its PDFs and thumbnail, and what went wrong. */
export interface PrintedSiteDeck {
  readonly compiled: CompiledDeck;
  readonly printed: PrintedDeck;
  readonly fit: Pick<FitResult, 'rounds' | 'initialOverflows'> & { readonly overflows: number };
  readonly diagnostics: readonly Diagnostic[];
}

/** Prints decks one after the other with one browser and one scratch site; `close()` ends both. */
export interface DeckPrinter {
  print(compiled: CompiledDeck): Promise<PrintedSiteDeck>;
  close(): Promise<void>;
}

/**
 * The browser-backed printer. The browser and the scratch site start at once, in the background
 * (resolved once Chromium's process runs): a caller that makes its printer before compiling
 * (`lectern pdf`) has Chromium started while it compiles. A failure to start shows at the first
 * print.
 */
export async function createPrinter(runtime: RuntimeManifest, options: PrintOptions): Promise<DeckPrinter> {
  const { config } = options;
  const session = new BrowserSession({ timeoutMs: config.browser.timeoutMs, ...(config.browser.path === undefined ? {} : { browser: config.browser.path }) });
  const scratch: Promise<ScratchSite> = createScratchSite(runtime);
  scratch.catch(() => undefined); // Seen by the first print.
  // Until Chromium's process runs: the caller's next step (compiling) keeps this thread busy.
  await session.start();
  return {
    async print(deck) {
      const placed = await (await scratch).place(deck);
      const deckOf = { slug: deck.rendered.slug, source: deck.source.path };
      return session.withPage((page) => printOne(page, deck, placed, options)).catch((error: unknown) => {
        throw deckFailure(error, deckOf, config.browser.timeoutMs);
      });
    },
    async close() {
      await session.close();
      await scratch.then((site) => site.dispose(), () => undefined);
    },
  };
}

async function printOne(page: Page, first: CompiledDeck, placed: ScratchDeck, options: PrintOptions): Promise<PrintedSiteDeck> {
  const { config } = options;
  const steps = config.pdf.steps;
  const step = (s: DeckStep): void => options.onStep?.(first.rendered.slug, s);
  let deadline = createDeadline(config.browser.timeoutMs);
  let loaded = first;
  let round = 0;
  step({ type: 'open' });
  let view: PrintView = await openPrintView(page, pdfDeck(first, placed.url, config), steps, deadline);
  const fitted = await fitDeck(
    first,
    async (c) => {
      if (c !== loaded) {
        // A re-planned deck: written in place of the last one and loaded again, with a fresh deadline.
        await placed.rewrite(c);
        loaded = c;
        round++;
        deadline = createDeadline(config.browser.timeoutMs);
        view = await openPrintView(page, pdfDeck(c, placed.url, config), steps, deadline);
      }
      step({ type: 'measure', round });
      // Overflows only: how slides are composed is what `lectern check` reports, not the PDFs.
      return measureOpenDeck(page, { width: c.deck.meta.width, height: c.deck.meta.height }, { composition: false });
    },
    options.refit ? MAX_ROUNDS : 0,
  );
  const deck = pdfDeck(fitted.compiled, placed.url, config);
  const pictures = options.pictures?.(fitted.compiled);
  const request = { slides: options.slides, handout: options.handout, thumbnail: options.thumbnail, pdf: config.pdf, ...(pictures === undefined ? {} : { pictures }) };
  const printed = await printDeck(page, view, deck, request, deadline, (e) => e.type === 'start' && options.onStart?.(deck.slug, e.kind));
  const overflows = fitted.layout.overflows;
  const diagrams = diagramDiagnostics(await readDiagramFailures(page), deck.source);
  return {
    compiled: fitted.compiled,
    printed,
    fit: { rounds: fitted.rounds, initialOverflows: fitted.initialOverflows, overflows: overflows.length },
    diagnostics: [...overflowDiagnostics(deck, overflows), ...diagrams, ...printed.diagnostics],
  };
}

/** What the PDFs say about a compiled deck served at `url`. */
function pdfDeck(compiled: CompiledDeck, url: string, config: ResolvedConfig): PdfDeck {
  const { meta } = compiled.deck;
  return {
    url,
    slug: compiled.rendered.slug,
    source: compiled.source.path,
    title: meta.title,
    width: meta.width,
    height: meta.height,
    ...(meta.author === undefined ? {} : { author: meta.author }),
    ...(meta.description === undefined ? {} : { description: meta.description }),
    ...(config.siteUrl === undefined ? {} : { siteUrl: deckUrl(config.siteUrl, compiled.rendered.slug) }),
  };
}
