/**
 * Lexing with marked, bounded. `lexParts` reads the parts of an article (parts.ts) with one lexer and
 * keeps what marked cannot read (inline nesting thousands deep) as text. The lexer it is given comes
 * from `createMemoLexer`, whose extensions' `start` functions stay linear. marked asks every `start`
 * function, before each paragraph (block) or text run (inline), where the next extension could
 * start in the whole rest of the text; a plain regex search there rescans the rest each time, so
 * an article of many short paragraphs took quadratic time (a 1 MB article: 3 s; 10 MB: minutes).
 *
 * Within one `blockTokens`/`inlineTokens` call marked only ever hands out suffixes of the same
 * string, so the first match found from one position stays the first match from any later
 * position before it: `firstMatch` remembers it, per call (nested calls lex other strings and get
 * their own memo), as a distance from the end of the string.
 */
import { Lexer, type MarkedOptions, type Token } from 'marked';
import type { Part } from './parts.js';

/**
 * Per call of blockTokens/inlineTokens: for a pattern, the distance of its first match from the end
 * of the string (NONE: no match); for other keys, what `memoized` computed.
 */
type Memo = Map<unknown, unknown>;

const NONE = -1;
const memos = new WeakMap<Lexer, Memo[]>();

/** A Lexer for `options` (a Marked instance's `defaults`) that keeps a memo per (nested) lexing call. */
export function createMemoLexer(options: MarkedOptions): Lexer {
  const lexer = new Lexer(options);
  const stack: Memo[] = [];
  memos.set(lexer, stack);
  const withMemo = <A extends unknown[], R>(run: (...args: A) => R) => (...args: A): R => {
    stack.push(new Map());
    try {
      return run(...args);
    } finally {
      stack.pop();
    }
  };
  // marked's tokenizers and Lexer.lex call these through the instance: overriding them here covers
  // the nested calls too (list items, quotes, Lectern's containers).
  lexer.blockTokens = withMemo(lexer.blockTokens.bind(lexer)) as Lexer['blockTokens'];
  lexer.inlineTokens = withMemo(lexer.inlineTokens.bind(lexer)) as Lexer['inlineTokens'];
  return lexer;
}

/**
 * Index of the first match of `pattern` (not global, no look-behind, no `^`) in `src`, or -1.
 * With a memo lexer, `src` must be what marked passes to a `start` function.
 */
export function firstMatch(lexer: Lexer | undefined, pattern: RegExp, src: string): number {
  const memo = lexer === undefined ? undefined : memos.get(lexer)?.at(-1);
  const known = memo?.get(pattern) as number | undefined;
  if (known === NONE) return -1;
  // A match still ahead of (or at) the start of this suffix is its first match too.
  if (known !== undefined && known <= src.length) return src.length - known;
  const found = pattern.exec(src);
  memo?.set(pattern, found === null ? NONE : src.length - found.index);
  return found === null ? -1 : found.index;
}

/** How many lexing calls of `lexer` are open: the nesting depth of the container being lexed. */
export function lexingDepth(lexer: Lexer): number {
  return memos.get(lexer)?.length ?? 0;
}

/**
 * `compute()`, once per lexing call of `lexer`: the first caller's `src` must be the longest suffix
 * any later caller passes (true of what marked hands to tokenizers, in order).
 */
export function memoized<T>(lexer: Lexer | undefined, key: string, compute: () => T): T {
  const memo = lexer === undefined ? undefined : memos.get(lexer)?.at(-1);
  if (memo?.has(key) === true) return memo.get(key) as T;
  const value = compute();
  memo?.set(key, value);
  return value;
}

const UNDERLINE = /\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/;
/** A line of white space only: marked's `\n\s*?\n`, which no heading or paragraph runs across. */
const BLANK_LINE = /\n[^\S\n]*\n/;

/**
 * In front of marked's setext-heading tokenizer (`Title\n=====`): it matches text up to an
 * underline, and where none comes before the next blank line it scanned all that way for nothing,
 * before every paragraph — quadratic in a long stretch of short blocks with no blank line between
 * them (kramdown attribute lists under paragraphs). Returns undefined (no heading) when no
 * underline comes first, else false: marked's own tokenizer decides.
 */
export function setextGuard(this: { lexer: Lexer }, src: string): false | undefined {
  const underline = firstMatch(this.lexer, UNDERLINE, src);
  if (underline === -1) return undefined;
  const blank = firstMatch(this.lexer, BLANK_LINE, src);
  return blank !== -1 && blank < underline ? undefined : false;
}

/** Inline token lists that marked could not read (nested too deeply): they hold their text as written. */
const tooDeep = new WeakSet<readonly Token[]>();

/** Whether marked ran out of stack reading these inline tokens (see lexParts). */
export function inlineTooDeep(tokens: readonly Token[]): boolean {
  return tooDeep.has(tokens);
}

/**
 * Block tokens of each part, then the inline tokens of all (as Lexer.lex does, so references
 * resolve across parts). marked's inline reader recurses once per level of emphasis and links: a
 * run nested thousands deep overflows the stack, and is then kept as text (see inlineTooDeep).
 */
export function lexParts(lexer: Lexer, parts: readonly Part[]): Token[][] {
  const lexed = parts.map((part) => lexer.blockTokens(part.text, []));
  for (const next of lexer.inlineQueue) {
    // As Lexer.lex: an inline <pre> or <script> left open ends with the block that holds it.
    lexer.state.inRawBlock = false;
    try {
      lexer.inlineTokens(next.src, next.tokens);
    } catch (err) {
      if (!(err instanceof RangeError) || !/call stack/i.test(err.message)) throw err;
      lexer.state.inLink = false;
      next.tokens.length = 0;
      next.tokens.push({ type: 'text', raw: next.src, text: next.src });
      tooDeep.add(next.tokens);
    }
  }
  lexer.inlineQueue = [];
  return lexed;
}
