/**
 * Post-processing of printed PDFs with pdf-lib: document metadata (title, author, subject,
 * keywords, creator, dates) and the outline that mirrors the article's headings. With
 * SOURCE_DATE_EPOCH set (https://reproducible-builds.org/specs/source-date-epoch/) the PDFs are
 * dated then instead of when they were printed, so identical runs give identical files.
 */
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { setOutline, type OutlineEntry } from './outline.js';

/** Document information written into a PDF. */
export interface PdfMetadata {
  readonly title: string;
  readonly author?: string;
  /** The deck's description. */
  readonly subject?: string;
  readonly keywords?: readonly string[];
  /** Default `Lectern`. */
  readonly creator?: string;
  /** Default `Lectern (Chromium, pdf-lib)`. */
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
  // updateMetadata: false, or pdf-lib stamps itself as producer and resets dates on load. pdf-lib
  // yields to the event loop every 100 objects by default, which triples the time for a big deck.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author !== undefined && meta.author !== '') doc.setAuthor(meta.author);
  if (meta.subject !== undefined && meta.subject !== '') doc.setSubject(meta.subject);
  if (meta.keywords !== undefined && meta.keywords.length > 0) doc.setKeywords([...meta.keywords]);
  doc.setCreator(meta.creator ?? 'Lectern');
  doc.setProducer(meta.producer ?? 'Lectern (Chromium, pdf-lib)');
  const date = meta.date ?? sourceDateEpoch();
  if (date !== undefined) doc.setCreationDate(date);
  doc.setModificationDate(date ?? doc.getCreationDate() ?? new Date());
  const outlineItems = setOutline(doc, outline);
  const out = await doc.save({ updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes: out, pages: doc.getPageCount(), outlineItems };
}
