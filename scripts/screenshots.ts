/**
 * Screenshot every slide of built decks, to look at a deck as the speaker will before presenting:
 *   tsx scripts/screenshots.ts dist eventlet [out-folder]
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserSession, serveStatic } from '../src/browser/index.js';

async function main(): Promise<void> {
  const [site = 'dist', slug = 'eventlet', out = join('tests', '.output', 'shots', slug)] = process.argv.slice(2);
  await mkdir(out, { recursive: true });
  const server = await serveStatic(site);
  const session = new BrowserSession();
  try {
    await session.withPage(async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(`${server.url}/${slug}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset['lecternReady'] === 'true', { timeout: 30_000 });
      const total = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
      for (let i = 0; i < total; i++) {
        if (i > 0) await page.evaluate(() => (window as unknown as { Reveal: { next(): void } }).Reveal.next());
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await new Promise((r) => setTimeout(r, 900)); // let the slide transition finish (screenshots only)
        const file = join(out, `slide-${String(i + 1).padStart(2, '0')}.png`);
        await page.screenshot({ path: file as `${string}.png` });
        process.stdout.write(`${file}\n`);
      }
    });
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
