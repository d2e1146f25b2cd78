/**
 * The decks of a `vite build`: the same files an HTML-only `lectern build` writes — each deck's
 * page, images, QR code and thumbnail card, the shared runtime under `assets/`, the index page —
 * as paths relative to the mount folder, for the plugin to emit into the app's output. The same
 * compile path and the same browser-free checks; an error (any warning with `strict`) or two decks
 * with one slug fail the build with every problem listed.
 */
import { readFile } from 'node:fs/promises';
import { withCheckDiagnostics } from '../check/index.js';
import { compileSource, type CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import { loadSources } from '../load/index.js';
import type { Diagnostic } from '../model.js';
import { loadRuntime } from '../runtime/index.js';
import type { IndexEntry } from '../site/index-page.js';
import { checkSlugs, deckOutput, indexOutput, mergeOutput, runtimeOutput } from '../site/output.js';

/** What a build of the decks gives the plugin to emit. */
export interface EmittedDecks {
  /** Path under the mount folder (`eventlet/index.html`, `assets/deck-….js`) → content. */
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  /** The articles read (for Vite's watch mode). */
  readonly sources: readonly string[];
  /** Warnings of every deck (errors throw). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Compile the decks of `inputs` (relative to `cwd`) into files to emit. */
export async function emitDecks(inputs: readonly string[], cwd: string, config: ResolvedConfig, exclude: readonly string[]): Promise<EmittedDecks> {
  const runtime = await loadRuntime();
  const sources = await loadSources(inputs, { cwd, exclude });
  const compiled: CompiledDeck[] = [];
  for (const source of sources) compiled.push(withCheckDiagnostics(await compileSource(source, { config, runtime, thumbnail: 'svg' })));
  const diagnostics = compiled.flatMap((c) => c.rendered.diagnostics);
  failOnProblems(compiled, diagnostics, config.strict);
  const output = mergeOutput(runtimeOutput(runtime), ...compiled.map(deckOutput), indexOutput(compiled.map(indexEntry)));
  const files = new Map<string, string | Uint8Array>();
  for (const [path, file] of output) files.set(path, 'data' in file ? file.data : await readFile(file.copy));
  return { files, sources: sources.map((s) => s.path), diagnostics: diagnostics.filter((d) => d.severity !== 'info') };
}

function indexEntry(c: CompiledDeck): IndexEntry {
  const { meta } = c.deck;
  return {
    slug: c.rendered.slug,
    title: meta.title,
    slideCount: c.rendered.slideCount,
    pdfs: [],
    thumbnail: `${c.rendered.slug}/${c.files.thumbnail}`,
    ...(meta.description === undefined ? {} : { description: meta.description }),
  };
}

function failOnProblems(compiled: readonly CompiledDeck[], diagnostics: readonly Diagnostic[], strict: boolean): void {
  checkSlugs(compiled);
  const fatal = diagnostics.filter((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  if (fatal.length === 0) return;
  throw new LecternError(strict && fatal[0]!.severity === 'warning' ? 'strict-diagnostics' : 'article-invalid', `${fatal.length} ${fatal.length === 1 ? 'problem' : 'problems'} in the articles`, {
    diagnostics: fatal,
    hint: strict ? 'fix the diagnostics, or set strict: false' : 'fix the errors and build again',
  });
}
