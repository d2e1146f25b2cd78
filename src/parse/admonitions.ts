/**
 * marked block extensions for admonitions and content tabs, each a callout whose body is Markdown:
 * MkDocs `!!! kind "Title"` / `??? kind` / `???+ kind` and content tabs `=== "Label"` (body indented
 * by four spaces), Docusaurus `:::kind[Title]` … `:::`, pymdownx blocks `/// kind | Title` … `///`.
 * Also definition bodies (`:   text`, PHP Markdown Extra / pymdownx def_list), read as Markdown so an
 * admonition inside one is still an admonition.
 */
import type { Lexer, TokenizerExtension, TokenizerThis, Tokens } from 'marked';
import { closingLine, type FenceKind } from './closers.js';
import { firstMatch } from './lexer-memo.js';
import { calloutToken, definitionToken } from './markdown-tokens.js';

/** Icon shortcodes (`:octicons-mark-github-16:`) in titles are pictures, not words. */
function cleanTitle(title: string | undefined): string | undefined {
  return title?.replace(/:(?:material|octicons|fontawesome|simple)-[\w-]+:/g, '').trim();
}

interface Body {
  readonly body: string;
  /** Index in the source just past the container. */
  readonly end: number;
}

/**
 * The lines after `start` that are blank or indented by 4 spaces (or a tab) more than the marker
 * line's own `indent`, dedented; trailing blanks excluded.
 */
function indentedBody(src: string, start: number, indent = 0): Body {
  const bodyIndent = new RegExp(`^ {${indent}}(?: {4}|\\t)`);
  const lines: string[] = [];
  let kept = 0;
  let end = start;
  for (let pos = start; pos < src.length; ) {
    const newline = src.indexOf('\n', pos);
    const lineEnd = newline === -1 ? src.length : newline + 1;
    const line = src.slice(pos, newline === -1 ? src.length : newline);
    if (line.trim() !== '' && !bodyIndent.test(line)) break;
    lines.push(line.replace(bodyIndent, ''));
    if (line.trim() !== '') {
      kept = lines.length;
      end = lineEnd;
    }
    pos = lineEnd;
  }
  return { body: lines.slice(0, kept).map((l) => (l.trim() === '' ? '' : l)).join('\n'), end };
}

/** The lines after `start` up to the closing marker line of a fenced container (see closers.ts). */
function fencedBody(lexer: Lexer, src: string, start: number, kind: FenceKind): Body | undefined {
  const close = closingLine(lexer, src, start, kind);
  return close === undefined ? undefined : { body: src.slice(start, close.start).replace(/\n$/, ''), end: close.end };
}

const DOCUSAURUS_LINES: FenceKind = { name: 'docusaurus', isOpen: /^ {0,3}:{3,}[ \t]*[A-Za-z]/, isClose: /^ {0,3}:{3,}[ \t]*$/ };
const PYMDOWNX_LINES: FenceKind = { name: 'pymdownx', isOpen: /^\/{3,}[ \t]*[A-Za-z]/, isClose: /^\/{3,}[ \t]*$/ };

const MKDOCS = /^( {0,3})(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+[A-Za-z][\w-]*)*(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;
const TAB = /^===[!+]?[ \t]+"([^"\n]*)"[ \t]*(?:\n|$)/;
const DOCUSAURUS = /^ {0,3}:{3,}[ \t]*([A-Za-z][\w-]*)(?:\[([^\]\n]*)\]|[ \t]+([^\n]*?))?[ \t]*(?:\n|$)/;
const PYMDOWNX = /^\/{3,}[ \t]*([A-Za-z][\w-]*)(?:[ \t]*\|[ \t]*([^\n]*?))?[ \t]*(?:\n|$)/;

function mkdocs(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = MKDOCS.exec(src);
  if (match?.[2] === undefined) return undefined;
  // Inside a list item marked leaves the marker where the item's text starts, up to 3 columns in.
  const { body, end } = indentedBody(src, match[0].length, match[1]?.length ?? 0);
  const title = cleanTitle(match[3]);
  return calloutToken(this.lexer, { raw: src.slice(0, Math.max(end, match[0].length)), kind: match[2].toLowerCase(), ...(title === undefined ? {} : { title }), body, bodyOffset: 1 });
}

function contentTab(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = TAB.exec(src);
  if (match?.[1] === undefined) return undefined;
  const { body, end } = indentedBody(src, match[0].length);
  const title = cleanTitle(match[1]) ?? '';
  return calloutToken(this.lexer, { raw: src.slice(0, Math.max(end, match[0].length)), kind: 'tab', title, body, bodyOffset: 1 });
}

function docusaurus(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = DOCUSAURUS.exec(src);
  if (match?.[1] === undefined) return undefined;
  const found = fencedBody(this.lexer, src, match[0].length, DOCUSAURUS_LINES);
  if (found === undefined) return undefined;
  const title = cleanTitle(match[2] ?? match[3]);
  return calloutToken(this.lexer, { raw: src.slice(0, found.end), kind: match[1].toLowerCase(), ...(title === undefined ? {} : { title }), body: found.body, bodyOffset: 1 });
}

function pymdownx(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = PYMDOWNX.exec(src);
  if (match?.[1] === undefined) return undefined;
  const found = fencedBody(this.lexer, src, match[0].length, PYMDOWNX_LINES);
  if (found === undefined) return undefined;
  const title = cleanTitle(match[2]);
  const { options, lines } = blockOptions(found.body);
  // `/// admonition | T` and `/// details | T` name their real kind in a `type:` option.
  const type = options.get('type');
  const kind = (type !== undefined && /^[A-Za-z][\w-]*$/.test(type) ? type : match[1]).toLowerCase();
  // The option lines are not content: blank them so the body keeps its line count.
  const body = '\n'.repeat(lines) + found.body.split('\n').slice(lines).join('\n');
  return calloutToken(this.lexer, { raw: src.slice(0, found.end), kind, ...(title === undefined ? {} : { title }), body, bodyOffset: 1 });
}

/** pymdownx block options: the indented `key: value` lines right under the header (YAML, read loosely). */
function blockOptions(body: string): { options: Map<string, string>; lines: number } {
  const options = new Map<string, string>();
  const lines = body.split('\n');
  let count = 0;
  for (const line of lines) {
    const option = /^(?: {4}|\t)([A-Za-z][\w-]*):[ \t]*(.*)$/.exec(line);
    if (option?.[1] === undefined) break;
    options.set(option[1].toLowerCase(), (option[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2'));
    count++;
  }
  return { options, lines: count };
}

const DEFINITION = /^:[ \t]{1,3}(?=\S)/;

function definition(this: TokenizerThis, src: string): Tokens.Generic | undefined {
  const match = DEFINITION.exec(src);
  if (match === null) return undefined;
  const newline = src.indexOf('\n');
  const firstLine = src.slice(match[0].length, newline === -1 ? src.length : newline);
  const rest = newline === -1 ? { body: '', end: src.length } : indentedBody(src, newline + 1);
  const end = Math.max(rest.end, newline === -1 ? src.length : newline + 1);
  const body = rest.body === '' ? firstLine : `${firstLine}\n${rest.body}`;
  return definitionToken(this.lexer, { raw: src.slice(0, end), body });
}

const DEFINITION_LINE = /\n:[ \t]{1,3}\S/;

/**
 * Where a definition line starts, so the term's paragraph stops before it (marked would otherwise
 * read `:   text` as a continuation line of the term). Index of the `:` in `src`.
 */
function definitionStart(this: TokenizerThis, src: string): number | undefined {
  // Only after a newline: marked passes the text from the paragraph's second character on.
  const found = firstMatch(this.lexer, DEFINITION_LINE, src);
  return found === -1 ? undefined : found + 1;
}

/** All admonition and tab tokenizers. */
export const admonitionExtensions: readonly TokenizerExtension[] = [
  { name: 'lecternMkdocs', level: 'block', tokenizer: mkdocs },
  { name: 'lecternTab', level: 'block', tokenizer: contentTab },
  { name: 'lecternDocusaurus', level: 'block', tokenizer: docusaurus },
  { name: 'lecternPymdownx', level: 'block', tokenizer: pymdownx },
  { name: 'lecternDefinition', level: 'block', tokenizer: definition, start: definitionStart },
];
