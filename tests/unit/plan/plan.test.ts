import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { planDeck, slideTitles } from '../../../src/plan/index.js';
import type { Deck, Slide } from '../../../src/model.js';
import { blockText, plainText } from '../../../src/text.js';
import { measureSlide, slideGeometry } from '../../../src/layout/index.js';
import { article, code, link, para, section } from './helpers.js';

const opts = DEFAULT_DECK_OPTIONS;
const slides = (deck: Deck): Slide[] => deck.stacks.flat();
const notesText = (slide: Slide): string => slide.notes.map(blockText).join('\n');

const sixteen = Array.from({ length: 16 }, (_, i) => `line_${i} = ${i}`).join('\n');

const sample = article({
  h1: 'Understanding Things',
  meta: { raw: {}, title: 'Understand Things' },
  intro: [para(3, 'Things are a library created long ago. It does much.')],
  sections: [
    section(2, 'The promises', 6, [], [
      section(3, 'Magic', 8, [
        para(9, 'First point here. More detail follows.'),
        para(10, 'Second point here. Even more.'),
        para(11, 'Third lead sentence. Then prose.'),
        para(12, 'The promise is not kept.'),
      ]),
      section(3, 'Cooperation', 14, [
        para(15, 'It is cooperative. In the example below, sleep yields:'),
        code(17, sixteen, 'python'),
        para(34, 'Conclusion here. Done.'),
        para(36, link('../prev/', 'Previous'), ' ', link('../next/', 'Next page')),
      ]),
    ]),
  ],
});

describe('planDeck', () => {
  const deck = planDeck(sample, opts);

  it('makes a title slide from the h1 (not the front matter title) with the lede as subtitle', () => {
    const [title] = slides(deck);
    expect(title?.kind).toBe('title');
    expect(plainText(title!.title!)).toBe('Understanding Things');
    expect(title!.parts).toEqual([{ type: 'text', inlines: [{ type: 'text', text: 'Things are a library created long ago.' }] }]);
    expect(notesText(title!)).toContain('It does much.');
    expect(deck.meta.title).toBe('Understanding Things');
  });

  it('stacks h3 slides beneath their h2; an h2 without text of its own is the kicker of its first h3', () => {
    expect(deck.stacks).toHaveLength(3); // title, the h2 stack, closing
    const stack = deck.stacks[1]!;
    expect(stack[0]).toMatchObject({ kind: 'content', id: 'magic', heading: { level: 3, text: 'Magic' }, aliases: ['the-promises'] });
    expect(stack[0]!.kicker?.headings).toEqual([{ level: 2, text: 'The promises' }]);
    expect(plainText(stack[0]!.kicker!.inlines)).toBe('The promises');
    expect(slides(deck).some((s) => s.kind === 'section')).toBe(false);
    expect(slideTitles(deck)).toContain('Magic');
    expect(slideTitles(deck)).toContain('Cooperation');
  });

  it('puts lead sentences on screen and whole paragraphs in the notes', () => {
    const magic = slides(deck).find((s) => s.id === 'magic')!;
    const points = magic.parts.find((p) => p.type === 'points');
    expect(points && points.type === 'points' && points.items.map(plainText)).toEqual(['First point here.', 'Second point here.', 'Third lead sentence.']);
    expect(notesText(magic)).toContain('More detail follows.');
  });

  it('turns a short closing paragraph into a statement slide', () => {
    const statement = slides(deck).find((s) => s.kind === 'statement')!;
    expect(statement.parts).toEqual([{ type: 'text', inlines: [{ type: 'text', text: 'The promise is not kept.' }] }]);
    expect(notesText(statement)).toBe('The promise is not kept.');
  });

  it('shows code whole on one slide, captioned with the sentence that introduces it, never under 18 px', () => {
    const withCode = slides(deck).filter((s) => s.parts.some((p) => p.type === 'code'));
    expect(withCode).toHaveLength(1);
    const part = withCode[0]!.parts.find((p) => p.type === 'code')!;
    if (part.type !== 'code') return;
    expect(part.code).toBe(sixteen);
    expect(part.lang).toBe('python');
    expect(plainText(part.caption ?? [])).toBe('In the example below, sleep yields:');
    expect(part.scale * 22).toBeGreaterThanOrEqual(18);
    // Its paragraph's other sentence is the one point beside it.
    expect(withCode[0]!.parts.map((p) => p.type)).toEqual(['points', 'code']);
  });

  it('makes a closing slide from the trailing links paragraph', () => {
    const closing = slides(deck).at(-1)!;
    expect(closing.kind).toBe('closing');
    expect(closing.parts).toEqual([
      {
        type: 'nav',
        links: [
          { rel: 'prev', href: '../prev/', children: [{ type: 'text', text: 'Previous' }] },
          { rel: 'next', href: '../next/', children: [{ type: 'text', text: 'Next page' }] },
        ],
      },
    ]);
  });

  it('keeps every paragraph of the article in the notes of some slide', () => {
    const allNotes = slides(deck).map(notesText).join('\n');
    for (const text of ['It does much.', 'More detail follows.', 'Even more.', 'Then prose.', 'In the example below, sleep yields:', 'Conclusion here. Done.']) {
      expect(allNotes).toContain(text);
    }
  });

  it('gives every slide a unique id', () => {
    const ids = slides(deck).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lays every slide out flat on request', () => {
    const flat = planDeck(sample, { ...opts, layout: 'flat' });
    expect(flat.stacks.every((s) => s.length === 1)).toBe(true);
    expect(slides(flat).length).toBe(slides(deck).length);
  });

  it('is deterministic and does not mutate its input', () => {
    const before = JSON.stringify(sample);
    expect(JSON.stringify(planDeck(sample, opts))).toBe(JSON.stringify(deck));
    expect(JSON.stringify(sample)).toBe(before);
  });
});

describe('budgets', () => {
  it('continues a section on a new slide when the points do not fit, every slide fitting, none holding a lone point', () => {
    const lead = (i: number): string => `Point number ${i} is a sentence long enough to take two lines on the slide when it is shown as a point.`;
    const many = article({ sections: [section(2, 'Many', 1, Array.from({ length: 14 }, (_, i) => para(i + 2, `${lead(i)} Detail.`)))] });
    const deck = planDeck(many, opts);
    const content = slides(deck).filter((s) => s.kind === 'content');
    expect(content.length).toBeGreaterThan(1);
    expect(content.map((s) => s.continued)).toEqual(content.map((_, i) => ({ index: i + 1, total: content.length })));
    const g = slideGeometry({ width: opts.width, height: opts.height, theme: opts.theme });
    for (const s of content) {
      expect(measureSlide(s, g).fits, s.id).toBe(true);
      const pts = s.parts.find((p) => p.type === 'points');
      expect(pts && pts.type === 'points' ? pts.items.length : 0).toBeGreaterThan(1);
    }
    // Every paragraph is in the notes of the slide that shows its point, in order.
    expect(content.flatMap((s) => s.notes.map((b) => b.line))).toEqual(Array.from({ length: 14 }, (_, i) => i + 2));
  });

  it('splits code that cannot fit at a legible size, at blank lines, losing no line', () => {
    const long = Array.from({ length: 60 }, (_, i) => (i % 10 === 9 ? '' : `x${i} = ${i}`)).join('\n');
    const deck = planDeck(article({ sections: [section(2, 'Code', 1, [code(2, long, 'python')])] }), opts);
    const parts = slides(deck).flatMap((s) => s.parts).filter((p) => p.type === 'code');
    expect(parts.length).toBeGreaterThan(1);
    const kept = parts.map((p) => (p.type === 'code' ? p.code : '')).join('\n').split('\n').filter((l) => l.trim());
    expect(kept).toEqual(long.split('\n').filter((l) => l.trim()));
    for (const p of parts) if (p.type === 'code') expect(p.code.split('\n').length).toBeLessThanOrEqual(opts.maxCodeLines);
  });
});

describe('directives', () => {
  it('break, keep, hide and notes act as documented', () => {
    const a = article({
      sections: [
        section(2, 'D', 1, [
          para(2, 'Alpha one. Alpha two.'),
          { type: 'directive', line: 3, name: 'break' },
          { type: 'directive', line: 4, name: 'keep' },
          para(5, 'Kept whole. Every word.'),
          { type: 'directive', line: 6, name: 'hide' },
          para(7, 'Hidden from the screen.'),
          { type: 'directive', line: 8, name: 'notes', text: 'Say hello.' },
        ]),
      ],
    });
    const s = slides(planDeck(a, opts)).filter((x) => x.kind === 'content');
    expect(s).toHaveLength(2);
    expect(s[1]!.parts).toEqual([{ type: 'text', inlines: [{ type: 'text', text: 'Kept whole. Every word.' }] }]);
    expect(notesText(s[1]!)).toContain('Hidden from the screen.');
    expect(notesText(s[1]!)).toContain('Say hello.');
    expect(JSON.stringify(s[1]!.parts)).not.toContain('Hidden');
  });
});

describe('a paragraph before short code', () => {
  it('shares the code’s slide: its last sentence the caption, one point beside the code, nothing lost', () => {
    const a = article({
      sections: [section(2, 'S', 1, [para(2, 'Lead claim here. Example below:'), code(3, 'a = 1\nb = 2', 'python'), para(6, 'After the code the article goes on for a while. More.')])],
    });
    const s = slides(planDeck(a, opts)).filter((x) => x.kind !== 'title' && x.kind !== 'closing');
    expect(s).toHaveLength(1);
    const codePart = s[0]!.parts.find((p) => p.type === 'code');
    expect(codePart?.type === 'code' && plainText(codePart.caption ?? [])).toBe('Example below:');
    // A section that shows code shows one point beside it (`budget.pointsBesideCode`); the other is said.
    const points = s[0]!.parts.filter((p) => p.type === 'points').flatMap((p) => (p.type === 'points' ? p.items : []));
    expect(points).toHaveLength(1);
    expect(notesText(s[0]!)).toContain('Lead claim here. Example below:');
    expect(notesText(s[0]!)).toContain('After the code the article goes on for a while. More.');
  });
});
