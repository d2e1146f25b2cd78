/**
 * Fake edges for the orchestrators of commands/ (see src/commands/edges.ts): articles from strings,
 * images from a list of paths that "exist", the site and PDF files captured in memory, a printer
 * that answers with tiny real PDFs (pdf-lib) and a measurer that answers with canned layouts.
 * Every call is logged in order, so a test can say what happened before what (and what never did).
 */
import { posix } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { expect } from 'vitest';
import { recompile, type CompiledDeck } from '../../../src/compile.js';
import type { ResolvedConfig } from '../../../src/config.js';
import type { Edges } from '../../../src/commands/edges.js';
import type { DeckMeasurer } from '../../../src/commands/measure.js';
import type { DeckPrinter, PrintedSiteDeck, PrintOptions } from '../../../src/commands/print.js';
import type { MeasuredDeck } from '../../../src/check/index.js';
import { LecternError } from '../../../src/errors.js';
import type { SlideOverflow } from '../../../src/fit/measure.js';
import type { Diagnostic, FitHints, ImageFile, LoadedImages } from '../../../src/model.js';
import type { LoadOutcome, LoadSourcesOptions } from '../../../src/load/files.js';
import { parseSource } from '../../../src/load/source.js';
import type { RuntimeManifest } from '../../../src/runtime/manifest.js';
import type { SiteOutput } from '../../../src/site/output.js';
import type { WriteReport } from '../../../src/site/write.js';
import { TEST_RUNTIME } from './compile.js';

/** The stand-in runtime with its files listed, so a site written from it has an `assets/` part. */
export const FAKE_RUNTIME: RuntimeManifest = {
  ...TEST_RUNTIME,
  files: [TEST_RUNTIME.deck.js, ...TEST_RUNTIME.deck.css, ...Object.values(TEST_RUNTIME.themes)],
};

/** What a fake printer does with one deck. */
export interface PrintPlan {
  /** Re-plan the deck with these hints before "printing" it (as the real fit loop would). */
  readonly hints?: (compiled: CompiledDeck) => FitHints | undefined;
  /** Slides that still overflow after the fit. */
  readonly overflows?: (compiled: CompiledDeck) => readonly SlideOverflow[];
  /** Diagnostics the print itself found (a failed request, say). */
  readonly diagnostics?: readonly Diagnostic[];
  /** Throw this instead of printing. */
  readonly fail?: unknown;
}

/** What a fake measurer answers for one deck. */
export interface MeasurePlan {
  readonly hints?: (compiled: CompiledDeck) => FitHints | undefined;
  readonly overflows?: (compiled: CompiledDeck) => readonly SlideOverflow[];
  readonly missing?: readonly string[];
  readonly fail?: unknown;
}

/** Options of fakeEdges. */
export interface FakeOptions {
  /** Path → article text. A folder input (`talks`) means every article under it, in path order. */
  readonly articles: Readonly<Record<string, string>>;
  /** Image files that exist (paths as the articles resolve them: `talks/img/a.png`). */
  readonly images?: readonly string[];
  /** What the previous build leaves behind for writeSite to report as removed. */
  readonly removed?: readonly string[];
  /** Per slug: what printing the deck gives. */
  readonly print?: Readonly<Record<string, PrintPlan>>;
  /** Per slug: what measuring the deck gives. */
  readonly measure?: Readonly<Record<string, MeasurePlan>>;
  /** Thrown when the printer or measurer is asked for (no browser, say). */
  readonly browserError?: unknown;
}

/** Everything the fake edges were asked, and everything they were given to write. */
export interface FakeWorld {
  readonly edges: Edges;
  /** Each call, in order: `loadSources`, `print alpha`, `writeSite dist`, `writeFile dist/a.pdf`, … */
  readonly log: string[];
  readonly sites: { outDir: string; output: SiteOutput }[];
  readonly files: Map<string, Uint8Array>;
  readonly printOptions: PrintOptions[];
  /** The compiled decks given to the printer and to the measurer, in order. */
  readonly printed: CompiledDeck[];
  readonly measured: { compiled: CompiledDeck; fit: boolean }[];
  /** The decks the printer and measurer returned (the final ones). */
  readonly finals: CompiledDeck[];
  /** The PDFs the printer made: `<slug>/slides` → bytes and pages. */
  readonly pdfs: Map<string, { bytes: Uint8Array; pages: number }>;
  readonly thumbnails: Map<string, Uint8Array>;
  /** The options each loadSources call was given (a build excludes its output folder). */
  readonly loadOptions: LoadSourcesOptions[];
}

/** Fake edges over `options`. */
export function fakeEdges(options: FakeOptions): FakeWorld {
  const log: string[] = [];
  const world: FakeWorld = {
    edges: undefined as unknown as Edges,
    log,
    sites: [],
    files: new Map(),
    printOptions: [],
    printed: [],
    measured: [],
    finals: [],
    pdfs: new Map(),
    thumbnails: new Map(),
    loadOptions: [],
  };
  const paths = Object.keys(options.articles).sort();
  const edges: Edges = {
    async loadRuntime() {
      log.push('loadRuntime');
      return FAKE_RUNTIME;
    },
    async loadSources(inputs, load) {
      const outcomes = await edges.loadSourcesSettled(inputs, load);
      return outcomes.map((o) => {
        if (!o.ok) throw o.error;
        return o.source;
      });
    },
    async loadSourcesSettled(inputs, load) {
      log.push('loadSources');
      world.loadOptions.push(load ?? {});
      const files = inputs.flatMap((input) => {
        if (options.articles[input] !== undefined) return [input];
        const under = paths.filter((p) => p.startsWith(`${input}/`));
        if (under.length === 0) throw new LecternError('input-missing', `no such file or folder: ${input}`, { file: input });
        return under;
      });
      const slugs = new Map(paths.map((p) => [posix.basename(p), posix.basename(p).replace(/\.[^.]+$/, '')]));
      return [...new Set(files)].map((file): LoadOutcome => {
        try {
          const source = parseSource(options.articles[file]!, file, { resolveLink: (target) => (slugs.has(target) ? `../${slugs.get(target)}/` : undefined) });
          return { ok: true, source };
        } catch (error) {
          if (!(error instanceof LecternError)) throw error;
          return { ok: false, file, error };
        }
      });
    },
    async loadImages(refs, articleFile) {
      const files: ImageFile[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const { src, line } of refs) {
        const from = posix.join(posix.dirname(articleFile), src);
        if (options.images?.includes(from)) files.push({ src, from: `/fake/${from}`, name: `${posix.basename(from).replace(/\.[^.]+$/, '')}-fa4e0000${posix.extname(from)}` });
        else diagnostics.push({ severity: 'warning', code: 'image-missing', message: `image "${src}" not found`, file: articleFile, line });
      }
      return { files, diagnostics } satisfies LoadedImages;
    },
    async writeSite(outDir, output) {
      log.push(`writeSite ${outDir}`);
      world.sites.push({ outDir, output });
      return { written: output.size, unchanged: 0, removed: [...(options.removed ?? [])] } satisfies WriteReport;
    },
    async writeFile(file, data) {
      log.push(`writeFile ${file}`);
      world.files.set(file, data);
    },
    async readFile(file) {
      log.push(`readFile ${file}`);
      // Every picture an article names is a 1×1 PNG.
      return Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    },
    async printer(runtime, printOptions) {
      log.push('printer');
      if (options.browserError !== undefined) throw options.browserError;
      expect(runtime).toBe(FAKE_RUNTIME);
      world.printOptions.push(printOptions);
      return fakePrinter(world, printOptions, options.print ?? {});
    },
    async measurer(runtime, config) {
      log.push('measurer');
      if (options.browserError !== undefined) throw options.browserError;
      expect(runtime).toBe(FAKE_RUNTIME);
      return fakeMeasurer(world, config, options.measure ?? {});
    },
  };
  (world as { edges: Edges }).edges = edges;
  return world;
}

function fakePrinter(world: FakeWorld, options: PrintOptions, plans: Readonly<Record<string, PrintPlan>>): DeckPrinter {
  return {
    async print(compiled) {
      const slug = compiled.rendered.slug;
      world.log.push(`print ${slug}`);
      world.printed.push(compiled);
      const plan = plans[slug] ?? {};
      if (plan.fail !== undefined) throw plan.fail;
      const hints = options.refit ? plan.hints?.(compiled) : undefined;
      const final = hints === undefined ? compiled : recompile(compiled, hints);
      world.finals.push(final);
      const pages = final.rendered.slideCount;
      const printed: {
        slides?: { bytes: Uint8Array; pages: number; outlineItems: number };
        handout?: { bytes: Uint8Array; pages: number; outlineItems: number };
        thumbnail?: Uint8Array;
        pictures?: Map<number, Uint8Array>;
      } = {};
      if (options.slides) {
        options.onStart?.(slug, 'slides');
        const bytes = await tinyPdf(pages, `${slug} slides`);
        world.pdfs.set(`${slug}/slides`, { bytes, pages });
        printed.slides = { bytes, pages, outlineItems: 0 };
      }
      if (options.thumbnail) {
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, slug.length]);
        world.thumbnails.set(slug, png);
        printed.thumbnail = png;
      }
      const wanted = options.pictures?.(final);
      if (wanted !== undefined) {
        // A picture of a slide: a PNG signature, then the slug, the slide index and the scale.
        const indexes = wanted.slides === 'all' ? Array.from({ length: pages }, (_, i) => i) : wanted.slides;
        printed.pictures = new Map(indexes.map((i) => [i, new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...Buffer.from(`${slug}#${i}@${wanted.scale}`)])]));
      }
      if (options.handout) {
        options.onStart?.(slug, 'handout');
        const handoutPages = Math.ceil(pages / 3);
        const bytes = await tinyPdf(handoutPages, `${slug} handout`);
        world.pdfs.set(`${slug}/handout`, { bytes, pages: handoutPages });
        printed.handout = { bytes, pages: handoutPages, outlineItems: 0 };
      }
      const overflows = plan.overflows?.(final) ?? [];
      const overflowDiagnostics: Diagnostic[] = overflows.map((o) => ({
        severity: 'warning',
        code: 'export-slide-overflow',
        message: `deck ${slug}: slide ${o.slide} does not fit its page by ${o.by} px; the PDF cuts it`,
        file: final.source.path,
        ...(o.line === undefined ? {} : { line: o.line }),
      }));
      const result: PrintedSiteDeck = {
        compiled: final,
        printed: { ...printed, diagnostics: plan.diagnostics ?? [] },
        fit: { rounds: hints === undefined ? 0 : 1, initialOverflows: hints === undefined ? overflows.length : overflows.length + 1, overflows: overflows.length },
        diagnostics: [...overflowDiagnostics, ...(plan.diagnostics ?? [])],
      };
      return result;
    },
    async close() {
      world.log.push('printer close');
    },
  };
}

function fakeMeasurer(world: FakeWorld, _config: ResolvedConfig, plans: Readonly<Record<string, MeasurePlan>>): DeckMeasurer {
  return {
    async measure(compiled, fit) {
      const slug = compiled.rendered.slug;
      world.log.push(`measure ${slug}`);
      world.measured.push({ compiled, fit });
      const plan = plans[slug] ?? {};
      if (plan.fail !== undefined) throw plan.fail;
      const hints = fit ? plan.hints?.(compiled) : undefined;
      const final = hints === undefined ? compiled : recompile(compiled, hints);
      world.finals.push(final);
      const overflows = plan.overflows?.(final) ?? [];
      const measured: MeasuredDeck = {
        compiled: final,
        overflows,
        shrunk: 0,
        rounds: hints === undefined ? 0 : 1,
        initialOverflows: hints === undefined ? overflows.length : overflows.length + 1,
        ...(hints === undefined ? {} : { hints }),
        composition: [],
        missing: plan.missing ?? [],
      };
      return measured;
    },
    async close() {
      world.log.push('measurer close');
    },
  };
}

/** A real PDF of `pages` blank pages (pdf-lib), titled so two PDFs never share bytes. */
export async function tinyPdf(pages: number, title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  for (let i = 0; i < Math.max(1, pages); i++) doc.addPage([320, 180]);
  return doc.save();
}

/** Hints that tighten every slide of the deck: a re-plan with more, smaller slides. */
export function tightenAll(compiled: CompiledDeck): FitHints {
  const tighter: Record<number, number> = {};
  for (const slide of compiled.deck.stacks.flat()) tighter[slide.line] = 0.3;
  return { tighter };
}

/** An overflow of the deck's last slide, as the browser would report it. */
export function lastSlideOverflow(compiled: CompiledDeck): SlideOverflow[] {
  const slides = compiled.deck.stacks.flat();
  const last = slides.at(-1)!;
  return [{ id: last.id, slide: slides.length, line: last.line, title: 'last', by: 42, reasons: ['outside: p by 42px'], wide: false, tall: true }];
}
