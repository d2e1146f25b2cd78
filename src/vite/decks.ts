/**
 * The decks a dev server shows: the article files under its inputs (listed again when files come
 * and go), each compiled fresh from disk when asked, with a failure kept as data (message, file,
 * line) for Vite's error overlay and the terminal.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { formatDiagnostic, formatError, LecternError } from '../errors.js';
import { isArticlePath, loadSources, slugFromPath } from '../load/index.js';
import type { Diagnostic } from '../model.js';
import { compileSource, type CompiledDeck } from '../compile.js';
import type { RuntimeManifest } from '../runtime/manifest.js';

/** Why an article could not become a deck: what the overlay and the terminal show. */
export interface DeckFailure {
  readonly message: string;
  /** Absolute path of the article. */
  readonly file: string;
  readonly line: number;
}

/** One compile of an article: the deck, or why there is none. */
export type DeckOutcome =
  | { readonly ok: true; readonly file: string; readonly compiled: CompiledDeck }
  | { readonly ok: false; readonly file: string; readonly slug: string; readonly failure: DeckFailure };

/** Files in a folder that are not articles even with an article extension (as the build skips them). */
const NOT_ARTICLES = /^(readme\.[^.]+|licen[sc]e.*|changelog.*|sources.*)$/i;

/** The article files of the dev server's inputs (absolute paths), listed on demand. */
export class DevDecks {
  /** Absolute input paths: folders of articles or single articles. */
  readonly inputs: readonly string[];

  constructor(
    inputs: readonly string[],
    private readonly config: ResolvedConfig,
    private readonly cwd: string,
    private runtime: RuntimeManifest,
  ) {
    this.inputs = inputs.map((i) => resolve(cwd, i));
  }

  /** The runtime's files (`assets/<name>`), the only ones `/assets/` serves. */
  runtimeFiles(): ReadonlySet<string> {
    return new Set(this.runtime.files);
  }

  /** Use a rebuilt runtime (after a theme changed). */
  setRuntime(runtime: RuntimeManifest): void {
    this.runtime = runtime;
  }

  /** The folders to watch and to allow: each input folder, or a single article's folder. */
  async folders(): Promise<string[]> {
    const out: string[] = [];
    for (const input of this.inputs) {
      const info = await stat(input).catch(() => undefined);
      const folder = info?.isDirectory() ? input : dirname(input);
      if (!out.includes(folder)) out.push(folder);
    }
    return out;
  }

  /** Whether `file` is (or would be) one of the served articles. */
  isArticle(file: string): boolean {
    const abs = resolve(file);
    if (!isArticlePath(abs)) return false;
    const name = abs.slice(dirname(abs).length + 1);
    if (/^[_.]/.test(name) || NOT_ARTICLES.test(name)) return false;
    return this.inputs.some((input) => input === abs || dirname(abs) === input);
  }

  /** Every article file now, in name order. */
  async files(): Promise<string[]> {
    const found: string[] = [];
    for (const input of this.inputs) {
      const info = await stat(input).catch(() => undefined);
      if (info?.isFile()) found.push(input);
      if (!info?.isDirectory()) continue;
      const names = await readdir(input).catch(() => [] as string[]);
      for (const name of names.sort()) if (this.isArticle(join(input, name))) found.push(join(input, name));
    }
    return [...new Set(found)];
  }

  /** Compile one article from disk now. */
  async compile(file: string): Promise<DeckOutcome> {
    try {
      const [source] = await loadSources([file], { cwd: this.cwd });
      if (source === undefined) throw new LecternError('input-missing', `no such file: ${file}`, { file });
      // The same compile as `lectern build` (an HTML-only one): the dev server shows the deck it writes.
      const compiled = await compileSource(source, { config: this.config, runtime: this.runtime, thumbnail: 'svg' }, this.cwd);
      const error = compiled.rendered.diagnostics.find((d) => d.severity === 'error');
      if (error !== undefined) return { ok: false, file, slug: compiled.rendered.slug, failure: this.fromDiagnostic(error, file) };
      return { ok: true, file, compiled };
    } catch (err) {
      return { ok: false, file, slug: slugFromPath(file, {}), failure: this.fromError(err, file) };
    }
  }

  /** Compile every article (for the index page and for finding a slug). */
  async compileAll(): Promise<DeckOutcome[]> {
    const outcomes: DeckOutcome[] = [];
    for (const file of await this.files()) outcomes.push(await this.compile(file));
    return outcomes;
  }

  /** The article whose deck has `slug`, compiled. */
  async findBySlug(slug: string): Promise<DeckOutcome | undefined> {
    return (await this.compileAll()).find((o) => slugOf(o) === slug);
  }

  /** A path to show in messages (relative to the working directory when inside it). */
  display(file: string): string {
    const rel = relative(this.cwd, file);
    return rel.startsWith('..') ? file : rel;
  }

  private fromError(err: unknown, file: string): DeckFailure {
    if (err instanceof LecternError) {
      const where = err.file === undefined ? file : resolve(this.cwd, err.file);
      return { message: formatError(err), file: where, line: err.line ?? 1 };
    }
    return { message: `internal error: ${(err as Error)?.stack ?? String(err)}`, file, line: 1 };
  }

  private fromDiagnostic(d: Diagnostic, file: string): DeckFailure {
    return { message: formatDiagnostic(d), file: resolve(this.cwd, d.file || file), line: d.line ?? 1 };
  }
}

/** The slug of an outcome, compiled or not. */
export function slugOf(outcome: DeckOutcome): string {
  return outcome.ok ? outcome.compiled.rendered.slug : outcome.slug;
}
/** A failure in the shape Vite's error overlay reads (`loc` gives the `file:line:column` link). */
export function overlayError(failure: DeckFailure): { message: string; stack: string; id: string; plugin: string; loc: { file: string; line: number; column: number } } {
  return { message: failure.message, stack: '', id: failure.file, plugin: 'lectern', loc: { file: failure.file, line: failure.line, column: 1 } };
}

