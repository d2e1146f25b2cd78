/**
 * The seed's handout and PDFs end to end, through the CLI (`lectern pdf --handout`) in real
 * Chromium, read back with poppler's pdftotext and pdf-lib:
 * - the flowing handout (the default) fits on at most 4 A4 pages, holds every paragraph of the
 *   article in reading order, never cuts a slide, labels every continuation "Slide N (continued)"
 *   (checked on a fixture whose notes run over a page too, as the seed's happen not to),
 *   and has the deck title in its header, page numbers, the deck's URL in its footer;
 * - the slides and handout PDFs carry /Lang, a displayed title, an outline of the headings, heading
 *   tags without gaps and alt text on every Figure (a fixture with a picture and a skipped level).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headingGaps, readPdfAccessibility } from '../helpers/pdf-a11y.js';
import { browserSkipReason } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { REPO_ROOT, SEED_ARTICLE } from './helpers/paths.js';
import { removeDir, tempDir } from './helpers/site.js';

const poppler = existsSync('/usr/bin/pdftotext');
const browserSkip = browserSkipReason();
const skip = browserSkip !== '' ? browserSkip : poppler ? '' : 'poppler-utils (pdftotext) not installed';
const SITE_URL = 'https://talks.example.org/';
const FIGURE = join(REPO_ROOT, 'tests', 'fixtures', 'a11y', 'figure.md');
/** One section explained at length: notes that run over a page. */
const LONG = join(REPO_ROOT, 'tests', 'fixtures', 'a11y', 'long-notes.md');

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of each page, whitespace collapsed. */
function pagesText(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => collapse(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })));
}

/** Text of each page between the header and the footer (A4: 842 pt tall, margins 17 and 16 mm). */
function bodyText(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    collapse(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-x', '0', '-y', '44', '-W', '596', '-H', String(842 - 44 - 42), file, '-'], { encoding: 'utf8' })),
  );
}

/** The article's paragraphs (the seed is written in HTML paragraphs). */
function articleParagraphs(source: string): string[] {
  return (source.match(/<p[\s>][\s\S]*?<\/p>/g) ?? []).map((p) =>
    collapse(p.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'")),
  );
}

const squeeze = (t: string): string => t.replace(/\s+/g, '');

/** The longest end of `text` that starts `paragraph` (at least 20 characters), or '' when none does. */
function tailOverlap(text: string, paragraph: string): string {
  for (let n = Math.min(text.length, paragraph.length - 1); n >= 20; n -= 1) if (paragraph.startsWith(text.slice(-n))) return text.slice(-n);
  return '\u0000';
}

/** The handout's "Slide n (continued)" labels; each must open its page and continue a slide shown before. */
function continuationLabels(file: string, pages: number): { page: number; slide: number }[] {
  const body = bodyText(file, pages);
  const text = pagesText(file, pages);
  const labels = body.flatMap((t, i) => Array.from(t.matchAll(/Slide (\d+) \(continued\)/g), (m) => ({ page: i, at: m.index ?? -1, slide: Number(m[1]) })));
  for (const label of labels) {
    expect(label.page).toBeGreaterThan(0);
    expect(label.at, `page ${label.page + 1}: ${body[label.page]?.slice(0, 60)}`).toBe(0);
    expect(text.slice(0, label.page).join(' ')).toContain(`Slide ${label.slide} of`);
  }
  return labels;
}

describe.skipIf(skip !== '')(`the seed's flowing handout and accessible PDFs${skip === '' ? '' : ` (skipped: ${skip})`}`, () => {
  let out: string;
  const handout = (): string => join(out, 'eventlet.handout.pdf');
  const slides = (): string => join(out, 'eventlet.slides.pdf');
  let pages = 0;

  beforeAll(async () => {
    out = await tempDir('handout');
    const run = await runCli(['pdf', SEED_ARTICLE, FIGURE, LONG, '--handout', '--site-url', SITE_URL, '--out', out], { timeoutMs: 170_000 });
    expect(run.code, run.stderr).toBe(0);
    pages = (await PDFDocument.load(readFileSync(handout()), { updateMetadata: false })).getPageCount();
  }, 180_000);

  afterAll(async () => {
    if (out !== undefined) await removeDir(out);
  });

  it('fits on at most 4 A4 pages', async () => {
    const doc = await PDFDocument.load(readFileSync(handout()), { updateMetadata: false });
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(4);
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      expect(Math.round(width)).toBe(596);
      expect(Math.round(height)).toBe(842);
    }
  });

  it('holds every paragraph of the article, in reading order', () => {
    // Continuation labels and "Slide n of m" captions stand between the pieces of a cut paragraph.
    const text = squeeze(bodyText(handout(), pages).join(' ').replace(/Slide \d+ \(continued\)/g, '').replace(/Slide \d+ of \d+/g, ''));
    const paragraphs = articleParagraphs(readFileSync(SEED_ARTICLE, 'utf8'));
    expect(paragraphs.length).toBeGreaterThan(8);
    let at = 0;
    for (const paragraph of paragraphs) {
      const found = text.indexOf(squeeze(paragraph), at);
      expect(found, `not found after the paragraph before: ${paragraph.slice(0, 80)}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('never cuts a slide: every slide is on one page, whole', () => {
    const text = pagesText(handout(), pages);
    const total = Number(/Slide \d+ of (\d+)/.exec(text.join(' '))?.[1] ?? 0);
    expect(total).toBeGreaterThan(5);
    for (let n = 1; n <= total; n += 1) {
      const on = text.map((t, i) => (t.includes(`Slide ${n} of ${total}`) ? i : -1)).filter((i) => i >= 0);
      expect(on, `slide ${n}'s caption`).toHaveLength(1);
    }
    // The tallest slide, the 16-line Python example: its first and last lines on its caption's page.
    const code = text.findIndex((t) => t.includes('def task1():'));
    expect(code).toBeGreaterThanOrEqual(0);
    expect(text[code]).toContain('# Waits for tasks to execute');
  });

  it('labels notes continued from the page before, at the top of the page', async () => {
    // The seed's notes happen to end with each page; the long fixture's run over a page.
    const long = join(out, 'long-notes.handout.pdf');
    const longPages = (await PDFDocument.load(readFileSync(long), { updateMetadata: false })).getPageCount();
    expect(continuationLabels(handout(), pages).length + continuationLabels(long, longPages).length).toBeGreaterThanOrEqual(1);
    expect(continuationLabels(long, longPages).length).toBeGreaterThanOrEqual(1);
    // A paragraph cut at a page's foot goes on after a label at the top of the next page.
    const paragraphs = readFileSync(LONG, 'utf8').split(/\n\n+/).filter((p) => p.startsWith('Paragraph '));
    const body = bodyText(long, longPages).map(squeeze);
    for (const paragraph of paragraphs.map(squeeze)) {
      if (body.some((t) => t.includes(paragraph))) continue;
      const page = body.findIndex((t, i) => i + 1 < body.length && paragraph.startsWith(tailOverlap(t, paragraph)));
      expect(page, `paragraph cut but not found: ${paragraph.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
      expect(body[page + 1], `page ${page + 2} goes on without a label`).toMatch(/^Slide\d+\(continued\)/);
    }
  });

  it('has the deck title in the header and page numbers and the deck URL in the footer', () => {
    const text = pagesText(handout(), pages);
    text.forEach((t, i) => {
      expect(t).toContain('Understanding Eventlet');
      expect(t).toMatch(new RegExp(`\\b${i + 1} ?/ ?${pages}\\b`));
      expect(t).toContain('talks.example.org');
    });
  });

  it('tags both PDFs for assistive technology: /Lang, displayed title, outline, headings without gaps', async () => {
    for (const file of [slides(), handout()]) {
      const a = await readPdfAccessibility(readFileSync(file));
      expect(a.lang, file).toBe('en');
      expect(a.marked, file).toBe(true);
      expect(a.displayDocTitle, file).toBe(true);
      expect(a.title, file).toBe('Understanding Eventlet');
      expect(a.outline.map((o) => o.title)).toEqual(expect.arrayContaining(['The promises of Eventlet', 'Magic Asynchronicity', 'Cooperative Multitasking']));
      const promises = a.outline.find((o) => o.title === 'The promises of Eventlet');
      expect(a.outline.find((o) => o.title === 'Magic Asynchronicity')?.depth).toBe((promises?.depth ?? -1) + 1);
      expect(a.headings.length, file).toBeGreaterThan(3);
      expect(headingGaps(a.headings), file).toEqual([]);
      expect(a.figures.filter((alt) => alt === undefined || alt.trim() === ''), file).toEqual([]);
    }
  });

  it('gives a picture its alt text as a Figure, and closes heading gaps, in both PDFs', async () => {
    for (const file of ['figure.slides.pdf', 'figure.handout.pdf']) {
      const a = await readPdfAccessibility(readFileSync(join(out, file)));
      expect(a.lang, file).toBe('en');
      expect(a.title, file).toBe('Pictures and headings');
      expect(a.figures, file).toContain('A blue circle beside an orange square');
      expect(a.figures.filter((alt) => alt === undefined || alt.trim() === ''), file).toEqual([]);
      expect(headingGaps(a.headings), file).toEqual([]);
      expect(a.outline.map((o) => o.title), file).toEqual(expect.arrayContaining(['A picture with its alt text']));
    }
  });
});
