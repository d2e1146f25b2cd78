/**
 * Sentences of inline content, cut without losing formatting: the planner shows a paragraph's lead
 * sentence on screen verbatim (links and code kept), so it slices the inline tree, never retypes it.
 */
import type { Inline } from '../model.js';
import { segmentText } from '../segment.js';
import { plainText } from '../text.js';

// Abbreviations whose period does not end a sentence (lower-cased, without the final period).
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'fig', 'no', 'approx', 'incl', 'resp', 'al']);

/** Where Unicode's rules may end a sentence: sentence terminators of every script, and line breaks. */
const TERMINATOR = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/u;
/** Characters of a text's ending: final punctuation, closing quotes, white space (scanned from the end, not by a regex anchored there, which would be quadratic). */
const TRAILING = /[\p{Sentence_Terminal}"'\p{Pe}\p{Pf}»›\s]/u;

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSER = /["'\p{Pe}\p{Pf}»›]/u;
/** Opening quotes and brackets: Unicode counts them as closers too, so `？“` would end a sentence with the quote. */
const OPENER = /[\p{Ps}\p{Pi}]/u;

/**
 * Offsets where sentences end in `text` (exclusive ends, before the white space between sentences),
 * never inside `protectedRanges` (code spans). Unicode's sentence rules (UAX #29, through ICU) find
 * the candidate ends in every script: 。！？ in Chinese and Japanese, ؟ and ۔ in Arabic, Persian
 * and Urdu, । in Hindi; then today's rules merge some back (see keptEnd). Linear: one pass of the
 * segmenter, each candidate kept or merged by looking at a bounded window around it. With `limit`,
 * stops after that many ends (the rest of a long paragraph is not segmented at all).
 */
export function sentenceEnds(text: string, protectedRanges: readonly (readonly [number, number])[] = [], limit = Number.POSITIVE_INFINITY): number[] {
  // One sentence (most list items, many paragraphs): no terminator or line break before its last
  // punctuation, so no candidate end to look at and no segmenter to run.
  let tail = text.length;
  while (tail > 0 && TRAILING.test(text[tail - 1]!)) tail--;
  if (!TERMINATOR.test(text.slice(0, tail))) return [text.length];
  // Ranges come in text order and candidates are visited in text order: one pointer walks them.
  let range = 0;
  const inProtected = (i: number): boolean => {
    while (range < protectedRanges.length && protectedRanges[range]![1] <= i) range++;
    const r = protectedRanges[range];
    return r !== undefined && i >= r[0] && i < r[1];
  };
  const ends: number[] = [];
  let last = 0;
  // The first non-space character at or after `last`, found once per kept end (a sentence of
  // white space alone is no sentence); found again only after `last` moves, so the scan is linear.
  let textFrom = -1;
  for (const piece of segmentText(text, 'sentence')) {
    if (piece.cut) continue;
    const end = keptEnd(text, piece.index, piece.end, inProtected);
    if (end === undefined) continue;
    if (textFrom < last) for (textFrom = last; textFrom < text.length && /\s/.test(text[textFrom]!); ) textFrom++;
    if (end <= textFrom) continue;
    ends.push(end);
    last = end;
    if (ends.length >= limit) return ends;
  }
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  return ends;
}

/**
 * Where the sentence that Unicode's rules end at `boundary` really ends, or undefined when the
 * boundary is merged away: a period of an abbreviation or an initial, punctuation inside code, a
 * `!`/`?` followed by a lower-case word, an ASCII stop glued to the next word (`file.Name`), a
 * Japanese quotation followed by its particle.
 */
function keptEnd(text: string, start: number, boundary: number, inProtected: (i: number) => boolean): number | undefined {
  if (boundary >= text.length) return text.length;
  let b = boundary;
  while (b > start + 1 && OPENER.test(text[b - 1]!)) b--;
  let end = b;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  // A line break (a `<br>` or a hard-wrapped lead-in) always ends a sentence, as it did before.
  if (text.slice(end, b).includes('\n')) return end;
  let stop = end - 1;
  while (stop > start && CLOSER.test(text[stop]!)) stop--;
  const ch = text[stop];
  if (ch === undefined || inProtected(stop)) return undefined;
  if (ch === '.' && isAbbreviation(text, stop)) return undefined;
  if ('.!?'.includes(ch) && end === b) return undefined;
  if (/\p{Ll}/u.test(text[b] ?? '')) return undefined;
  // Japanese quotes inside a sentence: 「完了しました。」と表示されれば… (a particle follows the quote).
  if (end > stop + 1 && /\p{Script=Hiragana}/u.test(text[b] ?? '')) return undefined;
  return end;
}

function isAbbreviation(text: string, dot: number): boolean {
  // A bounded window: an abbreviation or an initial is short, and a regex anchored at the end of
  // the whole paragraph would rescan it for every period.
  const before = text.slice(Math.max(0, dot - 32), dot).match(/([\p{L}.]+)$/u);
  if (!before) return false;
  const word = before[1]!.toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  return /^\p{Lu}$/u.test(before[1]!); // an initial: "J. Smith"
}

/** Character ranges of inline code in the plain text (periods inside code never end a sentence). */
function codeRanges(inlines: readonly Inline[]): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  const walk = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'code') ranges.push([offset, offset + node.text.length]);
      // A period inside a formula ends no sentence either.
      if (node.type === 'math') ranges.push([offset, offset + node.tex.length]);
      if ('children' in node) walk(node.children);
      else offset += leafLength(node);
    }
  };
  walk(inlines);
  return ranges;
}

function leafLength(node: Inline): number {
  switch (node.type) {
    case 'text':
    case 'code':
      return node.text.length;
    case 'break':
      return 1;
    case 'image':
      return node.alt.length;
    case 'math':
      return node.tex.length;
    default:
      return 0;
  }
}

/** The part of an inline tree between two plain-text offsets, formatting kept. */
export function sliceInlines(inlines: readonly Inline[], start: number, end: number): Inline[] {
  let offset = 0;
  const walk = (nodes: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      if ('children' in node) {
        const children = walk(node.children);
        if (children.length > 0) out.push({ ...node, children });
        continue;
      }
      const len = leafLength(node);
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + len);
      // A footnote reference belongs to the text before it ("…in 1984.¹ Then…"), a break to the text after.
      const zeroInside = node.type === 'footnote' ? offset > start && offset <= end : offset >= start && offset < end;
      if (to > from || (len === 0 && zeroInside)) {
        if (node.type === 'text' || node.type === 'code') out.push({ ...node, text: node.text.slice(from - offset, to - offset) });
        else if (node.type === 'break') out.push(node);
        else if (from === offset) out.push(node); // an image, a formula, a reference: atomic, kept when it starts inside
      }
      offset += len;
    }
    return out;
  };
  return trimInlines(walk(inlines));
}

/** Remove leading/trailing white space and breaks of an inline run. */
export function trimInlines(inlines: readonly Inline[]): Inline[] {
  return trimSide(trimSide(inlines, 'start'), 'end');
}

// One side at a time, descending only into the edge node: linear in the nesting depth (trimming
// both sides of every edge container would double the work at each level).
function trimSide(inlines: readonly Inline[], side: 'start' | 'end'): Inline[] {
  const out = [...inlines];
  const edge = (): number => (side === 'start' ? 0 : out.length - 1);
  while (out.length > 0) {
    const index = edge();
    const node = out[index]!;
    if (node.type === 'break') {
      out.splice(index, 1);
      continue;
    }
    if (node.type === 'text') {
      const text = side === 'start' ? node.text.trimStart() : node.text.trimEnd();
      if (text === '') {
        out.splice(index, 1);
        continue;
      }
      out[index] = { ...node, text };
    } else if ('children' in node) {
      out[index] = { ...node, children: trimSide(node.children, side) };
    }
    break;
  }
  return out;
}

/** A paragraph's sentences, each as its own inline run (with `limit`, only its first sentences). */
export function splitSentences(inlines: readonly Inline[], limit?: number): Inline[][] {
  const text = plainText(inlines);
  const ends = sentenceEnds(text, codeRanges(inlines), limit);
  // Where each top-level node starts in the text: a sentence is sliced from the few nodes it
  // covers, not from the whole paragraph, so a paragraph of many sentences stays linear.
  const starts: number[] = [];
  const lengths = inlines.map(textLength);
  let offset = 0;
  for (const length of lengths) {
    starts.push(offset);
    offset += length;
  }
  const sentences: Inline[][] = [];
  let start = 0;
  let first = 0;
  for (const end of ends) {
    // Skip the nodes wholly before the sentence (an empty node right at its start belongs to it).
    while (first + 1 < inlines.length && starts[first]! < start && starts[first]! + lengths[first]! <= start) first++;
    let last = first;
    while (last + 1 < inlines.length && (starts[last + 1]! < end || (starts[last + 1] === end && inlines[last + 1]!.type === 'footnote'))) last++;
    const base = starts[first] ?? 0;
    const slice = sliceInlines(inlines.slice(first, last + 1), start - base, end - base);
    if (plainText(slice).trim() !== '') sentences.push(slice);
    start = end;
  }
  return sentences;
}

/** Length of a node's plain text (as plainText counts it). */
function textLength(node: Inline): number {
  return 'children' in node ? node.children.reduce((n, child) => n + textLength(child), 0) : leafLength(node);
}
