/**
 * What the commands that compile a set of articles share (build, pdf, export): loading and
 * compiling every deck with the pre-write checks, printing them, the progress events and results,
 * and paths as the user reads them. Kept apart from build.ts so the commands import it and not
 * each other.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { withCheckDiagnostics } from '../check/index.js';
import type { CompiledDeck, ThumbnailKind } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { LoadSourcesOptions } from '../load/files.js';
import type { Diagnostic } from '../model.js';
import type { PdfKind } from '../pdf/index.js';
import type { DeckPacing } from '../plan/pacing.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import { checkSlugs } from '../site/output.js';
import { compileWith, type Edges } from './edges.js';
import type { DeckStep } from './measure.js';
import type { DeckPrinter, PrintedSiteDeck } from './print.js';

/** Progress of a build. */
export type BuildEvent =
  /** Printing starts: `decks` decks will be measured and `jobs` PDFs made (the progress bar's total). */
  | { readonly type: 'pdf-begin'; readonly jobs: number; readonly decks: number }
  | { readonly type: 'pdf-start'; readonly slug: string; readonly kind: PdfKind }
  /** Before printing, a deck is opened and measured (re-planned while slides overflow). */
  | { readonly type: 'pdf-step'; readonly slug: string; readonly step: DeckStep }
  /** A deck is done: its final slide count, its files, its diagnostics. */
  | { readonly type: 'deck'; readonly deck: DeckResult };

/** A file written for a deck besides its page. */
export interface DeckFileResult {
  readonly label: string;
  /** Path shown to the user (relative to the working directory when inside it). */
  readonly path: string;
  readonly pages?: number;
}

/** What the build made of one article. */
export interface DeckResult {
  readonly slug: string;
  readonly source: string;
  readonly title: string;
  readonly slideCount: number;
  readonly codeBlockCount: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The deck page, as shown to the user. */
  readonly output: string;
  readonly pdfs: readonly DeckFileResult[];
  /** The talk's estimated length, its backup slides and its time slot. */
  readonly pacing: DeckPacing;
  /** The deck's PPTX (with --pptx): its slides, how many are pictures, where it is. */
  readonly pptx?: { readonly slides: number; readonly pictures: number; readonly path: string };
}


/**
 * Load and compile every article of `inputs`, with the browser-free checks' findings added to each
 * deck's diagnostics. Throws before anything is written when a deck has an error (any warning
 * with --strict) or two decks would share a folder.
 */
export async function compileAll(
  edges: Edges,
  inputs: readonly string[],
  config: ResolvedConfig,
  runtime: RuntimeManifest,
  thumbnail: ThumbnailKind,
  load: LoadSourcesOptions = {},
): Promise<CompiledDeck[]> {
  const sources = await edges.loadSources(inputs, load);
  const compiled: CompiledDeck[] = [];
  for (const source of sources) compiled.push(withCheckDiagnostics(await compileWith(edges, source, { config, runtime, thumbnail })));
  checkSlugs(compiled);
  failOnErrors(compiled.flatMap((c) => c.rendered.diagnostics), config.strict);
  return compiled;
}

/** Print every deck (print.ts is loaded only by the printer), in order, closing the printer whatever happens. */
export async function printDecks(compiled: readonly CompiledDeck[], printer: DeckPrinter): Promise<PrintedSiteDeck[]> {
  try {
    const out: PrintedSiteDeck[] = [];
    for (const deck of compiled) out.push(await printer.print(deck));
    return out;
  } finally {
    await printer.close();
  }
}

/**
 * Print every deck, in order; the printer starts closing as soon as the last deck is printed, and
 * `closed` settles when it has (on a failure it is closed before the error is thrown). The caller
 * writes its files meanwhile, and awaits `closed` before it returns.
 */
export async function printThenClose(compiled: readonly CompiledDeck[], printer: DeckPrinter): Promise<{ printed: PrintedSiteDeck[]; closed: Promise<void> }> {
  const printed: PrintedSiteDeck[] = [];
  try {
    for (const deck of compiled) printed.push(await printer.print(deck));
  } catch (error) {
    await printer.close();
    throw error;
  }
  const closed = printer.close();
  closed.catch(() => undefined); // Awaited by the caller.
  return { printed, closed };
}

/** A path relative to the working directory when it is inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(file) : rel;
}


function failOnErrors(diagnostics: readonly Diagnostic[], strict: boolean): void {
  const fatal = diagnostics.filter((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  const first = fatal[0];
  if (!first) return;
  const count = `${fatal.length} ${fatal.length === 1 ? 'problem' : 'problems'}`;
  throw new LecternError(strict && first.severity === 'warning' ? 'strict-diagnostics' : 'article-invalid', `${count} in the articles; nothing was written`, {
    diagnostics,
    hint: strict ? 'fix the diagnostics above, or build without --strict' : 'fix the errors above and build again',
  });
}
