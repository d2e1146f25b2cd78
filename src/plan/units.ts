/**
 * First pass of the planner: each block of a section becomes a unit — a key point with its paragraph
 * for the notes, a block shown as it is, a code block with its caption, a statement, notes only, or a
 * forced break. Directives (`<!-- lectern: keep|hide|break|notes -->`) act here.
 */
import type { Block, Inline, ListItem } from '../model.js';
import { blockText, countWords, plainText } from '../text.js';
import type { Budget } from './budget.js';
import { splitSentences } from './sentences.js';

type Paragraph = Extract<Block, { type: 'paragraph' }>;

/** One thing to place: the grouping pass packs units into slides. */
export type Unit =
  | { readonly kind: 'point'; readonly inlines: readonly Inline[]; readonly notes: readonly Block[]; readonly words: number; readonly line: number }
  | { readonly kind: 'text'; readonly inlines: readonly Inline[]; readonly words: number; readonly line: number }
  | { readonly kind: 'block'; readonly block: Block; readonly notes: readonly Block[]; readonly words: number; readonly weight: number; readonly line: number; readonly alone: boolean }
  | { readonly kind: 'code'; readonly block: Extract<Block, { type: 'code' }>; readonly caption?: readonly Inline[]; readonly notes: readonly Block[]; readonly line: number }
  | { readonly kind: 'statement'; readonly block: Paragraph; readonly line: number }
  | { readonly kind: 'notes'; readonly blocks: readonly Block[]; readonly line: number }
  /** The sentence that introduces the next code block; merged into that code unit. */
  | { readonly kind: 'caption'; readonly inlines: readonly Inline[]; readonly notes: readonly Block[]; readonly line: number }
  | { readonly kind: 'break'; readonly line: number };

/** Units for the blocks of one section, in order. */
export function planUnits(blocks: readonly Block[], budget: Budget): Unit[] {
  const units: Unit[] = [];
  let keepNext = false;
  let hideNext = false;
  const contentBlocks = blocks.filter((b) => b.type !== 'directive').length;
  blocks.forEach((block, index) => {
    if (block.type === 'directive') {
      if (block.name === 'break') units.push({ kind: 'break', line: block.line });
      else if (block.name === 'keep') keepNext = true;
      else if (block.name === 'hide') hideNext = true;
      else if (block.text) units.push({ kind: 'notes', blocks: [{ type: 'paragraph', line: block.line, inlines: [{ type: 'text', text: block.text }] }], line: block.line });
      return;
    }
    if (hideNext) {
      hideNext = false;
      units.push({ kind: 'notes', blocks: [block], line: block.line });
      return;
    }
    const next = blocks[index + 1];
    if (block.type === 'paragraph') {
      const keep = keepNext;
      keepNext = false;
      units.push(...paragraphUnits(block, { keep, beforeCode: next?.type === 'code', last: isLastContent(blocks, index) && contentBlocks >= 3 }, budget));
      return;
    }
    if (block.type === 'code') {
      units.push({ kind: 'code', block, notes: [], line: block.line });
      return;
    }
    units.push(blockUnit(block, budget));
  });
  return attachCaptions(units);
}

/** Whether only directives follow the block at `index` (no copy of the rest: asked for every paragraph). */
function isLastContent(blocks: readonly Block[], index: number): boolean {
  for (let i = index + 1; i < blocks.length; i++) if (blocks[i]?.type !== 'directive') return false;
  return true;
}

interface ParagraphContext {
  readonly keep: boolean;
  readonly beforeCode: boolean;
  readonly last: boolean;
}

function paragraphUnits(block: Paragraph, ctx: ParagraphContext, budget: Budget): Unit[] {
  const words = countWords(plainText(block.inlines));
  if (ctx.keep) return [{ kind: 'text', inlines: block.inlines, words, line: block.line }];
  if (ctx.last && words <= budget.statementWords && !hasLinkOrCode(block.inlines)) {
    return [{ kind: 'statement', block, line: block.line }];
  }
  const sentences = splitSentences(block.inlines);
  const lead = sentences[0] ?? block.inlines;
  if (ctx.beforeCode) {
    const caption = sentences[sentences.length - 1] ?? block.inlines;
    if (sentences.length <= 1) {
      // The whole paragraph introduces the code: it becomes the caption; the code slide's notes keep it.
      return [{ kind: 'caption', inlines: caption, notes: [block], line: block.line }];
    }
    return [
      { kind: 'point', inlines: lead, notes: [block], words: countWords(plainText(lead)), line: block.line },
      { kind: 'caption', inlines: caption, notes: [], line: block.line },
    ];
  }
  return [{ kind: 'point', inlines: lead, notes: [block], words: countWords(plainText(lead)), line: block.line }];
}

function hasLinkOrCode(inlines: readonly Inline[]): boolean {
  return inlines.some((n) => n.type === 'link' || n.type === 'code' || n.type === 'image' || ('children' in n && hasLinkOrCode(n.children)));
}

/** Merge each caption unit into the code unit that follows it. */
function attachCaptions(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const code = units[i + 1];
    if (unit.kind === 'caption' && code?.kind === 'code') {
      out.push({ ...code, caption: unit.inlines, notes: [...unit.notes, ...code.notes] });
      i++;
    } else if (unit.kind === 'caption') {
      if (unit.notes.length > 0) out.push({ kind: 'notes', blocks: unit.notes, line: unit.line });
    } else out.push(unit);
  }
  return out;
}

/** A non-paragraph block: on screen as the article has it, reduced to lead sentences when it is prose. */
function blockUnit(block: Block, budget: Budget): Unit {
  const words = countWords(blockText(block));
  const base = { kind: 'block' as const, line: block.line, words, alone: false };
  switch (block.type) {
    case 'list': {
      const prose = block.items.some((i) => countWords(plainText(i.inlines)) > budget.maxItemWords);
      if (!prose) return { ...base, block, notes: [], weight: countItems(block.items) };
      const shown: Block = { ...block, items: block.items.map(leadOfItem) };
      return { ...base, block: shown, notes: [block], words: countWords(blockText(shown)), weight: countItems(block.items) };
    }
    case 'table':
      return { ...base, block, notes: [], weight: block.rows.length + 1 };
    case 'image':
      return { ...base, block, notes: [], weight: budget.maxPoints, alone: true };
    case 'quote':
    case 'callout': {
      if (words <= budget.maxWords * 0.7) return { ...base, block, notes: [], weight: 2 };
      const shown: Block = { ...block, blocks: block.blocks.map(leadOfBlock) };
      return { ...base, block: shown, notes: [block], words: countWords(blockText(shown)), weight: 3 };
    }
    case 'html':
      // An embed (video, audio, iframe) is shown on a slide of its own; other HTML keeps only its text, in the notes.
      if (MEDIA_HTML.test(block.html)) return { ...base, block, notes: block.text.trim() ? [block] : [], weight: budget.maxPoints, alone: true };
      return { kind: 'notes', blocks: block.text.trim() ? [block] : [], line: block.line };
    case 'rule':
      return { kind: 'notes', blocks: [], line: block.line };
    default:
      return { ...base, block, notes: [], weight: 1 };
  }
}

/** HTML that shows something a slide can play or frame. */
const MEDIA_HTML = /^<(?:video|audio|iframe)[\s>]/i;

function countItems(items: readonly ListItem[]): number {
  return items.reduce((n, item) => n + 1 + item.blocks.filter((b) => b.type === 'list').length, 0);
}

function leadOfItem(item: ListItem): ListItem {
  const lead = splitSentences(item.inlines)[0] ?? item.inlines;
  return { ...item, inlines: lead, blocks: item.blocks.filter((b) => b.type === 'list' || b.type === 'code') };
}

function leadOfBlock(block: Block): Block {
  if (block.type !== 'paragraph') return block;
  return { ...block, inlines: splitSentences(block.inlines)[0] ?? block.inlines };
}
