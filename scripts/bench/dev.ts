/**
 * Benchmark of issue 4, the dev loop: milliseconds from saving the article (just before the write)
 * to the new text shown on the open slide in Chromium (stamped in the page by the `lectern:updated`
 * event the dev client fires after swapping the slides), median of 20 saves of the seed deck.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { resolveConfig } from '../../src/config.js';
import { BrowserSession } from '../../src/browser/index.js';
import { startDevServer } from '../../src/commands/dev.js';
import type { BenchSection } from './core.js';
import { median } from './measure.js';

const SAVES = 20;
const PHRASE = 'This trick, monkey patching';

/** Save → shown latencies (ms) of `saves` edits to a temp copy of decks/eventlet.md. */
export async function measureDevLoop(root: string, saves = SAVES): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-dev-'));
  const article = join(dir, 'eventlet.md');
  await copyFile(join(root, 'decks', 'eventlet.md'), article);
  const original = await readFile(article, 'utf8');
  const server = await startDevServer({ inputs: [dir], config: resolveConfig({}), port: 0, cwd: dir });
  const session = new BrowserSession();
  try {
    return await session.withPage(async (page: Page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${server.url}eventlet/`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('html[data-lectern-ready="true"]');
      await page.evaluate(() => {
        window.Reveal.slide(1, 1);
        window.addEventListener('lectern:updated', () => {
          (window as unknown as { __shownAt: number }).__shownAt = Date.now();
        });
      });
      const times: number[] = [];
      for (let i = 0; i < saves; i++) {
        const word = `Edit${i}`;
        const savedAt = Date.now();
        await writeFile(article, original.replace(PHRASE, `This ${word}, monkey patching`));
        await page.waitForFunction((w: string) => (window.Reveal.getCurrentSlide() as HTMLElement).innerText.includes(w), { timeout: 10_000 }, word);
        const shownAt = await page.evaluate(() => (window as unknown as { __shownAt: number }).__shownAt);
        times.push(shownAt - savedAt);
        // Apart by more than the watcher's 50 ms change throttle, as saves by hand are.
        await new Promise((r) => setTimeout(r, 150));
      }
      return times;
    });
  } finally {
    await session.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The dev-loop section of BENCHMARKS.md. */
export async function benchDev(root: string): Promise<BenchSection> {
  const times = await measureDevLoop(root);
  return {
    title: 'Dev loop (lectern dev)',
    header: ['deck', 'saves', 'median save → shown (ms)', 'min', 'max'],
    rows: [['decks/eventlet.md (slide 3 open)', String(times.length), median(times).toFixed(0), Math.min(...times).toFixed(0), Math.max(...times).toFixed(0)]],
    notes: 'From just before the file write to the `lectern:updated` event in Chromium after the slides were swapped (same slide, no reload). Target: under 150 ms.',
  };
}
