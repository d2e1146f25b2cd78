/**
 * Markdown definition lists (PHP Markdown Extra, pymdownx def_list): a term paragraph followed by
 * `:   definition` lines becomes a list of `term: definition` items, as an HTML `<dl>` does, so no
 * text is lost and no `:` marker is left on a slide.
 */
import type { Token, Tokens } from 'marked';
import type { Block, Inline, ListItem } from '../model.js';
import { toBlocks, type FlowItem } from './flow.js';
import { normalizeInlines } from './inline.js';
import { markdownInlines } from './markdown-inline.js';
import type { DefinitionToken } from './markdown-tokens.js';

/** Converts a definition's tokens (lexed from `text`, which starts at file line `line`) to a flow. */
export type ConvertBody = (tokens: readonly Token[], text: string, line: number) => FlowItem[];

/** A definition list read from tokens, and the index of the first token after it. */
export interface DefinitionRun {
  readonly block: Block;
  readonly next: number;
}

/** Index of the next token after `from` that is not blank space. */
function skipSpace(tokens: readonly Token[], from: number): number {
  let i = from;
  while (tokens[i]?.type === 'space') i++;
  return i;
}

/** Whether a term paragraph starts at `i`: a paragraph whose next non-blank token is a definition. */
function startsEntry(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.type === 'paragraph' && tokens[skipSpace(tokens, i + 1)]?.type === 'lectern-definition';
}

/** The definition list that starts at token `i`, or undefined when no term paragraph starts there. */
export function definitionRun(tokens: readonly Token[], lines: readonly number[], i: number, convert: ConvertBody): DefinitionRun | undefined {
  if (!startsEntry(tokens, i)) return undefined;
  const items: ListItem[] = [];
  let at = i;
  let next = i;
  while (startsEntry(tokens, at)) {
    const term = markdownInlines((tokens[at] as Tokens.Paragraph).tokens);
    const inlines: Inline[] = [...term];
    const blocks: Block[] = [];
    let d = skipSpace(tokens, at + 1);
    let defined = 0;
    while (tokens[d]?.type === 'lectern-definition') {
      const def = tokens[d] as DefinitionToken;
      const flow = toBlocks(convert(def.tokens, def.body, lines[d] ?? lines[i] ?? 1));
      const first = flow[0];
      const [lead, rest] = first?.type === 'paragraph' ? [first.inlines, flow.slice(1)] : [[], flow];
      if (lead.length > 0) inlines.push({ type: 'text', text: separator(inlines, defined) }, ...lead);
      blocks.push(...rest);
      defined++;
      next = d + 1;
      d = skipSpace(tokens, d + 1);
    }
    items.push({ inlines: normalizeInlines(inlines), blocks });
    at = skipSpace(tokens, next);
  }
  return { block: { type: 'list', line: lines[i] ?? 1, ordered: false, items }, next };
}

/** `: ` after the term, then `; ` between definitions (a space after one that ends a sentence). */
function separator(before: readonly Inline[], defined: number): string {
  if (before.length === 0) return '';
  if (defined === 0) return ': ';
  const last = before.at(-1);
  return last?.type === 'text' && /[.!?]$/.test(last.text) ? ' ' : '; ';
}
