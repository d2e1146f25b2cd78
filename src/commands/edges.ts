/**
 * The edges the commands reach — the file system and the browser — as one object, so that every
 * orchestrator runs the same in a test with fakes (articles from strings, a site captured in
 * memory, a browser that answers with canned PDFs) as it does for a user. Everything between
 * the edges is the pure compile path.
 */
import { readFile } from 'node:fs/promises';
import type { CompiledDeck, CompileInputs } from '../compile.js';
import { compileArticle, imageAccess, styleAccess } from '../compile.js';
import { resolveDeckOptions, type ResolvedConfig } from '../config.js';
import { loadImages, type ImageAccess } from '../load/images.js';
import { loadStylesheets, type LoadedStyles } from '../load/stylesheets.js';
import { loadSources, loadSourcesSettled, type LoadOutcome, type LoadSourcesOptions } from '../load/index.js';
import type { ImageRef, LoadedImages, Source } from '../model.js';
import { parseArticle } from '../parse/index.js';
import { imageRefs } from '../plan/images.js';
import { loadRuntime } from '../runtime/index.js';
import type { RuntimeManifest } from '../runtime/manifest.js';
import type { SiteOutput } from '../site/output.js';
import { writeSite, type WriteReport } from '../site/write.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import type { DeckMeasurer } from './measure.js';
import type { DeckPrinter, PrintOptions } from './print.js';

/** What a command may do outside the pure pipeline. */
export interface Edges {
  readonly loadRuntime: () => Promise<RuntimeManifest>;
  /** Every article of `inputs`; throws the first article's error. */
  readonly loadSources: (inputs: readonly string[], options?: LoadSourcesOptions) => Promise<Source[]>;
  /** Every article of `inputs`, one that cannot be read as its error (`lectern check` reports them all). */
  readonly loadSourcesSettled: (inputs: readonly string[], options?: LoadSourcesOptions) => Promise<LoadOutcome[]>;
  /** Read the images an article references, inside its project or the allowed folders, and remote ones (load/images.ts). */
  readonly loadImages: (refs: readonly ImageRef[], articleFile: string, access: ImageAccess) => Promise<LoadedImages>;
  /** The deck's own theme file and stylesheets (default: read from disk with load/stylesheets.ts). */
  readonly loadStyles?: typeof loadStylesheets;
  /** Write a whole site into the output folder (see site/write.ts). */
  readonly writeSite: (outDir: string, output: SiteOutput) => Promise<WriteReport>;
  readonly writeFile: (file: string, data: Uint8Array) => Promise<void>;
  /** Read a file (an article's picture, for the PPTX). */
  readonly readFile: (file: string) => Promise<Uint8Array>;
  /** A printer of decks (launches the browser on first use). */
  readonly printer: (runtime: RuntimeManifest, options: PrintOptions) => Promise<DeckPrinter>;
  /** A measurer of decks for `lectern check` (launches the browser on first use). */
  readonly measurer: (runtime: RuntimeManifest, config: ResolvedConfig) => Promise<DeckMeasurer>;
}

/** The real edges: disk and Chromium. The browser parts load Puppeteer only when first asked for. */
export const realEdges: Edges = {
  loadRuntime,
  loadSources: (inputs, options) => loadSources(inputs, options),
  loadSourcesSettled: (inputs, options) => loadSourcesSettled(inputs, options),
  loadImages,
  loadStyles: loadStylesheets,
  writeSite,
  writeFile: writeFileAtomic,
  readFile: async (file) => new Uint8Array(await readFile(file)),
  printer: async (runtime, options) => (await import('./print.js')).createPrinter(runtime, options),
  measurer: async (runtime, config) => (await import('./measure.js')).createMeasurer(runtime, config),
};

/** Parse a source, read the images it references through `edges`, and compile it. */
export async function compileWith(edges: Edges, source: Source, inputs: Omit<CompileInputs, 'images' | 'styles'>): Promise<CompiledDeck> {
  const article = parseArticle(source);
  const images = await edges.loadImages(imageRefs(article), source.path, imageAccess(inputs.config));
  const options = resolveDeckOptions(inputs.config, source.meta.raw, source.path, inputs.config.overrides);
  const styles: LoadedStyles = await (edges.loadStyles ?? loadStylesheets)(options, source.path, styleAccess(inputs.config));
  return compileArticle(source, article, { ...inputs, images, styles });
}
