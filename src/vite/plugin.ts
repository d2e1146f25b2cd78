/**
 * `lectern/vite`: articles as decks in any Vite app, mounted under a path of their own (default
 * `/talks/`, under Vite's `base`) so the app's own pages stay as they are. In the dev server it
 * answers `<mount>` (the deck index), `<mount><slug>/` (a deck, compiled from the article on each
 * request), `<mount>assets/*` (the prebuilt runtime) and the images a deck references; it watches
 * the articles and themes and pushes changes to the open page (slides swapped in place, same
 * slide), and reports a broken article through Vite's error overlay with file and line. In `vite
 * build` it emits the decks into the app's output (`dist/talks/…`), as `lectern build` writes them.
 * It reads `lectern.config.*` from Vite's root. `lectern dev` is this plugin mounted at `/`.
 *
 *   import lectern from 'lectern/vite';
 *   export default { plugins: [lectern({ inputs: ['talks'] })] };
 */
import { resolve } from 'node:path';
import type { Logger, Plugin, ResolvedConfig as ViteResolvedConfig } from 'vite';
import { resolveConfig, type ResolvedConfig } from '../config.js';
import { formatDiagnostic, formatError, LecternError } from '../errors.js';
import { loadConfigFile } from '../load/config-file.js';
import { CLIENT_DIR, loadRuntime, THEMES_DIR } from '../runtime/index.js';
import { DevDecks } from './decks.js';
import { DevState } from './dev-state.js';
import { emitDecks } from './emit.js';
import type { DevEvent } from './events.js';
import { createDevHandler } from './routes.js';

export type { DevEvent } from './events.js';

/** Options of the plugin. */
export interface LecternPluginOptions {
  /** Articles, folders of articles (read recursively) or globs, relative to `cwd`. Default `['decks']`. */
  readonly inputs?: readonly string[];
  /** The URL path the decks are mounted at, under Vite's `base`. Default `/talks/`. */
  readonly path?: string;
  /** A resolved Lectern config, used as it is (`lectern dev` passes its own); otherwise the config file is read. */
  readonly config?: ResolvedConfig;
  /** The config file to read instead of `lectern.config.*` in `cwd`; `false` reads none. */
  readonly configFile?: string | false;
  /** Folder that relative inputs (and the config file) are found from. Default: Vite's root. */
  readonly cwd?: string;
  /** Called for what the terminal should show. Default: Vite's logger. */
  readonly onEvent?: (event: DevEvent) => void;
}

/** The default mount path. */
export const DEFAULT_MOUNT = '/talks/';

/** The Lectern Vite plugin (`lectern:decks`: serves, watches and reports; emits the decks in a build). */
export function lectern(options: LecternPluginOptions = {}): Plugin {
  const mount = normalizeMount(options.path ?? DEFAULT_MOUNT);
  let vite: ViteResolvedConfig | undefined;
  let config: Promise<ResolvedConfig> | undefined;
  const cwd = (): string => resolve(options.cwd ?? vite?.root ?? process.cwd());
  const inputs = options.inputs ?? ['decks'];
  const lecternConfig = (): Promise<ResolvedConfig> => (config ??= loadLecternConfig(options, cwd(), vite?.logger));
  return {
    name: 'lectern:decks',
    configResolved(resolved) {
      vite = resolved;
    },
    async configureServer(server) {
      const runtime = await loadRuntime();
      const emit = options.onEvent ?? logEvents(server.config.logger);
      const decks = new DevDecks(inputs, await lecternConfig(), cwd(), runtime);
      const state = new DevState(server, decks, emit);
      // Registered directly (not returned): deck routes answer before Vite's own middlewares (and an SPA fallback).
      server.middlewares.use(createDevHandler(decks, () => joinBase(server.config.base, mount), (o) => state.seen(o), () => server.config.base));
      server.watcher.add([...(await decks.folders()), THEMES_DIR, CLIENT_DIR]);
      server.watcher.on('change', (file) => void state.changed(file));
      server.watcher.on('add', (file) => void state.added(file, 'add'));
      server.watcher.on('unlink', (file) => void state.added(file, 'unlink'));
    },
    async buildStart() {
      if (vite?.command !== 'build' || !isClientBuild(this, vite)) return;
      const outDir = resolve(vite.root, vite.build.outDir);
      try {
        const built = await emitDecks(inputs, cwd(), await lecternConfig(), [outDir]);
        for (const file of built.sources) this.addWatchFile(resolve(cwd(), file));
        for (const d of built.diagnostics) this.warn(formatDiagnostic(d));
        const folder = mount.slice(1);
        for (const [path, source] of built.files) this.emitFile({ type: 'asset', fileName: `${folder}${path}`, source });
      } catch (err) {
        if (!(err instanceof LecternError)) throw err;
        this.error([...err.diagnostics.map(formatDiagnostic), formatError(err)].join('\n'));
      }
    },
  };
}

/** `lectern.config.*` of the app (or the file named), resolved; its warnings through Vite's logger. */
async function loadLecternConfig(options: LecternPluginOptions, cwd: string, logger: Logger | undefined): Promise<ResolvedConfig> {
  if (options.config !== undefined) return options.config;
  if (options.configFile === false) return resolveConfig();
  const loaded = await loadConfigFile(cwd, options.configFile === undefined ? undefined : resolve(cwd, options.configFile));
  for (const d of loaded.diagnostics) logger?.warn(`[lectern] ${formatDiagnostic(d)}`);
  return resolveConfig(loaded.config);
}

/** Whether this build is the browser build of the app (not an SSR or another server environment's). */
function isClientBuild(context: { environment?: { config: { consumer?: string } } }, vite: ViteResolvedConfig): boolean {
  if (context.environment !== undefined) return context.environment.config.consumer === 'client';
  return !vite.build.ssr;
}

/** A mount path with one leading and one trailing slash (`talks` → `/talks/`). */
export function normalizeMount(path: string): string {
  const inner = path.split('/').filter((part) => part !== '').join('/');
  if (inner.split('/').some((part) => part === '.' || part === '..')) throw new LecternError('config-invalid', `the decks' path must be a plain URL path, not ${JSON.stringify(path)}`);
  return inner === '' ? '/' : `/${inner}/`;
}

/** Vite's base and the mount joined (`/app/` + `/talks/` → `/app/talks/`); a relative base (`./`) counts as `/`. */
export function joinBase(base: string, mount: string): string {
  const root = base.startsWith('/') ? base.replace(/\/*$/, '/') : '/';
  return `${root}${mount.slice(1)}`;
}

/** Dev server events through Vite's logger (the plugin in an app without Lectern's CLI). */
function logEvents(logger: Logger): (event: DevEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'update':
        return logger.info(`[lectern] ${event.slug}: updated in ${event.ms.toFixed(0)} ms`, { timestamp: true });
      case 'error':
        return logger.error(`[lectern] ${event.failure.message}`, { timestamp: true });
      case 'diagnostic':
        if (event.diagnostic.severity !== 'info') logger.warn(`[lectern] ${formatDiagnostic(event.diagnostic)}`, { timestamp: true });
        return;
      case 'index':
        return logger.info(`[lectern] ${event.change === 'add' ? 'new article' : 'article removed'}: ${event.file}`, { timestamp: true });
      case 'runtime':
        return logger.info(`[lectern] runtime rebuilt (${event.file} changed)`, { timestamp: true });
    }
  };
}

/** The same plugin under the house's name for plugin factories (`create*Plugin`). */
export const createLecternPlugin = lectern;

export default lectern;
