/**
 * Heights of text: slide titles, paragraphs (key text, subtitles, statements), captions and the
 * key-point list, as slides.css, typography.css and blocks.css lay them out.
 */
import type { Inline } from '../model.js';
import { stack, withMargins, type Box, type FlowBox } from './flow.js';
import { bodyFlow, lu, scaled, type Flow, type SlideGeometry } from './geometry.js';
import { breakLines } from './lines.js';
import { inlineRuns, textRun, type Run } from './runs.js';

/** Lines of `runs` at `width`, each `lineHeight` × the font size tall. */
export function linesBox(runs: readonly Run[], width: number, px: number, lineHeight: number): Box {
  const layout = breakLines(runs, width);
  return { height: layout.lines * lineHeight * px, width: layout.widest, lines: layout.lines };
}

/** Inline content in a flow, at the flow's size and the given line height (default the flow's). */
export function measureInlines(inlines: readonly Inline[], flow: Flow, lineHeight = flow.lineHeight): Box {
  return linesBox(inlineRuns(inlines, flow.inline), flow.width, flow.px, lineHeight);
}

/** Options of measureTitle. */
export interface TitleOptions {
  /** 1 for the title slide's h1, 2 for every other slide's h2 (default). */
  readonly level?: 1 | 2;
  /** A section slide's h2, drawn at 0.9 × the h1 size. */
  readonly section?: boolean;
  /** The "(2/3)" a continued slide's title carries. */
  readonly continued?: { readonly index: number; readonly total: number };
}

/**
 * A slide title (may wrap): its box, and as `marginBottom` the space it keeps above the body. The
 * title shrinks half as fast as the body under the runtime's fit factor.
 */
export function measureTitle(title: readonly Inline[], geometry: SlideGeometry, options: TitleOptions = {}): FlowBox {
  const h = geometry.scale.heading;
  const level = options.level ?? 2;
  const shrink = 0.5 + 0.5 * geometry.fit;
  const em = options.section ? h.h1Em * h.sectionFactor : (level === 1 ? h.h1Em : h.h2Em) * shrink;
  const px = geometry.scale.bodyPx * em;
  const inline = { px, weight: h.weight, italic: false, letterSpacing: h.letterSpacingEm * px, codeScale: 1, codePad: 0 };
  const runs = inlineRuns(title, inline);
  if (options.continued) {
    const { index, total } = options.continued;
    runs.push(textRun(' ', inline), textRun(`(${index}/${total})`, { ...inline, px: px * h.continuedEm, weight: 400 }, true));
  }
  const box = linesBox(runs, geometry.contentWidth, px, h.lineHeight);
  const rule = (level === 1 ? h.h1RuleEm : h.h2RuleEm) * px;
  return withMargins({ ...box, height: box.height + rule }, 0, (level === 1 ? h.h1MarginEm : h.h2MarginEm) * px);
}

/** Which paragraph style: key text on a content slide, a title slide's subtitle, a statement slide's sentence. */
export type ParagraphKind = 'text' | 'subtitle' | 'statement';

/** A paragraph of the slide body (`p.lectern-text`, `p.lectern-subtitle`, `p.lectern-statement`). */
export function measureParagraph(inlines: readonly Inline[], geometry: SlideGeometry, kind: ParagraphKind = 'text'): Box {
  const flow = bodyFlow(geometry);
  const t = geometry.scale.text;
  if (kind === 'statement') {
    const f = scaled(flow, t.statementEm);
    const bold = { ...f, width: flow.width * t.statementMaxWidth, inline: { ...f.inline, weight: t.statementWeight } };
    return measureInlines(inlines, bold, t.statementLineHeight);
  }
  if (kind === 'subtitle') return measureInlines(inlines, { ...flow, width: flow.width * t.subtitleMaxWidth });
  return measureInlines(inlines, flow);
}

/** A code block's caption (`figcaption.lectern-caption`: 0.8em, line height 1.3). */
export function measureCaption(inlines: readonly Inline[], geometry: SlideGeometry): Box {
  const c = geometry.scale.caption;
  return measureInlines(inlines, scaled(bodyFlow(geometry), c.em), c.lineHeight);
}

/**
 * The key points (`ul.lectern-points`): one item per point, 0.45em between items. A list in the
 * slide body is a flex item, so the last item's bottom margin stays inside it. `lone` is the slide
 * whose only content is one point: slides.css draws it at 1.2em.
 */
export function measurePoints(items: readonly (readonly Inline[])[], geometry: SlideGeometry, options: { lone?: boolean } = {}): Box {
  const flow = bodyFlow(geometry);
  const l = geometry.scale.list;
  const indent = lu(l.indentEm * flow.px);
  const itemFlow = options.lone === true && items.length === 1 ? scaled(flow, geometry.scale.text.lonePointEm) : flow;
  const boxes = items.map((item, i) => {
    const box = measureInlines(item, { ...itemFlow, width: flow.width - indent }, l.lineHeight);
    const margin = l.pointMarginEm * itemFlow.px;
    return withMargins(box.lines === 0 ? { ...box, height: l.lineHeight * itemFlow.px, lines: 1 } : box, i === 0 ? 0 : margin, margin);
  });
  return stack(boxes, { top: 0, bottom: 0, marginTop: 0, marginBottom: 0, contain: true, sides: indent });
}
