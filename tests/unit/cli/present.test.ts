/**
 * `lectern present` in-process: its help lists its flags, and what can go wrong before it serves —
 * no article, a folder of several, a bad --port (exit 2), a port another server holds (exit 1,
 * with a hint) — is said with a hint and no stack.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, shown, stackLines } from './io.js';

describe('lectern present', () => {
  it('--help lists its flags and exits 0', async () => {
    const run = await cli('present', '--help');
    expect(run.code, shown(run)).toBe(0);
    expect(run.stdout).toContain('$ lectern present [input]');
    for (const flag of ['--port', '--host', '--config', '--theme', '--layout', '--allow-dir', '--no-fetch']) expect(run.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
    expect(run.stdout).toMatch(/--host \[host\].*random key/);
    expect(run.stdout).toMatch(/--port <port>.*1947/);
  });

  it('is listed in the main help', async () => {
    expect((await cli('--help')).stdout).toMatch(/^\s+present \[input\]/m);
  });

  it.each([
    [[], /name the article to present/],
    [['decks'], /lectern present serves one deck; decks holds \d+ articles/],
    [['decks/eventlet.md', '--port', 'abc'], /--port must be a port number, not "abc"/],
    [['decks/eventlet.md', '--port', '70000'], /--port must be a port number/],
  ])('%j is bad usage: exit 2, a hint, no stack', async (args, message) => {
    const run = await cli('present', ...args);
    expect(run.code, shown(run)).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/hint: /);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stdout).toBe('');
  });

  describe('on a port in use', () => {
    let busy: Server;
    let port: number;
    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      port = (busy.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

    it('says so, with a hint, and exits 1', async () => {
      const run = await cli('present', 'decks/eventlet.md', '--port', String(port));
      expect(run.code, shown(run)).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`error: port ${port} is in use`));
      expect(run.stderr).toMatch(/hint: choose another with --port/);
      expect(stackLines(run.stderr)).toEqual([]);
    });
  });
});
