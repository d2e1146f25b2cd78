/**
 * `lectern pdf`: PDFs without a site. The decks are compiled in memory (while the browser starts)
 * and printed from a scratch site; `<slug>.slides.pdf` (and `<slug>.handout.pdf` with `handout`)
 * are written into the output folder once every deck has printed, each atomically.
 */
import { join } from 'node:path';
import type { CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import type { Diagnostic } from '../model.js';
import { compileAll, displayPath, printThenClose, type BuildEvent, type DeckFileResult } from './decks.js';
import { deferSignals } from '../util/signals.js';
import { realEdges, type Edges } from './edges.js';

/** Options of `lectern pdf`. */
export interface PdfCommandOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Also make the handout. */
  readonly handout: boolean;
  /** Make the slides PDF (default true). */
  readonly slides?: boolean;
  readonly onEvent?: (event: PdfEvent) => void;
}

/** Progress of `lectern pdf`: printing starts, a PDF starts, a deck's PDFs are written. */
export type PdfEvent = Exclude<BuildEvent, { type: 'deck' }> | { readonly type: 'written'; readonly slug: string; readonly files: readonly DeckFileResult[]; readonly diagnostics: readonly Diagnostic[] };

/** What `lectern pdf` wrote. */
export interface PdfCommandResult {
  readonly files: readonly DeckFileResult[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Export PDFs of articles into `config.outDir`. */
export async function exportPdfs(options: PdfCommandOptions, edges: Edges = realEdges): Promise<PdfCommandResult> {
  const { config } = options;
  const runtime = await edges.loadRuntime();
  const slides = options.slides !== false;
  // The printer first: Chromium starts while the articles compile (it takes longer than they do
  // for all but huge inputs). Nothing is printed, and it is closed again, if one has an error.
  const printer = await edges.printer(runtime, {
    config,
    slides,
    handout: options.handout,
    thumbnail: false,
    refit: false,
    onStart: (slug, kind) => options.onEvent?.({ type: 'pdf-start', slug, kind }),
    onStep: (slug, step) => options.onEvent?.({ type: 'pdf-step', slug, step }),
  });
  let compiled: CompiledDeck[];
  try {
    compiled = await compileAll(edges, options.inputs, config, runtime, 'svg');
  } catch (error) {
    await printer.close();
    throw error;
  }
  options.onEvent?.({ type: 'pdf-begin', jobs: compiled.length * ((slides ? 1 : 0) + (options.handout ? 1 : 0)), decks: compiled.length });
  // The browser closes while the PDFs are written.
  const { printed, closed } = await printThenClose(compiled, printer);
  const files: DeckFileResult[] = [];
  const diagnostics: Diagnostic[] = [];
  // A Ctrl-C while the PDFs are written takes effect once they all are.
  try {
    await deferSignals(async () => {
      for (const deck of printed) {
        const slug = deck.compiled.rendered.slug;
        const written: DeckFileResult[] = [];
        for (const [kind, label] of [['slides', 'slides PDF'], ['handout', 'handout PDF']] as const) {
          const pdf = deck.printed[kind];
          if (pdf === undefined) continue;
          const file = join(config.outDir, `${slug}.${kind}.pdf`);
          await edges.writeFile(file, pdf.bytes);
          written.push({ label, path: displayPath(file), pages: pdf.pages });
        }
        const found = [...deck.compiled.rendered.diagnostics, ...deck.diagnostics];
        files.push(...written);
        diagnostics.push(...found);
        options.onEvent?.({ type: 'written', slug, files: written, diagnostics: found });
      }
    });
  } finally {
    await closed;
  }
  return { files, diagnostics };
}
