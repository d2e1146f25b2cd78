/**
 * Issue 2's "Done means" for the seed, end to end: decks/eventlet.md (with its siblings, so its
 * links resolve) is built through buildSite, served over HTTP and opened once in headless Chromium;
 * everything the browser showed is collected in beforeAll and each test checks one promise.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, serveStatic, type StaticServer } from '../../src/browser/index.js';
import type { BuildResult } from '../../src/commands/build.js';
import { collapse, readHtmlArticle } from './helpers/article.js';
import { browserSkipReason, openDeck, watchPage, type PageLog } from './helpers/browser.js';
import { DECKS_DIR, SEED_ARTICLE } from './helpers/paths.js';
import { measureSlides, readFitReport, readSlides, type SlideInfo, type SlideLayout } from './helpers/probe.js';
import { buildInto, readHtmlFiles, removeDir, tempDir } from './helpers/site.js';

const WIDTH = 1280;
const HEIGHT = 720;
const article = readHtmlArticle(readFileSync(SEED_ARTICLE, 'utf8'));
const skipReason = browserSkipReason();

/** Everything the browser showed of the seed deck. */
interface SeedView {
  ready: string;
  slides: SlideInfo[];
  layouts: SlideLayout[];
  fit: { shrunk: number; overflowing: string[] } | undefined;
  log: PageLog;
}

describe.skipIf(skipReason !== '')(`the seed deck in Chromium${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  let outDir: string | undefined;
  let server: StaticServer | undefined;
  let session: BrowserSession | undefined;
  let build: BuildResult;
  let view: SeedView;

  beforeAll(async () => {
    outDir = await tempDir('seed');
    build = await buildInto([DECKS_DIR], outDir, { theme: 'eventlet' });
    server = await serveStatic(outDir);
    session = new BrowserSession();
    const url = `${server.url}/eventlet/`;
    view = await session.withPage(async (page) => {
      const log = await watchPage(page);
      const ready = await openDeck(page, url, { width: WIDTH, height: HEIGHT });
      const slides = await readSlides(page);
      const fit = await readFitReport(page);
      const layouts = await measureSlides(page, slides);
      return { ready, slides, layouts, fit, log };
    });
  });

  afterAll(async () => {
    // Each step on its own: a failed setup must still release what it did start.
    await session?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await removeDir(outDir);
  });

  const titles = (): string[] => view.slides.flatMap((s) => [s.title, s.heading ?? '', s.kicker ?? '']).filter((t) => t !== '');

  it('builds the seed and its sibling decks without diagnostics, and the deck becomes ready', () => {
    expect(build.decks.map((d) => d.slug)).toEqual(expect.arrayContaining(['eventlet', 'getting-started', 'alternatives']));
    const seed = build.decks.find((d) => d.slug === 'eventlet');
    expect(seed?.diagnostics).toEqual([]);
    expect(seed?.codeBlockCount).toBe(2);
    expect(view.ready).toBe('true');
    expect(view.slides.length).toBe(seed?.slideCount);
  });

  it('opens on a title slide "Understanding Eventlet"', () => {
    const first = view.slides[0];
    expect(first?.kind).toBe('title');
    expect(first?.title).toBe('Understanding Eventlet');
  });

  it('has slides titled after the article headings (an h2 without text of its own above its first h3, as its kicker)', () => {
    expect(titles()).toEqual(expect.arrayContaining(['The promises of Eventlet', 'Magic Asynchronicity', 'Cooperative Multitasking']));
    const magic = view.slides.find((s) => s.title === 'Magic Asynchronicity');
    expect(magic?.kicker).toBe('The promises of Eventlet');
    // Its hash link still lands there.
    expect(magic?.aliases).toContain('the-promises-of-eventlet');
  });

  it('shows each Python example whole, on one slide, highlighted as Python', () => {
    expect(article.codes).toHaveLength(2);
    const shown = view.slides.flatMap((s) => s.codes.map((c) => ({ slide: s, code: c })));
    // Two examples, two code blocks on screen: none was split across slides.
    expect(shown).toHaveLength(article.codes.length);
    for (const example of article.codes) {
      const matches = shown.filter(({ code }) => code.text.trimEnd() === example.text.trimEnd());
      expect(matches, `example starting "${example.text.slice(0, 40)}" shown whole on exactly one slide`).toHaveLength(1);
      const { slide, code } = matches[0] as (typeof matches)[number];
      expect(code.className.split(/\s+/)).toContain('language-python');
      expect(code.keywords).toBeGreaterThan(0);
      expect(slide.owner).toBe(example.heading);
    }
  });

  it('fits each example in its panel, unclipped and unscrolled, at a legible size', () => {
    for (const example of article.codes) {
      const slide = view.slides.find((s) => s.codes.some((c) => c.text.trimEnd() === example.text.trimEnd()));
      const layout = view.layouts.find((l) => l.h === slide?.h && l.v === slide?.v);
      const box = layout?.codes[0];
      expect(box, `layout of the slide showing "${example.text.slice(0, 30)}"`).toBeDefined();
      if (box === undefined) continue;
      const where = `#${layout?.id}: ${JSON.stringify(box)}`;
      expect(box.scrollHeight, where).toBeLessThanOrEqual(box.clientHeight + 1);
      expect(box.scrollWidth, where).toBeLessThanOrEqual(box.clientWidth + 1);
      expect(box.pre.scrollHeight, where).toBeLessThanOrEqual(box.pre.clientHeight + 1);
      expect(box.pre.scrollWidth, where).toBeLessThanOrEqual(box.pre.clientWidth + 1);
      // Issue 9's floor: code is never drawn under 18 px at the deck's size.
      expect(box.fontSize, where).toBeGreaterThanOrEqual(18);
    }
    expect(Math.max(...article.codes.map((c) => c.text.trimEnd().split('\n').length))).toBe(16);
  });

  it('puts every paragraph of the article in the notes of the slide it belongs to', () => {
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(10);
    const missing: string[] = [];
    for (const p of article.paragraphs) {
      const home = view.slides.filter((s) => s.owner === p.heading);
      if (!home.some((s) => s.notesText.includes(p.text))) {
        const elsewhere = view.slides.find((s) => s.notesText.includes(p.text));
        missing.push(`"${p.text.slice(0, 60)}…" (under "${p.heading}") ${elsewhere ? `is in the notes of #${elsewhere.id} instead` : 'is in no notes'}`);
      }
    }
    expect(missing).toEqual([]);
    // The intro paragraph belongs to the title slide.
    expect(view.slides[0]?.notesText).toContain(article.paragraphs[0]?.text);
  });

  it('shows no HTML tags, entities, Liquid, utility classes or Markdown syntax as text', () => {
    const forbidden: [string, RegExp][] = [
      ['an HTML tag', /<\/?[a-z][^>\n]*>/i],
      ['an angle bracket', /[<>]/],
      ['an escaped entity', /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i],
      ['Liquid', /\{%|%\}|\{\{|\}\}/],
      ['a Tailwind class', /\b(?:text-(?:xl|[234]xl|cyan-400|gray-900)|mt-10|font-(?:bold|semibold)|bg-gradient-to-r|from-yellow-400|to-blue-600|inline-block|justify-between)\b/],
      ['Markdown emphasis', /\*\*|__/],
      ['a Markdown code span', /`/],
      ['a Markdown link', /\]\(/],
      ['a Markdown heading', /^\s*#{1,6}\s/m],
    ];
    const found: string[] = [];
    for (const slide of view.slides) {
      for (const [what, pattern] of forbidden) {
        const hit = pattern.exec(slide.visibleText);
        if (hit) found.push(`#${slide.id}: ${what}: …${slide.visibleText.slice(Math.max(0, hit.index - 20), hit.index + 20)}…`);
      }
      for (const code of slide.codes) {
        if (/<\/?[a-z][^>\n]*>|&(?:[a-z]+|#\d+);/i.test(code.text)) found.push(`#${slide.id}: markup inside the code text`);
      }
    }
    expect(found).toEqual([]);
  });

  it('drops the page furniture: utility classes, icons and the Prism.js assets from a CDN', async () => {
    const html = (await readHtmlFiles(outDir as string)).get('eventlet/index.html') ?? '';
    expect(html).toContain('<title>Understanding Eventlet</title>');
    expect(html).not.toMatch(/class="[^"]*\b(?:text-xl|mt-10|font-bold|text-cyan-400|fa-arrow-left)\b/);
    expect(html).not.toMatch(/cdnjs|prism/i);
    expect(html).not.toMatch(/<i class="fas/);
  });

  it('links the closing slide to the sibling decks, and those decks load', async () => {
    const closing = view.slides.at(-1);
    expect(closing?.kind).toBe('closing');
    const links = closing?.links ?? [];
    const prev = links.find((l) => l.text === 'Getting Started');
    const next = links.find((l) => l.text === 'Understanding the Alternatives');
    expect(prev?.href).toBe('../getting-started/');
    expect(next?.href).toBe('../alternatives/');
    for (const link of [prev, next]) {
      const response = await fetch(link?.resolved ?? '');
      expect(response.status, link?.resolved).toBe(200);
      expect(await response.text()).toContain('class="reveal lectern-deck"');
    }
  });

  it('fits every slide in the 1280×720 frame', () => {
    expect(view.slides.filter((s) => s.overflow).map((s) => s.id)).toEqual([]);
    expect(view.fit?.overflowing).toEqual([]);
    expect(view.layouts).toHaveLength(view.slides.length);
    const problems = view.layouts.flatMap((l) => [
      ...l.outside.map((o) => `#${l.id}: ${o}`),
      ...(l.scrollHeight > HEIGHT + 1 ? [`#${l.id}: scrollHeight ${l.scrollHeight}`] : []),
      ...(l.scrollWidth > WIDTH + 1 ? [`#${l.id}: scrollWidth ${l.scrollWidth}`] : []),
    ]);
    expect(problems).toEqual([]);
  });

  it('logs no console error and throws no page error', () => {
    expect(view.log.pageErrors).toEqual([]);
    expect(view.log.consoleErrors).toEqual([]);
    expect(view.log.failed).toEqual([]);
  });

  it('requests nothing from any host but the local server', () => {
    expect(view.log.requests.length).toBeGreaterThan(0);
    expect(view.log.external).toEqual([]);
  });

  it('writes byte-identical HTML for the same articles and config', async () => {
    const again = await tempDir('seed-again');
    try {
      await buildInto([DECKS_DIR], again, { theme: 'eventlet' });
      const first = await readHtmlFiles(outDir as string);
      const second = await readHtmlFiles(again);
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [file, html] of first) expect(second.get(file) === html, `${file} differs between two builds`).toBe(true);
      expect(first.get('eventlet/index.html')).toContain('Understanding Eventlet');
    } finally {
      await removeDir(again);
    }
  });
});

// A guard on the helper that extracts the article: it must see what the issue talks about.
describe('the seed article as the tests read it', () => {
  it('has the intro, two h3 sections of paragraphs and two Python examples', () => {
    expect(article.paragraphs[0]?.heading).toBe('Understanding Eventlet');
    expect(new Set(article.paragraphs.map((p) => p.heading))).toEqual(new Set(['Understanding Eventlet', 'Magic Asynchronicity', 'Cooperative Multitasking']));
    expect(article.codes.map((c) => c.language)).toEqual(['python', 'python']);
    expect(collapse(' a \n b ')).toBe('a b');
  });
});
