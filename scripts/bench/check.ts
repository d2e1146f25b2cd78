/**
 * Benchmark of issue 5: the build time of the longest corpus article (cold CLI, HTML only, and
 * `lectern check` with its browser), in-process throughput over every shared article (load →
 * render, no browser), and a synthetic article scaled 1×, 10×, 100× to show how cost grows.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { loadSources } from '../../src/load/index.js';
import { compileSource } from '../../src/compile.js';
import { loadRuntime } from '../../src/runtime/index.js';
import type { BenchSection } from './core.js';
import { repeatNode, runNode, timeMs } from './measure.js';

/** Every article of the shared folders (absent on a bare clone: then none). */
function sharedArticles(root: string): string[] {
  const base = join(root, '..', 'shared', 'articles');
  return ['eventlet-site', 'corpus'].flatMap((folder) => {
    const dir = join(base, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /\.(md|markdown|html?|mdx)$/i.test(f) && !/^readme\./i.test(f))
      .sort()
      .map((f) => join(dir, f));
  });
}

const WORDS = 'the deck keeps every word of the article while each slide shows only its key points and the speaker reads the rest from the notes'.split(' ');

/** A deterministic Markdown article of `units` sections (about 160 words each: prose, a list, code, a table). */
export function syntheticArticle(units: number): string {
  const sentence = (seed: number, n: number): string => {
    const words = Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const parts = ['---', 'title: Synthetic talk', '---', '', '# Synthetic talk', '', sentence(1, 20), ''];
  for (let u = 0; u < units; u++) {
    parts.push(`## Section ${u + 1}`, '', `${sentence(u, 12)} ${sentence(u + 1, 8)} ${sentence(u + 2, 12)}`, '', `${sentence(u + 3, 15)} ${sentence(u + 4, 8)}`, '');
    for (let i = 0; i < 4; i++) parts.push(`- ${sentence(u + i, 7)}`);
    parts.push('', `${sentence(u + 5, 7)} The code below shows it:`, '', '```python');
    for (let i = 0; i < 6; i++) parts.push(`value_${i} = compute(${u}, ${i})`);
    parts.push('```', '', '| name | value | note |', '|---|---|---|');
    for (let i = 0; i < 2; i++) parts.push(`| item ${i} | ${u * i} | ${sentence(u + i, 4)} |`);
    parts.push('');
  }
  return parts.join('\n');
}

/** Run the check benchmarks from the repository root. */
export async function benchCheck(root: string): Promise<BenchSection> {
  const rows: string[][] = [];
  const out = await mkdtemp(join(tmpdir(), 'lectern-bench-check-'));
  const runtime = await loadRuntime();
  const config = resolveConfig({});
  const compileFile = async (file: string): Promise<void> => {
    const [source] = await loadSources([file]);
    await compileSource(source!, { config, runtime, thumbnail: 'svg' });
  };
  try {
    const articles = sharedArticles(root);
    const words = (f: string): number => readFileSync(f, 'utf8').split(/\s+/).filter(Boolean).length;
    const longest = [...articles].sort((a, b) => words(b) - words(a))[0];
    if (longest !== undefined) {
      const name = longest.split('/').pop() ?? longest;
      const cold = repeatNode(5, ['bin/lectern.js', 'build', longest, '--out', join(out, 'longest')], root);
      rows.push([`cold \`lectern build\` of the longest article (${name}, ${words(longest)} words; HTML only)`, `${cold.seconds.toFixed(3)} s`, `${cold.peakMb.toFixed(0)} MB`, 'under 0.5 s']);
      const inProcess = await timeMs(20, () => compileFile(longest));
      rows.push([`the same, in-process load → render`, `${inProcess.toFixed(1)} ms`, '', '']);
      const check = runNode(['bin/lectern.js', 'check', longest], root);
      rows.push([`cold \`lectern check\` of it (Chromium launched, measured, fit loop)`, `${check.seconds.toFixed(2)} s`, `${check.peakMb.toFixed(0)} MB`, '']);
    }
    if (articles.length > 0) {
      for (const f of articles) await compileFile(f); // warm up
      const rounds = 5;
      const started = performance.now();
      for (let r = 0; r < rounds; r++) for (const f of articles) await compileFile(f);
      const seconds = (performance.now() - started) / 1000;
      const total = articles.reduce((n, f) => n + words(f), 0);
      rows.push([`in-process throughput over ${articles.length} shared articles (${total} words; load → render, no browser)`, `${((articles.length * rounds) / seconds).toFixed(0)} articles/s`, '', `${((total * rounds) / seconds / 1000).toFixed(0)}k words/s`]);
    }
    for (const scale of [1, 10, 100]) {
      const file = join(out, `synthetic-${scale}x.md`);
      const text = syntheticArticle(scale);
      await writeFile(file, text);
      const n = text.split(/\s+/).filter(Boolean).length;
      const ms = await timeMs(scale === 100 ? 7 : 15, () => compileFile(file));
      rows.push([`synthetic article ${scale}× (${n} words), load → render`, `${ms.toFixed(1)} ms`, '', `${((ms / n) * 1000).toFixed(2)} ms per 1,000 words${scale === 100 ? '; target under 1 s' : ''}`]);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  return {
    title: 'Real articles and scale (issue 5)',
    header: ['what', 'median time', 'peak memory', 'target / note'],
    rows,
    notes:
      'Cold runs are new `node bin/lectern.js` processes (median of 5; the check is one run). In-process figures are medians after warm-up runs, reading the file each time. The synthetic article repeats one ~160-word section (paragraphs, a list, a 6-line code block, a table); "ms per 1,000 words" staying flat from 1× to 100× means cost grows linearly.',
  };
}
