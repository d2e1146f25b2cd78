/**
 * A whole slide: its title above, its parts as the items of the body's flex column (0.55em
 * apart), measured against the content box inside the slide's padding. This is what the planner
 * asks: does this slide fit, and by how much does it not.
 */
import type { Slide, SlidePart } from '../model.js';
import { imageBox, measureBlock, type ImageSize } from './blocks.js';
import { measureCodeFigure } from './code.js';
import { column, type Box, type FlowBox } from './flow.js';
import { bodyFlow, floored, scaled, type SlideGeometry } from './geometry.js';
import { measureByline, measureNav } from './nav.js';
import { measureCaption, measureInlines, measureParagraph, measurePoints, measureTitle } from './text.js';

/**
 * Share of the content box a diagram's frame is counted as: the runtime scales the drawing to fill
 * the room below the title (client/diagrams.ts), so the planner reserves most of the frame for it.
 */
const DIAGRAM_FRAME = 0.6;

/** Options of measureSlide and measurePart. */
export interface SlideMeasureOptions {
  /**
   * Natural size of a picture by its `src` when the caller knows it (null: the file is missing);
   * undefined counts the picture as tall as the CSS allows.
   */
  readonly imageSize?: (src: string) => ImageSize | undefined;
}

/** How a slide's content sits in its frame. */
export interface SlideBox {
  /** Height of title + body, px (the content box is `geometry.contentHeight` tall). */
  readonly height: number;
  /** The widest thing on the slide, px (the content box is `geometry.contentWidth` wide). */
  readonly width: number;
  /** The title with the space below it (`marginBottom`); undefined on slides without one. */
  readonly title?: FlowBox;
  /** One box per part of the slide, in order (a part that draws nothing is 0 tall). */
  readonly parts: readonly Box[];
  /** The body: the parts with the gaps between them. */
  readonly body: Box;
  /** Px the content is taller / wider than the content box; ≤ 0 when it fits. */
  readonly overflowY: number;
  readonly overflowX: number;
  /** Both overflows ≤ 0 (within a 1 px tolerance, as the runtime's fit pass allows). */
  readonly fits: boolean;
}

/** Px of slack the runtime's fit pass allows before it shrinks a slide (client/fit.ts TOLERANCE). */
const TOLERANCE = 1;

/** Measure a planned slide as the deck's CSS will lay it out. */
export function measureSlide(slide: Slide, geometry: SlideGeometry, options: SlideMeasureOptions = {}): SlideBox {
  const title = slideTitle(slide, geometry);
  const items = slide.parts.map((part) => measurePart(part, slide, geometry, options));
  const body = column(items.flat(), geometry.scale.body.gapEm * geometry.bodyPx);
  const parts = items.map((boxes) => column(boxes, geometry.scale.body.gapEm * geometry.bodyPx));
  const height = (title === undefined ? 0 : title.height + title.marginBottom) + body.height;
  const width = Math.max(title?.width ?? 0, body.width);
  const overflowY = height - geometry.contentHeight;
  const overflowX = width - geometry.contentWidth;
  return { height, width, ...(title ? { title } : {}), parts, body, overflowY, overflowX, fits: overflowY <= TOLERANCE && overflowX <= TOLERANCE };
}

/** The space between two parts of a slide body (`.lectern-body` gap), px. */
export function bodyGap(geometry: SlideGeometry): number {
  return geometry.scale.body.gapEm * geometry.bodyPx;
}

/** The height left for the body under a slide's title (the whole content box when it has none), px. */
export function roomBelowTitle(slide: Pick<Slide, 'kind' | 'title' | 'continued' | 'kicker'>, geometry: SlideGeometry): number {
  const title = slideTitle(slide, geometry);
  return geometry.contentHeight - (title === undefined ? 0 : title.height + title.marginBottom);
}

function slideTitle(slide: Pick<Slide, 'kind' | 'title' | 'continued' | 'kicker'>, geometry: SlideGeometry): FlowBox | undefined {
  if (slide.title === undefined || slide.title.length === 0 || slide.kind === 'statement') return undefined;
  const title = measureTitle(slide.title, geometry, {
    level: slide.kind === 'title' ? 1 : 2,
    section: slide.kind === 'section',
    ...(slide.continued ? { continued: slide.continued } : {}),
  });
  if (slide.kicker === undefined) return title;
  // The kicker (`p.lectern-kicker`) stands above the title: its box and margin add to the title's.
  const k = geometry.scale.kicker;
  const flow = bodyFlow(geometry);
  const px = floored(geometry.scale.bodyPx * k.em, geometry);
  const kicker = measureInlines(slide.kicker.inlines, { ...flow, px, lineHeight: k.lineHeight, inline: { ...flow.inline, px, weight: k.weight } }, k.lineHeight);
  return { ...title, height: title.height + kicker.height + k.marginEm * px, width: Math.max(title.width, kicker.width) };
}

/**
 * The flex items one part puts in the slide body (most parts are one element; a byline is a
 * description and a byline line; a directive is none).
 */
export function measurePart(part: SlidePart, slide: Pick<Slide, 'kind' | 'parts'>, geometry: SlideGeometry, options: SlideMeasureOptions = {}): Box[] {
  const flow = bodyFlow(geometry);
  switch (part.type) {
    case 'points':
      return [measurePoints(part.items, geometry, { lone: slide.kind === 'content' && slide.parts.length === 1 })];
    case 'text':
      return [measureParagraph(part.inlines, geometry, slide.kind === 'statement' ? 'statement' : slide.kind === 'title' ? 'subtitle' : 'text')];
    case 'code':
      return [measureCodeFigure(part, geometry)];
    case 'diagram': {
      const frame = { height: geometry.contentHeight * DIAGRAM_FRAME, width: geometry.contentWidth, lines: 0 };
      return part.caption !== undefined && part.caption.length > 0 ? [measureCaption(part.caption, geometry), frame] : [frame];
    }
    case 'block': {
      if (part.block.type === 'image') {
        const { src, alt, caption } = part.block;
        return [imageBox(flow, { natural: options.imageSize?.(src), alt, caption })];
      }
      const box = measureBlock(part.block, flow);
      return box === undefined ? [] : [box];
    }
    case 'byline':
      return measureByline(part, geometry);
    case 'nav':
      return [measureNav(part.links, slide.kind === 'closing', geometry)];
    case 'row':
      return [measureRow(part.parts, slide, geometry, options)];
    case 'url': {
      const u = geometry.scale.url;
      const text = measureInlines([{ type: 'text', text: part.url }], scaled(flow, u.em));
      return part.qr ? [{ height: u.qrPx, width: u.qrPx, lines: 0 }, text] : [text];
    }
  }
}

/** Parts side by side (`.lectern-row`): equal columns `row.gapEm` apart, each a column of its parts. */
function measureRow(parts: readonly SlidePart[], slide: Pick<Slide, 'kind' | 'parts'>, geometry: SlideGeometry, options: SlideMeasureOptions): Box {
  const gap = geometry.scale.row.gapEm * geometry.bodyPx;
  const n = Math.max(1, parts.length);
  const share = { ...geometry, contentWidth: (geometry.contentWidth - gap * (n - 1)) / n };
  const boxes = parts.map((p) => column(measurePart(p, slide, share, options), gap));
  const height = Math.max(0, ...boxes.map((b) => b.height));
  // A column wider than its share spills: report the row as that much wider than the body.
  const spill = Math.max(0, ...boxes.map((b) => b.width - share.contentWidth));
  return { height, width: geometry.contentWidth + spill, lines: Math.max(0, ...boxes.map((b) => b.lines)) };
}
