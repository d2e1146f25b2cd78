/**
 * marked block extensions for what real articles put in Markdown:
 * - kramdown-style HTML blocks: a block-level start tag runs to its balanced closing tag, so blank
 *   and indented lines inside stay HTML (CommonMark would end the block or make code of them);
 * - MDX components (`<Note>…</Note>`): their content is Markdown, they become callouts;
 * - headings with an explicit id (`## Title {#id}`).
 */
import type { Lexer, TokenizerExtension, TokenizerThis, Tokens } from 'marked';
import { splitHeadingId } from './ids.js';
import { closingTag } from './closers.js';
import { firstMatch } from './lexer-memo.js';
import { countNewlines } from './lines.js';
import { calloutToken, groupToken, type GroupToken, type HeadingIdToken, type HtmlBlockToken } from './markdown-tokens.js';

/** Tags that open a kramdown HTML block at the start of a line. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'section', 'div', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure', 'table', 'ul', 'ol',
  'p', 'pre', 'blockquote', 'details', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  // Embeds: CommonMark reads `<video …>…</video>` on one line as a paragraph, which would lose the player.
  'video', 'audio', 'object', 'iframe',
]);

const OPEN_TAG = /^ {0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/;

/** Index just past the `>` that ends the tag opened before `from` (quotes and JSX braces skipped). */
function endOfTag(src: string, from: number): number | undefined {
  let quote = '';
  let braces = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '{') braces++;
    else if (c === '}') braces = Math.max(0, braces - 1);
    else if (c === '>' && braces === 0) return i + 1;
    else if (c === '\n' && src[i + 1] === '\n') return undefined;
  }
  return undefined;
}

/** `end`, moved past the rest of its line when that rest is blank (and past the newline). */
function endOfLine(src: string, end: number, takeText: boolean): number {
  const newline = src.indexOf('\n', end);
  const lineEnd = newline === -1 ? src.length : newline + 1;
  return takeText || src.slice(end, lineEnd).trim() === '' ? lineEnd : end;
}

function titleAttribute(openTag: string): string | undefined {
  return /\stitle=(?:"([^"]*)"|'([^']*)')/.exec(openTag)?.slice(1).find((v) => v !== undefined);
}

function htmlBlock(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const open = OPEN_TAG.exec(src);
  const name = open?.[1];
  if (open === null || name === undefined) return undefined;
  const isHtmlTag = BLOCK_TAGS.has(name.toLowerCase()) && (name === name.toLowerCase() || name === name.toUpperCase());
  // A capitalised name that is not an HTML tag written in capitals (`<DIV>`) is an MDX component.
  const component = !isHtmlTag && /^[A-Z]/.test(name);
  if (!component && !isHtmlTag) return undefined;
  const tagEnd = endOfTag(src, open[0].length);
  if (tagEnd === undefined || src[tagEnd - 2] === '/') return undefined;
  const close = closingTag(this.lexer, src, open[0].length - name.length - 1, tagEnd, name, !component);
  if (close === undefined) return undefined;
  if (!component && MARKDOWN_ATTR.test(src.slice(0, tagEnd))) return markdownInHtml(this.lexer, src, tagEnd, close);
  if (!component) {
    const token: HtmlBlockToken = { type: 'lectern-html', raw: src.slice(0, endOfLine(src, close.end, true)) };
    return token;
  }
  return componentToken(this.lexer, src, { name, tagEnd, close });
}

/** Python-Markdown md_in_html / kramdown: `<div markdown>` (or `markdown="1"`, `"block"`) holds Markdown. */
const MARKDOWN_ATTR = /\smarkdown(?:\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1|block|span))?(?=[\s/>])/;

/** The element's content read as Markdown; the tags themselves show nothing. */
function markdownInHtml(lexer: Lexer, src: string, tagEnd: number, close: { start: number; end: number }): GroupToken {
  // The body starts on the token's first line: newlines inside the open tag are kept as blank lines.
  const body = '\n'.repeat(countNewlines(src, tagEnd)) + src.slice(tagEnd, close.start);
  return groupToken(lexer, { raw: src.slice(0, endOfLine(src, close.end, true)), body });
}

/** Components whose `type` attribute says what kind of callout they are. */
const GENERIC_COMPONENTS = /^(?:Callout|Admonition|Alert|Aside|Notice|Hint)$/;

/** An MDX component: a callout whose kind is the component's name, its content read as Markdown. */
function componentToken(
  lexer: Lexer,
  src: string,
  at: { name: string; tagEnd: number; close: { start: number; end: number } },
): Tokens.Generic {
  const raw = src.slice(0, endOfLine(src, at.close.end, false));
  const openTag = src.slice(0, at.tagEnd);
  const title = titleAttribute(openTag);
  // `<Callout type="warning">`, `<Admonition type="tip">`: the generic component names its kind.
  const type = GENERIC_COMPONENTS.test(at.name) ? /\stype=["']([A-Za-z][\w-]*)["']/.exec(openTag)?.[1] : undefined;
  return calloutToken(lexer, {
    raw,
    kind: (type ?? at.name).toLowerCase(),
    ...(title === undefined ? {} : { title }),
    body: src.slice(at.tagEnd, at.close.start),
    bodyOffset: countNewlines(src, at.tagEnd),
  });
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+([^\n]*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)/;

function headingWithId(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = ATX_HEADING.exec(src);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const { text, id } = splitHeadingId(match[2]);
  if (id === undefined) return undefined;
  const token: HeadingIdToken = { type: 'lectern-heading', raw: match[0], depth: match[1].length, id, tokens: this.lexer.inline(text.trim()) };
  return token;
}

/** The kramdown HTML block / MDX component tokenizer. */
export const htmlBlockExtension: TokenizerExtension = { name: 'lecternHtml', level: 'block', tokenizer: htmlBlock };

/** The `## Heading {#id}` tokenizer. */
export const headingIdExtension: TokenizerExtension = { name: 'lecternHeading', level: 'block', tokenizer: headingWithId };

const BANGS = /!!/;

// marked reads each `!` of a run as a token of its own and, for each, scans the rest of the run
// for an e-mail address: a long run of `!` takes quadratic time. A run is text, in one token.
function bangRun(src: string): Tokens.Generic | undefined {
  const run = /^!+(?=!\[)|^!{2,}/.exec(src)?.[0];
  return run === undefined ? undefined : { type: 'text', raw: run, text: run };
}

/** Runs of `!` as one text token (not before an image's own `!`). */
export const bangRunExtension: TokenizerExtension = {
  name: 'lecternBangs',
  level: 'inline',
  start(this: TokenizerThis, src: string) {
    const at = firstMatch(this.lexer, BANGS, src);
    return at === -1 ? undefined : at;
  },
  tokenizer: bangRun,
};
