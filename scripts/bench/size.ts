/**
 * Benchmark of issue 11 (finding 4): a cold HTML-only `lectern build` of generated articles of 1, 10
 * and 50 MB, for time and peak memory. Cost that grows linearly shows as flat "per MB" columns.
 * `npm run bench -- size` runs this section alone (about five minutes).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticArticle } from './check.js';
import type { BenchSection } from './core.js';
import { median } from './measure.js';

/** Article sizes in MiB, and how many cold builds of each (the median is kept). */
const SIZES = [
  { mb: 1, runs: 5 },
  { mb: 10, runs: 3 },
  { mb: 50, runs: 2 },
] as const;

/** One cold build: wall and CPU seconds, peak RSS in MB (what peak-rss.mjs reports). */
function coldBuild(args: readonly string[], cwd: string): { seconds: number; cpu: number; peakMb: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', new URL('../peak-rss.mjs', import.meta.url).href, ...args], { cwd, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`command failed (${result.status}): node ${args.join(' ')}\n${result.stderr}`);
  const field = (name: string): number => Number(new RegExp(`${name}=(\\d+)`).exec(result.stderr)?.[1] ?? NaN);
  return { seconds, cpu: field('LECTERN_CPU_MS') / 1000, peakMb: field('LECTERN_PEAK_RSS_KB') / 1024 };
}

/** The synthetic article of check.ts, repeated to `mb` MiB (about 800 bytes a section). */
function articleOf(mb: number): string {
  const unit = syntheticArticle(2).length - syntheticArticle(1).length;
  return syntheticArticle(Math.round((mb * 2 ** 20) / unit));
}

/** Run the size benchmarks from the repository root. */
export async function benchSize(root: string): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-size-'));
  const rows: string[][] = [];
  const loads: number[] = [];
  try {
    for (const { mb, runs } of SIZES) {
      const file = join(dir, `article-${mb}mb.md`);
      const text = articleOf(mb);
      await writeFile(file, text);
      const words = text.split(/\s+/).filter(Boolean).length;
      process.stderr.write(`bench: size: ${mb} MB (${runs} cold builds)…\n`);
      loads.push(loadavg()[0] ?? 0);
      const all = Array.from({ length: runs }, () => coldBuild(['bin/lectern.js', 'build', file, '--out', join(dir, `out-${mb}`)], root));
      const run = { seconds: median(all.map((r) => r.seconds)), cpu: median(all.map((r) => r.cpu)), peakMb: Math.max(...all.map((r) => r.peakMb)) };
      const target = mb === 50 ? 'under 10 s and 1 GB' : '';
      rows.push([
        `cold \`lectern build\` of a ${mb} MB article (${(words / 1e6).toFixed(2)} M words; HTML only)`,
        `${run.seconds.toFixed(1)} s`,
        `${run.cpu.toFixed(1)} s`,
        `${run.peakMb.toFixed(0)} MB`,
        `${(run.cpu / mb).toFixed(2)} s`,
        `${(run.peakMb / mb).toFixed(0)} MB`,
        target,
      ]);
      await rm(join(dir, `out-${mb}`), { recursive: true, force: true });
    }
    loads.push(loadavg()[0] ?? 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const load = `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the runs`;
  return {
    title: 'Big articles: 1, 10 and 50 MB (issue 11)',
    header: ['what', 'median time', 'median CPU time', 'peak memory', 'CPU time per MB', 'memory per MB', 'target'],
    rows,
    notes:
      `Cold builds are new \`node bin/lectern.js build\` processes (median of 5, 3 and 2 runs; CPU time — user and system — and peak RSS from \`process.resourceUsage()\`; CPU time is the steadier figure on a shared machine; ${load}), the static checks (leaks, conservation) included, as every build runs them. The article repeats the synthetic section of the issue 5 benchmark (prose, a list, a 6-line Python block, a table; about 800 bytes) to the size. Before issue 11 the cost was quadratic: 1 MB took 12 s, 10 MB 236 s and 1.5 GB on this machine (42 s and 490 MB where the issue measured it), 50 MB over 5 minutes.`,
  };
}
