/**
 * Where a container opened at the start of the text closes: the HTML element or MDX component
 * (`<div>` … `</div>`), the Docusaurus or pymdownx block (`:::note` … `:::`). A container that never
 * closes is scanned to the end of the article; before, every one of them was, so an article with
 * thousands of unclosed `<div>`s or `:::note`s took quadratic time (200 KB: 15 s). Now the openers
 * and closers of a lexing call are paired once, like brackets, the first time one is asked for, and
 * each later opener of that call looks its closer up. The pairing is the scan's own rule: a closer
 * closes the innermost opener still open.
 */
import type { Lexer } from 'marked';
import { memoized } from './lexer-memo.js';

/** Start and end (in the text asked about) of a closing tag or line. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Openers found by a pairing pass, keyed by their start's distance from the end of the text. */
interface Pairs {
  /** Opener → the distance from the end at which its own tag or line ends. */
  readonly openerEnd: Map<number, number>;
  /** Opener → its closer's start and end, as distances from the end (null: never closed). */
  readonly closer: Map<number, { readonly start: number; readonly end: number } | null>;
}

/** Pairs openers and closers, each a {start, end, open} in text order, as distances from the end of `length`. */
function pair(length: number, marks: Iterable<{ readonly start: number; readonly end: number; readonly open: boolean }>): Pairs {
  const openerEnd = new Map<number, number>();
  const closer = new Map<number, { start: number; end: number } | null>();
  const stack: number[] = [];
  for (const mark of marks) {
    const start = length - mark.start;
    const end = length - mark.end;
    if (mark.open) {
      stack.push(start);
      openerEnd.set(start, end);
      continue;
    }
    const opener = stack.pop();
    if (opener !== undefined) closer.set(opener, { start, end });
  }
  for (const opener of stack) closer.set(opener, null);
  return { openerEnd, closer };
}

/** Looks an opener up; undefined when the pairing did not see it as its scan would (then scan). */
function lookUp(pairs: Pairs, length: number, openerStart: number, openerEnd: number): Span | null | undefined {
  const key = length - openerStart;
  if (pairs.openerEnd.get(key) !== length - openerEnd) return undefined;
  const found = pairs.closer.get(key);
  if (found === undefined) return undefined;
  return found === null ? null : { start: length - found.start, end: length - found.end };
}

function tagPattern(name: string, ignoreCase: boolean): RegExp {
  return new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, ignoreCase ? 'gi' : 'g');
}

/**
 * The closing tag that balances the element whose start tag runs from `lt` (its `<`) to `from` in
 * `src`, nested elements of the same name counted; undefined when it never closes.
 */
export function closingTag(lexer: Lexer | undefined, src: string, lt: number, from: number, name: string, ignoreCase: boolean): Span | undefined {
  const key = `tag:${ignoreCase ? name.toLowerCase() : name}:${ignoreCase}`;
  const pairs = memoized(lexer, key, () =>
    pair(src.length, [...src.matchAll(tagPattern(name, ignoreCase))].filter((m) => m[1] === '/' || !m[0].endsWith('/>')).map((m) => ({ start: m.index, end: m.index + m[0].length, open: m[1] !== '/' }))),
  );
  const known = lookUp(pairs, src.length, lt, from);
  return known === undefined ? scanForTag(src, from, name, ignoreCase) : (known ?? undefined);
}

/** The closing tag found by scanning from `from` (depth 1). */
function scanForTag(src: string, from: number, name: string, ignoreCase: boolean): Span | undefined {
  const tags = tagPattern(name, ignoreCase);
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(src); m !== null; m = tags.exec(src)) {
    if (m[1] === '/') depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Marker lines of a fenced container kind: `:::kind` … `:::`, `/// kind` … `///`. */
export interface FenceKind {
  readonly name: string;
  readonly isOpen: RegExp;
  readonly isClose: RegExp;
}

/** A line of the text, outside code fences, that opens or closes a container of `kind`. */
function* markerLines(src: string, kind: FenceKind): Generator<{ start: number; end: number; open: boolean }> {
  let fence: string | undefined;
  for (let pos = 0; pos < src.length; ) {
    const newline = src.indexOf('\n', pos);
    const lineEnd = newline === -1 ? src.length : newline + 1;
    const line = src.slice(pos, newline === -1 ? src.length : newline);
    const marks = CODE_FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length && line.slice(line.indexOf(marks) + marks.length).trim() === '') fence = undefined;
    } else if (marks !== undefined) fence = marks;
    else if (kind.isClose.test(line)) yield { start: pos, end: lineEnd, open: false };
    else if (kind.isOpen.test(line)) yield { start: pos, end: lineEnd, open: true };
    pos = lineEnd;
  }
}

/**
 * The closing marker line of the container whose opening line ends at `start` in `src` (it starts
 * the text), nested openers counted, lines inside code fences skipped; undefined when it never closes.
 */
export function closingLine(lexer: Lexer | undefined, src: string, start: number, kind: FenceKind): Span | undefined {
  const pairs = memoized(lexer, `line:${kind.name}`, () => pair(src.length, markerLines(src, kind)));
  const known = lookUp(pairs, src.length, 0, start);
  if (known !== undefined) return known ?? undefined;
  // Not seen as an opener by the pairing pass (it thought this line inside code): scan from here.
  for (const mark of pairFrom(src, start, kind)) return mark;
  return undefined;
}

/** The closer found by scanning the lines after `start` (depth 1). */
function* pairFrom(src: string, start: number, kind: FenceKind): Generator<Span> {
  let depth = 1;
  for (const mark of markerLines(src.slice(start), kind)) {
    depth += mark.open ? 1 : -1;
    if (depth === 0) {
      yield { start: start + mark.start, end: start + mark.end };
      return;
    }
  }
}
