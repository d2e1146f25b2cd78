/**
 * kramdown (Jekyll's Markdown) attribute lists: `{: .note .info}` on a line of its own styles the
 * block next to it, `text{: .class}` a span, and `* TOC` + `{:toc}` asks for a table of contents.
 * They are markup, never words: block lists are tokenized and dropped (a note/warning class makes
 * the paragraph under it a callout, as the site's CSS shows it), span lists are removed from text.
 */
import type { Token, TokenizerExtension, TokenizerThis, Tokens } from 'marked';
import { firstMatch } from './lexer-memo.js';

/** A block attribute list on a line of its own. */
export type IalToken = { type: 'lectern-ial'; raw: string; classes: string[] };

/** The inside of an attribute list: `.class`, `#id`, `key="value"` or a reference name. */
const IAL_BODY = String.raw`(?:\s*(?:[.#][\w-]+|[A-Za-z_][\w-]*(?:=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))?))*\s*`;
const BLOCK_IAL = new RegExp(String.raw`^ {0,3}\{:${IAL_BODY}\}[ \t]*(?:\n|$)`);
const SPAN_IAL = new RegExp(String.raw`\{:${IAL_BODY}\}`, 'g');

function blockIal(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = BLOCK_IAL.exec(src);
  if (match === null) return undefined;
  const classes = [...match[0].matchAll(/\.([\w-]+)/g)].map((m) => (m[1] ?? '').toLowerCase());
  const token: IalToken = { type: 'lectern-ial', raw: match[0], classes };
  return token;
}

const IAL_LINE = /\n {0,3}\{:/;

/** Where a block attribute list line starts, so the paragraph above stops before it. */
function blockIalStart(this: TokenizerThis, src: string): number | undefined {
  const found = firstMatch(this.lexer, IAL_LINE, src);
  return found === -1 ? undefined : found + 1;
}

/** The block attribute list tokenizer. */
export const ialExtension: TokenizerExtension = { name: 'lecternIal', level: 'block', tokenizer: blockIal, start: blockIalStart };

/** Text without span attribute lists (`word{: .class}` → `word`). */
export function stripSpanIals(text: string): string {
  return text.includes('{:') ? text.replace(SPAN_IAL, '') : text;
}

/** Classes of an attribute list that mean "this paragraph is a callout", as Jekyll themes style them. */
const CALLOUT_CLASSES = ['note', 'info', 'tip', 'warning', 'danger', 'caution', 'important', 'alert', 'error', 'success'];

/** The callout kind an attribute list gives the paragraph under it, if any. */
export function ialCalloutKind(token: Token | undefined): string | undefined {
  if (token?.type !== 'lectern-ial') return undefined;
  return (token as IalToken).classes.find((c) => CALLOUT_CLASSES.includes(c));
}

/** Whether a list is kramdown's table-of-contents placeholder (`* TOC` then `{:toc}`). */
export function isTocPlaceholder(raw: string): boolean {
  return /\{:\s*\.?toc\s*\}\s*$/i.test(raw);
}
