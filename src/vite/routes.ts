/**
 * The dev server's own routes, answered before Vite's middlewares. Every path is decoded once and
 * refused (403) when it holds `..`, a backslash or a NUL however it was encoded; only known files
 * are ever served: runtime files listed in its manifest, and images a deck's article references.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, resolve } from 'node:path';
import { mimeType } from '../browser/static-server.js';
import { RUNTIME_DIR } from '../runtime/paths.js';
import { renderIndexPage, type IndexEntry } from '../site/index-page.js';
import { deckOutput, READING_VIEW_FILE } from '../site/output.js';
import { escapeHtml } from '../text.js';
import { DEV_CLIENT_PATH, devClientSource } from './client.js';
import { overlayError, slugOf, type DevDecks, type DeckOutcome } from './decks.js';

type Next = (err?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** The decoded path segments of a request under `base`, or 'forbidden' / undefined (not ours). */
export function requestSegments(url: string, base: string): string[] | 'forbidden' | undefined {
  const raw = url.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return 'forbidden';
  if (!decoded.startsWith(base)) return undefined;
  return decoded.slice(base.length).split('/');
}

/**
 * The connect middleware of the dev server's deck routes, answering under `base` (where the decks
 * are mounted); `viteBase` is Vite's own base, where its client lives (the same unless the decks are
 * mounted under a path of an app, `/talks/`).
 */
export function createDevHandler(decks: DevDecks, base: () => string, seen: (outcome: DeckOutcome) => void, viteBase: () => string = base): Handler {
  return (req, res, next) => {
    route(decks, base(), req, res, seen, viteBase()).then((handled) => (handled ? undefined : next()), next);
  };
}

async function route(decks: DevDecks, base: string, req: IncomingMessage, res: ServerResponse, seen: (o: DeckOutcome) => void, viteBase: string): Promise<boolean> {
  const url = req.url ?? '/';
  const segments = requestSegments(url, base);
  if (segments === 'forbidden') return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
  if (segments === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const [first = '', ...rest] = segments;
  if (first.startsWith('@') && segments.join('/') === DEV_CLIENT_PATH) return send(res, 200, 'text/javascript; charset=utf-8', devClientSource(base, viteBase));
  if (first.startsWith('@') || first.startsWith('__')) return false; // Vite's own (/@vite/client, /@fs/ under fs.strict).
  if (segments.length === 1 && (first === '' || first === 'index.html')) return send(res, 200, 'text/html; charset=utf-8', await indexPage(decks, base, viteBase));
  if (first === 'assets' && rest.length === 1) return sendRuntimeFile(decks, rest[0]!, res);
  const outcome = await decks.findBySlug(first);
  if (outcome === undefined) return false;
  if (rest.length === 0) return redirect(res, `${base}${encodeURIComponent(first)}/`);
  if (rest.length === 1 && (rest[0] === '' || rest[0] === 'index.html')) {
    seen(outcome);
    return send(res, outcome.ok ? 200 : 500, 'text/html; charset=utf-8', outcome.ok ? withDevScripts(outcome.compiled.rendered.html, base, viteBase) : errorPage(outcome, base, viteBase));
  }
  // A folder of the deck (its reading view, `read/`) is its index.html, as static hosts serve it.
  const name = rest.join('/');
  return outcome.ok ? sendDeckFile(outcome, name.endsWith('/') ? `${name}index.html` : name, res) : false;
}

/** The deck index of the dev server: every article, broken ones flagged, with the dev client. */
async function indexPage(decks: DevDecks, base: string, viteBase: string): Promise<string> {
  const entries: IndexEntry[] = (await decks.compileAll()).map((o) =>
    o.ok
      ? {
          slug: slugOf(o),
          title: o.compiled.deck.meta.title,
          slideCount: o.compiled.rendered.slideCount,
          pdfs: [],
          reading: READING_VIEW_FILE.replace(/index\.html$/, ''),
          ...(o.compiled.deck.meta.description === undefined ? {} : { description: o.compiled.deck.meta.description }),
        }
      : { slug: slugOf(o), title: `${basename(o.file)} (does not build)`, description: o.failure.message, slideCount: 0, pdfs: [] },
  );
  const html = renderIndexPage(entries).replace('<html lang="en">', '<html lang="en" data-lectern-index="true">');
  return withDevScripts(html, base, viteBase);
}

/** Vite's HMR client and Lectern's dev client, added at the end of `<head>`. */
function withDevScripts(html: string, base: string, viteBase: string): string {
  const scripts = `<script type="module" src="${viteBase}@vite/client"></script>\n<script type="module" src="${base}${DEV_CLIENT_PATH}"></script>\n`;
  return html.replace('</head>', `${scripts}</head>`);
}

/** A page for an article that does not build: the overlay shows the failure; a good save reloads it. */
function errorPage(outcome: Extract<DeckOutcome, { ok: false }>, base: string, viteBase: string): string {
  const err = JSON.stringify(overlayError(outcome.failure)).replace(/</g, '\\u003c');
  return withDevScripts(
    `<!doctype html>\n<html lang="en" data-lectern-slug="${escapeHtml(outcome.slug)}">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>${escapeHtml(basename(outcome.file))}: error</title>\n` +
      `<script type="application/json" id="lectern-error">${err}</script>\n</head>\n<body>\n<pre>${escapeHtml(outcome.failure.message)}</pre>\n</body>\n</html>\n`,
    base,
    viteBase,
  );
}

async function sendRuntimeFile(decks: DevDecks, name: string, res: ServerResponse): Promise<boolean> {
  if (!decks.runtimeFiles().has(`assets/${name}`)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  return sendFile(res, resolve(RUNTIME_DIR, 'assets', name));
}

/**
 * A file of the deck's folder, as the build writes it (its images under their hashed names, the QR
 * code, the thumbnail card, the reading view); nothing else.
 */
async function sendDeckFile(outcome: Extract<DeckOutcome, { ok: true }>, name: string, res: ServerResponse): Promise<boolean> {
  const file = deckOutput(outcome.compiled).get(`${outcome.compiled.rendered.slug}/${name}`);
  if (file === undefined || name === 'index.html') return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  if ('data' in file) return send(res, 200, mimeType(name), file.data);
  const real = await realpath(file.copy).catch(() => undefined);
  if (real === undefined || basename(real).startsWith('.')) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  return sendFile(res, real, mimeType(name));
}

async function sendFile(res: ServerResponse, file: string, type = mimeType(file)): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'cache-control': 'no-cache' });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
  return true;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): true {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
  res.end(body);
  return true;
}

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(301, { location });
  res.end();
  return true;
}
