/**
 * Issue 10: the installed CLI starts fast. Side by side in one run, paired (A B A B …, the ratio
 * taken pair by pair): a cold HTML-only `lectern build` of the seed against reveal-md and Marp CLI
 * on the same article, and `lectern --version` against `node -e 0` (the floor of any Node CLI).
 * Lectern is measured as a user has it: `npm pack` of this repository installed into a temporary
 * project (its compiled bundle and prebuilt runtime). Every run is a new process writing into an
 * emptied folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './core.js';
import { installPeers, paired, peerEnv, type Command } from './peers.js';

const PAIRS = 15;

/** Run the startup benchmarks from the repository root. */
export async function benchStartup(root: string): Promise<BenchSection> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-startup-'));
  const seed = join(root, 'decks', 'eventlet.md');
  const fresh = (out: string) => () => rmSync(out, { recursive: true, force: true });
  const rows: string[][] = [];
  try {
    const bin = installLectern(root, dir);
    const out = join(dir, 'lectern');
    const lectern: Command = { cmd: process.execPath, args: [bin, 'build', seed, '--out', out], cwd: root, before: fresh(out) };
    const version = paired({ cmd: process.execPath, args: [bin, '--version'], cwd: root }, { cmd: process.execPath, args: ['-e', '0'], cwd: root }, PAIRS);
    rows.push(['`lectern --version` vs `node -e 0`', `${ms(version.a)} vs ${ms(version.b)}`, `${version.ratio.toFixed(2)}×`, '≤ 1.5×']);
    const peers = installPeers();
    if (peers === undefined) {
      rows.push(['cold `lectern build` of the seed vs reveal-md, Marp CLI', 'not measured: the peers could not be installed', '', '']);
    } else {
      // The peers' own scripts, run by node as Lectern's is (no npx, no shell shim in between).
      const revealMd: Command = { cmd: process.execPath, args: [realpathSync(join(peers, 'reveal-md')), seed, '--static', join(dir, 'reveal-md')], cwd: root, env: peerEnv(), before: fresh(join(dir, 'reveal-md')) };
      const marp: Command = { cmd: process.execPath, args: [realpathSync(join(peers, 'marp')), seed, '-o', join(dir, 'marp', 'eventlet.html')], cwd: root, env: peerEnv(), before: fresh(join(dir, 'marp')) };
      const vsReveal = paired(lectern, revealMd, PAIRS);
      const vsMarp = paired(lectern, marp, PAIRS);
      rows.push(['cold `lectern build decks/eventlet.md` vs `reveal-md --static`', `${ms(vsReveal.a)} vs ${ms(vsReveal.b)}`, `${vsReveal.ratio.toFixed(2)}×`, '']);
      rows.push(['cold `lectern build decks/eventlet.md` vs `marp` (HTML)', `${ms(vsMarp.a)} vs ${ms(vsMarp.b)}`, `${vsMarp.ratio.toFixed(2)}×`, '']);
      // Whichever peer is faster, Lectern's ratio to it is the larger of the two (each from its own pairs).
      const worse = vsReveal.ratio >= vsMarp.ratio ? vsReveal : vsMarp;
      rows.push(['against the faster peer (the larger of the two ratios)', worse === vsReveal ? 'reveal-md' : 'Marp CLI', `${worse.ratio.toFixed(2)}×`, '≤ 0.5×']);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    title: 'Startup: installed CLI against its peers (issue 10)',
    header: ['what', 'median time (A vs B)', 'ratio A / B (median of pairs)', 'target'],
    rows,
    notes:
      `New processes, A and B in turn (A B A B …), ${PAIRS} pairs after one warm-up run each; the ratio is the median of the pairs' ratios, so the machine's load (shared, 2 cores) cancels out within a pair. ` +
      'Lectern is the package `npm pack` makes, installed into a temporary project (`node node_modules/lectern/bin/lectern.js`, what `npx lectern` runs); the peers run their own entry scripts with node (reveal-md 6 `--static`, Marp CLI 4 to HTML), each into an emptied folder, from the repository root. ' +
      'No browser is started by any of them.',
  };
}

/** `npm pack` this repository and install the tarball into `dir/project`; the installed bin's path. */
function installLectern(root: string, dir: string): string {
  const pack = spawnSync('npm', ['pack', '--pack-destination', dir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) throw new Error('npm pack failed');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const project = join(dir, 'project');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'package.json'), '{ "name": "bench-project", "private": true }\n');
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, `lectern-${version}.tgz`)], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  if (install.status !== 0) throw new Error('npm install of the packed lectern failed');
  return join(project, 'node_modules', 'lectern', 'bin', 'lectern.js');
}

function ms(seconds: number): string {
  return `${(seconds * 1000).toFixed(0)} ms`;
}
