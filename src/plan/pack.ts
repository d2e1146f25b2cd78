/**
 * Second pass of the planner: pack units into slides within the budget. Points and blocks share a
 * slide until the point or word budget is spent; code, statements and images get slides of their own;
 * content that did not fit continues on the next slide, marked "(2/3)".
 */
import type { Block, Inline, Slide, SlideKind, SlidePart } from '../model.js';
import { plainText } from '../text.js';
import { scaleBudget, type Budget } from './budget.js';
import { planCodeParts } from './code.js';
import type { IdAllocator } from './ids.js';
import { splitBlock } from './split.js';
import type { Unit } from './units.js';


/** What the packer needs to know about the section it packs. */
export interface PackContext {
  readonly title: readonly Inline[];
  readonly id: string;
  readonly line: number;
  /** Heading level of the section (2 for h2); the first slide carries it for outlines. */
  readonly depth?: number;
  readonly budget: Budget;
  readonly ids: IdAllocator;
}

interface Draft {
  kind: SlideKind;
  parts: SlidePart[];
  notes: Block[];
  line: number;
  endLine: number;
  points: number;
  words: number;
  /** Slides of one run were cut from content that did not fit on one slide. */
  run: number;
  /** The budget of this slide: the section's, tightened by a fit hint for its line. */
  budget: Budget;
  /**
   * Lines whose fit hints apply: the slide's own line in the deck (what hints are keyed by), and
   * those of the slides it continues — content that overflowed stays tight on its continuations.
   */
  hinted: readonly number[];
}

/** Slides for the units of one section (at least one slide). */
export function packUnits(units: readonly Unit[], ctx: PackContext): Slide[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let pendingNotes: Block[] = [];
  let run = 0;
  // A slide's `line` is the section's for its first slide, else its first unit's (see finish).
  const slideLine = (line: number): number => (drafts.length === 0 ? Math.min(ctx.line, line) : line);
  const tighter = ctx.budget.tighter;
  const budgetAt = (...lines: number[]): Budget => {
    if (tighter === undefined) return ctx.budget;
    const factors = lines.map(tighter);
    return scaleBudget(ctx.budget, { height: Math.min(...factors.map((f) => f.height)), width: Math.min(...factors.map((f) => f.width)) });
  };
  const isTight = (f: { readonly height: number; readonly width: number }): boolean => f.height < 1 || f.width < 1;
  const open = (kind: SlideKind, line: number, sameRun = false): Draft => {
    if (!sameRun) run++;
    const previous = drafts[drafts.length - 1];
    // Only lines with a fit hint can tighten a continuation: carrying every line of the run, copied
    // anew for each slide, grew with the run (a 300,000-line code block: 13,000 slides, 90 million
    // entries, out of memory; 20,000 short paragraphs: quadratic).
    const own = slideLine(line);
    const carried = sameRun && previous !== undefined && tighter !== undefined ? previous.hinted.filter((l) => isTight(tighter(l))) : [];
    const hinted = carried.includes(own) ? carried : [...carried, own];
    const draft: Draft = { kind, parts: [], notes: pendingNotes, line, endLine: line, points: 0, words: 0, run, budget: budgetAt(...hinted), hinted };
    pendingNotes = [];
    drafts.push(draft);
    return draft;
  };
  for (const unit of units) {
    switch (unit.kind) {
      case 'break':
        current = undefined;
        break;
      case 'notes':
      case 'caption':
        if (current) current.notes.push(...(unit.kind === 'notes' ? unit.blocks : unit.notes));
        else pendingNotes.push(...(unit.kind === 'notes' ? unit.blocks : unit.notes));
        break;
      case 'code': {
        // The code slide's line: a lone point's that it absorbs, else its own; the section's when first.
        const candidate = current !== undefined && isLonePoint(current) ? current : undefined;
        const first = drafts.length === 0 || (candidate !== undefined && drafts.length === 1);
        const parts = planCodeParts(unit.block, unit.caption, budgetAt(unit.line, ...(candidate ? [candidate.line] : []), ...(first ? [ctx.line] : [])));
        // A lone key point right before short code (the lead of the paragraph that introduces it)
        // joins the code slide instead of standing on a slide of its own.
        const lone = current && parts.length === 1 && isLonePoint(current) && unit.block.code.split('\n').length <= LONE_POINT_CODE_LINES ? current : undefined;
        if (lone) drafts.splice(drafts.indexOf(lone), 1);
        parts.forEach((part, index) => {
          const slide = open('code', lone?.line ?? unit.line, index > 0);
          if (lone && index === 0) {
            const item = lone.parts[0]?.type === 'points' ? lone.parts[0].items[0] : undefined;
            if (item) slide.parts.push({ type: 'text', inlines: item });
            slide.notes.push(...lone.notes);
          }
          slide.parts.push(part);
          if (index === 0) slide.notes.push(...unit.notes);
        });
        current = undefined;
        break;
      }
      case 'statement': {
        const slide = open('statement', unit.line);
        slide.parts.push({ type: 'text', inlines: unit.block.inlines });
        slide.notes.push(unit.block);
        current = undefined;
        break;
      }
      default: {
        let shown = unit;
        if (unit.kind === 'block') {
          // A list, table or callout too big for one slide goes on slides of its own, in parts.
          // It may join the current slide, or start one: the hints of both apply.
          const parts = splitBlock(unit.block, budgetAt(slideLine(unit.line), unit.line, ...(current === undefined ? [] : current.hinted)));
          if (parts.length > 1) {
            parts.forEach((block, index) => {
              current = open('content', unit.line, index > 0 || current !== undefined);
              addToSlide(current, { ...unit, block, notes: index === 0 ? unit.notes : [] });
            });
            current = undefined;
            break;
          }
          shown = { ...unit, block: parts[0] ?? unit.block };
        }
        const weight = unit.kind === 'block' ? unit.weight : 1;
        const fits = current !== undefined && current.points + weight <= current.budget.maxPoints && current.words + unit.words <= current.budget.maxWords;
        const alone = unit.kind === 'block' && unit.alone;
        if (!current || !fits || alone || current.parts.some((p) => p.type === 'block' && p.block.type === 'image')) {
          const continues = current !== undefined && !alone;
          current = open('content', unit.line, continues);
        }
        addToSlide(current, shown);
      }
    }
  }
  if (pendingNotes.length > 0) {
    const last = drafts[drafts.length - 1];
    if (last) last.notes.push(...pendingNotes);
    else open('section', ctx.line).notes.push(...pendingNotes);
    pendingNotes = [];
  }
  if (drafts.length === 0) open('section', ctx.line);
  return finish(drafts, ctx);
}

/** Code at most this long leaves room for a lead sentence above it. */
const LONE_POINT_CODE_LINES = 12;

function isLonePoint(draft: Draft): boolean {
  const [part, ...rest] = draft.parts;
  return draft.kind === 'content' && rest.length === 0 && part?.type === 'points' && part.items.length === 1;
}

function addToSlide(draft: Draft, unit: Extract<Unit, { kind: 'point' | 'text' | 'block' }>): void {
  draft.endLine = Math.max(draft.endLine, unit.line);
  draft.words += unit.words;
  if (unit.kind === 'point') {
    draft.points += 1;
    draft.notes.push(...unit.notes);
    const last = draft.parts[draft.parts.length - 1];
    if (last?.type === 'points') draft.parts[draft.parts.length - 1] = { type: 'points', items: [...last.items, unit.inlines] };
    else draft.parts.push({ type: 'points', items: [unit.inlines] });
    return;
  }
  if (unit.kind === 'text') {
    draft.points += 2;
    draft.parts.push({ type: 'text', inlines: unit.inlines });
    return;
  }
  draft.points += unit.weight;
  draft.notes.push(...unit.notes);
  draft.parts.push({ type: 'block', block: unit.block });
}

function finish(drafts: readonly Draft[], ctx: PackContext): Slide[] {
  const runSizes = new Map<number, number>();
  for (const d of drafts) runSizes.set(d.run, (runSizes.get(d.run) ?? 0) + 1);
  const runIndex = new Map<number, number>();
  return drafts.map((d, i) => {
    const index = (runIndex.get(d.run) ?? 0) + 1;
    runIndex.set(d.run, index);
    const total = runSizes.get(d.run) ?? 1;
    const slide: Slide = {
      kind: d.kind,
      id: ctx.ids.next(i === 0 ? ctx.id : `${ctx.id}-${i + 1}`),
      title: ctx.title,
      parts: d.parts,
      notes: d.notes,
      line: i === 0 ? Math.min(ctx.line, d.line) : d.line,
      endLine: Math.max(d.endLine, ...d.notes.map((n) => n.line)),
      ...(total > 1 ? { continued: { index, total } } : {}),
      ...(i === 0 && ctx.depth !== undefined ? { heading: { level: ctx.depth, text: plainText(ctx.title) } } : {}),
    };
    return slide;
  });
}
