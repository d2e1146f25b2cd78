/** Timing helpers for the benchmarks (never used by tests: this machine is shared and noisy). */
import { spawnSync } from 'node:child_process';

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One run of a command: wall seconds and the peak RSS the child reported (MB). */
export interface CommandRun {
  readonly seconds: number;
  readonly peakMb: number;
}

/** Run `node --import peak-rss.mjs <args>` and measure it; throws when the command fails. */
export function runNode(args: readonly string[], cwd: string): CommandRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', new URL('../peak-rss.mjs', import.meta.url).href, ...args], { cwd, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`command failed (${result.status}): node ${args.join(' ')}\n${result.stderr}`);
  const kb = Number(/LECTERN_PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { seconds, peakMb: kb / 1024 };
}

/** Median seconds and max peak memory over `n` runs. */
export function repeatNode(n: number, args: readonly string[], cwd: string): { seconds: number; peakMb: number; runs: number } {
  const runs = Array.from({ length: n }, () => runNode(args, cwd));
  return { seconds: median(runs.map((r) => r.seconds)), peakMb: Math.max(...runs.map((r) => r.peakMb)), runs: n };
}

/** Median milliseconds of `fn` over `n` runs after `warmup` unmeasured ones. */
export async function timeMs(n: number, fn: () => unknown, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}
