/**
 * PDF outlines (bookmarks) with pdf-lib's low-level objects, for a PDF that patch.ts cannot finish
 * without parsing it whole (pdf-lib has no outline API). An outline
 * is a linked tree of dictionaries: /Outlines → items with /First /Last /Next /Prev /Parent /Count,
 * each with a /Title (UTF-16 hex string) and a /Dest [page /XYZ left top zoom].
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { buildTree, targetOf, type OutlineEntry, type OutlineNode, type ResolvedDestination } from './outline-tree.js';

export type { OutlineEntry, ResolvedDestination } from './outline-tree.js';

/** The named destinations of a PDF (catalog /Dests, and the /Names /Dests name tree). */
export function readNamedDestinations(doc: PDFDocument): Map<string, ResolvedDestination> {
  const pageIndex = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index]));
  const found = new Map<string, ResolvedDestination>();
  const add = (name: string, value: unknown): void => {
    let array = doc.context.lookup(value as PDFRef);
    if (array instanceof PDFDict) array = array.lookup(PDFName.of('D'));
    if (!(array instanceof PDFArray)) return;
    const pageRef = array.get(0);
    const page = pageRef === undefined ? undefined : pageIndex.get(pageRef.toString());
    if (page === undefined) return;
    const top = array.lookup(3);
    found.set(name, top instanceof PDFNumber ? { page, top: top.asNumber() } : { page });
  };
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    for (const [key, value] of dests.entries()) add(key.decodeText(), value);
  }
  const names = doc.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  if (tree instanceof PDFDict) walkNameTree(doc, tree, add, 0);
  return found;
}

function walkNameTree(doc: PDFDocument, node: PDFDict, add: (name: string, value: unknown) => void, depth: number): void {
  if (depth > 32) return; // A malformed (cyclic) tree.
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) add(key.decodeText(), names.get(i + 1));
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i += 1) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walkNameTree(doc, kid, add, depth + 1);
    }
  }
}

/** Replace the outline of `doc` with `entries`; returns how many items it holds (unresolvable ones are left out). */
export function setOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): number {
  const pages = doc.getPages();
  const named = entries.some((e) => e.dest !== undefined) ? readNamedDestinations(doc) : new Map<string, ResolvedDestination>();
  const roots = buildTree(entries, (e) => targetOf(e, named, pages.length));
  doc.catalog.delete(PDFName.of('Outlines'));
  if (roots.length === 0) return 0;
  const outlinesRef = doc.context.nextRef();
  const written = writeItems(doc, roots, outlinesRef);
  doc.context.assign(
    outlinesRef,
    doc.context.obj({ Type: 'Outlines', First: written.first, Last: written.last, Count: written.visible }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  // Open the bookmarks panel when the file is opened.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return written.total;
}

/** Write sibling items under `parent`; every item is left open, so all descendants count as visible. */
function writeItems(doc: PDFDocument, nodes: readonly OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef; visible: number; total: number } {
  const refs = nodes.map(() => doc.context.nextRef());
  let total = 0;
  nodes.forEach((node, i) => {
    const ref = refs[i] as PDFRef;
    const page = doc.getPage(node.target.page);
    const top = node.target.top ?? page.getHeight();
    const dict = doc.context.obj({
      Title: PDFHexString.fromText(node.title),
      Parent: parent,
      Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(top), PDFNull],
    });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev !== undefined) dict.set(PDFName.of('Prev'), prev);
    if (next !== undefined) dict.set(PDFName.of('Next'), next);
    total += 1;
    if (node.children.length > 0) {
      const kids = writeItems(doc, node.children, ref);
      dict.set(PDFName.of('First'), kids.first);
      dict.set(PDFName.of('Last'), kids.last);
      dict.set(PDFName.of('Count'), PDFNumber.of(kids.visible));
      total += kids.total;
    }
    doc.context.assign(ref, dict);
  });
  return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef, visible: total, total };
}
