/**
 * A list block (`ul.lectern-list`, `ol.lectern-list`) with nested blocks: 1.15em indent, items at
 * line height 1.3 with 0.3em between them, nested lists at 0.9em with 0.25em above (blocks.css).
 */
import type { Block, ListItem } from '../model.js';
import { measureBlock } from './blocks.js';
import { stack, withMargins, type FlowBox } from './flow.js';
import { lu, scaled, type Flow } from './geometry.js';
import { measureInlines } from './text.js';

/** The margins a block gets from what encloses it (blocks.css, and the browser's own for `pre`). */
export function contextMargins(flow: Flow, kind: 'p' | 'list' | 'pre' | 'other', px = flow.px): { top: number; bottom: number } {
  switch (flow.within) {
    case 'body':
      return { top: 0, bottom: 0 };
    case 'callout':
      return { top: 0, bottom: flow.geometry.scale.callout.childGapEm * px };
    case 'quote':
      if (kind === 'p') return { top: 0, bottom: flow.geometry.scale.quote.paragraphGapEm * px };
      return kind === 'pre' ? { top: px, bottom: px } : { top: 0, bottom: 0 };
    case 'item':
      if (kind === 'list') return { top: flow.geometry.scale.list.nestedMarginTopEm * px, bottom: 0 };
      return kind === 'pre' ? { top: px, bottom: px } : { top: 0, bottom: 0 };
  }
}

/** A list in a flow: its box and the margins it passes to its parent. */
export function measureList(block: Extract<Block, { type: 'list' }>, flow: Flow): FlowBox {
  const l = flow.geometry.scale.list;
  // A list inside a list item is drawn at 0.9em; its margins are in its own em.
  const own = flow.within === 'item' ? scaled(flow, l.nestedEm) : flow;
  const indent = lu(l.indentEm * own.px);
  const itemFlow: Flow = { ...own, width: own.width - indent, lineHeight: l.lineHeight, within: 'item' };
  const items = block.items.map((item, i) => measureItem(item, itemFlow, i === 0));
  const margins = contextMargins(flow, 'list', own.px);
  // In a slide body the list is a flex item: a new formatting context that keeps its items' margins.
  return stack(items, { top: 0, bottom: 0, marginTop: margins.top, marginBottom: margins.bottom, contain: flow.within === 'body', sides: indent });
}

function measureItem(item: ListItem, flow: Flow, first: boolean): FlowBox {
  const margin = flow.geometry.scale.list.itemMarginEm * flow.px;
  const parts: FlowBox[] = [];
  if (item.inlines.length > 0 || item.blocks.length === 0) {
    const text = measureInlines(item.inlines, flow);
    // An empty item still has its marker's line.
    parts.push(withMargins(text.lines === 0 ? { ...text, height: flow.lineHeight * flow.px, lines: 1 } : text, 0, 0));
  }
  for (const block of item.blocks) {
    const box = measureBlock(block, flow);
    if (box !== undefined) parts.push(box);
  }
  return stack(parts, { top: 0, bottom: 0, marginTop: first ? 0 : margin, marginBottom: margin, contain: false, sides: 0 });
}
