/**
 * Reading a PDF's accessibility items back with pdf-lib: the catalog's /Lang, whether viewers show
 * the document title (/ViewerPreferences /DisplayDocTitle), the title itself, the outline's titles,
 * and from the tag tree (/StructTreeRoot) every heading's level and every Figure's /Alt.
 */
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfAccessibility {
  readonly lang: string | undefined;
  readonly displayDocTitle: boolean;
  readonly title: string | undefined;
  readonly marked: boolean;
  readonly outline: readonly { readonly title: string; readonly depth: number }[];
  /** Heading tags (H1…H6) in the order of the tag tree, as levels. */
  readonly headings: readonly number[];
  /** Every Figure tag's /Alt (undefined when it has none). */
  readonly figures: readonly (string | undefined)[];
}

function text(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return undefined;
}

export async function readPdfAccessibility(bytes: Uint8Array): Promise<PdfAccessibility> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const catalog = doc.catalog;
  const lang = text(catalog.get(PDFName.of('Lang')));
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const display = prefs?.get(PDFName.of('DisplayDocTitle'));
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const marked = markInfo?.get(PDFName.of('Marked')) instanceof PDFBool && (markInfo.get(PDFName.of('Marked')) as PDFBool).asBoolean();

  const outline: { title: string; depth: number }[] = [];
  const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const walkOutline = (first: PDFObject | undefined, depth: number): void => {
    let ref = first;
    let guard = 0;
    while (ref instanceof PDFRef && guard++ < 10_000) {
      const item = doc.context.lookup(ref, PDFDict);
      outline.push({ title: text(item.get(PDFName.of('Title'))) ?? '', depth });
      walkOutline(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  walkOutline(outlines?.get(PDFName.of('First')), 0);

  const headings: number[] = [];
  const figures: (string | undefined)[] = [];
  const seen = new Set<PDFObject>();
  const walk = (node: PDFObject | undefined): void => {
    if (node === undefined) return;
    const resolved = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (resolved === undefined || seen.has(resolved)) return;
    seen.add(resolved);
    if (resolved instanceof PDFArray) {
      for (let i = 0; i < resolved.size(); i += 1) walk(resolved.get(i));
      return;
    }
    if (!(resolved instanceof PDFDict)) return;
    const s = resolved.get(PDFName.of('S'));
    const tag = s instanceof PDFName ? s.decodeText() : '';
    const h = /^H([1-6])$/.exec(tag);
    if (h) headings.push(Number(h[1]));
    if (tag === 'Figure') figures.push(text(resolved.get(PDFName.of('Alt'))));
    walk(resolved.get(PDFName.of('K')));
  };
  walk(catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.get(PDFName.of('K')));

  return {
    lang,
    displayDocTitle: display instanceof PDFBool && display.asBoolean(),
    title: doc.getTitle(),
    marked,
    outline,
    headings,
    figures,
  };
}

/** Places where a heading is more than one level below the one before it (the first may be any level). */
export function headingGaps(levels: readonly number[]): string[] {
  const gaps: string[] = [];
  levels.forEach((level, i) => {
    const before = i === 0 ? 0 : (levels[i - 1] as number);
    if (level > before + 1) gaps.push(`H${before} → H${level} at heading ${i + 1}`);
  });
  return gaps;
}
