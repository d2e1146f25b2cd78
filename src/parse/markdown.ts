/**
 * Markdown → Flow through marked (GFM) and Lectern's block extensions. marked tokens carry no
 * positions, so a LineCursor follows each token list through the text it was lexed from.
 */
import { Marked, type Token, type Tokens } from 'marked';
import type { Block, Inline, ListItem } from '../model.js';
import { admonitionExtensions } from './admonitions.js';
import { isUnclosedFence, parseFenceInfo, unclosedFenceDiagnostic } from './fence.js';
import { calloutParts, toBlocks, type Flow, type FlowItem, type ParseContext } from './flow.js';
import { htmlToFlow } from './html.js';
import { soleImage } from './inline.js';
import { LineCursor } from './lines.js';
import { headingIdExtension, htmlBlockExtension } from './markdown-extensions.js';
import { markdownInlines } from './markdown-inline.js';
import type { CalloutToken, GroupToken, HeadingIdToken, HtmlBlockToken } from './markdown-tokens.js';

const marked = new Marked({
  gfm: true,
  extensions: [htmlBlockExtension, headingIdExtension, ...admonitionExtensions],
});

/** A Markdown body → Flow; `firstLine` is the file line of the body's first line. */
export function markdownToFlow(body: string, firstLine: number, ctx: ParseContext): Flow {
  return convertTokens(marked.lexer(body), body, firstLine, ctx);
}

function convertTokens(tokens: readonly Token[], text: string, firstLine: number, ctx: ParseContext): FlowItem[] {
  const cursor = new LineCursor(text, firstLine);
  return tokens.flatMap((token) => convertToken(token, cursor.take(token.raw), ctx));
}

function convertToken(token: Token, line: number, ctx: ParseContext): Flow {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return inlineBlock(markdownInlines((token as Tokens.Paragraph).tokens), line);
    case 'heading': {
      const heading = token as Tokens.Heading;
      return [{ type: 'heading', depth: heading.depth, inlines: markdownInlines(heading.tokens), line }];
    }
    case 'code':
      return [codeBlock(token as Tokens.Code, line, ctx)];
    case 'blockquote':
      return [quoteBlock(token as Tokens.Blockquote, line, ctx)];
    case 'list':
      return [listBlock(token as Tokens.List, line, ctx)];
    case 'table':
      return [tableBlock(token as Tokens.Table, line)];
    case 'hr':
      return [{ type: 'rule', line }];
    case 'html':
    case 'lectern-html':
      return htmlToFlow((token as Tokens.HTML | HtmlBlockToken).raw, line, ctx);
    case 'lectern-callout':
      return [calloutBlock(token as CalloutToken, line, ctx)];
    case 'lectern-group': {
      const group = token as GroupToken;
      return convertTokens(group.tokens, group.body, line, ctx);
    }
    case 'lectern-heading': {
      const heading = token as HeadingIdToken;
      return [{ type: 'heading', depth: heading.depth, inlines: markdownInlines(heading.tokens), id: heading.id, line }];
    }
    case 'space':
    case 'def':
    case 'checkbox':
      return [];
    default:
      // A token type this parser does not know: keep its source text rather than lose it.
      return token.raw.trim() === '' ? [] : [{ type: 'paragraph', line, inlines: [{ type: 'text', text: token.raw.trim() }] }];
  }
}

/** A paragraph, or an image block when the paragraph is nothing but an image. */
function inlineBlock(inlines: readonly Inline[], line: number): Block[] {
  if (inlines.length === 0) return [];
  const image = soleImage(inlines);
  if (image === undefined) return [{ type: 'paragraph', line, inlines }];
  return [{ type: 'image', line, src: image.src, alt: image.alt, ...(image.title === undefined ? {} : { title: image.title }) }];
}

function codeBlock(token: Tokens.Code, line: number, ctx: ParseContext): Block {
  if (token.codeBlockStyle === 'indented') return { type: 'code', line, code: token.text };
  if (isUnclosedFence(token.raw)) ctx.diagnostics.push(unclosedFenceDiagnostic(token.raw, ctx.file, line));
  return { type: 'code', line, ...parseFenceInfo(token.lang), code: token.text };
}

const ALERT = /^\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/** A blockquote, or a GitHub alert (`> [!NOTE]`) as a callout. */
function quoteBlock(token: Tokens.Blockquote, line: number, ctx: ParseContext): Block {
  const blocks = toBlocks(convertTokens(token.tokens, token.text, line, ctx));
  const alert = ALERT.exec(token.text);
  if (alert?.[1] === undefined) return { type: 'quote', line, blocks };
  return { type: 'callout', line, kind: alert[1].toLowerCase(), blocks: withoutAlertMarker(blocks) };
}

function withoutAlertMarker(blocks: readonly Block[]): Block[] {
  const [first, ...rest] = blocks;
  if (first?.type !== 'paragraph') return [...blocks];
  const [lead, ...inlines] = first.inlines;
  if (lead?.type !== 'text') return [...blocks];
  const text = lead.text.replace(/^\[![A-Za-z]+\]\s*/, '');
  const remaining: Inline[] = text === '' ? inlines : [{ type: 'text', text }, ...inlines];
  if (remaining[0]?.type === 'break') remaining.shift();
  return remaining.length === 0 ? rest : [{ ...first, inlines: remaining }, ...rest];
}

function listBlock(token: Tokens.List, line: number, ctx: ParseContext): Block {
  const cursor = new LineCursor(token.raw, line);
  const items = token.items.map((item) => listItem(item, cursor.take(item.raw), ctx));
  if (!token.ordered) return { type: 'list', line, ordered: false, items };
  return { type: 'list', line, ordered: true, start: token.start === '' ? 1 : token.start, items };
}

/** The item's first paragraph is its text; what follows are its blocks. */
function listItem(item: Tokens.ListItem, line: number, ctx: ParseContext): ListItem {
  const blocks = toBlocks(convertTokens(item.tokens, item.text, line, ctx));
  const first = blocks[0];
  const [inlines, rest] = first?.type === 'paragraph' ? [first.inlines, blocks.slice(1)] : [[], blocks];
  return item.task ? { inlines, blocks: rest, checked: item.checked === true } : { inlines, blocks: rest };
}

function tableBlock(token: Tokens.Table, line: number): Block {
  return {
    type: 'table',
    line,
    align: token.align,
    header: token.header.map((cell) => markdownInlines(cell.tokens)),
    rows: token.rows.map((row) => row.map((cell) => markdownInlines(cell.tokens))),
  };
}

function calloutBlock(token: CalloutToken, line: number, ctx: ParseContext): Block {
  const flow = convertTokens(token.tokens, token.body, line + token.bodyOffset, ctx);
  const title = token.title === undefined ? undefined : markdownInlines(token.title);
  const parts = calloutParts(title !== undefined && title.length === 0 ? undefined : title, flow);
  return { type: 'callout', line, kind: token.kind, ...parts };
}
