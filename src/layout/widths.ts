/**
 * Widths of text in the deck's faces, as Chromium computes them: advances and pair adjustments
 * from the generated tables, the size floored to 1/64 px, letter spacing after each character,
 * and an estimate for characters the fonts do not cover. Widths of words are cached per style.
 */
import { isWide, isZeroWidth } from './chars.js';
import { DIRECT, getFace, type Face } from './fonts.js';
import type { TextStyle } from './run-types.js';

const widthCache = new Map<string, Map<string, number>>();

/**
 * The size glyphs are scaled to: Skia hands FreeType the size in 26.6 fixed point, so Chromium's
 * advances are those of the size floored to 1/64 px (measured: JetBrains Mono at 30.6 px advances
 * 18.35625 px, not 18.36; Inter at 32.4 px is laid out at 32.390625).
 */
export function glyphPx(px: number): number {
  return Math.floor(px * 64) / 64;
}

/** Width in px of one character (`prev`: the character before it in the same shaping run, or -1). */
export function charWidth(cp: number, prev: number, style: TextStyle): number {
  return charIn(getFace(style.face), cp, prev, style);
}

/** charWidth with the face already looked up (pieces.ts calls it per space and per broken character). */
export function charIn(face: Face, cp: number, prev: number, style: TextStyle): number {
  const adv = face.advance(cp);
  if (adv >= 0) return (adv + (prev >= 0 ? face.pair(prev, cp) : 0)) * glyphPx(style.px) + style.letterSpacing;
  // Not in the subset: the browser draws it with a system font. Estimate (known gap): wide
  // characters one em, marks nothing, anything else an average letter (a code cell in code).
  if (isZeroWidth(cp)) return 0;
  const em = isWide(cp) ? 1 : face.monospace ? face.advance(0x30) : face.average;
  return em * glyphPx(style.px) + style.letterSpacing;
}

const byStyle = new WeakMap<TextStyle, Map<string, number>>();

/** The width cache of one style: found by the style object (runs.ts shares them), else by its values. */
export function cacheFor(style: TextStyle): Map<string, number> {
  let cache = byStyle.get(style);
  if (cache === undefined) {
    const key = `${style.face}|${style.px}|${style.letterSpacing}`;
    cache = widthCache.get(key);
    if (cache === undefined) widthCache.set(key, (cache = new Map()));
    byStyle.set(style, cache);
  }
  return cache;
}

/** The width of `text` from a style's cache, summed and stored on a miss. */
export function cachedWidth(cache: Map<string, number>, face: Face, text: string, style: TextStyle): number {
  let width = cache.get(text);
  if (width === undefined) {
    width = sumWidth(face, text, style);
    // Bounded: a long build measures many texts in many sizes.
    if (cache.size > 20_000) cache.clear();
    cache.set(text, width);
  }
  return width;
}

/** Width in px of a string in one style, as Chromium shapes it (cached). */
export function textWidth(text: string, style: TextStyle): number {
  return cachedWidth(cacheFor(style), getFace(style.face), text, style);
}

/**
 * The sum of a string's advances and pair adjustments. Written for the interpreter (a cold build
 * runs it before any JIT): covered characters cost a few typed-array reads, no calls.
 */
function sumWidth(face: Face, text: string, style: TextStyle): number {
  const { direct, advances, leftClass, rightClass, pairs, rightCount } = face.raw;
  let em = 0;
  let other = 0; // px of characters the face does not cover
  let count = 0;
  let prevSlot = -1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    const slot = cp < DIRECT ? direct[cp]! : -1;
    if (slot >= 0) {
      em += advances[slot]!;
      if (prevSlot >= 0) {
        const l = leftClass[prevSlot]!;
        const r = rightClass[slot]!;
        if (l !== 0 && r !== 0) em += pairs[l * rightCount + r]!;
      }
      prevSlot = slot;
      count++;
      continue;
    }
    const full = text.codePointAt(i)!;
    if (full > 0xffff) i++;
    const w = charIn(face, full, -1, style);
    other += w;
    if (w === 0) continue;
    other -= style.letterSpacing; // added below with the others
    count++;
    prevSlot = -1;
  }
  return em * glyphPx(style.px) + other + count * style.letterSpacing;
}
