import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../../src/pdf/meta.js';
import { readNamedDestinations, setOutline, type OutlineEntry } from '../../../src/pdf/outline.js';

async function blankPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) doc.addPage([960, 540]);
  return doc.save();
}

interface ReadItem {
  title: string;
  page: number;
  count?: number;
  children: ReadItem[];
}

/** Read an outline back with pdf-lib's low-level API, checking the links as it goes. */
function readOutline(doc: PDFDocument): { count: number; items: ReadItem[] } {
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  expect(outlines.lookup(PDFName.of('Type'))).toBe(PDFName.of('Outlines'));
  const outlinesRef = doc.catalog.get(PDFName.of('Outlines')) as PDFRef;
  const readLevel = (parentRef: PDFRef, parent: PDFDict): ReadItem[] => {
    const items: ReadItem[] = [];
    let ref = parent.get(PDFName.of('First')) as PDFRef | undefined;
    let prev: PDFRef | undefined;
    while (ref !== undefined) {
      const item = doc.context.lookup(ref, PDFDict);
      expect(item.get(PDFName.of('Parent'))).toBe(parentRef);
      expect(item.get(PDFName.of('Prev'))).toBe(prev);
      const title = item.lookup(PDFName.of('Title'));
      expect(title instanceof PDFHexString || title instanceof PDFString).toBe(true);
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      expect(dest.lookup(1)).toBe(PDFName.of('XYZ'));
      const count = item.lookup(PDFName.of('Count'));
      const next = item.get(PDFName.of('Next')) as PDFRef | undefined;
      if (next === undefined) expect(parent.get(PDFName.of('Last'))).toBe(ref);
      items.push({
        title: (title as PDFHexString).decodeText(),
        page: pageRefs.indexOf((dest.get(0) as PDFRef).toString()),
        ...(count instanceof PDFNumber ? { count: count.asNumber() } : {}),
        children: readLevel(ref, item),
      });
      prev = ref;
      ref = next;
    }
    return items;
  };
  const count = outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber();
  return { count, items: readLevel(outlinesRef, outlines) };
}

const ENTRIES: OutlineEntry[] = [
  { title: 'The promises of Eventlet', level: 2, page: 1 },
  { title: 'Magic Asynchronicity', level: 3, page: 2 },
  { title: 'Cooperative Multitasking', level: 3, page: 3 },
  { title: 'Alternatives — “asyncio” ünd 日本語', level: 2, page: 4 },
];

describe('finishPdf', () => {
  it('writes metadata and an outline nesting h3 under h2, pointing at the right pages', async () => {
    const finished = await finishPdf(
      await blankPdf(5),
      { title: 'Understanding Eventlet', author: 'Ada', subject: 'Why Eventlet goes', keywords: ['python', 'async'] },
      ENTRIES,
    );
    expect(finished.pages).toBe(5);
    expect(finished.outlineItems).toBe(4);
    const doc = await PDFDocument.load(finished.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Understanding Eventlet');
    expect(doc.getAuthor()).toBe('Ada');
    expect(doc.getSubject()).toBe('Why Eventlet goes');
    expect(doc.getKeywords()).toBe('python async');
    expect(doc.getCreator()).toBe('Lectern');
    expect(doc.getProducer()).toMatch(/^Lectern/);
    expect(doc.catalog.lookup(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));

    const outline = readOutline(doc);
    expect(outline.count).toBe(4);
    expect(outline.items).toEqual([
      {
        title: 'The promises of Eventlet',
        page: 1,
        count: 2,
        children: [
          { title: 'Magic Asynchronicity', page: 2, children: [] },
          { title: 'Cooperative Multitasking', page: 3, children: [] },
        ],
      },
      { title: 'Alternatives — “asyncio” ünd 日本語', page: 4, children: [] },
    ]);
  });

  it('leaves optional metadata out and writes no outline without headings', async () => {
    const finished = await finishPdf(await blankPdf(2), { title: 'Plain' }, []);
    expect(finished.outlineItems).toBe(0);
    const doc = await PDFDocument.load(finished.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Plain');
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getSubject()).toBeUndefined();
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});

describe('setOutline', () => {
  it('nests by level: an h3 before any h2 stays at the top, deeper levels nest twice', async () => {
    const doc = await PDFDocument.load(await blankPdf(5));
    const total = setOutline(doc, [
      { title: 'Early h3', level: 3, page: 0 },
      { title: 'Deck', level: 1, page: 0 },
      { title: 'Part', level: 2, page: 1 },
      { title: 'Detail', level: 3, page: 2 },
      { title: 'Out of range', level: 2, page: 9 },
    ]);
    expect(total).toBe(4);
    const { count, items } = readOutline(doc);
    expect(count).toBe(4);
    expect(items.map((i) => i.title)).toEqual(['Early h3', 'Deck']);
    expect(items[1]?.count).toBe(2);
    expect(items[1]?.children[0]?.title).toBe('Part');
    expect(items[1]?.children[0]?.children[0]).toMatchObject({ title: 'Detail', page: 2 });
  });

  it('resolves named destinations (as Chromium writes them) to their page and position', async () => {
    const doc = await PDFDocument.load(await blankPdf(4));
    const page2 = doc.getPage(2).ref;
    const page3 = doc.getPage(3).ref;
    doc.catalog.set(
      PDFName.of('Dests'),
      doc.context.obj({ 'lectern-dest-0': [page2, 'XYZ', 0, 300, 0], other: [page3, 'Fit'] }),
    );
    expect(readNamedDestinations(doc).get('lectern-dest-0')).toEqual({ page: 2, top: 300 });
    expect(readNamedDestinations(doc).get('other')).toEqual({ page: 3 });
    setOutline(doc, [
      { title: 'Named', level: 2, dest: 'lectern-dest-0' },
      { title: 'Missing name falls back to page', level: 2, dest: 'nope', page: 1 },
      { title: 'Missing name, no page', level: 2, dest: 'nope' },
    ]);
    const { items } = readOutline(doc);
    expect(items.map((i) => [i.title, i.page])).toEqual([
      ['Named', 2],
      ['Missing name falls back to page', 1],
    ]);
  });

  it('reads destinations from a /Names /Dests name tree too', async () => {
    const doc = await PDFDocument.load(await blankPdf(3));
    const leaf = doc.context.obj({ Names: [PDFString.of('deep'), [doc.getPage(1).ref, 'XYZ', null, 500, null]] });
    const tree = doc.context.obj({ Kids: [doc.context.register(leaf)] });
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ Dests: tree }));
    expect(readNamedDestinations(doc).get('deep')).toEqual({ page: 1, top: 500 });
  });
});
