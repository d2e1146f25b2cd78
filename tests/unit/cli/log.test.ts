/**
 * cli/log.ts and cli/colours.ts: colour only where it can be seen (FORCE_COLOR wins, then NO_COLOR,
 * then a terminal), per stream; --quiet keeps results, warnings and errors and drops information
 * and progress; progress off a terminal is one plain line per step, numbered.
 */
import { describe, expect, it } from 'vitest';
import { colourEnabled, createPaint } from '../../../src/cli/colours.js';
import { createLogger, type CliIo } from '../../../src/cli/log.js';
import { LecternError } from '../../../src/errors.js';

function io(options: { tty?: boolean; env?: Record<string, string> } = {}): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t: string) => (out += t), isTTY: options.tty ?? false }, stderr: { write: (t: string) => (err += t), isTTY: options.tty ?? false }, env: options.env ?? {} },
    out: () => out,
    err: () => err,
  };
}

const ESC = '\x1b[';

describe('colour', () => {
  it.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (not set, per no-color.org)', true, { NO_COLOR: '' }, true],
    ['FORCE_COLOR in a pipe', false, { FORCE_COLOR: '1' }, true],
    ['an empty FORCE_COLOR', false, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR over NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', true, { FORCE_COLOR: 'false' }, false],
    ['TERM=dumb on a terminal', true, { TERM: 'dumb' }, false],
  ] as const)('%s → %s', (_, tty, env, on) => {
    expect(colourEnabled({ isTTY: tty }, env)).toBe(on);
  });

  it('paints only when enabled, and never an empty string', () => {
    expect(createPaint({ isTTY: true }, {}).red('x')).toBe(`${ESC}31mx${ESC}39m`);
    expect(createPaint({ isTTY: false }, {}).red('x')).toBe('x');
    expect(createPaint({ isTTY: true }, {}).red('')).toBe('');
  });

  it('colours the severity of a diagnostic and the word error, nothing else', () => {
    const t = io({ env: { FORCE_COLOR: '1' } });
    const log = createLogger(t.io);
    log.diagnostic({ severity: 'warning', code: 'x-y', message: 'careful', file: 'a.md', line: 3 });
    log.error(new LecternError('input-missing', 'no such file', { file: 'b.md', hint: 'look again' }));
    expect(t.err()).toBe(`a.md:3: ${ESC}33mwarning:${ESC}39m careful [x-y]\nb.md: ${ESC}31merror:${ESC}39m no such file${ESC}2m\n  hint: ${ESC}22mlook again\n`);
    const plain = io();
    createLogger(plain.io).diagnostic({ severity: 'warning', code: 'x-y', message: 'careful', file: 'a.md', line: 3 });
    expect(plain.err()).toBe('a.md:3: warning: careful [x-y]\n');
  });
});

describe('--quiet', () => {
  it('keeps results, warnings and errors; drops information and progress', () => {
    const t = io();
    const log = createLogger(t.io, { quiet: true });
    log.info('eventlet: 9 slides');
    log.result('✗ broken deck');
    log.diagnostic({ severity: 'warning', code: 'w', message: 'warned', file: 'a.md' });
    const bar = log.progress(3, 'check');
    bar.tick();
    bar.task('eventlet: measuring');
    expect(t.out()).toBe('✗ broken deck\n');
    expect(t.err()).toBe('a.md: warning: warned [w]\n');
  });
});

describe('progress off a terminal', () => {
  it('prints a numbered plain line per step, never the same line twice, to stderr', () => {
    const t = io();
    const bar = createLogger(t.io).progress(2, 'check');
    bar.tick();
    bar.task('alpha: compiling');
    bar.task('alpha: measuring');
    bar.task('alpha: measuring');
    bar.tick();
    bar.task('beta: compiling');
    bar.tick();
    bar.stop();
    expect(t.err()).toBe('check 1/2: alpha: compiling\ncheck 1/2: alpha: measuring\ncheck 2/2: beta: compiling\n');
    expect(t.out()).toBe('');
  });

  it('draws a bar on a terminal that lines printed meanwhile do not tear', () => {
    const t = io({ tty: true, env: { NO_COLOR: '1' } });
    const log = createLogger(t.io);
    const bar = log.progress(2, 'check');
    bar.tick();
    bar.task('alpha: measuring');
    log.info('✓ alpha');
    bar.stop();
    expect(t.err()).toContain('alpha: measuring');
    expect(t.err()).toContain('\r\x1b[2K');
    expect(t.out()).toBe('✓ alpha\n');
  });
});
