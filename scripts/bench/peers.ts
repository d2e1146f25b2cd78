/**
 * The peers Lectern is measured against, side by side in one run: reveal-md and Marp CLI, installed
 * from the npm registry into a temporary folder (kept between runs under the system's temp dir, so
 * only the first bench pays for the install). Their PDF export uses the same system Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './measure.js';

/** Where the peers are installed. */
export const PEERS_DIR = join(tmpdir(), 'lectern-bench-peers');

/** Versions the bench installs (pinned, so figures compare like with like). */
const PEERS = ['@marp-team/marp-cli@4', 'reveal-md@6'];

/** Install the peers once; the folder of their `node_modules/.bin`, or undefined when npm could not. */
export function installPeers(): string | undefined {
  const bin = join(PEERS_DIR, 'node_modules', '.bin');
  if (existsSync(join(bin, 'marp')) && existsSync(join(bin, 'reveal-md'))) return bin;
  mkdirSync(PEERS_DIR, { recursive: true });
  // No browser download: the peers use the system Chromium through CHROME_PATH.
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_SKIP_CHROMIUM_DOWNLOAD: '1' };
  spawnSync('npm', ['init', '-y'], { cwd: PEERS_DIR, stdio: 'ignore', env });
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...PEERS], { cwd: PEERS_DIR, stdio: 'inherit', env });
  return install.status === 0 && existsSync(join(bin, 'marp')) ? bin : undefined;
}

/** Environment for the peers: the system browser, no sandbox as root. */
export function peerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', PUPPETEER_EXECUTABLE_PATH: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium' };
}

/** A command to time: program, arguments, working folder. */
export interface Command {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Run before each timed run, untimed (remove the previous output, so every run is cold). */
  readonly before?: () => void;
}

function wall(c: Command): number {
  c.before?.();
  const started = performance.now();
  const result = spawnSync(c.cmd, c.args, { cwd: c.cwd, env: c.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`command failed (${result.status}): ${c.cmd} ${c.args.join(' ')}\n${result.stderr}`);
  return seconds;
}

/**
 * A and B run in turn (A B A B …) after one warm-up each; the median of each and of the ratios A/B
 * pair by pair, each pair's ratio, and the machine's load (1-minute average) seen before each pair:
 * the machine is shared, and the figures mean little without it.
 */
export function paired(a: Command, b: Command, runs: number): { a: number; b: number; ratio: number; ratios: number[]; load: { min: number; max: number } } {
  wall(a);
  wall(b);
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    loads.push(loadavg()[0] ?? 0);
    const ta = wall(a);
    const tb = wall(b);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios), ratios, load: { min: Math.min(...loads), max: Math.max(...loads) } };
}
