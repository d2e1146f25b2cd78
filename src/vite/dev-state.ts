/**
 * What the dev server remembers between saves — each deck's page shell and the last failure shown —
 * and how it answers a change: an article is compiled again and its slides pushed to the open page
 * (same slide, no reload), a theme or the client rebuilds the runtime (in a checkout) and reloads.
 */
import { stat } from 'node:fs/promises';
import type { ViteDevServer } from 'vite';
import type { RenderedDeck } from '../model.js';
import { CLIENT_DIR, loadRuntime, THEMES_DIR } from '../runtime/index.js';
import { INDEX_EVENT, UPDATE_EVENT, type UpdatePayload } from './client.js';
import { overlayError, slugOf, type DeckFailure, type DeckOutcome, type DevDecks } from './decks.js';
import type { DevEvent } from './events.js';

/** How long after a change the file is looked at again (chokidar's change throttle is 50 ms). */
const RECHECK_MS = 80;

/** Modification time and size of a file, to notice a write the watcher did not report. */
async function stamp(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  return info === undefined ? 'missing' : `${info.mtimeMs}:${info.size}`;
}

/** What the plugin remembers between saves: each deck's page shell, and the last failure shown. */
export class DevState {
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

