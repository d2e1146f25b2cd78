/**
 * Inline content (the model's Inline[]) → styled runs of text, as the deck's CSS styles them:
 * `strong` is 700, `em` italic, inline `code` JetBrains Mono (smaller and padded in a slide body,
 * at the heading's size in a title), links and `del` keep the text's style.
 */
import type { Inline } from '../model.js';
import { faceKeyFor, type FaceKey } from './fonts.js';
import { lu } from './geometry.js';
import type { InlineContext, Run, TextStyle } from './run-types.js';
import { KATEX_EM, texProxy } from './tex.js';

export type { InlineContext, Run, TextStyle } from './run-types.js';

/** Styled runs for inline content, in order. */
export function inlineRuns(inlines: readonly Inline[], ctx: InlineContext): Run[] {
  const out: Run[] = [];
  collect(inlines, ctx, out);
  return out;
}

/** A single run of plain text in the context's style (headings' "(2/3)", bylines, nav labels). */
export function textRun(text: string, ctx: InlineContext, nowrap = false): Run {
  return { type: 'text', text, style: styleOf(ctx, 'text'), padStart: 0, padEnd: 0, ...(nowrap ? { nowrap } : {}) };
}

const styles = new Map<FaceKey, Map<number, Map<number, TextStyle>>>();

/**
 * The one TextStyle object for a face, size and tracking: runs of the same style share it, so the
 * width cache finds its words by object, without building a key per run (pieces.ts).
 */
export function textStyle(face: FaceKey, px: number, letterSpacing: number): TextStyle {
  let bySize = styles.get(face);
  if (bySize === undefined) styles.set(face, (bySize = new Map()));
  let byTracking = bySize.get(px);
  if (byTracking === undefined) bySize.set(px, (byTracking = new Map()));
  let style = byTracking.get(letterSpacing);
  if (style === undefined) byTracking.set(letterSpacing, (style = { face, px, letterSpacing }));
  return style;
}

function styleOf(ctx: InlineContext, family: 'text' | 'code'): TextStyle {
  return textStyle(faceKeyFor(family, ctx.weight, ctx.italic), family === 'code' ? Math.max(ctx.codeFloor ?? 0, ctx.px * ctx.codeScale) : ctx.px, ctx.letterSpacing);
}

function collect(inlines: readonly Inline[], ctx: InlineContext, out: Run[]): void {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', text: node.text, style: styleOf(ctx, 'text'), padStart: 0, padEnd: 0 });
        break;
      case 'code': {
        const style = styleOf(ctx, 'code');
        const pad = lu(ctx.codePad * style.px);
        out.push({ type: 'text', text: node.text, style, padStart: pad, padEnd: pad });
        break;
      }
      case 'strong':
        collect(node.children, { ...ctx, weight: Math.max(ctx.weight, 700) }, out);
        break;
      case 'em':
        collect(node.children, { ...ctx, italic: true }, out);
        break;
      case 'del':
      case 'link':
        collect(node.children, ctx, out);
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'image':
        // A picture inside text is laid out as a block by the deck's CSS; its size is unknown here
        // (known gap), so it counts as its alt text would.
        out.push({ type: 'text', text: node.alt, style: styleOf(ctx, 'text'), padStart: 0, padEnd: 0 });
        break;
      case 'math':
        // KaTeX at 1.21em, estimated from its TeX (layout/math.ts); a tall inline formula (a
        // fraction) makes its line taller in the browser: not counted here (known gap).
        out.push({ type: 'text', text: texProxy(node.tex), style: styleOf({ ...ctx, px: ctx.px * KATEX_EM, italic: true }, 'text'), padStart: 0, padEnd: 0 });
        break;
      case 'footnote':
        // `<sup>`: the browser's `font-size: smaller` (about 0.83em).
        out.push({ type: 'text', text: String(node.number), style: styleOf({ ...ctx, px: ctx.px * 0.83 }, 'text'), padStart: 0, padEnd: 0 });
        break;
    }
  }
}
