/**
 * Intl.Segmenter (Unicode's word and sentence rules through Node's ICU) in linear time. Node 20's
 * segmenter gets slower per step the longer the string it walks (a 136,000-character paragraph of
 * 8,000 sentences took 20 s in one call), so text is segmented in windows of about a thousand
 * characters, each starting where the previous one ended for sure.
 */

/** One piece of text: `cut` marks a piece that ends only because a window ended (not a real boundary). */
export interface Piece {
  readonly index: number;
  readonly end: number;
  readonly wordLike: boolean;
  readonly cut: boolean;
}

/** Characters one segmenter call sees. */
const WINDOW = 1024;
/**
 * Boundaries this close to a window's end are not trusted: Unicode's rules look ahead (a period
 * followed by spaces, digits and then a lower-case word is no sentence end).
 */
const MARGIN = 256;

// One segmenter per granularity for the process (building one loads ICU data). A fixed locale keeps
// the results the same on every machine: word and sentence breaking depend on the script, not on it.
const segmenters = new Map<'word' | 'sentence', Intl.Segmenter>();
function segmenter(granularity: 'word' | 'sentence'): Intl.Segmenter {
  let s = segmenters.get(granularity);
  if (s === undefined) segmenters.set(granularity, (s = new Intl.Segmenter('en', { granularity })));
  return s;
}

/** The pieces of `text` (words and the gaps between them, or sentences), in order, covering it all. */
export function* segmentText(text: string, granularity: 'word' | 'sentence'): Generator<Piece> {
  const seg = segmenter(granularity);
  let pos = 0;
  while (pos < text.length) {
    const last = pos + WINDOW >= text.length;
    const windowEnd = last ? text.length : pos + WINDOW;
    const pieces: Piece[] = [];
    for (const s of seg.segment(text.slice(pos, windowEnd))) {
      const index = pos + s.index;
      pieces.push({ index, end: index + s.segment.length, wordLike: s.isWordLike === true, cut: false });
    }
    if (last) {
      yield* pieces;
      return;
    }
    const cut = cutPoint(text, pieces, pos, windowEnd - MARGIN);
    let end = pos;
    for (const p of pieces) {
      if (p.end > cut) break;
      yield p;
      end = p.end;
    }
    // The rest of the piece the cut falls into: a word or sentence the next window carries on.
    if (end < cut) yield { index: end, end: cut, wordLike: /[\p{L}\p{N}]/u.test(text.slice(end, cut)), cut: true };
    pos = cut;
  }
}

/**
 * Where a window's trusted part ends: its last boundary before the margin when that leaves most of
 * the window done; else (a sentence longer than the window) a point between two letters, or after
 * a space that follows a letter, where no rule can see a boundary; else the margin itself.
 */
function cutPoint(text: string, pieces: readonly Piece[], pos: number, safeEnd: number): number {
  const half = pos + (safeEnd - pos) / 2;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const end = pieces[i]!.end;
    if (end <= safeEnd) {
      if (end > half) return end;
      break;
    }
  }
  for (let r = safeEnd; r > half; r--) {
    if (/[\p{L}\p{N}]/u.test(text[r - 1]!) && /[\p{L}\p{N}\s]/u.test(text[r]!)) return r;
  }
  // Never between the two halves of a character outside the BMP.
  return /[\uDC00-\uDFFF]/.test(text[safeEnd] ?? '') ? safeEnd - 1 : safeEnd;
}
