/**
 * Conservation: how much of the article the deck keeps. Defined as
 *
 *   conservation = Σ_w min(A[w], D[w]) / Σ_w A[w]
 *
 * where A[w] is how many times word w occurs in the article (its source text with the markup
 * stripped, source-text.ts) and D[w] how many times it occurs in the deck (every slide's text,
 * code and speaker notes, plus image alt text, deck-text.ts). A word is a maximal run of Unicode
 * letters, combining marks and digits, after NFKC normalisation and lower-casing, so punctuation,
 * typography (curly quotes, dashes) and how text is split into elements do not matter.
 *
 * Counting occurrences (not distinct words) is what makes it strict: a deck that drops one of
 * three paragraphs loses their words even when the same words appear elsewhere. Words the deck adds
 * (titles repeated on continued slides, key points that repeat the notes) never raise it above 1.
 */

/** What the deck kept of the article's words. */
export interface Conservation {
  /** Share of the article's word occurrences found in the deck, 0..1 (1 for an article with no words). */
  readonly ratio: number;
  readonly articleWords: number;
  readonly keptWords: number;
  /** The words the deck has fewer of than the article, most missing first (at most 20). */
  readonly missing: readonly { readonly word: string; readonly count: number }[];
}

/** The words of a text, as conservation counts them. */
export function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Characters normalised at a time (a deck from a 50 MB article holds 200 MB of text). */
const CHUNK = 1 << 20;

/**
 * Occurrences of each word of `text`, read a chunk at a time without a list of all its words:
 * the list and the normalised copies of a whole deck took more memory than the deck. Chunks end
 * at white space, where NFKC never joins characters and no word runs on.
 */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    while (end < text.length && !/\s/.test(text.charAt(end))) end++;
    for (const [w] of text.slice(start, end).normalize('NFKC').toLowerCase().matchAll(WORD)) counts.set(w, (counts.get(w) ?? 0) + 1);
    start = end;
  }
  return counts;
}

/** Conservation of `articleText` in `deckText` (see the definition above). */
export function measureConservation(articleText: string, deckText: string): Conservation {
  const article = countWords(articleText);
  const deck = countWords(deckText);
  let total = 0;
  let kept = 0;
  const missing: { word: string; count: number }[] = [];
  for (const [word, count] of article) {
    const found = Math.min(count, deck.get(word) ?? 0);
    total += count;
    kept += found;
    if (found < count) missing.push({ word, count: count - found });
  }
  missing.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return { ratio: total === 0 ? 1 : kept / total, articleWords: total, keptWords: kept, missing: missing.slice(0, 20) };
}
