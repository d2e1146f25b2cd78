/**
 * Issue 13's publishing and pacing, end to end in one Chromium:
 * - `--no-notes` (with `--pdf`): no sentence of the speaker notes anywhere in the built site — its
 *   HTML pages, scripts, styles, SVGs, and its PDFs read back as text with pdftotext. The sentences
 *   looked for are the ones only said (in the notes, on no slide): a key point is on screen by design.
 * - The deck page with notes: reveal.js is given each slide's timing and the talk's total, backup
 *   slides are left out of its count, the speaker view shows the pacing timer, and `R` opens the
 *   reading view at the current slide, which asks for nothing from another host.
 * Skipped, saying why, without a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, serveStatic, type StaticServer } from '../../src/browser/index.js';
import { buildSite, type BuildResult } from '../../src/commands/build.js';
import { compileWith, realEdges } from '../../src/commands/edges.js';
import { resolveConfig } from '../../src/config.js';
import { loadRuntime } from '../../src/runtime/index.js';
import { loadSources } from '../../src/load/index.js';
import { blockText } from '../../src/text.js';
import { partText } from '../unit/plan/fixture-decks.js';
import { browserSkipReason, openDeck, watchPage } from './helpers/browser.js';
import { SEED_ARTICLE } from './helpers/paths.js';
import { listFiles, removeDir, tempDir } from './helpers/site.js';

const skipReason = browserSkipReason();
const poppler = existsSync('/usr/bin/pdftotext');

/** A second article: a canonical URL (links back to its sections), a section to backup, a slot. */
const PACED = `---
title: Paced Talk
canonical: https://blog.example/paced/
duration: 1m
---

# Paced Talk

Why this talk exists, in one opening sentence. The opening goes on with a sentence for the speaker. A third sentence of the opening is there for the speaker's ears only.

## Setting up

Install the tool before anything else. The installer asks three questions that nobody reads carefully. Most people accept every default and never look back at the answers they gave. The documentation explains each question at a length nobody has the patience for.

\`\`\`sh
npm install lectern
lectern build decks
\`\`\`

### Options in depth

Every option has a default that suits most talks. Changing the defaults is rarely worth the afternoon it costs. Those who change them anyway tend to change them back within a week.

## Giving the talk

Speak to the room, not to the slides. A pause before the key point lets the room catch up with you. Reading the slide aloud word for word is the surest way to lose the back rows.

<!-- lectern: backup -->

### Questions afterwards

Repeat each question for the recording. The microphone never hears the person in the third row. Thank the person who asked before answering, even when the question was a speech.
`;

/** Squeezed text: whitespace out, so line breaks in PDFs and HTML do not hide a sentence. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');
/** The text of HTML: tags out (a sentence with a link in it is one run of text), entities decoded. */
const htmlText = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe.skipIf(skipReason !== '')(`publishing and pacing in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let bare: string;
  let full: string;
  let said: string[] = [];
  let bareResult: BuildResult;
  let server: StaticServer | undefined;
  const session = new BrowserSession();

  beforeAll(async () => {
    work = await tempDir('publishing');
    const paced = join(work, 'paced.md');
    await writeFile(paced, PACED);
    const inputs = [SEED_ARTICLE, paced];
    // The sentences only said: in a slide's notes and on no slide of the deck.
    const runtime = await loadRuntime();
    for (const source of await loadSources(inputs)) {
      const { deck } = await compileWith(realEdges, source, { config: resolveConfig(), runtime, thumbnail: 'svg' });
      const slides = deck.stacks.flat();
      const shown = squeeze(slides.flatMap((s) => s.parts.map(partText)).join(' '));
      const sentences = slides.flatMap((s) => s.notes.map(blockText)).flatMap((t) => t.split(/(?<=[.!?:])\s+/));
      said.push(...sentences.filter((x) => x.split(/\s+/).length >= 5 && !shown.includes(squeeze(x))));
    }
    said = [...new Set(said)];
    bare = join(work, 'bare');
    full = join(work, 'full');
    bareResult = await buildSite({ inputs, config: resolveConfig({ outDir: bare, notes: false }), pdf: poppler }, realEdges);
    await buildSite({ inputs, config: resolveConfig({ outDir: full }) }, realEdges);
  });

  afterAll(async () => {
    await server?.close();
    await session.close();
    await removeDir(work);
  });

  it('--no-notes: no sentence of the notes in any page, script, style, SVG or PDF of the site', async () => {
    expect(said.length).toBeGreaterThan(15);
    // Both articles have sentences only said.
    expect(said.filter((x) => PACED.includes(x)).length).toBeGreaterThanOrEqual(3);
    const files = await listFiles(bare);
    expect(files).toContain('eventlet/read/index.html');
    expect(files).toContain('paced/read/index.html');
    const texts = new Map<string, string>();
    for (const file of files) {
      if (/\.(html|svg)$/.test(file)) texts.set(file, squeeze(htmlText(await readFile(join(bare, file), 'utf8'))));
      if (/\.(js|mjs|css|json|txt)$/.test(file)) texts.set(file, squeeze(await readFile(join(bare, file), 'utf8')));
      if (file.endsWith('.pdf')) texts.set(file, squeeze(execFileSync('pdftotext', [join(bare, file), '-'], { encoding: 'utf8' })));
    }
    if (poppler) expect([...texts.keys()].filter((f) => f.endsWith('.pdf')).length).toBe(4);
    const found = [...texts].flatMap(([file, text]) => said.filter((s) => text.includes(squeeze(s))).map((s) => `${file}: ${s}`));
    expect(found).toEqual([]);
    // The same sentences are in the site built with its notes (the search is not vacuous).
    const withNotes = squeeze(htmlText((await readFile(join(full, 'paced', 'index.html'), 'utf8')) + (await readFile(join(full, 'eventlet', 'read', 'index.html'), 'utf8'))));
    expect(said.filter((s) => withNotes.includes(squeeze(s))).length).toBe(said.length);
    expect(bareResult.decks.map((d) => d.slug).sort()).toEqual(['eventlet', 'paced']);
  });

  it('the deck gives reveal.js each slide’s timing and the total, leaves backup slides uncounted, and the speaker view shows the pacing timer', async () => {
    server = await serveStatic(full);
    await session.withPage(async (page) => {
      const log = await watchPage(page);
      await openDeck(page, `${server!.url}/paced/`);
      const seen = await page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: { getConfig(): { totalTime?: number }; getSlidesAttributes(): Record<string, string>[]; getTotalSlides(): number } }).Reveal;
        return {
          totalTime: reveal.getConfig().totalTime,
          timings: reveal.getSlidesAttributes().map((a) => Number(a['data-timing'])),
          total: reveal.getTotalSlides(),
          backup: document.querySelectorAll('section[data-lectern-backup]').length,
          all: document.querySelectorAll('section.lectern-slide').length,
        };
      });
      expect(seen.totalTime).toBe(60);
      expect(seen.backup).toBeGreaterThan(0);
      expect(seen.timings.length).toBe(seen.all - seen.backup);
      expect(seen.total).toBe(seen.all - seen.backup);
      expect(seen.timings.every((t) => Number.isInteger(t) && t > 0)).toBe(true);
      // The speaker view (reveal.js's own notes window) shows its pacing timer.
      const opened = new Promise<Target>((resolve) => page.browser().once('targetcreated', resolve));
      await page.keyboard.press('s');
      const speaker = (await (await opened).page()) as Page;
      await speaker.waitForFunction(() => document.querySelector('.speaker-controls-time .pacing') !== null, { timeout: 15_000 });
      await speaker.waitForFunction(() => (document.querySelector('.speaker-controls-time .pacing') as HTMLElement).style.display !== 'none', { timeout: 15_000 });
      const pacing = await speaker.evaluate(() => (document.querySelector('.speaker-controls-time .pacing') as HTMLElement).textContent?.replace(/\s+/g, ' ').trim());
      expect(pacing).toMatch(/\d+:\d+/);
      await speaker.close();
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
    });
  });

  it('R opens the reading view at the current slide; the reading view asks for nothing from another host', async () => {
    await session.withPage(async (page) => {
      const log = await watchPage(page);
      await openDeck(page, `${server!.url}/paced/#/setting-up`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('r')]);
      expect(new URL(page.url()).pathname).toBe('/paced/read/');
      expect(new URL(page.url()).hash).toBe('#setting-up');
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toContain('The installer asks three questions that nobody reads carefully.');
      expect(text).toContain('In the article: https://blog.example/paced/#setting-up');
      expect(log.external).toEqual([]);
      expect(log.failed).toEqual([]);
      expect(log.pageErrors).toEqual([]);
    });
  });
});
