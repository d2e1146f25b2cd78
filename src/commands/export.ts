/**
 * `lectern export`: a deck as files other than a site — an editable PowerPoint file (`--pptx`),
 * pictures of its slides (`--png`), and with `lectern pdf --pptx` the PDFs too. Every deck is
 * compiled in memory; the browser starts only when something needs it (PDFs, PNGs, or a PPTX
 * slide that must be a picture of the slide) and makes all of it from one page load per deck;
 * the files are written once every deck is done, each atomically.
 *
 *   <out>/<slug>.pptx   <out>/<slug>/slides/001.png …   <out>/<slug>.slides.pdf, <slug>.handout.pdf
 */
import { extname, join } from 'node:path';
import type { CompiledDeck } from '../compile.js';
import type { ResolvedConfig } from '../config.js';
import { LecternError } from '../errors.js';
import type { Deck, Diagnostic } from '../model.js';
import type { PictureRequest } from '../pdf/index.js';
import type { PptxImage } from '../export/pptx.js';
import { deferSignals } from '../util/signals.js';
import { compileAll, displayPath, printDecks, type BuildEvent, type DeckFileResult } from './build.js';
import { realEdges, type Edges } from './edges.js';

/** A picture size, px; without a height, the deck's proportions. */
export interface PictureSize {
  readonly width: number;
  readonly height?: number;
}

/** Options of `lectern export` (and `lectern pdf --pptx`). */
export interface ExportOptions {
  readonly inputs: readonly string[];
  readonly config: ResolvedConfig;
  readonly pptx?: boolean;
  readonly png?: boolean;
  /** PNG size (default: the deck's own); must have the deck's proportions. */
  readonly size?: PictureSize;
  /** PDFs as `lectern pdf` makes them. */
  readonly slidesPdf?: boolean;
  readonly handoutPdf?: boolean;
  readonly onEvent?: (event: ExportEvent) => void;
}

/** A deck's PPTX: slides, and how many are pictures of the slide. */
export interface PptxSummary {
  readonly slides: number;
  readonly pictures: number;
}

/** Progress: the printing of PDFs, and a deck's files written. */
export type ExportEvent =
  | Exclude<BuildEvent, { type: 'deck' }>
  | {
      readonly type: 'written';
      readonly slug: string;
      readonly files: readonly DeckFileResult[];
      readonly pptx?: PptxSummary & { readonly path: string };
      readonly png?: { readonly count: number; readonly width: number; readonly height: number; readonly folder: string };
      readonly diagnostics: readonly Diagnostic[];
    };

/** What the export wrote. */
export interface ExportResult {
  readonly written: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parse `--size`: `1920x1080` (or `1920×1080`), or a width alone (`1920`: the height follows the deck). */
export function parseSize(text: string): PictureSize {
  const m = /^\s*(\d{2,5})(?:\s*[x×X]\s*(\d{2,5}))?\s*$/.exec(text);
  const width = Number(m?.[1]);
  const height = m?.[2] === undefined ? undefined : Number(m[2]);
  if (m === null || width < 16 || width > 8192 || (height !== undefined && (height < 16 || height > 8192))) {
    throw new LecternError('usage', `--size must be WIDTHxHEIGHT in pixels (16 to 8192), not ${JSON.stringify(text)}`, { hint: 'lectern export --png --size 1920x1080' });
  }
  return height === undefined ? { width } : { width, height };
}

/** The scale from a deck's size to the picture size asked for (an error when the proportions differ). */
export function pictureScale(deck: Pick<Deck['meta'], 'width' | 'height' | 'source' | 'slug'>, size: PictureSize | undefined): number {
  if (size === undefined) return 1;
  const scale = size.width / deck.width;
  if (size.height !== undefined && Math.abs(deck.height * scale - size.height) > 1) {
    throw new LecternError('usage', `--size ${size.width}x${size.height} does not have the proportions of deck ${deck.slug} (${deck.width}x${deck.height})`, {
      file: deck.source,
      hint: `give a size of the deck's proportions, e.g. --size ${Math.round(deck.width * 1.5)}x${Math.round(deck.height * 1.5)}, or a width alone (--size 1920)`,
    });
  }
  return scale;
}

/** Export decks as PPTX, PNGs (and PDFs) into `config.outDir`. */
export async function exportDecks(options: ExportOptions, edges: Edges = realEdges): Promise<ExportResult> {
  const { config } = options;
  if (!options.pptx && !options.png && !options.slidesPdf && !options.handoutPdf) {
    throw new LecternError('usage', 'say what to export: --pptx, --png, or both', { hint: 'lectern export decks/eventlet.md --pptx' });
  }
  const runtime = await edges.loadRuntime();
  const compiled = await compileAll(edges, options.inputs, config, runtime, 'svg');
  const scales = new Map(compiled.map((c) => [c.rendered.slug, options.png ? pictureScale(c.deck.meta, options.size) : 1]));
  // The PPTX side: the articles' pictures, read once, and the slides that must be pictures of the slide.
  const pptx = options.pptx ? await pptxSources(edges) : undefined;
  const pptxPictures = pptx === undefined ? undefined : await pptx.pictures(compiled);
  const pictureRequest = (c: CompiledDeck): PictureRequest | undefined =>
    // With --png every slide is taken (the PPTX uses those it needs).
    options.png ? { slides: 'all', scale: scales.get(c.rendered.slug) ?? 1 } : pptxPictures?.(c);
  const pdfs = options.slidesPdf === true || options.handoutPdf === true;
  const needBrowser = pdfs || compiled.some((c) => pictureRequest(c) !== undefined);
  const decks: { compiled: CompiledDeck; pictures?: ReadonlyMap<number, Uint8Array>; slides?: Uint8Array; slidesPages?: number; handout?: Uint8Array; handoutPages?: number; diagnostics: readonly Diagnostic[] }[] = [];
  if (needBrowser) {
    options.onEvent?.({ type: 'pdf-begin', jobs: compiled.length * ((options.slidesPdf ? 1 : 0) + (options.handoutPdf ? 1 : 0)), decks: compiled.length });
    const printer = await edges.printer(runtime, {
      config,
      slides: options.slidesPdf === true,
      handout: options.handoutPdf === true,
      thumbnail: false,
      refit: false,
      pictures: pictureRequest,
      onStart: (slug, kind) => options.onEvent?.({ type: 'pdf-start', slug, kind }),
      onStep: (slug, step) => options.onEvent?.({ type: 'pdf-step', slug, step }),
    });
    for (const p of await printDecks(compiled, printer)) {
      decks.push({
        compiled: p.compiled,
        ...(p.printed.pictures === undefined ? {} : { pictures: p.printed.pictures }),
        ...(p.printed.slides === undefined ? {} : { slides: p.printed.slides.bytes, slidesPages: p.printed.slides.pages }),
        ...(p.printed.handout === undefined ? {} : { handout: p.printed.handout.bytes, handoutPages: p.printed.handout.pages }),
        diagnostics: [...p.compiled.rendered.diagnostics, ...p.diagnostics],
      });
    }
  } else {
    for (const c of compiled) decks.push({ compiled: c, diagnostics: c.rendered.diagnostics });
  }
  // Every PPTX made in memory before anything is written.
  const pptxFiles = new Map<CompiledDeck, { bytes: Uint8Array; slides: number; pictures: number }>();
  if (pptx !== undefined) {
    for (const d of decks) {
      // Only the slides that cannot be native are pictures in the PPTX.
      const wanted = pptxPictures?.(d.compiled)?.slides ?? [];
      const pictures = new Map([...(d.pictures ?? new Map<number, Uint8Array>())].filter(([i]) => wanted !== 'all' && wanted.includes(i)));
      pptxFiles.set(d.compiled, await pptx.make(d.compiled, pictures));
    }
  }
  const written: string[] = [];
  const diagnostics: Diagnostic[] = [];
  await deferSignals(async () => {
    for (const d of decks) {
      const slug = d.compiled.rendered.slug;
      const files: DeckFileResult[] = [];
      const write = async (file: string, data: Uint8Array, label: string, pages?: number): Promise<void> => {
        await edges.writeFile(file, data);
        written.push(file);
        files.push({ label, path: displayPath(file), ...(pages === undefined ? {} : { pages }) });
      };
      if (d.slides !== undefined) await write(join(config.outDir, `${slug}.slides.pdf`), d.slides, 'slides PDF', d.slidesPages);
      if (d.handout !== undefined) await write(join(config.outDir, `${slug}.handout.pdf`), d.handout, 'handout PDF', d.handoutPages);
      let pptx: (PptxSummary & { path: string }) | undefined;
      const made = pptxFiles.get(d.compiled);
      if (made !== undefined) {
        const file = join(config.outDir, `${slug}.pptx`);
        await write(file, made.bytes, 'PPTX');
        pptx = { slides: made.slides, pictures: made.pictures, path: displayPath(file) };
      }
      let png: { count: number; width: number; height: number; folder: string } | undefined;
      if (options.png) {
        const folder = join(config.outDir, slug, 'slides');
        const total = d.compiled.deck.stacks.flat().length;
        const digits = Math.max(3, String(total).length);
        const scale = scales.get(slug) ?? 1;
        let count = 0;
        for (let i = 0; i < total; i++) {
          const bytes = d.pictures?.get(i);
          if (bytes === undefined) continue;
          await write(join(folder, `${String(i + 1).padStart(digits, '0')}.png`), bytes, 'PNG');
          count++;
        }
        const { width, height } = d.compiled.deck.meta;
        png = { count, width: Math.round(width * scale), height: Math.round(height * scale), folder: displayPath(folder) };
        if (count !== total) {
          diagnostics.push({ severity: 'warning', code: 'export-png-missing', message: `deck ${slug}: ${total - count} of ${total} slides could not be pictured`, file: d.compiled.source.path, hint: 'look for overflow or load warnings above' });
        }
      }
      diagnostics.push(...d.diagnostics);
      options.onEvent?.({ type: 'written', slug, files, ...(pptx === undefined ? {} : { pptx }), ...(png === undefined ? {} : { png }), diagnostics: d.diagnostics });
    }
  });
  return { written, diagnostics };
}

/**
 * The PPTX side of a build (`lectern build --pptx`): which slides of each deck must be pictures
 * (for the printer), and each deck's PPTX once printed. Loads the writer only when called.
 */
export async function pptxSources(edges: Pick<Edges, 'readFile'>): Promise<{
  pictures: (compiled: readonly CompiledDeck[]) => Promise<(c: CompiledDeck) => PictureRequest | undefined>;
  make: (compiled: CompiledDeck, pictures: ReadonlyMap<number, Uint8Array> | undefined) => Promise<{ bytes: Uint8Array; slides: number; pictures: number }>;
}> {
  const writer = await import('../export/pptx.js');
  const { loadTheme } = await import('../export/theme.js');
  const images = new Map<string, DeckImages>();
  const own = async (c: CompiledDeck): Promise<DeckImages> => {
    const found = images.get(c.rendered.slug) ?? (await readDeckImages(c, edges));
    images.set(c.rendered.slug, found);
    return found;
  };
  const date = sourceDate();
  return {
    async pictures(compiled) {
      const wanted = new Map<string, number[]>();
      for (const c of compiled) {
        const i = await own(c);
        wanted.set(c.rendered.slug, writer.pictureSlides(c.deck, i.image, i.missing));
      }
      return (c) => {
        const slides = wanted.get(c.rendered.slug) ?? [];
        return slides.length === 0 ? undefined : { slides, scale: 1 };
      };
    },
    async make(compiled, pictures) {
      const i = await own(compiled);
      const theme = await loadTheme(compiled.deck.meta.theme, compiled.files.styles.map((f) => f.css));
      return writer.deckToPptx(compiled.deck, { theme, image: i.image, ...(pictures === undefined ? {} : { pictures }), ...(date === undefined ? {} : { date }) });
    },
  };
}

/** An article's pictures as the PPTX writer takes them. */
interface DeckImages {
  readonly image: (src: string) => PptxImage | undefined;
  readonly missing: (src: string) => boolean;
}

const MIME: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp', '.avif': 'image/avif' };

/** Read the pictures beside a deck (by the hashed names the deck uses), and decode `data:` pictures. */
export async function readDeckImages(compiled: CompiledDeck, edges: Pick<Edges, 'readFile'>): Promise<DeckImages> {
  const byName = new Map<string, PptxImage>();
  for (const f of compiled.files.images) {
    const data = await edges.readFile(f.from);
    byName.set(f.name, { data, mime: MIME[extname(f.name).toLowerCase()] ?? 'application/octet-stream', ...(f.width === undefined ? {} : { width: f.width }), ...(f.height === undefined ? {} : { height: f.height }) });
  }
  const image = (src: string): PptxImage | undefined => {
    const own = byName.get(src);
    if (own !== undefined) return own;
    const data = /^data:(image\/[\w.+-]+);base64,(.*)$/s.exec(src);
    if (data !== null) return { data: Uint8Array.from(Buffer.from(data[2]!, 'base64')), mime: data[1]!, ...pngSize(Buffer.from(data[2]!.slice(0, 64), 'base64')) };
    return undefined;
  };
  // Shown as alt text in the deck too (missing, or refused): written as alt text, not pictured.
  const missing = (src: string): boolean => !byName.has(src) && !/^(data:|https?:)/i.test(src);
  return { image, missing };
}

/** Width and height of a PNG from its header (for `data:` pictures, whose size no file says). */
function pngSize(head: Buffer): { width?: number; height?: number } {
  if (head.length < 24 || head.readUInt32BE(0) !== 0x89504e47) return {};
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** SOURCE_DATE_EPOCH as a date, when set: the PPTX then says that date and is the same bytes each run. */
function sourceDate(): Date | undefined {
  const raw = process.env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return new Date(Number(raw) * 1000);
}
