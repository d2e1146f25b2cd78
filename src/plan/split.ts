/**
 * Blocks too big for one slide, cut at their own boundaries: a list between items (an ordered list
 * keeps its numbering), a table between rows (each part repeats the header), a callout or quote
 * between the blocks inside it (each part keeps its kind and title), code inside them between
 * lines. Nothing is dropped or reworded; the parts are shown on continued slides, "(2/3)".
 */
import type { Block, ListItem } from '../model.js';
import { blockText, countWords, plainText } from '../text.js';
import { maxBlockWords, maxCodeColumns, maxContainerLines, maxListItems, type Budget } from './budget.js';
import { rowHighlights, splitLines, wrapLines } from './code.js';

type ListBlock = Extract<Block, { type: 'list' }>;
type TableBlock = Extract<Block, { type: 'table' }>;
type CodeBlock = Extract<Block, { type: 'code' }>;
type Container = Extract<Block, { type: 'callout' | 'quote' }>;

/** How much of a slide a piece takes: in lines of body text, and in words of prose. */
interface Size {
  readonly items: number;
  readonly words: number;
}

/** A line of code is about this share of a line of body text (smaller type, tighter leading). */
const CODE_LINE = 0.65;
/**
 * Code inside a callout is set in the callout's text size, not the smaller size of a code slide, so
 * fewer columns fit (measured: 142 columns spill at the fit pass's smallest type; 99 fit).
 */
const NESTED_CODE_WIDTH = 0.7;
/** Words of body text on one line of a slide. */
const WORDS_PER_LINE = 12;

/** The parts of a block that fit one slide each under `budget` (the block itself when it fits). */
export function splitBlock(block: Block, budget: Budget): Block[] {
  const maxItems = maxListItems(budget);
  const maxWords = maxBlockWords(budget);
  switch (block.type) {
    case 'list':
      return splitList(block, maxItems, maxWords);
    case 'table':
      return splitColumns(block, budget.fitWidth).flatMap((part) => splitTable(part, budget.maxTableRows * 2, maxWords));
    case 'callout':
    case 'quote':
      return splitContainer(wrapNestedCode(block, Math.floor(maxCodeColumns(budget) * NESTED_CODE_WIDTH)) as Container, maxContainerLines(budget), maxWords);
    default:
      return [block];
  }
}

/** Code inside a block with its over-long lines wrapped (the block itself when none is too long). */
function wrapNestedCode(block: Block, columns: number): Block {
  switch (block.type) {
    case 'code': {
      const lines = block.code.split('\n');
      const wrapped = wrapLines(lines, columns);
      return wrapped.length === lines.length ? block : { ...block, code: wrapped.join('\n') };
    }
    case 'callout':
    case 'quote':
      return { ...block, blocks: block.blocks.map((b) => wrapNestedCode(b, columns)) };
    default:
      return block;
  }
}

function splitList(block: ListBlock, maxItems: number, maxWords: number): Block[] {
  const groups = greedy(block.items, itemCount, maxItems, maxWords);
  if (groups.length <= 1) return [block];
  let offset = 0;
  return groups.map((items) => {
    const start = (block.start ?? 1) + offset;
    offset += items.length;
    const part: ListBlock = { ...block, items };
    // Each later part of an ordered list starts where the previous one stopped.
    return block.ordered && start !== 1 ? { ...part, start } : part;
  });
}

function splitTable(block: TableBlock, maxRows: number, maxWords: number): Block[] {
  const headerWords = countWords(block.header.map(plainText).join(' '));
  const rowSize = (row: TableBlock['rows'][number]): Size => ({ items: 1, words: countWords(row.map(plainText).join(' ')) });
  const groups = greedy(block.rows, rowSize, maxRows, Math.max(1, maxWords - headerWords));
  if (groups.length <= 1) return [block];
  return groups.map((rows) => ({ ...block, rows }));
}

/**
 * A table too wide for the slide (known only from a measurement: a width hint, `fitWidth` < 1) in
 * groups of columns, each repeating the first column, which names the row.
 */
function splitColumns(block: TableBlock, fitWidth: number): TableBlock[] {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  if (fitWidth >= 1 || columns <= 2) return [block];
  const perPart = Math.max(1, Math.floor((columns - 1) * fitWidth));
  if (perPart >= columns - 1) return [block];
  const parts: TableBlock[] = [];
  for (let start = 1; start < columns; start += perPart) {
    const pick = <T>(cells: readonly T[]): T[] => [cells[0]!, ...cells.slice(start, start + perPart)].filter((c) => c !== undefined);
    parts.push({ ...block, align: pick(block.align), header: block.header.length > 0 ? pick(block.header) : [], rows: block.rows.map(pick) });
  }
  return parts;
}

/** A callout or quote cut between its blocks; a block too big on its own is cut first. */
function splitContainer(block: Container, maxItems: number, maxWords: number): Block[] {
  const own = sizeOf(block);
  if (own.items <= maxItems && own.words <= maxWords) return [block];
  // One line goes to the callout's title on every part.
  const room = Math.max(1, maxItems - 1);
  const pieces = block.blocks.flatMap((child): Block[] => {
    const size = sizeOf(child);
    return size.items <= room && size.words <= maxWords ? [child] : splitInner(child, room, maxWords);
  });
  const groups = greedy(pieces, sizeOf, room, maxWords);
  if (groups.length <= 1) return [block];
  return groups.map((blocks) => ({ ...block, blocks }));
}

function splitInner(block: Block, maxItems: number, maxWords: number): Block[] {
  switch (block.type) {
    case 'callout':
    case 'quote':
      return splitContainer(block, maxItems, maxWords);
    case 'list':
      return splitList(block, maxItems, maxWords);
    case 'table':
      return splitTable(block, maxItems - 1, maxWords);
    case 'code':
      return splitCode(block, Math.max(3, Math.floor((maxItems - 1) / CODE_LINE)));
    default:
      return [block];
  }
}

function splitCode(block: CodeBlock, maxLines: number): Block[] {
  const lines = block.code.split('\n');
  if (lines.length <= maxLines) return [block];
  return splitLines(lines, maxLines).map((chunk) => {
    const { highlight: whole, ...rest } = block;
    const highlight = whole === undefined ? undefined : rowHighlights(whole, chunk.start, chunk.lines.length);
    return { ...rest, code: chunk.lines.join('\n'), ...(highlight === undefined ? {} : { highlight }) };
  });
}

/** The estimated size of a block on a slide (see Size). */
function sizeOf(block: Block): Size {
  switch (block.type) {
    case 'paragraph':
    case 'html':
      return prose(countWords(blockText(block)));
    case 'list':
      return block.items.reduce((s, i) => add(s, itemSize(i)), { items: 0, words: 0 });
    case 'code':
      return { items: Math.ceil(block.code.split('\n').length * CODE_LINE) + 1, words: 0 };
    case 'table':
      return { items: block.rows.length + 1, words: countWords(blockText(block)) };
    case 'image':
      return { items: 6, words: 0 };
    case 'math':
      return { items: 2 + (block.tex.match(/\\\\/g)?.length ?? 0), words: 0 };
    case 'quote':
    case 'callout':
      return block.blocks.reduce((s, b) => add(s, sizeOf(b)), { items: 1, words: 0 });
    default:
      return { items: 0, words: 0 };
  }
}

/** A list item as lists count it: one per item (nested ones too), and its words. */
function itemCount(item: ListItem): Size {
  let items = 1;
  for (const b of item.blocks) if (b.type === 'list') items += b.items.reduce((n, i) => n + itemCount(i).items, 0);
  return { items, words: countWords([plainText(item.inlines), ...item.blocks.map(blockText)].join(' ')) };
}

/** A list item inside a callout: its own lines and words, and its nested blocks'. */
function itemSize(item: ListItem): Size {
  const own = prose(countWords(plainText(item.inlines)));
  return item.blocks.reduce((s, b) => add(s, sizeOf(b)), own);
}

function prose(words: number): Size {
  return { items: Math.max(1, Math.ceil(words / WORDS_PER_LINE)), words };
}

function add(a: Size, b: Size): Size {
  return { items: a.items + b.items, words: a.words + b.words };
}

/** Cut `things` into runs that stay within both limits (a run always takes at least one). */
function greedy<T>(things: readonly T[], size: (t: T) => Size, maxItems: number, maxWords: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let items = 0;
  let words = 0;
  for (const thing of things) {
    const s = size(thing);
    if (current.length > 0 && (items + s.items > maxItems || words + s.words > maxWords)) {
      groups.push(current);
      current = [];
      items = 0;
      words = 0;
    }
    current.push(thing);
    items += s.items;
    words += s.words;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
