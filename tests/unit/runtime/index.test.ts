/**
 * The deck runtime: built once by Vite into runtime/, reused while its inputs are unchanged, free of
 * requests to other hosts; then a smoke test in real Chromium over a hand-made deck page that
 * follows the HTML contract (fit pass, code never clipped, `lectern:ready`, no foreign request).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { LecternError } from '../../../src/errors.js';
import {
  RUNTIME_DIR,
  buildRuntime,
  listThemes,
  loadRuntime,
  themeStylesheet,
  type RuntimeManifest,
} from '../../../src/runtime/index.js';
import { MANIFEST_FILE, isDevelopmentCheckout } from '../../../src/runtime/paths.js';
import { runtimeOutput } from '../../../src/site/output.js';
import { writeFiles } from '../../../src/site/write.js';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURES = join(import.meta.dirname, '../../fixtures/runtime');
let manifest: RuntimeManifest;

beforeAll(async () => {
  manifest = await buildRuntime();
}, 120_000);

describe('where the runtime may be rebuilt', () => {
  it('only in a development checkout: src/client present, not inside node_modules', async () => {
    expect(isDevelopmentCheckout()).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'lectern-checkout-'));
    try {
      expect(isDevelopmentCheckout(dir)).toBe(false); // an installed package: no src/
      await mkdir(join(dir, 'src', 'client'), { recursive: true });
      expect(isDevelopmentCheckout(dir)).toBe(true);
      await mkdir(join(dir, 'node_modules', 'lectern', 'src', 'client'), { recursive: true });
      expect(isDevelopmentCheckout(join(dir, 'node_modules', 'lectern'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runtime build', () => {
  it('lists the deck script, the deck stylesheet and every theme', async () => {
    expect(manifest.deck.js).toMatch(/^assets\/deck-[\w-]+\.js$/);
    expect(manifest.deck.css).toHaveLength(1);
    expect(manifest.deck.css[0]).toMatch(/^assets\/deck-[\w-]+\.css$/);
    expect(Object.keys(manifest.themes).sort()).toEqual(['dark', 'eventlet', 'light']);
    expect(await listThemes()).toEqual(['dark', 'eventlet', 'light']);
    for (const file of [manifest.deck.js, ...manifest.deck.css, ...Object.values(manifest.themes)]) {
      expect(manifest.files).toContain(file);
    }
    for (const file of manifest.files) {
      expect(existsSync(join(RUNTIME_DIR, file)), file).toBe(true);
      expect(file.split('/').pop()?.startsWith('_'), file).toBe(false);
    }
  });

  it('bundles the fonts as woff2 files', () => {
    const fonts = manifest.files.filter((f) => f.endsWith('.woff2'));
    expect(fonts.some((f) => /inter-latin-400-normal/.test(f))).toBe(true);
    expect(fonts.some((f) => /jetbrains-mono-latin-400-normal/.test(f))).toBe(true);
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    expect(manifest.files.filter((f) => f.endsWith('.woff'))).toEqual([]);
  });

  it('references no other host from any built file', async () => {
    for (const file of manifest.files.filter((f) => /\.(js|css)$/.test(f))) {
      const text = await readFile(join(RUNTIME_DIR, file), 'utf8');
      expect(text, file).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/@import\s+(url\()?\s*['"]?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/\bimport\s*\(?\s*['"`](https?:)?\/\//i);
      expect(text, file).not.toMatch(/\/\/fonts\.|cdn\.|cdnjs|jsdelivr|unpkg/i);
    }
  });

  it('is reused by loadRuntime() while its inputs are unchanged: no file is written again', async () => {
    // What cannot vary on a busy machine: the files themselves, not how long the check took.
    const stamps = async (): Promise<number[]> => Promise.all([MANIFEST_FILE, ...manifest.files].map(async (f) => (await stat(join(RUNTIME_DIR, f))).mtimeMs));
    const before = await stamps();
    const again = await loadRuntime();
    expect(again).toEqual(manifest);
    expect(await stamps()).toEqual(before);
  });

  it('names the available themes when a theme is unknown', () => {
    expect(themeStylesheet(manifest, 'eventlet')).toBe(manifest.themes['eventlet']);
    const error = (() => {
      try {
        themeStylesheet(manifest, 'neon');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('theme-unknown');
    expect((error as LecternError).hint).toBe('available themes: dark, eventlet, light');
  });

  it('copies the runtime into a site and skips files already there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-runtime-copy-'));
    try {
      expect(await writeFiles(dir, runtimeOutput(manifest))).toEqual({ written: manifest.files.length, unchanged: 0 });
      expect(await writeFiles(dir, runtimeOutput(manifest))).toEqual({ written: 0, unchanged: manifest.files.length });
      expect(existsSync(join(dir, manifest.deck.js))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))(`deck runtime in Chromium (skipped: no ${CHROMIUM})`, () => {
  let site: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'lectern-runtime-e2e-'));
    await writeFiles(site, runtimeOutput(manifest));
    await writeDeck(join(site, 'deck'), manifest, 'eventlet');
    server = await serve(site);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { launch } = await import('puppeteer-core');
    browser = await launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (site) await rm(site, { recursive: true, force: true });
  });

  /** Open the deck at `query`, wait for the runtime's verdict, and record requests and errors. */
  async function openDeck(query: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/deck/${query}`);
    await page.waitForFunction(() => document.documentElement.dataset['lecternReady'] !== undefined, { timeout: 30_000 });
    return { page, requests, errors };
  }

  it('fits every slide, never clips code, and asks no other host', { timeout: 60_000 }, async () => {
    const { page, requests, errors } = await openDeck('');
    try {
      const state = await page.evaluate(() => {
        const code = document.querySelector<HTMLElement>('#cooperative-multitasking pre > code')!;
        const slide = (id: string): HTMLElement => document.getElementById(id)!;
        const fit = (id: string): string => slide(id).style.getPropertyValue('--lectern-fit');
        return {
          ready: document.documentElement.dataset['lecternReady'],
          total: window.Reveal.getTotalSlides(),
          codeLines: code.textContent!.split('\n').length,
          codeClipped: code.scrollHeight > code.clientHeight + 1 || code.scrollWidth > code.clientWidth + 1,
          codeMaxHeight: getComputedStyle(code).maxHeight,
          codeFont: getComputedStyle(code).fontFamily,
          codeFit: fit('cooperative-multitasking'),
          codeOverflow: slide('cooperative-multitasking').dataset['lecternOverflow'],
          manyFit: fit('many-points'),
          manyOverflow: slide('many-points').dataset['lecternOverflow'],
          longFit: fit('long-line'),
          longOverflow: slide('long-line').dataset['lecternOverflow'],
          longCodePx: parseFloat(getComputedStyle(document.querySelector('#long-line pre')!).fontSize),
          manyTextPx: parseFloat(getComputedStyle(document.querySelector('#many-points li')!).fontSize),
          hugeOverflow: slide('far-too-much').dataset['lecternOverflow'],
          titleTop: parseFloat(slide('understanding-eventlet').style.top),
          statementTop: parseFloat(slide('the-promise-is-not-kept').style.top),
          fontsLoaded: Array.from(document.fonts).filter((f) => f.status === 'loaded').length,
        };
      });
      expect(state.ready).toBe('true');
      expect(state.total).toBe(10);
      expect(state.codeLines).toBe(16);
      expect(state.codeClipped).toBe(false);
      expect(state.codeMaxHeight).toBe('none');
      expect(state.codeFont).toMatch(/JetBrains Mono/);
      expect(state.codeFit).toBe(''); // 16 lines fit at full size under a title and a caption
      expect(state.codeOverflow).toBeUndefined();
      expect(Number(state.manyFit)).toBeLessThan(1);
      expect(Number(state.manyFit)).toBeGreaterThanOrEqual(0.6);
      expect(state.manyOverflow).toBeUndefined();
      // A code line too long for the slide at the 18 px floor: the fit pass tries down to its
      // smallest scale but never draws code under the floor, so the slide stays marked. (The
      // planner wraps such lines; this hand-made page does not.)
      expect(Number(state.longFit)).toBe(0.6);
      expect(state.longOverflow).toBe('true');
      expect(state.longCodePx).toBeGreaterThanOrEqual(18);
      expect(state.manyTextPx).toBeGreaterThanOrEqual(24);
      expect(state.hugeOverflow).toBe('true');
      // Title and statement slides are centred vertically by reveal.js; content slides start at the top.
      expect(state.titleTop).toBeGreaterThan(100);
      expect(state.statementTop).toBeGreaterThan(200);
      expect(state.fontsLoaded).toBeGreaterThanOrEqual(6);
      expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('announces lectern:ready in print view once every slide is a page', { timeout: 60_000 }, async () => {
    const { page, errors } = await openDeck('?print-pdf');
    try {
      const state = await page.evaluate(() => ({
        ready: document.documentElement.dataset['lecternReady'],
        pages: document.querySelectorAll('.pdf-page').length,
        fitted: document.getElementById('many-points')!.style.getPropertyValue('--lectern-fit') !== '',
      }));
      expect(state).toEqual({ ready: 'true', pages: 10, fitted: true });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** A deck page following the HTML contract, linking the copied runtime like render/ does. */
async function writeDeck(dir: string, runtime: RuntimeManifest, theme: string): Promise<void> {
  const body = await readFile(join(FIXTURES, 'deck-body.html'), 'utf8');
  const styles = [...runtime.deck.css, themeStylesheet(runtime, theme)];
  const html = `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Understanding Eventlet</title><link rel="icon" href="data:,"><meta name="description" content="A test deck">
${styles.map((s) => `<link rel="stylesheet" href="../${s}">`).join('\n')}
<script type="application/json" id="lectern-config">{"width":1280,"height":720,"slug":"deck","title":"Understanding Eventlet"}</script>
<script type="module" src="../${runtime.deck.js}"></script>
</head><body>
${body}</body></html>`;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html);
  await copyFile(join(FIXTURES, 'diagram.svg'), join(dir, 'diagram.svg'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A static file server on 127.0.0.1 (module scripts do not load from file://). */
async function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    readFile(file).then(
      (data) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
