import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { planDeck, slideTitles } from '../../../src/plan/index.js';
import type { Deck, Slide } from '../../../src/model.js';
import { blockText, plainText } from '../../../src/text.js';
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

  it('stacks h3 slides beneath their h2', () => {
    expect(deck.stacks).toHaveLength(3); // title, the h2 stack, closing
    const stack = deck.stacks[1]!;
    expect(stack[0]).toMatchObject({ kind: 'section', id: 'the-promises', heading: { level: 2, text: 'The promises' } });
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

  it('gives code its own slide, whole, captioned with the sentence that introduces it', () => {
    const codeSlides = slides(deck).filter((s) => s.kind === 'code');
    expect(codeSlides).toHaveLength(1);
    const part = codeSlides[0]!.parts[0]!;
    expect(part.type).toBe('code');
    if (part.type !== 'code') return;
    expect(part.code).toBe(sixteen);
    expect(part.lang).toBe('python');
    expect(plainText(part.caption ?? [])).toBe('In the example below, sleep yields:');
    expect(part.scale).toBeGreaterThanOrEqual(0.8);
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
  it('continues a section on a new slide when the points do not fit', () => {
    const many = article({ sections: [section(2, 'Many', 1, Array.from({ length: 12 }, (_, i) => para(i + 2, `Point number ${i}. Detail.`)))] });
    const deck = planDeck(many, opts);
    const content = slides(deck).filter((s) => s.kind === 'content');
    expect(content.length).toBe(3);
    expect(content.map((s) => s.continued)).toEqual([{ index: 1, total: 3 }, { index: 2, total: 3 }, { index: 3, total: 3 }]);
    for (const s of content) {
      const pts = s.parts.find((p) => p.type === 'points');
      expect(pts && pts.type === 'points' ? pts.items.length : 0).toBeLessThanOrEqual(opts.maxPoints);
    }
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

describe('lead point before short code', () => {
  it('joins the code slide instead of standing alone', () => {
    const a = article({
      sections: [section(2, 'S', 1, [para(2, 'Lead claim here. Example below:'), code(3, 'a = 1\nb = 2', 'python'), para(6, 'After the code the article goes on for a while. More.')])],
    });
    const s = slides(planDeck(a, opts)).filter((x) => x.kind !== 'title');
    expect(s.map((x) => x.kind)).toEqual(['code', 'content']);
    expect(s[0]!.parts.map((p) => p.type)).toEqual(['text', 'code']);
    expect(notesText(s[0]!)).toContain('Lead claim here. Example below:');
  });
});
