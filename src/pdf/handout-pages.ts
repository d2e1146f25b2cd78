/**
 * The handout's pagination, decided from what was measured (handout-measure.ts): pure arithmetic,
 * no page. Slides are never cut; a slide goes to the next page rather than stand at the foot of a
 * page without the first two lines of its notes; notes that do not fit go on to the next page,
 * cut between lines (two lines at least on each side of a cut) or between blocks, under a
 * "Slide n (continued)" label; in 3-up the last page takes rows from the page before until they are
 * even. Chromium's own fragmentation could not label continued notes, and cuts slides it has to.
 */
import type { HandoutLayout } from '../config.js';
import type { MeasuredBlock, MeasuredHandout } from './handout-measure.js';

/** What the pagination needs besides the measurements. */
export interface PageOptions {
  readonly layout: HandoutLayout;
  /** Height of a page's printable area, in CSS pixels, less a small safety margin. */
  readonly pageHeight: number;
  /** Least height of an entry (3up rows), as in the style sheet. */
  readonly minEntryHeight: number;
  /** Space after each entry, as in the style sheet. */
  readonly entryGap: number;
}

/** Lines `from` (inclusive) to `to` (exclusive) of a block of notes; a block without lines: 0 to 0. */
export interface PlannedPiece {
  readonly block: number;
  readonly from: number;
  readonly to: number;
}

/** What of one entry a page shows: its slide (and notes) or, continued, more of its notes. */
export interface PlannedPart {
  readonly entry: number;
  readonly slide: boolean;
  readonly pieces: readonly PlannedPiece[];
  /** Height it takes on the page. */
  readonly height: number;
}

/** Every page, and what the pagination had to do. */
export interface HandoutPlan {
  readonly pages: readonly (readonly PlannedPart[])[];
  /** Parts that continue an entry's notes from the page before. */
  readonly continued: number;
  /** Pieces taller than a page (a block that cannot be cut, such as a very tall table). */
  readonly overfull: number;
}

/** Lines a cut leaves on each side of it, at least. */
const MIN_LINES = 2;

/** Decide the pages of a measured handout. */
export function planHandoutPages(m: MeasuredHandout, o: PageOptions): HandoutPlan {
  const H = o.pageHeight;
  const pages: PlannedPart[][] = [[]];
  let y = 0;
  let continued = 0;
  let overfull = 0;
  const current = (): PlannedPart[] => pages[pages.length - 1] as PlannedPart[];
  const newPage = (): void => {
    if (current().length > 0) pages.push([]);
    y = 0;
  };
  m.entries.forEach((entry, e) => {
    const least = o.layout === '3up' ? o.minEntryHeight : 0;
    const queue: PlannedPiece[] = entry.blocks.map((b, i) => ({ block: i, from: 0, to: b.lines.length }));
    if (o.layout === 'notes') newPage();
    const first = queue[0];
    const firstNeed = first === undefined ? 0 : entry.notesTop + leastHead(entry.blocks[first.block] as MeasuredBlock, first);
    if (y > 0 && y + Math.max(entry.slideHeight, least, firstNeed) > H) newPage();
    let pieces: PlannedPiece[] = [];
    let slide = true;
    let top = y;
    let height = Math.max(entry.slideHeight, least);
    let notesY = y + entry.notesTop;
    while (queue.length > 0) {
      const piece = queue.shift() as PlannedPiece;
      const block = entry.blocks[piece.block] as MeasuredBlock;
      const h = pieceHeight(block, piece);
      const cut = notesY + h <= H ? undefined : cutAt(block, piece, H - notesY);
      if (notesY + h <= H || (cut === undefined && pieces.length === 0 && !slide)) {
        if (notesY + h > H) overfull += 1; // Taller than any page and not to be cut: it overflows wherever it goes.
        pieces.push(piece);
        height = Math.max(height, notesY + h - top);
        notesY += h + block.marginBottom;
        continue;
      }
      if (cut !== undefined) {
        pieces.push({ ...piece, to: cut });
        queue.unshift({ ...piece, from: cut });
      } else queue.unshift(piece);
      current().push({ entry: e, slide, pieces, height: H - top });
      newPage();
      continued += 1;
      [pieces, slide, top, height, notesY] = [[], false, 0, m.labelHeight, m.labelHeight];
    }
    current().push({ entry: e, slide, pieces, height });
    y = top + height + o.entryGap;
  });
  if (o.layout === '3up') balanceLastPage(pages, H, o.entryGap);
  return { pages, continued, overfull };
}

/** Height of lines `from`–`to` of a block, with the block's padding (a piece keeps it on both sides). */
export function pieceHeight(block: MeasuredBlock, piece: Pick<PlannedPiece, 'from' | 'to'>): number {
  const n = block.lines.length;
  if (n === 0 || (piece.from === 0 && piece.to >= n)) return block.height;
  const start = piece.from === 0 ? 0 : cutY(block, piece.from) - block.above;
  const end = piece.to >= n ? block.height : cutY(block, piece.to) + block.below;
  return end - start;
}

/** The middle of the gap between line `k - 1` and line `k`. */
function cutY(block: MeasuredBlock, k: number): number {
  const before = block.lines[k - 1];
  const after = block.lines[k];
  return before === undefined || after === undefined ? 0 : (before.bottom + after.top) / 2;
}

/** Where to cut `piece` so that its first part fits `room`: the line the rest starts with, or undefined. */
export function cutAt(block: MeasuredBlock, piece: PlannedPiece, room: number): number | undefined {
  let cut: number | undefined;
  for (let k = piece.from + MIN_LINES; k <= piece.to - MIN_LINES; k += 1) {
    if (pieceHeight(block, { from: piece.from, to: k }) > room) break;
    cut = k;
  }
  return cut;
}

/** The least of a block that may open a page's notes: two lines when it can be cut there, else all of it. */
function leastHead(block: MeasuredBlock, piece: PlannedPiece): number {
  const canCut = piece.to - piece.from >= 2 * MIN_LINES;
  return canCut ? pieceHeight(block, { from: piece.from, to: piece.from + MIN_LINES }) : pieceHeight(block, piece);
}

/** 3-up: the last page takes whole rows from the end of the page before until the two differ by one row at most. */
function balanceLastPage(pages: PlannedPart[][], pageHeight: number, gap: number): void {
  const last = pages[pages.length - 1];
  const before = pages[pages.length - 2];
  if (last === undefined || before === undefined) return;
  const height = (parts: readonly PlannedPart[]): number => parts.reduce((sum, p) => sum + p.height + gap, 0);
  while (last.length + 1 < before.length) {
    const moved = before[before.length - 1] as PlannedPart;
    const whole = moved.slide && ![...last, ...before].some((p) => p !== moved && p.entry === moved.entry);
    if (!whole || height(last) + moved.height + gap > pageHeight) return;
    last.unshift(before.pop() as PlannedPart);
  }
}
