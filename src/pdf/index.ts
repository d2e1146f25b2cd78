/**
 * The PDF stage: a deck's print view, opened once in a browser page, → the slides PDF, the title
 * slide's thumbnail and the handout PDF, with metadata and an outline, in memory. The caller
 * (commands/) writes them, so a failed export leaves no PDF behind. Drives the browser only over
 * what render/ produced.
 */
import type { Page } from 'puppeteer-core';
import { failuresToDiagnostics, openDeck, printQuery, type DeckTarget, type ResourceFailure } from '../browser/deck-page.js';
import type { Deadline } from '../browser/wait.js';
import type { ResolvedPdfConfig } from '../config.js';
import type { Diagnostic } from '../model.js';
import { printHandoutPdf } from './handout.js';
import { setPrintColors } from './print-colors.js';
import { finishPdf, type FinishedPdf, type PdfMetadata } from './meta.js';
import { readPrintLayout, type PrintInfo } from './print-layout.js';
import { printSlidesPdf } from './slides.js';
import { captureSlides, type PictureRequest } from './pictures.js';
import { captureThumbnail } from './thumbnail.js';

export { overflowDiagnostics } from './slides.js';
export type { FinishedPdf } from './meta.js';
export type { PictureRequest } from './pictures.js';

/** The deck to print: where it is served and what its PDFs say about it. */
export interface PdfDeck extends DeckTarget {
  readonly source: string;
  readonly title: string;
  readonly author?: string;
  /** The deck's description (PDF subject). */
  readonly description?: string;
  /** Public URL of the hosted deck, printed in the handout footer. */
  readonly siteUrl?: string;
  /** Slide size in CSS pixels: the viewport the deck is laid out in. */
  readonly width: number;
  readonly height: number;
}

/** A deck's print view open in a page: what reveal.js laid out, and the requests that failed. */
export interface PrintView {
  readonly info: PrintInfo;
  readonly failures: readonly ResourceFailure[];
}

/** What to make from a print view. */
export interface PrintRequest {
  readonly slides: boolean;
  readonly handout: boolean;
  readonly thumbnail: boolean;
  readonly pdf: ResolvedPdfConfig;
  /** Pictures (PNG) of slides: for `export --png` and the PPTX's slides that are not native. */
  readonly pictures?: PictureRequest;
}

/** Which PDF a progress event is about. */
export type PdfKind = 'slides' | 'handout';

/** Progress of printing one deck: a PDF starts, a PDF is printed (in memory, with metadata). */
export type PrintProgress =
  | { readonly type: 'start'; readonly kind: PdfKind }
  | { readonly type: 'printed'; readonly kind: PdfKind; readonly pages: number; readonly ms: number };

/** What printing one deck made. */
export interface PrintedDeck {
  readonly slides?: FinishedPdf;
  readonly handout?: FinishedPdf;
  readonly thumbnail?: Uint8Array;
  /** The pictures of slides asked for, by 0-based slide index. */
  readonly pictures?: ReadonlyMap<number, Uint8Array>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Open the print view of `deck` in `page` (one page per slide; per fragment step with `steps`). */
export async function openPrintView(page: Page, deck: PdfDeck, steps: boolean, deadline: Deadline): Promise<PrintView> {
  // The viewport is the deck's size: the client's fit pass measures against it.
  await page.setViewport({ width: deck.width, height: deck.height, deviceScaleFactor: 1 });
  const failures = await openDeck(page, deck, printQuery(steps), deadline);
  await page.evaluate(publishLinks, deck.siteUrl ?? null);
  const info = await page.evaluate(readPrintLayout);
  return { info, failures };
}

/**
 * In the page: links to the deck's siblings (`../getting-started/`) point at the public site
 * (`siteUrl`), or nowhere without one — never at the temporary server the deck was printed from,
 * whose address would end up in the PDF (and make identical runs differ). Links inside the deck
 * (`#/slide`) and to other sites are left as they are.
 */
function publishLinks(siteUrl: string | null): void {
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const raw = a.getAttribute('href') ?? '';
    if (raw.startsWith('#') || new URL(raw, document.baseURI).origin !== location.origin) continue;
    if (siteUrl === null) a.removeAttribute('href');
    else a.setAttribute('href', new URL(raw, siteUrl).href);
  }
}

/**
 * Print what `request` asks from the view open in `page`: the slides PDF, then the thumbnail, then
 * the handout, which rebuilds the page's DOM and so comes last. With fragment steps the handout
 * needs the deck laid out without them: the one case that loads the page again.
 */
export async function printDeck(page: Page, view: PrintView, deck: PdfDeck, request: PrintRequest, deadline: Deadline, onProgress?: (event: PrintProgress) => void): Promise<PrintedDeck> {
  const meta = metadata(deck);
  // Before the handout rebuilds the page: failures are located on the slides that use them.
  const diagnostics: Diagnostic[] = await failuresToDiagnostics(page, deck, view.failures);
  let slides: FinishedPdf | undefined;
  let thumbnail: Uint8Array | undefined;
  let handout: FinishedPdf | undefined;
  let started = 0;
  const start = (kind: PdfKind): void => {
    started = Date.now();
    onProgress?.({ type: 'start', kind });
  };
  const done = (kind: PdfKind, pdf: FinishedPdf): FinishedPdf => {
    onProgress?.({ type: 'printed', kind, pages: pdf.pages, ms: Date.now() - started });
    return pdf;
  };
  if (request.slides) {
    start('slides');
    if (request.pdf.printColors) await setPrintColors(page, true);
    const printed = await printSlidesPdf(page, view.info, deadline);
    // The thumbnail shows the deck as it is projected.
    if (request.pdf.printColors) await setPrintColors(page, false);
    slides = done('slides', await finishPdf(printed.bytes, meta, printed.outline));
    if (slides.pages !== view.info.pages) diagnostics.push(pageCountWarning(deck, slides.pages, view.info.pages));
  }
  if (request.thumbnail) thumbnail = await captureThumbnail(page, view.info, deadline);
  // Before the handout, which rebuilds the page.
  const pictures = request.pictures === undefined ? undefined : await captureSlides(page, view.info, request.pictures, deadline);
  if (request.handout) {
    start('handout');
    const laidOut = request.pdf.steps && request.slides ? await openPrintView(page, deck, false, deadline) : view;
    if (request.pdf.handoutColors === 'print') await setPrintColors(page, true);
    const printed = await printHandoutPdf(page, laidOut.info, {
      title: deck.title,
      paper: request.pdf.paper,
      layout: request.pdf.handoutLayout,
      deadline,
      ...(deck.siteUrl === undefined ? {} : { siteUrl: deck.siteUrl }),
    });
    handout = done('handout', await finishPdf(printed.bytes, meta, printed.outline));
  }
  return { ...(slides ? { slides } : {}), ...(handout ? { handout } : {}), ...(thumbnail ? { thumbnail } : {}), ...(pictures ? { pictures } : {}), diagnostics };
}

function metadata(deck: PdfDeck): PdfMetadata {
  return {
    title: deck.title,
    ...(deck.author === undefined ? {} : { author: deck.author }),
    ...(deck.description === undefined ? {} : { subject: deck.description }),
  };
}

function pageCountWarning(deck: PdfDeck, got: number, expected: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'export-page-count',
    message: `deck ${deck.slug}: the slides PDF has ${got} pages for ${expected} slides`,
    file: deck.source,
    hint: 'a slide may be taller than the deck; look for overflow warnings',
  };
}
