/**
 * Any article block in a flow (a slide body, a list item, a callout, a quote), as render/blocks.ts
 * writes it and the deck's CSS lays it out: paragraphs, lists, plain code, quotes, tables,
 * images, callouts, embedded HTML and rules.
 */
import type { Block, Inline } from '../model.js';
import { column, withMargins, type Box, type FlowBox } from './flow.js';
import { bodyFlow, scaled, type Flow, type SlideGeometry } from './geometry.js';
import { measureCodeText } from './code.js';
import { measureCallout, measureQuote } from './container.js';
import { contextMargins, measureList } from './list.js';
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
