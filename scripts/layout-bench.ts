/**
 * `npx tsx scripts/layout-bench.ts [article…]`: what layout/ adds to a cold `lectern build`.
 * Runs over the compiled JavaScript (build/, `npm run compile` first), as the CLI runs.
 *
 * 1. Paired cold builds, alternated: `lectern build ARTICLE` (A) and the same with a preload that
 *    imports layout/ and measures every slide of the article's planned deck once (B): what a
 *    planner measuring each slide adds. Medians of wall and CPU time, and B/A.
 * 2. Inside one new process: import of layout/ (tables included), decoding the six faces, the
 *    first (cold) measurement of every slide, or of every heading and block of the article (an
 *    upper bound), and a warm one (median of 20). CPU ms.
 * Never run in tests: the machine is shared and timings are noisy (CPU time is the steadier).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig, resolveDeckOptions } from '../src/config.js';
import { loadSources } from '../src/load/index.js';
import { parseArticle } from '../src/parse/index.js';
import { planDeck } from '../src/plan/index.js';

const root = join(import.meta.dirname, '..');
const layoutUrl = pathToFileURL(join(root, 'build', 'src', 'layout', 'index.js')).href;
const RUNS = 11;

/** Prints the process's CPU time at exit (both runs load it, so it costs A and B alike). */
const HOOK = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('LAYOUT_CPU_MS=' + (u.user + u.system) / 1000 + '\\n'); });`;

/**
 * Measures the article (JSON in LAYOUT_ARTICLE) once: every slide of its planned deck (LAYOUT_MODE
 * slides, what a planner asks) or every heading and block (blocks, an upper bound); with
 * LAYOUT_REPORT, prints a breakdown.
 */
const PRELOAD = `
import { readFileSync } from 'node:fs';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const { article, deck } = JSON.parse(readFileSync(process.env.LAYOUT_ARTICLE, 'utf8'));
const t0 = cpu();
const L = await import(${JSON.stringify(layoutUrl)});
const t1 = cpu();
for (const key of ['inter-400-normal', 'inter-400-italic', 'inter-600-normal', 'inter-700-normal', 'mono-400-normal', 'mono-700-normal']) L.getFace(key);
const t2 = cpu();
const g = L.slideGeometry();
const flow = L.bodyFlow(g);
const measureAll = process.env.LAYOUT_MODE === 'blocks' ? () => {
  const walk = (sections) => { for (const s of sections) { L.measureTitle(s.heading, g); for (const b of s.blocks) L.measureBlock(b, flow); walk(s.children); } };
  for (const b of article.intro) L.measureBlock(b, flow);
  walk(article.sections);
} : () => { for (const stack of deck.stacks ?? deck.slides) for (const slide of Array.isArray(stack) ? stack : [stack]) L.measureSlide(slide, g); };
measureAll();
const t3 = cpu();
if (process.env.LAYOUT_REPORT) {
  const warm = [];
  for (let i = 0; i < 20; i++) { const a = cpu(); measureAll(); warm.push(cpu() - a); }
  warm.sort((a, b) => a - b);
  console.log(JSON.stringify({ importMs: t1 - t0, decodeMs: t2 - t1, coldMs: t3 - t2, warmMs: warm[10] }));
}
`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One `node` run: wall ms and the CPU ms the hook reported. */
function run(args: readonly string[], env: NodeJS.ProcessEnv): { wall: number; cpu: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return { wall, cpu: Number(/LAYOUT_CPU_MS=([\d.]+)/.exec(result.stderr)?.[1] ?? NaN), stdout: result.stdout };
}

async function main(): Promise<void> {
  if (!existsSync(new URL(layoutUrl))) throw new Error('build/src/layout is missing: run `npm run compile` first');
  const shared = join(root, '..', 'shared', 'articles', 'corpus');
  const articles = process.argv.slice(2);
  if (articles.length === 0) {
    articles.push(join(root, 'decks', 'eventlet.md'));
    if (existsSync(shared)) articles.push(join(shared, 'react-dev-blog_react-19-upgrade-guide.md'), join(shared, 'rust-blog_introducing-MIR.md'));
  }
  const dir = mkdtempSync(join(tmpdir(), 'lectern-layout-bench-'));
  const hook = pathToFileURL(join(dir, 'hook.mjs')).href;
  const preload = pathToFileURL(join(dir, 'preload.mjs')).href;
  writeFileSync(new URL(hook), HOOK);
  writeFileSync(new URL(preload), PRELOAD);
  const builds: string[] = [];
  const parts: string[] = [];
  try {
    for (const file of articles) {
      const [source] = await loadSources([file]);
      const json = join(dir, 'article.json');
      const article = parseArticle(source!);
      const deck = planDeck(article, resolveDeckOptions(resolveConfig({}), {}));
      writeFileSync(json, JSON.stringify({ article, deck }));
      const env = { LAYOUT_ARTICLE: json, LAYOUT_MODE: 'slides' };
      const cli = ['bin/lectern.js', 'build', file, '--out', join(dir, 'out')];
      const a: { wall: number; cpu: number }[] = [];
      const b: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        a.push(run(['--import', hook, ...cli], env));
        b.push(run(['--import', hook, '--import', preload, ...cli], env));
      }
      const name = `${file.split('/').pop()} (${(source!.body.length / 1024).toFixed(0)} KiB)`;
      const [aw, bw, ac, bc] = [median(a.map((r) => r.wall)), median(b.map((r) => r.wall)), median(a.map((r) => r.cpu)), median(b.map((r) => r.cpu))];
      // The least CPU time of each side: on a shared machine, the run least disturbed by the others.
      const [am, bm] = [Math.min(...a.map((r) => r.cpu)), Math.min(...b.map((r) => r.cpu))];
      builds.push(`| ${name} | ${aw.toFixed(0)} | ${bw.toFixed(0)} | ${(bw / aw).toFixed(3)} | ${ac.toFixed(0)} | ${bc.toFixed(0)} | ${(bc / ac).toFixed(3)} | ${am.toFixed(0)} → ${bm.toFixed(0)} (${(bm / am).toFixed(3)}) |`);
      for (const mode of ['slides', 'blocks']) {
        const inside = Array.from({ length: RUNS }, () => JSON.parse(run(['--import', hook, '--input-type=module', '-e', `await import(${JSON.stringify(preload)})`], { ...env, LAYOUT_MODE: mode, LAYOUT_REPORT: '1' }).stdout) as Record<string, number>);
        const m = (key: string): string => `${median(inside.map((r) => r[key]!)).toFixed(1)} (${Math.min(...inside.map((r) => r[key]!)).toFixed(1)})`;
        const what = mode === 'slides' ? `every slide of the deck (${deck.stacks.flat().length})` : 'every heading and block';
        parts.push(`| ${name} | ${what} | ${m('importMs')} | ${m('decodeMs')} | ${m('coldMs')} | ${m('warmMs')} |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      `Cold \`lectern build\` (A) and the same plus layout/ measuring every heading and block once (B), medians of ${RUNS} alternated runs, Node ${process.version}:`,
      '',
      '| article | A wall ms | B wall ms | B/A | A CPU ms | B CPU ms | B/A | least CPU ms, A → B (B/A) |',
      '|---|---|---|---|---|---|---|---|',
      ...builds,
      '',
      `Inside a new process (CPU ms, median (least) of ${RUNS}):`,
      '',
      '| article | measured | import layout/ (tables included) | decode 6 faces | measure, cold | measure, warm |',
      '|---|---|---|---|---|---|',
      ...parts,
      '',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
