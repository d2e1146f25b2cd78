/**
 * Blocks that hold blocks: callouts (`div.lectern-callout`: 0.85em, padded, a coloured rule on
 * the left, a bold title) and quotes (`blockquote.lectern-quote`: italic, a rule on the left).
 */
import type { Block, Inline } from '../model.js';
import { measureBlock } from './blocks.js';
import { lastChild, stack, withMargins, type FlowBox } from './flow.js';
import { lu, scaled, type Flow } from './geometry.js';
import { contextMargins } from './list.js';
import { measureInlines } from './text.js';

/**
 * Kinds whose name is the title a callout shows when the article gives none; the same list as
 * render/blocks.ts (tests/unit/layout/blocks.test.ts renders one of each to keep them in step).
 */
const TITLED_KINDS: ReadonlySet<string> = new Set([
  'note', 'tip', 'hint', 'info', 'todo', 'important', 'warning', 'caution', 'attention', 'danger', 'error', 'success', 'check',
  'done', 'failure', 'fail', 'missing', 'bug', 'example', 'quote', 'cite', 'abstract', 'summary', 'tldr', 'question', 'help',
  'faq', 'seealso', 'pitfall', 'deprecated',
]);

/** The title line a callout shows: its own title, else its kind's name for the kinds sites title, else none. */
export function calloutTitle(block: Extract<Block, { type: 'callout' }>): readonly Inline[] | undefined {
  if (block.title !== undefined && block.title.length > 0) return block.title;
  if (!TITLED_KINDS.has(block.kind)) return undefined;
  return [{ type: 'text', text: block.kind.charAt(0).toUpperCase() + block.kind.slice(1) }];
}

/**
 * Measure child blocks. A callout drops its last child's own bottom margin (`> :last-child`), a
 * quote only a last paragraph's (`p:last-child`); a margin coming through from inside the last
 * child (a list's last item) stays, as in CSS.
 */
function children(blocks: readonly Block[], flow: Flow, lead: FlowBox[] = []): FlowBox[] {
  const boxes = [...lead];
  const kinds: string[] = lead.map(() => 'paragraph');
  for (const block of blocks) {
    const box = measureBlock(block, flow);
    if (box !== undefined) {
      boxes.push(box);
      kinds.push(block.type);
    }
  }
  const i = boxes.length - 1;
  if (i >= 0 && (flow.within === 'callout' || kinds[i] === 'paragraph')) boxes[i] = lastChild(boxes[i]!);
  return boxes;
}

/** A callout in a flow (its title, then its blocks, 0.35em apart). */
export function measureCallout(block: Extract<Block, { type: 'callout' }>, flow: Flow): FlowBox {
  const c = flow.geometry.scale.callout;
  const own = scaled(flow, c.em);
  const padX = lu(c.padXEm * own.px);
  const padY = c.padYEm * own.px;
  const border = lu(c.borderEm * own.px);
  const inner: Flow = { ...own, width: own.width - 2 * padX - border, lineHeight: flow.geometry.scale.lineHeight, within: 'callout' };
  const title = calloutTitle(block);
  const lead: FlowBox[] = [];
  if (title !== undefined) {
    const bold = { ...inner, inline: { ...inner.inline, weight: c.titleWeight } };
    lead.push(withMargins(measureInlines(title, bold, flow.geometry.scale.lineHeight), 0, c.childGapEm * inner.px));
  }
  const margins = contextMargins(flow, 'other', own.px);
  return stack(children(block.blocks, inner, lead), {
    top: padY,
    bottom: padY,
    marginTop: margins.top,
    marginBottom: margins.bottom,
    contain: true,
    sides: 2 * padX + border,
  });
}

/** A quote in a flow (italic, paragraphs 0.4em apart). */
export function measureQuote(block: Extract<Block, { type: 'quote' }>, flow: Flow): FlowBox {
  const q = flow.geometry.scale.quote;
  const padY = q.padYEm * flow.px;
  const left = lu(q.padLeftEm * flow.px) + lu(q.borderEm * flow.px);
  const inner: Flow = { ...flow, width: flow.width - left, within: 'quote', inline: { ...flow.inline, italic: true } };
  const margins = contextMargins(flow, 'other');
  return stack(children(block.blocks, inner), { top: padY, bottom: padY, marginTop: margins.top, marginBottom: margins.bottom, contain: true, sides: left });
}
