/**
 * Sentences of inline content, cut without losing formatting: the planner shows a paragraph's lead
 * sentence on screen verbatim (links and code kept), so it slices the inline tree, never retypes it.
 */
import type { Inline } from '../model.js';
import { plainText } from '../text.js';

// Abbreviations whose period does not end a sentence (lower-cased, without the final period).
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'fig', 'no', 'approx', 'incl', 'resp', 'al']);

/** Offsets where sentences end in `text` (exclusive ends), skipping code spans. */
export function sentenceEnds(text: string, protectedRanges: readonly (readonly [number, number])[] = []): number[] {
  const ends: number[] = [];
  const inProtected = (i: number): boolean => protectedRanges.some(([a, b]) => i >= a && i < b);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (text.slice(0, i).trim() !== '') ends.push(i);
      continue;
    }
    if (!'.!?'.includes(ch) || inProtected(i)) continue;
    let j = i + 1;
    while (j < text.length && `"')]”’»`.includes(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /[ \t]/.test(text[k]!)) k++;
    if (k < text.length && text[k] !== '\n' && !/[\p{Lu}\p{N}"'“‘(\[¿¡`*_]/u.test(text[k]!)) continue;
    if (ch === '.' && isAbbreviation(text, i)) continue;
    ends.push(j);
  }
  if (ends[ends.length - 1] !== text.length) ends.push(text.length);
  return ends;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(0, dot).match(/([\p{L}.]+)$/u);
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
      if (to > from || (len === 0 && offset >= start && offset < end)) {
        if (node.type === 'text' || node.type === 'code') out.push({ ...node, text: node.text.slice(from - offset, to - offset) });
        else if (node.type === 'break') out.push(node);
        else if (from === offset) out.push(node); // an image is atomic: kept when it starts inside
      }
      offset += len;
    }
    return out;
  };
  return trimInlines(walk(inlines));
}

/** Remove leading/trailing white space and breaks of an inline run. */
export function trimInlines(inlines: readonly Inline[]): Inline[] {
  const out = [...inlines];
  const trimEdge = (index: number, side: 'start' | 'end'): boolean => {
    const node = out[index];
    if (!node) return false;
    if (node.type === 'break') {
      out.splice(index, 1);
      return true;
    }
    if (node.type === 'text') {
      const text = side === 'start' ? node.text.trimStart() : node.text.trimEnd();
      if (text === '') {
        out.splice(index, 1);
        return true;
      }
      out[index] = { ...node, text };
      return false;
    }
    if ('children' in node) {
      const children = side === 'start' ? trimInlines(node.children) : trimInlines(node.children);
      out[index] = { ...node, children };
    }
    return false;
  };
  while (out.length > 0 && trimEdge(0, 'start'));
  while (out.length > 0 && trimEdge(out.length - 1, 'end'));
  return out;
}

/** A paragraph's sentences, each as its own inline run. */
export function splitSentences(inlines: readonly Inline[]): Inline[][] {
  const text = plainText(inlines);
  const ends = sentenceEnds(text, codeRanges(inlines));
  const sentences: Inline[][] = [];
  let start = 0;
  for (const end of ends) {
    const slice = sliceInlines(inlines, start, end);
    if (plainText(slice).trim() !== '') sentences.push(slice);
    start = end;
  }
  return sentences;
}
