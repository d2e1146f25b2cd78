/**
 * Issue 11, finding 8, in real Chromium: a site built under a base path and served there by
 * `lectern preview` makes no request outside that path — browsers ask for `/favicon.ico` when a
 * page names no icon, a 404 on every hosted site — and PDFs made twice with SOURCE_DATE_EPOCH set
 * are byte for byte the same (dates, and links that once named the temporary print server).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/browser/index.js';
import { startPreview, type PreviewServer } from '../../src/commands/preview.js';
import { browserSkipReason } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { SEED_ARTICLE } from './helpers/paths.js';
import { buildInto, removeDir, tempDir } from './helpers/site.js';

const skip = browserSkipReason();

/** The PDF's text with every compressed stream inflated (links live in compressed object streams). */
function inflated(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const parts = [text];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (or not a stream at all).
    }
  }
  return parts.join('\n');
}

describe.skipIf(skip !== '')(`a site under a base path, in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let root: string;
  let server: PreviewServer;
  let session: BrowserSession;

  beforeAll(async () => {
    root = await tempDir('hosted');
    await buildInto([SEED_ARTICLE], join(root, 'dist'), { base: '/talks/' });
    server = await startPreview({ outDir: join(root, 'dist'), base: '/talks/', port: 0 });
    session = new BrowserSession();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
    await removeDir(root);
  });

  it.each(['', 'eventlet/'])('the page %s asks for nothing outside /talks/ (no /favicon.ico)', async (path) => {
    const requests: string[] = [];
    await session.withPage(async (page) => {
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      if (path !== '') await page.waitForSelector('html[data-lectern-ready]');
      // The icon request, when there is one, follows the load: give it the page's idle moment.
      await page.waitForNetworkIdle({ idleTime: 300 });
    });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !new URL(url).pathname.startsWith('/talks/') && !url.startsWith('data:'))).toEqual([]);
  });
});

describe.skipIf(skip !== '')(`PDFs with SOURCE_DATE_EPOCH${skip ? ` (${skip})` : ''}`, () => {
  let root: string;

  beforeAll(async () => {
    root = await tempDir('reproducible');
  });

  afterAll(async () => {
    await removeDir(root);
  });

  it('are the same, byte for byte, from two runs (the seed links its siblings)', async () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const runs = [];
    for (const out of ['a', 'b']) runs.push(await runCli(['pdf', SEED_ARTICLE, '--handout', '--out', join(root, out)], { env, timeoutMs: 120_000 }));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    for (const name of ['eventlet.slides.pdf', 'eventlet.handout.pdf']) {
      const [a, b] = await Promise.all([readFile(join(root, 'a', name)), readFile(join(root, 'b', name))]);
      expect(a.equals(b), `${name} differs between two runs`).toBe(true);
      const doc = await PDFDocument.load(a, { updateMetadata: false });
      expect(doc.getCreationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
      expect(doc.getModificationDate()?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
      expect(inflated(a)).not.toContain('127.0.0.1');
    }
  }, 240_000);
});
