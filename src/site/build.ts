/**
 * `lectern build`: load every article, compile it, and write the static site — all decks are compiled
 * in memory first, so an error in one article leaves the previous output untouched.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { Diagnostic, FitHints, RuntimeAssets } from '../model.js';
import { loadSources } from '../load/index.js';
import { compileSource, type CompiledDeck } from '../pipeline.js';
import { withCheckDiagnostics } from '../check/static.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { renderIndexPage, type IndexEntry } from './index-page.js';
import { copyRuntime, loadRuntime, themeStylesheet, type RuntimeManifest } from './runtime.js';
import { sitePreparer, writeDeckFiles, type SiteDeckFiles } from './site-deck.js';

/** Options of one build beyond the resolved config. */
export interface BuildOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  /** Export PDFs too (slides and handout) through a browser. */
  readonly pdf?: boolean;
  /** Called as each stage finishes, for the CLI's progress lines. */
  readonly onEvent?: (event: BuildEvent) => void;
  /** Settings for the PDF export (browser path, timeout, paper...). */
  readonly pdfOptions?: PdfBuildOptions;
  /** Where each deck's PDFs go (default: slides.pdf and handout.pdf in the deck's folder). */
  readonly pdfPaths?: (slug: string) => { readonly slides?: string; readonly handout?: string };
}

/** Options the PDF step passes to the exporter. */
export interface PdfBuildOptions {
  readonly browser?: string;
  readonly timeoutMs?: number;
  readonly paper?: 'a4' | 'letter';
  readonly layout?: 'notes' | '3up';
  /** One slides-PDF page per fragment step. */
  readonly steps?: boolean;
}

/** Progress of a build, one event per deck and step. */
export type BuildEvent =
  | { readonly type: 'deck'; readonly deck: DeckResult }
  /** Printing starts: `jobs` PDFs will be written (the progress bar's total). */
  | { readonly type: 'pdf-begin'; readonly jobs: number }
  | { readonly type: 'pdf-start'; readonly slug: string; readonly kind: 'slides' | 'handout' }
  | { readonly type: 'pdf'; readonly slug: string; readonly file: string; readonly pages: number }
  | { readonly type: 'diagnostic'; readonly diagnostic: Diagnostic };

/** What the build made of one article. */
export interface DeckResult {
  readonly slug: string;
  readonly source: string;
  readonly title: string;
  readonly slideCount: number;
  readonly codeBlockCount: number;
  readonly diagnostics: readonly Diagnostic[];
  /** The deck page, relative to the working directory. */
  readonly output: string;
  pdfs: { label: string; file: string }[];
  /** The thumbnail's file name inside the deck folder, once written. */
  thumbnail?: string;
}

/** The outcome of a build. */
export interface BuildResult {
  readonly outDir: string;
  readonly decks: readonly DeckResult[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Build the static site: `<out>/<slug>/index.html` per article, `<out>/index.html`, shared `<out>/assets/`. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const { config } = options;
  const sources = await loadSources(options.inputs);
  const runtime = await loadRuntime();
  const files = new Map<string, SiteDeckFiles>();
  const thumbnail = options.pdf ? 'png' : 'svg';
  // Fit hints (from the PDF step's measurement) re-plan a deck; leaks, code and conservation are checked without a browser.
  const compile = (s: (typeof sources)[number], hints?: FitHints): CompiledDeck =>
    compileSource(s, config, (theme) => deckAssets(runtime, theme, s.path), sitePreparer(config, s.path, thumbnail, (f) => files.set(s.path, f)), hints);
  const compiled = sources.map((s) => withCheckDiagnostics(compile(s)));
  checkSlugs(compiled);
  const diagnostics = compiled.flatMap((c) => c.rendered.diagnostics);
  failOnErrors(diagnostics, config.strict);

  const outDir = config.outDir;
  await copyRuntime(runtime, join(outDir, 'assets'));
  const decks: DeckResult[] = [];
  for (const c of compiled) {
    const file = join(outDir, c.rendered.slug, 'index.html');
    await writeFileAtomic(file, c.rendered.html);
    const deck: DeckResult = {
      slug: c.rendered.slug,
      source: c.source.path,
      title: c.deck.meta.title,
      slideCount: c.rendered.slideCount,
      codeBlockCount: c.rendered.codeBlockCount,
      diagnostics: c.rendered.diagnostics,
      output: displayPath(file),
      pdfs: [],
    };
    const extra = files.get(c.source.path);
    if (extra !== undefined) await writeDeckFiles(join(outDir, c.rendered.slug), extra, deck, options.pdf === true);
    decks.push(deck);
    options.onEvent?.({ type: 'deck', deck });
  }
  let printed: readonly CompiledDeck[] = compiled;
  if (options.pdf) {
    const { exportSitePdfs } = await import('./pdf-step.js');
    printed = await exportSitePdfs(outDir, compiled, decks, options, options.pdfPaths, (c, hints) => compile(c.source, hints));
  }
  await writeIndex(outDir, printed, decks);
  return { outDir, decks, diagnostics };
}

async function writeIndex(outDir: string, compiled: readonly CompiledDeck[], decks: readonly DeckResult[]): Promise<void> {
  const entries: IndexEntry[] = compiled.map((c, i) => ({
    slug: c.rendered.slug,
    title: c.deck.meta.title,
    slideCount: c.rendered.slideCount,
    pdfs: decks[i]?.pdfs ?? [],
    ...(decks[i]?.thumbnail !== undefined ? { thumbnail: `${c.rendered.slug}/${decks[i]?.thumbnail}` } : {}),
    ...(c.deck.meta.description !== undefined ? { description: c.deck.meta.description } : {}),
  }));
  await writeFileAtomic(join(outDir, 'index.html'), renderIndexPage(entries));
}

/** The runtime files a deck page links, relative to `<out>/<slug>/index.html`. */
export function deckAssets(runtime: RuntimeManifest, theme: string, file: string): RuntimeAssets {
  const themeCss = themeStylesheet(runtime, theme, file);
  return { styles: [...runtime.deck.css, themeCss].map((f) => `../${f}`), scripts: [`../${runtime.deck.js}`] };
}

/** A path relative to the working directory when it is inside it, else absolute. */
function displayPath(file: string): string {
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
