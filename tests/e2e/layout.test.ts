/**
 * layout/ against Chromium: the fixture tests/fixtures/layout/measure.md (short and long points,
 * bold/italic/code inline, long words, lists, code at several sizes, tables, a callout, a quote,
 * pictures) is built with the CLI in each shipped theme, and, when ../shared/articles is present,
 * every real article too. Each deck is opened in headless Chromium; every slide is read back into
 * the model (layout-probe.ts) with the sizes the browser gave it, and layout/'s predictions must
 * agree: line counts of titles, points and paragraphs exact for ≥ 95 %, heights of body items
 * and of whole slides within 5 % for ≥ 95 %. The figures are printed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { openDeck } from './helpers/browser.js';
import { REPO_ROOT, SHARED_ARTICLES } from './helpers/paths.js';
import { removeDir, tempDir } from './helpers/site.js';
import { agreement, agreementTable, compareSlide, type Agreement, type Pair } from './layout-compare.js';
import { PROBE_SCRIPT, serveDir, type SlideProbe } from './layout-probe.js';

const CHROMIUM = process.env['PUPPETEER_EXECUTABLE_PATH'] || '/usr/bin/chromium';
const skipReason = existsSync(CHROMIUM) ? '' : `no Chromium at ${CHROMIUM} (set PUPPETEER_EXECUTABLE_PATH)`;
const FIXTURES = ['measure.md', 'hard.md'].map((f) => join(REPO_ROOT, 'tests/fixtures/layout', f));
const THEMES = ['light', 'dark', 'eventlet'] as const;
const sharedFolders = existsSync(SHARED_ARTICLES) ? readdirSync(SHARED_ARTICLES).filter((f) => !f.includes('.')) : [];

/** One build: the inputs, the theme, and the decks it made. */
interface Build {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly theme: string;
}

const builds: Build[] = [
  ...THEMES.map((theme) => ({ name: `fixture-${theme}`, inputs: FIXTURES, theme })),
  ...sharedFolders.map((folder) => ({ name: `shared-${folder}`, inputs: [join(SHARED_ARTICLES, folder)], theme: folder.startsWith('eventlet') ? 'eventlet' : 'light' })),
];

describe.skipIf(skipReason !== '')(`layout/ against Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string | undefined;
  let browser: Browser | undefined;
  const fixture: Pair[] = [];
  const shared: Pair[] = [];

  beforeAll(async () => {
    work = await tempDir('layout');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    for (const build of builds) {
      const out = join(work, build.name);
      const run = await runCli(['build', ...build.inputs, '--out', out, '--theme', build.theme], { timeoutMs: 120_000 });
      if (run.code !== 0) throw new Error(`lectern build ${build.name} failed:\n${run.stderr}`);
      const server = await serveDir(out);
      try {
        for (const deck of readdirSync(out).filter((d) => existsSync(join(out, d, 'index.html')))) {
          const page = await browser.newPage();
          try {
            await openDeck(page, `${server.url}/${deck}/`, { timeoutMs: 60_000 });
            const probes = (await page.evaluate(PROBE_SCRIPT)) as SlideProbe[];
            const pairs = probes.flatMap((probe) => compareSlide(probe, build.theme, deck));
            (build.name.startsWith('fixture') ? fixture : shared).push(...pairs);
          } finally {
            await page.close();
          }
        }
      } finally {
        await server.close();
      }
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await removeDir(work);
  });

  const check = (rows: readonly Agreement[], label: string): void => {
    // LAYOUT_DEBUG=1 lists every comparison more than 5 % off, to chase a disagreement.
    if (process.env['LAYOUT_DEBUG']) for (const p of [...fixture, ...shared]) if (Math.abs(p.predicted - p.actual) / Math.max(1, p.actual) > 0.05) process.stdout.write(`MISS ${p.what} ${p.predicted.toFixed(1)} vs ${p.actual.toFixed(1)} ${p.where}\n`);
    process.stdout.write(`\nlayout/ vs Chromium, ${label}:\n${agreementTable(rows)}\n`);
    for (const row of rows) {
      if (row.what.startsWith('fallback:')) continue; // estimates: reported, not asserted
      if (row.what.startsWith('lines:')) expect.soft(row.exact, `${label} ${row.what}: worst ${JSON.stringify(row.worst)}`).toBeGreaterThanOrEqual(0.95);
      else if (row.what === 'items') expect.soft(row.n, `${label}: a slide whose body items could not be matched: ${JSON.stringify(row.worst)}`).toBe(0);
      else expect.soft(row.within5, `${label} ${row.what}: worst ${JSON.stringify(row.worst)}`).toBeGreaterThanOrEqual(0.95);
    }
  };

  it('predicts the fixture deck in every theme: lines exact, heights and widths within 5 %', () => {
    expect(fixture.length).toBeGreaterThan(100);
    check(agreement(fixture), 'fixture (3 themes)');
  });

  it.skipIf(sharedFolders.length === 0)('predicts the real articles of ../shared/articles as well', () => {
    expect(shared.length).toBeGreaterThan(100);
    check(agreement(shared), 'shared articles (light)');
  });
});
