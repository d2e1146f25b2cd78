/**
 * The handout PDF: every slide as vector content with its speaker notes as readable text, on A4 or
 * Letter paper, a header with the deck title and a footer with page numbers (and the site URL).
 */
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/wait.js';
import type { HandoutLayout, Paper } from '../config.js';
import { escapeHtml } from '../text.js';
import { buildHandoutDom, handoutCss, type HandoutGeometry } from './handout-dom.js';
import { markDestinations, type PrintInfo } from './print-layout.js';
import type { PrintedPdf } from './slides.js';

/** Options of the handout PDF. */
export interface HandoutPdfOptions {
  readonly paper: Paper;
  /** `notes`: one slide per page with its notes below; `3up`: three slides a page, notes beside. */
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

/** The printable area of a paper in CSS pixels. */
export function handoutGeometry(paper: Paper, layout: HandoutLayout, width: number, height: number): HandoutGeometry {
  const size = PAPER_MM[paper];
  return {
    layout,
    width,
    height,
    pageSize: `${size.width}mm ${size.height}mm`,
    contentWidth: Math.floor((size.width - 2 * MARGIN_MM.side) * PX_PER_MM),
    contentHeight: Math.floor((size.height - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM),
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
export async function printHandoutPdf(page: Page, info: PrintInfo, options: HandoutPdfOptions): Promise<PrintedPdf> {
  const { paper } = options;
  // The slide box shows a whole print page: the slide with reveal.js's margin around it.
  const geometry = handoutGeometry(paper, options.layout, info.pageWidth, info.pageHeight);
  await page.evaluate(buildHandoutDom, { ...geometry, css: handoutCss(geometry) });
  await page.evaluate(markDestinations, info.headings.map((h) => `[data-lectern-sheet="${h.slide}"] > .lh-slide`));
  // Notes may use faces the slides did not (italic, bold): let them load before printing.
  await page.evaluate(async () => {
    void document.body.offsetHeight;
    await document.fonts.ready;
  });
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
  return { bytes, outline };
}

/** Whether a browser (`HeadlessChrome/156.0…`, `Chrome/…`) lays out CSS page margin boxes (Chromium 131+). */
export function supportsMarginBoxes(version: string): boolean {
  const major = Number(/(?:Chrome|Chromium|Edg)\/(\d+)/.exec(version)?.[1] ?? 0);
  return major >= 131;
}

/** Header (title) and footer (URL, `page / pages`) as @page margin boxes, in the notes' font. */
export function marginBoxCss(title: string, siteUrl: string | undefined): string {
  const box = `font-family: var(--lh-font, sans-serif); font-size: 8pt; color: #6e7781;`;
  const url = siteUrl === undefined ? '' : `@bottom-left { content: ${cssString(siteUrl)}; ${box} vertical-align: middle; }`;
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

