/**
 * The line breaker against Chromium at many widths: every paragraph of the layout fixtures (and
 * of the real articles in ../shared/articles, when present) is rendered into a built deck page
 * as key text (36 px) and as callout text (0.85em), at widths from 300 to 1200 px, and Chromium's
 * line count is compared with layout/'s. Thousands of line breaks, not just the ones a deck made.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { openDeck } from './helpers/browser.js';
import { REPO_ROOT, SHARED_ARTICLES } from './helpers/paths.js';
import { removeDir, tempDir } from './helpers/site.js';
import { serveDir } from './layout-probe.js';
import type { Block, Inline, Section } from '../../src/model.js';
import { loadSources } from '../../src/load/index.js';
import { parseArticle } from '../../src/parse/index.js';
import { renderInlines } from '../../src/render/inline.js';
import { bodyFlow, measureInlines, scaled, slideGeometry } from '../../src/layout/index.js';

const CHROMIUM = process.env['PUPPETEER_EXECUTABLE_PATH'] || '/usr/bin/chromium';
const skipReason = existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM} (set PUPPETEER_EXECUTABLE_PATH)`;
const FIXTURES = ['measure.md', 'hard.md'].map((f) => join(REPO_ROOT, 'tests/fixtures/layout', f));
const WIDTHS = Array.from({ length: 21 }, (_, i) => 300 + i * 45);
const CONTEXTS = [
  { name: 'text', wrap: (html: string, w: number) => `<p class="lectern-text" style="width:${w}px">${html}</p>`, em: 1 },
  { name: 'callout', wrap: (html: string, w: number) => `<div class="lectern-callout" style="width:${w}px;padding:0;border:0"><p>${html}</p></div>`, em: 0.85 },
] as const;

/** Paragraphs of an article, with their source for failure messages. */
function paragraphs(blocks: readonly Block[], sections: readonly Section[], out: (readonly Inline[])[]): void {
  for (const b of blocks) if (b.type === 'paragraph' && !b.inlines.some((i) => i.type === 'image')) out.push(b.inlines);
  for (const s of sections) paragraphs(s.blocks, s.children, out);
}

/** The page script: lays out every (html, width, context) and returns each element's line count. */
const MEASURE = String.raw`(items) => {
  document.querySelector('.reveal').classList.add('lectern-measuring');
  const body = document.querySelector('section.lectern-slide[data-kind="content"] .lectern-body');
  const host = document.createElement('div');
  host.style.cssText = 'display:block';
  host.innerHTML = items.join('');
  body.prepend(host);
  return Array.from(host.children).map((el) => {
    const p = el.tagName === 'P' ? el : el.firstElementChild;
    return Math.round(p.getBoundingClientRect().height / (p.getBoundingClientRect().width / p.offsetWidth) / parseFloat(getComputedStyle(p).lineHeight));
  });
}`;

describe.skipIf(skipReason !== '')(`line breaking against Chromium at 21 widths${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string | undefined;
  let browser: Browser | undefined;
  const results: { exact: boolean; fallback: boolean; where: string }[] = [];

  beforeAll(async () => {
    const sources = [...FIXTURES];
    if (existsSync(SHARED_ARTICLES)) for (const folder of readdirSync(SHARED_ARTICLES).filter((f) => !f.includes('.'))) sources.push(join(SHARED_ARTICLES, folder));
    const texts: (readonly Inline[])[] = [];
    for (const source of await loadSources(sources)) {
      const article = parseArticle(source);
      paragraphs(article.intro, article.sections, texts);
    }
    work = await tempDir('layout-sweep');
    const run = await runCli(['build', FIXTURES[0]!, '--out', work, '--theme', 'light']);
    if (run.code !== 0) throw new Error(run.stderr);
    browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const server = await serveDir(work);
    const page = await browser.newPage();
    try {
      await openDeck(page, `${server.url}/measure/`, { timeoutMs: 60_000 });
      const g = slideGeometry({ theme: 'light' });
      const cases = texts.flatMap((inlines) => CONTEXTS.flatMap((ctx) => WIDTHS.map((width) => ({ inlines, ctx, width }))));
      const lines = (await page.evaluate(`(${MEASURE})(${JSON.stringify(cases.map((c) => c.ctx.wrap(renderInlines(c.inlines), c.width)))})`)) as number[];
      cases.forEach((c, i) => {
        const flow = { ...scaled(bodyFlow(g), c.ctx.em), width: c.width };
        const predicted = measureInlines(c.inlines, flow).lines;
        const text = c.inlines.map((n) => ('text' in n ? n.text : '')).join('');
        results.push({ exact: predicted === lines[i], fallback: /[^\u0000-\u024f\u2000-\u22ff]/u.test(text), where: `${c.ctx.name} at ${c.width}px: ${predicted} vs ${lines[i]} "${text.slice(0, 50)}"` });
      });
    } finally {
      await page.close();
      await server.close();
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await removeDir(work);
  });

  it('gives Chromium line count for ≥ 99 % of paragraph × width × context (text in the fonts’ subset)', () => {
    const inSubset = results.filter((r) => !r.fallback);
    const exact = inSubset.filter((r) => r.exact).length / inSubset.length;
    const misses = inSubset.filter((r) => !r.exact);
    process.stdout.write(`\nline counts vs Chromium: ${(exact * 100).toFixed(2)}% exact of ${inSubset.length} (subset); ${results.length - inSubset.length} with fallback characters, ${results.filter((r) => r.fallback && r.exact).length} of them exact\n${misses.slice(0, 10).map((m) => `  miss: ${m.where}`).join('\n')}\n`);
    // The fixtures alone give 672 cases; with the shared articles beside the repository, over 1,000.
    expect(inSubset.length).toBeGreaterThan(existsSync(SHARED_ARTICLES) ? 1000 : 500);
    expect(exact).toBeGreaterThanOrEqual(0.99);
  });
});
