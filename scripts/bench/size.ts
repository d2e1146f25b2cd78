/**
 * Benchmark of issue 11 (finding 4): a cold HTML-only `lectern build` of generated articles of 1, 10
 * and 50 MB, for time and peak memory. Cost that grows linearly shows as flat "per MB" columns.
 * `npm run bench -- size` runs this section alone (about five minutes).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticArticle } from './check.js';
import type { BenchSection } from './core.js';
import { repeatNode } from './measure.js';

/** Article sizes in MiB, and how many cold builds of each (the median is kept). */
const SIZES = [
  { mb: 1, runs: 5 },
  { mb: 10, runs: 3 },
  { mb: 50, runs: 2 },
] as const;

/** The synthetic article of check.ts, repeated to `mb` MiB (about 800 bytes a section). */
function articleOf(mb: number): string {
  const unit = syntheticArticle(2).length - syntheticArticle(1).length;
  return syntheticArticle(Math.round((mb * 2 ** 20) / unit));
}

/** Run the size benchmarks from the repository root. */
export async function benchSize(root: string): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-size-'));
  const rows: string[][] = [];
  try {
    for (const { mb, runs } of SIZES) {
      const file = join(dir, `article-${mb}mb.md`);
      const text = articleOf(mb);
      await writeFile(file, text);
      const words = text.split(/\s+/).filter(Boolean).length;
      process.stderr.write(`bench: size: ${mb} MB (${runs} cold builds)…\n`);
      const run = repeatNode(runs, ['bin/lectern.js', 'build', file, '--out', join(dir, `out-${mb}`)], root);
      const target = mb === 50 ? 'under 10 s and 1 GB' : '';
      rows.push([
        `cold \`lectern build\` of a ${mb} MB article (${(words / 1e6).toFixed(2)} M words; HTML only)`,
        `${run.seconds.toFixed(1)} s`,
        `${run.peakMb.toFixed(0)} MB`,
        `${(run.seconds / mb).toFixed(2)} s`,
        `${(run.peakMb / mb).toFixed(0)} MB`,
        target,
      ]);
      await rm(join(dir, `out-${mb}`), { recursive: true, force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    title: 'Big articles: 1, 10 and 50 MB (issue 11)',
    header: ['what', 'median time', 'peak memory', 'time per MB', 'memory per MB', 'target'],
    rows,
    notes:
      'Cold builds are new `node bin/lectern.js build` processes (median of 5, 3 and 2 runs; peak RSS from `process.resourceUsage()`), the static checks (leaks, conservation) included, as every build runs them. The article repeats the synthetic section of the issue 5 benchmark (prose, a list, a 6-line Python block, a table; about 800 bytes) to the size. Before issue 11 the cost was quadratic: 1 MB took 12 s, 10 MB 236 s and 1.5 GB on this machine (42 s and 490 MB where the issue measured it), 50 MB over 5 minutes.',
  };
}
