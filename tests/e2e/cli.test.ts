/**
 * The `lectern` command as a user runs it: a child process of `node bin/lectern.js`. Only what
 * needs a real process stays here — the bin starts, `--version` and `--help` on stdout, exit codes
 * as the shell sees them, a build with no inputs judged from the working folder, one real build,
 * and what a command loads (`--version` loads no pipeline, an HTML-only build no Puppeteer).
 * Parsing, messages and every bad input are tested in-process through runCli (tests/unit/cli/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stackLines, type CliRun } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/paths.js';
import { listFiles, removeDir, tempDir } from './helpers/site.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const TRACE = fileURLToPath(new URL('./helpers/trace-imports.mjs', import.meta.url));

/** Everything a run printed, for assertion messages. */
function output(run: CliRun): string {
  return `exit ${String(run.code)}\n${run.stdout}\n${run.stderr}`;
}

/** Lectern's own modules among the URLs a process resolved, relative to the repository. */
function ownModules(urls: readonly string[]): string[] {
  const root = pathToFileURL(REPO_ROOT).href;
  return [...new Set(urls.filter((u) => u.startsWith(`${root}/`) && !u.includes('/node_modules/') && !u.includes('/tests/')).map((u) => u.slice(root.length + 1)))].filter((m) => m !== 'bin/lectern.js').sort();
}

/** A run must never show a stack trace or call itself an internal error. */
function expectNoCrash(run: CliRun): void {
  expect(stackLines(output(run)), output(run)).toEqual([]);
  expect(output(run)).not.toMatch(/internal error/i);
}

describe('the lectern process', () => {
  let root: string | undefined;

  beforeAll(async () => {
    root = await tempDir('cli');
  });

  afterAll(async () => {
    await removeDir(root);
  });

  /** Run with every module the process resolves written to a file; returns the run and those URLs. */
  async function traced(name: string, args: string[]): Promise<{ run: CliRun; modules: string[] }> {
    const file = join(root as string, `${name}.imports`);
    const run = await runCli(args, { nodeArgs: ['--import', TRACE], env: { LECTERN_TRACE_IMPORTS: file } });
    const modules = existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean) : [];
    return { run, modules };
  }

  it('--version prints the package version and exits 0', async () => {
    const run = await runCli(['--version']);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain(`lectern/${VERSION}`);
    expect(run.stderr).toBe('');
  });

  it('--help lists the commands on stdout and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toMatch(/\bbuild\b/);
    expect(run.stdout).toMatch(/--version/);
  });

  it('--version loads the compiled CLI entry only: no pipeline, no Vite, no Puppeteer, no TypeScript', async () => {
    const { run, modules } = await traced('version', ['--version']);
    expect(run.code, output(run)).toBe(0);
    const ours = ownModules(modules);
    expect(ours.length, 'the trace saw no module of Lectern: is the import hook working?').toBeGreaterThan(0);
    // The entry and the one small shared chunk it needs (the error type): nothing of a command.
    expect(ours.filter((m) => m !== 'build/cli.js' && !/^build\/chunks\/errors-[\w-]+\.js$/.test(m)), ours.join('\n')).toEqual([]);
    expect(modules.filter((url) => /node_modules\/(puppeteer-core|vite|marked|parse5|highlight\.js|tsx|typescript)\//.test(url))).toEqual([]);
  });

  it('an unknown command exits 2, the message on stderr', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code, output(run)).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
    expect(run.stdout).toBe('');
    expectNoCrash(run);
  });

  it('build with no inputs and no decks/ folder in the working folder is bad usage (exit 2)', async () => {
    const empty = await tempDir('cli-cwd');
    try {
      const run = await runCli(['build'], { cwd: empty });
      expect(run.code, output(run)).toBe(2);
      expect(run.stderr).toMatch(/decks\//);
      expectNoCrash(run);
      expect(await listFiles(empty)).toEqual([]);
    } finally {
      await removeDir(empty);
    }
  });

  it('an article with an error exits 1 with file:line: error: on stderr, and writes nothing', async () => {
    const out = join(root as string, 'bad');
    const run = await runCli(['build', 'tests/fixtures/bad/unclosed-fence.md', '--out', out]);
    expect(run.code, output(run)).toBe(1);
    expect(run.stderr).toMatch(/^tests\/fixtures\/bad\/unclosed-fence\.md:9: error: .*never closed/m);
    expectNoCrash(run);
    expect(existsSync(out)).toBe(false);
  });

  it('builds the demo decks (exit 0, a line per deck) without loading Puppeteer', async () => {
    const out = join(root as string, 'site');
    const { run, modules } = await traced('build', ['build', 'decks', '--out', out]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toMatch(/^eventlet: \d+ slides, ≈ \d+ min, 2 code blocks, 0 diagnostics → /m);
    expect(run.stdout).toMatch(/^built \d+ decks into /m);
    expect(run.stderr).toBe('');
    const files = await listFiles(out);
    expect(files).toContain('index.html');
    expect(files).toContain('eventlet/index.html');
    expect(files.some((f) => f.startsWith('assets/'))).toBe(true);
    expect(ownModules(modules).every((m) => m.startsWith('build/')), 'runs the compiled bundle, not the sources').toBe(true);
    expect(modules.filter((url) => /node_modules\/(puppeteer-core|vite|rolldown|sanitize-html|qrcode|tsx)\//.test(url))).toEqual([]);
  });
});
