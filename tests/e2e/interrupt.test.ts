/**
 * Nothing lingers (issue 11, findings 5 and 6): a real `lectern build --pdf`, in a child process
 * with its own TMPDIR, is sent SIGINT at several moments — while the browser starts, as soon as
 * Chromium runs, while decks print — and afterwards no process of that run is left (every process
 * carrying that TMPDIR is counted, Chromium's included), its temporary folder is empty (profile,
 * scratch site, Chromium's `org.chromium.Chromium.*` folders) and the output folder is exactly the
 * earlier build. A browser that hangs is given up after `--timeout`, also leaving nothing; a
 * 20000×20000 image fails with an error naming the deck, not an internal error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './helpers/browser.js';
import { runCli, stackLines } from './helpers/cli.js';
import { LECTERN_BIN, REPO_ROOT, SEED_ARTICLE } from './helpers/paths.js';
import { listFiles } from './helpers/site.js';

const skip = process.platform !== 'linux' ? 'needs /proc (Linux)' : browserSkipReason();

/**
 * The processes of one run: their environment holds `LECTERN_TEST_RUN=<dir>` (set for the run and
 * inherited by everything it starts, whatever TMPDIR the browser is given).
 */
async function processesWithTmp(dir: string): Promise<{ pid: number; command: string }[]> {
  const found: { pid: number; command: string }[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const environ = await readFile(`/proc/${name}/environ`, 'latin1').catch(() => '');
    if (!environ.split('\0').includes(`LECTERN_TEST_RUN=${dir}`)) continue;
    const command = (await readFile(`/proc/${name}/cmdline`, 'latin1').catch(() => '')).split('\0').join(' ');
    found.push({ pid: Number(name), command });
  }
  return found;
}

/** Poll `check` until it holds (a moment of the run); false when the run ended first. */
async function until(child: ChildProcess, check: () => Promise<boolean>): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/** Processes die a little after SIGKILL: wait (bounded by the test's timeout) until none is left. */
async function settled(tmp: string): Promise<{ pid: number; command: string }[]> {
  for (let i = 0; i < 100; i++) {
    const left = await processesWithTmp(tmp);
    if (left.length === 0) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
  return processesWithTmp(tmp);
}

/**
 * What a run left in its temporary folder. `tsx-*` is tsx's compile cache, made when bin/lectern.js
 * runs the TypeScript sources (a checkout whose sources are newer than its compiled CLI): tsx's,
 * not Lectern's.
 */
async function leftovers(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => !name.startsWith('tsx-'));
}

/** path → sha256 of every file under `dir`. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await listFiles(dir)) out.set(file, createHash('sha256').update(await readFile(join(dir, file))).digest('hex'));
  return out;
}

/** A 1-bit greyscale PNG of width × height (small on disk, huge once decoded). */
function hugePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(Math.ceil(width / 8), 0x55)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe.skipIf(skip !== '')(`Ctrl-C and hung browsers leave nothing behind${skip ? ` (${skip})` : ''}`, () => {
  let root: string;
  let decks: string;
  let out: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-interrupt-'));
    decks = join(root, 'decks');
    out = join(root, 'dist');
    await mkdir(decks);
    // Three decks: printing lasts long enough to be interrupted in the middle of it.
    for (const slug of ['one', 'two', 'three']) await copyFile(SEED_ARTICLE, join(decks, `${slug}.md`));
    const first = await runCli(['build', decks, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    before = await snapshot(out);
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Start `lectern build --pdf` with its own TMPDIR; resolves when it has exited. */
  function startBuild(tmp: string, extra: readonly string[] = []): { child: ChildProcess; exited: Promise<void>; stderr: () => string } {
    const child = spawn(process.execPath, [LECTERN_BIN, 'build', decks, '--out', out, '--pdf', ...extra], {
      cwd: REPO_ROOT,
      env: { ...process.env, TMPDIR: tmp, LECTERN_TEST_RUN: tmp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout!.resume();
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    return { child, exited, stderr: () => stderr };
  }

  /** Decks placed in the scratch site the browser prints from (its folder `0/`, one sub-folder per deck). */
  const placedDecks = async (tmp: string): Promise<number> => {
    const site = (await readdir(tmp)).find((f) => f.startsWith('lectern-site-'));
    if (site === undefined) return 0;
    return (await readdir(join(tmp, site, '0')).catch(() => [] as string[])).filter((f) => f !== 'assets').length;
  };

  const chromium = async (tmp: string): Promise<number> => (await processesWithTmp(tmp)).filter((p) => /chrom/i.test(p.command)).length;

  // [moment, the condition that marks it]
  const moments: [string, (tmp: string) => Promise<boolean>][] = [
    ['while the browser is being started (its session folder exists)', async (tmp) => (await readdir(tmp)).some((f) => f.startsWith('lectern-chromium-'))],
    ['as soon as the first Chromium process runs', async (tmp) => (await chromium(tmp)) >= 1],
    ['once Chromium runs its helpers and a renderer', async (tmp) => (await chromium(tmp)) >= 4],
    ['while the second deck prints (two decks placed in the scratch site)', async (tmp) => (await placedDecks(tmp)) >= 2],
  ];

  /**
   * A fresh TMPDIR for one run. Short by default; `long`, a TMPDIR too long for Chromium's socket
   * to fit in a session folder inside it (as macOS's is): Lectern then puts its session in /tmp.
   */
  async function freshTmp(long = false): Promise<string> {
    const dir = long ? await mkdtemp(join(root, 'a-temporary-folder-with-a-rather-long-name-')) : await mkdtemp(join(tmpdir(), 'li-'));
    temps.push(dir);
    return dir;
  }
  const temps: string[] = [];
  afterAll(async () => {
    for (const dir of temps) await rm(dir, { recursive: true, force: true });
  });

  it.each([...moments.map(([m, r]) => [m, r, false] as const), [`${moments[2]![0]}, with a long TMPDIR`, moments[2]![1], true] as const])('SIGINT %s: no process, no temporary folder, the output as it was', async (_moment, reached, long) => {
    const tmp = await freshTmp(long);
    const run = startBuild(tmp);
    const hit = await until(run.child, () => reached(tmp));
    run.child.kill('SIGINT');
    await run.exited;
    expect(hit, `the build ended before the moment was reached:\n${run.stderr()}`).toBe(true);
    expect(run.child.exitCode === 130 || run.child.signalCode === 'SIGINT', `exit ${run.child.exitCode} ${run.child.signalCode}`).toBe(true);
    expect(await settled(tmp)).toEqual([]);
    expect(await leftovers(tmp)).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a browser that never answers is given up after --timeout, leaving nothing', async () => {
    const tmp = await freshTmp();
    const fake = join(root, 'hanging-browser');
    // A "browser" that starts a helper and never prints its DevTools address.
    await writeFile(fake, '#!/bin/sh\nsleep 300 &\nwait\n');
    await chmod(fake, 0o755);
    const run = startBuild(tmp, ['--browser', fake, '--timeout', '2']);
    await run.exited;
    expect(run.child.exitCode, run.stderr()).toBe(1);
    expect(run.stderr()).toMatch(/^error: the browser .*hanging-browser did not start within 2 s$/m);
    expect(run.stderr()).toMatch(/--timeout/);
    expect(stackLines(run.stderr())).toEqual([]);
    expect(await settled(tmp)).toEqual([]);
    expect(await leftovers(tmp)).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a 20000×20000 image fails the PDF build with an error naming the deck (or prints), never an internal error', async () => {
    const big = join(root, 'big');
    await mkdir(big);
    await writeFile(join(big, 'huge.png'), hugePng(20_000, 20_000));
    await writeFile(join(big, 'huge.md'), '# Huge picture\n\nA deck with a huge image.\n\n## The picture\n\n![a huge picture](huge.png)\n');
    const tmp = await freshTmp();
    const run = await runCli(['build', big, '--pdf', '--out', join(root, 'big-out'), '--timeout', '20'], { env: { TMPDIR: tmp, LECTERN_TEST_RUN: tmp }, timeoutMs: 150_000 });
    const shown = `exit ${run.code}\n${run.stderr}`;
    expect(run.stderr, shown).not.toMatch(/internal error|TimeoutError/);
    expect(stackLines(run.stderr), shown).toEqual([]);
    if (run.code !== 0) {
      expect(run.code, shown).toBe(1);
      expect(run.stderr, shown).toMatch(/huge\.md: error: deck huge: /);
      expect(existsSync(join(root, 'big-out')), shown).toBe(false);
    }
    expect(await settled(tmp)).toEqual([]);
    expect(await leftovers(tmp)).toEqual([]);
  }, 180_000);
});
