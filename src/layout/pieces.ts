/**
 * Styled runs → the unbreakable pieces CSS line breaking works with: words (or parts of words
 * between break opportunities), each with its width and the width of the collapsed space after
 * it. Built for a cold CLI run: a native regex splits words from white space, a word without
 * any special character is one piece, and widths are cached per style and text (a talk repeats
 * its words), so most words cost one Map lookup.
 */
import { canBreakBetween } from './chars.js';
import { getFace, type Face } from './fonts.js';
import type { Run, TextStyle } from './run-types.js';
import { cacheFor, cachedWidth, charIn, glyphPx } from './widths.js';

/** One unbreakable piece of a line. */
export interface Piece {
  /** Width in px, trailing spaces excluded, inline-code padding included. */
  width: number;
  /** The collapsed space after it (it hangs at the end of a line), px; 0 when none. */
  space: number;
  /** How many `<br>` come right before it. */
  breaks: number;
  /** Part of a `white-space: nowrap` run: never broken, even when wider than the line. */
  keep: boolean;
  /** Its text and style, for breaking it between characters when it is wider than the line. */
  text: string;
  style: TextStyle;
  /** Inline-code padding at its start and end, px (already in `width`). */
  padStart: number;
  padEnd: number;
  /** Pieces of other runs it continues into (`**bold**text` has no break between its runs). */
  more?: Piece[];
}

const WORDS = /[ \t\n\r\f]+|[^ \t\n\r\f]+/g;
/** Characters around which a word may break (hyphens, dashes, `?`, opening brackets, ZWSP, wide scripts…). */
const SPECIAL = /[-?(<[{\u1100-\uffff]/;
const SPACE = 0x20;

/** The widths of each character of a piece (and of the pieces it continues into), for breaking it anywhere. */
export function pieceChars(piece: Piece): number[] {
  const out: number[] = [];
  for (const p of [piece, ...(piece.more ?? [])]) {
    const face = getFace(p.style.face);
    const from = out.length;
    let prev = -1;
    for (const ch of p.text) {
      const cp = ch.codePointAt(0)!;
      out.push(charIn(face, cp, prev, p.style));
      prev = cp;
    }
    if (out.length > from) {
      out[from]! += p.padStart;
      out[out.length - 1]! += p.padEnd;
    }
  }
  return out;
}

/** Cut a word (no white space) where a line may break inside it. */
function splitWord(word: string, before: number, prev: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let a = before;
  let b = prev;
  for (let i = 0; i < word.length; ) {
    const cp = word.codePointAt(i)!;
    if (i > 0 && canBreakBetween(a, b, cp)) {
      parts.push(word.slice(start, i));
      start = i;
    }
    a = b;
    b = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(word.slice(start));
  return parts;
}

/** The state of the collapse-and-cut pass over runs (one per toPieces call). */
class Builder {
  readonly pieces: Piece[] = [];
  /** White space here is dropped: at the start, after white space and after a `<br>`. */
  collapsing = true;
  breaks = 0;
  /** The last two characters placed (-1: none), for break opportunities and kerning. */
  before = -1;
  prev = -1;
  /** The last piece of the current run, and whether the run continues the previous one's shaping. */
  /** The first and last piece of the current run (its padding goes there). */
  first: Piece | undefined = undefined;
  last: Piece | undefined = undefined;
  joined = false;

  space(face: Face, style: TextStyle): void {
    if (this.collapsing) return;
    this.pieces[this.pieces.length - 1]!.space = charIn(face, SPACE, this.prev, style);
    this.collapsing = true;
    this.before = this.prev;
    this.prev = SPACE;
  }

  piece(text: string, run: Extract<Run, { type: 'text' }>, face: Face, cache: Map<string, number>): void {
    const cp = text.codePointAt(0)!;
    const prev = this.prev;
    // Kerning with the character before, when both are shaped together (same run or same style).
    const kern = prev >= 0 && prev !== SPACE && (this.last !== undefined || this.joined) ? face.pair(prev, cp) * glyphPx(run.style.px) : 0;
    const width = cachedWidth(cache, face, text, run.style) + kern;
    const piece: Piece = { width, space: 0, breaks: this.breaks, keep: run.nowrap === true, text, style: run.style, padStart: 0, padEnd: 0 };
    this.first ??= piece;
    const tail = this.pieces[this.pieces.length - 1];
    if (tail !== undefined && !this.collapsing && this.breaks === 0 && !canBreakBetween(this.before, prev, cp)) (tail.more ??= []).push(piece);
    else this.pieces.push(piece);
    this.last = piece;
    this.breaks = 0;
    this.collapsing = false;
    const end = text.codePointAt(text.length - 1)!;
    this.before = text.length > 1 ? text.charCodeAt(text.length - 2) : prev;
    this.prev = end >= 0xdc00 && end <= 0xdfff ? text.codePointAt(text.length - 2)! : end;
  }

  word(token: string, run: Extract<Run, { type: 'text' }>, face: Face, cache: Map<string, number>): void {
    if (run.nowrap || !SPECIAL.test(token)) return this.piece(token, run, face, cache);
    for (const part of splitWord(token, this.before, this.prev)) this.piece(part, run, face, cache);
  }
}

/** The pieces of styled runs, white space collapsed as `white-space: normal` collapses it. */
export function toPieces(runs: readonly Run[]): Piece[] {
  const b = new Builder();
  let prevStyle: TextStyle | undefined;
  for (const run of runs) {
    if (run.type === 'break') {
      b.breaks++;
      b.collapsing = true;
      b.before = b.prev = -1;
      prevStyle = undefined;
      continue;
    }
    const face = getFace(run.style.face);
    const cache = cacheFor(run.style);
    b.joined = prevStyle !== undefined && prevStyle.face === run.style.face && prevStyle.px === run.style.px && run.padStart === 0;
    b.first = b.last = undefined;
    // A nowrap run is one piece: its inner white space collapsed, never a break inside it.
    const tokens = run.nowrap ? nowrapTokens(run.text, b.collapsing) : (run.text.match(WORDS) ?? []);
    for (const token of tokens) {
      const c = token.charCodeAt(0);
      if (c === SPACE || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) b.space(face, run.style);
      else b.word(token, run, face, cache);
    }
    // Set by b.word(); the padding of a box broken over lines is at its first start and last end.
    const first = b.first as Piece | undefined;
    const last = b.last as Piece | undefined;
    if (first !== undefined) {
      first.width += run.padStart;
      first.padStart = run.padStart;
    }
    if (last !== undefined) {
      last.width += run.padEnd;
      last.padEnd = run.padEnd;
    }
    prevStyle = run.padEnd === 0 ? run.style : undefined;
  }
  return b.pieces;
}

/** A nowrap run's text as one word, and a space token if it ends with white space. */
function nowrapTokens(text: string, collapsing: boolean): string[] {
  const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
  const trimmed = collapsing ? collapsed.trimStart() : collapsed;
  if (trimmed.startsWith(' ')) return trimmed.trim() === '' ? [' '] : [' ', ...nowrapTokens(trimmed.slice(1), true)];
  return trimmed.endsWith(' ') ? [trimmed.slice(0, -1), ' '] : trimmed === '' ? [] : [trimmed];
}

/** A piece's whole width: its own and that of the pieces it continues into. */
export function pieceWidth(piece: Piece): number {
  let width = piece.width;
  if (piece.more !== undefined) for (const p of piece.more) width += p.width;
  return width;
}
