/**
 * The composer: the units of one scope (a section, or sibling sections merged) become slides that
 * carry enough to speak to. Which units share a slide is chosen over the whole scope at once, like
 * lines of a paragraph are broken: every cut is tried (a slide holds a run of consecutive units),
 * each candidate slide is measured with the deck's fonts (layout-run.ts), and the cuts with the
 * lowest total cost win. A slide costs 1, plus a penalty when it is under-filled (a sparse slide),
 * over its word or point budget, or when its code had to be drawn smaller. A lead-in is never cut
 * from what it introduces; a statement stands on a slide of its own; a `break` directive cuts.
 */
import { isDiagramLanguage, type Block, type Inline, type Slide, type SlideKind } from '../model.js';
import { countWords, plainText } from '../text.js';
import { bodyGap, roomBelowTitle, type SlideGeometry } from '../layout/index.js';
import type { Budget, FitFactors } from './budget.js';
import { codePieces, codeSizes, maxRows } from './code.js';
import type { IdAllocator } from './ids.js';
import { RunMeasurer, type Item, type RunLayout } from './layout-run.js';
import { splitBlock } from './split.js';
import { scaleBudget } from './budget.js';
import type { PointUnit, ShownUnit, Unit } from './units.js';

/** What the composer turns into slides: a title, and the units under it. */
export interface Scope {
  readonly title: readonly Inline[];
  /** The id of the scope's first slide (its section's id). */
  readonly id: string;
  readonly line: number;
  /** Set on the first slide (PDF outline). */
  readonly heading?: Slide['heading'];
  readonly kicker?: Slide['kicker'];
  readonly aliases?: readonly string[];
  readonly units: readonly Unit[];
  /** Notes to put on the first slide (e.g. the headings of merged sections). */
  readonly notes?: readonly Block[];
}

/** What the composer needs besides the scope. */
export interface ComposeContext {
  readonly geometry: SlideGeometry;
  readonly budget: Budget;
  readonly ids: IdAllocator;
  /** A picture's natural size by `src` (null: missing, drawn as its alt text; undefined: unknown). */
  readonly imageSize?: (src: string) => { readonly width: number; readonly height: number } | null | undefined;
}

/** A slide is full enough to speak to from this share of the room below its title. */
export const TARGET_FILL = 0.45;
/** Most units one slide may take. */
const MAX_RUN = 14;
/** What cutting a lead-in from what it introduces costs: more than any other way to place them. */
const LONE_LEAD_IN = 500;
/** Cost of a continued slide holding a single point or paragraph (see slideCost). */
const LONE_UNIT = 2;

/** Slides for one scope (at least one). */
export function composeScope(scope: Scope, ctx: ComposeContext): Slide[] {
  const segments = segmentsOf(scope.units);
  const drafts: Draft[] = [];
  for (const segment of segments) {
    if (segment.kind === 'statement') drafts.push({ kind: 'statement', parts: [{ type: 'text', inlines: segment.block.inlines }], notes: [segment.block], line: segment.line, endLine: segment.line });
    else if (segment.kind === 'diagram') drafts.push(diagramDraft(segment));
    else drafts.push(...composeItems(segment.items, scope, ctx, drafts.length === 0));
  }
  // A heading with nothing under it: a divider, its heading drawn big (a statement).
  if (drafts.length === 0) drafts.push({ kind: 'statement', parts: [{ type: 'text', inlines: scope.title }], notes: [], line: scope.line, endLine: scope.line });
  const lead = [...(scope.notes ?? []), ...segments.flatMap((s) => (s.kind === 'items' ? s.leading : []))];
  if (lead.length > 0) drafts[0] = { ...drafts[0]!, notes: [...lead, ...drafts[0]!.notes] };
  return assemble(drafts, scope, ctx);
}

interface Draft {
  readonly kind: SlideKind;
  readonly parts: Slide['parts'];
  readonly notes: readonly Block[];
  readonly line: number;
  readonly endLine: number;
}

type Segment =
  | { readonly kind: 'items'; readonly items: Item[]; readonly leading: Block[] }
  | { readonly kind: 'statement'; readonly block: Extract<Block, { type: 'paragraph' }>; readonly line: number }
  /** A diagram (a code unit in a diagram language): a slide of its own, with the notes said around it. */
  | { readonly kind: 'diagram'; readonly unit: CodeUnit; readonly notes: Block[] };

type CodeUnit = Extract<Unit, { kind: 'code' }>;

/** A diagram's slide: its caption and drawing, the paragraph that introduced it and what follows in the notes. */
function diagramDraft(segment: Extract<Segment, { kind: 'diagram' }>): Draft {
  const { unit, notes } = segment;
  const code = unit.block;
  const lang = isDiagramLanguage(code.lang) ? code.lang : 'mermaid';
  const caption = unit.caption === undefined ? {} : { caption: unit.caption };
  return {
    kind: 'diagram',
    parts: [{ type: 'diagram', lang, code: code.code, line: code.line, ...caption }],
    notes,
    line: Math.min(unit.line, ...notes.map((b) => b.line)),
    endLine: Math.max(unit.line, code.line + code.code.split('\n').length + 1, ...notes.map((b) => b.line)),
  };
}

/** Units cut at breaks and statements; notes attached to the shown unit before them (or after, at the start). */
function segmentsOf(units: readonly Unit[]): Segment[] {
  const out: Segment[] = [];
  let current: { kind: 'items'; items: Item[]; leading: Block[] } = { kind: 'items', items: [], leading: [] };
  // Points kept off the screen, waiting for the next shown unit: a point may show them if its slide has room.
  let shelved: PointUnit[] = [];
  const flush = (): void => {
    if (current.items.length > 0 || current.leading.length > 0) out.push(current);
    current = { kind: 'items', items: [], leading: [] };
  };
  units.forEach((unit, index) => {
    const diagram = out[out.length - 1];
    // A paragraph that ends what a diagram shows (nothing else is shown after it before the next
    // break, statement or diagram) is said while the diagram shows, not put on a slide of its own.
    if (unit.kind === 'point' && diagram?.kind === 'diagram' && current.items.length === 0 && current.leading.length === 0 && nothingShownAfter(units, index)) {
      diagram.notes.push(...unit.notes);
      shelved = [];
      return;
    }
    switch (unit.kind) {
      case 'break':
        flush();
        shelved = [];
        break;
      case 'statement':
        flush();
        shelved = [];
        out.push({ kind: 'statement', block: unit.block, line: unit.line });
        break;
      case 'notes': {
        const last = current.items[current.items.length - 1];
        const before = out[out.length - 1];
        // What is said right after a diagram is said while it shows.
        if (last === undefined && current.leading.length === 0 && before?.kind === 'diagram') before.notes.push(...unit.blocks);
        else if (last === undefined) current.leading.push(...unit.blocks);
        else current.items[current.items.length - 1] = { ...last, notes: [...last.notes, ...unit.blocks] };
        // A point shelved right after a shown point (nothing else shown between them) comes back
        // after it on a slide with room; one shelved later waits for the next point (`before`).
        const held = current.items[current.items.length - 1];
        if (unit.shelved !== undefined && held?.unit.kind === 'point' && shelved.length === 0) current.items[current.items.length - 1] = { ...held, after: [...(held.after ?? []), unit.shelved] };
        else if (unit.shelved !== undefined) shelved.push(unit.shelved);
        break;
      }
      default:
        if (unit.kind === 'code' && isDiagramLanguage(unit.block.lang)) {
          flush();
          out.push({ kind: 'diagram', unit, notes: [...unit.notes] });
        } else current.items.push({ unit, notes: unit.notes, ...(unit.kind === 'point' && shelved.length > 0 ? { before: shelved } : {}) });
        shelved = [];
    }
  });
  flush();
  return out;
}

/** True when no unit after `index` shows anything before the next break, statement or diagram. */
function nothingShownAfter(units: readonly Unit[], index: number): boolean {
  for (const unit of units.slice(index + 1)) {
    if (unit.kind === 'break' || unit.kind === 'statement' || (unit.kind === 'code' && isDiagramLanguage(unit.block.lang))) return true;
    if (unit.kind !== 'notes') return false;
  }
  return true;
}

/** The slides of one run of items, cut where the total cost is lowest. */
function composeItems(given: readonly Item[], scope: Scope, ctx: ComposeContext, startsScope: boolean): Draft[] {
  if (given.length === 0) return [];
  const g = ctx.geometry;
  const rooms = roomsOf(scope, g);
  // A browser measurement of an earlier plan (`lectern check`) may have found a slide too full:
  // the slide that starts at the same article line is planned in less room.
  const tighter = ctx.budget.tighter;
  const items = fitAlone(given, rooms.later, ctx, tighter === undefined ? () => NO_HINT : hintedFactors(given, scope, ctx, startsScope, tighter));
  const room = (first: boolean, from: number): number => {
    const base = first && startsScope ? rooms.first : rooms.later;
    if (tighter === undefined) return base;
    const line = first && startsScope ? Math.min(scope.line, items[from]?.unit.line ?? scope.line) : (items[from]?.unit.line ?? scope.line);
    return base * tighter(line).height;
  };
  const measurer = new RunMeasurer(items, g, room, ctx.imageSize);
  const n = items.length;
  const best: { cost: number; from: number; layout?: RunLayout }[] = [{ cost: 0, from: -1 }];
  for (let j = 1; j <= n; j++) {
    best[j] = { cost: Infinity, from: -1 };
    // A lead-in stays with what it introduces: a slide ending right after one (unless nothing
    // follows) costs so much that it happens only when the two cannot share any slide.
    const cut = j < n && isLeadIn(items[j - 1]!.unit) ? LONE_LEAD_IN : 0;
    for (let i = j - 1; i >= Math.max(0, j - MAX_RUN); i--) {
      if (best[i]!.cost === Infinity) continue;
      const layout = measurer.layout(i, j, i === 0);
      if (!layout.fits && j - i > 1) break; // more units only make it taller
      const cost = best[i]!.cost + cut + slideCost(layout, items, i, j, ctx.budget, g);
      if (cost < best[j]!.cost) best[j] = { cost, from: i, layout };
    }
  }
  const runs: { from: number; to: number; layout: RunLayout }[] = [];
  for (let j = n; j > 0; j = best[j]!.from) {
    const step = best[j]!;
    if (step.layout === undefined || step.from < 0) throw new Error('composer: no way to cut the units into slides');
    runs.unshift({ from: step.from, to: j, layout: step.layout });
  }
  return runs.map((run) => {
    // A continued slide left holding one point alone shows more of it when it has more to show.
    const lone = run.to - run.from === 1 && n > 1 && hasMore(items[run.from]!);
    const { layout, expanded } = fillOut(measurer, run.from, run.to, run.from === 0, run.layout, lone);
    const slice = items.slice(run.from, run.to);
    const lines = slice.map((it) => it.unit.line);
    const notes = slice.flatMap((it) => it.notes);
    return {
      kind: slice.every((it) => it.unit.kind === 'code' || (it.unit.kind === 'text' && it.unit.leadIn)) ? 'code' : 'content',
      parts: measurer.parts(run.from, run.to, layout, expanded),
      notes,
      line: Math.min(...lines),
      endLine: Math.max(...lines, ...notes.map((b) => b.line)),
    };
  });
}

function isLeadIn(unit: ShownUnit): boolean {
  return unit.kind === 'text' && unit.leadIn;
}

/** The cost of one candidate slide (see the module comment). */
function slideCost(layout: RunLayout, items: readonly Item[], from: number, to: number, budget: Budget, g: SlideGeometry): number {
  if (!layout.fits) return 1000 + layout.body; // a unit too big even alone: still placed, alone
  let cost = 1;
  if (layout.fill < TARGET_FILL) cost += 8 * ((TARGET_FILL - layout.fill) / TARGET_FILL) ** 2;
  let points = 0;
  let words = 0;
  for (let i = from; i < to; i++) {
    if (items[i]!.unit.kind === 'point') points++;
    words += screenWords(items[i]!);
  }
  if (points > budget.maxPoints) cost += 2 * (points - budget.maxPoints);
  if (words > budget.maxWords) cost += (words - budget.maxWords) / 20;
  if (layout.codePx > 0) {
    const { theme, floor } = codeSizes(g);
    cost += (0.6 * (theme - layout.codePx)) / (theme - floor);
  }
  // A continued slide ("2/3") that holds one point or one paragraph alone is not balanced: the issue
  // asks that none holds a single sentence. Costly, not forbidden (a unit too big to share stays).
  if (to - from === 1 && !(from === 0 && to === items.length) && (items[from]!.unit.kind === 'point' || (items[from]!.unit.kind === 'text' && !isLeadIn(items[from]!.unit)))) cost += LONE_UNIT;
  return cost;
}

/** Words an item shows (counted once per item). */
function screenWords(item: Item): number {
  const unit = item.unit;
  if (unit.kind !== 'point' && unit.kind !== 'text') return 0;
  let words = wordCache.get(unit);
  if (words === undefined) {
    words = countWords(plainText(unit.inlines));
    wordCache.set(unit, words);
  }
  return words;
}

const wordCache = new WeakMap<ShownUnit, number>();

/**
 * A sparse slide shows more of its paragraphs: their next best sentences (and the points shelved
 * beside them), while they fit. So does a slide holding a single point (`lone`, drawn larger alone):
 * a continued slide ("2/3") of one sentence is not balanced, so it shows the rest when it fits
 * without making the slide sparse.
 */
function fillOut(measurer: RunMeasurer, from: number, to: number, first: boolean, layout: RunLayout, lone = false): { layout: RunLayout; expanded: Set<number> } {
  const expanded = new Set<number>();
  let current = layout;
  for (let i = from; i < to && (current.fill < TARGET_FILL || (lone && expanded.size === 0)); i++) {
    expanded.add(i);
    const next = measurer.layout(from, to, first, expanded);
    if (next.fits && (next.fill > current.fill || (lone && next.fill >= SPARSE_FILL))) current = next;
    else expanded.delete(i);
  }
  return { layout: current, expanded };
}

/** Under this share of the room below its title a slide is sparse (`lectern check` measures it in Chromium). */
export const SPARSE_FILL = 1 / 3;

/** A point that has more to show than its one sentence: next best sentences, or points shelved beside it. */
function hasMore(item: Item): boolean {
  return item.unit.kind === 'point' && (item.unit.shown.length > 1 || (item.before?.length ?? 0) > 0 || (item.after?.length ?? 0) > 0);
}

/**
 * The room below the title on the scope's first slide (with its kicker) and on the others, planned
 * as if every slide were marked continued ("(2/3)" may wrap a long title).
 */
function roomsOf(scope: Scope, g: SlideGeometry): { first: number; later: number } {
  const cached = roomCache.get(scope.title);
  if (cached !== undefined && cached.kicker === scope.kicker && cached.g === g) return cached.rooms;
  const rooms = measureRooms(scope, g);
  roomCache.set(scope.title, { kicker: scope.kicker, g, rooms });
  return rooms;
}

/** Rooms by title (the same title serves every run of a scope, and each of its segments). */
const roomCache = new WeakMap<readonly Inline[], { kicker: Scope['kicker']; g: SlideGeometry; rooms: { first: number; later: number } }>();

function measureRooms(scope: Scope, g: SlideGeometry): { first: number; later: number } {
  const continued = { index: 9, total: 9 };
  const kicker = scope.kicker === undefined ? {} : { kicker: scope.kicker };
  const first = Math.min(roomBelowTitle({ kind: 'content', title: scope.title, ...kicker }, g), roomBelowTitle({ kind: 'content', title: scope.title, continued, ...kicker }, g));
  return { first, later: roomBelowTitle({ kind: 'content', title: scope.title, continued }, g) };
}

const NO_HINT: FitFactors = { height: 1, width: 1 };

/**
 * Under fit hints, the factors for each given item: those of the slides that held it in the plan
 * without hints (the plan the browser measured is keyed by those slides' lines).
 */
function hintedFactors(given: readonly Item[], scope: Scope, ctx: ComposeContext, startsScope: boolean, tighter: NonNullable<Budget['tighter']>): (index: number) => FitFactors {
  const { tighter: _, ...plain } = ctx.budget;
  const starts = composeItems(given, scope, { ...ctx, budget: plain }, startsScope).map((d, k) => (k === 0 && startsScope ? Math.min(scope.line, d.line) : d.line));
  return (index) => {
    const line = given[index]!.unit.line;
    // The slide its first line falls in, and every slide starting at that line (pieces of it).
    const held = starts.filter((start, k) => start <= line && (k === starts.length - 1 || starts[k + 1]! >= line));
    const factors = (held.length > 0 ? held : [line]).map(tighter);
    return { height: Math.min(...factors.map((f) => f.height)), width: Math.min(...factors.map((f) => f.width)) };
  };
}

/**
 * Items each small enough for a slide of their own: oversized code and blocks cut into pieces.
 * Under a fit hint (`hint`: the factors of an item's slide) the room and width shrink with it, so a
 * slide the browser found overflowing is cut smaller when planned again.
 */
function fitAlone(items: readonly Item[], slideRoom: number, ctx: ComposeContext, hint: (index: number) => FitFactors): Item[] {
  const g = ctx.geometry;
  const out: Item[] = [];
  for (const [index, item] of items.entries()) {
    const unit = item.unit;
    const factors = hint(index);
    const full = slideRoom * factors.height;
    // A block after a lead-in shares its first slide with it: its pieces leave room for the lead-in.
    const before = items[index - 1];
    const room = before !== undefined && isLeadIn(before.unit) ? full - new RunMeasurer([before], g, () => full, ctx.imageSize).layout(0, 1, false).body - bodyGap(g) : full;
    if (unit.kind === 'code') {
      const caption = unit.caption === undefined ? 0 : 60;
      const pieces = codePieces(unit.block, g.contentWidth * factors.width, Math.min(ctx.budget.maxCodeLines, maxRows(room - caption - 8, g)), g);
      pieces.forEach((piece, k) => {
        const { highlight: _whole, ...rest } = unit.block;
        const block = { ...rest, code: piece.code, ...(piece.highlight === undefined ? {} : { highlight: piece.highlight }) };
        out.push({ unit: { ...unit, block }, notes: k === 0 ? item.notes : [], firstLine: piece.firstLine, ...(pieces.length > 1 ? { piece: true } : {}) });
      });
      continue;
    }
    if (unit.kind === 'block' && ['list', 'table', 'callout', 'quote'].includes(unit.block.type)) {
      const probe = new RunMeasurer([item], g, () => room, ctx.imageSize);
      if (factors.width < 1 || !probe.layout(0, 1, false).fits) {
        for (const [k, block] of piecesThatFit(unit.block, room, ctx, factors.width).entries()) out.push({ unit: { ...unit, block }, notes: k === 0 ? item.notes : [] });
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

/** A list, table, callout or quote cut at its own boundaries into pieces that each fit `room`. */
function piecesThatFit(block: Block, room: number, ctx: ComposeContext, hintedWidth = 1): Block[] {
  let factor = 1;
  let width = hintedWidth;
  let parts: Block[] = [block];
  for (let round = 0; round < 8; round++) {
    parts = splitBlock(block, scaleBudget(ctx.budget, { height: factor, width }));
    const laid = parts.map((b) => new RunMeasurer([{ unit: { kind: 'block', block: b, notes: [], line: b.line }, notes: [] }], ctx.geometry, () => room, ctx.imageSize).layout(0, 1, false));
    if (laid.every((l) => l.fits)) return parts;
    if (laid.some((l) => l.width > ctx.geometry.contentWidth + 1)) width *= 0.75;
    else factor *= 0.75;
  }
  return parts;
}

/** Slides from drafts: ids, the continued marks, and what the first slide carries. */
function assemble(drafts: readonly Draft[], scope: Scope, ctx: ComposeContext): Slide[] {
  const content = drafts.filter((d) => d.kind !== 'statement').length;
  let index = 0;
  return drafts.map((d, k) => {
    const continued = d.kind !== 'statement' && content > 1 ? { index: ++index, total: content } : undefined;
    const slide: Slide = {
      kind: d.kind,
      id: ctx.ids.next(k === 0 ? scope.id : `${scope.id}-${k + 1}`),
      title: scope.title,
      parts: d.parts,
      notes: d.notes,
      line: k === 0 ? Math.min(scope.line, d.line) : d.line,
      endLine: d.endLine,
      ...(continued ? { continued } : {}),
      ...(k === 0 && scope.heading ? { heading: scope.heading } : {}),
      ...(k === 0 && scope.kicker ? { kicker: scope.kicker } : {}),
      ...(k === 0 && scope.aliases && scope.aliases.length > 0 ? { aliases: scope.aliases } : {}),
    };
    return slide;
  });
}
