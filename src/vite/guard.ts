/**
 * The fence around `lectern dev` (not part of the `lectern/vite` plugin: a Vite app of your own
 * decides what it serves). The dev server serves what the README promises — the decks, the
 * runtime, the images the articles reference (the `lectern` plugin's routes) and Vite's own HMR
 * client — and nothing else: no `/@fs/` path, no article source with `?raw`/`?url`/`?import`, no
 * file of the decks folder. Before any route, a request must name this machine in its Host header
 * (DNS rebinding) and its path must hold no `..`, backslash, NUL or hidden name.
 */
import { realpathSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { checkPath, hostAllowed } from '../browser/request-guard.js';

/**
 * The only paths of Vite's own the dev page needs: its HMR client, and the module the client
 * imports (`/@fs/…/vite/dist/client/env.mjs`, by its real path).
 */
export const VITE_CLIENT_PATHS: ReadonlySet<string> = new Set(['@vite/client', '@vite/env', `@fs${viteClientEnv()}`]);

function viteClientEnv(): string {
  const file = realpathSync(createRequire(import.meta.url).resolve('vite/dist/client/env.mjs'));
  return file.split('\\').join('/').replace(/^(?=[^/])/, '/');
}

/** `lectern:dev-guard` (first) and `lectern:dev-fence` (after the `lectern` plugin's routes). */
export function devGuardPlugins(options: { readonly host: string }): Plugin[] {
  // Requests that only the lectern plugin may answer: what it leaves is a 404, not Vite's.
  const lecternOnly = new WeakSet<IncomingMessage>();
  return [
    {
      name: 'lectern:dev-guard',
      enforce: 'pre',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          const status = refusal(req, options.host, server.config.base);
          if (status === 'vite') return next();
          if (status === 'lectern') {
            lecternOnly.add(req);
            return next();
          }
          res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(status === 404 ? 'not found' : 'forbidden');
        });
      },
    },
    {
      name: 'lectern:dev-fence',
      enforce: 'post',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          if (!lecternOnly.has(req)) return next();
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        });
      },
    },
  ];
}

/** Who may answer a request: Vite (its client), the lectern routes only, or nobody (a status). */
function refusal(req: IncomingMessage, host: string, base: string): 'vite' | 'lectern' | 403 | 404 | 405 {
  if (!hostAllowed(req.headers.host, host)) return 403;
  if (req.method !== 'GET' && req.method !== 'HEAD') return 405;
  const checked = checkPath(req.url ?? '/');
  if (!checked.ok) return checked.status;
  const path = checked.segments.join('/');
  const prefix = base.replace(/^\/|\/$/g, '');
  const inside = prefix === '' ? path : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined;
  return inside !== undefined && VITE_CLIENT_PATHS.has(inside) ? 'vite' : 'lectern';
}
