/**
 * The images of an article and of its deck: which relative files an article references (for the
 * file-system edge to read), and the deck with those sources renamed to the copies the site writes
 * (or with every URL moved, for a page in another folder: the reading view). Pure walks over the
 * model; the HTML is never rewritten.
 */
import { isRemoteUrl } from '../util/urls.js';
import { assertNever, type Article, type Block, type Deck, type ImageRef, type Inline, type ListItem, type Section, type Slide, type SlidePart } from '../model.js';

/** True for a `src` that names a file relative to the article (not a URL, a root path or a fragment). */
export function isRelativeFile(src: string): boolean {
  const s = src.trim();
  return s !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.startsWith('/') && !s.startsWith('#') && !s.startsWith('?');
}

/**
 * Every relative or remote (http/https) image `src` of an article (headings, blocks, notes-to-be),
 * with the first line that names it.
 */
export function imageRefs(article: Article): ImageRef[] {
  const found = new Map<string, number>();
  const note: MapSrc = (src, line, kind) => {
    if (kind === 'image' && (isRelativeFile(src) || isRemoteUrl(src)) && !found.has(src)) found.set(src, line);
    return src;
  };
  const section = (s: Section): void => {
    mapInlines(s.heading, s.line, note);
    for (const block of s.blocks) mapBlock(block, note);
    for (const child of s.children) section(child);
  };
  for (const block of article.intro) mapBlock(block, note);
  for (const s of article.sections) section(s);
  for (const f of article.footnotes ?? []) for (const block of f.blocks) mapBlock(block, note);
  return [...found].map(([src, line]) => ({ src, line }));
}

/** The deck with image sources replaced through `mapping` (unmapped ones kept). */
export function rewriteImages(deck: Deck, mapping: ReadonlyMap<string, string>): Deck {
  if (mapping.size === 0) return deck;
  return mapDeckUrls(deck, (src, _line, kind) => (kind === 'image' ? (mapping.get(src) ?? src) : src));
}

/** What a URL of the deck is: a picture's `src` or a link's `href`. */
export type UrlKind = 'image' | 'link';

type MapSrc = (src: string, line: number, kind: UrlKind) => string;

/** Apply `fn` to every image src and link href of the deck (blocks, inlines, navigation links), keeping the rest. */
export function mapDeckUrls(deck: Deck, fn: MapSrc): Deck {
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
    case 'diagram':
      return part.caption ? { ...part, caption: mapInlines(part.caption, line, fn) } : part;
    case 'nav':
      return { ...part, links: part.links.map((l) => ({ ...l, href: fn(l.href, line, 'link'), children: mapInlines(l.children, line, fn) })) };
    case 'row':
      return { ...part, parts: part.parts.map((p) => mapPart(p, line, fn)) };
    case 'byline':
    case 'url':
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
      return { ...block, src: fn(block.src, line, 'image'), ...(block.caption ? { caption: mapInlines(block.caption, line, fn) } : {}) };
    case 'callout':
      return { ...block, ...(block.title ? { title: mapInlines(block.title, line, fn) } : {}), blocks: block.blocks.map((b) => mapBlock(b, fn)) };
    case 'code':
    case 'html':
    case 'directive':
    case 'rule':
    case 'math':
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
        return { ...node, src: fn(node.src, line, 'image') };
      case 'link':
        return { ...node, href: fn(node.href, line, 'link'), children: mapInlines(node.children, line, fn) };
      case 'strong':
      case 'em':
      case 'del':
        return { ...node, children: mapInlines(node.children, line, fn) };
      case 'text':
      case 'code':
      case 'break':
      case 'math':
      case 'footnote':
        return node;
      default:
        return assertNever(node);
    }
  });
}
