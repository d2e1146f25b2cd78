/**
 * PDF export end to end, in a real Chromium: hand-written decks that follow the deck HTML contract
 * (tests/fixtures/export/site) are served over HTTP and printed through one shared BrowserSession.
 * PDFs are checked by page count, page size, extracted text (poppler's pdftotext), outline, links
 * and a rendered page (pdftoppm), never byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { LecternError } from '../../src/errors.js';
import { buildSite } from '../../src/commands/build.js';
import { BrowserSession, findBrowser, serveStatic, type StaticServer } from '../../src/browser/index.js';
import { exportDeckPdfs } from '../../src/pdf/export.js';
import { prepareFixtureSite } from '../fixtures/export/prepare.js';

function browserPath(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}

const browser = browserPath();
const eventletArticle = fileURLToPath(new URL('../../../shared/articles/eventlet-site/eventlet.md', import.meta.url));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
const fixtureDeck = readFileSync(new URL('../fixtures/export/site/deck/index.html', import.meta.url), 'utf8');

/** Plain text of a PDF (or of pages first..last, 1-based), whitespace collapsed. */
function pdfText(file: string, first?: number, last?: number): string {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  return collapse(execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }));
}

/**
 * Text of a handout without its page headers and footers (cropped to the area between the margins,
 * in points), so that a paragraph continued on the next page reads as one.
 */
function handoutBodyText(file: string, pageHeight: number): string {
  const crop = ['-x', '0', '-y', '50', '-W', '700', '-H', String(Math.floor(pageHeight - 50 - 47))];
  return collapse(execFileSync('pdftotext', [...crop, file, '-'], { encoding: 'utf8' }));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of every paragraph of the fixture deck's speaker notes. */
function notesParagraphs(html: string): string[] {
  const asides = html.match(/<aside class="notes">[\s\S]*?<\/aside>/g) ?? [];
  return asides.flatMap((aside) => (aside.match(/<p>[\s\S]*?<\/p>/g) ?? []).map((p) => collapse(p.replace(/<[^>]+>/g, ''))));
}

/** Pixels of page `page` (1-based) rendered at `dpi`, as [r, g, b] triples. */
function renderPixels(file: string, page: number, dpi: number): Uint8Array {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 64 << 20 }); // PPM on stdout
  // P6 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (header === null) throw new Error('unexpected pdftoppm output');
  return ppm.subarray(header[0].length);
}

/** How many pixels are the fixture theme's keyword red (#cf222e): only highlighted code has it. */
function keywordRedPixels(file: string, page: number, dpi = 50): number {
  const px = renderPixels(file, page, dpi);
  let count = 0;
  for (let i = 0; i + 2 < px.length; i += 3) {
    const [r, g, b] = [px[i] as number, px[i + 1] as number, px[i + 2] as number];
    if (r > 150 && g < 110 && b < 120 && r - g > 80) count += 1;
  }
  return count;
}

/**
 * Pixels of a word on page `page` (1-based) that are in colour (clearly not gray), found with
 * pdftotext's word boxes and a 144 dpi render: `def` in highlighted code is coloured, a title is not.
 */
function colouredPixelsOfWord(file: string, page: number, word: string): number {
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const match = new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${word}</word>`).exec(bbox);
  if (match === null) throw new Error(`no word "${word}" on page ${page}`);
  const [x0, y0, x1, y1] = match.slice(1).map((v) => Math.round(Number(v) * 2)) as [number, number, number, number];
  const ppm = execFileSync('pdftoppm', ['-r', '144', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (header === null) throw new Error('unexpected pdftoppm output');
  const width = Number(header[1]);
  const px = ppm.subarray(header[0].length);
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [px[i] as number, px[i + 1] as number, px[i + 2] as number];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) count += 1;
    }
  }
  return count;
}

/** The text of the article's paragraphs (HTML `<p>` blocks of eventlet.md), tags removed. */
function articleParagraphs(source: string): string[] {
  return (source.match(/<p[\s>][\s\S]*?<\/p>/g) ?? []).map((p) =>
    collapse(p.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&')),
  );
}

interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

function readOutline(doc: PDFDocument): OutlineItem[] {
  const refs = doc.getPages().map((p) => p.ref.toString());
  const level = (parent: PDFDict | undefined): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item !== undefined) {
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      const title = item.lookup(PDFName.of('Title')) as { decodeText(): string };
      items.push({ title: title.decodeText(), page: refs.indexOf(String(dest.get(0))), children: level(item) });
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    return items;
  };
  return level(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict));
}

/** Internal links of a page: the page index each one jumps to. */
function linkTargets(doc: PDFDocument, pageIndex: number): number[] {
  const refs = doc.getPages().map((p) => p.ref.toString());
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const annots = doc.getPage(pageIndex).node.Annots();
  const targets: number[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
    const annot = annots?.lookup(i, PDFDict);
    const name = annot?.get(PDFName.of('Dest'));
    if (!(name instanceof PDFName)) continue;
    const dest = dests?.lookupMaybe(name, PDFArray);
    const pageRef = dest?.get(0);
    if (pageRef instanceof PDFRef) targets.push(refs.indexOf(pageRef.toString()));
  }
  return targets;
}

async function load(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

const skipReason = browser === undefined ? 'no Chromium/Chrome found' : !poppler ? 'poppler-utils (pdftotext, pdftoppm) missing' : '';

describe.skipIf(skipReason !== '')(`PDF export in Chromium${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  const session = new BrowserSession();
  let root: string;
  let out: string;
  let server: StaticServer;
  const deck = (slug: string) => ({ url: `${server.url}/${slug}/`, slug, source: `decks/${slug}.md` });
  const EVENTLET = { title: 'Understanding Eventlet', author: 'Fixture Author', description: 'What Eventlet promised', siteUrl: 'https://talks.example.org/deck/' };
  const slidesPdf = () => join(out, 'slides.pdf');
  const handoutPdf = () => join(out, 'handout.pdf');
  const SLIDE_COUNT = (fixtureDeck.match(/class="lectern-slide /g) ?? []).length;
  let timings: { slides?: number; handout?: number } = {};

  beforeAll(async () => {
    root = await prepareFixtureSite();
    out = await mkdtemp(join(tmpdir(), 'lectern-pdf-out-'));
    server = await serveStatic(root);
    const progress: number[] = [];
    const result = await exportDeckPdfs(session, { ...deck('deck'), ...EVENTLET }, {
      slidesPath: slidesPdf(),
      handoutPath: handoutPdf(),
      // One slide a page: what the tests of page placement below read (the flowing default is
      // tested on the seed in handout.test.ts).
      layout: 'notes',
      onProgress: (e) => {
        if (e.type === 'printed') {
          timings = { ...timings, [e.kind]: e.ms };
          progress.push(e.pages);
        }
      },
    });
    expect(result.diagnostics).toEqual([]);
    expect(progress.length).toBe(2);
  });

  afterAll(async () => {
    await session.close();
    await server?.close();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
    if (out !== undefined) await rm(out, { recursive: true, force: true });
  });

  it('prints one slides page per slide, each exactly the deck size (1280×720 px = 960×540 pt)', async () => {
    expect(SLIDE_COUNT).toBe(8);
    const doc = await load(slidesPdf());
    expect(doc.getPageCount()).toBe(SLIDE_COUNT);
    for (const page of doc.getPages()) expect(page.getSize()).toEqual({ width: 960, height: 540 });
    const text = pdfText(slidesPdf());
    for (const title of ['Understanding Eventlet', 'The promises of Eventlet', 'Magic Asynchronicity', 'Cooperative Multitasking', 'Steps and links', 'Thanks']) {
      expect(text).toContain(title);
    }
    // Fragments are in their final state: every step is on the one page.
    expect(pdfText(slidesPdf(), 6)).toContain('Second step appears');
    expect(pdfText(slidesPdf(), 6)).toContain('the code slide');
    // Printed in well under the 30 s budget (the first export includes launching Chromium).
    expect(timings.slides).toBeLessThan(20_000);
  });

  it('writes metadata into both PDFs and marks them tagged', async () => {
    for (const file of [slidesPdf(), handoutPdf()]) {
      const doc = await load(file);
      expect(doc.getTitle()).toBe('Understanding Eventlet');
      expect(doc.getAuthor()).toBe('Fixture Author');
      expect(doc.getSubject()).toBe('What Eventlet promised');
      expect(doc.getCreator()).toBe('Lectern');
      expect(doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)).toBeDefined();
    }
  });

  it('gives the slides PDF an outline of the h2/h3 headings pointing at their slides', async () => {
    expect(readOutline(await load(slidesPdf()))).toEqual([
      {
        title: 'The promises of Eventlet',
        page: 1,
        children: [
          { title: 'Magic Asynchronicity', page: 2, children: [] },
          { title: 'Cooperative Multitasking', page: 4, children: [] },
        ],
      },
      { title: 'Steps and links', page: 5, children: [] },
      { title: 'A picture', page: 6, children: [] },
    ]);
  });

  it('turns a slide-to-slide link (#/cooperative-multitasking) into a working PDF link', async () => {
    expect(linkTargets(await load(slidesPdf()), 5)).toEqual([4]);
  });

  it('keeps highlighted code in colour (keyword red on the code slide, none elsewhere)', () => {
    expect(keywordRedPixels(slidesPdf(), 5)).toBeGreaterThan(40);
    expect(keywordRedPixels(slidesPdf(), 2)).toBe(0);
  });

  it('prints the handout on A4 portrait, with every paragraph of the notes as text', async () => {
    const doc = await load(handoutPdf());
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      expect(Math.abs(width - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
    }
    const text = handoutBodyText(handoutPdf(), 842);
    const paragraphs = notesParagraphs(fixtureDeck);
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
    // The slides are there too, as vector text (not screenshots).
    expect(text).toContain('Existing synchronous code becomes asynchronous unchanged.');
    expect(text).toContain(`Slide 3 of ${SLIDE_COUNT}`);
  });

  it('gives each slide its own page and lets long notes continue on the next one', async () => {
    const pages = (await load(handoutPdf())).getPageCount();
    expect(pages).toBe(SLIDE_COUNT + 1); // Magic Asynchronicity's notes take two pages.
    const byPage = Array.from({ length: pages }, (_, i) => pdfText(handoutPdf(), i + 1));
    const first = byPage.findIndex((t) => t.includes('The first promise was that existing synchronous code'));
    const last = byPage.findIndex((t) => t.includes('In the end the promise of effortless asynchronous code'));
    expect(last).toBe(first + 1);
    expect(byPage[last + 1]).toContain('Magic Asynchronicity (2/2)');
    expect(byPage[last]).not.toContain('Slide 4 of');
  });

  it('has a header with the deck title and a footer with the page number and URL', () => {
    const page2 = pdfText(handoutPdf(), 2);
    expect(page2.startsWith('Understanding Eventlet')).toBe(true);
    expect(page2).toMatch(new RegExp(`\\b2 ?/ ?${SLIDE_COUNT + 1}\\b`));
    expect(page2).toContain('https://talks.example.org/deck/');
  });

  it('gives the handout an outline pointing at the pages where the slides landed', async () => {
    const outline = readOutline(await load(handoutPdf()));
    expect(outline.map((o) => o.title)).toEqual(['The promises of Eventlet', 'Steps and links', 'A picture']);
    expect(outline[0]?.children.map((o) => o.title)).toEqual(['Magic Asynchronicity', 'Cooperative Multitasking']);
    const coop = outline[0]?.children[1];
    expect(coop?.page).toBe(5);
    expect(pdfText(handoutPdf(), (coop?.page ?? 0) + 1)).toContain('Eventlet presents itself as a cooperative multitasking library');
    expect(pdfText(handoutPdf(), (outline[2]?.page ?? 0) + 1)).toContain('An image stays vector content');
  });

  it('keeps code in colour in the handout too', async () => {
    // The slide box is about half size on paper: look closer.
    expect(keywordRedPixels(handoutPdf(), 6, 100)).toBeGreaterThan(40);
    expect(keywordRedPixels(handoutPdf(), 3, 100)).toBe(0);
  });

  it('prints one page per fragment step with steps: true', async () => {
    const file = join(out, 'steps.pdf');
    const result = await exportDeckPdfs(session, { ...deck('deck'), title: 'Steps' }, { slidesPath: file, steps: true });
    // The 3-fragment slide becomes 4 pages: nothing shown, then one more step each.
    expect(result.slidesPages).toBe(SLIDE_COUNT + 3);
    expect(pdfText(file, 6)).not.toContain('First step appears');
    expect(pdfText(file, 7)).toContain('First step appears');
    expect(pdfText(file, 7)).not.toContain('Second step appears');
    expect(readOutline(await load(file)).find((o) => o.title === 'A picture')?.page).toBe(9);
  });

  it('lays out three slides a page with 3up, and prints on Letter when asked', async () => {
    const file = join(out, 'handout-3up.pdf');
    const result = await exportDeckPdfs(session, { ...deck('deck'), title: 'Three up' }, { handoutPath: file, layout: '3up', paper: 'letter' });
    expect(result.handoutPages).toBeLessThanOrEqual(SLIDE_COUNT / 2);
    const doc = await load(file);
    for (const page of doc.getPages()) {
      // Chromium rounds paper sizes to its own units: within a point of 612×792.
      expect(Math.abs(page.getWidth() - 612)).toBeLessThan(1.5);
      expect(Math.abs(page.getHeight() - 792)).toBeLessThan(1.5);
    }
    // A paragraph continued on the next page reads on after its "Slide n (continued)" label.
    const text = collapse(handoutBodyText(file, 792).replace(/Slide \d+ \(continued\)/g, ' '));
    expect(handoutBodyText(file, 792)).toMatch(/Slide \d+ \(continued\)/);
    for (const paragraph of notesParagraphs(fixtureDeck)) expect(text).toContain(paragraph);
    expect(text).not.toContain('Three up'); // The header was cropped away: the check above is real.
    expect(pdfText(file, 1)).toContain('Slide 1 of 8');
    expect(pdfText(file, 1)).toContain('Slide 2 of 8');
  });

  it('reports a missing image as a warning naming the deck, image and slide, and still prints', async () => {
    const file = join(out, 'missing.pdf');
    const result = await exportDeckPdfs(session, { ...deck('missing-image'), title: 'Missing image' }, { slidesPath: file, handoutPath: join(out, 'missing-handout.pdf') });
    expect(result.slidesPages).toBe(2);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'export-missing-image', file: 'decks/missing-image.md', line: 7 });
    expect(result.diagnostics[0]?.message).toBe('deck missing-image: image img/not-there.png on slide 2 could not be loaded (404)');
  });

  it('keeps a slide that is too tall on one page, and warns that it is cut', async () => {
    const file = join(out, 'overflow.pdf');
    const result = await exportDeckPdfs(session, { ...deck('overflow'), title: 'Overflow' }, { slidesPath: file });
    expect(result.slidesPages).toBe(3);
    expect(pdfText(file, 3)).toBe('After');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'export-slide-overflow', severity: 'warning', line: 9, file: 'decks/overflow.md' });
    expect(result.diagnostics[0]?.message).toMatch(/^deck overflow: slide 2 "Too long" does not fit its page by \d+ px; the PDF cuts it$/);
  });

  it('stops a deck that never becomes ready at the timeout, naming it, and leaves no file', async () => {
    const file = join(out, 'never', 'slides.pdf');
    const error = await exportDeckPdfs(session, { ...deck('never-ready'), title: 'Never' }, { slidesPath: file, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('export-timeout');
    // On a busy machine the 2 s can run out while the page is still loading: either way it is the timeout, named.
    expect((error as LecternError).message).toMatch(/^deck never-ready did not (become ready within 2 s \(.+\)|load within 2 s)$/);
    expect((error as LecternError).hint).toContain('--timeout');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(out, 'never')) ? readdirSync(join(out, 'never')) : []).toEqual([]);
  });

  // Fails on the missing script (export-failed), not at the 20 s timeout (export-timeout): no clock needed to say so.
  it('fails fast on a deck whose script is missing, and leaves no file', async () => {
    const file = join(out, 'broken.pdf');
    const error = await exportDeckPdfs(session, { ...deck('broken-script'), title: 'Broken' }, { slidesPath: file, timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'export-failed' });
    expect((error as Error).message).toMatch(/^deck broken-script: script .*not-built\.js failed to load \(404\)$/);
    expect(existsSync(file)).toBe(false);
  });

  // The runtime's own failure (export-failed), not the 20 s timeout (export-timeout).
  it('stops at once when the deck runtime announces that it failed, quoting its console', async () => {
    const file = join(out, 'runtime-error.pdf');
    const error = await exportDeckPdfs(session, { ...deck('runtime-error'), title: 'Error' }, { handoutPath: file, timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'export-failed' });
    expect((error as Error).message).toBe('deck runtime-error: the deck runtime failed to start: lectern: the deck failed to start: fit pass exploded');
    expect(existsSync(file)).toBe(false);
  });

  it('fails with browser-not-found for a --browser path that does not exist, launching nothing', async () => {
    const lonely = new BrowserSession({ browser: '/nonexistent/chromium' });
    const file = join(out, 'no-browser.pdf');
    const error = await exportDeckPdfs(lonely, { ...deck('deck'), title: 'x' }, { slidesPath: file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'browser-not-found' });
    expect((error as LecternError).hint).toContain('apt-get install chromium');
    expect(lonely.launched).toBe(false);
    expect(existsSync(file)).toBe(false);
    await lonely.close();
  });

  describe.skipIf(!existsSync(eventletArticle))('the seed deck, built by the real pipeline (skipped: ../shared/articles is absent)', () => {
    let site: string;
    let slideCount = 0;
    const seedSlides = () => join(site, 'eventlet', 'slides.pdf');
    const seedHandout = () => join(site, 'eventlet', 'handout.pdf');

    beforeAll(async () => {
      site = await mkdtemp(join(tmpdir(), 'lectern-pdf-seed-'));
      const built = await buildSite({ inputs: [eventletArticle], config: resolveConfig({ outDir: site }) });
      const seed = built.decks[0];
      if (seed === undefined) throw new Error('the seed deck was not built');
      slideCount = seed.slideCount;
      const seedServer = await serveStatic(site);
      try {
        const result = await exportDeckPdfs(
          session,
          { url: `${seedServer.url}/eventlet/`, slug: 'eventlet', source: eventletArticle, title: seed.title },
          { slidesPath: seedSlides(), handoutPath: seedHandout() },
        );
        expect(result.diagnostics).toEqual([]);
      } finally {
        await seedServer.close();
      }
    });

    afterAll(async () => {
      if (site !== undefined) await rm(site, { recursive: true, force: true });
    });

    it('prints exactly one deck-sized page per slide', async () => {
      const doc = await load(seedSlides());
      expect(slideCount).toBeGreaterThan(5);
      expect(doc.getPageCount()).toBe(slideCount);
      for (const page of doc.getPages()) expect(page.getSize()).toEqual({ width: 960, height: 540 });
    });

    it('puts every paragraph of the article into the handout', () => {
      // Compared without whitespace: inline code's padding reads as spaces (`( eventlet.sleep() ,`).
      const squeeze = (t: string): string => t.replace(/\s+/g, '');
      const text = squeeze(handoutBodyText(seedHandout(), 842));
      const paragraphs = articleParagraphs(readFileSync(eventletArticle, 'utf8'));
      expect(paragraphs.length).toBeGreaterThan(8);
      for (const paragraph of paragraphs) expect(text).toContain(squeeze(paragraph));
    });

    it('outlines the article headings and titles both PDFs "Understanding Eventlet"', async () => {
      for (const file of [seedSlides(), seedHandout()]) {
        const doc = await load(file);
        expect(doc.getTitle()).toBe('Understanding Eventlet');
        const titles = JSON.stringify(readOutline(doc));
        for (const heading of ['The promises of Eventlet', 'Magic Asynchronicity', 'Cooperative Multitasking']) expect(titles).toContain(heading);
      }
      const handout = await load(seedHandout());
      const promises = readOutline(handout).flatMap((o) => [o, ...o.children]).find((o) => o.title === 'The promises of Eventlet');
      expect(pdfText(seedHandout(), (promises?.page ?? -1) + 1)).toContain('The promises of Eventlet');
    });

    it('prints the Python code in colour, whole (the 16-line block is not cut)', () => {
      const pages = Array.from({ length: slideCount }, (_, i) => pdfText(seedSlides(), i + 1));
      const code = pages.findIndex((t) => t.includes('def task1()'));
      expect(code).toBeGreaterThanOrEqual(0);
      expect(pages[code]).toContain('eventlet.sleep(3) # Waits for tasks to execute');
      expect(colouredPixelsOfWord(seedSlides(), code + 1, 'def')).toBeGreaterThan(10);
      expect(colouredPixelsOfWord(seedSlides(), code + 1, 'Cooperative')).toBe(0);
    });
  });

  // Runs last (tests in a file run in order): closing the shared session must leave no Chromium behind.
  it('closes the browser: no Chromium process and no profile folder outlive the session', async () => {
    const profile = session.profile;
    expect(profile).toBeDefined();
    await session.close();
    await session.close();
    const left = (() => {
      try {
        return execFileSync('pgrep', ['-f', String(profile)], { encoding: 'utf8' }).trim();
      } catch {
        return ''; // pgrep exits 1 when nothing matches.
      }
    })();
    expect(left).toBe('');
    expect(existsSync(String(profile))).toBe(false);
  });
});
