/**
 * A tiny read-only HTTP server over a built site, for the browser to open decks from: module
 * scripts do not load from file:// URLs. Listens on 127.0.0.1 on a random port and never serves a
 * file outside its root, however the path is encoded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

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
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (base !== '/') {
      // `/talks` → `/talks/`, and nothing outside the base path: the site is checked as it will be hosted.
      if (`${url.split(/[?#]/, 1)[0]}/` === base) {
        res.writeHead(301, { location: base });
        res.end();
        return;
      }
      if (!url.startsWith(base)) return send(res, 404, 'not found');
      req.url = url.slice(base.length - 1);
    }
    handle(realRoot, req, res, base.slice(0, -1)).catch(() => send(res, 500, 'internal error'));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
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

async function handle(root: string, req: IncomingMessage, res: ServerResponse, prefix = ''): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  const candidate = resolveInside(root, req.url ?? '/');
  if (candidate === undefined) return send(res, 403, 'forbidden');
  const file = await existingFile(root, candidate);
  if (file === undefined) return send(res, 404, 'not found');
  const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  if (!path.endsWith('/') && (await stat(candidate)).isDirectory()) {
    // A folder without its slash: relative URLs in its index.html would resolve one level too high.
    res.writeHead(301, { location: `${prefix}${path}/${(req.url ?? '').slice(path.length)}` });
    res.end();
    return;
  }
  const info = await stat(file);
  res.writeHead(200, {
    'content-type': mimeType(file),
    'content-length': info.size,
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** The file to send for a path (a folder gives its index.html), following symlinks only inside root. */
async function existingFile(root: string, path: string): Promise<string | undefined> {
  try {
    let real = await realpath(path);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    if ((await stat(real)).isDirectory()) {
      real = await realpath(resolve(real, 'index.html'));
      if (!real.startsWith(root + sep)) return undefined;
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
