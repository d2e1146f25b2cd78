/**
 * Finishing a PDF as Chromium prints it — one revision, a classic cross-reference table, no
 * encryption — without parsing it whole: only the trailer, the catalog, the page tree and the
 * named destinations are read, and the file is written back as it came up to its cross-reference
 * table, followed by the new document information, the new catalog, the outline, and a new table
 * that points at them. For a 225-slide deck that is a few milliseconds where pdf-lib took about a
 * second and a half to parse and save the same 2 MB; the result is the same document (metadata,
 * outline, tags, links, text) that meta.ts's pdf-lib path writes.
 *
 * Chromium's own document information (its user agent as creator, the time it printed) and its
 * catalog are overwritten with spaces in place, so no offset moves and no trace of the print time
 * is left: with SOURCE_DATE_EPOCH two runs give the same bytes. Anything this reader does not
 * expect (an xref stream, an earlier revision, encryption, an object where the table says it is
 * not) makes `patchPdf` answer undefined, and the caller falls back to pdf-lib.
 */
import { buildTree, targetOf, type OutlineEntry, type OutlineNode, type ResolvedDestination } from './outline-tree.js';

/** What to write into the PDF (see meta.ts). */
export interface PatchRequest {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  readonly creator: string;
  readonly producer: string;
  /** Creation and modification date; unset: keep the printed creation date, and modified then. */
  readonly date?: Date;
  readonly outline: readonly OutlineEntry[];
}

/** The finished file, its page count and how many items its outline holds. */
export interface PatchedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly outlineItems: number;
}

/** Finish `bytes` as `request` asks, or undefined when the file is not one this reader handles. */
export function patchPdf(bytes: Uint8Array, request: PatchRequest, now: () => Date = () => new Date()): PatchedPdf | undefined {
  try {
    return patch(bytes, request, now);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The file is not in the shape this reader handles (the caller uses pdf-lib instead). */
class Unsupported extends Error {}

function unsupported(why: string): never {
  throw new Unsupported(why);
}

// ---------------------------------------------------------------------------------------------
// Values, parsed from the file's text (latin1: one character per byte, so indexes are offsets).

type PdfValue =
  | { readonly kind: 'name'; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: 'ref'; readonly num: number; readonly gen: number; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'array'; readonly items: readonly PdfValue[]; readonly start: number; readonly end: number }
  | { readonly kind: 'dict'; readonly entries: ReadonlyMap<string, PdfValue>; readonly start: number; readonly end: number }
  | { readonly kind: 'other'; readonly start: number; readonly end: number };

type PdfDict = Extract<PdfValue, { kind: 'dict' }>;
type PdfRef = Extract<PdfValue, { kind: 'ref' }>;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

// Sticky patterns, matched at an index of the file's text without copying it.
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)/y;
const REF_TAIL = /\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/y;
const KEYWORD = /true|false|null/y;
const OBJ_HEADER = /(\d+)\s+(\d+)\s+obj/y;
const XREF_ENTRY = /(\d{10}) (\d{5}) ([nf])/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

class Reader {
  constructor(readonly text: string) {}

  skip(at: number): number {
    const { text } = this;
    let p = at;
    while (p < text.length) {
      const c = text.charCodeAt(p);
      if (WHITESPACE.has(c)) p++;
      else if (c === 0x25 /* % */) {
        while (p < text.length && text[p] !== '\n' && text[p] !== '\r') p++;
      } else break;
    }
    return p;
  }

  /** The value that starts at or after `at` (whitespace skipped). */
  value(at: number, depth = 0): PdfValue {
    if (depth > 64) unsupported('nested too deep');
    const { text } = this;
    const start = this.skip(at);
    const c = text[start];
    if (c === undefined) unsupported('unexpected end of file');
    if (c === '<' && text[start + 1] === '<') {
      const entries = new Map<string, PdfValue>();
      let p = this.skip(start + 2);
      while (!(text[p] === '>' && text[p + 1] === '>')) {
        const key = this.value(p, depth + 1);
        if (key.kind !== 'name') unsupported('a dictionary key that is not a name');
        const value = this.value(key.end, depth + 1);
        entries.set(key.name, value);
        p = this.skip(value.end);
        if (p >= text.length) unsupported('unterminated dictionary');
      }
      return { kind: 'dict', entries, start, end: p + 2 };
    }
    if (c === '<') {
      const end = text.indexOf('>', start);
      if (end < 0) unsupported('unterminated hex string');
      const hex = text.slice(start + 1, end).replace(/\s+/g, '');
      const padded = hex.length % 2 === 1 ? `${hex}0` : hex;
      let raw = '';
      for (let i = 0; i < padded.length; i += 2) raw += String.fromCharCode(parseInt(padded.slice(i, i + 2), 16));
      return { kind: 'string', text: decodeTextString(raw), start, end: end + 1 };
    }
    if (c === '[') {
      const items: PdfValue[] = [];
      let p = this.skip(start + 1);
      while (text[p] !== ']') {
        const item = this.value(p, depth + 1);
        items.push(item);
        p = this.skip(item.end);
        if (p >= text.length) unsupported('unterminated array');
      }
      return { kind: 'array', items, start, end: p + 1 };
    }
    if (c === '(') return this.literal(start);
    if (c === '/') {
      let p = start + 1;
      while (p < text.length && !WHITESPACE.has(text.charCodeAt(p)) && !DELIMITERS.has(text.charCodeAt(p))) p++;
      const name = text.slice(start + 1, p).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      return { kind: 'name', name, start, end: p };
    }
    const number = matchAt(NUMBER, text, start);
    if (number !== null) {
      const end = start + number[0].length;
      // `12 0 R`: a reference, not two numbers.
      const ref = matchAt(REF_TAIL, text, end);
      if (ref !== null && /^\d+$/.test(number[0])) {
        return { kind: 'ref', num: Number(number[0]), gen: Number(ref[1]), start, end: end + ref[0].length };
      }
      return { kind: 'number', value: Number(number[0]), start, end };
    }
    const word = matchAt(KEYWORD, text, start);
    if (word !== null) return { kind: 'other', start, end: start + word[0].length };
    return unsupported(`unexpected "${c}"`);
  }

  private literal(start: number): PdfValue {
    const { text } = this;
    let depth = 0;
    let raw = '';
    let p = start;
    for (; p < text.length; p++) {
      const c = text[p] as string;
      if (c === '\\') {
        const next = text[++p] ?? '';
        const octal = /^[0-7]{1,3}/.exec(text.slice(p, p + 3));
        if (octal !== null) {
          raw += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
          p += octal[0].length - 1;
        } else if (next === '\r') {
          if (text[p + 1] === '\n') p++;
        } else if (next !== '\n') {
          raw += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
        }
        continue;
      }
      if (c === '(') {
        depth++;
        if (depth === 1) continue;
      } else if (c === ')') {
        depth--;
        if (depth === 0) break;
      }
      raw += c;
    }
    if (depth !== 0) unsupported('unterminated string');
    return { kind: 'string', text: decodeTextString(raw), start, end: p + 1 };
  }
}

/** A PDF text string's bytes (one per character) as text: UTF-16BE after a BOM, else PDFDocEncoding (read as latin1). */
function decodeTextString(raw: string): string {
  if (raw.startsWith('\u00fe\u00ff')) {
    let out = '';
    for (let i = 2; i + 1 < raw.length; i += 2) out += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return out;
  }
  return raw;
}

// ---------------------------------------------------------------------------------------------
// The file: its cross-reference table, trailer and objects.

interface XrefEntry {
  readonly offset: number;
  readonly gen: number;
  readonly used: boolean;
}

class PdfFile {
  readonly reader: Reader;
  readonly xrefStart: number;
  readonly entries: readonly XrefEntry[];
  readonly trailer: PdfDict;
  private readonly cache = new Map<number, { value: PdfValue; start: number; end: number }>();

  constructor(readonly text: string) {
    this.reader = new Reader(text);
    const at = text.lastIndexOf('startxref');
    if (at < 0 || at < text.length - 1100) unsupported('no startxref at the end');
    const xref = /^startxref\s+(\d+)/.exec(text.slice(at, at + 40));
    if (xref === null) unsupported('bad startxref');
    this.xrefStart = Number(xref[1]);
    if (text.slice(this.xrefStart, this.xrefStart + 4) !== 'xref') unsupported('not a classic cross-reference table');
    // One subsection from object 0: as Chromium (and pdf-lib without object streams) write it.
    const head = /^xref\s*\r?\n\s*0\s+(\d+)\s*\r?\n/.exec(text.slice(this.xrefStart, this.xrefStart + 40));
    if (head === null) unsupported('a cross-reference table in several subsections');
    const count = Number(head[1]);
    let p = this.xrefStart + head[0].length;
    const entries: XrefEntry[] = [];
    for (let i = 0; i < count; i++) {
      const line = matchAt(XREF_ENTRY, text, p);
      if (line === null) unsupported('a bad cross-reference entry');
      entries.push({ offset: Number(line[1]), gen: Number(line[2]), used: line[3] === 'n' });
      p += 20;
    }
    this.entries = entries;
    p = this.reader.skip(p);
    if (text.slice(p, p + 7) !== 'trailer') unsupported('no trailer after the table');
    const trailer = this.reader.value(p + 7);
    if (trailer.kind !== 'dict') unsupported('a trailer that is not a dictionary');
    this.trailer = trailer;
    for (const key of ['Prev', 'Encrypt', 'XRefStm']) if (trailer.entries.has(key)) unsupported(`a trailer with /${key}`);
    const size = trailer.entries.get('Size');
    if (size?.kind !== 'number' || size.value !== count) unsupported('a /Size that is not the table\'s');
  }

  /** The object `num` (its value, and where `num gen obj … endobj` starts and ends). */
  object(num: number): { value: PdfValue; start: number; end: number } {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.entries[num];
    if (entry === undefined || !entry.used) unsupported(`object ${num} is not in the table`);
    const header = matchAt(OBJ_HEADER, this.text, entry.offset);
    if (header === null || Number(header[1]) !== num || Number(header[2]) !== entry.gen) unsupported(`object ${num} is not where the table says`);
    const value = this.reader.value(entry.offset + header[0].length);
    const after = this.reader.skip(value.end);
    // Streams are never read here (the catalog, pages, information and destinations are not streams).
    if (this.text.slice(after, after + 6) !== 'endobj') unsupported(`object ${num} is a stream or malformed`);
    const found = { value, start: entry.offset, end: after + 6 };
    this.cache.set(num, found);
    return found;
  }

  /** `value`, or the object it refers to. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value?.kind === 'ref' ? this.object(value.num).value : value;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved?.kind === 'dict' ? resolved : undefined;
  }

  raw(value: PdfValue): string {
    return this.text.slice(value.start, value.end);
  }
}

interface PageLeaf {
  readonly ref: PdfRef;
  readonly height: number;
}

/** The pages in order, with their heights (MediaBox, inherited from the page tree when a page has none). */
function readPages(file: PdfFile, catalog: PdfDict): PageLeaf[] {
  const pages: PageLeaf[] = [];
  const seen = new Set<number>();
  const walk = (ref: PdfValue | undefined, inherited: number | undefined, depth: number): void => {
    if (ref?.kind !== 'ref' || depth > 32 || seen.has(ref.num)) unsupported('a malformed page tree');
    seen.add(ref.num);
    const node = file.dict(ref);
    if (node === undefined) unsupported('a page tree node that is not a dictionary');
    const height = mediaBoxHeight(file, node.entries.get('MediaBox')) ?? inherited;
    const type = node.entries.get('Type');
    const kids = file.resolve(node.entries.get('Kids'));
    if (type?.kind === 'name' && type.name === 'Page') {
      if (height === undefined) unsupported('a page without a MediaBox');
      pages.push({ ref, height });
    } else if (kids?.kind === 'array') {
      for (const kid of kids.items) walk(kid, height, depth + 1);
    } else unsupported('a page tree node without kids');
  };
  walk(catalog.entries.get('Pages'), undefined, 0);
  return pages;
}

function mediaBoxHeight(file: PdfFile, value: PdfValue | undefined): number | undefined {
  const box = file.resolve(value);
  if (box?.kind !== 'array' || box.items.length !== 4) return undefined;
  const [, y1, , y2] = box.items.map((item) => file.resolve(item));
  return y1?.kind === 'number' && y2?.kind === 'number' ? y2.value - y1.value : undefined;
}

/** The named destinations (catalog /Dests and the /Names /Dests name tree), as outline.ts reads them with pdf-lib. */
function readDestinations(file: PdfFile, catalog: PdfDict, pages: readonly PageLeaf[]): Map<string, ResolvedDestination> {
  const pageIndex = new Map(pages.map((page, index) => [page.ref.num, index]));
  const found = new Map<string, ResolvedDestination>();
  const add = (name: string, value: PdfValue | undefined): void => {
    let target = file.resolve(value);
    if (target?.kind === 'dict') target = file.resolve(target.entries.get('D'));
    if (target?.kind !== 'array') return;
    const pageRef = target.items[0];
    const page = pageRef?.kind === 'ref' ? pageIndex.get(pageRef.num) : undefined;
    if (page === undefined) return;
    const top = file.resolve(target.items[3]);
    found.set(name, top?.kind === 'number' ? { page, top: top.value } : { page });
  };
  const dests = file.dict(catalog.entries.get('Dests'));
  if (dests !== undefined) for (const [name, value] of dests.entries) add(name, value);
  const tree = file.dict(file.dict(catalog.entries.get('Names'))?.entries.get('Dests'));
  const walk = (node: PdfDict, depth: number): void => {
    if (depth > 32) return;
    const names = file.resolve(node.entries.get('Names'));
    if (names?.kind === 'array') {
      for (let i = 0; i + 1 < names.items.length; i += 2) {
        const key = file.resolve(names.items[i]);
        if (key?.kind === 'string') add(key.text, names.items[i + 1]);
      }
    }
    const kids = file.resolve(node.entries.get('Kids'));
    if (kids?.kind === 'array') {
      for (const kid of kids.items) {
        const child = file.dict(kid);
        if (child !== undefined) walk(child, depth + 1);
      }
    }
  };
  if (tree !== undefined) walk(tree, 0);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Writing.

/** A text string as pdf-lib writes it (PDFHexString.fromText): UTF-16BE with a byte-order mark, in hex. */
export function hexText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A date as pdf-lib writes it (PDFString.fromDate): `(D:YYYYMMDDHHmmSSZ)`, in UTC. */
export function pdfDate(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `(D:${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

function pdfNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function refText(ref: { num: number; gen: number }): string {
  return `${ref.num} ${ref.gen} R`;
}

function patch(bytes: Uint8Array, request: PatchRequest, now: () => Date): PatchedPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const file = new PdfFile(text);
  const rootRef = file.trailer.entries.get('Root');
  if (rootRef?.kind !== 'ref') unsupported('no /Root reference');
  const catalog = file.dict(rootRef);
  if (catalog === undefined) unsupported('a catalog that is not a dictionary');
  const catalogObject = file.object(rootRef.num);
  const infoRef = file.trailer.entries.get('Info');
  if (infoRef !== undefined && infoRef.kind !== 'ref') unsupported('an /Info that is not a reference');
  const oldInfo = infoRef === undefined ? undefined : file.dict(infoRef);
  const infoObject = infoRef === undefined ? undefined : file.object(infoRef.num);
  if (infoObject !== undefined && (infoObject.start < catalogObject.end && catalogObject.start < infoObject.end)) unsupported('catalog and information overlap');

  const pages = readPages(file, catalog);
  const named = request.outline.some((e) => e.dest !== undefined) ? readDestinations(file, catalog, pages) : new Map<string, ResolvedDestination>();
  const roots = buildTree(request.outline, (e) => targetOf(e, named, pages.length));

  let next = file.entries.length;
  const newObjects: { num: number; gen: number; body: string }[] = [];

  // The outline: /Outlines → items, each open, so all descendants count as visible (as outline.ts).
  let outlineItems = 0;
  let outlinesNum: number | undefined;
  if (roots.length > 0) {
    outlinesNum = next++;
    const written = writeItems(roots, outlinesNum);
    outlineItems = written.total;
    newObjects.push({ num: outlinesNum, gen: 0, body: `<</Type /Outlines\n/First ${written.first} 0 R\n/Last ${written.last} 0 R\n/Count ${written.visible}>>` });
  }
  function writeItems(nodes: readonly OutlineNode[], parent: number): { first: number; last: number; visible: number; total: number } {
    const nums = nodes.map(() => next++);
    let total = 0;
    nodes.forEach((node, i) => {
      const page = pages[node.target.page] as PageLeaf;
      const top = node.target.top ?? page.height;
      const entries = [`/Title ${hexText(node.title)}`, `/Parent ${parent} 0 R`, `/Dest [${refText(page.ref)} /XYZ null ${pdfNumber(top)} null]`];
      const prev = nums[i - 1];
      const after = nums[i + 1];
      if (prev !== undefined) entries.push(`/Prev ${prev} 0 R`);
      if (after !== undefined) entries.push(`/Next ${after} 0 R`);
      total += 1;
      if (node.children.length > 0) {
        const kids = writeItems(node.children, nums[i] as number);
        entries.push(`/First ${kids.first} 0 R`, `/Last ${kids.last} 0 R`, `/Count ${kids.visible}`);
        total += kids.total;
      }
      newObjects.push({ num: nums[i] as number, gen: 0, body: `<<${entries.join('\n')}>>` });
    });
    return { first: nums[0] as number, last: nums[nums.length - 1] as number, visible: total, total };
  }

  // The document information, in place of Chromium's (same object number when it had one).
  const info: string[] = [`/Title ${hexText(request.title)}`];
  if (request.author !== undefined && request.author !== '') info.push(`/Author ${hexText(request.author)}`);
  if (request.subject !== undefined && request.subject !== '') info.push(`/Subject ${hexText(request.subject)}`);
  if (request.keywords !== undefined && request.keywords.length > 0) info.push(`/Keywords ${hexText(request.keywords.join(' '))}`);
  info.push(`/Creator ${hexText(request.creator)}`, `/Producer ${hexText(request.producer)}`);
  const printed = oldInfo?.entries.get('CreationDate');
  if (request.date !== undefined) {
    info.push(`/CreationDate ${pdfDate(request.date)}`, `/ModDate ${pdfDate(request.date)}`);
  } else if (printed?.kind === 'string') {
    // Modified when it was printed, as pdf-lib's path sets it.
    info.push(`/CreationDate ${file.raw(printed)}`, `/ModDate ${file.raw(printed)}`);
  } else {
    info.push(`/ModDate ${pdfDate(now())}`);
  }
  const infoNum = infoRef?.num ?? next++;
  const infoGen = infoRef?.gen ?? 0;
  newObjects.push({ num: infoNum, gen: infoGen, body: `<<${info.join('\n')}>>` });

  // The catalog: every entry kept but the outline's; the title shown in the window's title bar.
  const kept: string[] = [];
  let viewer = false;
  for (const [key, value] of catalog.entries) {
    if (key === 'Outlines' || (key === 'PageMode' && outlinesNum !== undefined)) continue;
    if (key === 'ViewerPreferences') {
      if (value.kind !== 'dict') unsupported('viewer preferences by reference');
      const prefs = [...value.entries].filter(([k]) => k !== 'DisplayDocTitle').map(([k, v]) => `/${escapeName(k)} ${file.raw(v)}`);
      kept.push(`/ViewerPreferences <<${[...prefs, '/DisplayDocTitle true'].join('\n')}>>`);
      viewer = true;
      continue;
    }
    kept.push(`/${escapeName(key)} ${file.raw(value)}`);
  }
  if (!viewer) kept.push('/ViewerPreferences <</DisplayDocTitle true>>');
  if (outlinesNum !== undefined) kept.push(`/Outlines ${outlinesNum} 0 R`, '/PageMode /UseOutlines');
  newObjects.push({ num: rootRef.num, gen: rootRef.gen, body: `<<${kept.join('\n')}>>` });

  // The file: as printed up to its table, the replaced objects blanked, then the new objects and table.
  const blanks = [catalogObject, ...(infoObject === undefined ? [] : [infoObject])].sort((a, b) => a.start - b.start);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const blank of blanks) {
    pieces.push(Buffer.from(bytes.buffer, bytes.byteOffset + from, blank.start - from));
    pieces.push(Buffer.alloc(blank.end - blank.start, 0x20));
    from = blank.end;
  }
  pieces.push(Buffer.from(bytes.buffer, bytes.byteOffset + from, file.xrefStart - from));
  let offset = file.xrefStart;
  if (text[offset - 1] !== '\n' && text[offset - 1] !== '\r') {
    pieces.push(Buffer.from('\n', 'latin1'));
    offset += 1;
  }
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const object of newObjects) {
    const chunk = `${object.num} ${object.gen} obj\n${object.body}\nendobj\n`;
    offsets.set(object.num, { offset, gen: object.gen });
    pieces.push(Buffer.from(chunk, 'latin1'));
    offset += chunk.length;
  }
  const size = next;
  const lines: string[] = [`xref\n0 ${size}\n`];
  const line = (o: number, gen: number, used: boolean): string => `${String(o).padStart(10, '0')} ${String(gen).padStart(5, '0')} ${used ? 'n' : 'f'} \n`;
  for (let num = 0; num < size; num++) {
    const placed = offsets.get(num);
    const old = file.entries[num];
    if (placed !== undefined) lines.push(line(placed.offset, placed.gen, true));
    else if (old !== undefined) lines.push(line(old.offset, old.gen, old.used));
    else unsupported(`object ${num} was never written`);
  }
  const trailer = [`/Size ${size}`, `/Root ${refText(rootRef)}`, `/Info ${infoNum} ${infoGen} R`];
  for (const [key, value] of file.trailer.entries) {
    if (key !== 'Size' && key !== 'Root' && key !== 'Info') trailer.push(`/${escapeName(key)} ${file.raw(value)}`);
  }
  lines.push(`trailer\n<<${trailer.join('\n')}>>\nstartxref\n${offset}\n%%EOF\n`);
  pieces.push(Buffer.from(lines.join(''), 'latin1'));
  const out = Buffer.concat(pieces);
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), pages: pages.length, outlineItems };
}

/** A name as written after `/`: delimiters, whitespace, `#` and bytes outside printable ASCII as #xx. */
function escapeName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    out += c < 0x21 || c > 0x7e || c === 0x23 || DELIMITERS.has(c) ? `#${c.toString(16).padStart(2, '0').toUpperCase()}` : name[i];
  }
  return out;
}
