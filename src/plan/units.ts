/**
 * First pass of the planner: each block of a section becomes a unit — a key point with its paragraph
 * for the notes, a lead-in that must stay with what it introduces, a block shown as it is, a code
 * block with its caption, a statement, notes only, or a forced break. The composer (compose.ts)
 * then decides which units share a slide. Directives (`<!-- lectern: keep|hide|break|notes -->`)
 * act here.
 */
import type { Block, Inline, ListItem } from '../model.js';
import { blockText, countWords, plainText } from '../text.js';
import type { Budget } from './budget.js';
import { isAsideParagraph, judgeSentences, keyPoint, MAX_CANDIDATES } from './keypoint.js';
import { isLeadIn, isMetaSentence } from './sentence-features.js';
import { splitSentences } from './sentences.js';

type Paragraph = Extract<Block, { type: 'paragraph' }>;
type CodeBlock = Extract<Block, { type: 'code' }>;

/** One thing to place; the composer packs units into slides. */
export type Unit =
  /**
   * A key sentence shown as a point; `shown` is the point with the paragraph's next best sentences,
   * in the paragraph's order, for a slide with room to spare (each its own point).
   */
  | {
      readonly kind: 'point';
      readonly inlines: readonly Inline[];
      readonly shown: readonly (readonly Inline[])[];
      readonly notes: readonly Block[];
      readonly line: number;
      /** Its best sentence is still a meta sentence or a pointer ("See the docs for more."): said, not shown, when the section shows something else. */
      readonly weak?: boolean;
      /** How well its sentence stands alone (keypoint.ts), to choose among a section's points. */
      readonly score: number;
    }
  /** Text shown whole: an author's `keep`, or a lead-in (`leadIn`: it stays on the slide of the unit after it). */
  | { readonly kind: 'text'; readonly inlines: readonly Inline[]; readonly leadIn: boolean; readonly notes: readonly Block[]; readonly line: number }
  | { readonly kind: 'block'; readonly block: Block; readonly notes: readonly Block[]; readonly line: number }
  | { readonly kind: 'code'; readonly block: CodeBlock; readonly caption?: readonly Inline[]; readonly notes: readonly Block[]; readonly line: number }
  | { readonly kind: 'statement'; readonly block: Paragraph; readonly line: number }
  /** Said, not shown; `shelved`: a point kept off a busy slide, which a slide with room may show after all. */
  | { readonly kind: 'notes'; readonly blocks: readonly Block[]; readonly line: number; readonly shelved?: PointUnit }
  | { readonly kind: 'break'; readonly line: number };

/** A key point unit. */
export type PointUnit = Extract<Unit, { kind: 'point' }>;

/** A unit that shows something on a slide. */
export type ShownUnit = Extract<Unit, { kind: 'point' | 'text' | 'block' | 'code' }>;

/** The sentence that introduces the next code block, until it is merged into that code unit. */
type Caption = { readonly kind: 'caption'; readonly inlines: readonly Inline[]; readonly notes: readonly Block[]; readonly line: number };

/** Blocks a lead-in can introduce (it then shares their slide). */
const INTRODUCED: ReadonlySet<Block['type']> = new Set(['list', 'table', 'image', 'callout', 'quote', 'code', 'html', 'math']);

/** Blocks shown on a slide as they are, which a paragraph right after them may point back to ("This code…"). */
const SHOWN: ReadonlySet<Block['type']> = new Set(['code', 'image', 'list', 'table', 'quote', 'callout', 'math']);

/** Extra sentences a paragraph may show on a slide with room to spare. */
const MORE_SENTENCES = 2;

/**
 * Units for the blocks of one section, in order. `topic` is the heading the units will stand under:
 * key points are chosen to speak to it (see keypoint.ts).
 */
export function planUnits(blocks: readonly Block[], budget: Budget, topic = ''): Unit[] {
  const units: (Unit | Caption)[] = [];
  let keepNext = false;
  let hideNext = false;
  const contentBlocks = blocks.filter((b) => b.type !== 'directive').length;
  const asides = blocks.map((b) => b.type === 'paragraph' && isAsideParagraph(b.inlines));
  // Blocks that show something other than an aside: when there are some, asides go to the notes.
  const shownBlocks = blocks.filter((b, i) => b.type !== 'directive' && b.type !== 'rule' && !asides[i]).length;
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
    const next = nextShown(blocks, index);
    if (block.type === 'paragraph') {
      const keep = keepNext;
      keepNext = false;
      const introduces = next !== undefined && INTRODUCED.has(next.type) ? next.type : undefined;
      // An aside in italics or parentheses ("_This change is included in the codemod preset._") is
      // said, not shown, when the section has something else to show.
      if (!keep && introduces === undefined && asides[index] && shownBlocks > 0) {
        units.push({ kind: 'notes', blocks: [block], line: block.line });
        return;
      }
      const afterShown = index > 0 && SHOWN.has(blocks[index - 1]!.type);
      const trailing = next === undefined;
      units.push(...paragraphUnits(block, { keep, introduces, afterShown, trailing, last: trailing && contentBlocks >= 3, topic }, budget));
      return;
    }
    if (block.type === 'code') {
      units.push({ kind: 'code', block, notes: [], line: block.line });
      return;
    }
    units.push(blockUnit(block, budget, topic));
  });
  return keepBestPoints(sayWeakPoints(attachCaptions(units)), budget);
}

/**
 * In a section that shows code, a table or a picture, that is what the audience looks at: only its
 * best points stand beside it (`budget.pointsBesideCode`, ties to the earliest), the other
 * paragraphs are said from the notes.
 */
function keepBestPoints(units: readonly Unit[], budget: Budget): Unit[] {
  const shows = units.some((u) => u.kind === 'code' || (u.kind === 'block' && (u.block.type === 'table' || u.block.type === 'image' || u.block.type === 'html' || u.block.type === 'math')));
  const points = units.flatMap((u, i) => (u.kind === 'point' ? [{ i, score: u.score - i * 0.01 }] : []));
  if (!shows || points.length <= budget.pointsBesideCode) return [...units];
  const kept = new Set(points.sort((a, b) => b.score - a.score).slice(0, budget.pointsBesideCode).map((p) => p.i));
  return units.map((u, i) => (u.kind === 'point' && !kept.has(i) ? { kind: 'notes', blocks: u.notes, line: u.line, shelved: u } : u));
}

/**
 * A paragraph whose best sentence is a meta sentence or a pointer ("For a list of all codemods,
 * see the repo.") is said, not shown, when its section shows something else: its words stay in
 * the notes.
 */
function sayWeakPoints(units: readonly Unit[]): Unit[] {
  const strong = units.some((u) => u.kind !== 'notes' && u.kind !== 'break' && !(u.kind === 'point' && u.weak === true));
  if (!strong) return [...units];
  return units.map((u) => (u.kind === 'point' && u.weak === true ? { kind: 'notes', blocks: u.notes, line: u.line } : u));
}

/** The next block after `index` that is not a directive. */
function nextShown(blocks: readonly Block[], index: number): Block | undefined {
  for (let i = index + 1; i < blocks.length; i++) if (blocks[i]!.type !== 'directive') return blocks[i];
  return undefined;
}

/** Whether only directives follow the block at `index` (no copy of the rest: asked for every paragraph). */
function isLastContent(blocks: readonly Block[], index: number): boolean {
  for (let i = index + 1; i < blocks.length; i++) if (blocks[i]?.type !== 'directive') return false;
  return true;
}

interface ParagraphContext {
  readonly keep: boolean;
  /** The shown block right after the paragraph, when it can be introduced. */
  readonly introduces: Block['type'] | undefined;
  readonly afterShown: boolean;
  /** Nothing follows the paragraph in its section. */
  readonly trailing: boolean;
  readonly last: boolean;
  readonly topic: string;
}

function paragraphUnits(block: Paragraph, ctx: ParagraphContext, budget: Budget): (Unit | Caption)[] {
  const words = countWords(plainText(block.inlines));
  if (ctx.keep) return [{ kind: 'text', inlines: block.inlines, leadIn: false, notes: [], line: block.line }];
  const sentences = splitSentences(block.inlines, ctx.introduces === undefined && !ctx.trailing ? MAX_CANDIDATES : undefined);
  const lastSentence = sentences[sentences.length - 1] ?? block.inlines;
  if (ctx.trailing && introducesNext(plainText(lastSentence))) {
    // A lead-in with nothing after it in its section ("…numerous benefits, including:" before the
    // subsections it introduces) would stand alone on its slide: it is said, not shown.
    return sentences.length <= 1 ? [{ kind: 'notes', blocks: [block], line: block.line }] : [pointUnit(block, sentences, ctx, sentences.length - 1, [block])];
  }
  if (ctx.last && words <= budget.statementWords && !hasLinkOrCode(block.inlines)) {
    return [{ kind: 'statement', block, line: block.line }];
  }
  if (ctx.introduces === 'code') {
    if (sentences.length <= 1) {
      // The whole paragraph introduces the code: it becomes the caption; the code slide's notes keep it.
      return [{ kind: 'caption', inlines: lastSentence, notes: [block], line: block.line }];
    }
    // The last sentence captions the code; the point is chosen among the others.
    return [pointUnit(block, sentences, ctx, sentences.length - 1, [block]), { kind: 'caption', inlines: lastSentence, notes: [], line: block.line }];
  }
  if (ctx.introduces !== undefined && introducesNext(plainText(lastSentence))) {
    // "The options are:" stays with the list, table or picture it introduces, on the same slide.
    const leadIn: Unit = { kind: 'text', inlines: lastSentence, leadIn: true, notes: sentences.length <= 1 ? [block] : [], line: block.line };
    return sentences.length <= 1 ? [leadIn] : [pointUnit(block, sentences, ctx, sentences.length - 1, [block]), leadIn];
  }
  return [pointUnit(block, sentences, ctx, sentences.length, [block])];
}

/** A sentence that only makes sense with what comes after it: it ends in ":" or announces it. */
function introducesNext(text: string): boolean {
  return isLeadIn(text) || /\b(?:as follows|the following|below)\W*$/i.test(text) || (isMetaSentence(text) && /^(?:here(?:'s|’s| is| are)|below)\b/i.test(text.trim()));
}

/** The point of a paragraph among its first `candidates` sentences, with the next good ones for a sparse slide. */
function pointUnit(block: Paragraph, sentences: readonly (readonly Inline[])[], ctx: ParagraphContext, candidates: number, notes: readonly Block[]): Unit {
  const pool = sentences.slice(0, Math.min(candidates, MAX_CANDIDATES));
  // One judgement of the candidates serves the choice (as chooseKeyPoint makes it) and the extras.
  // A paragraph of one sentence is judged too: its score is what keepBestPoints weighs against the
  // other paragraphs' points, so it must be on the same scale (not 0 for being alone).
  const verdicts = pool.length > 0 ? judgeSentences(pool, ctx.topic, ctx.afterShown) : [];
  let chosen = 0;
  for (let i = 1; i < verdicts.length; i++) if (verdicts[i]!.score > verdicts[chosen]!.score) chosen = i;
  const inlines = sentences[chosen] ?? block.inlines;
  const extra = verdicts
    .map((v, i) => ({ v, i }))
    .filter(({ v, i }) => i !== chosen && v.flaws.length === 0)
    .sort((a, b) => b.v.score - a.v.score || a.i - b.i)
    .slice(0, MORE_SENTENCES)
    .map(({ i }) => i);
  const shown = [chosen, ...extra].sort((a, b) => a - b).map((i) => (i === chosen ? inlines : pool[i]!));
  const weak = isMetaSentence(plainText(inlines));
  const score = verdicts[chosen]?.score ?? 0;
  return { kind: 'point', inlines, shown, notes, line: block.line, score, ...(weak ? { weak } : {}) };
}

function hasLinkOrCode(inlines: readonly Inline[]): boolean {
  return inlines.some((n) => n.type === 'link' || n.type === 'code' || n.type === 'image' || ('children' in n && hasLinkOrCode(n.children)));
}

/** Merge each caption unit into the code unit that follows it. */
function attachCaptions(units: readonly (Unit | Caption)[]): Unit[] {
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

/** A non-paragraph block: on screen as the article has it, reduced to key points when it is prose. */
function blockUnit(block: Block, budget: Budget, topic: string): Unit {
  const words = countWords(blockText(block));
  switch (block.type) {
    case 'list': {
      const prose = block.items.some((i) => countWords(plainText(i.inlines)) > budget.maxItemWords);
      if (!prose) return { kind: 'block', block, notes: [], line: block.line };
      return { kind: 'block', block: { ...block, items: block.items.map((item) => pointOfItem(item, topic)) }, notes: [block], line: block.line };
    }
    case 'quote':
    case 'callout': {
      if (words <= budget.maxWords * 0.7) return { kind: 'block', block, notes: [], line: block.line };
      return { kind: 'block', block: { ...block, blocks: block.blocks.map((b) => pointOfBlock(b, topic)) }, notes: [block], line: block.line };
    }
    case 'html':
      // An embed (video, audio, iframe) is shown; other HTML keeps only its text, in the notes.
      if (MEDIA_HTML.test(block.html)) return { kind: 'block', block, notes: block.text.trim() ? [block] : [], line: block.line };
      return { kind: 'notes', blocks: block.text.trim() ? [block] : [], line: block.line };
    case 'rule':
      return { kind: 'notes', blocks: [], line: block.line };
    default:
      return { kind: 'block', block, notes: [], line: block.line };
  }
}

/** HTML that shows something a slide can play or frame. */
const MEDIA_HTML = /^<(?:video|audio|iframe)[\s>]/i;

/** A prose list item on screen: its key point, with its nested lists and code. */
function pointOfItem(item: ListItem, topic: string): ListItem {
  return { ...item, inlines: keyPoint(item.inlines, topic), blocks: item.blocks.filter((b) => b.type === 'list' || b.type === 'code') };
}

/** A paragraph of a long callout or quote on screen: its key point. */
function pointOfBlock(block: Block, topic: string): Block {
  if (block.type !== 'paragraph') return block;
  return { ...block, inlines: keyPoint(block.inlines, topic) };
}
