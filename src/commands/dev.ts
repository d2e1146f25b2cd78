/**
 * `lectern dev`: a Vite dev server with the Lectern plugin, on 127.0.0.1 by default. Vite's root is
 * an empty temporary folder, so Vite itself has nothing of the project to serve, and `server.fs`
 * allows it nothing else; the dev guard (vite/guard.ts) lets through only Host names of this
 * machine, the plugin's routes (decks, runtime, referenced images) and Vite's HMR client.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { ResolvedConfig } from '../config.js';
import { loadRuntime } from '../runtime/index.js';
import { devGuardPlugins } from '../vite/guard.js';
import { lectern, type DevEvent } from '../vite/plugin.js';

/** Options of startDevServer. */
export interface DevServerOptions {
  /** Articles or folders of articles. */
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Port to listen on; taken or not, Vite tries the next ones unless `strictPort`. Default 5173. */
  readonly port?: number;
  readonly strictPort?: boolean;
  /** Interface to listen on. Default 127.0.0.1 (never the whole network unless asked). */
  readonly host?: string;
  readonly cwd?: string;
  readonly onEvent?: (event: DevEvent) => void;
}

/** A running dev server. */
export interface DevServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly vite: ViteDevServer;
  close(): Promise<void>;
}

/** Start the dev server; resolves once it listens. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const host = options.host ?? '127.0.0.1';
  // Build (or check) the runtime before Vite starts, so the first page is not held up by it.
  await loadRuntime();
  const root = await mkdtemp(join(tmpdir(), 'lectern-dev-'));
  let vite: ViteDevServer;
  try {
    vite = await createServer({
      configFile: false,
      envDir: false,
      root,
      cacheDir: join(root, 'cache'),
      publicDir: false,
      appType: 'custom',
      logLevel: 'warn',
      clearScreen: false,
      optimizeDeps: { noDiscovery: true, include: [], entries: [] },
      server: {
        host,
        port: options.port ?? 5173,
        strictPort: options.strictPort ?? false,
        // Nothing through /@fs/: the plugin serves the runtime and the images itself.
        fs: { strict: true, allow: [root], deny: ['**/.*', '**/.*/**'] },
        hmr: { overlay: true },
      },
      plugins: [...devGuardPlugins({ host }), lectern({ inputs: options.inputs, config: options.config, cwd, path: '/', ...(options.onEvent ? { onEvent: options.onEvent } : {}) })],
    });
    await vite.listen();
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }
  const address = vite.httpServer?.address() as AddressInfo | null;
  const port = address?.port ?? options.port ?? 5173;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    vite,
    close: async () => {
      await vite.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
