/**
 * A slide's frame and the flow contexts its content is laid out in: how wide lines are, at what
 * size and line height, in which style. Everything else in layout/ takes these, not raw numbers.
 */
import type { InlineContext } from './run-types.js';
import { themeScale, type ThemeScale } from './scale.js';

/** The slide a measurement is for. */
export interface SlideGeometry {
  readonly scale: ThemeScale;
  /** Slide size in CSS px (reveal.js width × height). */
  readonly width: number;
  readonly height: number;
  /** The content box inside the slide's padding: what the title and body must fit in. */
  readonly contentWidth: number;
  readonly contentHeight: number;
  /**
   * The runtime fit factor (`--lectern-fit`, 1 = as planned): the body's type is multiplied by it,
   * titles by half as much. The planner plans at 1; lower values predict what the runtime's
   * safety net would show.
   */
  readonly fit: number;
  /** The body's font size in px (36 × fit with the shipped themes). */
  readonly bodyPx: number;
}

/** Options of slideGeometry. */
export interface GeometryOptions {
  /** Slide size in CSS px; default 1280 × 720. */
  readonly width?: number;
  readonly height?: number;
  /** Theme name (`light`, `dark`, `eventlet`); default `light`. */
  readonly theme?: string;
  /** Fit factor (see SlideGeometry.fit); default 1. */
  readonly fit?: number;
}

/**
 * A CSS length as Chromium lays it out: a LayoutUnit, 1/64 px, truncated (measured: a 7.65 px
 * padding takes 7.640625). Widths add up from these, so a line's room is computed with them.
 */
export function lu(px: number): number {
  return Math.floor(px * 64) / 64;
}

/** The geometry of a slide of the given size and theme. */
export function slideGeometry(options: GeometryOptions = {}): SlideGeometry {
  const scale = themeScale(options.theme ?? 'light');
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const fit = options.fit ?? 1;
  return {
    scale,
    width,
    height,
    contentWidth: width - 2 * scale.slidePadX,
    contentHeight: height - 2 * scale.slidePadY,
    fit,
    // The body shrinks with the fit pass, but never under the text floor (slides.css).
    bodyPx: Math.max(scale.textFloorPx, scale.bodyPx * fit),
  };
}

/** Where a block is laid out: its line width, font size, line height and text style. */
export interface Flow {
  readonly geometry: SlideGeometry;
  /** Width available to the block's content, px. */
  readonly width: number;
  /** The block's font size, px. */
  readonly px: number;
  /** The line height it inherits (a number, times its font size). */
  readonly lineHeight: number;
  /** Inline style: weight, italics, tracking and how inline code is drawn. */
  readonly inline: InlineContext;
  /** What encloses the block: decides margins (`body` children have none, callout children 0.35em…). */
  readonly within: 'body' | 'item' | 'callout' | 'quote';
}

/** The flow of a slide body's direct children. */
export function bodyFlow(geometry: SlideGeometry): Flow {
  const s = geometry.scale;
  return {
    geometry,
    width: geometry.contentWidth,
    px: geometry.bodyPx,
    lineHeight: s.lineHeight,
    inline: { px: geometry.bodyPx, weight: 400, italic: false, letterSpacing: 0, codeScale: s.inlineCode.em, codePad: s.inlineCode.padXEm, codeFloor: s.textFloorPx },
    within: 'body',
  };
}

/**
 * The same flow at another font size (em of the current one), never under the text floor (every
 * relative size in a slide body is `max(var(--lectern-text-floor), …em)`): inline code follows.
 */
export function scaled(flow: Flow, em: number): Flow {
  const px = floored(flow.px * em, flow.geometry);
  return { ...flow, px, inline: { ...flow.inline, px } };
}

/** A body text size with the text floor applied (`max(var(--lectern-text-floor), …)`), px. */
export function floored(px: number, geometry: SlideGeometry): number {
  return Math.max(geometry.scale.textFloorPx, px);
}
