/**
 * Diagrams, remote images, a look of one's own and fonts for every script, as a user builds them
 * (tests/fixtures/formats/media, and the Chinese, Japanese and Arabic articles beside it), then
 * opened in Chromium: an SVG per diagram; remote pictures — served by a stand-in host on 127.0.0.1
 * in this test — found in the deck folder, fetched once across two builds, and never asked for when
 * the deck is shown (0 requests to any other origin); the theme file and stylesheet applied; CJK and
 * Arabic text drawn with a font that covers it. Then `--no-fetch`, and a site without diagrams that
 * carries none of the diagram renderer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/session.js';
import { serveStatic, type StaticServer } from '../../src/browser/static-server.js';
import type { BuildResult } from '../../src/commands/build.js';
import { browserSkipReason, openDeck, watchPage } from './helpers/browser.js';
import { buildInto, listFiles, removeDir, tempDir } from './helpers/site.js';

const FORMATS = 'tests/fixtures/formats';
const MEDIA = `${FORMATS}/media`;
const skip = browserSkipReason();

/** A 1 × 1 PNG and a small SVG badge: what the stand-in host serves. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="20"><rect width="90" height="20" fill="#4c1"/></svg>';

let host: Server;
let hostUrl: string;
const hostRequests: string[] = [];
let work: string | undefined;
let out: string | undefined;
let first: BuildResult;
let afterFirstBuild = 0;
let afterSecondBuild = 0;

beforeAll(async () => {
  host = createServer((req, res) => {
    hostRequests.push(req.url ?? '');
    if (req.url === '/badge/build-passing.svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
    if (req.url === '/charts/throughput.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  work = await tempDir('media-src');
  await cp(MEDIA, work, { recursive: true });
  const article = join(work, 'remote-images.md');
  await writeFile(article, (await readFile(article, 'utf8')).replaceAll('http://127.0.0.1:0', hostUrl));
  out = await tempDir('media');
  const inputs = [join(work, 'diagrams.md'), article, join(work, 'own-look.md'), `${FORMATS}/zh.md`, `${FORMATS}/ja.md`, `${FORMATS}/ar.md`];
  const config = { cacheDir: join(work, 'cache') };
  first = await buildInto(inputs, out, config);
  afterFirstBuild = hostRequests.length;
  await buildInto(inputs, out, config);
  afterSecondBuild = hostRequests.length;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  await removeDir(out);
  await removeDir(work);
});

describe('building', () => {
  it('fetches each remote picture once, caches it for the next build, and warns at the line of the one that is gone', () => {
    expect(afterFirstBuild).toBe(3);
    expect(afterSecondBuild).toBe(afterFirstBuild + 1); // only the missing picture is asked for again
    const deck = first.decks.find((d) => d.slug === 'remote-images')!;
    expect(deck.diagnostics.map((d) => [d.code, d.line])).toEqual([['image-fetch-failed', 24]]);
  });

  it('copies the fetched pictures, the theme file, the stylesheet and the picture it names beside their decks', async () => {
    const files = await listFiles(out!);
    expect(files.filter((f) => f.startsWith('remote-images/'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^remote-images\/build-passing-[0-9a-f]{8}\.svg$/), expect.stringMatching(/^remote-images\/throughput-[0-9a-f]{8}\.png$/)]),
    );
    expect(files.filter((f) => f.startsWith('own-look/')).map((f) => f.replace(/-[0-9a-f]{8}\./, '-#.'))).toEqual(
      expect.arrayContaining(['own-look/own-theme-#.css', 'own-look/own-talk-#.css', 'own-look/paper-#.png']),
    );
    const html = await readFile(join(out!, 'remote-images', 'index.html'), 'utf8');
    expect(html).not.toContain(hostUrl);
  });
});

describe.skipIf(skip !== '')('in Chromium', () => {
  let server: StaticServer;
  let session: BrowserSession;
  beforeAll(async () => {
    server = await serveStatic(out!);
    session = new BrowserSession();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Open a deck, recording its requests; `fn` looks at the ready page. */
  async function look<T>(slug: string, fn: (page: Page) => Promise<T>): Promise<{ value: T; requests: string[]; external: string[]; errors: string[] }> {
    return session.withPage(async (page) => {
      const log = await watchPage(page);
      expect(await openDeck(page, `${server.url}/${encodeURIComponent(slug)}/`)).toBe('true');
      const value = await fn(page);
      return { value, requests: log.requests, external: log.external, errors: [...log.pageErrors, ...log.consoleErrors] };
    });
  }

  it('draws an SVG for each diagram, scaled into its slide, from the bundled renderer', async () => {
    const seen = await look('diagrams', (page) =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('figure.lectern-diagram')).map((f) => {
          const svg = f.querySelector('svg');
          return { rendered: f.dataset['rendered'], width: Number(svg?.getAttribute('width')), height: Number(svg?.getAttribute('height')), labels: svg?.textContent ?? '' };
        }),
      ),
    );
    expect(seen.value).toHaveLength(2);
    for (const d of seen.value) {
      expect(d.rendered).toBe('true');
      expect(d.width).toBeGreaterThan(300);
      expect(d.width).toBeLessThanOrEqual(1280);
      expect(d.height).toBeLessThanOrEqual(720);
    }
    // Labels are SVG text (one tspan a word): each word is there.
    expect(seen.value[0]!.labels).toMatch(/Reverse.*proxy.*Database/s);
    expect(seen.value[1]!.labels).toMatch(/SELECT.*orders/s);
    expect(seen.errors).toEqual([]);
    expect(seen.external).toEqual([]);
    expect(seen.requests.every((url) => url.startsWith(server.url) || url.startsWith('data:'))).toBe(true);
  });

  it('shows the remote pictures from the deck folder and asks the remote host for nothing; the lost one shows its alt text', async () => {
    const before = hostRequests.length;
    const seen = await look('remote-images', (page) =>
      page.evaluate(() => ({
        images: Array.from(document.querySelectorAll<HTMLImageElement>('.reveal .slides img')).filter((img) => img.closest('aside.notes') === null).map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 })),
        text: document.querySelector('.reveal .slides')?.textContent ?? '',
      })),
    );
    expect(hostRequests.length).toBe(before);
    expect(seen.external).toEqual([]);
    expect(seen.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'))).toEqual([]);
    expect(seen.value.images.map((i) => i.src?.replace(/-[0-9a-f]{8}\./, '-#.'))).toEqual(['build-passing-#.svg', 'throughput-#.png']);
    expect(seen.value.images.every((i) => i.loaded)).toBe(true);
    expect(seen.value.text).toContain('Latency before and after the cache');
  });

  it('applies the theme file over the built-in variables, then the stylesheet', async () => {
    const seen = await look('own-look', (page) =>
      page.evaluate(() => {
        const title = document.querySelector('section.lectern-slide:not(.lectern-title-slide) > h2.lectern-title');
        const viewport = getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body);
        return {
          background: getComputedStyle(document.documentElement).getPropertyValue('--r-background-color').trim(),
          codeFont: getComputedStyle(document.documentElement).getPropertyValue('--r-code-font').trim(),
          title: title === null ? '' : getComputedStyle(title).color,
          image: viewport.backgroundImage,
        };
      }),
    );
    expect(seen.value.background).toBe('#fdf6e3');
    expect(seen.value.codeFont).toContain('JetBrains Mono'); // from the built-in theme below it
    expect(seen.value.title).toBe('rgb(203, 75, 22)');
    expect(seen.value.image).toMatch(/paper-[0-9a-f]{8}\.png/);
    expect(seen.errors).toEqual([]);
  });

  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  it.skipIf(fonts === '')('draws Chinese, Japanese and Arabic text with a font that covers the script (the system fonts scripts.css names)', async () => {
    const cases = [
      ['zh', /CJK SC|Source Han Sans SC|PingFang SC|YaHei/],
      ['ja', /CJK JP|Source Han Sans JP|Hiragino|Yu Gothic|Meiryo/],
      ['ar', /Arabic|Geeza|Segoe UI|Tahoma/],
    ] as const;
    for (const [slug, family] of cases) {
      const seen = await look(slug, async (page) => {
        const client = await page.createCDPSession();
        await client.send('DOM.enable');
        await client.send('CSS.enable');
        const { root } = await client.send('DOM.getDocument');
        const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'section.lectern-slide h1.lectern-title' });
        const { fonts: used } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
        return used.map((f) => f.familyName);
      });
      expect(seen.value.join(', ')).toMatch(family);
      expect(seen.external).toEqual([]);
    }
  });
});

describe('--no-fetch, and a site without diagrams', () => {
  let plain: string | undefined;
  afterAll(() => removeDir(plain));

  it('links remote pictures, says so for each, and copies none of the diagram renderer', async () => {
    plain = await tempDir('media-nofetch');
    const before = hostRequests.length;
    const built = await buildInto([join(work!, 'remote-images.md')], plain, { fetch: false, cacheDir: join(work!, 'cache-2') });
    expect(hostRequests.length).toBe(before);
    const html = await readFile(join(plain, 'remote-images', 'index.html'), 'utf8');
    expect(html).toContain(`src="${hostUrl}/charts/throughput.png"`);
    expect(built.decks[0]!.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['info', 'image-remote-linked'],
      ['info', 'image-remote-linked'],
      ['info', 'image-remote-linked'],
    ]);
    const assets = await readdir(join(plain, 'assets'));
    const withDiagrams = await readdir(join(out!, 'assets'));
    expect(assets.some((f) => /^diagrams-/.test(f))).toBe(false);
    expect(withDiagrams.some((f) => /^diagrams-/.test(f))).toBe(true);
    // No deck here shows math: KaTeX's stylesheet and fonts stay out too.
    expect(assets.some((f) => /^KaTeX_|^katex/.test(f))).toBe(false);
    expect(assets.length).toBeLessThan(20);
  });
});
