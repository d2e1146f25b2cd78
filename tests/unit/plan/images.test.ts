/** The images of an article and of its deck: which files to read, and the deck with their copies' names. */
import { describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../../../src/model.js';
import { parseSource } from '../../../src/load/index.js';
import { parseArticle } from '../../../src/parse/index.js';
import { imageRefs, isRelativeFile, rewriteImages } from '../../../src/plan/images.js';

function slide(over: Partial<Slide> & Pick<Slide, 'kind' | 'id'>): Slide {
  return { parts: [], notes: [], line: 1, endLine: 1, ...over };
}

function deck(stacks: Slide[][]): Deck {
  return {
    meta: { title: 'T', lang: 'en', slug: 'talk', theme: 'light', width: 1280, height: 720, source: 'talk.md' },
    stacks,
    diagnostics: [],
  };
}

describe('images', () => {
  it('tells relative files from URLs, root paths and fragments', () => {
    expect(isRelativeFile('img/a.png')).toBe(true);
    expect(isRelativeFile('../a.png')).toBe(true);
    for (const src of ['https://x/a.png', '//x/a.png', '/a.png', '#a', 'data:image/png;base64,AA']) expect(isRelativeFile(src)).toBe(false);
  });

  it('rewrites images in slides, nested blocks and notes, without touching the input', () => {
    const input = deck([
      [
        slide({
          kind: 'content',
          id: 'a',
          line: 3,
          parts: [
            { type: 'block', block: { type: 'image', line: 4, src: 'a.png', alt: '' } },
            { type: 'points', items: [[{ type: 'strong', children: [{ type: 'image', src: 'b.png', alt: 'b' }] }]] },
            { type: 'block', block: { type: 'quote', line: 6, blocks: [{ type: 'image', line: 7, src: 'https://x/c.png', alt: '' }] } },
          ],
          notes: [{ type: 'paragraph', line: 8, inlines: [{ type: 'image', src: 'a.png', alt: '' }] }],
        }),
      ],
    ]);
    const out = rewriteImages(input, new Map([['a.png', 'a-1.png'], ['b.png', 'b-2.png']]));
    expect(JSON.stringify(out)).not.toMatch(/"a\.png"|"b\.png"/);
    expect(JSON.stringify(out)).toContain('https://x/c.png');
    expect(JSON.stringify(input)).toContain('"a.png"');
  });
});

describe('imageRefs', () => {
  it('lists every relative and remote image of an article once, at the first line that names it', () => {
    const text = ['# T', '', '![a](a.png)', '', '## S ![icon](i.svg)', '', '> ![b](img/b.png "B") and ![a again](a.png)', '', '![remote](https://x/c.png) ![root](/d.png)', ''].join('\n');
    const article = parseArticle(parseSource(text, 'talk.md', { resolveLink: () => undefined }));
    expect(imageRefs(article)).toEqual([
      { src: 'a.png', line: 3 },
      { src: 'i.svg', line: 5 },
      { src: 'img/b.png', line: 7 },
      { src: 'https://x/c.png', line: 9 },
    ]);
  });
});
