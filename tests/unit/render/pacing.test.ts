/**
 * What the deck page says about pacing and publishing: each slide's `data-timing`, backup slides
 * uncounted by reveal.js (slide numbers, progress, the pacing timer), the talk's total (or the slot)
 * for the speaker view's pacing timer, the reading view's address for the `R` key, and no speaker
 * notes at all when built without them. The index page links each reading view and says minutes.
 */
import { describe, expect, it } from 'vitest';
import { readDeckConfig } from '../../../src/client/config.js';
import type { Deck, Slide } from '../../../src/model.js';
import { renderDeck } from '../../../src/render/index.js';
import { renderIndexPage } from '../../../src/site/index-page.js';
import { para } from '../plan/helpers.js';

const assets = { styles: ['../assets/deck.css'], scripts: ['../assets/deck.js'] };
const slide = (over: Partial<Slide>): Slide => ({ kind: 'content', id: 's', parts: [], notes: [], line: 1, endLine: 1, ...over });
function deckOf(stacks: Slide[][], slot?: number): Deck {
  return {
    meta: { title: 'T', lang: 'en', slug: 't', theme: 'light', width: 1280, height: 720, source: 't.md', pacing: { wordsPerMinute: 130, ...(slot === undefined ? {} : { slot }) } },
    stacks,
    diagnostics: [],
  };
}
const config = (html: string): Record<string, unknown> => JSON.parse(/id="lectern-config">(.*?)<\/script>/.exec(html)![1]!);

const talk = [
  [slide({ id: 'a', timing: 30, notes: [para(1, 'Said about a.')] })],
  [slide({ kind: 'closing', id: 'closing', timing: 8 })],
  [slide({ id: 'b', timing: 90, backup: true, notes: [para(2, 'Said about b.')], source: 'https://blog.example/post/#b' })],
];

describe('renderDeck: pacing', () => {
  it('writes data-timing on each slide and marks backup slides uncounted', () => {
    const { html } = renderDeck(deckOf(talk), { assets });
    expect(html).toMatch(/<section id="a" class="lectern-slide lectern-content" [^>]*data-timing="30"/);
    expect(html).toMatch(/<section id="b" class="lectern-slide lectern-content lectern-backup" [^>]*data-timing="90" data-visibility="uncounted" data-lectern-backup="true"/);
    expect(html).not.toMatch(/id="a"[^>]*data-visibility/);
  });

  it('tells reveal.js the talk’s length without the backup slides, or the slot when there is one; and where the reading view is', () => {
    expect(config(renderDeck(deckOf(talk), { assets }).html)).toMatchObject({ totalTime: 38, reading: 'read/' });
    expect(config(renderDeck(deckOf(talk, 600), { assets }).html)).toMatchObject({ totalTime: 600 });
    // No <link> of its own for it: the page links only its runtime (tests/e2e/xss.test.ts).
    expect(renderDeck(deckOf(talk), { assets }).html).not.toContain('href="read/"');
  });

  it('links a slide’s notes to its section of the article', () => {
    const { html } = renderDeck(deckOf(talk), { assets });
    expect(html).toContain('<aside class="notes"><p>Said about b.</p>\n<p class="lectern-source">In the article: <a href="https://blog.example/post/#b"');
  });

  it('with notes: false, writes no notes, no source link and no aside at all', () => {
    const { html } = renderDeck(deckOf(talk), { assets, notes: false });
    expect(html).not.toContain('Said about');
    expect(html).not.toContain('class="notes"');
    expect(html).not.toContain('lectern-source');
  });
});

describe('readDeckConfig', () => {
  const doc = (json: string): Document => ({ getElementById: () => ({ textContent: json }) }) as unknown as Document;

  it('reads the pacing total and the reading view', () => {
    expect(readDeckConfig(doc('{"width":1280,"height":720,"slug":"t","title":"T","totalTime":38.4,"reading":"read/"}'))).toMatchObject({ totalTime: 38, reading: 'read/' });
  });

  it('takes only a folder of the deck as the reading view, and only a positive total', () => {
    for (const reading of ['https://evil.example/', '//evil.example/', '../x/', 'javascript:alert(1)', 'read']) {
      expect(readDeckConfig(doc(JSON.stringify({ reading }))).reading, reading).toBeUndefined();
    }
    expect(readDeckConfig(doc('{"totalTime":0}')).totalTime).toBeUndefined();
    expect(readDeckConfig(doc('{"totalTime":"600"}')).totalTime).toBeUndefined();
  });
});

describe('renderIndexPage', () => {
  it('links each deck’s reading view and says its minutes', () => {
    const html = renderIndexPage([{ slug: 'talk', title: 'Talk', slideCount: 9, pdfs: [], reading: 'read/', minutes: 3.6 }]);
    expect(html).toContain('9 slides, ≈ 4 min · <a href="talk/read/">reading view</a>');
    const slotted = renderIndexPage([{ slug: 'talk', title: 'Talk', slideCount: 9, pdfs: [], reading: 'read/', minutes: 2, backupSlides: 4 }]);
    expect(slotted).toContain('5 slides + 4 backup, ≈ 2 min');
  });
});
