/**
 * The parser's intermediate stream: blocks interleaved with headings, in document order.
 * Both the Markdown and the HTML converters produce a Flow; sections.ts folds it into an Article.
 */
import type { Block, Diagnostic, Inline } from '../model.js';

/** A heading met in the document: it starts a section when it is at the top level. */
export interface HeadingNode {
  readonly type: 'heading';
  readonly depth: number;
  readonly inlines: readonly Inline[];
  /** An explicit id (`{#id}`, `id="..."`), when the article gives one. */
  readonly id?: string;
  readonly line: number;
}

/** One item of the stream. */
export type FlowItem = Block | HeadingNode;

/** What a converter produces. */
export type Flow = readonly FlowItem[];

/** A footnote definition met by a converter, before numbering is final. */
export interface FootnoteDefinition {
  readonly label: string;
  /** The number its first reference got; 0 when nothing refers to it. */
  readonly number: number;
  readonly line: number;
  readonly blocks: readonly Block[];
}

/** Per-parse mutable state: the file for diagnostics and the lists they and footnotes are collected in. */
export interface ParseContext {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** Footnote definitions, in the order met (absent: a caller that does not want them keeps them as blocks). */
  readonly footnotes?: FootnoteDefinition[];
}

/**
 * Blocks for a nested context (callout, quote, list item), where a heading cannot start a section:
 * it is kept, as a bold paragraph, so its text is not lost.
 */
export function toBlocks(flow: Flow): Block[] {
  return flow.map((item): Block =>
    item.type === 'heading'
      ? { type: 'paragraph', line: item.line, inlines: [{ type: 'strong', children: item.inlines }] }
      : item,
  );
}

/**
 * A callout's title and body: when no title is given and the body opens with a heading, that
 * heading becomes the title (MDX `<Note>` often starts with `#### Title`).
 */
export function calloutParts(
  title: readonly Inline[] | undefined,
  flow: Flow,
): { title?: readonly Inline[]; blocks: Block[] } {
  const first = flow[0];
  if (title === undefined && first !== undefined && first.type === 'heading') {
    return { title: first.inlines, blocks: toBlocks(flow.slice(1)) };
  }
  return title === undefined ? { blocks: toBlocks(flow) } : { title, blocks: toBlocks(flow) };
}
