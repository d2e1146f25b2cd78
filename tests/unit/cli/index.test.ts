/**
 * The CLI in-process, through `runCli(args, io)` with string-capturing streams: `--version` and
 * `--help` (exit 0, on stdout), each command's help listing its flags, and bad usage — an unknown
 * command or option, a flag without its value, a bad `--paper`, `--timeout`, `--layout` or
 * `--handout-layout` — as exit 2 with a message and a hint on stderr, no stack trace, nothing built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../../src/cli/index.js';
import { cli, shown, stackLines, type CliRun } from './io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Bad usage: exit 2, the message and a hint to the help on stderr, nothing on stdout, no stack. */
function expectUsageError(run: CliRun, message: RegExp, help = /run `lectern (\w+ )?--help`/): void {
  expect(run.code, shown(run)).toBe(2);
  expect(run.stderr).toMatch(new RegExp(`^error: ${message.source}`, 'm'));
  expect(run.stderr).toMatch(help);
  expect(run.stdout).toBe('');
  expect(stackLines(run.stderr)).toEqual([]);
  expect(run.stderr).not.toMatch(/internal error/i);
}

describe('lectern --version and --help', () => {
  it('--version prints the package version on stdout and exits 0', async () => {
    const run = await cli('--version');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^lectern/${VERSION.replace(/\./g, '\\.')}\\b`));
    expect(run.stderr).toBe('');
    expect(version()).toBe(VERSION);
  });

  it('-v is --version', async () => {
    expect((await cli('-v')).stdout).toContain(`lectern/${VERSION}`);
  });

  it('--help lists every command and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    for (const command of ['build', 'pdf', 'export', 'dev', 'preview', 'check']) expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(run.stdout).toContain('--version');
    expect(run.stderr).toBe('');
  });

  it.each([
    ['build', ['--out', '--config', '--theme', '--layout', '--strict', '--unsafe-html', '--pdf', '--pptx', '--browser', '--timeout', '--paper', '--handout-layout', '--steps', '--base', '--site-url', '--allow-dir']],
    ['pdf', ['--out', '--handout', '--handout-layout', '--paper', '--steps', '--pptx', '--browser', '--timeout', '--config', '--theme', '--layout', '--allow-dir']],
    ['export', ['--pptx', '--png', '--size', '--out', '--browser', '--timeout', '--config', '--theme', '--layout', '--allow-dir']],
    ['check', ['--json', '--no-fit', '--browser', '--timeout', '--config', '--theme', '--layout', '--allow-dir']],
    ['dev', ['--port', '--host', '--config', '--theme', '--layout', '--allow-dir']],
    ['preview', ['--out', '--base', '--port', '--host']],
  ])('%s --help lists its flags and exits 0 without running', async (command, flags) => {
    const run = await cli(command, '--help');
    expect(run.code, shown(run)).toBe(0);
    expect(run.stdout).toContain(`$ lectern ${command}`);
    for (const flag of flags) expect(run.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
    expect(run.stderr).toBe('');
  });

  it('the default timeout shown in the help is the one the config uses', async () => {
    expect((await cli('build', '--help')).stdout).toMatch(/--timeout <seconds>.*\(default: 30\)/);
  });
});

describe('bad usage: exit 2', () => {
  let dir: string;
  let out: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-cli-usage-'));
    out = join(dir, 'out');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('no command', async () => {
    expectUsageError(await cli(), /no command given/);
  });

  it('an unknown command', async () => {
    expectUsageError(await cli('frobnicate', 'decks'), /unknown command "frobnicate"/);
  });

  it('an unknown option on build, with a hint to build --help', async () => {
    expectUsageError(await cli('build', '--bogus', 'decks/eventlet.md', '--out', out), /Unknown option `--bogus`/, /run `lectern build --help`/);
    expect(existsSync(out)).toBe(false);
  });

  it('an option of another command (--handout on build; build has --json since it reports minutes)', async () => {
    expectUsageError(await cli('build', 'decks/eventlet.md', '--handout', '--out', out), /Unknown option `--handout`/);
    expect(existsSync(out)).toBe(false);
  });

  it('a flag without its value', async () => {
    expectUsageError(await cli('build', 'decks/eventlet.md', '--theme'), /option `--theme <name>` value is missing/, /run `lectern build --help`/);
  });

  it.each([
    ['--paper a3', ['--paper', 'a3'], /--paper must be a4 or letter, not "a3"/],
    ['--handout-layout 2up', ['--handout-layout', '2up'], /--handout-layout must be flow, notes or 3up, not "2up"/],
    ['--timeout abc', ['--timeout', 'abc'], /--timeout must be a number of seconds, not "abc"/],
    ['--timeout 0', ['--timeout', '0'], /--timeout must be a number of seconds, not 0/],
    ['--timeout -3', ['--timeout=-3'], /--timeout must be a number of seconds, not -3/],
    ['--layout diagonal', ['--layout', 'diagonal'], /--layout must be "stacked" or "flat", not "diagonal"/],
  ])('build %s names the flag and the value, and builds nothing', async (_what, flags, message) => {
    expectUsageError(await cli('build', 'decks/eventlet.md', '--out', out, ...flags), message);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['pdf', ['--paper', 'tabloid'], /--paper must be a4 or letter/],
    ['check', ['--timeout', 'soon'], /--timeout must be a number of seconds, not "soon"/],
    ['check', ['--layout', 'grid'], /--layout must be "stacked" or "flat"/],
  ])('%s %s is bad usage too', async (command, flags, message) => {
    expectUsageError(await cli(command, 'decks/eventlet.md', ...flags), message);
  });

  it('pdf without articles', async () => {
    expectUsageError(await cli('pdf'), /name the articles to export/, /lectern pdf decks\/eventlet\.md --handout/);
  });

  it('export without articles, or without --pptx or --png', async () => {
    expectUsageError(await cli('export', '--pptx'), /name the articles to export/, /lectern export decks\/eventlet\.md --pptx/);
    expectUsageError(await cli('export', 'decks/eventlet.md', '--out', out), /say what to export: --pptx, --png, or both/, /lectern export decks\/eventlet\.md --pptx --png/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['--size without --png', ['--pptx', '--size', '1920x1080'], /--size is the size of the pictures: give it with --png/, /--png --size 1920x1080/],
    ['a --size that is not one', ['--png', '--size', 'huge'], /--size must be WIDTHxHEIGHT in pixels \(16 to 8192\), not "huge"/, /--size 1920x1080/],
  ])('export with %s exports nothing', async (_what, flags, message, hint) => {
    expectUsageError(await cli('export', 'decks/eventlet.md', '--out', out, ...flags), message, hint);
    expect(existsSync(out)).toBe(false);
  });

  it('export with a --size of other proportions names the deck, its file and its size, and exports nothing', async () => {
    const run = await cli('export', 'decks/eventlet.md', '--out', out, '--png', '--size', '1000x1000');
    expect(run.code, shown(run)).toBe(2);
    expect(run.stderr).toMatch(/^decks\/eventlet\.md: error: --size 1000x1000 does not have the proportions of deck eventlet \(1280x720\)/m);
    expect(run.stderr).toMatch(/--size 1920x1080, or a width alone/);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
