/**
 * The slides PDF: reveal.js's own print view (`?print-pdf`) printed at exactly the deck's size, one
 * page per slide (or per fragment step with `steps`), backgrounds and highlighted code in colour.
 */
import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../model.js';
import { failuresToDiagnostics, openDeck, printQuery, type DeckTarget } from './deck-page.js';
import { findOverflows, readPrintLayout, type OverflowInfo, type PrintInfo } from './print-layout.js';
import type { OutlineEntry } from './pdf-outline.js';
import type { Deadline } from './wait.js';

/** A printed PDF, still in memory, with what the export learnt about the deck. */
export interface PrintedPdf {
  readonly bytes: Uint8Array;
  readonly info: PrintInfo;
  /** The outline to write: the article's headings and where they are. */
  readonly outline: readonly OutlineEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of the slides PDF. */
export interface SlidesPdfOptions {
  /** One page per fragment step instead of one per slide in its final state. Default false. */
  readonly steps?: boolean;
  readonly deadline: Deadline;
}

/** Print the deck's slides PDF in `page`. */
export async function printSlidesPdf(page: Page, deck: DeckTarget, options: SlidesPdfOptions): Promise<PrintedPdf> {
  const failures = await openDeck(page, deck, printQuery(options.steps ?? false), options.deadline);
  const info = await page.evaluate(readPrintLayout);
  const overflows = await page.evaluate(findOverflows);
  const bytes = await page.pdf({
    width: `${info.width}px`,
    height: `${info.height}px`,
    // reveal.js pads each print page with the deck's `margin` (as on screen); scaling the page down
    // to the slide size keeps that breathing space and still gives exactly deck-sized pages.
    scale: printScale(info),
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    printBackground: true,
    tagged: true,
    preferCSSPageSize: false,
    // Chromium may add an empty page after the last slide; there is exactly one page per print page.
    ...(info.pages > 0 ? { pageRanges: `1-${info.pages}` } : {}),
    timeout: options.deadline.remaining(),
  });
  const diagnostics = [...(await failuresToDiagnostics(page, deck, failures)), ...overflowDiagnostics(deck, overflows)];
  const outline = info.headings.map((h) => ({ title: h.title, level: h.level, page: h.page }));
  return { bytes, info, outline, diagnostics };
}

/** The factor that fits one reveal.js print page (slide + margin) into a slide-sized PDF page. */
export function printScale(info: Pick<PrintInfo, 'width' | 'height' | 'pageWidth' | 'pageHeight'>): number {
  const scale = Math.min(info.width / info.pageWidth, info.height / info.pageHeight, 1);
  // Chromium accepts 0.1..2; a margin so large that it needs less is a configuration error anyway.
  return Math.max(0.1, Math.floor(scale * 10000) / 10000);
}

/** Slides whose content does not fit their page, as warnings pointing into the article. */
export function overflowDiagnostics(deck: DeckTarget, overflows: readonly OverflowInfo[]): Diagnostic[] {
  return overflows.map((o) => ({
    severity: 'warning',
    code: 'export-slide-overflow',
    message: `deck ${deck.slug}: slide ${o.slide}${o.title === '' ? '' : ` "${o.title}"`} does not fit its page by ${o.by} px; the PDF cuts it`,
    file: deck.source ?? deck.slug,
    ...(o.line === undefined ? {} : { line: o.line }),
    hint: 'split the content (a `<!-- lectern: break -->` comment) or shorten it',
  }));
}
