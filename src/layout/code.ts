/**
 * Code blocks: `white-space: pre` in JetBrains Mono, so a block is as tall as its rows and as wide
 * as its longest row; nothing wraps. A code slide's panel (`figure.lectern-code pre`) is padded
 * and bordered; the figure stacks caption, title and panel 0.4em apart.
 */
import type { Inline } from '../model.js';
import { column, type Box } from './flow.js';
import { bodyFlow, lu, type SlideGeometry } from './geometry.js';
import { charWidth } from './lines.js';
import { textStyle } from './runs.js';
import { measureCaption, measureInlines } from './text.js';

/** Rows and the widest row of some code, at `px`, without any panel. */
export interface CodeText {
  readonly rows: number;
  /** Width of the longest row in px (tabs expanded). */
  readonly width: number;
  /** Length of the longest row in columns (wide characters count two). */
  readonly columns: number;
}

/** The rows of some code as `white-space: pre` shows them: a final line feed adds no row. */
export function codeRows(code: string): string[] {
  const text = code.endsWith('\n') ? code.slice(0, -1) : code;
  return text.split(/\r\n|\r|\n/);
}

/** Printable ASCII only: every character one cell of the monospace face (the common case, checked natively). */
const PLAIN = /^[\x20-\x7e]*$/;

/** Rows, widest row and its columns of `code` in JetBrains Mono at `px` (tab stops every `tabSize` columns). */
export function measureCodeText(code: string, px: number, tabSize = 4): CodeText {
  const style = textStyle('mono-400-normal', px, 0);
  const cell = charWidth(0x30, -1, style);
  const rows = codeRows(code);
  let width = 0;
  let columns = 0;
  for (const row of rows) {
    if (PLAIN.test(row)) {
      width = Math.max(width, row.length * cell);
      columns = Math.max(columns, row.length);
      continue;
    }
    let w = 0;
    let col = 0;
    for (const ch of row) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x09) {
        const next = (Math.floor(col / tabSize) + 1) * tabSize;
        w += (next - col) * cell;
        col = next;
        continue;
      }
      const cw = charWidth(cp, -1, style);
      w += cw;
      col += cw > cell * 1.5 ? 2 : cw > 0 ? 1 : 0;
    }
    width = Math.max(width, w);
    columns = Math.max(columns, col);
  }
  return { rows: rows.length, width, columns };
}

/** The font size in px of a code slide's panel at a plan scale (1 = the theme's 22 px), floored as blocks.css floors it. */
export function codePx(scale: number, geometry: SlideGeometry): number {
  const c = geometry.scale.code;
  return Math.max(c.minPx, c.em * geometry.bodyPx * scale);
}

/**
 * A code slide's panel at `px`: rows × 1.45, padding and border. `width` is what the panel needs;
 * more than the slide's content width means the runtime would shrink the slide (or it overflows).
 */
export function measureCodePanel(code: string, px: number, geometry: SlideGeometry): Box {
  const c = geometry.scale.code;
  const text = measureCodeText(code, px, c.tabSize);
  const frame = 2 * c.borderPx;
  return {
    height: text.rows * c.lineHeight * px + 2 * c.padYEm * px + frame,
    width: text.width + 2 * lu(c.padXEm * px) + frame,
    lines: text.rows,
  };
}

/** What a code slide part shows (the model's `code` SlidePart carries these). */
export interface CodeFigure {
  readonly code: string;
  readonly caption?: readonly Inline[];
  readonly title?: string;
  /** Plan scale (1 = theme size). */
  readonly scale: number;
}

/** A code slide part: caption, title and panel stacked 0.4em apart (`figure.lectern-code`). */
export function measureCodeFigure(part: CodeFigure, geometry: SlideGeometry): Box {
  const boxes: Box[] = [];
  if (part.caption !== undefined && part.caption.length > 0) boxes.push(measureCaption(part.caption, geometry));
  if (part.title !== undefined && part.title !== '') boxes.push(measureInlines([{ type: 'text', text: part.title }], bodyFlow(geometry)));
  const panel = measureCodePanel(part.code, codePx(part.scale, geometry), geometry);
  boxes.push(panel);
  const figure = column(boxes, geometry.scale.code.figureGapEm * geometry.bodyPx);
  return { ...figure, lines: panel.lines };
}

/** The largest code size that fits a room, and the plan scale that gives it. */
export interface CodeFit {
  /** Font size in px (at most the theme's size). */
  readonly px: number;
  /** The SlidePart's `scale` for that size (1 = the theme's 22 px). */
  readonly scale: number;
  /** The panel at that size. */
  readonly box: Box;
  /** The panel fits the room at that size (false: even `minPx` does not; split or wrap the code). */
  readonly fits: boolean;
}

/**
 * The largest size, never above the theme's and never below `minPx` (default the CSS floor, 18 px),
 * at which a code panel fits `room` (px). The planner's legibility floor (18 px) goes in `minPx`.
 */
export function fitCode(code: string, room: { readonly width: number; readonly height: number }, geometry: SlideGeometry, minPx = geometry.scale.code.minPx): CodeFit {
  const c = geometry.scale.code;
  const full = codePx(1, geometry);
  const text = measureCodeText(code, 1, c.tabSize);
  // Linear in px up to 1/64 px rounding: solve, then step down until the measured panel fits.
  const byHeight = (room.height - 2 * c.borderPx) / (text.rows * c.lineHeight + 2 * c.padYEm);
  const byWidth = (room.width - 2 * c.borderPx) / (text.width + 2 * c.padXEm);
  let px = Math.max(minPx, Math.min(full, byHeight, byWidth));
  let box = measureCodePanel(code, px, geometry);
  while (px > minPx && (box.height > room.height || box.width > room.width)) {
    px = Math.max(minPx, px - 1 / 64);
    box = measureCodePanel(code, px, geometry);
  }
  const scale = px / (c.em * geometry.bodyPx);
  return { px, scale, box, fits: box.height <= room.height && box.width <= room.width };
}
