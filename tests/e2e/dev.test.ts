/**
 * `lectern dev` end to end, in real Chromium: a temp copy of the eventlet deck is opened at slide 3,
 * its article is edited and the new text appears on slide 3 with no navigation and no reload; a
 * broken front matter shows Vite's error overlay naming the file, and the next good save clears it.
 * Then traversal-style requests (sent raw, unnormalised) never return a file outside the allowed roots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { resolveConfig } from '../../src/config.js';
import { BrowserSession } from '../../src/browser/index.js';
import { startDevServer, type DevServer } from '../../src/commands/dev.js';
import type { DevEvent } from '../../src/vite/plugin.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = join(import.meta.dirname, '../../decks/eventlet.md');
/** A phrase of the lead sentence of a paragraph shown on slide 3 (h 1, v 1: "Magic Asynchronicity"). */
// A sentence on the third slide (h 1, v 1) of the seed as the composer plans it.
const BEFORE = 'The promise is not kept.';

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(SEED))('lectern dev (needs Chromium and decks/eventlet.md)', () => {
  let dir: string;
  let article: string;
  let original: string;
  let server: DevServer;
  let session: BrowserSession;
  let page: Page;
  const events: DevEvent[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-dev-test-'));
    article = join(dir, 'eventlet.md');
    await copyFile(SEED, article);
    original = await readFile(article, 'utf8');
    server = await startDevServer({ inputs: [dir], config: resolveConfig({}), port: 0, cwd: dir, onEvent: (e) => { events.push(e); if (process.env.DEBUG_DEV) console.log(Date.now(), JSON.stringify(e).slice(0, 150)); } });
    session = new BrowserSession({ browser: CHROMIUM });
    // A page that stays open for the whole file: withPage closes it when the callback returns.
    page = await new Promise<Page>((resolveOpen, reject) => {
      session.withPage((p) => new Promise<void>((release) => {
        resolveOpen(p);
        closePage = release;
      })).catch(reject);
    });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') foreign.push(r.url());
    });
    await page.setViewport({ width: 1280, height: 720 });
  });
  let closePage = (): void => undefined;

  afterAll(async () => {
    closePage();
    await session?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const slide3Text = (): Promise<string> =>
    page.evaluate(() => (window.Reveal.getSlides()[2]?.querySelector('.lectern-body') as HTMLElement | null)?.innerText ?? '');

  it('opens the deck at slide 3', async () => {
    await page.goto(`${server.url}eventlet/`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('html[data-lectern-ready="true"]');
    await page.evaluate(() => {
      window.Reveal.slide(1, 1);
      (window as unknown as { __marker: number }).__marker = 42;
    });
    expect(await page.evaluate(() => window.Reveal.getIndices())).toMatchObject({ h: 1, v: 1 });
    expect(await slide3Text()).toContain(BEFORE);
  });

  it('shows an edit on slide 3 without navigating or reloading', async () => {
    await writeFile(article, original.replace(BEFORE, 'The promise is never kept.'));
    await page.waitForFunction(() => (window.Reveal.getSlides()[2] as HTMLElement | undefined)?.innerText.includes('The promise is never kept.'), { timeout: 10_000 });
    const state = await page.evaluate(() => ({ indices: window.Reveal.getIndices(), marker: (window as unknown as { __marker?: number }).__marker, current: window.Reveal.getCurrentSlide()?.id }));
    expect(state.indices).toMatchObject({ h: 1, v: 1 });
    expect(state.current).toBe('magic-asynchronicity-2');
    expect(state.marker).toBe(42); // Same page: no full reload happened.
    expect(events.some((e) => e.type === 'update' && e.slug === 'eventlet')).toBe(true);
  });

  it('shows the error overlay with the file for a broken front matter, and the terminal gets it', async () => {
    await writeFile(article, original.replace('title: Understand Eventlet', 'title: [Understand Eventlet'));
    const handle = await page.waitForSelector('vite-error-overlay', { timeout: 10_000 });
    const text = await handle!.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(text).toContain('eventlet.md');
    expect(text).toMatch(/eventlet\.md:\d+:1/);
    expect(events.some((e) => e.type === 'error' && e.failure.file.endsWith('eventlet.md'))).toBe(true);
  });

  it('recovers on the next good save: overlay gone, deck updated, same slide', async () => {
    await writeFile(article, original.replace(BEFORE, 'The promise is broken.'));
    await page.waitForFunction(
      () => document.querySelector('vite-error-overlay') === null && (window.Reveal.getSlides()[2] as HTMLElement | undefined)?.innerText.includes('The promise is broken.'),
      { timeout: 10_000 },
    );
    expect(await page.evaluate(() => window.Reveal.getIndices())).toMatchObject({ h: 1, v: 1 });
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  });

  it('lists a new article in the index', async () => {
    await writeFile(join(dir, 'second-talk.md'), '---\ntitle: A second talk\n---\n\n# A second talk\n\nHello.\n\n## Part\n\nText.\n');
    await expect.poll(async () => (await fetch(server.url)).text(), { timeout: 10_000 }).toContain('A second talk');
    expect((await fetch(`${server.url}second-talk/`)).status).toBe(200);
  });

  it('serves each deck’s reading view at <slug>/read/, linked from the index', async () => {
    const res = await fetch(`${server.url}eventlet/read/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('(reading view)</title>');
    expect(html).toContain('<a href="../#/magic-asynchronicity">');
    expect(await (await fetch(server.url)).text()).toContain('href="eventlet/read/">reading view</a>');
  });

  it('made no request to any other host', () => {
    expect(foreign).toEqual([]);
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fpackage.json',
    '/@fs/etc/passwd',
    '/@fs' + join(import.meta.dirname, '../../package.json'),
    '/eventlet/../../../package.json',
    '/eventlet/..%2f..%2f..%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/eventlet/%2e%2e%5c%2e%2e%5cpackage.json',
    '/@fs/tmp/../etc/passwd',
    '//etc/passwd',
  ])('never serves a file outside the allowed roots: %s', async (path) => {
    const { status, body } = await rawGet(server.url, path);
    expect(body).not.toContain('root:x:0:0');
    expect(body).not.toContain('"name": "lectern"');
    expect([403, 404]).toContain(status);
  });
});

/** GET with the path sent exactly as written (fetch and URL would normalise `..` away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolveGet, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
