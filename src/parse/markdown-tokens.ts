/**
 * The tokens Lectern's marked extensions add to marked's own, and a helper that lexes the body of a
 * container (admonition, tab, MDX component) as Markdown in the same lexer, so reference links
 * defined anywhere in the article still resolve inside it.
 */
import type { Lexer, Token } from 'marked';
import { lexingDepth } from './lexer-memo.js';
import { MAX_NESTING } from './limits.js';

/** An HTML block kept whole, kramdown-style (blank and indented lines inside stay HTML). */
export type HtmlBlockToken = { type: 'lectern-html'; raw: string };

/** A callout: admonition, content tab or MDX component, with its body lexed as Markdown. */
export type CalloutToken = {
  type: 'lectern-callout';
  raw: string;
  kind: string;
  /** Inline tokens of the title, when one is written. */
  title?: Token[];
  /** The body as lexed (indentation removed, line count kept). */
  body: string;
  /** Lines from the token's first line to the body's first line. */
  bodyOffset: number;
  tokens: Token[];
};

/** An ATX heading with an explicit id (`## Title {#id}`), the id split off before inline lexing. */
export type HeadingIdToken = { type: 'lectern-heading'; raw: string; depth: number; id: string; tokens: Token[] };

/** Markdown nested in some syntax that adds nothing of its own (a definition body): its blocks, inline. */
export type GroupToken = { type: 'lectern-group'; raw: string; body: string; tokens: Token[] };

/** A definition (`:   text` under a term, PHP Markdown Extra / pymdownx def_list): its body as Markdown. */
export type DefinitionToken = { type: 'lectern-definition'; raw: string; body: string; tokens: Token[] };

/** Lectern's own token types. */
export type LecternToken = HtmlBlockToken | CalloutToken | HeadingIdToken | GroupToken | DefinitionToken | TooDeepToken;

/** A container's body nested deeper than MAX_NESTING, kept as text (its line gets a warning). */
export type TooDeepToken = { type: 'lectern-too-deep'; raw: string; text: string };

function lexBody(lexer: Lexer, body: string): Token[] {
  // Each level re-reads the text of the levels inside it: past MAX_NESTING (no slide shows that
  // deep) the rest is text, before the recursion costs quadratic time and then the stack.
  if (lexingDepth(lexer) > MAX_NESTING) {
    const token: TooDeepToken = { type: 'lectern-too-deep', raw: body, text: body };
    return [token];
  }
  const top = lexer.state.top;
  // A container's body is read like a document of its own: paragraphs, not tight-list text.
  lexer.state.top = true;
  const tokens = lexer.blockTokens(body, []);
  lexer.state.top = top;
  return tokens;
}

/** Builds a group token, lexing `body` (which starts on the token's first line) as Markdown. */
export function groupToken(lexer: Lexer, fields: { raw: string; body: string }): GroupToken {
  return { type: 'lectern-group', raw: fields.raw, body: fields.body, tokens: lexBody(lexer, fields.body) };
}

/** Builds a definition token, lexing `body` (which starts on the token's first line) as Markdown. */
export function definitionToken(lexer: Lexer, fields: { raw: string; body: string }): DefinitionToken {
  return { type: 'lectern-definition', raw: fields.raw, body: fields.body, tokens: lexBody(lexer, fields.body) };
}

/** Builds a callout token, lexing `body` as Markdown with the lexer that met the container. */
export function calloutToken(
  lexer: Lexer,
  fields: { raw: string; kind: string; title?: string; body: string; bodyOffset: number },
): CalloutToken {
  const tokens = lexBody(lexer, fields.body);
  const title = fields.title === undefined || fields.title.trim() === '' ? undefined : lexer.inline(fields.title.trim());
  const { raw, kind, body, bodyOffset } = fields;
  return { type: 'lectern-callout', raw, kind, ...(title === undefined ? {} : { title }), body, bodyOffset, tokens };
}
