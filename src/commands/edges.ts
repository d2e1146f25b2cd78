/**
 * The edges the commands reach — the file system and the browser — as one object, so that every
 * orchestrator runs the same in a test with fakes (articles from strings, a site captured in
 * memory, a browser that answers with canned PDFs) as it does for a user. Everything between
 * the edges is the pure compile path.
 */
import { readFile } from 'node:fs/promises';
import type { CompiledDeck, CompileInputs } from '../compile.js';
import { compileArticle } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { loadImages, type ImageAccess } from '../load/images.js';
import { loadSources } from '../load/index.js';
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
  readonly loadSources: (inputs: readonly string[]) => Promise<Source[]>;
  /** Read the images an article references, inside its project or the allowed folders (load/images.ts). */
  readonly loadImages: (refs: readonly ImageRef[], articleFile: string, access: ImageAccess) => Promise<LoadedImages>;
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
  loadSources: (inputs) => loadSources(inputs),
  loadImages,
  writeSite,
  writeFile: writeFileAtomic,
  readFile: async (file) => new Uint8Array(await readFile(file)),
  printer: async (runtime, options) => (await import('./print.js')).createPrinter(runtime, options),
  measurer: async (runtime, config) => (await import('./measure.js')).createMeasurer(runtime, config),
};

/** Parse a source, read the images it references through `edges`, and compile it. */
export async function compileWith(edges: Edges, source: Source, inputs: Omit<CompileInputs, 'images'>): Promise<CompiledDeck> {
  const article = parseArticle(source);
  const images = await edges.loadImages(imageRefs(article), source.path, { allowDirs: inputs.config.allowDirs });
  return compileArticle(source, article, { ...inputs, images });
}
