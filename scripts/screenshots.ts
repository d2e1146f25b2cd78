/**
 * Screenshot every slide of built decks, to look at a deck as the speaker will before presenting:
 *   tsx scripts/screenshots.ts dist eventlet [out-folder]
 * writes one PNG per slide (`slide-01.png`…, backup slides after the closing slide included) and
 * contact sheets of 12 slides each (`sheet-1.png`…), numbered, to look at a whole deck at a glance;
 * then the reading view as one full-length page (`reading.png`) and as printed (`reading-print.png`,
 * the first screen of its print layout).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserSession, serveStatic } from '../src/browser/index.js';

/** Slides per contact sheet (4 columns × 3 rows). */
const PER_SHEET = 12;

async function main(): Promise<void> {
  const [site = 'dist', slug = 'eventlet', out = join('tests', '.output', 'shots', slug)] = process.argv.slice(2);
  await mkdir(out, { recursive: true });
  const server = await serveStatic(site);
  const session = new BrowserSession();
  const files: string[] = [];
  try {
    await session.withPage(async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      // reveal.js reads its config from the query: no transitions, so each slide is final at once.
      await page.goto(`${server.url}/${slug}/?transition=none&backgroundTransition=none`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset['lecternReady'] === 'true', { timeout: 30_000 });
      // Every slide: reveal.js's own count leaves out backup slides (uncounted).
      const total = await page.evaluate(() => document.querySelectorAll('section.lectern-slide').length);
      for (let i = 0; i < total; i++) {
        if (i > 0) await page.evaluate(() => (window as unknown as { Reveal: { next(): void } }).Reveal.next());
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const file = join(out, `slide-${String(i + 1).padStart(2, '0')}.png`);
        await page.screenshot({ path: file as `${string}.png` });
        files.push(file);
        process.stdout.write(`${file}\n`);
      }
    });
    await session.withPage(async (page) => {
      await page.setViewport({ width: 1000, height: 800 });
      await page.goto(`${server.url}/${slug}/read/`, { waitUntil: 'load' });
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMediaType(media);
        const file = join(out, media === 'screen' ? 'reading.png' : 'reading-print.png');
        await page.screenshot({ path: file as `${string}.png`, fullPage: media === 'screen' });
        process.stdout.write(`${file}\n`);
      }
    });
    await session.withPage(async (page) => {
      for (let start = 0; start < files.length; start += PER_SHEET) {
        const chunk = files.slice(start, start + PER_SHEET);
        const cells = await Promise.all(
          chunk.map(async (f, i) => `<figure><img src="data:image/png;base64,${(await readFile(f)).toString('base64')}"><figcaption>${start + i + 1}</figcaption></figure>`),
        );
        const html = `<!doctype html><style>body{margin:0;background:#888;display:grid;grid-template-columns:repeat(4,320px);gap:6px;padding:6px;font:14px sans-serif}figure{margin:0;position:relative}img{width:320px;height:180px;display:block}figcaption{position:absolute;top:2px;left:4px;background:#ff0;padding:0 4px}</style>${cells.join('')}`;
        await page.setViewport({ width: 4 * 320 + 5 * 6, height: Math.ceil(chunk.length / 4) * 186 + 6 });
        await page.setContent(html, { waitUntil: 'load' });
        const sheet = join(out, `sheet-${start / PER_SHEET + 1}.png`);
        await page.screenshot({ path: sheet as `${string}.png` });
        process.stdout.write(`${sheet}\n`);
      }
    });
  } finally {
    await session.close();
    await server.close();
  }
  await writeFile(join(out, 'slides.txt'), `${files.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
