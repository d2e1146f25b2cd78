/**
 * GFM footnotes in Markdown (marked has none built in): `[^label]` references and `[^label]: text`
 * definitions, with indented continuation paragraphs. A reference counts only when its label is
 * defined (else it stays text, as on GitHub); references are numbered in the order they are met,
 * and labels match case-insensitively. Definitions never become blocks of the article: the parser
 * hands them to the Article's `footnotes`, and the planner puts each in the notes of the slide
 * that cites it.
 */
import type { Lexer, Token, TokenizerExtension, TokenizerThis, Tokens } from 'marked';
import { firstMatch } from './lexer-memo.js';

/** The labels defined in one document, and the number each referenced one got. */
export interface FootnoteState {
  readonly defined: Set<string>;
  readonly numbers: Map<string, number>;
}

/** A definition: its body lexed as Markdown in the same lexer. */
export type FootnoteToken = {
  type: 'lectern-footnote';
  raw: string;
  label: string;
  body: string;
  tokens: Token[];
  /** The document's state: the definition's number is known once the inline pass has run. */
  state: FootnoteState;
};

/** A reference. */
export type FootnoteRefToken = { type: 'lectern-footnote-ref'; raw: string; label: string; number: number };

const states = new WeakMap<Lexer, FootnoteState>();

function stateOf(lexer: Lexer): FootnoteState {
  let state = states.get(lexer);
  if (state === undefined) states.set(lexer, (state = { defined: new Set(), numbers: new Map() }));
  return state;
}

/** The label as footnotes match it. */
export function footnoteKey(label: string): string {
  return label.trim().toLowerCase();
}

// The first line, its lazy continuation lines, then blank-line-separated paragraphs indented 4.
const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*((?:[^\n]*)(?:\n(?![ \t]*\n| {0,3}(?:\[\^[^\]\s]+\]:|#{1,6}[ \t]|>|```|~~~|[-*+][ \t]|\d{1,9}[.)][ \t]))[^\n]*)*)(?:\n|$)((?:(?:[ \t]*\n)*(?: {4}|\t)[^\n]*(?:\n|$))*)/;

function definition(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = DEFINITION.exec(src);
  if (match?.[1] === undefined) return undefined;
  const rest = (match[3] ?? '').replace(/\n+$/, '');
  const body = `${match[2] ?? ''}\n${rest.replace(/^(?: {4}|\t)/gm, '')}`;
  const state = stateOf(this.lexer);
  const label = footnoteKey(match[1]);
  state.defined.add(label);
  const top = this.lexer.state.top;
  this.lexer.state.top = true;
  const tokens = this.lexer.blockTokens(body, []);
  this.lexer.state.top = top;
  const token: FootnoteToken = { type: 'lectern-footnote', raw: match[0].replace(/\n+$/, '\n'), label, body, tokens, state };
  return token;
}

function reference(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = /^\[\^([^\]\s]+)\]/.exec(src);
  if (match?.[1] === undefined) return undefined;
  const state = stateOf(this.lexer);
  const label = footnoteKey(match[1]);
  if (!state.defined.has(label)) return undefined;
  let number = state.numbers.get(label);
  if (number === undefined) state.numbers.set(label, (number = state.numbers.size + 1));
  const token: FootnoteRefToken = { type: 'lectern-footnote-ref', raw: match[0], label, number };
  return token;
}

const DEFINITION_LINE = /\n {0,3}\[\^[^\]\s]+\]:/;
const REFERENCE = /\[\^/;

/** `[^label]: text` definitions. */
export const footnoteExtension: TokenizerExtension = {
  name: 'lecternFootnote',
  level: 'block',
  start(this: TokenizerThis, src: string) {
    if (/^ {0,3}\[\^[^\]\s]+\]:/.test(src)) return 0;
    // Through the lexer's memo: without it every paragraph's start scanned the rest of the article.
    const at = firstMatch(this.lexer, DEFINITION_LINE, src);
    return at === -1 ? undefined : at + 1;
  },
  tokenizer: definition,
};

/** `[^label]` references. */
export const footnoteRefExtension: TokenizerExtension = {
  name: 'lecternFootnoteRef',
  level: 'inline',
  start(this: TokenizerThis, src: string) {
    const at = firstMatch(this.lexer, REFERENCE, src);
    return at === -1 ? undefined : at;
  },
  tokenizer: reference,
};
