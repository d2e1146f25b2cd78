/** Benchmark of issue 2: a cold HTML-only `lectern build` of the seed, and load → render in-process. */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { loadSources } from '../../src/load/index.js';
import { compileSource } from '../../src/compile.js';
import { loadRuntime } from '../../src/runtime/index.js';
import { repeatNode, timeMs } from './measure.js';

/** A section of BENCHMARKS.md. */
export interface BenchSection {
  readonly title: string;
  readonly rows: readonly (readonly string[])[];
  readonly header: readonly string[];
  readonly notes: string;
}

/** Run the core benchmarks from the repository root. */
export async function benchCore(root: string): Promise<BenchSection> {
  const out = await mkdtemp(join(tmpdir(), 'lectern-bench-'));
  const rows: string[][] = [];
  try {
    const seed = repeatNode(9, ['bin/lectern.js', 'build', 'decks/eventlet.md', '--out', join(out, 'seed')], root);
    rows.push(['cold `lectern build decks/eventlet.md` (HTML only, compiled CLI, new process)', `${seed.seconds.toFixed(3)} s`, `${seed.peakMb.toFixed(0)} MB`, 'under 0.30–0.35 s (half of reveal-md/Marp CLI: 0.6–0.7 s), under 150 MB']);
    const all = repeatNode(5, ['bin/lectern.js', 'build', 'decks', '--out', join(out, 'all')], root);
    rows.push([`cold \`lectern build decks\` (${readdirSync(join(root, 'decks')).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').length} decks)`, `${all.seconds.toFixed(3)} s`, `${all.peakMb.toFixed(0)} MB`, '']);

    const runtime = await loadRuntime();
    const config = resolveConfig({});
    const files = [join(root, 'decks', 'eventlet.md')];
    const corpus = join(root, '..', 'shared', 'articles', 'corpus');
    if (existsSync(corpus)) files.push(...readdirSync(corpus).map((f) => join(corpus, f)));
    for (const file of files) {
      const ms = await timeMs(30, async () => {
        const [source] = await loadSources([file]);
        await compileSource(source!, { config, runtime, thumbnail: 'svg' });
      });
      rows.push([`load → render in-process: ${file.split('/').pop()}`, `${ms.toFixed(2)} ms`, '', 'under 20 ms per article']);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  return {
    title: 'Core: article → HTML deck (issue 2)',
    header: ['what', 'median time', 'peak memory', 'target'],
    rows,
    notes: 'Cold builds are new `node bin/lectern.js` processes (median of 9 or 5 runs; peak RSS from `process.resourceUsage()`). In-process figures are the median of 30 runs after 3 warm-up runs, reading the file from disk each time. No browser and no Puppeteer are loaded for HTML-only builds.',
  };
}
