/**
 * The `lectern` command as a user runs it (a child process of `node bin/lectern.js`): help,
 * version, usage errors, and every bad input issue 2 names. Each failing build goes into the same
 * output folder as an earlier good build, which must come out of it untouched.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stackLines, type CliRun } from './helpers/cli.js';
import { listFiles, removeDir, tempDir } from './helpers/site.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const BAD = 'tests/fixtures/bad';

/** Everything a run printed, for assertions on messages wherever they went. */
function output(run: CliRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

/** A run must never show a stack trace or call itself an internal error. */
function expectNoCrash(run: CliRun): void {
  expect(stackLines(output(run)), output(run)).toEqual([]);
  expect(output(run)).not.toMatch(/internal error/i);
}

describe('lectern --help, --version and bad usage', () => {
  it('--help lists the build command and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\bbuild\b/);
    expect(run.stdout).toMatch(/--version/);
  });

  it('build --help lists its options', async () => {
    const run = await runCli(['build', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--out', '--theme', '--strict']) expect(run.stdout).toContain(flag);
  });

  it('--version prints the package version and exits 0', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(VERSION);
  });

  it.each([
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['no command', [], /no command/],
    ['an unknown flag on build', ['build', '--bogus', 'decks/eventlet.md', '--out', '/dev/null/never'], /--bogus/],
    ['a flag without its value', ['build', 'decks/eventlet.md', '--theme'], /--theme/],
  ])('%s exits 2 with a message and no stack trace', async (_what, args, message) => {
    const run = await runCli(args);
    expect(run.code, output(run)).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/lectern --help|lectern build --help/);
    expectNoCrash(run);
  });

  it('build with no inputs and no decks/ folder is bad usage (exit 2)', async () => {
    const empty = await tempDir('cli-cwd');
    try {
      const run = await runCli(['build'], { cwd: empty });
      expect(run.code, output(run)).toBe(2);
      expect(run.stderr).toMatch(/decks\//);
      expectNoCrash(run);
    } finally {
      await removeDir(empty);
    }
  });
});

describe('lectern build on good and bad input', () => {
  let root: string | undefined;
  let out: string;
  /** The earlier, good output: relative path → bytes, and each deck page's mtime. */
  const before = new Map<string, Buffer>();
  const mtimes = new Map<string, number>();

  beforeAll(async () => {
    root = await tempDir('cli');
    out = join(root, 'out');
    const run = await runCli(['build', 'decks', '--out', out]);
    expect(run.code, output(run)).toBe(0);
    for (const file of await listFiles(out)) {
      before.set(file, await readFile(join(out, file)));
      if (file.endsWith('index.html')) mtimes.set(file, (await stat(join(out, file))).mtimeMs);
    }
  });

  afterAll(async () => {
    await removeDir(root);
  });

  /** The earlier output is exactly as it was: same files, same bytes, not even rewritten; no temp files. */
  async function expectOutputIntact(): Promise<void> {
    const now = await listFiles(out);
    expect(now.filter((f) => f.split('/').some((part) => part.startsWith('.lectern-tmp-')))).toEqual([]);
    expect(now).toEqual([...before.keys()]);
    for (const [file, bytes] of before) {
      expect((await readFile(join(out, file))).equals(bytes), `${file} changed`).toBe(true);
    }
    for (const [file, mtime] of mtimes) expect((await stat(join(out, file))).mtimeMs, `${file} was rewritten`).toBe(mtime);
  }

  it('builds the demo decks, one line per deck, exit 0', () => {
    expect(before.has('index.html')).toBe(true);
    expect(before.has('eventlet/index.html')).toBe(true);
    expect([...before.keys()].some((f) => f.startsWith('assets/'))).toBe(true);
  });

  it('prints one line per deck with slides, code blocks and diagnostics', async () => {
    const other = join(root as string, 'lines');
    const run = await runCli(['build', 'decks/eventlet.md', '--out', other]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toMatch(/^eventlet: \d+ slides, 2 code blocks, 0 diagnostics/m);
    expect(run.stderr).toBe('');
  });

  // [what, args, exit code, pattern the message must match (file, and line where there is one)]
  const failures: [string, string[], number, RegExp][] = [
    ['a missing file', [`${BAD}/does-not-exist.md`], 1, /tests\/fixtures\/bad\/does-not-exist\.md: error: .*no such file/],
    ['a folder with no articles', [`${BAD}/no-articles`], 1, /tests\/fixtures\/bad\/no-articles: error: .*no articles/],
    // The bad line is line 4: the unclosed flow list on line 3 runs into `layout:`.
    ['invalid YAML front matter', [`${BAD}/invalid-yaml.md`], 1, /tests\/fixtures\/bad\/invalid-yaml\.md:4: error: .*YAML/],
    ['an unclosed code fence', [`${BAD}/unclosed-fence.md`], 1, /tests\/fixtures\/bad\/unclosed-fence\.md:9: error: .*never closed/],
    ['an empty article', [`${BAD}/empty.md`], 1, /tests\/fixtures\/bad\/empty\.md: error: .*no content/],
    ['an article with only front matter', [`${BAD}/front-matter-only.md`], 1, /tests\/fixtures\/bad\/front-matter-only\.md: error: .*no content/],
    ['an unknown language with --strict', [`${BAD}/unknown-language.md`, '--strict'], 1, /tests\/fixtures\/bad\/unknown-language\.md:9: warning: .*klingon/],
    ['an unknown theme', ['decks/eventlet.md', '--theme', 'nope'], 1, /unknown theme "nope"[\s\S]*available themes: .*dark.*eventlet.*light/],
    ['a good article beside a bad one', ['decks/eventlet.md', `${BAD}/unclosed-fence.md`], 1, /tests\/fixtures\/bad\/unclosed-fence\.md:9: error:/],
  ];

  it.each(failures)('%s: a clear message naming the file, non-zero exit, earlier output intact', async (_what, args, code, message) => {
    const run = await runCli(['build', ...args, '--out', out]);
    expect(run.code, output(run)).toBe(code);
    expect(run.stderr).toMatch(message);
    expectNoCrash(run);
    await expectOutputIntact();
  });

  it('an unknown code language is a warning with file:line, and the deck is still built (exit 0)', async () => {
    const other = join(root as string, 'warn');
    const run = await runCli(['build', `${BAD}/unknown-language.md`, '--out', other]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stderr).toMatch(/tests\/fixtures\/bad\/unknown-language\.md:9: warning: .*klingon/);
    expect(run.stdout).toMatch(/^unknown-language: \d+ slides, 1 code blocks, 1 diagnostics/m);
    expect(existsSync(join(other, 'unknown-language', 'index.html'))).toBe(true);
    expectNoCrash(run);
  });
});
