/**
 * plan/layout-run.ts: one candidate slide, measured with the deck's fonts. Consecutive points share
 * one list; code takes the largest size between the theme's (22 px) and the floor (18 px) at which
 * the slide fits, never less; two code blocks that do not fit one above the other are set side by
 * side (a Before/After pair), pieces of one block never; a sparse slide may show more sentences.
 */
import { describe, expect, it } from 'vitest';
import { bodyGap, measurePart, slideGeometry } from '../../../src/layout/index.js';
import type { Block, Inline, SlidePart } from '../../../src/model.js';
import { codeSizes } from '../../../src/plan/code.js';
import { RunMeasurer, type Item } from '../../../src/plan/layout-run.js';
import type { PointUnit } from '../../../src/plan/units.js';
import { t } from './helpers.js';

const g = slideGeometry();
const ROOM = 560;
const { theme: THEME_PX, floor: FLOOR_PX } = codeSizes(g);

const point = (text: string, more: string[] = []): PointUnit => ({ kind: 'point', inlines: [t(text)], shown: [[t(text)], ...more.map((m) => [t(m)])], notes: [], line: 1, score: 0 });
const pointItem = (text: string, more: string[] = [], before?: PointUnit[]): Item => ({ unit: point(text, more), notes: [], ...(before ? { before } : {}) });
const textItem = (text: string, leadIn = true): Item => ({ unit: { kind: 'text', inlines: [t(text)], leadIn, notes: [], line: 1 }, notes: [] });
const codeItem = (code: string, caption?: string, piece = false): Item => ({
  unit: { kind: 'code', block: { type: 'code', line: 1, code, lang: 'js' }, notes: [], line: 1, ...(caption ? { caption: [t(caption)] as Inline[] } : {}) },
  notes: [],
  ...(piece ? { piece: true } : {}),
});
const blockItem = (block: Block): Item => ({ unit: { kind: 'block', block, notes: [], line: block.line }, notes: [] });
const rows = (n: number, width = 30): string => Array.from({ length: n }, (_, i) => `const v${i} = ${i};`.padEnd(width, ' ').trimEnd()).join('\n');
const measurer = (items: Item[], room = ROOM): RunMeasurer => new RunMeasurer(items, g, () => room);
const codeParts = (parts: readonly SlidePart[]): Extract<SlidePart, { type: 'code' }>[] =>
  parts.flatMap((p) => (p.type === 'code' ? [p] : p.type === 'row' ? codeParts(p.parts) : []));

describe('RunMeasurer: text', () => {
  it('sets consecutive points in one list, and a lead-in or block between them apart', () => {
    const items = [pointItem('One.'), pointItem('Two.'), textItem('The options are:'), blockItem({ type: 'list', line: 1, ordered: false, items: [{ inlines: [t('a')], blocks: [] }] }), pointItem('Three.')];
    const m = measurer(items);
    const layout = m.layout(0, items.length, true);
    expect(m.parts(0, items.length, layout).map((p) => p.type)).toEqual(['points', 'text', 'block', 'points']);
    expect(m.parts(0, 2, m.layout(0, 2, true))).toEqual([{ type: 'points', items: [[t('One.')], [t('Two.')]] }]);
  });

  it('measures a run as its parts and the gaps between them, its fill the share of the room', () => {
    const items = [pointItem('A first point of the slide.'), textItem('And a lead-in:'), blockItem({ type: 'list', line: 1, ordered: false, items: [{ inlines: [t('item')], blocks: [] }] })];
    const m = measurer(items);
    const layout = m.layout(0, 3, true);
    const parts = m.parts(0, 3, layout);
    const stub = { kind: 'content' as const, parts };
    const sum = parts.reduce((h, p) => h + measurePart(p, stub, g).reduce((a, b) => a + b.height, 0), 0) + 2 * bodyGap(g);
    expect(layout.body).toBeCloseTo(sum, 3);
    expect(layout.fill).toBeCloseTo(layout.body / ROOM, 6);
    expect(layout.fits).toBe(true);
    expect(layout.codePx).toBe(0);
  });

  it('shows a point’s next sentences, and the points shelved before it, when asked to expand it', () => {
    const shelved = point('A shelved point.');
    const items = [pointItem('The point.', ['A second sentence.'], [shelved])];
    const m = measurer(items);
    const plain = m.layout(0, 1, true);
    const expanded = m.layout(0, 1, true, new Set([0]));
    expect(m.parts(0, 1, plain)).toEqual([{ type: 'points', items: [[t('The point.')]] }]);
    expect(m.parts(0, 1, expanded, new Set([0]))).toEqual([{ type: 'points', items: [[t('A shelved point.')], [t('The point.')], [t('A second sentence.')]] }]);
    expect(expanded.body).toBeGreaterThan(plain.body);
  });

  it('says when a run does not fit its room', () => {
    const items = Array.from({ length: 14 }, (_, i) => pointItem(`Point ${i} is a long sentence that takes the whole width of the slide and a bit more.`));
    expect(measurer(items).layout(0, 14, true).fits).toBe(false);
    expect(measurer(items).layout(0, 2, true).fits).toBe(true);
  });
});

describe('RunMeasurer: code', () => {
  it('draws code that fits at the theme’s size (scale 1)', () => {
    const m = measurer([codeItem(rows(8), 'Here it is:')]);
    const layout = m.layout(0, 1, true);
    expect(layout).toMatchObject({ fits: true, paired: false });
    expect(layout.codePx).toBeCloseTo(THEME_PX, 6);
    expect(codeParts(m.parts(0, 1, layout))[0]).toMatchObject({ scale: 1, caption: [t('Here it is:')], firstLine: 1, lang: 'js' });
  });

  it('draws taller code at the largest size that fits, between the theme’s and the floor', () => {
    const m = measurer([codeItem(rows(17))]);
    const layout = m.layout(0, 1, true);
    expect(layout.fits).toBe(true);
    expect(layout.codePx).toBeLessThan(THEME_PX);
    expect(layout.codePx).toBeGreaterThanOrEqual(FLOOR_PX);
    // The largest: a quarter pixel more would not fit.
    expect(layout.body).toBeLessThanOrEqual(ROOM + 1);
    const part = codeParts(m.parts(0, 1, layout))[0]!;
    expect(part.scale * THEME_PX).toBeCloseTo(layout.codePx, 1);
  });

  it('never draws code under the floor: code too tall even there does not fit (the composer splits it)', () => {
    const layout = measurer([codeItem(rows(60))]).layout(0, 1, true);
    expect(layout.fits).toBe(false);
    expect(layout.codePx).toBe(FLOOR_PX);
  });

  it('shrinks code for a long line no further than the floor', () => {
    const wide = `const line = "${'x'.repeat(90)}";`;
    const layout = measurer([codeItem(wide)]).layout(0, 1, true);
    expect(layout.codePx).toBeGreaterThanOrEqual(FLOOR_PX);
    expect(layout.codePx).toBeLessThan(THEME_PX);
  });

  it('sets a Before/After pair side by side when one above the other does not fit', () => {
    const before = codeItem(rows(11, 26), 'Before:');
    const after = codeItem(rows(11, 26), 'After:');
    const m = measurer([before, after]);
    const layout = m.layout(0, 2, true);
    expect(layout.fits).toBe(true);
    expect(layout.paired).toBe(true);
    const parts = m.parts(0, 2, layout);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.type).toBe('row');
    const pair = codeParts(parts);
    expect(pair.map((p) => p.caption)).toEqual([[t('Before:')], [t('After:')]]);
    expect(pair[0]!.scale).toBe(pair[1]!.scale);
    expect(layout.codePx).toBeGreaterThanOrEqual(FLOOR_PX);
  });

  it('keeps short variants (npm / yarn) one above the other when they fit so', () => {
    const m = measurer([codeItem('npm install --save-exact react@^19.0.0 react-dom@^19.0.0', 'npm:'), codeItem('yarn add --exact react@^19.0.0 react-dom@^19.0.0', 'yarn:')]);
    const layout = m.layout(0, 2, true);
    expect(layout).toMatchObject({ fits: true, paired: false });
    expect(m.parts(0, 2, layout).map((p) => p.type)).toEqual(['code', 'code']);
  });

  it('never sets two pieces of one block side by side', () => {
    const m = measurer([codeItem(rows(11, 26), undefined, true), codeItem(rows(11, 26), undefined, true)]);
    const layout = m.layout(0, 2, true);
    expect(layout.paired).toBe(false);
    expect(m.parts(0, 2, layout).some((p) => p.type === 'row')).toBe(false);
  });

  it('asks the room of the run it lays out: first slide or later, from which item', () => {
    const asked: [boolean, number][] = [];
    const items = [pointItem('a.'), pointItem('b.'), pointItem('c.')];
    const m = new RunMeasurer(items, g, (first, from) => (asked.push([first, from]), ROOM));
    m.layout(1, 3, false);
    m.layout(0, 1, true);
    expect(asked).toEqual([
      [false, 1],
      [true, 0],
    ]);
  });
});
