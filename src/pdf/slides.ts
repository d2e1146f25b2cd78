/**
 * The slides PDF: reveal.js's own print view (`?print-pdf`), already open in the page, printed at
 * exactly the deck's size, one page per slide (or per fragment step), backgrounds and highlighted
 * code in colour.
 */
import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../model.js';
import type { Deadline } from '../browser/wait.js';
import type { SlideOverflow } from '../fit/measure.js';
import type { OutlineEntry } from './outline.js';
import { levelHeadings, type PrintInfo } from './print-layout.js';

/** A printed PDF, still in memory, with the outline to write into it. */
export interface PrintedPdf {
  readonly bytes: Uint8Array;
  /** The article's headings and where they are. */
  readonly outline: readonly OutlineEntry[];
}

/** Print the slides of the print view open in `page`. */
export async function printSlidesPdf(page: Page, info: PrintInfo, deadline: Deadline): Promise<PrintedPdf> {
  await page.evaluate(levelHeadings);
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
    timeout: deadline.remaining(),
  });
  const outline = info.headings.map((h) => ({ title: h.title, level: h.level, page: h.page }));
  return { bytes, outline };
}

/** The factor that fits one reveal.js print page (slide + margin) into a slide-sized PDF page. */
export function printScale(info: Pick<PrintInfo, 'width' | 'height' | 'pageWidth' | 'pageHeight'>): number {
  const scale = Math.min(info.width / info.pageWidth, info.height / info.pageHeight, 1);
  // Chromium accepts 0.1..2; a margin so large that it needs less is a configuration error anyway.
  return Math.max(0.1, Math.floor(scale * 10000) / 10000);
}

/** Slides whose content does not fit their page (what the measurement found), as warnings pointing into the article. */
export function overflowDiagnostics(deck: { readonly slug: string; readonly source: string }, overflows: readonly SlideOverflow[]): Diagnostic[] {
  return overflows.map((o) => ({
    severity: 'warning',
    code: 'export-slide-overflow',
    message: `deck ${deck.slug}: slide ${o.slide}${o.title === '' ? '' : ` "${o.title}"`} does not fit its page by ${o.by} px; the PDF cuts it`,
    file: deck.source,
    ...(o.line === undefined ? {} : { line: o.line }),
    hint: 'split the content (a `<!-- lectern: break -->` comment) or shorten it',
  }));
}
