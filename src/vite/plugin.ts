/**
 * `lectern/vite`: the Vite plugin that serves articles as decks. In a dev server it answers `/`
 * (the deck index), `/<slug>/` (a deck, compiled from the article on each request), `/assets/*`
 * (the prebuilt runtime) and the images a deck references; it watches the articles and themes and
 * pushes changes to the open page (slides swapped in place, same slide), and reports a broken
 * article through Vite's error overlay with file and line. Usable in any Vite project:
 * `plugins: [lectern({ inputs: ['talks'] })]`.
 */
import { stat } from 'node:fs/promises';
import type { Plugin, ViteDevServer } from 'vite';
import { resolveConfig, type ResolvedConfig } from '../config.js';
import type { Diagnostic } from '../model.js';
import { CLIENT_DIR, loadRuntime, THEMES_DIR } from '../runtime/index.js';
import type { RenderedDeck } from '../model.js';
import { INDEX_EVENT, UPDATE_EVENT, type UpdatePayload } from './client.js';
import { DevDecks, overlayError, slugOf, type DeckFailure, type DeckOutcome } from './decks.js';
import { createDevHandler } from './routes.js';

/** Something the dev server wants the terminal to show. */
export type DevEvent =
  | { readonly type: 'update'; readonly slug: string; readonly file: string; readonly ms: number }
  | { readonly type: 'error'; readonly failure: DeckFailure }
  | { readonly type: 'diagnostic'; readonly diagnostic: Diagnostic }
  | { readonly type: 'index'; readonly file: string; readonly change: 'add' | 'unlink' }
  | { readonly type: 'runtime'; readonly file: string; readonly ms: number };

/** Options of the plugin. */
export interface LecternPluginOptions {
  /** Articles or folders of articles. Default `['decks']`. */
  readonly inputs?: readonly string[];
  /** Resolved Lectern config (defaults when absent). */
  readonly config?: ResolvedConfig;
  /** Folder that relative inputs are resolved from. Default: Vite's root's process.cwd(). */
  readonly cwd?: string;
  /** Called for what the terminal should show (the CLI prints; the plugin never does). */
  readonly onEvent?: (event: DevEvent) => void;
}

/** The Lectern Vite plugin (`lectern:decks` serves, watches and reports). */
export function lectern(options: LecternPluginOptions = {}): Plugin {
  const emit = options.onEvent ?? (() => undefined);
  return {
    name: 'lectern',
    apply: 'serve',
    async configureServer(server) {
      const runtime = await loadRuntime();
      const decks = new DevDecks(options.inputs ?? ['decks'], options.config ?? resolveConfig(), options.cwd ?? process.cwd(), runtime);
      const state = new DevState(server, decks, emit);
      // Registered directly (not returned): deck routes answer before Vite's own middlewares.
      server.middlewares.use(createDevHandler(decks, () => server.config.base, (o) => state.seen(o)));
      server.watcher.add([...(await decks.folders()), THEMES_DIR, CLIENT_DIR]);
      server.watcher.on('change', (file) => void state.changed(file));
      server.watcher.on('add', (file) => void state.added(file, 'add'));
      server.watcher.on('unlink', (file) => void state.added(file, 'unlink'));
    },
  };
}

/** How long after a change the file is looked at again (chokidar's change throttle is 50 ms). */
const RECHECK_MS = 80;

/** Modification time and size of a file, to notice a write the watcher did not report. */
async function stamp(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  return info === undefined ? 'missing' : `${info.mtimeMs}:${info.size}`;
}

/** What the plugin remembers between saves: each deck's page shell, and the last failure shown. */
class DevState {
  private readonly shells = new Map<string, string>();
  private lastFailure = '';
  /** Changes are handled one after the other, so a slow compile never lands after a newer one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly server: ViteDevServer,
    private readonly decks: DevDecks,
    private readonly emit: (event: DevEvent) => void,
  ) {}

  /** A page was served from this outcome: remember its shell; report a failure once. */
  seen(outcome: DeckOutcome): void {
    if (outcome.ok) {
      this.shells.set(slugOf(outcome), shellOf(outcome.compiled.rendered));
      this.lastFailure = '';
    } else this.report(outcome.failure);
  }

  /** A watched file changed: an article is recompiled and pushed, a theme rebuilds the runtime. */
  changed(file: string): Promise<void> {
    if (this.decks.isArticle(file)) return this.enqueue(() => this.articleChanged(file));
    if (file.startsWith(THEMES_DIR) || file.startsWith(CLIENT_DIR)) return this.enqueue(() => this.runtimeChanged(file));
    return Promise.resolve();
  }

  /** An article appeared or went away: the index page reloads. */
  added(file: string, change: 'add' | 'unlink'): Promise<void> {
    if (!this.decks.isArticle(file)) return Promise.resolve();
    return this.enqueue(async () => {
      this.emit({ type: 'index', file, change });
      this.server.ws.send({ type: 'custom', event: INDEX_EVENT, data: { file } });
      // Editors that save by rename announce an existing article as added.
      if (change === 'add') await this.articleChanged(file);
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((err: unknown) => {
      this.report({ message: `internal error: ${(err as Error)?.stack ?? String(err)}`, file: '', line: 1 });
    });
    return this.queue;
  }

  private async articleChanged(file: string): Promise<void> {
    const started = performance.now();
    const before = await stamp(file);
    this.recheck(file, before);
    const outcome = await this.decks.compile(file);
    if (!outcome.ok) {
      this.report(outcome.failure);
      return;
    }
    this.lastFailure = '';
    const slug = slugOf(outcome);
    const { slides } = outcome.compiled.rendered;
    const shell = shellOf(outcome.compiled.rendered);
    const reload = this.shells.has(slug) && this.shells.get(slug) !== shell;
    this.shells.set(slug, shell);
    const data: UpdatePayload = { slug, slides, reload };
    this.server.ws.send({ type: 'custom', event: UPDATE_EVENT, data });
    for (const diagnostic of outcome.compiled.rendered.diagnostics) this.emit({ type: 'diagnostic', diagnostic });
    this.emit({ type: 'update', slug, file, ms: performance.now() - started });
  }

  /**
   * Vite's watcher (chokidar 3) drops a second change to a file within 50 ms (a format-on-save
   * writes twice): look again a little later and recompile when the file moved on.
   */
  private recheck(file: string, before: string): void {
    setTimeout(() => {
      void stamp(file).then((now) => {
        if (now !== before) void this.changed(file);
      });
    }, RECHECK_MS).unref();
  }

  private async runtimeChanged(file: string): Promise<void> {
    const started = performance.now();
    try {
      this.decks.setRuntime(await loadRuntime());
    } catch (err) {
      this.report({ message: `the deck runtime failed to build: ${(err as Error).message}`, file, line: 1 });
      return;
    }
    this.shells.clear();
    this.server.ws.send({ type: 'full-reload', path: '*' });
    this.emit({ type: 'runtime', file, ms: performance.now() - started });
  }

  /** Show a failure in the browser overlay, and in the terminal unless it was the last one shown. */
  private report(failure: DeckFailure): void {
    this.server.ws.send({ type: 'error', err: overlayError(failure) });
    const key = `${failure.file}:${failure.line}:${failure.message}`;
    if (key === this.lastFailure) return;
    this.lastFailure = key;
    this.emit({ type: 'error', failure });
  }
}

/** Everything of a deck page but its slides: when it changes (theme, size, title), the page reloads. */
function shellOf(rendered: RenderedDeck): string {
  return rendered.html.replace(rendered.slides, '');
}

export default lectern;
