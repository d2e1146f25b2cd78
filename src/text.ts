/**
 * Small pure helpers over text and the Inline model, shared by every stage: the one plainText, the
 * one slugify and the one escapeHtml of the project.
 */
import { slug as githubSlug } from 'github-slugger';
import type { Block, Inline } from './model.js';
import { segmentText } from './segment.js';

/**
 * The visible text of inline content (images count by their alt text, math by its TeX, footnote
 * references not at all; a line break is `\n`).
 */
export function plainText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.text;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += node.alt;
        break;
      case 'math':
        // The TeX is the formula's text: what conservation counts and what the notes show.
        out += node.tex;
        break;
      case 'footnote':
        // A reference number is not a word of the sentence it follows.
        break;
      default:
        out += plainText(node.children);
    }
  }
  return out;
}

/** Text on one line: line breaks (and the spaces around them) become one space, for titles. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/**
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): a
 * run of them is counted word by word with Intl.Segmenter's dictionaries, so word budgets apply.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** The dictionary words of a run of text (Intl.Segmenter's word-like pieces). */
function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const p of segmentText(text, 'word')) if (p.wordLike) words.push(text.slice(p.index, p.end));
  return words;
}

/**
 * Words in a string: runs of non-space characters, except that a run in a script written without
 * spaces counts its dictionary words (`我们使用npm` is 3: 我们, 使用, npm).
 */
export function countWords(text: string): number {
  // The common case (no such script anywhere) is counted in one pass that keeps nothing: every
  // slide's notes are counted for its timing, and a paragraph of a million words would otherwise
  // build an array of a million strings.
  if (!UNSPACED.test(text)) return countRuns(text);
  const runs = text.match(/\S+/g);
  if (!runs) return 0;
  let n = 0;
  for (const run of runs) n += UNSPACED.test(run) ? Math.max(1, segmentWords(run).length) : 1;
  return n;
}

/** Runs of non-space characters (what `\S+` matches), counted without building them. */
function countRuns(text: string): number {
  let n = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inRun) n += 1;
    inRun = !space;
  }
  return n;
}

/** What `\s` matches in a JavaScript regular expression. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The words of a string, lower-cased, without punctuation: letter and digit runs, dictionary words in unspaced scripts. */
export function wordsOf(text: string): string[] {
  return Array.from(eachWord(text));
}

/** A letter and digit run (with an apostrophe's tail: "don't"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * The words of wordsOf one at a time, without building their list: a sentence of a million words
 * is read in constant memory, and a caller looking for some words can stop once it has them.
 */
export function* eachWord(text: string): Generator<string> {
  const lower = text.toLowerCase();
  if (UNSPACED.test(lower)) {
    for (const p of segmentText(lower, 'word')) if (p.wordLike) yield lower.slice(p.index, p.end);
    return;
  }
  for (const match of lower.matchAll(WORD)) yield match[0];
}

/** The visible text of a block, for word counts and conservation checks. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return plainText(block.inlines);
    case 'list':
      return block.items.map((i) => [plainText(i.inlines), ...i.blocks.map(blockText)].join('\n')).join('\n');
    case 'code':
      return block.code;
    case 'quote':
      return block.blocks.map(blockText).join('\n');
    case 'table':
      return [block.header, ...block.rows].map((r) => r.map(plainText).join(' ')).join('\n');
    case 'image':
      return [block.alt, block.caption ? plainText(block.caption) : ''].join(' ').trim();
    case 'callout':
      return [block.title ? plainText(block.title) : '', ...block.blocks.map(blockText)].join('\n').trim();
    case 'html':
      return block.text;
    case 'directive':
      return block.name === 'notes' ? (block.text ?? '') : '';
    case 'math':
      return block.tex;
    case 'rule':
      return '';
  }
}

/** A namer that returns `wanted` the first time and `wanted-2`, `wanted-3`… after (`fallback` for ''). */
export function createUniqueNamer(fallback: string): (wanted: string) => string {
  const used = new Set<string>();
  // Per base, the first suffix not yet tried: names are never freed, so a thousand sections all
  // called "Example" cost one probe each instead of a count from 2 (quadratic).
  const nextSuffix = new Map<string, number>();
  return (wanted) => {
    const base = wanted === '' ? fallback : wanted;
    let name = base;
    let n = nextSuffix.get(base) ?? 2;
    while (used.has(name)) name = `${base}-${n++}`;
    if (name !== base) nextSuffix.set(base, n);
    used.add(name);
    return name;
  };
}

/**
 * A heading's slug by GitHub's rules (github-slugger): lower-cased, punctuation and symbols
 * removed, spaces turned into dashes; letters of every script kept (`安装`, `héllo-world`), so
 * the ids match the anchors an article's own links were written against on GitHub-like hosts.
 * NFC first, so the same heading typed on macOS (decomposed) and elsewhere gives the same slug.
 * Empty when the heading has no letter or digit.
 */
export function slugify(text: string): string {
  const slug = githubSlug(text.normalize('NFC').trim());
  // Dashes alone ("🎉 ¶ #" → "--") name nothing: callers then use their fallback ("section").
  return /[\p{L}\p{N}]/u.test(slug) ? slug : '';
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and attribute values: the only way article text enters HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * `text` with every span from an opener to the nearest closer after it replaced, scanning left to
 * right like the regex /open[\s\S]*?close/g (pairs tried in order at each offset), in linear time.
 * The regex is quadratic when openers are never closed: each one scans to the end of the text
 * (a line of a million `{%` took minutes). Here, once no closer follows some offset, none follows
 * a later one, so that pair stops looking.
 */
export function replaceDelimited(text: string, pairs: readonly (readonly [open: string, closers: readonly string[]])[], replace: (match: string, pair: number) => string): string {
  const nextOpen = pairs.map(([open]) => text.indexOf(open));
  const dead = pairs.map(() => false);
  let out = '';
  let pos = 0;
  for (;;) {
    let at = -1;
    for (let k = 0; k < pairs.length; k++) if (!dead[k] && nextOpen[k]! >= 0 && (at === -1 || nextOpen[k]! < at)) at = nextOpen[k]!;
    if (at === -1) break;
    let end = -1;
    let pair = -1;
    for (let k = 0; k < pairs.length && end === -1; k++) {
      if (dead[k] || nextOpen[k] !== at) continue;
      const [open, closers] = pairs[k]!;
      let close = -1;
      let closer = '';
      for (const c of closers) {
        const i = text.indexOf(c, at + open.length);
        if (i !== -1 && (close === -1 || i < close)) [close, closer] = [i, c];
      }
      if (close === -1) dead[k] = true;
      else [end, pair] = [close + closer.length, k];
    }
    if (end === -1) {
      for (let k = 0; k < pairs.length; k++) if (nextOpen[k] === at) nextOpen[k] = text.indexOf(pairs[k]![0], at + 1);
      continue;
    }
    out += text.slice(pos, at) + replace(text.slice(at, end), pair);
    pos = end;
    for (let k = 0; k < pairs.length; k++) if (nextOpen[k]! >= 0 && nextOpen[k]! < end) nextOpen[k] = text.indexOf(pairs[k]![0], end);
  }
  return out + text.slice(pos);
}
