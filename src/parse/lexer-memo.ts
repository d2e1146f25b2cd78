/**
 * A marked Lexer whose extensions' `start` functions stay linear. marked asks every `start`
 * function, before each paragraph (block) or text run (inline), where the next extension could
 * start in the whole rest of the text; a plain regex search there rescans the rest each time, so
 * an article of many short paragraphs took quadratic time (a 1 MB article: 3 s; 10 MB: minutes).
 *
 * Within one `blockTokens`/`inlineTokens` call marked only ever hands out suffixes of the same
 * string, so the first match found from one position stays the first match from any later
 * position before it: `firstMatch` remembers it, per call (nested calls lex other strings and get
 * their own memo), as a distance from the end of the string.
 */
import { Lexer, type MarkedOptions } from 'marked';

/** Per call of blockTokens/inlineTokens: pattern → distance of its first match from the end (NONE: no match). */
type Memo = Map<RegExp, number>;

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
  const known = memo?.get(pattern);
  if (known === NONE) return -1;
  // A match still ahead of (or at) the start of this suffix is its first match too.
  if (known !== undefined && known <= src.length) return src.length - known;
  const found = pattern.exec(src);
  memo?.set(pattern, found === null ? NONE : src.length - found.index);
  return found === null ? -1 : found.index;
}
