/**
 * Benchmark of issue 3: export a generated ~200-slide deck, next to the floor — a single raw
 * `page.pdf()` of the same reveal.js `?print-pdf` page in the same browser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { BrowserSession, serveStatic } from '../../src/browser/index.js';
import { exportDeckPdfs } from '../../src/pdf/export.js';
import { buildSite } from '../../src/commands/build.js';
import type { BenchSection } from './core.js';
import { median } from './measure.js';

/** An article that plans to about `slides` slides: h2 sections of three paragraphs, some code. */
export function generatedArticle(slides: number): string {
  const parts = ['---\ntitle: Generated bench deck\n---\n', '# Generated bench deck\n\nA deck made for the benchmark. It has many slides.\n'];
  for (let i = 1; i < slides - 1; i++) {
    if (i % 10 === 0) {
      parts.push(`## Section ${i}\n\nThe code below shows step ${i}:\n\n\`\`\`python\ndef step_${i}(x):\n    return x * ${i}\n\`\`\`\n`);
    } else {
      parts.push(`## Section ${i}\n\nPoint one of section ${i} is here. It explains more.\n\nPoint two of section ${i} follows. With detail.\n\nPoint three of section ${i} closes the section with a longer sentence. The end.\n`);
    }
  }
  return parts.join('\n');
}

/** Total resident memory (MB) of the browser processes that use `profile`. */
function browserRssMb(profile: string | undefined): number {
  if (!profile) return 0;
  try {
    const out = execFileSync('ps', ['-eo', 'rss,args'], { encoding: 'utf8' });
    return out.split('\n').filter((l) => l.includes(profile)).reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0] ?? 0), 0) / 1024;
  } catch {
    return 0;
  }
}

/** Run the PDF benchmarks (5 runs each, medians). */
export async function benchPdf(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-pdf-'));
  const session = new BrowserSession();
  try {
    await writeFile(join(dir, 'bench.md'), generatedArticle(200));
    const site = join(dir, 'site');
    const built = await buildSite({ inputs: [join(dir, 'bench.md')], config: resolveConfig({ outDir: site, theme: 'eventlet' }) });
    const slides = built.decks[0]!.slideCount;
    const server = await serveStatic(site);
    const url = `${server.url}/bench/`;
    const deck = { url, slug: 'bench', title: 'Generated bench deck', width: 1280, height: 720 };
    let peakBrowser = 0;
    const times = { floor: [] as number[], slides: [] as number[], handout: [] as number[] };
    const pages = { slides: 0, handout: 0 };
    try {
      for (let run = 0; run < 6; run++) {
        const floorStart = performance.now();
        await session.withPage(async (page) => {
          await page.setViewport({ width: 1280, height: 720 });
          await page.goto(`${url}?print-pdf`, { waitUntil: 'load' });
          await page.waitForFunction(() => document.documentElement.dataset['lecternReady'] === 'true', { timeout: 60_000 });
          await page.pdf({ width: '1280px', height: '720px', printBackground: true });
        });
        const floor = (performance.now() - floorStart) / 1000;
        let start = performance.now();
        const s = await exportDeckPdfs(session, deck, { slidesPath: join(dir, 'slides.pdf'), timeoutMs: 120_000 });
        const slidesTime = (performance.now() - start) / 1000;
        start = performance.now();
        const h = await exportDeckPdfs(session, deck, { handoutPath: join(dir, 'handout.pdf'), timeoutMs: 120_000 });
        const handoutTime = (performance.now() - start) / 1000;
        peakBrowser = Math.max(peakBrowser, browserRssMb(session.profile));
        if (run === 0) continue; // warm-up: first launch, caches
        times.floor.push(floor);
        times.slides.push(slidesTime);
        times.handout.push(handoutTime);
        pages.slides = s.slidesPages ?? 0;
        pages.handout = h.handoutPages ?? 0;
      }
    } finally {
      await server.close();
    }
    const floor = median(times.floor);
    const nodeMb = process.resourceUsage().maxRSS / 1024;
    const row = (what: string, t: number, p: string, target: string): string[] => [what, `${t.toFixed(2)} s`, `${(t / floor).toFixed(2)}×`, p, target];
    return {
      title: `PDF export: ${slides}-slide generated deck (issue 3)`,
      header: ['what', 'median time', 'vs. floor', 'pages', 'target'],
      rows: [
        row('floor: load `?print-pdf` + one raw `page.pdf()`', floor, `${slides}`, ''),
        row('slides PDF (`exportDeckPdfs`, outline + metadata, atomic write)', median(times.slides), `${pages.slides}`, 'faster than Marp CLI `--pdf` (3.4 s), within 1.3× of the floor'),
        row('handout PDF (A4, slide above its notes)', median(times.handout), `${pages.handout}`, 'within 2× of the floor'),
      ],
      notes: `Median of 5 runs after one warm-up, one browser for all runs (Debian Chromium, headless). Peak memory: Node ${nodeMb.toFixed(0)} MB (whole bench process), Chromium ${peakBrowser.toFixed(0)} MB (all its processes, sampled after each run). Marp CLI, reveal-md and DeckTape figures are the ones measured for the issue on this machine; they are not re-run here.`,
    };
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}
