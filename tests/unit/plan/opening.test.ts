/**
 * plan/opening.ts: how a talk opens. The title slide holds the deck title, a subtitle of at most
 * one sentence (the description's key sentence, else the lede's), author and date; the lede's prose
 * goes to the title slide's notes, not to "(1/5)" slides; what else the lede shows (a callout, a
 * picture, code) gets slides of its own under the deck title; the article's own table of contents
 * is dropped from the slides when the deck has an agenda, and kept in the notes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { slideGeometry } from '../../../src/layout/index.js';
import type { Article, Block, Slide } from '../../../src/model.js';
import { budgetFor } from '../../../src/plan/budget.js';
import { createIdAllocator } from '../../../src/plan/ids.js';
import { planDeck } from '../../../src/plan/index.js';
import { isTableOfContents, planOpening } from '../../../src/plan/opening.js';
import { splitSentences } from '../../../src/plan/sentences.js';
import { blockText, plainText } from '../../../src/text.js';
import { article, link, para, section, t } from './helpers.js';

const TITLE = [t('React 19 Upgrade Guide')];
const open = (a: Article, agenda = false): Slide[] =>
  planOpening(a, { geometry: slideGeometry(), budget: budgetFor(DEFAULT_DECK_OPTIONS), ids: createIdAllocator(), title: TITLE, agenda });
const LEDE = [
  para(3, 'The improvements added to React 19 require some breaking changes, but we’ve worked to make the upgrade as smooth as possible. We don’t expect the changes to impact most apps.'),
  para(5, 'To help make the upgrade easier, today we are also publishing React 18.3.'),
  para(7, 'In this post, we will guide you through the steps for upgrading to React 19:'),
];
const sections = ['Installing', 'Removed APIs', 'New deprecations', 'Notable changes', 'TypeScript changes', 'Changelog'].map((title, i) =>
  section(2, title, 20 + i * 10, [para(21 + i * 10, `${title} are described in a sentence here.`), para(22 + i * 10, 'And a second paragraph.')]),
);
const toc: Block = { type: 'list', line: 9, ordered: false, items: sections.map((s) => ({ inlines: [link(`#${s.id}`, s.title)], blocks: [] })) };

describe('the title slide', () => {
  it('shows one sentence of the lede under the title; the whole lede is in its notes, not on "(1/5)" slides', () => {
    const slides = open(article({ h1: 'React 19 Upgrade Guide', intro: LEDE, sections }));
    expect(slides).toHaveLength(1);
    const [title] = slides;
    expect(title).toMatchObject({ kind: 'title', id: 'title', title: TITLE, heading: { level: 1, text: 'React 19 Upgrade Guide' }, line: 1 });
    expect(title!.parts).toHaveLength(1);
    const subtitle = title!.parts[0]!;
    expect(subtitle.type).toBe('text');
    if (subtitle.type !== 'text') return;
    expect(splitSentences(subtitle.inlines)).toHaveLength(1);
    const lede = splitSentences(LEDE[0]!.type === 'paragraph' ? LEDE[0].inlines : []).map(plainText);
    expect(lede).toContain(plainText(subtitle.inlines));
    expect(title!.notes).toEqual(LEDE);
    expect(title!.endLine).toBe(7);
  });

  it('takes the description’s key sentence when the front matter has one, with the author and date', () => {
    const a = article({ h1: 'T', intro: LEDE, sections, meta: { raw: {}, description: 'Upgrading to React 19 takes an afternoon for most apps. Then enjoy the new features for years.', author: 'Ricky', date: '2024-04-25' } });
    const [title] = open(a);
    expect(title!.parts).toEqual([{ type: 'byline', description: 'Upgrading to React 19 takes an afternoon for most apps.', author: 'Ricky', date: '2024-04-25' }]);
    expect(title!.notes).toEqual(LEDE);
  });

  it('has a byline without a lede, and nothing invented without one either', () => {
    expect(open(article({ h1: 'T', sections, meta: { raw: {}, author: 'Ricky' } }))[0]!.parts).toEqual([{ type: 'byline', author: 'Ricky' }]);
    expect(open(article({ h1: 'T', sections }))[0]!.parts).toEqual([]);
  });
});

describe('what the lede shows', () => {
  it('a callout or picture of the lede gets a slide of its own under the deck title', () => {
    const note: Block = { type: 'callout', line: 11, kind: 'note', title: [t('Note')], blocks: [para(12, 'React 18.3 adds warnings for deprecated APIs.')] };
    const slides = open(article({ h1: 'T', intro: [...LEDE.slice(0, 2), note], sections }));
    expect(slides.map((s) => s.kind)).toEqual(['title', 'content']);
    expect(slides[1]).toMatchObject({ id: 'introduction', title: TITLE });
    expect(slides[1]!.parts).toEqual([{ type: 'block', block: note }]);
    expect(slides[0]!.notes).toEqual(LEDE.slice(0, 2));
  });

  it('a lead-in paragraph stays with the list it introduces', () => {
    const steps: Block = { type: 'list', line: 9, ordered: true, items: [{ inlines: [t('Install 18.3 first')], blocks: [] }, { inlines: [t('Then 19')], blocks: [] }] };
    const slides = open(article({ h1: 'T', intro: [LEDE[0]!, para(8, 'The steps are:'), steps], sections }));
    expect(slides[1]!.parts.map((p) => p.type)).toEqual(['text', 'block']);
    expect(slides[0]!.notes).toEqual([LEDE[0]]);
  });
});

describe('the article’s own table of contents', () => {
  it('is recognised: a list of links to the article’s own headings', () => {
    const a = article({ h1: 'T', intro: [toc], sections });
    expect(isTableOfContents(toc, a)).toBe(true);
    const external: Block = { type: 'list', line: 1, ordered: false, items: [{ inlines: [link('https://x.example/', 'x')], blocks: [] }, { inlines: [link('https://y.example/', 'y')], blocks: [] }] };
    expect(isTableOfContents(external, a)).toBe(false);
    expect(isTableOfContents(para(1, 'text'), a)).toBe(false);
  });

  it('is dropped from the slides when the deck has an agenda, and kept in the notes', () => {
    const a = article({ h1: 'React 19 Upgrade Guide', intro: [...LEDE, toc], sections });
    const slides = open(a, true);
    expect(slides).toHaveLength(1);
    expect(slides[0]!.notes).toEqual([...LEDE, toc]);
  });

  it('is shown, with its lead-in, when there is no agenda', () => {
    const a = article({ h1: 'React 19 Upgrade Guide', intro: [...LEDE, toc], sections });
    const slides = open(a, false);
    expect(slides.map((s) => s.kind)).toEqual(['title', 'content']);
    expect(slides[1]!.parts.map((p) => p.type)).toEqual(['text', 'block']);
    expect(plainText((slides[1]!.parts[0] as { inlines: readonly never[] }).inlines)).toBe('In this post, we will guide you through the steps for upgrading to React 19:');
  });

  it('planDeck: six sections make an agenda, and the contents list is then only in the title slide’s notes', () => {
    const deck = planDeck(article({ h1: 'React 19 Upgrade Guide', intro: [...LEDE, toc], sections }), DEFAULT_DECK_OPTIONS);
    expect(deck.stacks[0]!.map((s) => s.kind)).toEqual(['title']);
    expect(deck.stacks[1]!.every((s) => s.kind === 'agenda')).toBe(true);
    expect(deck.stacks[0]![0]!.notes.map(blockText).join('\n')).toContain('Removed APIs');
    const shown = deck.stacks.flat().filter((s) => s.kind !== 'agenda').flatMap((s) => s.parts.filter((p) => p.type === 'block' && p.block.type === 'list'));
    expect(shown).toEqual([]);
  });
});
