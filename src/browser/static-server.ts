/**
 * A tiny read-only HTTP server over a built site, for the browser to open decks from: module
 * scripts do not load from file:// URLs. Listens on 127.0.0.1 on a random port and never serves a
 * file outside its root, however the path is encoded, nor a hidden file, nor to a page that
 * reached it under another name (request-guard.ts). `siteRequest` is that policy, which
 * `lectern preview` applies in front of Vite's static server too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkPath, hostAllowed } from './request-guard.js';

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  close(): Promise<void>;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/** The Content-Type for a file name (binary by default). */
export function mimeType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Where and under which base path serveStatic listens (`lectern preview` sets them). */
export interface StaticServerOptions {
  /** Port; default 0 (a random free one). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Public base path the site is served under (`/talks/`); default `/`. Other paths answer 404. */
  readonly base?: string;
}

/** Serve `root` read-only on 127.0.0.1 at a random port (or as `options` say). */
export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const realRoot = await realpath(resolve(root));
  const base = options.base ?? '/';
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    siteRequest(realRoot, req, { base, host })
      .then((decision) => answer(req, res, decision))
      .catch(() => send(res, 500, 'internal error'));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** What a site server does with a request: refuse it, redirect it, or send a file of the site. */
export type SiteDecision =
  | { readonly type: 'refuse'; readonly status: 403 | 404 | 405; readonly text: string }
  | { readonly type: 'redirect'; readonly location: string }
  | { readonly type: 'file'; readonly file: string };

/** Where a site server listens and under which base path it serves the site. */
export interface SiteRequestOptions {
  /** The site's base path (`/talks/`). */
  readonly base: string;
  /** The interface the server listens on (`--host`): its name is accepted in Host headers. */
  readonly host: string;
}

/**
 * The one policy of Lectern's site servers: only GET and HEAD; only Host names of this machine
 * (request-guard.ts); nothing outside the base path; `..`, backslashes, NUL and malformed escapes
 * refused however encoded; no hidden names; symbolic links followed only inside the root; a folder
 * redirected to its slash and answered by its index.html.
 */
export async function siteRequest(root: string, req: IncomingMessage, options: SiteRequestOptions): Promise<SiteDecision> {
  if (!hostAllowed(req.headers.host, options.host)) return refuse(403, 'forbidden host');
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'method not allowed');
  const url = req.url ?? '/';
  const path = url.split(/[?#]/, 1)[0] ?? '/';
  const { base } = options;
  // `/talks` → `/talks/`, and nothing outside the base path: the site is checked as it will be hosted.
  if (base !== '/' && `${path}/` === base) return { type: 'redirect', location: base };
  if (!path.startsWith(base)) return refuse(404, 'not found');
  const inside = path.slice(base.length - 1);
  const checked = checkPath(inside);
  if (!checked.ok) return refuse(checked.status, checked.status === 403 ? 'forbidden' : 'not found');
  // Names with escaped `/ ? # ;`… would be read differently by another decoder: no site has them.
  if (safeDecodeUri(inside) !== `/${checked.segments.join('/')}`) return refuse(404, 'not found');
  const candidate = resolve(root, ...checked.segments.filter((s) => s !== ''));
  if (candidate !== root && !candidate.startsWith(root + sep)) return refuse(403, 'forbidden');
  const file = await existingFile(root, candidate);
  if (file === undefined) return refuse(404, 'not found');
  if (!path.endsWith('/') && (await stat(candidate)).isDirectory()) {
    // A folder without its slash: relative URLs in its index.html would resolve one level too high.
    return { type: 'redirect', location: `${path}/${url.slice(path.length)}` };
  }
  return { type: 'file', file };
}

function refuse(status: 403 | 404 | 405, text: string): SiteDecision {
  return { type: 'refuse', status, text };
}

function safeDecodeUri(path: string): string | undefined {
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}

/** The file a URL path names inside `root`, or undefined when it would leave the root. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/, 1)[0] ?? '');
  } catch {
    return undefined; // Malformed escapes (`%E0%A4%A`).
  }
  // NUL bytes and backslashes have no business in a URL path and can confuse the file system.
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return undefined;
  const file = resolve(root, ...segments);
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

/** Carry out siteRequest's decision: the refusal, the redirect or the file (`lectern present` answers with it too). */
export async function answer(req: IncomingMessage, res: ServerResponse, decision: SiteDecision): Promise<void> {
  if (decision.type === 'refuse') return send(res, decision.status, decision.text);
  if (decision.type === 'redirect') {
    res.writeHead(301, { location: decision.location });
    res.end();
    return;
  }
  const info = await stat(decision.file);
  res.writeHead(200, {
    'content-type': mimeType(decision.file),
    'content-length': info.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(decision.file).on('error', () => res.destroy()).pipe(res);
}

/**
 * The file to send for a path (a folder gives its index.html), following symlinks only inside
 * root and never to a hidden name.
 */
async function existingFile(root: string, path: string): Promise<string | undefined> {
  const inside = (real: string): boolean => real === root || (real.startsWith(root + sep) && !real.slice(root.length + 1).split(sep).some((p) => p.startsWith('.')));
  try {
    let real = await realpath(path);
    if (!inside(real)) return undefined;
    if ((await stat(real)).isDirectory()) {
      real = await realpath(join(real, 'index.html'));
      if (!inside(real) || real === root) return undefined;
    }
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}
