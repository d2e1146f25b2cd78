/**
 * site/reading-view.ts: a deck as a page to read (`<slug>/read/`) — each slide, then its notes, in
 * the article's order; the seed's reading view holds every paragraph of the article in order;
 * backup slides return to their place; built without notes it holds none; links lead to the
 * slides, to the article's sections, and to pictures one folder up. Self-contained: no script.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { loadSources } from '../../../src/load/index.js';
import { parseSource } from '../../../src/load/source.js';
import type { Block, Section } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { articleOrder, readingViewOf, renderReadingView } from '../../../src/site/reading-view.js';
import { blockText } from '../../../src/text.js';
import { compileForTest } from '../helpers/compile.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Text of a page's body, tags out, entities decoded enough for words, whitespace removed (the test compares words in order, not layout). */
function squeezed(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, '');
}

/** Every paragraph of an article, in order (the lede, then each section and its subsections). */
function paragraphs(blocks: readonly Block[], sections: readonly Section[]): string[] {
  const own = blocks.filter((b) => b.type === 'paragraph').map(blockText);
  return [...own, ...sections.flatMap((s) => paragraphs(s.blocks, s.children))];
}

const TALK = `---
title: Reading
canonical: https://blog.example/reading/
---

# Reading

The opening says why.

## First

The first part has a point. It says more in a second sentence that only the speaker says.

![A chart](img/chart.png)

## Second

The second part has another point. Its notes go on at length for the speaker alone. A third sentence makes it more than a brief intro to the part below, so it keeps a slide of its own.

### Deep

The deep part moves to backup. Only the reader of the notes would know this sentence.
`;

function compiled(options: { notes?: boolean; duration?: string } = {}) {
  const source = parseSource(TALK, 'talks/reading.md', { resolveLink: () => undefined });
  return compileForTest(source, resolveConfig({ ...(options.notes === false ? { notes: false } : {}), ...(options.duration ? { duration: options.duration } : {}) }));
}

describe('the reading view of the seed', () => {
  it('holds every paragraph of the article, in the article’s order', async () => {
    const [source] = await loadSources([join(ROOT, 'decks/eventlet.md')]);
    const compiledSeed = compileForTest(source!);
    const article = parseArticle(source!);
    const wanted = paragraphs(article.intro, article.sections);
    expect(wanted.length).toBeGreaterThan(8);
    const page = squeezed(readingViewOf(compiledSeed));
    let at = 0;
    for (const paragraph of wanted) {
      const found = page.indexOf(paragraph.replace(/\s+/g, ''), at);
      expect(found, `not found after position ${at}: ${paragraph.slice(0, 80)}…`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});

describe('renderReadingView', () => {
  it('shows each slide, then its notes, linked to the slide in the deck and to the article’s section', () => {
    const html = readingViewOf(compiled());
    expect(html).toContain('<a href="../#/first">Slide 2</a>');
    expect(html).toContain('In the article: <a href="https://blog.example/reading/#first">');
    const first = html.indexOf('id="first"');
    expect(html.indexOf('The first part has a point.', first)).toBeLessThan(html.indexOf('only the speaker says', first));
    expect(html).toContain('<div class="rv-notes">');
    // Pictures live beside the deck page, one folder up.
    expect(html).toContain('src="../img/chart.png"');
    // Printable, and nothing to load: inline style, no script.
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link rel="stylesheet"/);
  });

  it('puts backup slides back at their place in the article, marked as backup slides', () => {
    const c = compiled({ duration: '20s' });
    const deckOrder = c.deck.stacks.flat().map((s) => s.id);
    const readOrder = articleOrder(c.deck).map((s) => s.id);
    expect(c.deck.stacks.flat().some((s) => s.backup)).toBe(true);
    expect(deckOrder.at(-1)).not.toBe('closing');
    expect(readOrder.at(-1)).toBe('closing');
    expect(readOrder.indexOf('deep')).toBeGreaterThan(readOrder.indexOf('second'));
    expect(readingViewOf(c)).toMatch(/<section class="rv-slide rv-backup" id="deep">[\s\S]*?Backup slide \d+/);
  });

  it('without notes (--no-notes) holds no sentence of the notes, only the slides and the links to the article', () => {
    const withNotes = compiled();
    const html = readingViewOf(compiled({ notes: false }));
    // The sentences only said: in the notes and on no slide.
    const shown = squeezed(withNotes.rendered.html.replace(/<aside class="notes">[\s\S]*?<\/aside>/g, ''));
    const said = withNotes.deck.stacks
      .flat()
      .flatMap((s) => s.notes.map(blockText))
      .flatMap((t) => t.split(/(?<=[.!?])\s+/))
      .filter((sentence) => !shown.includes(sentence.replace(/\s+/g, '')));
    expect(said).toContain('It says more in a second sentence that only the speaker says.');
    for (const s of said) expect(readingViewOf(withNotes)).toContain(s);
    for (const s of said) expect(html).not.toContain(s);
    expect(html).toContain('In the article: <a href="https://blog.example/reading/#second">');
    expect(html).toContain('The second part has another point.');
  });

  it('drops a script link as the deck does, even one behind a control character (not "../ javascript:")', () => {
    const page = '<html><head><title>Links</title></head><body><h2>Part</h2><p>See <a href=" &#14; javascript:alert(1)">this</a> and <a href="docs/page.html">that</a> here.</p></body></html>';
    const source = parseSource(page, 'talks/links.html', { resolveLink: () => undefined });
    const html = readingViewOf(compileForTest(source));
    expect(html).not.toMatch(/href="[^"]*javascript/i);
    expect(html).toContain('href="../docs/page.html"');
  });

  it('escapes what the article says and renders the same bytes twice', () => {
    const source = parseSource('---\ntitle: "<script>x</script>"\n---\n\n## A <b>part</b>\n\nText & more.\n', 'talks/x.md', { resolveLink: () => undefined });
    const c = compileForTest(source);
    const html = renderReadingView(c.deck, { notes: true });
    expect(html).not.toContain('<script>x');
    expect(html).toBe(renderReadingView(c.deck, { notes: true }));
  });
});
