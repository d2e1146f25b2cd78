/**
 * plan/units.ts: the blocks of a section become units — a key point with its paragraph for the
 * notes, a lead-in glued to what it introduces, a block shown as it is, code with its caption, a
 * statement, notes only — and the directives act here. In a section that shows code, a table or a
 * picture, only its best point stands beside it (`budget.pointsBesideCode`); meta and pointer
 * paragraphs and italic asides are said, not shown, when the section shows something else.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import type { Block } from '../../../src/model.js';
import { budgetFor } from '../../../src/plan/budget.js';
import { planUnits, type Unit } from '../../../src/plan/units.js';
import { blockText, plainText } from '../../../src/text.js';
import { code, para, t } from './helpers.js';

const budget = budgetFor(DEFAULT_DECK_OPTIONS);
const list = (line: number, ...items: string[]): Block => ({ type: 'list', line, ordered: false, items: items.map((i) => ({ inlines: [t(i)], blocks: [] })) });
const kinds = (units: readonly Unit[]): string[] => units.map((u) => (u.kind === 'text' && u.leadIn ? 'lead-in' : u.kind));
const shownText = (u: Unit): string =>
  u.kind === 'point' || u.kind === 'text' ? plainText(u.inlines) : u.kind === 'code' ? `${plainText(u.caption ?? [])}|${u.block.code}` : u.kind === 'statement' ? plainText(u.block.inlines) : u.kind === 'block' ? blockText(u.block) : '';
/** Every block a unit carries for the notes. */
const notesOf = (units: readonly Unit[]): Block[] => units.flatMap((u) => (u.kind === 'notes' ? u.blocks : u.kind === 'statement' ? [u.block] : u.kind === 'break' ? [] : u.notes));

describe('planUnits: paragraphs', () => {
  it('a paragraph is a point: its best sentence, the whole paragraph for the notes, the next good sentences in reserve', () => {
    const p = para(3, 'Green threads switch when they wait for the network. They are cheap to create. Each one has a small stack.');
    const [unit] = planUnits([p], budget, 'Green threads');
    expect(unit?.kind).toBe('point');
    if (unit?.kind !== 'point') return;
    expect(plainText(unit.inlines)).toBe('Green threads switch when they wait for the network.');
    expect(unit.notes).toEqual([p]);
    expect(unit.line).toBe(3);
    expect(unit.shown[0]).toEqual(unit.inlines);
    expect(unit.shown.length).toBeLessThanOrEqual(3);
  });

  it('a sentence ending in ":" before a list is a lead-in that the list follows; the paragraph’s point comes first', () => {
    const units = planUnits([para(2, 'Races are hard to find. The options are:'), list(3, 'a detector', 'a review')], budget);
    expect(kinds(units)).toEqual(['point', 'lead-in', 'block']);
    expect(shownText(units[1]!)).toBe('The options are:');
    // The whole paragraph is said once (with the point).
    expect(notesOf(units).filter((b) => b.line === 2)).toHaveLength(1);
  });

  it.each([
    ['Here is an example.', 'list'],
    ['The steps are as follows.', 'table'],
    ['See the picture below.', 'image'],
  ] as const)('"%s" before a %s leads in to it too', (sentence, type) => {
    const next: Block =
      type === 'list'
        ? list(3, 'one', 'two')
        : type === 'table'
          ? { type: 'table', line: 3, align: [null], header: [[t('h')]], rows: [[[t('c')]]] }
          : { type: 'image', line: 3, src: 'a.png', alt: 'A' };
    expect(kinds(planUnits([para(2, sentence), next], budget))).toEqual(['lead-in', 'block']);
  });

  it('a lead-in with nothing after it in its section is said, not shown: alone on a slide it would introduce nothing', () => {
    const one = planUnits([para(2, 'Migrating can provide numerous benefits, including:')], budget);
    expect(kinds(one)).toEqual(['notes']);
    expect(notesOf(one).map((b) => b.line)).toEqual([2]);
    // Of a longer paragraph, another sentence is the point; the lead-in stays in the notes with it.
    const two = planUnits([para(2, 'Threads are simple. Eventlet hides its switches. The arguments are set out below.')], budget);
    expect(kinds(two)).toEqual(['point']);
    expect(two.map(shownText).join(' ')).not.toContain('below');
    // Not even as a statement (a short last paragraph of a section of three blocks).
    expect(kinds(planUnits([para(2, 'A first claim is made here at length.'), list(3, 'x', 'y'), para(5, 'Options include:')], budget))).toEqual(['point', 'block', 'notes']);
  });

  it('a paragraph before code captions it: a one-sentence paragraph is the caption, a longer one gives its last sentence', () => {
    const one = planUnits([para(2, 'Run it with:'), code(3, 'npm start', 'bash')], budget);
    expect(kinds(one)).toEqual(['code']);
    expect(one[0]?.kind === 'code' && plainText(one[0].caption ?? [])).toBe('Run it with:');
    expect(notesOf(one).map((b) => b.line)).toEqual([2]);
    const two = planUnits([para(2, 'The server starts in a second. Run it with:'), code(3, 'npm start', 'bash')], budget);
    expect(kinds(two)).toEqual(['point', 'code']);
    expect(shownText(two[0]!)).toBe('The server starts in a second.');
    expect(two[1]?.kind === 'code' && plainText(two[1].caption ?? [])).toBe('Run it with:');
  });

  it('a short last paragraph of a section with three blocks or more is a statement', () => {
    const units = planUnits([para(2, 'Eventlet patches the standard library at import time.'), list(3, 'socket', 'thread'), para(5, 'The promise is not kept.')], budget);
    expect(kinds(units)).toEqual(['point', 'block', 'statement']);
    // Not with a link or code in it, and not in a section of two blocks.
    expect(kinds(planUnits([para(2, 'First claim is made here.'), list(3, 'x', 'y'), para(5, 'See ', { type: 'link', href: 'x', children: [t('this')] }, ' now.')], budget)).at(-1)).not.toBe('statement');
    expect(kinds(planUnits([para(2, 'First claim is made here.'), para(5, 'The promise is not kept.')], budget))).toEqual(['point', 'point']);
  });
});

describe('planUnits: what is said, not shown', () => {
  it('a section that shows code keeps one point beside it, the best; the others are shelved in the notes', () => {
    const units = planUnits(
      [
        para(2, 'Here we go. Let us look at it.'),
        para(3, 'Monkey patching replaces the socket module at import time. Nothing else changes.'),
        para(4, 'It is a thing. It was so.'),
        code(5, 'eventlet.monkey_patch()', 'python'),
      ],
      budget,
      'Monkey patching',
    );
    const points = units.filter((u) => u.kind === 'point');
    expect(points.map(shownText)).toEqual(['Monkey patching replaces the socket module at import time.']);
    const shelved = units.filter((u) => u.kind === 'notes' && u.shelved !== undefined);
    expect(shelved).toHaveLength(2);
    // Every paragraph is still said.
    expect(notesOf(units).map((b) => b.line).sort()).toEqual([2, 3, 4]);
  });

  it('weighs a one-sentence paragraph on the same scale as the others: ties go to the earliest', () => {
    // react-19-upgrade-guide, "Removed: Legacy Context…": the section's one-sentence lead scored 0
    // for being alone, so the longer second paragraph took its place beside the code.
    const lead = 'Legacy Context was deprecated in October 2018 (v16.6.0).';
    const units = planUnits(
      [
        para(2, lead),
        para(3, "Legacy Context was only available in class components using the APIs contextTypes and getChildContext, and was replaced with contextType due to subtle bugs that were easy to miss. In React 19, we're removing Legacy Context to make React slightly smaller and faster."),
        para(4, "If you're still using Legacy Context in class components, you'll need to migrate to the new contextType API:"),
        code(5, 'class Parent extends React.Component {}', 'js'),
      ],
      budget,
      'Removed: Legacy Context using contextTypes and getChildContext',
    );
    expect(units.filter((u) => u.kind === 'point').map(shownText)).toEqual([lead]);
    // A one-sentence paragraph that leans on what came before ranks under a self-contained lead.
    const react = planUnits([para(2, 'The props of React elements now default to unknown. This does not affect you:'), code(3, 'type A = 1;', 'ts'), para(4, 'You should only need it if you have a lot of legacy code relying on unsound access of element props.')], budget, 'ReactElement');
    expect(react.filter((u) => u.kind === 'point').map(shownText)).toEqual(['The props of React elements now default to unknown.']);
  });

  it('a meta or pointer paragraph is said, not shown, when the section shows something else', () => {
    const units = planUnits([para(2, 'Threads share memory and need locks.'), para(3, 'For more details, see the documentation.')], budget);
    expect(kinds(units)).toEqual(['point', 'notes']);
    // Alone in its section it is still shown (there is nothing else to show).
    expect(kinds(planUnits([para(3, 'For more details, see the documentation.')], budget))).toEqual(['point']);
  });

  it('an italic aside goes to the notes when the section shows something else', () => {
    const aside = para(3, { type: 'em', children: [t('This change is included in the codemod preset.')] });
    expect(kinds(planUnits([para(2, 'Refs are cleaned up on unmount.'), aside], budget))).toEqual(['point', 'notes']);
  });

  it('other HTML keeps only its text, in the notes; an embed is shown', () => {
    const units = planUnits(
      [
        { type: 'html', line: 2, html: '<div class="card">Card text</div>', text: 'Card text' },
        { type: 'html', line: 3, html: '<video src="v.mp4"></video>', text: '' },
      ],
      budget,
    );
    expect(kinds(units)).toEqual(['notes', 'block']);
    expect(notesOf(units).map((b) => b.line)).toEqual([2]);
  });

  it('a list of prose items shows each item’s key point, the whole list in the notes', () => {
    const long = 'This item is a whole paragraph of prose that goes on and on. It explains a detail that the speaker would say rather than show on the slide.';
    const [unit] = planUnits([{ type: 'list', line: 2, ordered: true, items: [{ inlines: [t(long)], blocks: [] }] }], budget);
    expect(unit?.kind).toBe('block');
    if (unit?.kind !== 'block' || unit.block.type !== 'list') return;
    expect(plainText(unit.block.items[0]!.inlines)).toBe('This item is a whole paragraph of prose that goes on and on.');
    expect(unit.notes).toHaveLength(1);
    expect(blockText(unit.notes[0]!)).toContain('the speaker would say');
  });
});

describe('planUnits: directives', () => {
  it('keep shows the next paragraph whole, hide says it, notes adds a note, break cuts', () => {
    const units = planUnits(
      [
        { type: 'directive', line: 1, name: 'keep' },
        para(2, 'Kept whole. Every word of it.'),
        { type: 'directive', line: 3, name: 'hide' },
        para(4, 'Hidden from the screen.'),
        { type: 'directive', line: 5, name: 'notes', text: 'Say hello.' },
        { type: 'directive', line: 6, name: 'break' },
        para(7, 'After the break comes this paragraph, long enough not to be a statement.'),
      ],
      budget,
    );
    expect(kinds(units)).toEqual(['text', 'notes', 'notes', 'break', 'point']);
    expect(shownText(units[0]!)).toBe('Kept whole. Every word of it.');
    expect(notesOf(units).map(blockText)).toContain('Say hello.');
    expect(units.map(shownText).join(' ')).not.toContain('Hidden');
  });
});

describe('planUnits: nothing lost', () => {
  it('every paragraph of a mixed section is carried by exactly one unit (shown with its notes, or said)', () => {
    const blocks: Block[] = [
      para(1, 'Intro sentence of the section. It has two sentences.'),
      para(2, 'The choices are:'),
      list(3, 'first choice', 'second choice'),
      para(4, 'Then code. Run this:'),
      code(5, 'print(1)', 'python'),
      para(7, 'For more, see the guide.'),
      para(8, { type: 'em', children: [t('An aside in italics.')] }),
      para(9, 'A closing thought follows here at some length.'),
    ];
    const units = planUnits(blocks, budget);
    const carried = [...notesOf(units), ...units.flatMap((u) => (u.kind === 'block' || u.kind === 'code' ? [u.block] : []))];
    for (const b of blocks) expect(carried.filter((c) => c.line === b.line).length, `line ${b.line}`).toBeGreaterThanOrEqual(1);
    // Paragraphs are said exactly once.
    for (const b of blocks.filter((x) => x.type === 'paragraph')) expect(notesOf(units).filter((c) => c === b), `line ${b.line}`).toHaveLength(1);
  });
});
