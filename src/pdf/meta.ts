/**
 * Post-processing of printed PDFs: document metadata (title, author, subject, keywords, creator,
 * dates) and the outline that mirrors the article's headings. A PDF as Chromium prints it is
 * finished by patch.ts, which reads only its trailer, catalog and page tree; any other PDF goes
 * through pdf-lib (loaded only then), which parses and writes it whole. With SOURCE_DATE_EPOCH
 * set (https://reproducible-builds.org/specs/source-date-epoch/) the PDFs are dated then instead
 * of when they were printed, so identical runs give identical files.
 */
import type { OutlineEntry } from './outline-tree.js';
import { patchPdf } from './patch.js';

/** Document information written into a PDF. */
export interface PdfMetadata {
  readonly title: string;
  readonly author?: string;
  /** The deck's description. */
  readonly subject?: string;
  readonly keywords?: readonly string[];
  /** Default `Lectern`. */
  readonly creator?: string;
  /** Default `Lectern (Chromium)`. */
  readonly producer?: string;
  /** Creation and modification date. Default: SOURCE_DATE_EPOCH when set, else when Chromium printed it. */
  readonly date?: Date;
}

/** The date SOURCE_DATE_EPOCH (seconds since 1970, UTC) names, or undefined when it is unset or not a number. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env['SOURCE_DATE_EPOCH']?.trim();
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const date = new Date(Number(value) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A finished PDF. */
export interface FinishedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** Items in the outline. */
  readonly outlineItems: number;
}

/** Write metadata and an outline into `bytes` (a PDF) and return the new file. */
export async function finishPdf(bytes: Uint8Array, meta: PdfMetadata, outline: readonly OutlineEntry[]): Promise<FinishedPdf> {
  const date = meta.date ?? sourceDateEpoch();
  const request = {
    title: meta.title,
    ...(meta.author === undefined ? {} : { author: meta.author }),
    ...(meta.subject === undefined ? {} : { subject: meta.subject }),
    ...(meta.keywords === undefined ? {} : { keywords: meta.keywords }),
    creator: meta.creator ?? 'Lectern',
    producer: meta.producer ?? 'Lectern (Chromium)',
    ...(date === undefined ? {} : { date }),
    outline,
  };
  return patchPdf(bytes, request) ?? finishWithPdfLib(bytes, request);
}

/** The same with pdf-lib, for a PDF patch.ts does not handle (an xref stream, several revisions…). */
async function finishWithPdfLib(bytes: Uint8Array, request: Parameters<typeof patchPdf>[1]): Promise<FinishedPdf> {
  const [{ PDFDocument, ParseSpeeds }, { setOutline }] = await Promise.all([import('pdf-lib'), import('./outline.js')]);
  // updateMetadata: false, or pdf-lib stamps itself as producer and resets dates on load. pdf-lib
  // yields to the event loop every 100 objects by default, which triples the time for a big deck.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(request.title, { showInWindowTitleBar: true });
  if (request.author !== undefined && request.author !== '') doc.setAuthor(request.author);
  if (request.subject !== undefined && request.subject !== '') doc.setSubject(request.subject);
  if (request.keywords !== undefined && request.keywords.length > 0) doc.setKeywords([...request.keywords]);
  doc.setCreator(request.creator);
  doc.setProducer(request.producer);
  if (request.date !== undefined) doc.setCreationDate(request.date);
  doc.setModificationDate(request.date ?? doc.getCreationDate() ?? new Date());
  const outlineItems = setOutline(doc, request.outline);
  const out = await doc.save({ updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes: out, pages: doc.getPageCount(), outlineItems };
}
