/**
 * Markdown → Flow through marked (GFM) and Lectern's block extensions. marked tokens carry no
 * positions, so a LineCursor follows each token list through the text it was lexed from.
 */
import { Marked, type Token, type Tokens } from 'marked';
import type { Block, Inline, ListItem } from '../model.js';
import { admonitionExtensions } from './admonitions.js';
import { clampHighlights, isUnclosedFence, parseFenceInfo, unclosedFenceDiagnostic } from './fence.js';
import { calloutParts, toBlocks, type Flow, type FlowItem, type ParseContext } from './flow.js';
import { htmlToFlow } from './html.js';
import { soleImage, soleMath } from './inline.js';
import { createMemoLexer, inlineTooDeep, lexParts, setextGuard } from './lexer-memo.js';
import { LineCursor } from './lines.js';
import { bangRunExtension, headingIdExtension, htmlBlockExtension } from './markdown-extensions.js';
import { markdownInlines } from './markdown-inline.js';
import { definitionRun, type ConvertBody } from './definitions.js';
import { ialCalloutKind, ialExtension, isTocPlaceholder } from './kramdown.js';
import { clampIndentation, MAX_NESTING } from './limits.js';
import { splitLongRuns } from './parts.js';
import { footnoteExtension, footnoteRefExtension, type FootnoteToken } from './footnotes.js';
import { mathBlockExtension, mathInlineExtension, type MathBlockToken, type MathInlineToken } from './math.js';
import type { CalloutToken, DefinitionToken, GroupToken, HeadingIdToken, HtmlBlockToken, TooDeepToken } from './markdown-tokens.js';

const marked = new Marked({
  gfm: true,
  extensions: [htmlBlockExtension, headingIdExtension, ialExtension, ...admonitionExtensions, mathBlockExtension, footnoteExtension, bangRunExtension, mathInlineExtension, footnoteRefExtension],
  tokenizer: { lheading: setextGuard },
});

/** A Markdown body → Flow; `firstLine` is the file line of the body's first line. */
export function markdownToFlow(body: string, firstLine: number, ctx: ParseContext): Flow {
  const clamped = clampIndentation(body, firstLine, ctx.file);
  if (clamped.diagnostic !== undefined) ctx.diagnostics.push(clamped.diagnostic);
  const { parts, diagnostic } = splitLongRuns(clamped.body, firstLine, ctx.file);
  if (diagnostic !== undefined) ctx.diagnostics.push(diagnostic);
  const lexed = lexParts(createMemoLexer(marked.defaults), parts);
  return parts.flatMap((part, i) => convertTokens(lexed[i] ?? [], part.text, part.firstLine, { ctx, nested: false }));
}

/** Where tokens sit: at the top of the document, or nested in a list, quote or callout. */
interface Place {
  readonly ctx: ParseContext;
  readonly nested: boolean;
}

function convertTokens(tokens: readonly Token[], text: string, firstLine: number, at: Place): FlowItem[] {
  const cursor = new LineCursor(text, firstLine);
  const lines = tokens.map((token) => cursor.take(token.raw));
  const convert: ConvertBody = (inner, innerText, line) => convertNested(inner, innerText, line, at);
  const out: FlowItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const definitions = definitionRun(tokens, lines, i, convert);
    if (definitions !== undefined) {
      out.push(definitions.block);
      i = definitions.next - 1;
      continue;
    }
    const kind = ialCalloutKind(tokens[i]);
    const next = tokens[i + 1];
    if (kind !== undefined && next?.type === 'paragraph') {
      // `{: .note}` over a paragraph: the site shows it as a note box.
      const line = lines[i + 1] ?? firstLine;
      out.push({ type: 'callout', line, kind, blocks: toBlocks(convertToken(next, line, at)) });
      i++;
      continue;
    }
    out.push(...convertToken(tokens[i] as Token, lines[i] ?? firstLine, at));
  }
  return out;
}

/** Tokens inside a container: the same context, nested. */
function convertNested(tokens: readonly Token[], text: string, firstLine: number, at: Place): FlowItem[] {
  return convertTokens(tokens, text, firstLine, { ctx: at.ctx, nested: true });
}

function convertToken(token: Token, line: number, at: Place): Flow {
  switch (token.type) {
    case 'paragraph':
    case 'text': {
      const tokens = (token as Tokens.Paragraph).tokens;
      // kramdown's `$$…$$` alone in its paragraph is display math (inside a sentence, inline).
      const only = tokens?.length === 1 ? (tokens[0] as Token) : undefined;
      if (only?.type === 'lectern-math-inline' && only.raw.startsWith('$$')) return [{ type: 'math', line, tex: (only as MathInlineToken).tex }];
      return inlineBlock(inlinesAt(tokens, line, at), line);
    }
    case 'heading': {
      const heading = token as Tokens.Heading;
      return [{ type: 'heading', depth: heading.depth, inlines: inlinesAt(heading.tokens, line, at), line }];
    }
    case 'code':
      return [codeBlock(token as Tokens.Code, line, at)];
    case 'blockquote':
      return [quoteBlock(token as Tokens.Blockquote, line, at)];
    case 'list':
      // kramdown's `* TOC` + `{:toc}` stands for a table of contents: the agenda slides are the deck's.
      return isTocPlaceholder(token.raw) ? [] : [listBlock(token as Tokens.List, line, at)];
    case 'table':
      return [tableBlock(token as Tokens.Table, line)];
    case 'hr':
      return [{ type: 'rule', line }];
    case 'html':
    case 'lectern-html':
      return htmlToFlow((token as Tokens.HTML | HtmlBlockToken).raw, line, at.ctx);
    case 'lectern-callout':
      return [calloutBlock(token as CalloutToken, line, at)];
    case 'lectern-math':
      return [{ type: 'math', line, tex: (token as MathBlockToken).tex }];
    case 'lectern-footnote':
      return footnoteDefinition(token as FootnoteToken, line, at);
    case 'lectern-group':
    case 'lectern-definition': {
      // A definition without a term above it: its blocks, as they are.
      const group = token as GroupToken | DefinitionToken;
      return convertNested(group.tokens, group.body, line, at);
    }
    case 'lectern-heading': {
      const heading = token as HeadingIdToken;
      return [{ type: 'heading', depth: heading.depth, inlines: inlinesAt(heading.tokens, line, at), id: heading.id, line }];
    }
    case 'lectern-too-deep':
      return tooDeepBlocks(token as TooDeepToken, line, at);
    case 'space':
    case 'def':
    case 'lectern-ial':
    case 'checkbox':
      return [];
    default:
      // A token type this parser does not know: keep its source text rather than lose it.
      return token.raw.trim() === '' ? [] : [{ type: 'paragraph', line, inlines: [{ type: 'text', text: token.raw.trim() }] }];
  }
}

/** A container body nested past MAX_NESTING, as one paragraph of its text, with a warning. */
function tooDeepBlocks(token: TooDeepToken, line: number, at: Place): Block[] {
  at.ctx.diagnostics.push({
    severity: 'warning',
    code: 'markdown-too-deep',
    message: `containers are nested more than ${MAX_NESTING} levels deep here: the deeper ones are shown as text`,
    file: at.ctx.file,
    line,
    hint: 'close the containers you open (an unclosed <Note>, ::: or <div markdown> nests everything after it)',
  });
  const text = token.text.trim();
  return text === '' ? [] : [{ type: 'paragraph', line, inlines: [{ type: 'text', text }] }];
}

/** Inlines of a paragraph or heading; a warning when they nest too deeply for marked to read. */
function inlinesAt(tokens: readonly Token[], line: number, at: Place): Inline[] {
  if (inlineTooDeep(tokens)) {
    at.ctx.diagnostics.push({
      severity: 'warning',
      code: 'markdown-too-deep',
      message: 'emphasis or links are nested too deeply here to be read: the text is shown as written',
      file: at.ctx.file,
      line,
      hint: 'close the * and [ you open, or escape them (\\*)',
    });
  }
  return markdownInlines(tokens);
}

/** A paragraph, or an image (or display math) block when the paragraph is nothing but that. */
function inlineBlock(inlines: readonly Inline[], line: number): Block[] {
  if (inlines.length === 0) return [];
  const math = soleMath(inlines, line);
  if (math !== undefined) return [math];
  const image = soleImage(inlines);
  if (image === undefined) return [{ type: 'paragraph', line, inlines }];
  // A Markdown image's title is what sites print under the picture: its caption.
  const title = image.title === undefined || image.title.trim() === '' ? undefined : image.title;
  return [{ type: 'image', line, src: image.src, alt: image.alt, ...(title === undefined ? {} : { title, caption: [{ type: 'text', text: title }] }) }];
}

function codeBlock(token: Tokens.Code, line: number, at: Place): Block {
  if (token.codeBlockStyle === 'indented') return { type: 'code', line, code: token.text };
  // Only at the top does an unclosed fence swallow the rest of the article; a container ends it.
  if (!at.nested && isUnclosedFence(token.raw)) at.ctx.diagnostics.push(unclosedFenceDiagnostic(token.raw, at.ctx.file, line));
  const { highlight, ...info } = parseFenceInfo(token.lang);
  // GitHub's and GitLab's ```math fence is display math.
  if (info.lang === 'math' && token.text.trim() !== '') return { type: 'math', line, tex: token.text.trim() };
  const lines = clampHighlights(highlight, token.text.split('\n').length);
  return { type: 'code', line, ...info, code: token.text, ...(lines === undefined ? {} : { highlight: lines }) };
}

const ALERT = /^\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/** A blockquote, or a GitHub alert (`> [!NOTE]`) as a callout. */
function quoteBlock(token: Tokens.Blockquote, line: number, at: Place): Block {
  const blocks = toBlocks(convertNested(token.tokens, token.text, line, at));
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

function listBlock(token: Tokens.List, line: number, at: Place): Block {
  const cursor = new LineCursor(token.raw, line);
  const items = token.items.map((item) => listItem(item, cursor.take(item.raw), at));
  if (!token.ordered) return { type: 'list', line, ordered: false, items };
  return { type: 'list', line, ordered: true, start: token.start === '' ? 1 : token.start, items };
}

/** The item's first paragraph is its text; what follows are its blocks. */
function listItem(item: Tokens.ListItem, line: number, at: Place): ListItem {
  const blocks = toBlocks(convertNested(item.tokens, item.text, line, at));
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

/** A footnote definition goes to the context's footnotes, not into the flow: it is never a point. */
function footnoteDefinition(token: FootnoteToken, line: number, at: Place): Flow {
  const blocks = toBlocks(convertNested(token.tokens, token.body, line, at));
  const number = token.state.numbers.get(token.label) ?? 0;
  if (at.ctx.footnotes === undefined) return blocks;
  at.ctx.footnotes.push({ label: token.label, number, line, blocks });
  return [];
}

function calloutBlock(token: CalloutToken, line: number, at: Place): Block {
  const flow = convertNested(token.tokens, token.body, line + token.bodyOffset, at);
  const title = token.title === undefined ? undefined : markdownInlines(token.title);
  const parts = calloutParts(title !== undefined && title.length === 0 ? undefined : title, flow);
  return { type: 'callout', line, kind: token.kind, ...parts };
}
