/**
 * The PDF stage as one call, for the library: print a served deck's slides and/or handout PDF
 * from one page load, and write them — both in memory first, then each atomically, so a failed
 * export leaves no PDF (and no partial one) behind. Slides that do not fit are reported as warnings.
 */
import type { BrowserSession } from '../browser/session.js';
import { createDeadline } from '../browser/wait.js';
import { DEFAULT_PDF_CONFIG, DEFAULT_TIMEOUT_SECONDS, type HandoutColors, type HandoutLayout, type Paper, type ResolvedPdfConfig } from '../config.js';
import { measureOpenDeck } from '../fit/measure.js';
import type { Diagnostic } from '../model.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { openPrintView, printDeck, type PdfDeck, type PdfKind, type PrintProgress } from './index.js';
import { overflowDiagnostics } from './slides.js';

/** The deck to export; the slide size defaults to 1280×720 and the source to the slug. */
export type DeckPdfInput = Omit<PdfDeck, 'width' | 'height' | 'source'> & { readonly width?: number; readonly height?: number; readonly source?: string };

/** Progress of one deck's export. */
export type ExportProgress =
  | (PrintProgress & { readonly slug: string })
  | { readonly type: 'written'; readonly slug: string; readonly kind: PdfKind; readonly path: string; readonly pages: number };

/** What to export and how. */
export interface ExportPdfOptions {
  /** Where to write the slides PDF; no slides PDF when unset. */
  readonly slidesPath?: string;
  /** Where to write the handout PDF; no handout when unset. */
  readonly handoutPath?: string;
  readonly paper?: Paper;
  /** Handout layout. Default `flow`. */
  readonly layout?: HandoutLayout;
  /** Handout slides in the theme's print variant (`print`, the default) or as projected (`screen`). */
  readonly handoutColors?: HandoutColors;
  /** Slides PDF in the theme's print variant. Default false. */
  readonly printColors?: boolean;
  /** One slides-PDF page per fragment step. Default false. */
  readonly steps?: boolean;
  /** Bounds the load and the printing of this deck. Default 30 s. */
  readonly timeoutMs?: number;
  readonly onProgress?: (event: ExportProgress) => void;
}

/** Pages written and problems found. */
export interface ExportPdfResult {
  readonly slidesPages?: number;
  readonly handoutPages?: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** Export a served deck's slides and/or handout PDF. */
export async function exportDeckPdfs(session: BrowserSession, input: DeckPdfInput, options: ExportPdfOptions): Promise<ExportPdfResult> {
  const deck: PdfDeck = { ...input, width: input.width ?? 1280, height: input.height ?? 720, source: input.source ?? input.slug };
  const pdf: ResolvedPdfConfig = {
    paper: options.paper ?? DEFAULT_PDF_CONFIG.paper,
    handoutLayout: options.layout ?? DEFAULT_PDF_CONFIG.handoutLayout,
    handoutColors: options.handoutColors ?? DEFAULT_PDF_CONFIG.handoutColors,
    printColors: options.printColors ?? DEFAULT_PDF_CONFIG.printColors,
    steps: options.steps ?? false,
  };
  const request = { slides: options.slidesPath !== undefined, handout: options.handoutPath !== undefined, thumbnail: false, pdf };
  const deadline = createDeadline(options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000);
  const { printed, overflows } = await session.withPage(async (page) => {
    const view = await openPrintView(page, deck, pdf.steps && request.slides, deadline);
    const layout = await measureOpenDeck(page, deck, { composition: false });
    const result = await printDeck(page, view, deck, request, deadline, (event) => options.onProgress?.({ ...event, slug: deck.slug }));
    return { printed: result, overflows: layout.overflows };
  });
  for (const [kind, path] of [['slides', options.slidesPath], ['handout', options.handoutPath]] as const) {
    const file = printed[kind];
    if (path === undefined || file === undefined) continue;
    await writeFileAtomic(path, file.bytes);
    options.onProgress?.({ type: 'written', slug: deck.slug, kind, path, pages: file.pages });
  }
  return {
    ...(printed.slides === undefined ? {} : { slidesPages: printed.slides.pages }),
    ...(printed.handout === undefined ? {} : { handoutPages: printed.handout.pages }),
    diagnostics: [...printed.diagnostics, ...overflowDiagnostics(deck, overflows)],
  };
}
