/**
 * fit/composition.ts: what a slide looks like to the audience, read in real Chromium from a
 * hand-made page (skipped, saying so, without a browser): how much of the room below the title its
 * ink spans, whether it is a big short statement, whether it is a lone lead-in (its text ends with
 * ":" and it holds no list, code, table or picture — the key points' own list does not count), and
 * the smallest text and code drawn, in the deck's own pixels.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../src/browser/session.js';
import { readCompositionInPage, type SlideComposition } from '../../../src/fit/composition.js';
import { browserSkipReason } from '../../e2e/helpers/browser.js';

const skipReason = browserSkipReason();

/** A page of slides at 1280 × 720 (a frame each, the title 60 px tall, the body below it). */
function page(slides: string[]): string {
  const style = `
    body { margin: 0; font-family: sans-serif; }
    section.lectern-slide { position: relative; width: 1280px; height: 720px; overflow: hidden; box-sizing: border-box; padding: 8px 40px; }
    .lectern-title { margin: 0; height: 60px; font-size: 48px; line-height: 60px; }
    .lectern-body { font-size: 36px; line-height: 1.3; }
    .lectern-body p, .lectern-body ul { margin: 0; }`;
  const body = slides.map((s, i) => `<section id="s${i + 1}" class="lectern-slide" data-kind="content" data-line="${10 * (i + 1)}">${s}</section>`).join('\n');
  return `<!doctype html><html><head><style>${style}</style></head><body><div class="reveal"><div class="slides">${body}</div></div></body></html>`;
}

const title = (text: string): string => `<h2 class="lectern-title">${text}</h2>`;

describe.skipIf(skipReason !== '')(`readCompositionInPage in Chromium${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  const session = new BrowserSession();
  afterAll(() => session.close());

  async function read(slides: string[]): Promise<SlideComposition[]> {
    return session.withPage(async (p) => {
      await p.setViewport({ width: 1280, height: 720, deviceScaleFactor: 1 });
      await p.setContent(page(slides));
      // As fit/measure.ts passes it: the function's own source, evaluated in the page.
      return p.evaluate((src: string, h: number) => (new Function(`return (${src})`)() as (height: number) => SlideComposition[])(h), readCompositionInPage.toString(), 720);
    });
  }

  it('measures the ink below the title as a share of the room there', async () => {
    const [sparse, full, blank] = await read([
      `${title('Sparse')}<div class="lectern-body"><p>One line.</p></div>`,
      `${title('Full')}<div class="lectern-body"><p>A line of text above a picture.</p><svg width="400" height="380"></svg><p>And one below.</p></div>`,
      `${title('Blank box')}<div class="lectern-body"><div style="height: 420px; background: #eee"></div><p>Only this line is ink.</p></div>`,
    ]);
    // Room below the 60 px title: 720 − 8 − 60 = 652 px.
    expect(sparse!.fill).toBeGreaterThan(0.05);
    expect(sparse!.fill).toBeLessThan(1 / 3);
    expect(full!.fill).toBeGreaterThan(0.6);
    // A box with no text or picture is not ink: only the line below it counts.
    expect(blank!.fill).toBeLessThan(1 / 3);
    expect(sparse).toMatchObject({ id: 's1', slide: 1, title: 'Sparse', kind: 'content', line: 10, statement: false, leadIn: false });
  });

  it('finds a lone lead-in: text ending with ":" and nothing it introduces — a key point’s list is not what it introduces', async () => {
    const slides = await read([
      `${title('Lone point')}<div class="lectern-body"><ul class="lectern-points"><li>Migrating can provide numerous benefits, including:</li></ul></div>`,
      `${title('Lone text')}<div class="lectern-body"><p class="lectern-text">The options are：</p></div>`,
      `${title('With its list')}<div class="lectern-body"><p>The options are:</p><ul class="lectern-list"><li>one</li></ul></div>`,
      `${title('With its code')}<div class="lectern-body"><figure><figcaption>Run:</figcaption><pre style="font-size: 22px"><code>npm start</code></pre></figure></div>`,
      `${title('Ends otherwise:')}<div class="lectern-body"><p>A point that ends with a full stop.</p></div>`,
    ]);
    expect(slides.map((s) => s.leadIn)).toEqual([true, true, false, false, false]);
  });

  it('reads the smallest text and code sizes, code inside pre only', async () => {
    const [slide, noCode] = await read([
      `${title('Sizes')}<div class="lectern-body"><p style="font-size: 27px">Caption <code style="font-size: 25px">inline</code></p><pre style="font-size: 19.5px"><code>let x = 1;</code></pre></div>`,
      `${title('Text only')}<div class="lectern-body"><p>Body.</p></div>`,
    ]);
    expect(slide!.minText).toBe(25);
    expect(slide!.minCode).toBe(19.5);
    expect(noCode!.minCode).toBe(0);
    expect(noCode!.minText).toBe(36);
  });

  it('tells a big short statement (≤ 8 words at ≥ 40 px) from a small or long one', async () => {
    const slides = await read([
      `<div class="lectern-body"><p class="lectern-statement" style="font-size: 48px">The promise is not kept.</p></div>`,
      `<div class="lectern-body"><p class="lectern-statement" style="font-size: 36px">The promise is not kept.</p></div>`,
      `<div class="lectern-body"><p class="lectern-statement" style="font-size: 48px">A statement of many more words than eight is not one.</p></div>`,
    ]);
    expect(slides.map((s) => s.statement)).toEqual([true, false, false]);
  });

  it('leaves out the notes', async () => {
    const [slide] = await read([`${title('Notes')}<div class="lectern-body"><p>Shown.</p></div><aside class="notes"><p style="font-size: 10px">The options are:</p></aside>`]);
    expect(slide!.leadIn).toBe(false);
    expect(slide!.minText).toBe(36);
  });
});
