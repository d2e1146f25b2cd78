/**
 * The deck's faces, decoded once from the generated tables into flat lookups: advance of a code
 * point and pair adjustment of two, both in em. Decoding all six faces takes well under a
 * millisecond (scripts/layout-bench.ts), and happens on the first measurement, not at import.
 */
import type { FaceTable } from './face-table.js';
import { FACE_TABLES } from './metrics/tables.js';

/** A face the deck ships: `inter-400-normal`, `mono-700-normal`, … */
export type FaceKey = keyof typeof FACE_TABLES;

/** One face, ready to measure with. */
export interface Face {
  readonly key: FaceKey;
  /** Ascender and descender (positive, below the baseline) in em. */
  readonly ascent: number;
  readonly descent: number;
  /** True for the code family: every character of the subset is as wide as `mono`. */
  readonly monospace: boolean;
  /** Advance of a code point in em, or -1 when the face does not have it (the browser falls back). */
  advance(cp: number): number;
  /** Pair adjustment (kerning, pair-wise contextual alternates) in em between two covered code points. */
  pair(left: number, right: number): number;
  /** A typical advance in em (mean of a–z), for estimating characters the browser takes from a fallback font. */
  readonly average: number;
  /**
   * The decoded table, for tight loops (pieces.ts sums a word with array reads only, no calls):
   * `direct[cp]` is the slot of a code point below DIRECT (-1: not covered), `advances[slot]` its
   * advance in em, `pairs[leftClass[a] * rightCount + rightClass[b]]` the pair adjustment in em.
   */
  readonly raw: {
    readonly direct: Int16Array;
    readonly advances: Float64Array;
    readonly leftClass: Uint16Array;
    readonly rightClass: Uint16Array;
    readonly pairs: Float64Array;
    readonly rightCount: number;
  };
}

/** Code points below this are looked up in a flat array (Latin, punctuation, symbols); the rest in a Map. */
export const DIRECT = 0x2200;

function decode(key: FaceKey, table: FaceTable): Face {
  const em = 1 / table.unitsPerEm;
  const slots = [...table.chars].map((c) => c.codePointAt(0)!);
  const direct = new Int16Array(DIRECT).fill(-1);
  const far = new Map<number, number>();
  slots.forEach((cp, slot) => (cp < DIRECT ? (direct[cp] = slot) : far.set(cp, slot)));
  const slotOf = (cp: number): number => (cp < DIRECT ? direct[cp]! : (far.get(cp) ?? -1));
  const advances = Float64Array.from(table.advances, (a) => a * em);
  const [, rights] = table.pairClasses;
  const matrix = new Float64Array(table.pairClasses[0] * rights);
  for (let i = 0; i < table.pairs.length; i += 3) matrix[table.pairs[i]! * rights + table.pairs[i + 1]!] = table.pairs[i + 2]! * em;
  const leftClass = Uint16Array.from(table.leftClass);
  const rightClass = Uint16Array.from(table.rightClass);
  const letters = [...'abcdefghijklmnopqrstuvwxyz'].map((c) => advances[slotOf(c.charCodeAt(0))] ?? 0.55);
  return {
    key,
    ascent: table.ascender * em,
    descent: -table.descender * em,
    monospace: table.family !== 'Inter',
    average: letters.reduce((a, b) => a + b, 0) / letters.length,
    raw: { direct, advances, leftClass, rightClass, pairs: matrix, rightCount: rights },
    advance(cp) {
      const slot = slotOf(cp);
      return slot < 0 ? -1 : advances[slot]!;
    },
    pair(left, right) {
      const l = slotOf(left);
      const r = slotOf(right);
      if (l < 0 || r < 0) return 0;
      const lc = leftClass[l]!;
      const rc = rightClass[r]!;
      return lc === 0 || rc === 0 ? 0 : matrix[lc * rights + rc]!;
    },
  };
}

const cache = new Map<FaceKey, Face>();

/** The face for a key, decoded on first use and kept for the process. */
export function getFace(key: FaceKey): Face {
  let face = cache.get(key);
  if (face === undefined) {
    face = decode(key, FACE_TABLES[key]);
    cache.set(key, face);
  }
  return face;
}

/**
 * The face Chromium picks for a family, weight and style under the deck's @font-face rules (CSS
 * font matching): Inter italic exists only at 400, so bold italic is the 400 italic face made bold
 * by the browser (synthetic bold keeps the advances: checked in Chromium); code has 400 and 700, so
 * 600 resolves to 700 and italic code is the upright face slanted.
 */
export function faceKeyFor(family: 'text' | 'code', weight: number, italic: boolean): FaceKey {
  if (family === 'code') return weight > 500 ? 'mono-700-normal' : 'mono-400-normal';
  if (italic) return 'inter-400-italic';
  if (weight >= 650) return 'inter-700-normal';
  if (weight > 500) return 'inter-600-normal';
  return 'inter-400-normal';
}
