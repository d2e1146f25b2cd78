/**
 * The title and closing slides' own parts: the byline (description, author · date) and the
 * previous/next buttons (`nav.lectern-nav`), as slides.css lays them out.
 */
import type { NavLink, SlidePart } from '../model.js';
import type { Box, FlowBox } from './flow.js';
import { bodyFlow, floored, lu, scaled, type SlideGeometry } from './geometry.js';
import { breakLines } from './lines.js';
import { inlineRuns, textRun } from './runs.js';
import { linesBox, measureParagraph } from './text.js';

/** A byline part: the description paragraph (85% wide) and the author · date line (0.7em), two body items. */
export function measureByline(part: Extract<SlidePart, { type: 'byline' }>, geometry: SlideGeometry): Box[] {
  const boxes: Box[] = [];
  if (part.description) boxes.push(measureParagraph([{ type: 'text', text: part.description }], geometry, 'subtitle'));
  if (part.author || part.date) {
    const flow = scaled(bodyFlow(geometry), geometry.scale.text.bylineEm);
    const runs = [];
    if (part.author) runs.push(textRun(part.author, { ...flow.inline, weight: geometry.scale.authorWeight }));
    // As rendered: `author · <time>`, and slides.css puts "· " before a time that is not first.
    if (part.date) runs.push(textRun(part.author ? ` · · ${part.date}` : part.date, flow.inline));
    boxes.push(linesBox(runs, flow.width, flow.px, flow.lineHeight));
  }
  return boxes;
}

/**
 * The previous/next buttons: a wrapping row of padded links at 0.8em and 600 with their arrows,
 * 0.6em apart (1.2em, and a larger top margin, on a closing slide). The body adds `marginTop` above it.
 */
export function measureNav(links: readonly NavLink[], closing: boolean, geometry: SlideGeometry): FlowBox {
  const flow = bodyFlow(geometry);
  const n = geometry.scale.nav;
  const px = floored(flow.px * n.em, geometry);
  const gap = (closing ? n.closingGapEm : n.gapEm) * flow.px;
  const inline = { ...flow.inline, px, weight: n.weight };
  const widths = links.map((link) => {
    const arrow = link.rel === 'prev' ? '← ' : link.rel === 'next' ? ' →' : '';
    const runs = link.rel === 'next' ? [...inlineRuns(link.children, inline), textRun(arrow, inline)] : [textRun(arrow, inline), ...inlineRuns(link.children, inline)];
    return Math.min(flow.width, breakLines(runs, Infinity).widest + 2 * lu(n.padXEm * px));
  });
  let rows = widths.length > 0 ? 1 : 0;
  let x = 0;
  for (const w of widths) {
    if (x > 0 && x + gap + w > flow.width) {
      rows++;
      x = 0;
    }
    x += (x > 0 ? gap : 0) + w;
  }
  if (rows === 0) return { height: 0, width: 0, lines: 0, marginTop: 0, marginBottom: 0 };
  const linkHeight = n.lineHeight * px + 2 * n.padYEm * px;
  const marginTop = (closing ? n.closingMarginTopEm : n.marginTopEm) * flow.px;
  return { height: rows * linkHeight + (rows - 1) * gap, width: Math.max(...widths), lines: rows, marginTop, marginBottom: 0 };
}
