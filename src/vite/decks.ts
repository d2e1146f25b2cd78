/**
 * The decks a dev server shows: the article files under its inputs (listed again when files come
 * and go), each compiled fresh from disk when asked, with a failure kept as data (message, file,
 * line) for Vite's error overlay and the terminal.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { formatDiagnostic, formatError, LecternError } from '../errors.js';
import { expandInputs, globBase, isGlob, isListedArticle, isUnderInputs, loadSources, slugFromPath } from '../load/index.js';
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

/** The article files of the dev server's inputs (absolute paths), listed on demand, as a build lists them. */
export class DevDecks {
  /** Absolute input paths of the inputs that are not globs: folders of articles or single articles. */
  readonly inputs: readonly string[];
  /** Glob inputs as written (matched from cwd). */
  private readonly globs: readonly string[];

  constructor(
    private readonly given: readonly string[],
    private readonly config: ResolvedConfig,
    private readonly cwd: string,
    private runtime: RuntimeManifest,
  ) {
    this.globs = given.filter((i) => isGlob(i) && !existsSync(resolve(cwd, i)));
    this.inputs = given.filter((i) => !this.globs.includes(i)).map((i) => resolve(cwd, i));
  }

  /** The runtime's files (`assets/<name>`), the only ones `/assets/` serves. */
  runtimeFiles(): ReadonlySet<string> {
    return new Set(this.runtime.files);
  }

  /** Use a rebuilt runtime (after a theme changed). */
  setRuntime(runtime: RuntimeManifest): void {
    this.runtime = runtime;
  }

  /** The folders to watch and to allow: each input folder, a single article's folder, a glob's fixed part. */
  async folders(): Promise<string[]> {
    const out: string[] = [];
    for (const input of [...this.inputs, ...this.globs.map((g) => resolve(this.cwd, globBase(g)))]) {
      const info = await stat(input).catch(() => undefined);
      const folder = info?.isDirectory() ? input : dirname(input);
      if (!out.includes(folder)) out.push(folder);
    }
    return out;
  }

  /** Whether `file` is (or would be) one of the served articles. */
  isArticle(file: string): boolean {
    const abs = resolve(file);
    if (isUnderInputs(abs, this.inputs)) return true;
    const name = abs.split(/[\\/]/).pop() ?? abs;
    return isListedArticle(name) && this.globs.some((g) => inside(abs, resolve(this.cwd, globBase(g))));
  }

  /** Every article file now (an input that names nothing yet is skipped). */
  async files(): Promise<string[]> {
    const found: string[] = [];
    for (const input of this.given) found.push(...(await expandInputs([input], { cwd: this.cwd }).catch(() => [])));
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

/** Whether `path` is under `folder`. */
function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The slug of an outcome, compiled or not. */
export function slugOf(outcome: DeckOutcome): string {
  return outcome.ok ? outcome.compiled.rendered.slug : outcome.slug;
}
/** A failure in the shape Vite's error overlay reads (`loc` gives the `file:line:column` link). */
export function overlayError(failure: DeckFailure): { message: string; stack: string; id: string; plugin: string; loc: { file: string; line: number; column: number } } {
  return { message: failure.message, stack: '', id: failure.file, plugin: 'lectern', loc: { file: failure.file, line: failure.line, column: 1 } };
}

