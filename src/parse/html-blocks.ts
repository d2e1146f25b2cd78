/**
 * HTML elements with a structure of their own → Blocks: pre, ul/ol, dl, table, figure.
 */
import type { Align, Block, Inline, LineHighlights, LineRange, ListItem } from '../model.js';
import { clampHighlights, parseLineSteps } from './fence.js';
import { attr, childrenOf, classList, isElement, isText, textContent } from './dom.js';
import type { ChildNode, Element } from './dom.js';
import type { Flow, FlowItem, ParseContext } from './flow.js';
import { toBlocks } from './flow.js';
import { htmlInlines, isInlineNode, rawHtmlInlines } from './html-inline.js';
import { normalizeInlines } from './inline.js';

/** What the block mappings need from the tree walker in html.ts. */
export interface Walker {
  /** File line of a node's first visible character. */
  readonly line: (node: ChildNode) => number;
  /** Children → flow (containers transparent, inline runs as paragraphs). */
  readonly children: (nodes: readonly ChildNode[]) => Flow;
  /** A run of phrasing nodes → a paragraph or an image block (nothing when empty). */
  readonly inlineBlocks: (nodes: readonly ChildNode[], line: number) => Block[];
  readonly ctx: ParseContext;
  /** Whether page chrome (nav, sidebars) is dropped: only for whole HTML pages. */
  readonly dropChrome: boolean;
  /** A `language-x`/`lang-x` class of an enclosing element: the language of code inside that names none (as Prism reads it). */
  readonly language?: string;
}

function elementChildren(el: Element, ...tags: string[]): Element[] {
  return childrenOf(el).filter((c): c is Element => isElement(c) && (tags.length === 0 || tags.includes(c.tagName)));
}

/** `language-x` / `lang-x` on the element. */
export function languageOf(el: Element): string | undefined {
  for (const name of classList(el)) {
    const match = /^(?:language|lang)-(.+)$/.exec(name);
    if (match?.[1] !== undefined) return match[1].toLowerCase();
  }
  return undefined;
}

/** `<pre>` (with or without `<code>`) → code, text exactly as written. */
export function codeBlock(pre: Element, line: number, inherited?: string): Block {
  const meaningful = childrenOf(pre).filter((c) => !(isText(c) && c.value.trim() === ''));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  const code = only !== undefined && isElement(only) && only.tagName === 'code' ? only : undefined;
  const lang = (code === undefined ? undefined : languageOf(code)) ?? languageOf(pre) ?? inherited;
  // parse5 already drops a newline right after `<pre>`; one right after `<code>` is ours to drop.
  const text = code === undefined ? textContent(pre) : textContent(code).replace(/^\n/, '');
  const trimmed = text.replace(/\n$/, '');
  const highlight = clampHighlights(htmlHighlights(pre, code), trimmed.split('\n').length);
  return {
    type: 'code',
    line,
    ...(lang === undefined ? {} : { lang }),
    code: trimmed,
    ...(highlight === undefined ? {} : { highlight }),
  };
}

/**
 * Lines a page highlights: Prism's `data-line="2-3, 5"`, reveal.js's `data-line-numbers="1|2-3"`,
 * or the lines Pygments (`span.hll`) and Chroma (`span.hl`) wrapped when the site was built.
 */
function htmlHighlights(pre: Element, code: Element | undefined): LineHighlights | undefined {
  for (const el of code === undefined ? [pre] : [code, pre]) {
    const spec = attr(el, 'data-line') ?? attr(el, 'data-line-numbers');
    const steps = spec === undefined ? undefined : parseLineSteps(spec);
    if (steps !== undefined) return steps;
  }
  const marked: LineRange[] = [];
  let lineNo = 1;
  const walk = (node: ChildNode, top: boolean): void => {
    if (isText(node)) {
      // parse5 drops a newline right after `<pre>`; one right after `<code>` is the block's own.
      const value = top && code !== undefined && node === code.childNodes[0] ? node.value.replace(/^\n/, '') : node.value;
      lineNo += (value.match(/\n/g) ?? []).length;
      return;
    }
    if (!isElement(node)) return;
    const cls = classList(node);
    if (node.tagName === 'span' && (cls.includes('hll') || cls.includes('hl'))) marked.push({ from: lineNo, to: lineNo });
    for (const child of childrenOf(node)) walk(child, false);
  };
  for (const child of childrenOf(code ?? pre)) walk(child, true);
  return marked.length === 0 ? undefined : [marked];
}

/** The first paragraph of an item's flow is its text; the rest are its blocks. */
function itemFrom(flow: Flow, checked: boolean | undefined): ListItem {
  const blocks = toBlocks(flow);
  const first = blocks[0];
  const [inlines, rest] = first?.type === 'paragraph' ? [first.inlines, blocks.slice(1)] : [[], blocks];
  return checked === undefined ? { inlines, blocks: rest } : { inlines, blocks: rest, checked };
}

function checkboxOf(li: Element): boolean | undefined {
  const box = elementChildren(li, 'input').find((i) => attr(i, 'type') === 'checkbox');
  return box === undefined ? undefined : attr(box, 'checked') !== undefined;
}

/** `<ul>`/`<ol>` → list; nested lists become the items' blocks; an empty list (a widget's shell) gives nothing. */
export function listBlock(el: Element, line: number, w: Walker): Block[] {
  const items = elementChildren(el, 'li').map((li) => itemFrom(w.children(li.childNodes), checkboxOf(li)));
  if (items.length === 0) return [];
  if (el.tagName === 'ul') return [{ type: 'list', line, ordered: false, items }];
  const start = Number.parseInt(attr(el, 'start') ?? '1', 10);
  return [{ type: 'list', line, ordered: true, start: Number.isNaN(start) ? 1 : start, items }];
}

/** `<dl>` → a list of `term: definition` items, so no text is lost. */
export function definitionList(el: Element, line: number, w: Walker): Block {
  const items: { inlines: Inline[]; blocks: Block[]; defined: boolean }[] = [];
  // HTML allows `<div>` wrappers around each dt/dd group.
  const entries = elementChildren(el).flatMap((c) => (c.tagName === 'div' ? elementChildren(c) : [c]));
  for (const entry of entries) {
    const item = itemFrom(w.children(entry.childNodes), undefined);
    const last = items.at(-1);
    if (entry.tagName !== 'dd' || last === undefined) {
      items.push({ inlines: [...item.inlines], blocks: [...item.blocks], defined: entry.tagName === 'dd' });
      continue;
    }
    if (last.inlines.length > 0 && item.inlines.length > 0) last.inlines.push({ type: 'text', text: last.defined ? '; ' : ': ' });
    last.inlines.push(...item.inlines);
    last.blocks.push(...item.blocks);
    last.defined = true;
  }
  return { type: 'list', line, ordered: false, items: items.map(({ inlines, blocks }) => ({ inlines: normalizeInlines(inlines), blocks })) };
}

function alignOf(cell: Element): Align {
  const style = /text-align:\s*(left|center|right)/i.exec(attr(cell, 'style') ?? '')?.[1];
  const value = (attr(cell, 'align') ?? style ?? '').toLowerCase();
  return value === 'left' || value === 'center' || value === 'right' ? value : null;
}

/** A cell's text; paragraphs or lists inside a cell are flattened, one line break between them. */
function cellInlines(cell: Element): Inline[] {
  const parts: Inline[] = [];
  for (const child of cell.childNodes) {
    if (isElement(child) && !isInlineNode(child)) parts.push({ type: 'break' }, ...rawHtmlInlines(child.childNodes), { type: 'break' });
    else parts.push(...rawHtmlInlines([child]));
  }
  return normalizeInlines(parts.filter((p, i) => p.type !== 'break' || parts[i - 1]?.type !== 'break'));
}

function cellsOf(row: Element): Element[] {
  return elementChildren(row, 'th', 'td');
}

function rowsOf(group: Element): Element[] {
  return group.tagName === 'tr' ? [group] : elementChildren(group, 'tr');
}

/** `<table>` → table: the first head row (or a first row of `<th>`) is the header. */
export function tableBlock(el: Element, line: number, w: Walker): Block[] {
  const groups = elementChildren(el, 'thead', 'tbody', 'tfoot', 'tr');
  const head = groups.filter((g) => g.tagName === 'thead').flatMap(rowsOf);
  const body = groups.filter((g) => g.tagName !== 'thead').flatMap(rowsOf);
  const firstBody = body[0];
  const headerRow = head[0] ?? (firstBody !== undefined && cellsOf(firstBody).every((c) => c.tagName === 'th') ? firstBody : undefined);
  const rest = [...head, ...body].filter((r) => r !== headerRow);
  const alignRow = headerRow ?? rest[0];
  const table: Block = {
    type: 'table',
    line,
    align: alignRow === undefined ? [] : cellsOf(alignRow).map(alignOf),
    header: headerRow === undefined ? [] : cellsOf(headerRow).map(cellInlines),
    rows: rest.map((r) => cellsOf(r).map(cellInlines)),
  };
  const caption = elementChildren(el, 'caption')[0];
  return caption === undefined ? [table] : [...w.inlineBlocks(caption.childNodes, w.line(caption)), table];
}

/** Non-blank children of a node. */
function meaningful(nodes: readonly ChildNode[]): ChildNode[] {
  return nodes.filter((n) => (isText(n) ? n.value.trim() !== '' : isElement(n)));
}

function findImage(el: Element): Element | undefined {
  for (const child of elementChildren(el)) {
    if (child.tagName === 'img') return child;
    const found = findImage(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `<figure>`: an image with its caption, or code with its caption before it; else transparent. */
export function figureBlocks(el: Element, line: number, w: Walker): FlowItem[] {
  const caption = elementChildren(el, 'figcaption')[0];
  const content = meaningful(el.childNodes).filter((n) => n !== caption);
  const only = content.length === 1 && isElement(content[0] as ChildNode) ? (content[0] as Element) : undefined;
  const captionInlines = caption === undefined ? [] : htmlInlines(caption.childNodes);
  if (only?.tagName === 'pre') {
    const intro = caption === undefined ? [] : w.inlineBlocks(caption.childNodes, w.line(caption));
    return [...intro, codeBlock(only, w.line(only), w.language)];
  }
  const image = only === undefined ? undefined : only.tagName === 'img' ? only : findImage(only);
  if (image !== undefined && only !== undefined && textContent(only).trim() === '') {
    const title = attr(image, 'title');
    return [{
      type: 'image',
      line,
      src: attr(image, 'src') ?? '',
      alt: attr(image, 'alt') ?? '',
      ...(title === undefined ? {} : { title }),
      ...(captionInlines.length === 0 ? {} : { caption: captionInlines }),
    }];
  }
  return [...w.children(el.childNodes)];
}
