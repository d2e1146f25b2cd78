/**
 * Benchmark of issue 3: export a generated ~200-slide deck, next to the floor — a single raw
 * `page.pdf()` of the same reveal.js `?print-pdf` page in the same browser.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { BrowserSession, serveStatic } from '../../src/browser/index.js';
import { exportDeckPdfs } from '../../src/pdf/export.js';
import { buildSite } from '../../src/commands/build.js';
import type { BenchSection } from './core.js';
import { median } from './measure.js';
import { installPeers, paired, peerEnv } from './peers.js';

/** An article that plans to about `slides` slides: h2 sections of three paragraphs, some code. */
export function generatedArticle(slides: number): string {
  return ['---\ntitle: Generated bench deck\n---\n', ...generatedSections(slides)].join('\n');
}

/** The same content for Marp: one slide per section, separated by `---`. */
export function marpArticle(slides: number): string {
  return generatedSections(slides).join('\n---\n\n');
}

function generatedSections(slides: number): string[] {
  const parts = ['# Generated bench deck\n\nA deck made for the benchmark. It has many slides.\n'];
  for (let i = 1; i < slides - 1; i++) {
    if (i % 10 === 0) {
      parts.push(`## Section ${i}\n\nThe code below shows step ${i}:\n\n\`\`\`python\ndef step_${i}(x):\n    return x * ${i}\n\`\`\`\n`);
    } else {
      parts.push(`## Section ${i}\n\nPoint one of section ${i} is here. It explains more.\n\nPoint two of section ${i} follows. With detail.\n\nPoint three of section ${i} closes the section with a longer sentence. The end.\n`);
    }
  }
  return parts;
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
    const { rows: versus, note } = comparePdf(dir);
    const nodeMb = process.resourceUsage().maxRSS / 1024;
    const row = (what: string, t: number, p: string, target: string): string[] => [what, `${t.toFixed(2)} s`, `${(t / floor).toFixed(2)}×`, p, target];
    return {
      title: `PDF export: ${slides}-slide generated deck (issue 3)`,
      header: ['what', 'median time', 'vs. floor', 'pages', 'target'],
      rows: [
        row('floor: load `?print-pdf` + one raw `page.pdf()`', floor, `${slides}`, ''),
        row('slides PDF (`exportDeckPdfs`, outline + metadata, atomic write)', median(times.slides), `${pages.slides}`, 'faster than Marp CLI `--pdf` (3.4 s), within 1.3× of the floor'),
        row('handout PDF (A4, slide above its notes)', median(times.handout), `${pages.handout}`, 'within 2× of the floor'),
        ...versus,
      ],
      notes: `Median of 5 runs after one warm-up, one browser for all runs (Debian Chromium, headless). Peak memory: Node ${nodeMb.toFixed(0)} MB (whole bench process), Chromium ${peakBrowser.toFixed(0)} MB (all its processes, sampled after each run). The last rows are whole commands in new processes, Lectern and Marp CLI in turn (A B A B, 5 pairs after a warm-up), the ratio taken pair by pair: \`lectern pdf\` (compile while Chromium starts, one page load, measure, print, metadata and outline) against \`marp --pdf\` on the same sections (one Marp slide per section).${note}`,
    };
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `lectern pdf` against `marp --pdf` on the same content, paired; no rows when the peers cannot be installed. */
function comparePdf(dir: string): { rows: string[][]; note: string } {
  const bin = installPeers();
  if (bin === undefined) return { rows: [['`lectern pdf` vs `marp --pdf`', 'not measured: Marp CLI could not be installed', '', '', '']], note: '' };
  const root = join(import.meta.dirname, '..', '..');
  writeFileSync(join(dir, 'marp.md'), marpArticle(200));
  const lectern = { cmd: process.execPath, args: [join(root, 'bin', 'lectern.js'), 'pdf', join(dir, 'bench.md'), '--out', join(dir, 'cli')], cwd: root };
  const marp = { cmd: join(bin, 'marp'), args: ['--pdf', '--allow-local-files', join(dir, 'marp.md'), '-o', join(dir, 'marp.pdf')], cwd: dir, env: peerEnv() };
  const r = paired(lectern, marp, 5);
  const rows = [
    ['`lectern pdf` (whole command, slides PDF)', `${r.a.toFixed(2)} s`, '', '', 'at most 0.8× Marp CLI'],
    ['`marp --pdf` (Marp CLI 4, same content)', `${r.b.toFixed(2)} s`, '', '', ''],
    ['ratio lectern / marp (median of paired runs)', `${r.ratio.toFixed(2)}×`, '', '', '≤ 0.80×'],
  ];
  const note = ` Ratios of the pairs: ${r.ratios.map((x) => x.toFixed(2)).join(', ')}; load average (1 min) before the pairs: ${r.load.min.toFixed(1)}–${r.load.max.toFixed(1)} on ${cpus().length} cores.`;
  return { rows, note };
}
