/**
 * plan/compose.ts: the units of one scope cut into slides by a cost-minimising pass over measured
 * candidate slides. Properties, not tuned counts: a lead-in shares its slide with what it
 * introduces (also when that is split: the lead-in goes with the first part); short code variants
 * share a slide; a Before/After pair sits side by side when one above the other does not fit; code
 * is never planned under 18 px, and code too tall is split at blank lines with its caption on every
 * piece, pieces never side by side; a long line wraps; continued slides are balanced; statements
 * stand alone; a sparse slide shows more of its paragraphs; every slide fits (layout/measureSlide);
 * nothing is lost — over hand-made scopes and over every fixture article.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import type { CompiledDeck } from '../../../src/compile.js';
import { measureSlide, slideGeometry, type SlideGeometry } from '../../../src/layout/index.js';
import type { Block, Section, Slide, SlidePart } from '../../../src/model.js';
import { budgetFor } from '../../../src/plan/budget.js';
import { codeSizes, maxColumns } from '../../../src/plan/code.js';
import { composeScope, TARGET_FILL } from '../../../src/plan/compose.js';
import { createIdAllocator } from '../../../src/plan/ids.js';
import { planUnits } from '../../../src/plan/units.js';
import { blockText, plainText } from '../../../src/text.js';
import { compileFixtures, fixtureFiles, paragraphsOf, SHARED_PRESENT, slidesOf, slideText } from './fixture-decks.js';
import { code, para, t } from './helpers.js';

const g = slideGeometry();
const budget = budgetFor(DEFAULT_DECK_OPTIONS);
const { theme: THEME_PX, floor: FLOOR_PX } = codeSizes(g);

/** The slides of a section's blocks under `title`. */
function compose(blocks: Block[], title = 'Scope', extra: { kicker?: Slide['kicker']; aliases?: string[] } = {}): Slide[] {
  return composeScope({ title: [t(title)], id: 'scope', line: 1, heading: { level: 2, text: title }, units: planUnits(blocks, budget, title), ...extra }, { geometry: g, budget, ids: createIdAllocator() });
}
const list = (line: number, n: number, words = 'of the list, with a few more words'): Block => ({
  type: 'list',
  line,
  ordered: true,
  items: Array.from({ length: n }, (_, i) => ({ inlines: [t(`Item ${i + 1} ${words}`)], blocks: [] })),
});
const rows = (n: number, width = 24): string => Array.from({ length: n }, (_, i) => `const value${i} = compute(${i});`.slice(0, width)).join('\n');
const paragraphs = (n: number): Block[] => Array.from({ length: n }, (_, i) => para(2 + i, `Paragraph ${i} states a point of some length that fills a line or two on the slide when shown. More.`));
const codeParts = (parts: readonly SlidePart[]): Extract<SlidePart, { type: 'code' }>[] => parts.flatMap((p) => (p.type === 'code' ? [p] : p.type === 'row' ? codeParts(p.parts) : []));
const pointCount = (s: Slide): number => s.parts.reduce((n, p) => n + (p.type === 'points' ? p.items.length : 0), 0);
const isLeadInText = (p: SlidePart): boolean => p.type === 'text' && /[:：]$/.test(plainText(p.inlines).trim());
const introduced = (p: SlidePart): boolean => p.type === 'code' || p.type === 'row' || (p.type === 'block' && ['list', 'table', 'image', 'html', 'callout', 'quote', 'code'].includes(p.block.type));

function expectFits(slides: readonly Slide[], geometry: SlideGeometry = g): void {
  for (const s of slides) {
    const box = measureSlide(s, geometry);
    expect(box.fits, `${s.id}: ${Math.round(box.overflowY)} px too tall, ${Math.round(box.overflowX)} px too wide`).toBe(true);
  }
}

/** No slide ends its text with a lead-in and holds nothing it could introduce (the lone lead-in). */
function expectNoLoneLeadIn(slides: readonly Slide[]): void {
  for (const s of slides) {
    const last = s.parts.at(-1);
    if (last !== undefined && isLeadInText(last)) expect.fail(`${s.id} ends with a lead-in`);
    const text = s.parts.map((p) => (p.type === 'text' ? plainText(p.inlines) : p.type === 'points' ? p.items.map(plainText).join(' ') : '')).join(' ').trim();
    if (/[:：]$/.test(text)) expect(s.parts.some(introduced), `${s.id}: "${text.slice(-60)}" introduces nothing on its slide`).toBe(true);
  }
}

describe('lead-ins stay with what they introduce', () => {
  it('a lead-in and its list share one slide', () => {
    const slides = compose([para(2, 'Data races happen in many ways. The options are:'), list(3, 5)]);
    expect(slides).toHaveLength(1);
    const types = slides[0]!.parts.map((p) => p.type);
    const at = slides[0]!.parts.findIndex(isLeadInText);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(types[at + 1]).toBe('block');
    expectFits(slides);
  });

  it('when the list must be split, the lead-in goes with its first part, and every item is kept in order', () => {
    const slides = compose([para(2, 'The options are:'), list(3, 30)]);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides[0]!.parts.map((p) => p.type)).toEqual(['text', 'block']);
    expect(plainText((slides[0]!.parts[0] as Extract<SlidePart, { type: 'text' }>).inlines)).toBe('The options are:');
    const items = slides.flatMap((s) => s.parts.flatMap((p) => (p.type === 'block' && p.block.type === 'list' ? p.block.items.map((i) => plainText(i.inlines)) : [])));
    expect(items).toEqual(Array.from({ length: 30 }, (_, i) => `Item ${i + 1} of the list, with a few more words`));
    // Numbering continues on the later parts.
    const starts = slides.map((s) => s.parts.find((p) => p.type === 'block')).map((p) => (p?.type === 'block' && p.block.type === 'list' ? (p.block.start ?? 1) : 0));
    expect(starts[0]).toBe(1);
    expect(starts.slice(1).every((n, i) => n > starts[i]!)).toBe(true);
    expectFits(slides);
    expectNoLoneLeadIn(slides);
  });

  it('is never left at the bottom of the slide before: after a full slide of points it opens the next one', () => {
    const points = Array.from({ length: 5 }, (_, i) => para(2 + i, `Paragraph ${i} states a point of some length that fills a line or two on the slide. More.`));
    const slides = compose([...points, para(8, 'The options are:'), list(9, 8)]);
    expectNoLoneLeadIn(slides);
    const withLeadIn = slides.find((s) => s.parts.some(isLeadInText))!;
    const at = withLeadIn.parts.findIndex(isLeadInText);
    expect(withLeadIn.parts[at + 1]?.type).toBe('block');
    expectFits(slides);
  });

  it('code after a lead-in shares its slide, as its caption', () => {
    const slides = compose([para(2, 'Start the server with:'), code(3, 'npm start', 'bash')]);
    expect(slides).toHaveLength(1);
    expect(codeParts(slides[0]!.parts)[0]?.caption).toEqual([t('Start the server with:')]);
  });
});

describe('code on slides', () => {
  it('short npm / yarn variants share one slide, each with its caption, at the theme’s size', () => {
    const slides = compose([
      para(2, 'To install the latest version of React and React DOM:'),
      code(3, 'npm install --save-exact react@^19.0.0 react-dom@^19.0.0', 'bash'),
      para(5, 'Or, if you’re using Yarn:'),
      code(6, 'yarn add --exact react@^19.0.0 react-dom@^19.0.0', 'bash'),
    ]);
    expect(slides).toHaveLength(1);
    const parts = codeParts(slides[0]!.parts);
    expect(parts.map((p) => plainText(p.caption ?? []))).toEqual(['To install the latest version of React and React DOM:', 'Or, if you’re using Yarn:']);
    for (const p of parts) expect(p.scale * THEME_PX).toBeGreaterThanOrEqual(FLOOR_PX - 0.01);
    expect(slides[0]!.notes.map((b) => b.line)).toEqual([2, 5]);
    expectFits(slides);
  });

  it('a Before/After pair that does not fit one above the other sits side by side on one slide', () => {
    const blocks = [para(2, 'Before:'), code(3, rows(12), 'js'), para(17, 'After:'), code(18, rows(12), 'js')];
    // One above the other it does not fit, even at the floor.
    const stacked: Slide = { kind: 'code', id: 'x', title: [t('Scope')], parts: [1, 3].map((i) => ({ type: 'code', code: (blocks[i] as { code: string }).code, firstLine: 1, scale: FLOOR_PX / THEME_PX, caption: [t('x:')] })), notes: [], line: 1, endLine: 1 };
    expect(measureSlide(stacked, g).fits).toBe(false);
    const slides = compose(blocks);
    expect(slides).toHaveLength(1);
    expect(slides[0]!.parts.map((p) => p.type)).toEqual(['row']);
    const pair = codeParts(slides[0]!.parts);
    expect(pair.map((p) => plainText(p.caption ?? []))).toEqual(['Before:', 'After:']);
    expect(pair.map((p) => p.code)).toEqual([rows(12), rows(12)]);
    for (const p of pair) expect(p.scale * THEME_PX).toBeGreaterThanOrEqual(FLOOR_PX - 0.01);
    expectFits(slides);
  });

  it('code too tall for a slide at 18 px is split at blank lines: every line kept, the caption on every piece, pieces never side by side', () => {
    const src = Array.from({ length: 80 }, (_, i) => (i % 9 === 8 ? '' : `    result_${i} = transform(value_${i})`));
    const slides = compose([para(2, 'The whole program looks like this:'), code(3, src.join('\n'), 'python')]);
    expect(slides.length).toBeGreaterThan(1);
    for (const s of slides) {
      expect(s.parts.some((p) => p.type === 'row'), s.id).toBe(false);
      const [piece] = codeParts(s.parts);
      expect(piece, s.id).toBeDefined();
      expect(plainText(piece!.caption ?? [])).toBe('The whole program looks like this:');
      expect(piece!.scale * THEME_PX).toBeGreaterThanOrEqual(FLOOR_PX - 0.01);
      // A piece starts at its line of the block, right after a blank line (or at the top).
      expect(src[piece!.firstLine - 1]).toBe(piece!.code.split('\n')[0]);
      expect(piece!.firstLine === 1 || src[piece!.firstLine - 2] === '').toBe(true);
    }
    expect(slides.map((s) => s.continued)).toEqual(slides.map((_, i) => ({ index: i + 1, total: slides.length })));
    const kept = slides.flatMap((s) => codeParts(s.parts).flatMap((p) => p.code.split('\n')));
    expect(kept.filter((l) => l.trim())).toEqual(src.filter((l) => l.trim()));
    expectFits(slides);
  });

  it('a long line wraps instead of shrinking the slide: every character kept, nothing under 18 px', () => {
    const line = 'npx codemod@latest react/19/migration-recipe --target ./src/components/with/a/long/path --dry-run --print --verbose --no-cache';
    const slides = compose([para(2, 'Run the codemod:'), code(3, line, 'bash')]);
    expect(slides).toHaveLength(1);
    const [part] = codeParts(slides[0]!.parts);
    const wrapped = part!.code.split('\n');
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.join('')).toBe(line);
    for (const row of wrapped) expect(row.length).toBeLessThanOrEqual(maxColumns(g.contentWidth, g));
    expect(part!.scale * THEME_PX).toBeGreaterThanOrEqual(FLOOR_PX - 0.01);
    expectFits(slides);
  });
});

describe('balance and fill', () => {
  it.each([4, 6, 7, 9, 11, 13, 16])('%i points: continued slides balanced, none holding a single sentence, every slide fitting', (n) => {
    const slides = compose(paragraphs(n));
    expectFits(slides);
    if (slides.length > 1) {
      const counts = slides.map(pointCount);
      for (const c of counts) expect(c, JSON.stringify(counts)).toBeGreaterThan(1);
      expect(Math.max(...counts) - Math.min(...counts), JSON.stringify(counts)).toBeLessThanOrEqual(2);
      expect(slides.map((s) => s.continued)).toEqual(slides.map((_, i) => ({ index: i + 1, total: slides.length })));
    }
    // Every paragraph is said once, on the slide that shows its point, in order.
    expect(slides.flatMap((s) => s.notes.map((b) => b.line))).toEqual(Array.from({ length: n }, (_, i) => 2 + i));
  });

  it('a sparse slide shows more of its paragraph: its next good sentences, verbatim and in order', () => {
    const [slide] = compose([para(2, 'Green threads switch when they wait for the network. They are cheap to create. Each one has a small stack.')]);
    const items = slide!.parts.flatMap((p) => (p.type === 'points' ? p.items.map(plainText) : []));
    expect(items.length).toBeGreaterThan(1);
    expect(items[0]).toBe('Green threads switch when they wait for the network.');
    const sentences = ['Green threads switch when they wait for the network.', 'They are cheap to create.', 'Each one has a small stack.'];
    expect(items.every((x) => sentences.includes(x))).toBe(true);
    expect(items.map((x) => sentences.indexOf(x))).toEqual([...items.map((x) => sentences.indexOf(x))].sort());
    expect(TARGET_FILL).toBeGreaterThan(1 / 3);
  });

  it('points kept off a busy slide come back on a sparse one', () => {
    // The section shows code: only its best point stands beside it; a break then leaves that point alone.
    const shelved = 'It is simple to use, and it works with every library that talks to the network through the standard sockets.';
    const blocks: Block[] = [
      para(2, `${shelved} It works in a minute.`),
      para(3, 'Monkey patching replaces the socket module at import time. Nothing else changes.'),
      { type: 'directive', line: 4, name: 'break' },
      para(5, 'Run it:'),
      code(6, rows(18, 40), 'python'),
    ];
    // Beside the code only the best point would be shown…
    expect(planUnits(blocks, budget, 'Monkey patching').filter((u) => u.kind === 'point')).toHaveLength(1);
    // …but its slide has room: the shelved point is shown too, in the article's order.
    const slides = compose(blocks, 'Monkey patching');
    const first = slides[0]!.parts.flatMap((p) => (p.type === 'points' ? p.items.map(plainText) : []));
    expect(first).toEqual([shelved, 'Monkey patching replaces the socket module at import time.']);
  });

  it('a continued slide left with one point shows the point shelved after it (race detector "Primitive unprotected variable (2/3)")', () => {
    const blocks: Block[] = [
      para(2, 'Data races can happen on variables of primitive types as well, as in this example:'),
      code(3, rows(18, 40), 'go'),
      para(22, 'Even such "innocent" data races can lead to hard-to-debug problems caused by non-atomicity of the memory accesses, interference with compiler optimizations, or reordering issues accessing processor memory.'),
      para(23, 'A typical fix for this race is to use a channel or a mutex. To preserve the lock-free behavior, one can also use the sync/atomic package.'),
      code(24, rows(17, 40), 'go'),
    ];
    const slides = compose(blocks, 'Primitive unprotected variable');
    const alone = slides.filter((s) => s.parts.length === 1 && s.parts[0]!.type === 'points');
    expect(alone).toHaveLength(1);
    expect(alone[0]!.parts[0]!.type === 'points' && alone[0]!.parts[0]!.items.map(plainText)).toEqual([
      'Even such "innocent" data races can lead to hard-to-debug problems caused by non-atomicity of the memory accesses, interference with compiler optimizations, or reordering issues accessing processor memory.',
      'A typical fix for this race is to use a channel or a mutex.',
    ]);
    expectFits(slides);
  });

  it('so do points shelved right after the shown one, after it (jekyll "9. Simplify your site with includes")', () => {
    const blocks: Block[] = [
      para(2, 'Add a folder called _includes in your root directory. In that folder, add a file there called sidebar.html.'),
      para(3, 'Remove your sidebar code from your default.html layout and insert it into the sidebar.html file.'),
      { type: 'directive', line: 4, name: 'break' },
      para(5, 'Where the sidebar code previously existed in default.html, pull in your include like this:'),
      code(6, rows(18, 40), 'liquid'),
    ];
    expect(planUnits(blocks, budget, 'Includes').filter((u) => u.kind === 'point')).toHaveLength(1);
    const first = compose(blocks, 'Includes')[0]!.parts.flatMap((p) => (p.type === 'points' ? p.items.map(plainText) : []));
    expect(first).toEqual(['Add a folder called _includes in your root directory.', 'In that folder, add a file there called sidebar.html.', 'Remove your sidebar code from your default.html layout and insert it into the sidebar.html file.']);
  });
});

describe('what a scope’s slides carry', () => {
  it('a statement stands on a slide of its own, drawn without a title', () => {
    const slides = compose([para(2, 'Eventlet patches the standard library at import time, once.'), list(3, 2), para(5, 'The promise is not kept.')]);
    const statement = slides.find((s) => s.kind === 'statement')!;
    expect(statement.parts).toEqual([{ type: 'text', inlines: [t('The promise is not kept.')] }]);
    expect(statement.notes.map((b) => b.line)).toEqual([5]);
    expect(statement.continued).toBeUndefined();
  });

  it('a break directive cuts, even where both sides would share a slide', () => {
    const slides = compose([para(2, 'One short point stands here.'), { type: 'directive', line: 3, name: 'break' }, para(4, 'Another short point stands there.')]);
    expect(slides).toHaveLength(2);
  });

  it('a heading with nothing under it is a divider: its heading drawn big', () => {
    const slides = compose([], 'Part two');
    expect(slides).toEqual([expect.objectContaining({ kind: 'statement', id: 'scope', parts: [{ type: 'text', inlines: [t('Part two')] }], notes: [] })]);
  });

  it('the first slide carries the scope’s id, heading, kicker and aliases; the others `-2`, `-3`… and the continued mark', () => {
    const kicker = { inlines: [t('Part')], headings: [{ level: 2, text: 'Part' }] };
    const slides = compose(paragraphs(12), 'Scope', { kicker, aliases: ['part'] });
    expect(slides.length).toBeGreaterThan(1);
    expect(slides[0]).toMatchObject({ id: 'scope', heading: { level: 2, text: 'Scope' }, kicker, aliases: ['part'] });
    slides.slice(1).forEach((s, i) => {
      expect(s.id).toBe(`scope-${i + 2}`);
      expect(s.heading).toBeUndefined();
      expect(s.kicker).toBeUndefined();
      expect(s.aliases).toBeUndefined();
      expect(s.title).toEqual([t('Scope')]);
    });
    expectFits(slides);
  });

  it('is pure: the same units give the same slides', () => {
    const blocks = [...paragraphs(5), para(8, 'The options are:'), list(9, 12), code(30, rows(30), 'js')];
    expect(JSON.stringify(compose(blocks))).toBe(JSON.stringify(compose(blocks)));
  });
});

describe('over every fixture article (and ../shared/articles when present)', () => {
  let decks: CompiledDeck[] = [];
  beforeAll(async () => {
    decks = await compileFixtures();
  }, 120_000);

  it(`covers the fixtures${SHARED_PRESENT ? ' and the shared articles' : ' (../shared/articles absent: fixtures only)'}`, () => {
    expect(decks.length).toBe(fixtureFiles().length);
    expect(decks.length).toBeGreaterThan(10);
  });

  it('loses nothing: every paragraph (list items, quotes and callouts too) is whole in the slides or the notes', () => {
    for (const c of decks) {
      const all = slidesOf(c.deck)
        .map(slideText)
        .map((x) => `${x.screen}\n${x.notes}`.replace(/\s+/g, ' '))
        .join('\n');
      const sections = (list: readonly Section[]): Block[] => list.flatMap((s) => [...s.blocks, ...sections(s.children)]);
      for (const p of paragraphsOf([...c.article.intro, ...sections(c.article.sections)])) {
        const text = plainText(p.inlines).replace(/\s+/g, ' ').trim();
        if (text !== '') expect(all.includes(text), `${c.source.path}:${p.line}: "${text.slice(0, 80)}"`).toBe(true);
      }
      // And all the code.
      const squeeze = (x: string): string => x.replace(/\s+/g, '');
      const onSlides = squeeze(slidesOf(c.deck).flatMap((s) => codeParts(s.parts).map((p) => p.code)).join(''));
      const inBlocks = squeeze(slidesOf(c.deck).flatMap((s) => [...s.notes.map(blockText), ...s.parts.map((p) => (p.type === 'block' ? blockText(p.block) : ''))]).join(''));
      for (const b of sections(c.article.sections).filter((x): x is Extract<Block, { type: 'code' }> => x.type === 'code')) {
        const want = squeeze(b.code);
        expect(onSlides.includes(want) || inBlocks.includes(want), `${c.source.path}:${b.line}: code`).toBe(true);
      }
    }
  });

  it('fits every planned slide, by layout/measureSlide at the deck’s size, with the pictures’ own sizes', () => {
    for (const c of decks) {
      const geometry = slideGeometry({ width: c.deck.meta.width, height: c.deck.meta.height, theme: c.deck.meta.theme });
      const sizes = new Map<string, { width: number; height: number } | null>();
      for (const f of c.inputs.images.files) if (f.width !== undefined && f.height !== undefined) sizes.set(f.name, { width: f.width, height: f.height });
      // A missing or refused (outside the project: its src rewritten to lectern-blocked:) picture shows its alt text.
      for (const src of c.inputs.images.missing ?? []) sizes.set(src, null);
      for (const s of slidesOf(c.deck)) {
        const box = measureSlide(s, geometry, { imageSize: (src) => (src.startsWith('lectern-blocked:') ? null : sizes.get(src)) });
        // Known limit: a table cell with an unbreakable word (a URL) wider than the slide cannot be
        // cut narrower; the runtime's fit pass scales that one (tests/fixtures/layout/hard.md).
        const unbreakableTable = s.parts.length === 1 && s.parts[0]!.type === 'block' && s.parts[0]!.block.type === 'table' && s.parts[0]!.block.header.length <= 2 && box.overflowY <= 0;
        if (!unbreakableTable) expect(box.fits, `${c.source.path} #${s.id}: ${Math.round(box.overflowY)} px too tall, ${Math.round(box.overflowX)} px too wide`).toBe(true);
      }
    }
  });

  it('never plans code under 18 px, nor a lone lead-in', () => {
    for (const c of decks) {
      for (const s of slidesOf(c.deck)) for (const p of codeParts(s.parts)) expect(p.scale * THEME_PX, `${c.source.path} #${s.id}`).toBeGreaterThanOrEqual(FLOOR_PX - 0.01);
      expectNoLoneLeadIn(slidesOf(c.deck).filter((s) => s.kind !== 'title'));
    }
  });
});
