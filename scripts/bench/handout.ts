/**
 * Benchmark of issue 14: the flowing handout (the default: slides with their notes beneath, paginated
 * by Lectern, print colours) of the generated 200-section article against its slides PDF, both
 * through `exportDeckPdfs` from one served build in one browser, in turn (A B A B), the ratio taken
 * pair by pair. Target: the handout costs at most 1.5× the slides PDF.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserSession, serveStatic } from '../../src/browser/index.js';
import { buildSite } from '../../src/commands/build.js';
import { resolveConfig, type HandoutLayout } from '../../src/config.js';
import { exportDeckPdfs } from '../../src/pdf/export.js';
import type { BenchSection } from './core.js';
import { median } from './measure.js';
import { generatedArticle } from './pdf.js';

const PAIRS = 5;

export async function benchHandout(): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-handout-'));
  const loadBefore = loadavg()[0] ?? 0;
  const session = new BrowserSession();
  try {
    await writeFile(join(dir, 'bench.md'), generatedArticle(200));
    const site = join(dir, 'site');
    const built = await buildSite({ inputs: [join(dir, 'bench.md')], config: resolveConfig({ outDir: site, theme: 'eventlet' }) });
    const slides = built.decks[0]!.slideCount;
    const server = await serveStatic(site);
    const deck = { url: `${server.url}/bench/`, slug: 'bench', title: 'Generated bench deck', width: 1280, height: 720 };
    const timed = async (options: Parameters<typeof exportDeckPdfs>[2]): Promise<{ s: number; pages: number }> => {
      const start = performance.now();
      const r = await exportDeckPdfs(session, deck, { timeoutMs: 180_000, ...options });
      return { s: (performance.now() - start) / 1000, pages: r.slidesPages ?? r.handoutPages ?? 0 };
    };
    const slidesTimes: number[] = [];
    const handoutTimes: number[] = [];
    const ratios: number[] = [];
    const pages = { slides: 0, handout: 0 };
    const other: Record<string, { s: number; pages: number }> = {};
    try {
      for (let run = 0; run <= PAIRS; run++) {
        const s = await timed({ slidesPath: join(dir, 'slides.pdf') });
        const h = await timed({ handoutPath: join(dir, 'handout.pdf') });
        if (run === 0) continue; // warm-up
        slidesTimes.push(s.s);
        handoutTimes.push(h.s);
        ratios.push(h.s / s.s);
        pages.slides = s.pages;
        pages.handout = h.pages;
      }
      for (const layout of ['notes', '3up'] as HandoutLayout[]) other[layout] = await timed({ handoutPath: join(dir, `handout-${layout}.pdf`), layout });
    } finally {
      await server.close();
    }
    const slidesMedian = median(slidesTimes);
    const row = (what: string, t: number, p: number, target: string): string[] => [what, `${t.toFixed(2)} s`, `${(t / slidesMedian).toFixed(2)}×`, `${p}`, target];
    return {
      title: `Flowing handout vs slides PDF: ${slides}-slide generated deck (issue 14)`,
      header: ['what', 'median time', 'vs. slides PDF', 'pages', 'target'],
      rows: [
        row('slides PDF (`exportDeckPdfs`)', slidesMedian, pages.slides, ''),
        row('flowing handout (A4, default: print colours, paginated, labelled continuations)', median(handoutTimes), pages.handout, '≤ 1.5× the slides PDF'),
        ['ratio handout / slides (median of paired runs)', `${median(ratios).toFixed(2)}×`, '', '', '≤ 1.50×'],
        row('handout `--handout-layout notes` (one slide a page; one run)', other['notes']?.s ?? 0, other['notes']?.pages ?? 0, ''),
        row('handout `--handout-layout 3up` (one run)', other['3up']?.s ?? 0, other['3up']?.pages ?? 0, ''),
      ],
      notes: `Each PDF exported by itself (its own page load, as \`lectern pdf\` does for one kind), one browser for all runs (Debian Chromium, headless); ${PAIRS} pairs after one warm-up pair, slides then handout in each pair, the ratio taken pair by pair. Load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after (the machine is shared: absolute times move with it, the paired ratio much less). The handout's time includes building the handout document in the page, measuring it once, planning the pages and cutting the notes between lines.`,
    };
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}
