/**
 * `lectern preview`: serve a built site (dist/) read-only on 127.0.0.1 under its base path, to check
 * it as it will be hosted before uploading it. The files are served by Vite's own preview server
 * (sirv: ETag, Range requests for video, HEAD, compression); in front of it, the policy every
 * Lectern server applies (browser/static-server.ts `siteRequest`): Host names of this machine
 * only, nothing outside the base path or the folder (symbolic links included), no hidden files.
 */
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Plugin, PreviewServer as VitePreviewServer } from 'vite';
import { siteRequest } from '../browser/static-server.js';
import { LecternError } from '../errors.js';

/** Options of startPreview. */
export interface PreviewOptions {
  /** The built site. */
  readonly outDir: string;
  /** Base path to serve it under (`/talks/`). Default `/`. */
  readonly base?: string;
  /** Default 4173 (Vite's preview port); 0 picks a free one. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1; its name is also accepted in Host headers. */
  readonly host?: string;
}

/** A running preview: `url` is the site's address including its base path. */
export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serve `outDir` under `base`; fails with a hint when there is no built site there. */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  if (!existsSync(join(options.outDir, 'index.html'))) {
    throw new LecternError('input-missing', `no built site in ${options.outDir}/ (no index.html)`, {
      file: options.outDir,
      hint: 'run `lectern build` first, or name the folder with --out',
    });
  }
  const base = options.base ?? '/';
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4173;
  const root = await realpath(resolve(options.outDir));
  const { preview } = await import('vite');
  let server: VitePreviewServer;
  try {
    server = await preview({
      configFile: false,
      envDir: false,
      root,
      base,
      publicDir: false,
      appType: 'mpa',
      logLevel: 'silent',
      clearScreen: false,
      build: { outDir: root },
      preview: { port, strictPort: true, host, cors: false, open: false },
      plugins: [guard(root, base, host)],
    });
  } catch (cause) {
    throw new LecternError('usage', `cannot listen on ${host} port ${port}: ${(cause as Error).message}`, {
      hint: 'choose another port with --port',
      cause,
    });
  }
  const address = server.httpServer.address() as AddressInfo | null;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shown}:${address?.port ?? port}${base}`, close: () => server.close() };
}

/** `lectern:preview-guard`: siteRequest's policy, before Vite serves anything. */
function guard(root: string, base: string, host: string): Plugin {
  return {
    name: 'lectern:preview-guard',
    configurePreviewServer(server) {
      // Registered directly (not returned): it runs before Vite's static files and HTML fallback.
      server.middlewares.use((req, res, next) => {
        siteRequest(root, req, { base, host }).then((decision) => {
          if (decision.type === 'file') return next();
          if (decision.type === 'redirect') res.writeHead(301, { location: decision.location }).end();
          else res.writeHead(decision.status, { 'content-type': 'text/plain; charset=utf-8' }).end(decision.text);
        }, next);
      });
    },
  };
}
