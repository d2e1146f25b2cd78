/**
 * Exit 70 and a stack trace, for a bug in Lectern (anything thrown below the CLI that is not a
 * LecternError): the build command is replaced by one that throws a TypeError, as a bug would.
 * A mock and not a real bug, since no input reaches a real one (that is the point of the tests).
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, shown } from './io.js';

vi.mock('../../../src/commands/build.js', () => ({
  buildSite: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'slug')");
  },
}));

describe('a bug below the CLI', () => {
  it('exits 70, shows the stack on stderr, and asks for a report', async () => {
    const run = await cli('build', 'decks/eventlet.md', '--out', '/nonexistent/never-written');
    expect(run.code, shown(run)).toBe(70);
    expect(run.stderr).toMatch(/^internal error: TypeError: Cannot read properties of undefined \(reading 'slug'\)$/m);
    expect(run.stderr).toMatch(/^\s+at .*build/m);
    expect(run.stderr).toMatch(/^Please report this with the article that caused it\.$/m);
    expect(run.stdout).toBe('');
  });

  it('a LecternError is still a clean exit 1 and bad usage still 2 (only the unexpected is 70)', async () => {
    expect((await cli('check', 'tests/fixtures/bad/does-not-exist.md')).code).toBe(1);
    expect((await cli('build', 'decks/eventlet.md', '--paper', 'a3')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
