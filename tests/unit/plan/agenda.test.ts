import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import type { Inline, Section, Slide } from '../../../src/model.js';
import { measureSlide, slideGeometry } from '../../../src/layout/index.js';
import { AGENDA_MIN_SECTIONS, AGENDA_MIN_WORDS, MAX_AGENDA_ENTRIES, needsAgenda } from '../../../src/plan/agenda.js';
import { planDeck } from '../../../src/plan/index.js';
import { article, para, section } from './helpers.js';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const sections = (n: number, text = 'Short text here.'): Section[] => Array.from({ length: n }, (_, i) => section(2, `Part ${i + 1}`, 10 * (i + 1), [para(10 * (i + 1) + 1, text)]));
const agendaOf = (slides: readonly Slide[]): Slide[] => slides.filter((s) => s.kind === 'agenda');
const linksOf = (slide: Slide): { href: string; text: string }[] =>
  slide.parts.flatMap((p) => (p.type === 'points' ? p.items.flat() : [])).flatMap((i: Inline) => (i.type === 'link' ? [{ href: i.href, text: i.children.map((c) => (c.type === 'text' ? c.text : '')).join('') }] : []));

describe('agenda slides', () => {
  it('are planned only for long articles: 6 sections, or 5,000 words of prose over 2 sections', () => {
    expect(AGENDA_MIN_SECTIONS).toBe(6);
    expect(AGENDA_MIN_WORDS).toBe(5000);
    expect(needsAgenda(article({ sections: sections(5) }))).toBe(false);
    expect(needsAgenda(article({ sections: sections(6) }))).toBe(true);
    expect(needsAgenda(article({ sections: sections(2, words(2600)) }))).toBe(true);
    expect(needsAgenda(article({ sections: sections(1, words(9000)) }))).toBe(false);
    // Code does not count as prose.
    const code = { type: 'code' as const, line: 3, code: words(6000) };
    expect(needsAgenda(article({ sections: [section(2, 'A', 1, [code]), section(2, 'B', 5, [code])] }))).toBe(false);
  });

  it('come right after the title stack, titled with the deck title, linking each section’s first slide', () => {
    const deck = planDeck(article({ h1: 'The talk', sections: sections(6) }), DEFAULT_DECK_OPTIONS);
    expect(deck.stacks[0]?.[0]?.kind).toBe('title');
    const agenda = deck.stacks[1] ?? [];
    expect(agenda.map((s) => s.kind)).toEqual(['agenda']);
    expect(agenda[0]?.title).toEqual([{ type: 'text', text: 'The talk' }]);
    expect(agenda[0]?.continued).toBeUndefined();
    expect(linksOf(agenda[0] as Slide)).toEqual(deck.stacks.slice(2, -1).map((stack, i) => ({ href: `#/${stack[0]?.id}`, text: `Part ${i + 1}` })));
    expect(agenda[0]?.notes).toEqual([]);
  });

  it('link the slide a section really got, even when its id had to change', () => {
    const a = article({ h1: 'T', sections: [section(2, 'Title', 5, [para(6, 'Clash with the title slide id.')]), ...sections(5)] });
    const deck = planDeck(a, DEFAULT_DECK_OPTIONS);
    const first = linksOf(deck.stacks[1]?.[0] as Slide)[0];
    expect(first).toEqual({ href: `#/${deck.stacks[2]?.[0]?.id}`, text: 'Title' });
    expect(first?.href).toBe('#/title-2');
  });

  it('hold as many entries as fit the slide, measured with its fonts: nine short headings on one (the race detector’s)', () => {
    const nine = ['Introduction', 'Usage', 'Report Format', 'Options', 'Excluding Tests', 'How To Use', 'Typical Data Races', 'Requirements', 'Runtime Overhead'];
    const a = article({ h1: 'Data Race Detector', sections: nine.map((title, i) => section(2, title, 10 * (i + 1), [para(10 * (i + 1) + 1, 'Short text here.')])) });
    for (const theme of ['light', 'dark', 'eventlet']) {
      const options = { ...DEFAULT_DECK_OPTIONS, theme };
      const agenda = agendaOf(planDeck(a, options).stacks.flat());
      expect(agenda.map((s) => linksOf(s).length), theme).toEqual([9]);
      expect(measureSlide(agenda[0]!, slideGeometry({ theme })).fits).toBe(true);
    }
  });

  it(`continue on balanced slides of at most ${MAX_AGENDA_ENTRIES} entries, marked (1/3)…`, () => {
    expect(MAX_AGENDA_ENTRIES).toBe(10);
    const deck = planDeck(article({ h1: 'T', sections: sections(25) }), DEFAULT_DECK_OPTIONS);
    const agenda = agendaOf(deck.stacks.flat());
    expect(agenda.map((s) => linksOf(s).length)).toEqual([9, 9, 7]);
    expect(agenda.map((s) => s.continued)).toEqual([
      { index: 1, total: 3 },
      { index: 2, total: 3 },
      { index: 3, total: 3 },
    ]);
    expect(new Set(agenda.map((s) => s.id)).size).toBe(3);
  });

  it('give long headings more room', () => {
    const long = Array.from({ length: 6 }, (_, i) => section(2, `A very long heading number ${i + 1} that surely wraps onto a second line of the slide`, i + 1, [para(i + 1, 'x.')]));
    const agenda = agendaOf(planDeck(article({ h1: 'T', sections: long }), DEFAULT_DECK_OPTIONS).stacks.flat());
    expect(agenda.length).toBe(2);
  });

  it('are their own stacks in the flat layout, and absent from a short deck', () => {
    const flat = planDeck(article({ h1: 'T', sections: sections(12) }), { ...DEFAULT_DECK_OPTIONS, layout: 'flat' });
    expect(flat.stacks[1]?.map((s) => s.kind)).toEqual(['agenda']);
    expect(flat.stacks[2]?.map((s) => s.kind)).toEqual(['agenda']);
    const short = planDeck(article({ h1: 'T', sections: sections(3) }), DEFAULT_DECK_OPTIONS);
    expect(agendaOf(short.stacks.flat())).toEqual([]);
  });
});
