/**
 * `lectern build`: every article compiled in memory, the PDFs and thumbnails printed (with --pdf),
 * and only then the whole site written into the output folder — a build that fails at any step
 * leaves the previous output as it was. What it reports comes from the final decks.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { withCheckDiagnostics } from '../check/index.js';
import type { CompiledDeck, ThumbnailKind } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { LoadSourcesOptions } from '../load/files.js';
import type { Diagnostic } from '../model.js';
import type { PdfKind } from '../pdf/index.js';
import { deckPacing, type DeckPacing } from '../plan/pacing.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import type { IndexEntry } from '../site/index-page.js';
import { deckOutput, drawsDiagrams, indexOutput, showsMath, mergeOutput, READING_VIEW_FILE, runtimeOutput, type OutputFile } from '../site/output.js';
import { deferSignals } from '../util/signals.js';
import { compileWith, realEdges, type Edges } from './edges.js';
import type { DeckStep } from './measure.js';
import type { DeckPrinter, PrintedSiteDeck } from './print.js';

/** What to build. */
export interface BuildOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Print slides.pdf and handout.pdf for every deck too (needs a browser). */
  readonly pdf?: boolean;
  /** Write slides.pptx for every deck too (a browser only for slides that must be pictures). */
  readonly pptx?: boolean;
  /** Progress, for the CLI's lines and bar. */
  readonly onEvent?: (event: BuildEvent) => void;
}

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

/** The outcome of a build. */
export interface BuildResult {
  readonly outDir: string;
  readonly decks: readonly DeckResult[];
  readonly diagnostics: readonly Diagnostic[];
  /** Files of the previous build that this one no longer has, removed. */
  readonly removed: readonly string[];
}

/** Build the static site: `<out>/<slug>/index.html` per article, `<out>/index.html`, shared `<out>/assets/`. */
export async function buildSite(options: BuildOptions, edges: Edges = realEdges): Promise<BuildResult> {
  const { config } = options;
  const runtime = await edges.loadRuntime();
  // A PNG of the title slide when a browser runs anyway (PDFs), or when the site is hosted (link
  // previews need one): the deck page is the same either way.
  // With --pptx: the articles' pictures, read once, and the slides that must be pictures of the slide.
  const pptx = options.pptx === true ? await import('./export.js') : undefined;
  const sources = pptx === undefined ? undefined : await pptx.pptxSources(edges);
  const pdfOrShare = options.pdf === true || config.siteUrl !== undefined;
  // The output folder is never read as input (`lectern build .` must not read last build's pages).
  const compiled = await compileAll(edges, options.inputs, config, runtime, pdfOrShare ? 'png' : 'svg', { exclude: [config.outDir] });
  const pictures = sources === undefined ? undefined : await sources.pictures(compiled);
  const browser = pdfOrShare || (pictures !== undefined && compiled.some((c) => pictures(c) !== undefined));
  let printed: readonly PrintedSiteDeck[] | undefined;
  if (browser) {
    if (options.pdf) options.onEvent?.({ type: 'pdf-begin', jobs: compiled.length * 2, decks: compiled.length });
    const printer = await edges.printer(runtime, {
      config,
      slides: options.pdf === true,
      handout: options.pdf === true,
      thumbnail: true,
      // The planner fits slides from the fonts: the browser verifies (a warning for a slide that
      // still overflows) and never rewrites a page, so HTML is the same with or without PDFs.
      refit: false,
      ...(pictures === undefined ? {} : { pictures }),
      onStart: (slug, kind) => options.onEvent?.({ type: 'pdf-start', slug, kind }),
      onStep: (slug, step) => options.onEvent?.({ type: 'pdf-step', slug, step }),
    });
    printed = await printDecks(compiled, printer);
    failOnOverflow(printed, config.strict);
  }
  const made = printed ?? compiled.map((c) => ({ compiled: c }));
  // Each PPTX in memory, from the deck as printed (and its pictures), before anything is written.
  const pptxFiles = new Map<string, { bytes: Uint8Array; slides: number; pictures: number }>();
  if (sources !== undefined) {
    for (const d of made) pptxFiles.set(d.compiled.rendered.slug, await sources.make(d.compiled, 'printed' in d ? d.printed.pictures : undefined));
  }
  const decks = made.map((d) => siteDeck(d, config.outDir, pptxFiles.get(d.compiled.rendered.slug)));
  const needs = { diagrams: compiled.some(drawsDiagrams), math: compiled.some(showsMath) };
  const output = mergeOutput(runtimeOutput(runtime, needs), ...decks.map((d) => d.files), indexOutput(decks.map((d) => d.entry)));
  // The one write of the build: a Ctrl-C during it takes effect once the site is whole.
  const written = await deferSignals(() => edges.writeSite(config.outDir, output));
  for (const d of decks) options.onEvent?.({ type: 'deck', deck: d.result });
  return { outDir: config.outDir, decks: decks.map((d) => d.result), diagnostics: decks.flatMap((d) => d.result.diagnostics), removed: written.removed };
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

interface SiteDeck {
  readonly files: Map<string, OutputFile>;
  readonly entry: IndexEntry;
  readonly result: DeckResult;
}

/** A deck's files, index entry and result, from its compiled (and maybe printed) form. */
function siteDeck(
  deck: { readonly compiled: CompiledDeck; readonly printed?: PrintedSiteDeck['printed']; readonly diagnostics?: readonly Diagnostic[] },
  outDir: string,
  pptx?: { readonly bytes: Uint8Array; readonly slides: number; readonly pictures: number },
): SiteDeck {
  const { compiled, printed } = deck;
  const slug = compiled.rendered.slug;
  const files = deckOutput(compiled);
  const pdfs: DeckFileResult[] = [];
  const entries: IndexEntry['pdfs'][number][] = [];
  for (const [kind, label] of [['slides', 'slides PDF'], ['handout', 'handout PDF']] as const) {
    const pdf = printed?.[kind];
    if (pdf === undefined) continue;
    files.set(`${slug}/${kind}.pdf`, { data: pdf.bytes });
    pdfs.push({ label, path: displayPath(join(outDir, slug, `${kind}.pdf`)), pages: pdf.pages });
    entries.push({ label, file: `${kind}.pdf` });
  }
  if (pptx !== undefined) {
    files.set(`${slug}/slides.pptx`, { data: pptx.bytes });
    entries.push({ label: 'PPTX', file: 'slides.pptx' });
  }
  if (printed?.thumbnail !== undefined) files.set(`${slug}/${compiled.files.thumbnail}`, { data: printed.thumbnail });
  const { meta } = compiled.deck;
  const pacing = deckPacing(compiled.deck);
  const entry: IndexEntry = {
    slug,
    title: meta.title,
    slideCount: compiled.rendered.slideCount,
    pdfs: entries,
    thumbnail: `${slug}/${compiled.files.thumbnail}`,
    reading: READING_VIEW_FILE.replace(/index\.html$/, ''),
    minutes: pacing.minutes,
    ...(pacing.backupSlides > 0 ? { backupSlides: pacing.backupSlides } : {}),
    ...(meta.description === undefined ? {} : { description: meta.description }),
  };
  const result: DeckResult = {
    slug,
    source: compiled.source.path,
    title: meta.title,
    slideCount: compiled.rendered.slideCount,
    codeBlockCount: compiled.rendered.codeBlockCount,
    diagnostics: [...compiled.rendered.diagnostics, ...(deck.diagnostics ?? [])],
    output: displayPath(join(outDir, slug, 'index.html')),
    pdfs,
    pacing,
    ...(pptx === undefined ? {} : { pptx: { slides: pptx.slides, pictures: pptx.pictures, path: displayPath(join(outDir, slug, 'slides.pptx')) } }),
  };
  return { files, entry, result };
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

/** A path relative to the working directory when it is inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(file) : rel;
}

function checkSlugs(compiled: readonly CompiledDeck[]): void {
  const seen = new Map<string, string>();
  for (const c of compiled) {
    const other = seen.get(c.rendered.slug);
    if (other !== undefined) {
      throw new LecternError('input-unsupported', `two articles would both be written to "${c.rendered.slug}/": ${other} and ${c.source.path}`, {
        file: c.source.path,
        hint: 'give one of them a different `slug:` in its front matter',
      });
    }
    seen.set(c.rendered.slug, c.source.path);
  }
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

/** With --strict, a slide that still overflows after re-planning fails the build (nothing is written). */
function failOnOverflow(printed: readonly PrintedSiteDeck[], strict: boolean): void {
  if (!strict) return;
  const overflows = printed.flatMap((p) => p.diagnostics.filter((d) => d.code === 'export-slide-overflow'));
  if (overflows.length === 0) return;
  const n = overflows.length;
  throw new LecternError('strict-diagnostics', `${n} ${n === 1 ? 'slide overflows' : 'slides overflow'} after re-planning; nothing was written`, {
    diagnostics: overflows,
    hint: 'shorten the content named above, or build without --strict',
  });
}
