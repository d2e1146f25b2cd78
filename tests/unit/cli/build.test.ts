/**
 * `lectern build` (and `pdf`, `check` where no browser is needed) in-process through `runCli`: a
 * build into a temporary folder prints one line per deck and exits 0; every bad input issue 2
 * names exits 1 with `file[:line]: error:` and leaves an earlier good build in the same folder
 * untouched; a browser that does not exist fails `--pdf`, `pdf` and `check` with exit 1, writing
 * nothing. (Converted from tests/e2e/cli.test.ts, which keeps a few real process runs.)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, shown, stackLines, type CliRun } from './io.js';

const BAD = 'tests/fixtures/bad';
const NO_BROWSER = '/nonexistent/lectern-test/chrome';

/** A run must never show a stack trace or call itself an internal error. */
function expectNoCrash(run: CliRun): void {
  expect(stackLines(`${run.stdout}\n${run.stderr}`), shown(run)).toEqual([]);
  expect(run.stderr).not.toMatch(/internal error/i);
}

/** Every file under `dir`, relative and `/`-separated, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('lectern build, in-process', () => {
  let root: string;
  let out: string;
  let first: CliRun;
  /** The earlier, good output: relative path → bytes, and each file's mtime. */
  const before = new Map<string, Buffer>();
  const mtimes = new Map<string, number>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-cli-build-'));
    out = join(root, 'out');
    first = await cli('build', 'decks', '--out', out);
    for (const file of await listFiles(out)) {
      before.set(file, await readFile(join(out, file)));
      mtimes.set(file, (await stat(join(out, file))).mtimeMs);
    }
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** The earlier output is exactly as it was: same files, same bytes, not even rewritten; no temp files. */
  async function expectOutputIntact(): Promise<void> {
    const now = await listFiles(out);
    expect(now.filter((f) => f.split('/').some((part) => part.startsWith('.lectern-tmp-')))).toEqual([]);
    expect(now).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect((await readFile(join(out, file))).equals(bytes), `${file} changed`).toBe(true);
    for (const [file, mtime] of mtimes) expect((await stat(join(out, file))).mtimeMs, `${file} was rewritten`).toBe(mtime);
  }

  it('builds the demo decks into the folder, exit 0, a line per deck and a summary on stdout', () => {
    expect(first.code, shown(first)).toBe(0);
    expect(before.has('index.html')).toBe(true);
    expect(before.has('eventlet/index.html')).toBe(true);
    expect(before.has('.lectern-manifest.json')).toBe(true);
    expect([...before.keys()].some((f) => f.startsWith('assets/'))).toBe(true);
    const decks = [...before.keys()].filter((f) => /^[^/]+\/index\.html$/.test(f)).map((f) => f.split('/')[0]);
    for (const slug of decks) expect(first.stdout).toMatch(new RegExp(`^${slug}: \\d+ slides, ≈ \\d+ min, \\d+ code blocks, \\d+ diagnostics → `, 'm'));
    expect(first.stdout).toMatch(new RegExp(`^built ${decks.length} decks into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ in `, 'm'));
  });

  it('prints the seed’s line with its slides, code blocks, diagnostics and page; nothing on stderr', async () => {
    const other = join(root, 'lines');
    const run = await cli('build', 'decks/eventlet.md', '--out', other);
    expect(run.code, shown(run)).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^eventlet: \\d+ slides, ≈ \\d+ min, 2 code blocks, 0 diagnostics → ${join(other, 'eventlet', 'index.html')}$`, 'm'));
    expect(run.stdout).toMatch(/^built 1 deck into /m);
    expect(run.stderr).toBe('');
    expect(existsSync(join(other, 'eventlet', 'index.html'))).toBe(true);
  });

  it('--quiet builds the same and prints nothing when nothing is wrong; warnings still show', async () => {
    const other = join(root, 'quiet');
    const run = await cli('build', 'decks/eventlet.md', '--out', other, '--quiet');
    expect(run.code, shown(run)).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(existsSync(join(other, 'eventlet', 'index.html'))).toBe(true);
    const warned = await cli('build', 'tests/fixtures/config/front-matter-key.md', '--out', join(root, 'quiet-warned'), '-q');
    expect(warned.code, shown(warned)).toBe(0);
    expect(warned.stdout).toBe('');
    expect(warned.stderr).toMatch(/^tests\/fixtures\/config\/front-matter-key\.md:4: warning: unknown deck option "maxPoint" \(did you mean "maxPoints"\?\); it is ignored \[front-matter-unknown-key\]$/m);
  });

  it('reads the lectern.config.ts --config names and warns about an unknown key, naming the nearest', async () => {
    const run = await cli('build', 'decks/eventlet.md', '--out', join(root, 'ts-config'), '--config', 'tests/fixtures/config/ts/lectern.config.ts');
    expect(run.code, shown(run)).toBe(0);
    expect(run.stderr).toMatch(/^tests\/fixtures\/config\/ts\/lectern\.config\.ts:8: warning: unknown option "maxPoint" \(did you mean "maxPoints"\?\); it is ignored \[config-unknown-key\]$/m);
    const page = await readFile(join(root, 'ts-config', 'eventlet', 'index.html'), 'utf8');
    expect(page).toMatch(/theme-dark-[\w-]+\.css/);
    expect(page).toContain('"width":1024');
  });

  it('a second build into the same folder after a deck is gone says it removed that deck’s files', async () => {
    const other = join(root, 'shrink');
    expect((await cli('build', 'decks', '--out', other)).code).toBe(0);
    const run = await cli('build', 'decks/eventlet.md', '--out', other);
    expect(run.code, shown(run)).toBe(0);
    expect(run.stdout).toMatch(/^removed \d+ files of decks no longer built$/m);
    expect((await listFiles(other)).filter((f) => /^[^/]+\/index\.html$/.test(f))).toEqual(['eventlet/index.html']);
  });

  // [what, args, pattern the message must match (file, and line where there is one)]
  const failures: [string, string[], RegExp][] = [
    ['a missing file', [`${BAD}/does-not-exist.md`], /^tests\/fixtures\/bad\/does-not-exist\.md: error: .*no such file/m],
    ['a folder with no articles', [`${BAD}/no-articles`], /^tests\/fixtures\/bad\/no-articles: error: .*no articles/m],
    // The bad line is line 4: the unclosed flow list on line 3 runs into `layout:`.
    ['invalid YAML front matter', [`${BAD}/invalid-yaml.md`], /^tests\/fixtures\/bad\/invalid-yaml\.md:4: error: .*YAML/m],
    ['an unclosed code fence', [`${BAD}/unclosed-fence.md`], /^tests\/fixtures\/bad\/unclosed-fence\.md:9: error: .*never closed/m],
    ['an empty article', [`${BAD}/empty.md`], /^tests\/fixtures\/bad\/empty\.md: error: .*no content/m],
    ['an article with only front matter', [`${BAD}/front-matter-only.md`], /^tests\/fixtures\/bad\/front-matter-only\.md: error: .*no content/m],
    ['an unknown language with --strict', [`${BAD}/unknown-language.md`, '--strict'], /^tests\/fixtures\/bad\/unknown-language\.md:9: warning: .*klingon/m],
    ['an unknown theme', ['decks/eventlet.md', '--theme', 'nope'], /unknown theme "nope"[\s\S]*available themes: .*dark.*eventlet.*light/],
    ['a good article beside a bad one', ['decks/eventlet.md', `${BAD}/unclosed-fence.md`], /^tests\/fixtures\/bad\/unclosed-fence\.md:9: error:/m],
    ['--pdf with a browser that does not exist', ['decks/eventlet.md', '--pdf', '--browser', NO_BROWSER], /^error: the browser given with --browser does not exist: /m],
  ];

  it.each(failures)('%s: exit 1, a message naming the file on stderr, earlier output intact', async (_what, args, message) => {
    const run = await cli('build', ...args, '--out', out);
    expect(run.code, shown(run)).toBe(1);
    expect(run.stderr).toMatch(message);
    expectNoCrash(run);
    await expectOutputIntact();
  });

  it('an article error is printed as the diagnostic, then the summary error', async () => {
    const run = await cli('build', `${BAD}/unclosed-fence.md`, '--out', out);
    expect(run.stderr).toMatch(/^tests\/fixtures\/bad\/unclosed-fence\.md:9: error: This code fence is never closed.* \[markdown-unclosed-fence\]\n {2}hint: add a closing ``` line$/m);
    expect(run.stderr).toMatch(/^error: 1 problem in the articles; nothing was written\n {2}hint: fix the errors above and build again$/m);
    expect(run.stdout).toBe('');
  });

  it('an unknown code language is a warning with file:line, and the deck is still built (exit 0)', async () => {
    const other = join(root, 'warn');
    const run = await cli('build', `${BAD}/unknown-language.md`, '--out', other);
    expect(run.code, shown(run)).toBe(0);
    expect(run.stderr).toMatch(/^tests\/fixtures\/bad\/unknown-language\.md:9: warning: .*klingon/m);
    expect(run.stdout).toMatch(/^unknown-language: \d+ slides, ≈ \d+ min, 1 code blocks, 1 diagnostics/m);
    expect(existsSync(join(other, 'unknown-language', 'index.html'))).toBe(true);
    expectNoCrash(run);
  });
});

describe('lectern pdf and check without a browser, in-process', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-cli-nobrowser-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('pdf with a browser that does not exist: exit 1 with the install hint, no PDF written', async () => {
    const run = await cli('pdf', 'decks/eventlet.md', '--out', root, '--browser', NO_BROWSER);
    expect(run.code, shown(run)).toBe(1);
    expect(run.stderr).toMatch(/^error: the browser given with --browser does not exist: .*\n {2}hint: Install Chromium/m);
    expect(await readdir(root)).toEqual([]);
    expectNoCrash(run);
  });

  it('check with a browser that does not exist fails the whole check: exit 1, no deck line', async () => {
    const run = await cli('check', 'decks', '--browser', NO_BROWSER);
    expect(run.code, shown(run)).toBe(1);
    expect(run.stderr).toMatch(/^error: the browser given with --browser does not exist: /m);
    expect(run.stdout).toBe('');
    expectNoCrash(run);
  });

  it('check of an article that does not exist: exit 1 naming it, before any browser', async () => {
    const run = await cli('check', `${BAD}/does-not-exist.md`, '--browser', NO_BROWSER);
    expect(run.code, shown(run)).toBe(1);
    expect(run.stderr).toMatch(/^tests\/fixtures\/bad\/does-not-exist\.md: error: .*no such file/m);
  });
});
