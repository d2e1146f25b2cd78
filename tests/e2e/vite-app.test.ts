/**
 * `lectern/vite` in an ordinary Vite app: examples/vite-app, copied into a temporary folder with
 * `node_modules/lectern` linking this repository (what `npm install` of `file:../..` makes) and
 * run with Vite's own CLI. In `vite` (dev) and after `vite build` (dist/ served by a plain static
 * server), in real Chromium: `/` is the app's own page with its script, `/talks/` the deck index,
 * `/talks/<slug>/` a deck that starts, in the theme the app's lectern.config.ts names; a page bundle
 * (`first-talk/index.md`) is a deck named after its folder; nothing is requested from another host
 * and nothing fails to load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readFile, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, serveStatic, type StaticServer } from '../../src/browser/index.js';
import { browserSkipReason, openDeck, watchPage, type PageLog } from './helpers/browser.js';
import { REPO_ROOT } from './helpers/paths.js';
import { listFiles, removeDir, tempDir } from './helpers/site.js';

const VITE = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const skip = browserSkipReason();

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Run Vite's CLI in `cwd`; resolves with its output once it exits. */
function vite(cwd: string, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [VITE, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (output += c));
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  return { child, output: () => output, exited };
}

describe.skipIf(skip !== '')(`lectern/vite in examples/vite-app ${skip}`, () => {
  let app: string | undefined;
  let session: BrowserSession;

  beforeAll(async () => {
    app = await tempDir('vite-app');
    await cp(join(REPO_ROOT, 'examples', 'vite-app'), app, { recursive: true, filter: (f) => !/[\\/](node_modules|dist)$/.test(f) });
    await mkdir(join(app, 'node_modules'));
    await symlink(REPO_ROOT, join(app, 'node_modules', 'lectern'), 'dir');
    await symlink(join(REPO_ROOT, 'node_modules', 'vite'), join(app, 'node_modules', 'vite'), 'dir');
    session = new BrowserSession();
  });

  afterAll(async () => {
    await session?.close();
    await removeDir(app);
  });

  /** Open `url` in a page of its own; `fn` looks at it. */
  async function visit<T>(url: string, fn: (page: Page, log: PageLog) => Promise<T>, deck = false): Promise<T> {
    return session.withPage(async (page) => {
      const log = await watchPage(page);
      if (deck) await openDeck(page, url);
      else await page.goto(url, { waitUntil: 'load' });
      return fn(page, log);
    });
  }

  /** Failed requests, but the browser's own /favicon.ico guess (the favicon of Lectern's pages is issue 11's). */
  const failed = (log: PageLog): string[] => log.failed.filter((f) => !f.endsWith('/favicon.ico'));

  /** What both the dev server and the built site must show. */
  async function expectAppAndDecks(origin: string): Promise<void> {
    await visit(`${origin}/`, async (page, log) => {
      expect(await page.$eval('#app-title', (e) => e.textContent)).toBe('Harbour Notes');
      await page.waitForFunction(() => document.querySelector('#app-status')?.textContent === 'The app script ran.');
      expect(failed(log)).toEqual([]);
    });
    await visit(`${origin}/talks/`, async (page, log) => {
      const links = await page.$$eval('h2 a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links).toEqual([
        ['Knots Worth Knowing', 'first-talk/'],
        ['Reading a Tide Table', 'tides/'],
      ]);
      expect(failed(log)).toEqual([]);
    });
    for (const slug of ['tides', 'first-talk']) {
      await visit(
        `${origin}/talks/${slug}/`,
        async (page, log) => {
          expect(await page.evaluate(() => document.documentElement.dataset['lecternReady'])).toBe('true');
          expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBeGreaterThan(2);
          // lectern.config.ts of the app says theme: 'dark'.
          expect(await page.$$eval('link[rel=stylesheet]', (ls) => ls.map((l) => l.getAttribute('href') ?? '').join(' '))).toMatch(/theme-dark-/);
          expect(await page.evaluate(() => document.body.innerHTML.includes('app-status'))).toBe(false);
          expect(failed(log)).toEqual([]);
          expect(log.external).toEqual([]);
          expect(log.pageErrors).toEqual([]);
        },
        true,
      );
    }
  }

  it('vite (dev server): the app at /, the decks under /talks/', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const dev = vite(app!, ['--host', '127.0.0.1', '--port', String(port), '--strictPort']);
    try {
      await expect.poll(dev.output, { timeout: 60_000, interval: 200 }).toContain(`http://127.0.0.1:${port}/`);
      await expectAppAndDecks(`http://127.0.0.1:${port}`);
      expect(dev.output()).not.toMatch(/error/i);
    } finally {
      dev.child.kill('SIGTERM');
      await dev.exited;
    }
  });

  it('vite build: the app and the decks in dist/, served by a plain static server', { timeout: 120_000 }, async () => {
    const build = vite(app!, ['build']);
    const code = await build.exited;
    expect(code, build.output()).toBe(0);
    const files = await listFiles(join(app!, 'dist'));
    expect(files).toEqual(expect.arrayContaining(['index.html', 'talks/index.html', 'talks/tides/index.html', 'talks/first-talk/index.html']));
    expect(files.filter((f) => f.startsWith('talks/assets/') && f.endsWith('.js')).length).toBeGreaterThan(0);
    expect(await readFile(join(app!, 'dist', 'index.html'), 'utf8')).toContain('Harbour Notes');
    let server: StaticServer | undefined;
    try {
      server = await serveStatic(join(app!, 'dist'));
      await expectAppAndDecks(server.url.replace(/\/$/, ''));
    } finally {
      await server?.close();
    }
  });
});
