import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, needsNoSandbox, BrowserSession } from '../../../src/browser/session.js';
import { chromiumTmp, sessionParent } from '../../../src/browser/temp-folders.js';
import { printQuery, withQuery } from '../../../src/browser/deck-page.js';
import { handoutCss } from '../../../src/pdf/handout-css.js';
import { footerTemplate, handoutGeometry, headerTemplate, marginBoxCss, supportsMarginBoxes } from '../../../src/pdf/handout.js';
import { overflowDiagnostics, printScale } from '../../../src/pdf/slides.js';
import { createDeadline, isTimeout } from '../../../src/browser/wait.js';

describe('print URL', () => {
  it('adds the reveal.js print settings to the query and drops the hash', () => {
    const url = withQuery('http://127.0.0.1:4000/eventlet/#/3', printQuery(false));
    expect(url).toBe('http://127.0.0.1:4000/eventlet/?print-pdf&pdfMaxPagesPerSlide=1&pdfSeparateFragments=false&showNotes=false');
    expect(withQuery('http://h/x/?a=1', { b: '2' })).toBe('http://h/x/?a=1&b=2');
    expect(printQuery(true)['pdfSeparateFragments']).toBe('true');
  });
});

describe('printScale', () => {
  it('fits a reveal.js print page (slide + margin) into a slide-sized PDF page', () => {
    expect(printScale({ width: 1280, height: 720, pageWidth: 1280, pageHeight: 720 })).toBe(1);
    const scale = printScale({ width: 1280, height: 720, pageWidth: 1331, pageHeight: 748 });
    expect(1331 * scale).toBeLessThanOrEqual(1280);
    expect(748 * scale).toBeLessThanOrEqual(720);
    expect(scale).toBeGreaterThan(0.96);
  });
});

describe('handout geometry', () => {
  it('gives the printable area of A4 and Letter in CSS pixels', () => {
    const a4 = handoutGeometry('a4', 'notes', 1280, 720);
    expect(a4.pageSize).toBe('210mm 297mm');
    expect(a4.contentWidth).toBe(Math.floor(((210 - 32) * 96) / 25.4));
    const letter = handoutGeometry('letter', '3up', 1280, 720);
    expect(letter.contentWidth).toBeGreaterThan(a4.contentWidth);
    expect(letter.contentHeight).toBeLessThan(a4.contentHeight);
  });

  it('scales the slide box to the full width under notes, a little over half beside them, about 60 % in flow', () => {
    const notes = handoutGeometry('a4', 'notes', 1280, 720);
    const threeUp = handoutGeometry('a4', '3up', 1280, 720);
    const flow = handoutGeometry('a4', 'flow', 1280, 720);
    expect(notes.boxWidth).toBe(notes.contentWidth);
    expect(threeUp.boxWidth).toBeLessThan(threeUp.contentWidth * 0.6);
    expect(flow.boxWidth).toBeLessThan(flow.contentWidth * 0.65);
    expect(flow.sparseBoxWidth).toBeGreaterThan(0);
    expect(flow.sparseBoxWidth).toBeLessThan(flow.boxWidth);
    expect(flow.minCodePx).toBeCloseTo((6.5 * 96) / 72);
    expect(notes.sparseBoxWidth).toBe(0);
    expect(handoutCss(notes)).toContain(`--lh-scale: ${notes.boxWidth / 1280}`);
    // Three rows must fit one page.
    expect((threeUp.minEntryHeight + 26) * 3).toBeLessThanOrEqual(threeUp.contentHeight);
  });
});

describe('header and footer', () => {
  it('uses CSS margin boxes on Chromium 131 and later', () => {
    expect(supportsMarginBoxes('HeadlessChrome/156.0.8078.79')).toBe(true);
    expect(supportsMarginBoxes('Chrome/131.0.0.0')).toBe(true);
    expect(supportsMarginBoxes('HeadlessChrome/120.0.6099.0')).toBe(false);
    expect(supportsMarginBoxes('Firefox/130')).toBe(false);
  });

  it('escapes the title and URL in CSS strings and HTML templates', () => {
    const css = marginBoxCss('Say "hi" \\ bye', 'https://x.org/a"b');
    expect(css).toContain('content: "Say \\"hi\\" \\\\ bye"');
    expect(css).toContain('"https://x.org/a\\"b"; font-family');
    expect(css).toContain('url("data:image/svg+xml;base64,');
    expect(css).toContain('counter(page) " / " counter(pages)');
    expect(marginBoxCss('T', undefined)).not.toContain('@bottom-left');
    expect(headerTemplate('<script>&')).toContain('&lt;script&gt;&amp;');
    expect(footerTemplate('https://x.org/')).toContain('class="pageNumber"');
    expect(footerTemplate('https://x.org/')).toContain('class="totalPages"');
  });
});

describe('overflowDiagnostics', () => {
  it('points at the article line and names the deck and slide', () => {
    const [d] = overflowDiagnostics({ url: 'http://x/', slug: 'eventlet', source: 'decks/eventlet.md' }, [{ slide: 4, line: 30, title: 'Code', by: 40 }]);
    expect(d).toMatchObject({ severity: 'warning', code: 'export-slide-overflow', file: 'decks/eventlet.md', line: 30 });
    expect(d?.message).toContain('deck eventlet: slide 4 "Code"');
  });
});

describe('deadline and timeouts', () => {
  it('counts down from the timeout and never reaches 0 (Puppeteer reads 0 as "no timeout")', () => {
    let now = 1000;
    const deadline = createDeadline(500, () => now);
    expect(deadline.remaining()).toBe(500);
    now = 1400;
    expect(deadline.remaining()).toBe(100);
    now = 9000;
    expect(deadline.remaining()).toBe(1);
  });

  it('recognises Puppeteer timeouts by name', () => {
    const timeout = new Error('Waiting failed: 2000ms exceeded');
    timeout.name = 'TimeoutError';
    expect(isTimeout(timeout)).toBe(true);
    expect(isTimeout(new Error('other'))).toBe(false);
  });
});

describe('BrowserSession', () => {
  it('turns the sandbox off on CI', () => {
    expect(needsNoSandbox({ CI: 'true' })).toBe(true);
  });

  it("starts Chromium with Puppeteer's switches and Lectern's, the caller's features merged into one list each", () => {
    const args = chromiumArgs('/tmp/p', true, ['--disable-features=Foo', '--lang=fr', '--enable-features=Bar']);
    const disabled = args.filter((a) => a.startsWith('--disable-features='));
    const enabled = args.filter((a) => a.startsWith('--enable-features='));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]?.split('=')[1]?.split(',')).toEqual(expect.arrayContaining(['Translate', 'WebUIOmniboxPopup', 'Foo']));
    expect(enabled).toHaveLength(1);
    expect(enabled[0]?.split('=')[1]?.split(',')).toEqual(expect.arrayContaining(['PdfOopif', 'NetworkServiceInProcess2', 'Bar']));
    expect(args).toEqual(expect.arrayContaining(['--headless=new', '--export-tagged-pdf', '--force-color-profile=srgb', '--disable-gpu', '--no-sandbox', '--lang=fr', '--remote-debugging-pipe', '--user-data-dir=/tmp/p']));
    expect(args.at(-1)).toBe('about:blank');
    expect(chromiumArgs('/tmp/p', false)).not.toContain('--no-sandbox');
  });

  it('launches nothing until a page is asked for, and closes idempotently', async () => {
    const session = new BrowserSession({ browser: '/does/not/exist' });
    expect(session.launched).toBe(false);
    await session.close();
    await session.close();
    expect(session.launched).toBe(false);
    await expect(session.withPage(async () => 1)).rejects.toMatchObject({ code: 'browser-failed' });
  });

  it.skipIf(!existsSync(process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium'))('gives Puppeteer the file system: a screenshot written to a path', async () => {
    const session = new BrowserSession({ browser: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium' });
    const dir = await mkdtemp(join(tmpdir(), 'lectern-session-'));
    try {
      const file = join(dir, 'shot.png');
      await session.withPage(async (page) => {
        await page.setContent('<p>hello</p>');
        await page.screenshot({ path: file });
      });
      expect((await stat(file)).size).toBeGreaterThan(100);
    } finally {
      await session.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("keeps the browser's temporary files in its session folder when the socket path fits, else moves the session to /tmp", () => {
    expect(chromiumTmp('/tmp/lectern-chromium-abcdef')).toBe('/tmp/lectern-chromium-abcdef');
    expect(chromiumTmp(`/${'x'.repeat(60)}/lectern-chromium-abcdef`)).toBeUndefined();
    expect(sessionParent('/tmp', true)).toBe('/tmp');
    const macos = '/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T';
    expect(sessionParent(macos, true)).toBe(process.platform === 'win32' ? macos : '/tmp');
    expect(sessionParent(macos, false)).toBe(macos);
    expect(chromiumTmp(`${sessionParent(macos, true)}/lectern-chromium-abcdef`)).toBeDefined();
  });

  it('fails with browser-not-found for a --browser path that does not exist', async () => {
    const session = new BrowserSession({ browser: '/does/not/exist' });
    await expect(session.withPage(async () => 1)).rejects.toMatchObject({ code: 'browser-not-found' });
    expect(session.launched).toBe(false);
    expect(session.profile).toBeUndefined();
    await session.close();
  });
});
