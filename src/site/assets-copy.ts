/**
 * Images the articles reference by relative path, copied next to the deck page with a content hash
 * in their names (so a changed image never hits a stale cache, and no name starts with `_`, which
 * GitHub Pages would drop). The Deck model is rewritten before render — never the HTML.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { assertNever, type Block, type Deck, type Diagnostic, type Inline, type ListItem, type Slide, type SlidePart } from '../model.js';

/** One referenced image: where the article has it and the line that names it. */
export interface ImageRef {
  readonly src: string;
  readonly line: number;
}

/** An image to copy: from the article's folder to `<out>/<slug>/<name>`. */
export interface ImageCopy {
  readonly from: string;
  readonly name: string;
}

/** What resolving a deck's images found. */
export interface DeckImages {
  /** Article `src` → hashed file name next to the deck page. */
  readonly mapping: ReadonlyMap<string, string>;
  readonly copies: readonly ImageCopy[];
  readonly diagnostics: readonly Diagnostic[];
}

/** True for a `src` that names a file relative to the article (not a URL, a root path or a fragment). */
export function isRelativeFile(src: string): boolean {
  const s = src.trim();
  return s !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.startsWith('/') && !s.startsWith('#') && !s.startsWith('?');
}

/** The file path part of a relative src: no query or fragment, percent escapes decoded. */
export function srcPath(src: string): string {
  const path = src.trim().split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Every relative image `src` of a deck (slides and notes), with the first line that names it. */
export function collectImages(deck: Deck): ImageRef[] {
  const found = new Map<string, number>();
  mapDeckImages(deck, (src, line) => {
    if (isRelativeFile(src) && !found.has(src)) found.set(src, line);
    return src;
  });
  return [...found].map(([src, line]) => ({ src, line }));
}

/** The deck with image sources replaced through `mapping` (unmapped ones kept). Pure. */
export function rewriteImages(deck: Deck, mapping: ReadonlyMap<string, string>): Deck {
  return mapDeckImages(deck, (src) => mapping.get(src) ?? src);
}

/**
 * Find a deck's relative images on disk (relative to its article file) and name their copies
 * `<name>-<hash>.<ext>`. A missing one is a warning at the article line that names it; its src stays.
 */
export function resolveDeckImages(deck: Deck, articleFile: string): DeckImages {
  const mapping = new Map<string, string>();
  const copies: ImageCopy[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { src, line } of collectImages(deck)) {
    const from = resolve(dirname(articleFile), srcPath(src));
    let bytes: Buffer;
    try {
      if (!statSync(from).isFile()) throw new Error('not a file');
      bytes = readFileSync(from);
    } catch {
      diagnostics.push({
        severity: 'warning',
        code: 'image-missing',
        message: `image "${src}" not found (looked for ${from})`,
        file: deck.meta.source,
        line,
        hint: 'paths of images are relative to the article file; fix the path or add the file',
      });
      continue;
    }
    const name = hashedName(from, bytes);
    mapping.set(src, name);
    if (!copies.some((c) => c.name === name)) copies.push({ from, name });
  }
  return { mapping, copies, diagnostics };
}

/** `<stem>-<8 hex>.<ext>` with the stem made safe: no leading `_` or `.`, only [a-z0-9-]. */
export function hashedName(file: string, bytes: Uint8Array): string {
  const ext = extname(file).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const stem = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return `${stem}-${hash}${ext}`;
}

type MapSrc = (src: string, line: number) => string;

/** Apply `fn` to every image src of the deck (image blocks and inline images), keeping the rest. */
function mapDeckImages(deck: Deck, fn: MapSrc): Deck {
  const stacks = deck.stacks.map((stack) => stack.map((slide) => mapSlide(slide, fn)));
  return { ...deck, stacks };
}

function mapSlide(slide: Slide, fn: MapSrc): Slide {
  const line = slide.line;
  return {
    ...slide,
    ...(slide.title ? { title: mapInlines(slide.title, line, fn) } : {}),
    parts: slide.parts.map((p) => mapPart(p, line, fn)),
    notes: slide.notes.map((b) => mapBlock(b, fn)),
  };
}

function mapPart(part: SlidePart, line: number, fn: MapSrc): SlidePart {
  switch (part.type) {
    case 'points':
      return { ...part, items: part.items.map((i) => mapInlines(i, line, fn)) };
    case 'text':
      return { ...part, inlines: mapInlines(part.inlines, line, fn) };
    case 'block':
      return { ...part, block: mapBlock(part.block, fn) };
    case 'code':
      return part.caption ? { ...part, caption: mapInlines(part.caption, line, fn) } : part;
    case 'nav':
      return { ...part, links: part.links.map((l) => ({ ...l, children: mapInlines(l.children, line, fn) })) };
    case 'byline':
      return part;
    default:
      return assertNever(part);
  }
}

function mapBlock(block: Block, fn: MapSrc): Block {
  const line = block.line;
  switch (block.type) {
    case 'paragraph':
      return { ...block, inlines: mapInlines(block.inlines, line, fn) };
    case 'list':
      return { ...block, items: block.items.map((i) => mapItem(i, line, fn)) };
    case 'quote':
      return { ...block, blocks: block.blocks.map((b) => mapBlock(b, fn)) };
    case 'table':
      return {
        ...block,
        header: block.header.map((c) => mapInlines(c, line, fn)),
        rows: block.rows.map((r) => r.map((c) => mapInlines(c, line, fn))),
      };
    case 'image':
      return { ...block, src: fn(block.src, line), ...(block.caption ? { caption: mapInlines(block.caption, line, fn) } : {}) };
    case 'callout':
      return { ...block, ...(block.title ? { title: mapInlines(block.title, line, fn) } : {}), blocks: block.blocks.map((b) => mapBlock(b, fn)) };
    case 'code':
    case 'html':
    case 'directive':
    case 'rule':
      return block;
    default:
      return assertNever(block);
  }
}

function mapItem(item: ListItem, line: number, fn: MapSrc): ListItem {
  return { ...item, inlines: mapInlines(item.inlines, line, fn), blocks: item.blocks.map((b) => mapBlock(b, fn)) };
}

function mapInlines(inlines: readonly Inline[], line: number, fn: MapSrc): Inline[] {
  return inlines.map((node) => {
    switch (node.type) {
      case 'image':
        return { ...node, src: fn(node.src, line) };
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        return { ...node, children: mapInlines(node.children, line, fn) };
      case 'text':
      case 'code':
      case 'break':
        return node;
      default:
        return assertNever(node);
    }
  });
}
