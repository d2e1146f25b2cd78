/**
 * The export stage: a built deck (served over HTTP) → slides PDF and handout PDF, with metadata and
 * an outline, written atomically. Drives the browser only over what render/ produced.
 */
import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../model.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { BrowserSession } from './browser.js';
import type { DeckTarget } from './deck-page.js';
import { printHandoutPdf, type HandoutLayout, type Paper } from './handout-pdf.js';
import { finishPdf, type FinishedPdf, type PdfMetadata } from './pdf-meta.js';
import { printSlidesPdf, type PrintedPdf } from './slides-pdf.js';
import { createDeadline } from './wait.js';

export { findBrowser, BROWSER_INSTALL_HINT, type FindBrowserOptions } from './browser-finder.js';
export { BrowserSession, type BrowserSessionOptions } from './browser.js';
export { serveStatic, type StaticServer } from './static-server.js';
export type { HandoutLayout, Paper } from './handout-pdf.js';

/** The deck to export: where it is served and what its PDFs are about. */
export interface DeckPdfInput extends DeckTarget {
  readonly title: string;
  readonly author?: string;
  /** The deck's description (PDF subject). */
  readonly description?: string;
  readonly keywords?: readonly string[];
  /** Public URL of the hosted deck, printed in the handout footer. */
  readonly siteUrl?: string;
  /** Slide size in CSS pixels, used as the browser viewport (default 1280×720). */
  readonly width?: number;
  readonly height?: number;
}

/** Which PDF a progress event is about. */
export type PdfKind = 'slides' | 'handout';

/** Progress of one deck's export, for the CLI's progress bar. */
export type ExportProgress =
  | { readonly type: 'start'; readonly slug: string; readonly kind: PdfKind }
  | { readonly type: 'printed'; readonly slug: string; readonly kind: PdfKind; readonly pages: number; readonly ms: number }
  | { readonly type: 'written'; readonly slug: string; readonly kind: PdfKind; readonly path: string; readonly pages: number };

/** What to export and how. */
export interface ExportPdfOptions {
  /** Where to write the slides PDF; no slides PDF when unset. */
  readonly slidesPath?: string;
  /** Where to write the handout PDF; no handout when unset. */
  readonly handoutPath?: string;
  /** Handout paper. Default `a4`. */
  readonly paper?: Paper;
  /** Handout layout. Default `notes`. */
  readonly layout?: HandoutLayout;
  /** One slides-PDF page per fragment step. Default false (fragments in their final state). */
  readonly steps?: boolean;
  /** Bounds the whole export of this deck. Default 30 000 ms. */
  readonly timeoutMs?: number;
  readonly onProgress?: (event: ExportProgress) => void;
}

/** Pages written and problems found. */
export interface ExportPdfResult {
  readonly slidesPages?: number;
  readonly handoutPages?: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Default of ExportPdfOptions.timeoutMs. */
export const DEFAULT_EXPORT_TIMEOUT_MS = 30_000;

/**
 * Export a deck's slides and/or handout PDF. Both are produced in memory first and written only
 * when both succeeded, each atomically: a failed export leaves no PDF (and no partial one) behind.
 */
export async function exportDeckPdfs(session: BrowserSession, deck: DeckPdfInput, options: ExportPdfOptions): Promise<ExportPdfResult> {
  const deadline = createDeadline(options.timeoutMs ?? DEFAULT_EXPORT_TIMEOUT_MS);
  const meta: PdfMetadata = {
    title: deck.title,
    ...(deck.author === undefined ? {} : { author: deck.author }),
    ...(deck.description === undefined ? {} : { subject: deck.description }),
    ...(deck.keywords === undefined ? {} : { keywords: deck.keywords }),
  };
  const jobs: { kind: PdfKind; path: string; print: (page: Page) => Promise<PrintedPdf> }[] = [];
  if (options.slidesPath !== undefined) {
    jobs.push({ kind: 'slides', path: options.slidesPath, print: (page) => printSlidesPdf(page, deck, { steps: options.steps ?? false, deadline }) });
  }
  if (options.handoutPath !== undefined) {
    const handout = { title: deck.title, paper: options.paper ?? 'a4', layout: options.layout ?? 'notes', deadline };
    jobs.push({
      kind: 'handout',
      path: options.handoutPath,
      print: (page) => printHandoutPdf(page, deck, deck.siteUrl === undefined ? handout : { ...handout, siteUrl: deck.siteUrl }),
    });
  }

  const done: { kind: PdfKind; path: string; pdf: FinishedPdf }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const job of jobs) {
    options.onProgress?.({ type: 'start', slug: deck.slug, kind: job.kind });
    const started = Date.now();
    const printed = await session.withPage((page) => printIn(page, deck, job.print));
    const pdf = await finishPdf(printed.bytes, meta, printed.outline);
    options.onProgress?.({ type: 'printed', slug: deck.slug, kind: job.kind, pages: pdf.pages, ms: Date.now() - started });
    diagnostics.push(...printed.diagnostics);
    if (job.kind === 'slides' && pdf.pages !== printed.info.pages) diagnostics.push(pageCountWarning(deck, pdf.pages, printed.info.pages));
    done.push({ kind: job.kind, path: job.path, pdf });
  }
  for (const { kind, path, pdf } of done) {
    await writeFileAtomic(path, pdf.bytes);
    options.onProgress?.({ type: 'written', slug: deck.slug, kind, path, pages: pdf.pages });
  }
  const pagesOf = (kind: PdfKind): number | undefined => done.find((d) => d.kind === kind)?.pdf.pages;
  const slidesPages = pagesOf('slides');
  const handoutPages = pagesOf('handout');
  return {
    ...(slidesPages === undefined ? {} : { slidesPages }),
    ...(handoutPages === undefined ? {} : { handoutPages }),
    diagnostics: dedupe(diagnostics),
  };
}

/** Size the viewport like the deck (the client's fit pass measures against it), then print. */
async function printIn(page: Page, deck: DeckPdfInput, print: (page: Page) => Promise<PrintedPdf>): Promise<PrintedPdf> {
  await page.setViewport({ width: deck.width ?? 1280, height: deck.height ?? 720, deviceScaleFactor: 1 });
  return print(page);
}

function pageCountWarning(deck: DeckPdfInput, got: number, expected: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'export-page-count',
    message: `deck ${deck.slug}: the slides PDF has ${got} pages for ${expected} slides`,
    file: deck.source ?? deck.slug,
    hint: 'a slide may be taller than the deck; look for overflow warnings',
  };
}

/** The same missing image is seen by both the slides and the handout page: report it once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\0${d.line ?? ''}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
