/**
 * For tests/e2e/layout.test.ts: layout/'s predictions for slides probed in Chromium, side by
 * side with what the browser measured, and the agreement figures over many slides.
 */
import type { Inline, Slide } from '../../src/model.js';
import { bodyFlow, charWidth, codePx, getFace, measureCaption, measureCodePanel, measureInlines, measureParagraph, measurePart, measureSlide, measureTitle, scaled, slideGeometry, type ParagraphKind } from '../../src/layout/index.js';
import type { SlideProbe } from './layout-probe.js';

/** One predicted figure next to the measured one. */
export interface Pair {
  /** What was compared: `lines:point`, `height:table`, `slide`, `width:code` … */
  readonly what: string;
  readonly predicted: number;
  readonly actual: number;
  /** Where, for failure messages. */
  readonly where: string;
}

const ITEM_KINDS: Record<string, string> = {
  'ul.lectern-points': 'points', 'p.lectern-text': 'text', 'figure.lectern-code': 'code', 'ul.lectern-list': 'list', 'ol.lectern-list': 'list',
  'table.lectern-table': 'table', 'div.lectern-callout': 'callout', 'blockquote.lectern-quote': 'quote', 'figure.lectern-image': 'image',
  'p.lectern-description': 'description', 'p.lectern-byline': 'byline', 'p.lectern-subtitle': 'subtitle', 'p.lectern-statement': 'statement',
  'nav.lectern-nav': 'nav', 'div.lectern-html': 'html', 'pre.': 'pre',
};

/** Every comparison for one probed slide of a deck in `theme`. */
export function compareSlide(probe: SlideProbe, theme: string, deck: string): Pair[] {
  const g = slideGeometry({ theme, fit: probe.fit });
  const where = `${deck}#${probe.id} (${theme}${probe.fit === 1 ? '' : `, fit ${probe.fit}`})`;
  const slide: Slide = {
    kind: probe.kind as Slide['kind'],
    id: probe.id,
    ...(probe.title ? { title: probe.title as Inline[] } : {}),
    ...(probe.continued ? { continued: probe.continued } : {}),
    parts: probe.parts,
    notes: [],
    line: 0,
    endLine: 0,
  };
  // A picture refused (outside the project) shows its alt text, as a missing one does.
  const imageSize = (src: string): { width: number; height: number } | null | undefined => (!src || src.startsWith('lectern-blocked:') ? null : probe.images[src]);
  // Characters outside the fonts' subset are drawn by whatever system font the machine has (this
  // one may have no CJK font at all): such slides are compared apart, as estimates.
  const tag = outsideSubset(JSON.stringify(probe.parts) + JSON.stringify(probe.title ?? [])) ? 'fallback:' : '';
  const out: Pair[] = [];
  const box = measureSlide(slide, g, { imageSize });
  out.push({ what: 'slide', predicted: box.height, actual: probe.contentHeight, where });
  const measured = slide.parts.map((part) => measurePart(part, slide, g, { imageSize }));
  const items = measured.flat();
  const owner = measured.flatMap((boxes, p) => boxes.map(() => slide.parts[p]));
  if (items.length === probe.items.length) {
    probe.items.forEach((item, i) => {
      const kind = ITEM_KINDS[item.tag] ?? item.tag;
      out.push({ what: `height:${kind}`, predicted: items[i]!.height, actual: item.height, where: `${where} item ${i + 1}` });
      if (kind === 'table') out.push({ what: 'width:table', predicted: items[i]!.width, actual: item.width, where: `${where} item ${i + 1}` });
      const part = owner[i];
      if (kind === 'code' && item.panel && part?.type === 'code') {
        // The panel is at least as wide as the body (min-width: 100%); wider when a row needs it.
        const needed = measureCodePanel(part.code, codePx(part.scale, g), g).width;
        out.push({ what: 'width:code', predicted: Math.max(needed, g.contentWidth), actual: item.panel.width, where: `${where} item ${i + 1}` });
      }
    });
  } else {
    out.push({ what: 'items', predicted: items.length, actual: probe.items.length, where });
  }
  out.push(...compareTexts(probe, slide, g, where));
  return out.map((p) => ({ ...p, what: tag + p.what }));
}

function outsideSubset(text: string): boolean {
  const inter = getFace('inter-400-normal');
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7e && inter.advance(cp) < 0 && charWidth(cp, -1, { face: 'inter-400-normal', px: 1, letterSpacing: 0 }) > 0) return true;
  }
  return false;
}

/** Line counts of titles, points, paragraphs and captions, in the order the probe read them. */
function compareTexts(probe: SlideProbe, slide: Slide, g: ReturnType<typeof slideGeometry>, where: string): Pair[] {
  const predicted: { role: string; lines: number }[] = [];
  if (slide.title) {
    const options = { level: slide.kind === 'title' ? 1 : 2, section: slide.kind === 'section', ...(slide.continued ? { continued: slide.continued } : {}) } as const;
    predicted.push({ role: 'title', lines: measureTitle(slide.title, g, options).lines });
  }
  const flow = bodyFlow(g);
  for (const part of slide.parts) {
    if (part.type === 'points') {
      const lone = slide.kind === 'content' && slide.parts.length === 1 && part.items.length === 1;
      const f = lone ? scaled(flow, g.scale.text.lonePointEm) : flow;
      const width = flow.width - g.scale.list.indentEm * flow.px;
      for (const item of part.items) predicted.push({ role: 'point', lines: measureInlines(item, { ...f, width }, g.scale.list.lineHeight).lines });
    } else if (part.type === 'text') {
      const kind: ParagraphKind = slide.kind === 'statement' ? 'statement' : slide.kind === 'title' ? 'subtitle' : 'text';
      predicted.push({ role: kind, lines: measureParagraph(part.inlines, g, kind).lines });
    } else if (part.type === 'byline' && part.description) {
      predicted.push({ role: 'description', lines: measureParagraph([{ type: 'text', text: part.description }], g, 'subtitle').lines });
    } else if (part.type === 'code' && part.caption) {
      predicted.push({ role: 'caption', lines: measureCaption(part.caption, g).lines });
    } else if (part.type === 'row') {
      // Columns side by side, each its share of the width (layout/slide.ts measureRow).
      const gap = g.scale.row.gapEm * g.bodyPx;
      const share = { ...g, contentWidth: (g.contentWidth - gap * (part.parts.length - 1)) / part.parts.length };
      for (const cell of part.parts) if (cell.type === 'code' && cell.caption) predicted.push({ role: 'caption', lines: measureCaption(cell.caption, share).lines });
    }
  }
  const measured = probe.texts.filter((t) => ['title', 'point', 'text', 'subtitle', 'statement', 'description', 'caption'].includes(t.role));
  return measured.map((t, i) => ({
    what: `lines:${t.role}`,
    predicted: predicted[i]?.role === t.role ? predicted[i]!.lines : -1,
    actual: t.lines,
    where: `${where} "${t.text}"`,
  }));
}

/** Agreement of one kind of comparison. */
export interface Agreement {
  readonly what: string;
  readonly n: number;
  /** Share exactly equal (line counts) or within 1 % / 5 % (sizes). */
  readonly exact: number;
  readonly within1: number;
  readonly within5: number;
  /** Mean relative error, and the largest difference in its unit (px or lines). */
  readonly meanError: number;
  readonly maxDiff: number;
  readonly worst: Pair | undefined;
}

function relative(p: Pair): number {
  return Math.abs(p.predicted - p.actual) / Math.max(1, Math.abs(p.actual));
}

/** Agreement figures per kind of comparison, sorted by kind. */
export function agreement(pairs: readonly Pair[]): Agreement[] {
  const groups = new Map<string, Pair[]>();
  for (const p of pairs) groups.set(p.what, [...(groups.get(p.what) ?? []), p]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([what, list]) => {
    const share = (ok: (p: Pair) => boolean): number => list.filter(ok).length / list.length;
    const worst = [...list].sort((a, b) => relative(b) - relative(a))[0];
    return {
      what,
      n: list.length,
      exact: share((p) => p.predicted === p.actual),
      within1: share((p) => relative(p) <= 0.01),
      within5: share((p) => relative(p) <= 0.05),
      meanError: list.reduce((s, p) => s + relative(p), 0) / list.length,
      maxDiff: list.reduce((m, p) => Math.max(m, Math.abs(p.predicted - p.actual)), 0),
      worst,
    };
  });
}

/** The agreement figures as a Markdown table (printed by the test, quoted in the report). */
export function agreementTable(rows: readonly Agreement[]): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = rows.map((r) => {
    const w = r.worst;
    const worst = w === undefined ? '' : `${w.predicted.toFixed(1)} vs ${w.actual.toFixed(1)} at ${w.where}`;
    return `| ${r.what} | ${r.n} | ${pct(r.exact)} | ${pct(r.within1)} | ${pct(r.within5)} | ${pct(r.meanError)} | ${r.maxDiff.toFixed(2)} | ${worst} |`;
  });
  return ['| compared | n | exact | ≤1% | ≤5% | mean error | max diff | worst (predicted vs Chromium) |', '|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}
