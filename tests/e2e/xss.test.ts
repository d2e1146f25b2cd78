/**
 * Issue 5, "safe by default": two articles full of XSS payloads (a Markdown one with raw HTML,
 * front matter and Liquid, and a whole HTML page) are built with the default settings, served and
 * opened in Chromium. Every slide is shown and every slide's speaker notes are rendered as HTML the
 * way the speaker view does; no payload may run (each would set `window.__pwned` or open a
 * dialog), nothing may be fetched from another host, and the words around the payloads stay.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, serveStatic, type StaticServer } from '../../src/browser/index.js';
import type { BuildResult } from '../../src/commands/build.js';
import { browserSkipReason, openDeck, watchPage, type PageLog } from './helpers/browser.js';
import { REPO_ROOT } from './helpers/paths.js';
import { readSlides, type SlideInfo } from './helpers/probe.js';
import { buildInto, readHtmlFiles, removeDir, tempDir } from './helpers/site.js';

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'xss');
const skipReason = browserSkipReason();

/** Words written around each payload of tests/fixtures/xss/xss-markdown.md: they must survive. */
const MARKDOWN_WORDS = [
  'alpha01', 'alpha02', 'bravo01', 'bravo02', 'charlie01', 'charlie02', 'delta01', 'delta02', 'echo01', 'foxtrot01',
  'golf01', 'hotel01', 'hotel02', 'hotel03', 'hotel04', 'india01', 'india02', 'india03', 'juliet01', 'kilo01', 'kilo02',
  'lima01', 'lima02', 'mike01', 'november01', 'november02', 'oscar01', 'papa01', 'quebec01', 'quebec02', 'romeo01',
  'romeo02', 'sierra01', 'tango01', 'uniform01',
];
/** The same for tests/fixtures/xss/xss-page.html. */
const PAGE_WORDS = [
  'victor01', 'victor02', 'whiskey01', 'whiskey02', 'xray01', 'yankee01', 'yankee02', 'yankee03', 'yankee04', 'zulu01',
  'zulu02', 'zulu03', 'zulu04', 'amber01', 'amber02', 'amber03', 'amber04', 'amber05', 'amber06', 'amber07', 'amber08',
  'amber09', 'amber10', 'amber11',
];

/** What one deck did in the browser. */
interface DeckRun {
  readonly slides: SlideInfo[];
  readonly log: PageLog;
  readonly dialogs: string[];
  readonly pwned: boolean;
  readonly title: string;
  /** Attributes in the live DOM that could run code or load a document: `on*`, script URLs, srcdoc. */
  readonly dangerous: string[];
}

type PwnWindow = Window & { __pwned?: unknown; Reveal: { slide(h: number, v: number): void; configure(o: Record<string, unknown>): void } };

describe.skipIf(skipReason !== '')(`XSS payloads in Chromium${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  let outDir: string | undefined;
  let server: StaticServer | undefined;
  let session: BrowserSession | undefined;
  let build: BuildResult;
  let html: Map<string, string>;
  const runs = new Map<string, DeckRun>();

  beforeAll(async () => {
    outDir = await tempDir('xss');
    build = await buildInto([FIXTURES], outDir);
    html = await readHtmlFiles(outDir);
    server = await serveStatic(outDir);
    session = new BrowserSession();
    for (const deck of build.decks) {
      const url = `${server.url}/${deck.slug}/`;
      runs.set(deck.slug, await session.withPage((page) => runDeck(page, url)));
    }
  });

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await removeDir(outDir);
  });

  it('builds both articles with the default (sanitizing) settings', () => {
    expect(build.decks.map((d) => d.slug).sort()).toEqual(['xss-markdown', 'xss-page']);
  });

  for (const slug of ['xss-markdown', 'xss-page']) {
    describe(slug, () => {
      const run = (): DeckRun => {
        const found = runs.get(slug);
        if (found === undefined) throw new Error(`deck ${slug} was not opened`);
        return found;
      };

      it('runs no payload: window.__pwned is never set and no dialog opens', () => {
        expect(run().pwned).toBe(false);
        expect(run().dialogs).toEqual([]);
        expect(run().log.pageErrors).toEqual([]);
      });

      it('requests nothing from another host', () => {
        expect(run().log.external).toEqual([]);
      });

      it('leaves no event handler, script URL or srcdoc in the page', () => {
        expect(run().dangerous).toEqual([]);
      });

      it('keeps no <script>, <base>, <object>, <embed>, <form> or foreign stylesheet from the article', () => {
        const page = html.get(`${slug}/index.html`) ?? '';
        const scripts = page.match(/<script\b[^>]*>/gi) ?? [];
        // The runtime's own: the JSON config and the module script.
        expect(scripts.every((s) => /id="lectern-config"|type="module" src="\.\.\/assets\//.test(s)), scripts.join('\n')).toBe(true);
        expect(page).not.toMatch(/<(base|object|embed|form|button|input autofocus|meta http-equiv|style)\b/i);
        expect(page).not.toMatch(/evil\.example/);
        expect(page.match(/<link\b[^>]*>/gi)?.every((l) => /href="(\.\.\/assets\/|data:,)/.test(l))).toBe(true);
      });

      it('writes a reading view with no script, no event handler, nothing from the payloads’ hosts', () => {
        const page = html.get(`${slug}/read/index.html`) ?? '';
        expect(page).toContain('(reading view)</title>');
        expect(page).not.toMatch(/<(script|base|object|embed|form|iframe(?![^>]*sandbox))\b/i);
        // Inside tags only: the payloads are shown as escaped text, as on the slides.
        expect(page).not.toMatch(/<[^>]*\son\w+\s*=/i);
        expect(page).not.toMatch(/<[^>]*(javascript:|evil\.example)/i);
      });
    });
  }

  it('keeps the words around every payload of the Markdown article on a slide or in the notes', () => {
    const text = allText(runs.get('xss-markdown'));
    expect(MARKDOWN_WORDS.filter((w) => !text.includes(w))).toEqual([]);
  });

  it('keeps the words around every payload of the HTML page on a slide or in the notes', () => {
    const text = allText(runs.get('xss-page'));
    expect(PAGE_WORDS.filter((w) => !text.includes(w))).toEqual([]);
  });

  it('shows a front matter title full of markup as text', () => {
    expect(runs.get('xss-markdown')?.title).toBe('Payloads </title><script>window.__pwned=true</script> title');
    expect(runs.get('xss-markdown')?.slides[0]?.title).toBe('Payloads </title><script>window.__pwned=true</script> title');
  });

  it('shows unsafe links as their text only, and keeps the embeds inside a sandbox', () => {
    const slides = runs.get('xss-markdown')?.slides ?? [];
    const links = slides.flatMap((s) => s.links);
    expect(links.filter((l) => /hotel|india/.test(l.text))).toEqual([]);
    const page = html.get('xss-markdown/index.html') ?? '';
    const frames = page.match(/<iframe\b[^>]*>/gi) ?? [];
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      expect(frame).toMatch(/sandbox="allow-scripts allow-popups allow-presentation"/);
      expect(frame).not.toMatch(/srcdoc|javascript:|allow-same-origin/i);
    }
  });
});

/** Open a deck, show every slide, render every slide's notes as the speaker view does, then look. */
async function runDeck(page: Page, url: string): Promise<DeckRun> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  const log = await watchPage(page);
  await openDeck(page, url);
  const slides = await readSlides(page);
  await page.evaluate(() => (window as unknown as PwnWindow).Reveal.configure({ transition: 'none' }));
  for (const { h, v } of slides) {
    await page.evaluate(
      (hh, vv) =>
        new Promise<void>((done) => {
          (window as unknown as PwnWindow).Reveal.slide(hh, vv);
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
      h,
      v,
    );
  }
  // The speaker view (reveal.js notes plugin) puts each slide's notes into its page with innerHTML:
  // do the same here, visibly, so a handler hidden in the notes would fire.
  await page.evaluate(() => {
    for (const aside of Array.from(document.querySelectorAll('aside.notes'))) {
      const view = document.createElement('div');
      view.className = 'speaker-view-probe';
      view.innerHTML = aside.innerHTML;
      document.body.append(view);
    }
  });
  // Handlers such as onerror fire when their request fails: let the network settle first.
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 }).catch(() => undefined);
  const result = await page.evaluate(() => {
    const dangerous: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        const scriptUrl = /^(javascript|vbscript):/.test(value) || (/^data:/.test(value) && !/^data:(image\/|,$)/.test(value));
        if (attr.name.startsWith('on') || attr.name === 'srcdoc' || scriptUrl) dangerous.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
    return { pwned: (window as unknown as PwnWindow).__pwned !== undefined, title: document.title, dangerous };
  });
  return { slides, log, dialogs, ...result };
}

function allText(run: DeckRun | undefined): string {
  return (run?.slides ?? []).map((s) => `${s.title}\n${s.visibleText}\n${s.notesText}\n${s.codes.map((c) => c.text).join('\n')}`).join('\n');
}
