/**
 * The check's own readers of article and deck text walk trees of any depth (issue 11, finding 4:
 * 4,000 nested `<div>`s overflowed the stack in source-text.ts, exit 70 with no file), and read a
 * deck page one slide at a time.
 */
import { describe, expect, it } from 'vitest';
import { readDeckText } from '../../../src/check/deck-text.js';
import { articleText } from '../../../src/check/source-text.js';

const DEPTH = 20_000;

describe('reading text nested thousands deep', () => {
  it.each(['markdown', 'html'] as const)('reads the words of %s nested 20,000 <div>s deep', (format) => {
    const body = `${'<div>'.repeat(DEPTH)}deep words${'</div>'.repeat(DEPTH)}\n\nAfter.`;
    const text = articleText(format === 'html' ? `<!doctype html><html><body><article>${body}</article></body></html>` : body, format);
    expect(text.replace(/\s+/g, ' ').trim()).toBe('deep words After.');
  });

  it('reads a slide whose raw HTML nests 20,000 elements deep', () => {
    const page = `<div class="slides"><section id="s" class="lectern-slide lectern-content" data-kind="content" data-line="3">
<h2 class="lectern-title">Deep</h2><div class="lectern-body">${'<span>'.repeat(DEPTH)}deep words${'</span>'.repeat(DEPTH)}</div>
<aside class="notes"><p>notes</p></aside></section></div>`;
    const [slide] = readDeckText(page);
    expect(slide).toMatchObject({ id: 's', title: 'Deep', line: 3 });
    expect(slide?.screen).toContain('deep words');
    expect(slide?.screen).not.toContain('notes');
    expect(slide?.all).toContain('notes');
  });
});

describe('reading a deck page one slide at a time', () => {
  it('finds every slide, in stacks or not, and none in escaped text', () => {
    const slide = (id: string, text: string): string => `<section id="${id}" class="lectern-slide lectern-content" data-kind="content" data-line="1">\n<div class="lectern-body"><p>${text}</p></div>\n</section>`;
    const page = [
      '<!doctype html><html><head><script id="lectern-config" type="application/json">{"x":"<section class=\\"lectern-slide\\">"}</script></head><body><div class="reveal"><div class="slides">',
      slide('a', 'one'),
      `<section class="lectern-stack">\n${slide('b', 'two &lt;section class="lectern-slide"&gt;')}\n${slide('c', 'three')}\n</section>`,
      slide('d', 'four'),
      '</div></div><script src="deck.js"></script></body></html>',
    ].join('\n');
    const slides = readDeckText(page);
    expect(slides.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(slides.map((s) => s.screen.trim())).toEqual(['one', 'two <section class="lectern-slide">', 'three', 'four']);
  });
});
