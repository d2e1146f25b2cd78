/**
 * Heights of slide content by kind, from the CSS numbers: what each box is made of (the
 * end-to-end test checks the same functions against Chromium on real decks).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Inline, Slide } from '../../../src/model.js';
import { renderBlock } from '../../../src/render/blocks.js';
import {
  bodyFlow,
  bodyGap,
  calloutTitle,
  codePx,
  codeRows,
  distributeColumns,
  fitCode,
  measureBlock,
  measureCodePanel,
  measureImage,
  measurePoints,
  measureSlide,
  measureTitle,
  roomBelowTitle,
  slideGeometry,
} from '../../../src/layout/index.js';

const g = slideGeometry();
const text = (t: string): Inline[] => [{ type: 'text', text: t }];

describe('slide geometry', () => {
  it('is the 1280 × 720 frame less the 8 px × 40 px padding, body at 36 px', () => {
    expect([g.contentWidth, g.contentHeight, g.bodyPx]).toEqual([1200, 704, 36]);
    expect(slideGeometry({ fit: 0.8 }).bodyPx).toBeCloseTo(28.8, 9);
  });
});

describe('titles', () => {
  it('are 1.15 × 48 px a line with 0.4em below (`--r-heading2-size: 1.3333em`); eventlet adds its rule', () => {
    const light = measureTitle(text('Short'), g);
    expect(light.lines).toBe(1);
    expect(light.height).toBeCloseTo(1.15 * 47.9988, 3);
    expect(light.marginBottom).toBeCloseTo(0.4 * 47.9988, 3);
    const eventlet = measureTitle(text('Short'), slideGeometry({ theme: 'eventlet' }));
    expect(eventlet.height - light.height).toBeCloseTo(0.31 * 47.9988, 3);
  });

  it('wrap when long, and carry the "(2/3)" of a continued slide', () => {
    const long = text('A title long enough to wrap onto a second line on a slide of twelve hundred pixels');
    expect(measureTitle(long, g).lines).toBe(2);
    const plain = measureTitle(text('Lists'), g).width;
    expect(measureTitle(text('Lists'), g, { continued: { index: 2, total: 3 } }).width).toBeGreaterThan(plain + 40);
  });
});

describe('points and lists', () => {
  it('stack items 0.45em apart and keep the last item margin inside the list', () => {
    const box = measurePoints([text('one'), text('two')], g);
    expect(box.height).toBeCloseTo(2 * 1.3 * 36 + 2 * 0.45 * 36, 6);
  });

  it('draw a lone point at 1.2em', () => {
    const box = measurePoints([text('one')], g, { lone: true });
    expect(box.height).toBeCloseTo(1.3 * 43.2 + 0.45 * 43.2, 6);
  });

  it('nest a list at 0.9em with 0.25em above it', () => {
    const nested: Block = { type: 'list', line: 1, ordered: false, items: [{ inlines: text('inner'), blocks: [] }] };
    const list: Block = { type: 'list', line: 1, ordered: false, items: [{ inlines: text('outer'), blocks: [nested] }] };
    const box = measureBlock(list, bodyFlow(g))!;
    // outer line + 0.25em (of 32.4) + inner line at 32.4 + the outer item's bottom margin (larger than the inner one's)
    expect(box.height).toBeCloseTo(1.3 * 36 + 0.25 * 32.4 + 1.3 * 32.4 + 0.3 * 36, 6);
  });
});

describe('code', () => {
  it('has one row per line (a final line feed adds none), 1.45 line height, padding and border', () => {
    expect(codeRows('a\nb\n')).toEqual(['a', 'b']);
    const panel = measureCodePanel('def f():\n\treturn 1\n', 22, g);
    expect(panel.lines).toBe(2);
    expect(panel.height).toBeCloseTo(2 * 1.45 * 22 + 2 * 0.65 * 22 + 2, 6);
    // the tab expands to column 4: 12 columns
    expect(panel.width).toBeCloseTo(12 * 0.6 * 22 + 2 * (Math.floor(0.9 * 22 * 64) / 64) + 2, 6);
  });

  it('never goes below 18 px, as blocks.css floors it', () => {
    expect(codePx(1, g)).toBeCloseTo(22, 2);
    expect(codePx(0.3, g)).toBe(18);
  });
});

describe('tables', () => {
  it('give columns their max-content width when it fits, else min plus a share of the rest', () => {
    expect(distributeColumns([10, 20], [50, 60], 200)).toEqual([50, 60]);
    expect(distributeColumns([10, 20], [50, 60], 20)).toEqual([10, 20]);
    expect(distributeColumns([10, 10], [110, 30], 80)).toEqual([10 + 100 * 0.5, 10 + 20 * 0.5]);
  });
});

describe('callouts', () => {
  it.each(['note', 'warning', 'tldr', 'ConsoleBlockMulti', 'custom'])('show the title render/ shows for kind %s', (kind) => {
    const block: Extract<Block, { type: 'callout' }> = { type: 'callout', line: 1, kind, blocks: [{ type: 'paragraph', line: 1, inlines: text('Body.') }] };
    const html = renderBlock(block, 'slide');
    const title = calloutTitle(block);
    expect(html.includes('lectern-callout-title')).toBe(title !== undefined);
    if (title !== undefined) expect(html).toContain(`>${(title[0] as { text: string }).text}</p>`);
  });
});

describe('images', () => {
  it('scale to the line width and 62 % of the slide height; a missing one is its alt text', () => {
    expect(measureImage(g, { natural: { width: 2400, height: 400 } }).height).toBeCloseTo(200, 6);
    expect(measureImage(g, { natural: { width: 300, height: 900 } }).height).toBeCloseTo(720 * 0.62, 6);
    expect(measureImage(g).height).toBeCloseTo(720 * 0.62, 6);
    expect(measureImage(g, { natural: null, alt: 'A picture' }).height).toBeCloseTo(1.35 * 36, 6);
  });
});

describe('measureSlide', () => {
  const slide = (parts: Slide['parts']): Slide => ({ kind: 'content', id: 's', title: text('A slide'), parts, notes: [], line: 1, endLine: 1 });

  it('adds the title, its margin and the body items 0.55em apart', () => {
    const box = measureSlide(slide([{ type: 'points', items: [text('a'), text('b')] }, { type: 'text', inlines: text('c') }]), g);
    const title = measureTitle(text('A slide'), g);
    expect(box.parts).toHaveLength(2);
    expect(box.height).toBeCloseTo(title.height + title.marginBottom + box.parts[0]!.height + 0.55 * 36 + box.parts[1]!.height, 6);
    expect(box.fits).toBe(true);
  });

  it('says by how much a slide overflows', () => {
    const many = Array.from({ length: 14 }, (_, i) => text(`Point number ${i}`));
    const box = measureSlide(slide([{ type: 'points', items: many }]), g);
    expect(box.fits).toBe(false);
    expect(box.overflowY).toBeGreaterThan(100);
    const wide = measureSlide(slide([{ type: 'code', code: 'x'.repeat(120), firstLine: 1, scale: 1 }]), g);
    const px = 0.6111 * 36; // 21.9996: glyphs at 21.984375 (1/64 px), padding 19.796875
    expect(wide.overflowX).toBeCloseTo(120 * 0.6 * (Math.floor(px * 64) / 64) + 2 * (Math.floor(0.9 * px * 64) / 64) + 2 - 1200, 6);
  });
});

describe('planning helpers', () => {
  it('fitCode finds the largest size whose panel fits, within the theme size and the floor', () => {
    const code = Array.from({ length: 16 }, (_, i) => `line_${i} = compute(${i})`).join('\n');
    const fit = fitCode(code, { width: 1200, height: 500 }, g);
    expect(fit.fits).toBe(true);
    expect(fit.box.height).toBeLessThanOrEqual(500);
    expect(measureCodePanel(code, fit.px + 0.1, g).height).toBeGreaterThan(500);
    expect(fit.scale).toBeCloseTo(fit.px / (0.6111 * 36), 9);
    expect(fitCode('x', { width: 1200, height: 500 }, g).px).toBeCloseTo(codePx(1, g), 9);
    expect(fitCode(code, { width: 1200, height: 100 }, g, 18)).toMatchObject({ px: 18, fits: false });
  });

  it('roomBelowTitle is the content height less the title and its margin', () => {
    const title = measureTitle(text('A slide'), g);
    expect(roomBelowTitle({ kind: 'content', title: text('A slide') }, g)).toBeCloseTo(704 - title.height - title.marginBottom, 9);
    expect(roomBelowTitle({ kind: 'statement', title: text('A slide') }, g)).toBe(704);
    expect(bodyGap(g)).toBeCloseTo(19.8, 9);
  });
});
