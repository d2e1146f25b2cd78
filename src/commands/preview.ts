/**
 * `lectern preview`: serve a built site (dist/) read-only on 127.0.0.1 under its base path, to check
 * it as it will be hosted before uploading it. The same traversal-proof server the PDF export uses.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LecternError } from '../errors.js';
import { serveStatic, type StaticServer } from '../browser/static-server.js';

/** Options of startPreview. */
export interface PreviewOptions {
  /** The built site. */
  readonly outDir: string;
  /** Base path to serve it under (`/talks/`). Default `/`. */
  readonly base?: string;
  /** Default 4173 (Vite's preview port); 0 picks a free one. */
  readonly port?: number;
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
  let server: StaticServer;
  try {
    server = await serveStatic(options.outDir, { port: options.port ?? 4173, base, ...(options.host ? { host: options.host } : {}) });
  } catch (cause) {
    throw new LecternError('usage', `cannot listen on port ${options.port ?? 4173}: ${(cause as Error).message}`, {
      hint: 'choose another port with --port',
      cause,
    });
  }
  return { url: `${server.url}${base}`, close: () => server.close() };
}
