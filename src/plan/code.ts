/**
 * Code on slides, legible from the back of a room: never drawn under the code floor (18 px at the
 * deck's size). A line too long for the slide at that size wraps (cut after a space or separator,
 * every character kept, in order); code too tall for one slide at that size is split at blank
 * lines (or where a top-level statement starts), never shrunk further.
 */
import type { Block, LineHighlights, LineRange } from '../model.js';
import { measureCodeText, type SlideGeometry } from '../layout/index.js';

type CodeBlock = Extract<Block, { type: 'code' }>;

/** A piece of a code block that fits one slide: its lines, and where it starts in the block (1-based). */
export interface CodePiece {
  readonly code: string;
  readonly firstLine: number;
  /** The block's highlighted lines, as rows of this piece (a wrapped line's rows all highlighted). */
  readonly highlight?: LineHighlights;
}

/** The theme's code size in px (scale 1), and the floor. */
export function codeSizes(geometry: SlideGeometry): { readonly theme: number; readonly floor: number } {
  const c = geometry.scale.code;
  return { theme: c.em * geometry.bodyPx, floor: c.minPx };
}

/** Panel padding and border around the code text, horizontally (px at `px`). */
function panelWidth(px: number, geometry: SlideGeometry): number {
  const c = geometry.scale.code;
  return 2 * c.padXEm * px + 2 * c.borderPx;
}

/** The longest line (in columns) that fits `width` px at the code floor. */
export function maxColumns(width: number, geometry: SlideGeometry): number {
  const { floor } = codeSizes(geometry);
  const cell = measureCodeText('0', floor).width;
  return Math.max(20, Math.floor((width - panelWidth(floor, geometry) - 1) / cell));
}

/** How many rows of code fit `height` px at the code floor, inside the panel. */
export function maxRows(height: number, geometry: SlideGeometry): number {
  const c = geometry.scale.code;
  const px = c.minPx;
  return Math.max(3, Math.floor((height - 2 * c.padYEm * px - 2 * c.borderPx) / (c.lineHeight * px)));
}

/**
 * The pieces of `block` for slides whose panel may be `width` wide and `rows` rows tall at the code
 * floor (the first piece `firstRows`, as it may share its slide): lines wrapped to fit, then cut.
 */
export function codePieces(block: CodeBlock, width: number, rows: number, geometry: SlideGeometry): CodePiece[] {
  const source = block.code.replace(/\t/g, '    ').replace(/\n+$/, '').split('\n');
  const columns = maxColumns(width, geometry);
  const lines = wrapLines(source, columns);
  const sources = lines.length === source.length ? undefined : rowSources(source, columns);
  const piece = (code: string, start: number, count: number): CodePiece => {
    const highlight = block.highlight === undefined ? undefined : rowHighlights(block.highlight, start, count, sources);
    return { code, firstLine: start + 1, ...(highlight === undefined ? {} : { highlight }) };
  };
  if (lines.length <= rows) return [piece(lines.join('\n'), 0, lines.length)];
  // As many pieces as needed, of even size: a piece then leaves room for what stands beside it.
  const even = Math.ceil(lines.length / Math.ceil(lines.length / rows));
  return splitLines(lines, Math.min(rows, even + 2)).map((chunk) => piece(chunk.lines.join('\n'), chunk.start, chunk.lines.length));
}

/** The source line (1-based) of each row once lines are wrapped at `columns`. */
function rowSources(lines: readonly string[], columns: number): number[] {
  return lines.flatMap((line, i) => wrapLines([line], columns).map(() => i + 1));
}

/**
 * A block's highlighted lines as rows `start + 1 … start + count` of a piece see them (rows
 * numbered from 1 in the piece); `sources` maps wrapped rows to their lines. Undefined when no
 * step highlights anything in the piece, so a piece without marks is drawn plain.
 */
export function rowHighlights(steps: LineHighlights, start: number, count: number, sources?: readonly number[]): LineHighlights | undefined {
  const mapped = steps.map((step) => {
    const ranges: LineRange[] = [];
    for (let row = 1; row <= count; row++) {
      const line = sources === undefined ? start + row : (sources[start + row - 1] ?? 0);
      if (!step.some((r) => line >= r.from && line <= r.to)) continue;
      const last = ranges.at(-1);
      if (last !== undefined && last.to === row - 1) ranges[ranges.length - 1] = { from: last.from, to: row };
      else ranges.push({ from: row, to: row });
    }
    return ranges;
  });
  // Steps that mark nothing here collapse: a piece shows as many steps as it has marks for.
  const kept = mapped.filter((s, i) => s.length > 0 || (i === 0 && steps[0]?.length === 0));
  return kept.some((s) => s.length > 0) ? kept : undefined;
}

/**
 * Cut lines into chunks of at most `max`, preferring to cut after a blank line, else before a line
 * that starts at the left margin (a new top-level statement), in the second half of the window.
 */
export function splitLines(lines: readonly string[], max: number): { start: number; lines: string[] }[] {
  const chunks: { start: number; lines: string[] }[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(start + max, lines.length);
    if (end < lines.length) end = cutPoint(lines, start, end, max);
    const chunk = lines.slice(start, end);
    while (chunk.length > 1 && chunk[chunk.length - 1]!.trim() === '') chunk.pop();
    chunks.push({ start, lines: chunk });
    start = end;
    while (start < lines.length && lines[start]!.trim() === '') start++;
  }
  return balance(chunks, lines, max);
}

function cutPoint(lines: readonly string[], start: number, end: number, max: number): number {
  const half = start + Math.floor(max / 2);
  for (let i = end - 1; i > half; i--) if (lines[i]!.trim() === '') return i + 1;
  // A line at the left margin after an indented one: a new top-level statement starts there.
  for (let i = end - 1; i > half; i--) if (/^\S/.test(lines[i]!) && !/^[)}\]]/.test(lines[i]!) && /^\s/.test(lines[i - 1] ?? '')) return i;
  return end;
}

/** A last chunk of a line or two moves lines back from the one before, so no slide holds a scrap. */
function balance(chunks: { start: number; lines: string[] }[], lines: readonly string[], max: number): { start: number; lines: string[] }[] {
  if (chunks.length < 2) return chunks;
  const last = chunks[chunks.length - 1]!;
  const before = chunks[chunks.length - 2]!;
  if (last.lines.length * 3 >= max) return chunks;
  const total = last.start + last.lines.length - before.start;
  const cut = before.start + Math.ceil(total / 2);
  const first = lines.slice(before.start, cut);
  const second = lines.slice(cut, last.start + last.lines.length);
  if (second.length === 0 || first.length > max) return chunks;
  return [...chunks.slice(0, -2), { start: before.start, lines: first }, { start: cut, lines: second }];
}

/** Where a wrapped code line may break: after a space or a separator, never inside a word. */
const BREAK_AFTER = /[\s,;:)\]}>|&+=/-]/;

/**
 * Lines longer than `columns` cut into lines of at most `columns` characters, each cut after a
 * space or separator in the last 40% of the window when there is one (a base64 run has none). Every
 * character is kept, in order; a line that fits is returned as it is.
 */
export function wrapLines(lines: readonly string[], columns: number): string[] {
  if (lines.every((l) => l.length <= columns)) return [...lines];
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    while (rest.length > columns) {
      let cut = columns;
      for (let i = columns; i > Math.floor(columns * 0.6); i--) {
        if (BREAK_AFTER.test(rest[i - 1]!)) {
          cut = i;
          break;
        }
      }
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out;
}
