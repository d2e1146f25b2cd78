/**
 * Tables (`table.lectern-table`: 0.75em, cells padded 0.3em 0.7em, a 1px rule under each row,
 * header cells at 600). Column widths follow CSS automatic table layout as browsers run it: each
 * column's min-content and max-content width; when the widest layout does not fit, every column
 * gets its minimum plus a share of the room left in proportion to how much wider it would like to
 * be. A word wider than its column stays whole in min-content (`overflow-wrap: break-word` does not
 * count there), so a table with a long URL is wider than the slide: `width` says so.
 */
import type { Block, Inline } from '../model.js';
import { withMargins, type FlowBox } from './flow.js';
import { lu, type Flow, floored } from './geometry.js';
import { breakLines, inlineSizes } from './lines.js';
import { contextMargins } from './margins.js';
import { inlineRuns, type InlineContext, type Run } from './runs.js';

/** A measured table: its box, and the width each column got. */
export interface TableBox extends FlowBox {
  readonly columns: readonly number[];
}

/** Column widths (padding included) for min/max-content widths and the room available. */
export function distributeColumns(min: readonly number[], max: readonly number[], available: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= available) return [...max];
  if (sumMin >= available || sumMax === sumMin) return [...min];
  const share = (available - sumMin) / (sumMax - sumMin);
  return min.map((m, i) => m + (max[i]! - m) * share);
}

/** A table in a flow (header row first, then the body rows). */
export function measureTable(block: Extract<Block, { type: 'table' }>, flow: Flow): TableBox {
  const t = flow.geometry.scale.table;
  const px = floored(flow.px * t.em, flow.geometry);
  const padX = lu(t.padXEm * px);
  const padY = t.padYEm * px;
  const base: InlineContext = { ...flow.inline, px };
  const head: InlineContext = { ...base, weight: Math.max(base.weight, t.headWeight) };
  const rows: Run[][][] = [];
  if (block.header.length > 0) rows.push(block.header.map((cell) => inlineRuns(cell, head)));
  for (const row of block.rows) rows.push(row.map((cell: readonly Inline[]) => inlineRuns(cell, base)));
  const count = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const min = new Array<number>(count).fill(2 * padX);
  const max = new Array<number>(count).fill(2 * padX);
  for (const row of rows) {
    row.forEach((runs, i) => {
      const sizes = inlineSizes(runs);
      min[i] = Math.max(min[i]!, sizes.min + 2 * padX);
      max[i] = Math.max(max[i]!, sizes.max + 2 * padX);
    });
  }
  const columns = distributeColumns(min, max, flow.width);
  const lineHeight = flow.lineHeight * px;
  let height = 0;
  let lines = 0;
  for (const row of rows) {
    let tallest = 0;
    row.forEach((runs, i) => {
      tallest = Math.max(tallest, breakLines(runs, columns[i]! - 2 * padX).lines);
    });
    height += tallest * lineHeight + 2 * padY + t.rulePx;
    lines += tallest;
  }
  const margins = contextMargins(flow, 'other');
  const box = { height, width: columns.reduce((a, b) => a + b, 0), lines };
  return { ...withMargins(box, margins.top, margins.bottom), columns };
}
