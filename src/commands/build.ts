/**
 * `lectern build`: every article compiled in memory, the PDFs and thumbnails printed (with --pdf),
 * and only then the whole site written into the output folder — a build that fails at any step
 * leaves the previous output as it was. What it reports comes from the final decks.
 */
import { join } from 'node:path';
import type { CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { deckPacing } from '../plan/pacing.js';
import type { IndexEntry } from '../site/index-page.js';
import { deckOutput, drawsDiagrams, indexOutput, showsMath, mergeOutput, READING_VIEW_FILE, runtimeOutput, type OutputFile } from '../site/output.js';
import { deferSignals } from '../util/signals.js';
import { compileAll, displayPath, printDecks, type BuildEvent, type DeckFileResult, type DeckResult } from './decks.js';
import { realEdges, type Edges } from './edges.js';
import type { PrintedSiteDeck } from './print.js';

export { compileAll, displayPath, printDecks, type BuildEvent, type DeckFileResult, type DeckResult } from './decks.js';

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
