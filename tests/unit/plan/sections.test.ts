/**
 * plan/sections.ts: sections → stacks of slides. A section with no text of its own gets no slide:
 * its heading is the kicker of the next slide, whose hash links it keeps (aliases). Sibling sections
 * of a sentence or two are merged into one slide, a point each (heading — key sentence), their
 * prose in the notes and their ids aliases of that slide. An empty heading followed by small
 * sections adopts them; an empty heading with nothing to adopt is a divider. A section's own text
 * and its small subsections share slides.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { measureSlide, slideGeometry } from '../../../src/layout/index.js';
import type { Inline, Section, Slide } from '../../../src/model.js';
import { budgetFor } from '../../../src/plan/budget.js';
import { createIdAllocator } from '../../../src/plan/ids.js';
import { planDeck } from '../../../src/plan/index.js';
import { planSections } from '../../../src/plan/sections.js';
import { blockText, plainText } from '../../../src/text.js';
import { article, code, para, section, t } from './helpers.js';

const g = slideGeometry();
const ctx = () => ({ geometry: g, budget: budgetFor(DEFAULT_DECK_OPTIONS), ids: createIdAllocator() });
const plan = (sections: Section[]): Slide[][] => planSections(sections, ctx());
const points = (s: Slide): string[] => s.parts.flatMap((p) => (p.type === 'points' ? p.items.map(plainText) : []));
const notes = (s: Slide): string => s.notes.map(blockText).join('\n');

/** Eight usages as eight h3 sections of one sentence each (the eventlet site's newer pages). */
const usages = Array.from({ length: 8 }, (_, i) => section(3, `Usage ${i + 1}`, 10 + i * 4, [para(12 + i * 4, `Usage ${i + 1} lets a server handle many clients with green threads.`)]));

describe('sibling sections of a sentence each', () => {
  it('are merged into one slide (or a few) under their parent, a point each: the heading and its sentence', () => {
    const stacks = plan([section(2, 'Common usages', 5, [], usages)]);
    const slides = stacks[0]!;
    expect(slides.length).toBeLessThan(usages.length / 2);
    const shown = slides.flatMap(points);
    expect(shown).toEqual(usages.map((_, i) => `Usage ${i + 1} — Usage ${i + 1} lets a server handle many clients with green threads.`));
    // The heading is bold in the point.
    const first = slides[0]!.parts.find((p) => p.type === 'points');
    expect(first?.type === 'points' && first.items[0]![0]).toEqual({ type: 'strong', children: [t('Usage 1')] });
    for (const s of slides) {
      expect(plainText(s.title ?? [])).toBe('Common usages');
      expect(measureSlide(s, g).fits).toBe(true);
    }
  });

  it('keep every heading reachable: the section ids are the slide’s id or its aliases', () => {
    const slides = plan([section(2, 'Common usages', 5, [], usages)])[0]!;
    const reachable = slides.flatMap((s) => [s.id, ...(s.aliases ?? [])]);
    for (const u of usages) expect(reachable).toContain(u.id);
    expect(reachable).toContain('common-usages');
    expect(slides[0]!.heading).toEqual({ level: 2, text: 'Common usages' });
  });

  it('say each section’s heading and prose in the notes', () => {
    const slides = plan([section(2, 'Common usages', 5, [], usages)])[0]!;
    const said = slides.map(notes).join('\n');
    for (let i = 0; i < 8; i++) {
      expect(said).toContain(`Usage ${i + 1}\nUsage ${i + 1} lets a server handle many clients with green threads.`);
    }
  });

  it('are not merged when a section shows code, or has more than a sentence or two', () => {
    const long = 'This section has a lot to say. '.repeat(12);
    const children = [section(3, 'Plain', 10, [para(11, 'A sentence.')]), section(3, 'With code', 14, [para(15, 'Run:'), code(16, 'make', 'bash')]), section(3, 'Long', 20, [para(21, long)])];
    const slides = plan([section(2, 'Parent', 5, [], children)])[0]!;
    expect(slides.map((s) => s.id)).toEqual(expect.arrayContaining(['with-code', 'long']));
  });
});

describe('a section without text of its own', () => {
  it('has no slide: its heading is the kicker of its first subsection’s slide, which answers to its id', () => {
    const long = (n: number) => Array.from({ length: 4 }, (_, i) => para(n + i, `Point ${i} of the subsection is a sentence of some length that a speaker says. More words here.`));
    const stacks = plan([section(2, 'The promises', 5, [], [section(3, 'Magic', 8, long(9)), section(3, 'Cooperation', 14, long(15))])]);
    const slides = stacks[0]!;
    expect(slides.map((s) => s.id)).not.toContain('the-promises');
    expect(slides[0]!.id).toBe('magic');
    expect(slides[0]!.kicker).toEqual({ inlines: [t('The promises')], headings: [{ level: 2, text: 'The promises' }] });
    expect(slides[0]!.aliases).toEqual(['the-promises']);
    expect(slides.find((s) => s.id === 'cooperation')?.kicker).toBeUndefined();
  });

  it('a section whose only text leads in to its subsections (“…benefits, including:”) is one of them: the lead-in is said on the next slide', () => {
    const cards = ['Improved performance', 'Active maintenance'].map((title, i) =>
      section(3, title, 10 + i * 5, [para(11 + i * 5, `${title} is the first benefit the guide names, with a sentence about it.`), para(12 + i * 5, 'A second sentence says more about it, at some length.'), para(13 + i * 5, 'And a third one closes.')]),
    );
    const slides = plan([section(2, 'What benefits will you get', 5, [para(6, 'Migrating to libraries like AsyncIO can provide numerous benefits, including:')], cards)])[0]!;
    for (const s of slides) expect(points(s).join(' ')).not.toMatch(/including:$/);
    // Its heading stands above the first slide (as its kicker, or as the title of its merged subsections).
    const above = slides[0]!.kicker?.headings.map((h) => h.text) ?? [plainText(slides[0]!.title ?? [])];
    expect(above).toEqual(['What benefits will you get']);
    expect([slides[0]!.id, ...(slides[0]!.aliases ?? [])]).toContain('what-benefits-will-you-get');
    expect(notes(slides[0]!)).toContain('numerous benefits, including:');
  });

  it('so does a section whose text before its subsections is a sentence or two (the race detector’s “Typical Data Races”): said over the next slide', () => {
    const long = (n: number) => Array.from({ length: 4 }, (_, i) => para(n + i, `Point ${i} of the subsection is a sentence of some length that a speaker says. More words here.`));
    const intro = para(6, 'Here are some typical data races. All of them can be detected with the race detector.');
    const races = () => [section(3, 'Race on loop counter', 8, long(9)), section(3, 'Accidentally shared variable', 14, long(15))];
    const slides = plan([section(2, 'Typical Data Races', 5, [intro], races())])[0]!;
    expect(slides.map((s) => s.id)).not.toContain('typical-data-races');
    expect(slides[0]!.id).toBe('race-on-loop-counter');
    expect(slides[0]!.kicker?.headings).toEqual([{ level: 2, text: 'Typical Data Races' }]);
    expect(slides[0]!.aliases).toEqual(['typical-data-races']);
    expect(notes(slides[0]!)).toMatch(/^Here are some typical data races\. All of them can be detected with the race detector\./);
    // More than that, or an author's keep, is a slide of its own.
    const three = para(6, 'Here are some typical data races. All of them can be detected with the race detector. Each one below shows a fix.');
    expect(plan([section(2, 'Typical Data Races', 5, [three], races())])[0]![0]!.id).toBe('typical-data-races');
    const kept = [{ type: 'directive' as const, line: 5, name: 'keep' as const }, intro];
    expect(plan([section(2, 'Typical Data Races', 4, kept, races())])[0]![0]!.id).toBe('typical-data-races');
  });

  it('joins the headings of nested sections without text in one kicker, outermost first', () => {
    const deep = section(2, 'Part', 1, [], [section(3, 'Chapter', 2, [], [section(4, 'Leaf', 3, [para(4, 'The leaf holds the only text of the three sections, at some length.'), para(5, 'A second paragraph of the leaf adds more.')])])]);
    const [first] = plan([deep])[0]!;
    expect(plainText(first!.kicker!.inlines)).toBe('Part › Chapter');
    expect(first!.kicker!.headings).toEqual([
      { level: 2, text: 'Part' },
      { level: 3, text: 'Chapter' },
    ]);
    expect(first!.aliases).toEqual(['part', 'chapter']);
  });

  it('an empty heading with nothing to adopt is a divider slide: its heading drawn big', () => {
    const stacks = plan([section(2, 'Intermission', 5, []), section(2, 'Next part', 7, [para(8, 'The next part starts with a sentence of its own.'), para(9, 'And goes on.')])]);
    expect(stacks[0]).toEqual([expect.objectContaining({ kind: 'statement', id: 'intermission', parts: [{ type: 'text', inlines: [t('Intermission')] }] })]);
  });

  it('an empty heading followed by small sections of its own level adopts them', () => {
    const reasons = [1, 2, 3].map((i) => section(2, `Reason ${i}`, 10 + i * 3, [para(11 + i * 3, `Reason ${i} is a short sentence.`)]));
    const stacks = plan([section(2, 'Three reasons', 5, []), ...reasons, section(2, 'After', 30, [para(31, 'A section after the reasons shows code, so it is not small:'), code(32, 'make all', 'bash')])]);
    expect(stacks).toHaveLength(2);
    const merged = stacks[0]!;
    expect(merged.every((s) => plainText(s.title ?? []) === 'Three reasons')).toBe(true);
    const reachable = merged.flatMap((s) => [s.id, ...(s.aliases ?? [])]);
    for (const id of ['three-reasons', 'reason-1', 'reason-2', 'reason-3']) expect(reachable).toContain(id);
    expect(merged.flatMap(points)).toEqual([1, 2, 3].map((i) => `Reason ${i} — Reason ${i} is a short sentence.`));
  });
});

describe('a section’s own text and its small subsections', () => {
  it('share slides: its points first, then a point per subsection', () => {
    const children = [section(3, 'Fast', 10, [para(11, 'It starts in a second.')]), section(3, 'Small', 13, [para(14, 'It fits in a megabyte.')])];
    const slides = plan([section(2, 'Why it', 5, [para(6, 'The tool has two qualities worth a slide of their own.'), para(7, 'Both matter.')], children)])[0]!;
    expect(slides).toHaveLength(1);
    const shown = points(slides[0]!);
    expect(shown.slice(-2)).toEqual(['Fast — It starts in a second.', 'Small — It fits in a megabyte.']);
    expect([slides[0]!.id, ...(slides[0]!.aliases ?? [])]).toEqual(expect.arrayContaining(['why-it', 'fast', 'small']));
  });
});

describe('planDeck: the eventlet site’s eight usages', () => {
  it('become a slide or two instead of eight slides of one sentence, nothing lost', () => {
    const deck = planDeck(article({ h1: 'Migrating', sections: [section(2, 'Identify key functionalities', 3, [para(4, 'List the features of your application that use Eventlet.'), para(5, 'Then sort them.')], usages)] }), DEFAULT_DECK_OPTIONS);
    const content = deck.stacks.flat().filter((s) => s.kind === 'content');
    expect(content.length).toBeLessThanOrEqual(2);
    const said = deck.stacks.flat().map(notes).join('\n');
    for (const u of usages) expect(said).toContain(plainText((u.blocks[0] as { inlines: Inline[] }).inlines));
  });
});
