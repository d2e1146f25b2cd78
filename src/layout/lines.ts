/**
 * Line breaking as Chromium does it for the deck's text (`white-space: normal`, `overflow-wrap:
 * break-word`): a greedy fill of pieces (pieces.ts) into lines of a given width, spaces hanging at
 * the end of a line, a piece longer than the line broken between any two characters.
 */
import { pieceChars, pieceWidth, toPieces } from './pieces.js';
import type { Run } from './run-types.js';

export { charWidth, textWidth } from './widths.js';

/** The lines a piece of inline content takes at a given width. */
export interface LineLayout {
  /** Number of line boxes (0 for empty content). */
  readonly lines: number;
  /** Width of each line in px, trailing spaces excluded. */
  readonly widths: readonly number[];
  /** The widest line: more than the width asked for only when one character (or a nowrap run) is wider. */
  readonly widest: number;
}

/** The content's min-content and max-content widths (CSS intrinsic sizes), in px. */
export interface InlineSizes {
  /** The widest unbreakable piece (a word, a URL): `overflow-wrap: break-word` does not count here. */
  readonly min: number;
  /** The widest line when only forced breaks (`<br>`) end lines. */
  readonly max: number;
}

/** Slack for comparing widths: the tables match Chromium to about 1/64 px. */
const EPSILON = 0.01;

/** Break styled runs into lines of at most `maxWidth` px (greedy, as CSS does). */
export function breakLines(runs: readonly Run[], maxWidth: number): LineLayout {
  const limit = maxWidth + EPSILON;
  const widths: number[] = [];
  let line = 0; // width up to the end of the last piece on the line
  let hanging = 0; // that piece's trailing space: it counts only if more follows on the line
  let empty = true;
  for (const piece of toPieces(runs)) {
    for (let b = 0; b < piece.breaks; b++) {
      widths.push(line);
      line = hanging = 0;
      empty = true;
    }
    const body = pieceWidth(piece);
    if (!empty && line + hanging + body > limit) {
      widths.push(line);
      line = hanging = 0;
      empty = true;
    }
    if (empty && body > limit && !piece.keep) {
      // overflow-wrap: break-word: a piece wider than the line breaks between any two characters.
      for (const w of pieceChars(piece)) {
        if (line > 0 && line + w > limit) {
          widths.push(line);
          line = 0;
        }
        line += w;
      }
    } else {
      line += hanging + body;
    }
    hanging = piece.space;
    empty = false;
  }
  if (!empty) widths.push(line);
  let widest = 0;
  for (const w of widths) if (w > widest) widest = w;
  return { lines: widths.length, widths, widest };
}

/** The min-content and max-content widths of styled runs (for shrink-to-fit boxes and table columns). */
export function inlineSizes(runs: readonly Run[]): InlineSizes {
  let min = 0;
  let max = 0;
  let line = 0;
  let hanging = 0;
  for (const piece of toPieces(runs)) {
    if (piece.breaks > 0) {
      max = Math.max(max, line);
      line = hanging = 0;
    }
    const body = pieceWidth(piece);
    min = Math.max(min, body);
    line += hanging + body;
    hanging = piece.space;
  }
  return { min, max: Math.max(max, line) };
}
