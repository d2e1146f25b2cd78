/**
 * The handout PDF: every slide as vector content with its speaker notes as readable text, on A4 or
 * Letter paper, paginated by Lectern (measured, planned by handout-pages.ts, applied), a header with the deck title and a
 * footer with page numbers (and the deck's URL with a small QR code).
 */
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/wait.js';
import type { HandoutLayout, Paper } from '../config.js';
import { qrSvg } from '../render/share.js';
import { escapeHtml } from '../text.js';
import { HANDOUT_SPACING, handoutCss } from './handout-css.js';
import { buildHandoutDom, type HandoutGeometry } from './handout-dom.js';
import { applyHandoutPages } from './handout-apply.js';
import { measureHandout, type MeasuredHandout } from './handout-measure.js';
import { planHandoutPages, type HandoutPlan } from './handout-pages.js';
import { levelHeadings, markDestinations, type PrintInfo } from './print-layout.js';
import type { PrintedPdf } from './slides.js';

/** Options of the handout PDF. */
export interface HandoutPdfOptions {
  readonly paper: Paper;
  /** `flow`: slides with their notes beneath, as many a page as fit; `notes`: one slide a page; `3up`: three a page, notes beside. */
  readonly layout: HandoutLayout;
  /** Shown in the page header. */
  readonly title: string;
  /** Shown in the page footer when set (the hosted deck). */
  readonly siteUrl?: string;
  readonly deadline: Deadline;
}

/** Paper sizes in millimetres. */
const PAPER_MM: Readonly<Record<Paper, { width: number; height: number }>> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};

/** Page margins in millimetres; top and bottom leave room for the header and footer. */
const MARGIN_MM = { top: 17, bottom: 16, side: 16 };

const PX_PER_MM = 96 / 25.4;

/** Pixels the pagination leaves unused at the foot of each page, for rounding between layout and print. */
const PAGE_SLACK = 4;

/**
 * Slide boxes, as a share of the text width: `flow` 62 %, where 36 px body text prints at about
 * 8 pt; `3up` 56 %, beside the notes; `notes` the full width. In `flow`, a slide with code is drawn
 * wider, as far as its code needs to print at 6.5 pt (the size of a footnote).
 */
const BOX_SHARE: Readonly<Record<HandoutLayout, number>> = { flow: 0.62, notes: 1, '3up': 0.56 };

/** Box of a sparse slide in `flow`, as a share of the text width. */
const SPARSE_SHARE = 0.48;

/** 6.5 pt in CSS pixels. */
const MIN_CODE_PX = (6.5 * 96) / 72;

/** The printable area of a paper in CSS pixels, and the slide boxes of a layout. */
export function handoutGeometry(paper: Paper, layout: HandoutLayout, width: number, height: number): HandoutGeometry {
  const size = PAPER_MM[paper];
  const contentWidth = Math.floor((size.width - 2 * MARGIN_MM.side) * PX_PER_MM);
  const contentHeight = Math.floor((size.height - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM);
  const share = BOX_SHARE[layout];
  const boxWidth = Math.floor(contentWidth * share);
  return {
    layout,
    width,
    height,
    pageSize: `${size.width}mm ${size.height}mm`,
    contentWidth,
    contentHeight,
    boxWidth,
    minCodePx: layout === 'flow' ? MIN_CODE_PX : 0,
    // Title, statement, section and closing slides: large words, little else; their smallest text
    // (36 px) still prints at 6.5 pt in a box 48 % of the text width.
    sparseBoxWidth: layout === 'flow' ? Math.floor(contentWidth * SPARSE_SHARE) : 0,
    // Three rows a page: a hair under a third, less the space after each row.
    minEntryHeight: layout === '3up' ? Math.floor((contentHeight - PAGE_SLACK) / 3) - HANDOUT_SPACING.entry : 0,
  };
}

/** The name of the PDF named destination of the i-th heading (see markDestinations). */
export function headingDestination(index: number): string {
  return `lectern-dest-${index}`;
}

/**
 * Print the handout of the print view open in `page` (laid out with every fragment shown). It
 * rebuilds the page's DOM around the slides: nothing can be printed from this page load after it.
 */
export async function printHandoutPdf(page: Page, info: PrintInfo, options: HandoutPdfOptions): Promise<PrintedHandout> {
  const { paper } = options;
  // The slide box shows a whole print page: the slide with reveal.js's margin around it.
  const geometry = handoutGeometry(paper, options.layout, info.pageWidth, info.pageHeight);
  await page.evaluate(buildHandoutDom, { ...geometry, css: handoutCss(geometry) });
  // Notes may use faces the slides did not (italic, bold): loaded before anything is measured.
  await page.evaluate(async () => {
    void document.body.offsetHeight;
    await document.fonts.ready;
  });
  const measured = await page.evaluate(measureHandout);
  const pageHeight = geometry.contentHeight - PAGE_SLACK;
  const plan = planHandoutPages(measured, { layout: options.layout, pageHeight, minEntryHeight: geometry.minEntryHeight, entryGap: HANDOUT_SPACING.entry });
  const overfullPages = await page.evaluate(applyHandoutPages, { pages: plan.pages, cuts: cutsOf(plan, measured), pageHeight: geometry.contentHeight });
  await page.evaluate(markDestinations, info.headings.map((h) => `[data-lectern-sheet="${h.slide}"] > .lh-slide`));
  await page.evaluate(levelHeadings);
  const marginBoxes = supportsMarginBoxes(await page.browser().version());
  if (marginBoxes) await page.addStyleTag({ content: marginBoxCss(options.title, options.siteUrl) });
  const bytes = await page.pdf({
    width: `${PAPER_MM[paper].width}mm`,
    height: `${PAPER_MM[paper].height}mm`,
    margin: { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.side}mm`, right: `${MARGIN_MM.side}mm` },
    // Chromium's own @page margin boxes are ~30% faster than Puppeteer's templates on a big deck and
    // can use the deck's fonts; the templates remain for browsers older than Chromium 131.
    ...(marginBoxes
      ? {}
      : { displayHeaderFooter: true, headerTemplate: headerTemplate(options.title), footerTemplate: footerTemplate(options.siteUrl) }),
    printBackground: true,
    tagged: true,
    preferCSSPageSize: false,
    timeout: options.deadline.remaining(),
  });
  // Pages are known only once printed: the outline resolves these named destinations in the PDF.
  const outline = info.headings.map((h, i) => ({ title: h.title, level: h.level, dest: headingDestination(i) }));
  return { bytes, outline, pagination: { pages: plan.pages.length, continued: plan.continued, overfull: plan.overfull, overfullPages } };
}

/** A printed handout, and what its pagination did. */
export interface PrintedHandout extends PrintedPdf {
  readonly pagination: Pick<HandoutPlan, 'continued' | 'overfull'> & {
    readonly pages: number;
    /** Pages that came out taller than a page in the browser (0 unless a block could not be cut). */
    readonly overfullPages: number;
  };
}

/** Where the plan cuts blocks: for each `entry.block`, the lines that start a piece, and their y in the block. */
function cutsOf(plan: HandoutPlan, measured: MeasuredHandout): Record<string, { line: number; y: number }[]> {
  const cuts: Record<string, { line: number; y: number }[]> = {};
  for (const part of plan.pages.flat()) {
    for (const piece of part.pieces) {
      if (piece.from === 0) continue;
      const lines = measured.entries[part.entry]?.blocks[piece.block]?.lines ?? [];
      const [before, after] = [lines[piece.from - 1], lines[piece.from]];
      if (before === undefined || after === undefined) continue;
      (cuts[`${part.entry}.${piece.block}`] ??= []).push({ line: piece.from, y: (before.bottom + after.top) / 2 });
    }
  }
  return cuts;
}

/** Whether a browser (`HeadlessChrome/156.0…`, `Chrome/…`) lays out CSS page margin boxes (Chromium 131+). */
export function supportsMarginBoxes(version: string): boolean {
  const major = Number(/(?:Chrome|Chromium|Edg)\/(\d+)/.exec(version)?.[1] ?? 0);
  return major >= 131;
}

/** Side of the footer's QR code in CSS pixels (12.7 mm: small, still read by a phone held close). */
const QR_PX = 48;

/** Header (title) and footer (QR code and URL, `page / pages`) as @page margin boxes, in the notes' font. */
export function marginBoxCss(title: string, siteUrl: string | undefined): string {
  const box = `font-family: var(--lh-font, sans-serif); font-size: 8pt; color: #57606a;`;
  // QR code and URL in one box at the text's left edge (the corner box, in the 16 mm margin, would
  // put the code within a printer's unprintable rim).
  const qr = siteUrl === undefined ? '' : `url(${cssString(`data:image/svg+xml;base64,${Buffer.from(qrSvg(siteUrl).replace('<svg ', `<svg width="${QR_PX}" height="${QR_PX}" `)).toString('base64')}`)}) "  " `;
  const url = siteUrl === undefined ? '' : `@bottom-left { content: ${qr}${cssString(siteUrl)}; ${box} vertical-align: middle; }`;
  return `@page {
  @top-left { content: ${cssString(title)}; ${box} vertical-align: middle; }
  ${url}
  @bottom-right { content: counter(page) " / " counter(pages); ${box} vertical-align: middle; }
}`;
}

function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

const TEMPLATE_STYLE = `width:100%;margin:0 ${MARGIN_MM.side}mm;display:flex;justify-content:space-between;gap:8mm;font-family:system-ui,'Helvetica Neue',Arial,sans-serif;font-size:8pt;color:#6e7781;`;

/** Puppeteer header: the deck title. */
export function headerTemplate(title: string): string {
  return `<div style="${TEMPLATE_STYLE}"><span>${escapeHtml(title)}</span><span></span></div>`;
}

/** Puppeteer footer: the hosted URL (when known) and `page / pages`. */
export function footerTemplate(siteUrl: string | undefined): string {
  const url = siteUrl === undefined ? '' : escapeHtml(siteUrl);
  return `<div style="${TEMPLATE_STYLE}"><span>${url}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
}

