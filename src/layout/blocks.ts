/**
 * Any article block in a flow (a slide body, a list item, a callout, a quote), as render/blocks.ts
 * writes it and the deck's CSS lays it out: paragraphs, lists, plain code, quotes, tables,
 * images, callouts, embedded HTML and rules.
 */
import type { Block, Inline, ListItem } from '../model.js';
import { column, lastChild, stack, withMargins, type Box, type FlowBox } from './flow.js';
import { bodyFlow, lu, scaled, type Flow, type SlideGeometry } from './geometry.js';
import { measureCodeText } from './code.js';
import { contextMargins } from './margins.js';
import { measureTable } from './table.js';
import { measureInlines } from './text.js';
import { measureDisplayMath } from './math.js';

/** A block in a flow, with its margins; undefined for blocks that draw nothing (directives). */
export function measureBlock(block: Block, flow: Flow): FlowBox | undefined {
  switch (block.type) {
    case 'paragraph': {
      const m = contextMargins(flow, 'p');
      // `.reveal p` sets its own line height (1.35), also inside list items (1.3).
      return withMargins(measureInlines(block.inlines, flow, flow.geometry.scale.lineHeight), m.top, m.bottom);
    }
    case 'list':
      return measureList(block, flow);
    case 'code':
      return measurePlainCode(block.code, flow);
    case 'quote':
      return measureQuote(block, flow);
    case 'table':
      return measureTable(block, flow);
    case 'image': {
      const m = contextMargins(flow, 'other');
      return withMargins(imageBox(flow, { caption: block.caption, alt: block.alt }), m.top, m.bottom);
    }
    case 'callout':
      return measureCallout(block, flow);
    case 'html': {
      const m = contextMargins(flow, 'other');
      return withMargins(measureHtml(block.html, block.text, flow), m.top, m.bottom);
    }
    case 'directive':
      return undefined;
    case 'rule':
      // <hr>: the browser's 1px inset border on both sides.
      return withMargins({ height: 2, width: 0, lines: 0 }, 0, 0);
    case 'math': {
      const m = contextMargins(flow, 'other');
      return withMargins(measureDisplayMath(block.tex, flow), m.top, m.bottom);
    }
  }
}

/**
 * Code outside a code slide part (in a list item, a callout, or a `block` part): a bare `<pre>`
 * in the code font at the text's size and line height, with the browser's 1em margins where the
 * deck's CSS does not reset them.
 */
function measurePlainCode(code: string, flow: Flow): FlowBox {
  const text = measureCodeText(code, flow.px, flow.geometry.scale.code.tabSize);
  const m = contextMargins(flow, 'pre');
  return withMargins({ height: text.rows * flow.lineHeight * flow.px, width: text.width, lines: text.rows }, m.top, m.bottom);
}

/** Natural size of a picture in px; `null` when the file is missing (the browser shows its alt text). */
export type ImageSize = { readonly width: number; readonly height: number } | null;

/** Options of measureImage. */
export interface ImageOptions {
  /** Natural size; unknown (the default) assumes the tallest picture the CSS allows. */
  readonly natural?: ImageSize | undefined;
  /** The alt text, shown in place of a missing picture. */
  readonly alt?: string;
  /** The figure's caption. */
  readonly caption?: readonly Inline[] | undefined;
  /** A cap on the height (the closing slide's QR code: 300 px). */
  readonly maxHeight?: number | undefined;
}

/**
 * A picture (`figure.lectern-image`) in a flow: scaled down to the line's width and to 62% of the
 * slide's height, keeping its proportions; its caption at 0.7em, 0.3em below. A missing picture
 * is its alt text on one line.
 */
export function imageBox(flow: Flow, options: ImageOptions = {}): Box {
  const s = flow.geometry.scale.image;
  const maxHeight = Math.min(options.maxHeight ?? Infinity, s.maxHeightShare * flow.geometry.height);
  let img: Box;
  if (options.natural === null) {
    img = measureInlines([{ type: 'text', text: options.alt ?? '' }], flow);
    img = { ...img, height: Math.max(img.height, flow.lineHeight * flow.px), lines: 0 };
  } else {
    const natural = options.natural ?? { width: flow.width, height: maxHeight };
    const ratio = Math.min(1, flow.width / natural.width, maxHeight / natural.height);
    img = { height: natural.height * ratio, width: natural.width * ratio, lines: 0 };
  }
  if (options.caption === undefined || options.caption.length === 0) return img;
  return column([img, measureInlines(options.caption, scaled(flow, s.captionEm))], s.gapEm * flow.px);
}

/** A picture on a slide body (see imageBox). */
export function measureImage(geometry: SlideGeometry, options: ImageOptions = {}): Box {
  return imageBox(bodyFlow(geometry), options);
}

/**
 * Embedded HTML (`.lectern-html`, 0.9em): an iframe or video as its width/height attributes say
 * (the browser's 300 × 150 without them), otherwise its text as a paragraph. An estimate: the
 * sanitized HTML is not laid out here (known gap).
 */
export function measureHtml(html: string, text: string, flow: Flow): Box {
  const own = scaled(flow, flow.geometry.scale.htmlEm);
  if (/<(iframe|video)\b/i.test(html)) {
    const width = Number(/\bwidth="?(\d+)/i.exec(html)?.[1] ?? 300);
    const height = Number(/\bheight="?(\d+)/i.exec(html)?.[1] ?? 150);
    const ratio = Math.min(1, own.width / width);
    return { height: height * ratio, width: width * ratio, lines: 0 };
  }
  return measureInlines([{ type: 'text', text }], own);
}

// Lists, callouts and quotes hold blocks: they are measured here, beside measureBlock, which they call.

export function measureList(block: Extract<Block, { type: 'list' }>, flow: Flow): FlowBox {
  const l = flow.geometry.scale.list;
  // A list inside a list item is drawn at 0.9em; its margins are in its own em.
  const own = flow.within === 'item' ? scaled(flow, l.nestedEm) : flow;
  const indent = lu(l.indentEm * own.px);
  const itemFlow: Flow = { ...own, width: own.width - indent, lineHeight: l.lineHeight, within: 'item' };
  const items = block.items.map((item, i) => measureItem(item, itemFlow, i === 0));
  const margins = contextMargins(flow, 'list', own.px);
  // In a slide body the list is a flex item: a new formatting context that keeps its items' margins.
  return stack(items, { top: 0, bottom: 0, marginTop: margins.top, marginBottom: margins.bottom, contain: flow.within === 'body', sides: indent });
}

function measureItem(item: ListItem, flow: Flow, first: boolean): FlowBox {
  const margin = flow.geometry.scale.list.itemMarginEm * flow.px;
  const parts: FlowBox[] = [];
  if (item.inlines.length > 0 || item.blocks.length === 0) {
    const text = measureInlines(item.inlines, flow);
    // An empty item still has its marker's line.
    parts.push(withMargins(text.lines === 0 ? { ...text, height: flow.lineHeight * flow.px, lines: 1 } : text, 0, 0));
  }
  for (const block of item.blocks) {
    const box = measureBlock(block, flow);
    if (box !== undefined) parts.push(box);
  }
  return stack(parts, { top: 0, bottom: 0, marginTop: first ? 0 : margin, marginBottom: margin, contain: false, sides: 0 });
}

const TITLED_KINDS: ReadonlySet<string> = new Set([
  'note', 'tip', 'hint', 'info', 'todo', 'important', 'warning', 'caution', 'attention', 'danger', 'error', 'success', 'check',
  'done', 'failure', 'fail', 'missing', 'bug', 'example', 'quote', 'cite', 'abstract', 'summary', 'tldr', 'question', 'help',
  'faq', 'seealso', 'pitfall', 'deprecated',
]);

/** The title line a callout shows: its own title, else its kind's name for the kinds sites title, else none. */
export function calloutTitle(block: Extract<Block, { type: 'callout' }>): readonly Inline[] | undefined {
  if (block.title !== undefined && block.title.length > 0) return block.title;
  if (!TITLED_KINDS.has(block.kind)) return undefined;
  return [{ type: 'text', text: block.kind.charAt(0).toUpperCase() + block.kind.slice(1) }];
}

/**
 * Measure child blocks. A callout drops its last child's own bottom margin (`> :last-child`), a
 * quote only a last paragraph's (`p:last-child`); a margin coming through from inside the last
 * child (a list's last item) stays, as in CSS.
 */
function children(blocks: readonly Block[], flow: Flow, lead: FlowBox[] = []): FlowBox[] {
  const boxes = [...lead];
  const kinds: string[] = lead.map(() => 'paragraph');
  for (const block of blocks) {
    const box = measureBlock(block, flow);
    if (box !== undefined) {
      boxes.push(box);
      kinds.push(block.type);
    }
  }
  const i = boxes.length - 1;
  if (i >= 0 && (flow.within === 'callout' || kinds[i] === 'paragraph')) boxes[i] = lastChild(boxes[i]!);
  return boxes;
}

/** A callout in a flow (its title, then its blocks, 0.35em apart). */
export function measureCallout(block: Extract<Block, { type: 'callout' }>, flow: Flow): FlowBox {
  const c = flow.geometry.scale.callout;
  const own = scaled(flow, c.em);
  const padX = lu(c.padXEm * own.px);
  const padY = c.padYEm * own.px;
  const border = lu(c.borderEm * own.px);
  const inner: Flow = { ...own, width: own.width - 2 * padX - border, lineHeight: flow.geometry.scale.lineHeight, within: 'callout' };
  const title = calloutTitle(block);
  const lead: FlowBox[] = [];
  if (title !== undefined) {
    const bold = { ...inner, inline: { ...inner.inline, weight: c.titleWeight } };
    lead.push(withMargins(measureInlines(title, bold, flow.geometry.scale.lineHeight), 0, c.childGapEm * inner.px));
  }
  const margins = contextMargins(flow, 'other', own.px);
  return stack(children(block.blocks, inner, lead), {
    top: padY,
    bottom: padY,
    marginTop: margins.top,
    marginBottom: margins.bottom,
    contain: true,
    sides: 2 * padX + border,
  });
}

/** A quote in a flow (italic, paragraphs 0.4em apart). */
export function measureQuote(block: Extract<Block, { type: 'quote' }>, flow: Flow): FlowBox {
  const q = flow.geometry.scale.quote;
  const padY = q.padYEm * flow.px;
  const left = lu(q.padLeftEm * flow.px) + lu(q.borderEm * flow.px);
  const inner: Flow = { ...flow, width: flow.width - left, within: 'quote', inline: { ...flow.inline, italic: true } };
  const margins = contextMargins(flow, 'other');
  return stack(children(block.blocks, inner), { top: padY, bottom: padY, marginTop: margins.top, marginBottom: margins.bottom, contain: true, sides: left });
}
