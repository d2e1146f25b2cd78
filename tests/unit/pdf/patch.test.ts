/**
 * patch.ts: a PDF with a classic cross-reference table (as Chromium prints it; pdf-lib writes one
 * without object streams) is finished without a full parse — the same metadata, outline and page
 * count as meta.ts's pdf-lib path, read back with pdf-lib; the replaced information and catalog are
 * blanked, so nothing of the print time is left; any other shape is left to pdf-lib (undefined).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../../src/pdf/meta.js';
import { hexText, patchPdf, pdfDate, type PatchRequest } from '../../../src/pdf/patch.js';
import type { OutlineEntry } from '../../../src/pdf/outline-tree.js';

const PRINTED = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

/** A PDF of `pages` pages as Chromium writes one: a classic xref table, an information dictionary with its own creator and date. */
async function classicPdf(pages: number, change?: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i += 1) doc.addPage([960, 540]);
  doc.setCreator('HeadlessChrome/156');
  doc.setProducer('Skia/PDF m156');
  doc.setCreationDate(PRINTED);
  doc.setModificationDate(PRINTED);
  change?.(doc);
  return doc.save({ useObjectStreams: false });
}

const ENTRIES: OutlineEntry[] = [
  { title: 'The promises of Eventlet', level: 2, page: 1 },
  { title: 'Magic Asynchronicity', level: 3, page: 2 },
  { title: 'Cooperative Multitasking', level: 3, page: 3 },
  { title: 'Alternatives — “asyncio” ünd 日本語', level: 2, page: 4 },
];

const REQUEST: PatchRequest = {
  title: 'Understanding Eventlet',
  author: 'Ada',
  subject: 'Why Eventlet goes',
  keywords: ['python', 'async'],
  creator: 'Lectern',
  producer: 'Lectern (Chromium)',
  outline: ENTRIES,
};

interface ReadItem {
  title: string;
  page: number;
  top: number;
  children: ReadItem[];
}

/** The outline as pdf-lib reads it, its links checked on the way. */
function readOutline(doc: PDFDocument): { count: number; items: ReadItem[] } | undefined {
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  if (!(outlines instanceof PDFDict)) return undefined;
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const level = (parentRef: PDFRef, parent: PDFDict): ReadItem[] => {
    const items: ReadItem[] = [];
    let ref = parent.get(PDFName.of('First')) as PDFRef | undefined;
    let prev: PDFRef | undefined;
    while (ref !== undefined) {
      const item = doc.context.lookup(ref, PDFDict);
      expect(item.get(PDFName.of('Parent'))).toBe(parentRef);
      expect(item.get(PDFName.of('Prev'))).toBe(prev);
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      expect(dest.lookup(1)).toBe(PDFName.of('XYZ'));
      const next = item.get(PDFName.of('Next')) as PDFRef | undefined;
      if (next === undefined) expect(parent.get(PDFName.of('Last'))).toBe(ref);
      items.push({
        title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(),
        page: pageRefs.indexOf((dest.get(0) as PDFRef).toString()),
        top: dest.lookup(3, PDFNumber).asNumber(),
        children: level(ref, item),
      });
      prev = ref;
      ref = next;
    }
    return items;
  };
  return { count: outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber(), items: level(doc.catalog.get(PDFName.of('Outlines')) as PDFRef, outlines) };
}

async function metadataOf(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    pages: doc.getPageCount(),
    title: doc.getTitle(),
    author: doc.getAuthor(),
    subject: doc.getSubject(),
    keywords: doc.getKeywords(),
    creator: doc.getCreator(),
    producer: doc.getProducer(),
    created: doc.getCreationDate()?.toISOString(),
    modified: doc.getModificationDate()?.toISOString(),
    pageMode: String(doc.catalog.get(PDFName.of('PageMode'))),
    displayTitle: String(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))),
    outline: readOutline(doc),
  };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

describe('patchPdf', () => {
  it('writes metadata and the outline (h3 under h2, pointing at the right pages) into a classic-xref PDF', async () => {
    const patched = patchPdf(await classicPdf(5), { ...REQUEST, date: new Date(1_700_000_000_000) });
    expect(patched).toBeDefined();
    expect(patched?.pages).toBe(5);
    expect(patched?.outlineItems).toBe(4);
    const meta = await metadataOf(patched!.bytes);
    expect(meta).toMatchObject({
      pages: 5,
      title: 'Understanding Eventlet',
      author: 'Ada',
      subject: 'Why Eventlet goes',
      keywords: 'python async',
      creator: 'Lectern',
      producer: 'Lectern (Chromium)',
      created: '2023-11-14T22:13:20.000Z',
      modified: '2023-11-14T22:13:20.000Z',
      pageMode: '/UseOutlines',
      displayTitle: 'true',
    });
    expect(meta['outline']).toEqual({
      count: 4,
      items: [
        {
          title: 'The promises of Eventlet',
          page: 1,
          top: 540,
          children: [
            { title: 'Magic Asynchronicity', page: 2, top: 540, children: [] },
            { title: 'Cooperative Multitasking', page: 3, top: 540, children: [] },
          ],
        },
        { title: 'Alternatives — “asyncio” ünd 日本語', page: 4, top: 540, children: [] },
      ],
    });
  });

  it('gives the same document as the pdf-lib path', async () => {
    const bytes = await classicPdf(6);
    const date = new Date(1_700_000_000_000);
    const fast = await metadataOf(patchPdf(bytes, { ...REQUEST, date })!.bytes);
    // The pdf-lib path, as finishPdf takes it for a PDF with object streams.
    const streams = await (await PDFDocument.load(bytes, { updateMetadata: false })).save();
    expect(patchPdf(streams, REQUEST)).toBeUndefined();
    const slow = await metadataOf((await finishPdf(streams, { title: REQUEST.title, author: 'Ada', subject: 'Why Eventlet goes', keywords: ['python', 'async'], date }, ENTRIES)).bytes);
    expect(fast).toEqual(slow);
  });

  it('leaves nothing of the printed information behind, and gives the same bytes twice', async () => {
    const bytes = await classicPdf(3);
    // pdf-lib writes the creator as UTF-16 hex, the date as a literal.
    const creator = hexText('HeadlessChrome').slice(5, -1).toLowerCase();
    expect(latin1(bytes).toLowerCase()).toContain(creator);
    expect(latin1(bytes)).toContain('D:20260102030405');
    const date = new Date(1_700_000_000_000);
    const a = patchPdf(bytes, { ...REQUEST, date })!.bytes;
    const b = patchPdf(bytes, { ...REQUEST, date })!.bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(latin1(a).toLowerCase()).not.toContain(creator);
    expect(latin1(a)).not.toContain('D:20260102030405');
    // Patching a patched file works too (its table is classic, its old objects blanked).
    expect(await metadataOf(patchPdf(a, { ...REQUEST, title: 'Again', date })!.bytes)).toMatchObject({ title: 'Again', pages: 3 });
  });

  it('keeps the printed creation date without a date, and is modified then', async () => {
    const patched = patchPdf(await classicPdf(1), { ...REQUEST, outline: [] })!;
    expect(patched.outlineItems).toBe(0);
    const meta = await metadataOf(patched.bytes);
    expect(meta).toMatchObject({ created: PRINTED.toISOString(), modified: PRINTED.toISOString(), outline: undefined });
    expect(meta['pageMode']).toBe('undefined');
  });

  it('resolves named destinations, from /Dests and from a /Names tree, to their page and top', async () => {
    const bytes = await classicPdf(4, (doc) => {
      const [, one, two, three] = doc.getPages().map((p) => p.ref);
      doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ 'lectern-dest-0': [two!, 'XYZ', 0, 300, 0], other: [three!, 'Fit'] }));
      const leaf = doc.context.obj({ Names: [PDFString.of('deep'), [one!, 'XYZ', null, 500, null]] });
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: doc.context.obj({ Kids: [doc.context.register(leaf)] }) }));
    });
    const outline: OutlineEntry[] = [
      { title: 'Named', level: 2, dest: 'lectern-dest-0' },
      { title: 'Fit', level: 2, dest: 'other' },
      { title: 'Deep', level: 2, dest: 'deep' },
      { title: 'Missing name falls back to page', level: 2, dest: 'nope', page: 1 },
      { title: 'Missing name, no page', level: 2, dest: 'nope' },
    ];
    const meta = await metadataOf(patchPdf(bytes, { ...REQUEST, outline })!.bytes);
    const items = (meta['outline'] as { items: ReadItem[] }).items;
    expect(items.map((i) => [i.title, i.page, i.top])).toEqual([
      ['Named', 2, 300],
      ['Fit', 3, 540],
      ['Deep', 1, 500],
      ['Missing name falls back to page', 1, 540],
    ]);
  });

  it('answers undefined for what it does not read: an xref stream, a later revision, not a PDF', async () => {
    const bytes = await classicPdf(2);
    const doc = await PDFDocument.load(bytes);
    expect(patchPdf(await doc.save(), REQUEST)).toBeUndefined();
    // An incremental update: a second table whose trailer points back with /Prev.
    const text = latin1(bytes);
    const start = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
    const size = Number(/\/Size (\d+)/.exec(text.slice(start))![1]);
    const appended = `${text}${size} 0 obj\n<< >>\nendobj\nxref\n${size} 1\n${String(text.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root 1 0 R /Prev ${start} >>\nstartxref\n${text.length + 30}\n%%EOF\n`;
    expect(patchPdf(Buffer.from(appended, 'latin1'), REQUEST)).toBeUndefined();
    expect(patchPdf(new TextEncoder().encode('not a pdf'), REQUEST)).toBeUndefined();
  });

  it('finishPdf takes it for a classic-xref PDF, pdf-lib for another, with the same outcome', async () => {
    const bytes = await classicPdf(3);
    const fast = await finishPdf(bytes, { title: 'T' }, ENTRIES.slice(0, 2));
    expect(latin1(fast.bytes).slice(-1200)).toMatch(/\nxref\n0 \d+\n/);
    const slow = await finishPdf(await (await PDFDocument.load(bytes)).save(), { title: 'T' }, ENTRIES.slice(0, 2));
    expect([fast.pages, fast.outlineItems]).toEqual([slow.pages, slow.outlineItems]);
  });
});

describe('patch.ts text', () => {
  it('writes text strings and dates as pdf-lib does', () => {
    expect(hexText('Aé')).toBe('<FEFF004100E9>');
    expect(hexText('日')).toBe(PDFHexString.fromText('日').toString().toUpperCase());
    expect(pdfDate(new Date(1_700_000_000_000))).toBe(`(${PDFString.fromDate(new Date(1_700_000_000_000)).asString()})`);
  });
});
