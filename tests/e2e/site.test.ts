/**
 * The static site under a sub-path, as GitHub Pages hosts it: build decks/ (plus an article with a
 * local image and a missing one) with `--base /talks/` and a site URL on the local server, serve
 * dist/ under /talks/ on 127.0.0.1, and follow every link and asset from the index: all answer 200,
 * and every asset (src, stylesheet, script, CSS url()) stays on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { serveStatic, type StaticServer } from '../../src/browser/static-server.js';
import { buildSite, type BuildResult } from '../../src/commands/build.js';

const DECKS = join(import.meta.dirname, '../../decks');
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

interface Found {
  readonly url: string;
  readonly from: string;
  /** `a` for hyperlinks, `asset` for what the page loads. */
  readonly kind: 'a' | 'asset' | 'meta';
}

describe.skipIf(!existsSync(DECKS))('static site under --base /talks/ (needs decks/)', () => {
  let work: string;
  let out: string;
  let server: StaticServer;
  let site: string;
  let result: BuildResult;
  const visited = new Map<string, number>();
  const external: Found[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lectern-site-test-'));
    out = join(work, 'dist');
    await mkdir(out, { recursive: true });
    const decks = join(work, 'decks');
    await cp(DECKS, decks, { recursive: true });
    await mkdir(join(decks, 'img'));
    await writeFile(join(decks, 'img', '_dot.png'), PNG_1x1);
    await writeFile(
      join(decks, 'pictures.md'),
      '---\ntitle: Pictures\ndescription: A deck with images\n---\n\n# Pictures\n\nA picture deck.\n\n## One\n\n![A dot](img/_dot.png)\n\n## Two\n\n![Gone](img/missing.png)\n',
    );
    // Serve first, so the site URL can be the local server itself: canonical, og:* and QR links get crawled too.
    server = await serveStatic(out, { base: '/talks/' });
    site = `${server.url}/talks/`;
    result = await buildSite({ inputs: [decks], config: resolveConfig({ outDir: out, base: '/talks/', siteUrl: site }) });
    await crawl(site, 'start');
  });

  afterAll(async () => {
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function crawl(url: string, _from: string): Promise<void> {
    const clean = url.split('#', 1)[0]!;
    if (visited.has(clean)) return;
    const res = await fetch(clean);
    visited.set(clean, res.status);
    if (res.status !== 200) return;
    const type = res.headers.get('content-type') ?? '';
    const body = type.startsWith('text/html') ? await res.text() : type.startsWith('text/css') ? await res.text() : '';
    const found = type.startsWith('text/html') ? linksInHtml(body, clean) : type.startsWith('text/css') ? urlsInCss(body, clean) : [];
    for (const f of found) {
      const target = new URL(f.url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') continue;
      if (target.host !== new URL(site).host) {
        external.push(f);
        continue;
      }
      await crawl(target.href, clean);
    }
  }

  it('builds every deck, and reports the missing image at its article line', () => {
    expect(result.decks.map((d) => d.slug)).toContain('pictures');
    const missing = result.diagnostics.find((d) => d.code === 'image-missing');
    expect(missing).toMatchObject({ severity: 'warning', line: 16 });
    expect(missing?.file).toMatch(/pictures\.md$/);
  });

  it('reaches every deck, its assets and its image from the index: all 200 but the missing image', () => {
    const failed = [...visited].filter(([, status]) => status !== 200).map(([url]) => url);
    // The article names an image that does not exist: its src is kept as written (and warned about).
    expect(failed).toEqual([`${site}pictures/img/missing.png`]);
    for (const deck of result.decks) expect(visited.has(`${site}${deck.slug}/`)).toBe(true);
    // Each deck's reading view, linked from the index (and from the deck): 200, and every link on it too.
    for (const deck of result.decks) expect(visited.get(`${site}${deck.slug}/read/`)).toBe(200);
    const urls = [...visited.keys()];
    expect(urls.some((u) => /\/talks\/assets\/deck-[\w-]+\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => /\.woff2$/.test(u))).toBe(true);
    expect(urls.some((u) => /\/talks\/pictures\/dot-[0-9a-f]{8}\.png$/.test(u))).toBe(true);
    // A hosted deck's thumbnail is a PNG of its title slide (link previews need a bitmap).
    expect(visited.get(`${site}eventlet/thumbnail.png`)).toBe(200);
  });

  it('loads nothing from another host: only article hyperlinks leave 127.0.0.1', () => {
    expect(external.filter((f) => f.kind !== 'a')).toEqual([]);
  });

  it('has sharing tags with the hosted URL', async () => {
    const html = await (await fetch(`${site}eventlet/`)).text();
    expect(html).toContain(`<link rel="canonical" href="${site}eventlet/">`);
    expect(html).toContain(`<meta property="og:url" content="${site}eventlet/">`);
    expect(html).toContain(`<meta property="og:image" content="${site}eventlet/thumbnail.png">`);
    // The closing slide shows the deck's URL and its QR code, drawn inline at build time.
    expect(html).toMatch(/<section[^>]*lectern-closing[\s\S]*?<figure class="lectern-qr"><svg/);
    expect(html).toContain(`${site}eventlet/`);
    expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image">/);
  });

  it('writes no file or folder whose name starts with _', async () => {
    const names = await readdir(out, { recursive: true });
    expect(names.filter((n) => n.split('/').some((part) => part.startsWith('_')))).toEqual([]);
  });
});

/** href/src/content URLs of a page (test-side extraction over our own, known HTML). */
function linksInHtml(html: string, page: string): Found[] {
  const found: Found[] = [];
  for (const m of html.matchAll(/<(a|link|script|img|source|meta)\b([^>]*)>/gi)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2]!;
    const value = /\b(?:href|src)="([^"]*)"/i.exec(attrs)?.[1] ?? (tag === 'meta' && /property="og:(?:url|image)"/.test(attrs) ? /content="([^"]*)"/.exec(attrs)?.[1] : undefined);
    if (value === undefined || value.startsWith('data:') || value.startsWith('#') || value.startsWith('mailto:')) continue;
    const kind = tag === 'a' ? 'a' : tag === 'meta' || /rel="canonical"/.test(attrs) ? 'meta' : 'asset';
    found.push({ url: new URL(value.replace(/&amp;/g, '&'), page).href, from: page, kind });
  }
  return found;
}

function urlsInCss(css: string, sheet: string): Found[] {
  return [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'))
    .map((u) => ({ url: new URL(u, sheet).href, from: sheet, kind: 'asset' as const }));
}
