/**
 * The planner under fit hints (a browser measurement of a previous plan): slides that overflowed
 * are planned again with tighter budgets — more, smaller slides, nothing lost — and without hints
 * the plan is exactly what it was. Also the block splitting and code wrapping that hints drive.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import type { Block, Deck, FitHints, Inline, Slide } from '../../../src/model.js';
import { budgetFor, scaleBudget } from '../../../src/plan/budget.js';
import { wrapLines } from '../../../src/plan/code.js';
import { planDeck } from '../../../src/plan/index.js';
import { splitBlock } from '../../../src/plan/split.js';
import { blockText } from '../../../src/text.js';
import { article, code, para, section, t } from './helpers.js';

const opts = DEFAULT_DECK_OPTIONS;
const slides = (deck: Deck): Slide[] => deck.stacks.flat();
const cell = (text: string): Inline[] => [t(text)];
const list = (line: number, n: number, ordered = false): Block => ({
  type: 'list',
  line,
  ordered,
  items: Array.from({ length: n }, (_, i) => ({ inlines: [t(`item ${i + 1} with a few words`)], blocks: [] })),
});
const table = (line: number, rows: number, cols: number): Extract<Block, { type: 'table' }> => ({
  type: 'table',
  line,
  align: Array.from({ length: cols }, () => null),
  header: Array.from({ length: cols }, (_, c) => cell(`h${c}`)),
  rows: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(`r${r}c${c}`))),
});
/** Every word shown or said in a deck's slides, for "nothing lost" checks. */
const deckWords = (deck: Deck): string =>
  slides(deck)
    .flatMap((s) => [...s.parts.map((p) => (p.type === 'block' ? blockText(p.block) : p.type === 'code' ? p.code : JSON.stringify(p))), ...s.notes.map(blockText)])
    .join(' ');

const points = article({
  sections: [section(2, 'Many points', 5, Array.from({ length: 10 }, (_, i) => para(6 + i * 2, `Point ${i + 1} leads the way. Then more words follow here.`)))],
});

describe('planDeck with fit hints', () => {
  it('plans exactly as before without hints, or with empty ones', () => {
    expect(planDeck(points, opts, { tighter: {} })).toEqual(planDeck(points, opts));
  });

  it('packs the slides that start at a hinted line in less room, with fewer points, and keeps every paragraph', () => {
    const content = (deck: Deck): Slide[] => slides(deck).filter((s) => s.kind === 'content');
    const count = (s: Slide): number => (s.parts[0]?.type === 'points' ? s.parts[0].items.length : 0);
    const plain = content(planDeck(points, opts));
    expect(plain.map(count)).toEqual([5, 5]);
    const hints: FitHints = { tighter: { [plain[0]!.line]: 0.4, [plain[1]!.line]: 0.4 } };
    const tight = content(planDeck(points, opts, hints));
    expect(tight.length).toBeGreaterThan(plain.length);
    // The slide that starts at a hinted line holds fewer points than it did.
    expect(count(tight[0]!)).toBeLessThan(count(plain[0]!));
    for (const s of tight) if (hints.tighter[s.line] !== undefined) expect(count(s)).toBeLessThan(5);
    expect(tight.flatMap((s) => s.notes)).toHaveLength(10);
    expect(tight.map((s) => s.continued)).toEqual(tight.map((_, i) => ({ index: i + 1, total: tight.length })));
  });

  it('cuts a long code block into more slides when its slide overflowed', () => {
    const forty = Array.from({ length: 40 }, (_, i) => `x${i} = ${i}`).join('\n');
    const a = article({ sections: [section(2, 'Code', 3, [code(4, forty, 'python')])] });
    const plain = slides(planDeck(a, opts)).filter((s) => s.kind === 'code');
    const tight = slides(planDeck(a, opts, { tighter: { 3: 0.5, 4: 0.5 } })).filter((s) => s.kind === 'code');
    expect(tight.length).toBeGreaterThan(plain.length);
    const codeOf = (ss: Slide[]): string => ss.flatMap((s) => s.parts.flatMap((p) => (p.type === 'code' ? [p.code] : []))).join('\n');
    expect(codeOf(tight)).toBe(forty);
  });

  it('cuts a table between columns, repeating the first, when its slide was too wide', () => {
    const a = article({ sections: [section(2, 'Wide', 3, [para(4, 'A table follows.'), table(6, 3, 9)])] });
    const plain = slides(planDeck(a, opts));
    const tableSlide = plain.find((s) => s.parts.some((p) => p.type === 'block' && p.block.type === 'table'))!;
    const narrow = slides(planDeck(a, opts, { tighter: {}, narrower: { [tableSlide.line]: 0.5 } }));
    const tables = narrow.flatMap((s) => s.parts.flatMap((p) => (p.type === 'block' && p.block.type === 'table' ? [p.block] : [])));
    expect(tables.map((tb) => tb.header.map((h) => (h[0] as { text: string }).text))).toEqual([
      ['h0', 'h1', 'h2', 'h3', 'h4'],
      ['h0', 'h5', 'h6', 'h7', 'h8'],
    ]);
    expect(deckWords(planDeck(a, opts))).toContain('r2c8');
    expect(tables[1]?.rows[2]).toEqual([cell('r2c0'), cell('r2c5'), cell('r2c6'), cell('r2c7'), cell('r2c8')]);
  });
});

describe('splitBlock', () => {
  const budget = budgetFor(opts);

  it('keeps a list that fits whole, and continues a long one, numbering and all', () => {
    expect(splitBlock(list(3, 8), budget)).toHaveLength(1);
    const parts = splitBlock(list(3, 30, true), budget);
    expect(parts.map((p) => (p.type === 'list' ? [p.items.length, p.start] : []))).toEqual([
      [10, undefined],
      [10, 11],
      [10, 21],
    ]);
  });

  it('continues a long table, each part with the header', () => {
    const parts = splitBlock(table(3, 40, 3), budget);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.type === 'table' && p.header).toEqual([cell('h0'), cell('h1'), cell('h2')]);
    expect(parts.flatMap((p) => (p.type === 'table' ? p.rows : []))).toEqual(table(3, 40, 3).rows);
  });

  it('cuts a callout between its blocks, each part keeping its kind and title, and code inside it between lines', () => {
    const long = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const callout: Block = { type: 'callout', line: 3, kind: 'example', title: [t('Example')], blocks: [code(4, long, 'yaml'), code(40, long, 'yaml')] };
    const parts = splitBlock(callout, budget);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.type === 'callout' && [p.kind, p.title]).toEqual(['example', [t('Example')]]);
    const codeText = parts.flatMap((p) => (p.type === 'callout' ? p.blocks.map((b) => (b.type === 'code' ? b.code : '')) : [])).join('\n');
    expect(codeText).toBe(`${long}\n${long}`);
  });

  it('tightens with the budget: a hinted budget cuts a list into smaller parts', () => {
    expect(splitBlock(list(3, 10), scaleBudget(budget, { height: 0.5, width: 1 })).length).toBeGreaterThan(1);
  });
});

describe('wrapLines', () => {
  it('returns lines that fit as they are', () => {
    expect(wrapLines(['short', 'lines'], 20)).toEqual(['short', 'lines']);
  });

  it('cuts long lines after a space or separator, keeping every character in order', () => {
    const line = `${'word '.repeat(40)}${'x'.repeat(130)}`;
    const wrapped = wrapLines([line], 50);
    expect(wrapped.join('')).toBe(line);
    for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(50);
    expect(wrapped[0]?.endsWith(' ')).toBe(true);
  });
});
