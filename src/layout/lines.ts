/**
 * Line breaking as Chromium does it for the deck's text (`white-space: normal`, `overflow-wrap:
 * break-word`): white space collapsed, a greedy fill of words into lines of a given width, spaces
 * hanging at the end of a line, a word longer than the line broken anywhere. Widths come from the
 * face tables (advances, pair adjustments, letter spacing, inline code's padding).
 */
import { canBreakBetween, isCollapsibleSpace, isWide, isZeroWidth } from './chars.js';
import { getFace } from './fonts.js';
import type { Run, TextStyle } from './runs.js';

/** The lines a piece of inline content takes at a given width. */
export interface LineLayout {
  /** Number of line boxes (0 for empty content). */
  readonly lines: number;
  /** Width of each line in px, trailing spaces excluded. */
  readonly widths: readonly number[];
  /** The widest line: more than the width asked for only when one character alone is wider. */
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

/** The characters of some inline content, collapsed, with their widths and break opportunities. */
interface Prepared {
  readonly n: number;
  /** Width of each character in px, with the pair adjustment to the character before it. */
  readonly width: Float64Array;
  /** 1 where the character is a (collapsed) space. */
  readonly space: Uint8Array;
  /** 1 where a line may break before the character, 2 where it must (`<br>`). */
  readonly brk: Uint8Array;
  /** 1 for characters of a `nowrap` run: not even overflow-wrap breaks them. */
  readonly keep: Uint8Array;
}

/** Width in px of one character of `style` (`prev` is the character before it in the same shaping run, or -1). */
export function charWidth(cp: number, prev: number, style: TextStyle): number {
  const face = getFace(style.face);
  const adv = face.advance(cp);
  if (adv >= 0) return (adv + (prev >= 0 ? face.pair(prev, cp) : 0)) * style.px + style.letterSpacing;
  // Not in the subset: the browser draws it with a system font. Estimate (known gap): wide
  // characters one em, marks nothing, anything else an average letter (a code cell in code).
  if (isZeroWidth(cp)) return 0;
  const em = isWide(cp) ? 1 : face.monospace ? face.advance(0x30) : face.average;
  return em * style.px + style.letterSpacing;
}

/** Width in px of a string in one style, as Chromium shapes it (no breaking, no collapsing). */
export function textWidth(text: string, style: TextStyle): number {
  let sum = 0;
  let prev = -1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    sum += charWidth(cp, prev, style);
    prev = cp;
  }
  return sum;
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.face === b.face && a.px === b.px && a.letterSpacing === b.letterSpacing;
}

function prepare(runs: readonly Run[]): Prepared {
  const cps: number[] = [];
  const widths: number[] = [];
  const brk: number[] = [];
  const keep: number[] = [];
  let collapsing = true; // leading white space of a block (or after <br>) is removed
  let forced = false;
  let prevStyle: TextStyle | undefined;
  let prevCp = -1;
  for (const run of runs) {
    if (run.type === 'break') {
      forced = true;
      collapsing = true;
      prevStyle = undefined;
      continue;
    }
    const joined = prevStyle !== undefined && sameStyle(prevStyle, run.style) && run.padStart === 0;
    let prev = joined ? prevCp : -1;
    const first = cps.length;
    for (const ch of run.text) {
      let cp = ch.codePointAt(0)!;
      if (isCollapsibleSpace(cp)) {
        if (collapsing) continue;
        cp = 0x20;
        collapsing = true;
      } else {
        collapsing = false;
      }
      const i = cps.length;
      const before = i >= 2 ? cps[i - 2]! : -1;
      const opportunity = i > 0 && canBreakBetween(before, cps[i - 1]!, cp) && !(run.nowrap && i > first);
      brk.push(forced ? 2 : opportunity ? 1 : 0);
      forced = false;
      cps.push(cp);
      keep.push(run.nowrap ? 1 : 0);
      widths.push(charWidth(cp, prev, run.style));
      prev = cp;
    }
    if (cps.length > first) {
      widths[first]! += run.padStart;
      widths[cps.length - 1]! += run.padEnd;
    }
    prevStyle = run.padEnd === 0 ? run.style : undefined;
    prevCp = prev;
  }
  const space = Uint8Array.from(cps, (c) => (c === 0x20 ? 1 : 0));
  return { n: cps.length, width: Float64Array.from(widths), space, brk: Uint8Array.from(brk), keep: Uint8Array.from(keep) };
}

/** Visit the unbreakable pieces: [start, bodyEnd) is the piece, [bodyEnd, end) its trailing spaces. */
function eachPiece(p: Prepared, visit: (start: number, bodyEnd: number, end: number, forcedBefore: boolean) => void): void {
  let start = 0;
  while (start < p.n) {
    let end = start + 1;
    while (end < p.n && p.brk[end] === 0) end++;
    let bodyEnd = end;
    while (bodyEnd > start && p.space[bodyEnd - 1] === 1) bodyEnd--;
    visit(start, bodyEnd, end, p.brk[start] === 2);
    start = end;
  }
}

function sum(width: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += width[i]!;
  return s;
}

/** Break styled runs into lines of at most `maxWidth` px (greedy, as CSS does). */
export function breakLines(runs: readonly Run[], maxWidth: number): LineLayout {
  const p = prepare(runs);
  const widths: number[] = [];
  let line = 0; // width up to the end of the last piece's body
  let hanging = 0; // that piece's trailing spaces: they count only if more follows on the line
  let empty = true;
  const close = (): void => {
    widths.push(line);
    line = 0;
    hanging = 0;
    empty = true;
  };
  eachPiece(p, (start, bodyEnd, end, forcedBefore) => {
    if (forcedBefore) close();
    const body = sum(p.width, start, bodyEnd);
    if (!empty && line + hanging + body > maxWidth + EPSILON) close();
    if (empty && body > maxWidth + EPSILON && p.keep[start] === 0) {
      // overflow-wrap: break-word: a piece wider than the line breaks between any two characters.
      for (let i = start; i < bodyEnd; i++) {
        const w = p.width[i]!;
        if (line > 0 && line + w > maxWidth + EPSILON) close();
        line += w;
      }
    } else {
      line += hanging + body;
    }
    hanging = sum(p.width, bodyEnd, end);
    empty = false;
  });
  if (!empty) close();
  return { lines: widths.length, widths, widest: widths.reduce((a, b) => Math.max(a, b), 0) };
}

/** The min-content and max-content widths of styled runs (for shrink-to-fit boxes and table columns). */
export function inlineSizes(runs: readonly Run[]): InlineSizes {
  const p = prepare(runs);
  let min = 0;
  let max = 0;
  let line = 0;
  let hanging = 0;
  eachPiece(p, (start, bodyEnd, end, forcedBefore) => {
    if (forcedBefore) {
      max = Math.max(max, line);
      line = 0;
      hanging = 0;
    }
    const body = sum(p.width, start, bodyEnd);
    min = Math.max(min, body);
    line += hanging + body;
    hanging = sum(p.width, bodyEnd, end);
  });
  return { min, max: Math.max(max, line) };
}
