/**
 * Every article in ../shared/articles (the user's Jekyll site and a corpus of real-world docs)
 * builds through buildSite without a crash, each into its own folder; whatever Lectern cannot
 * handle is a diagnostic with a file and a line. Each deck then opens in one shared Chromium: it
 * must become ready with no page error and no request to another host. Overflowing slides are
 * reported, not failed on (the fit of odd content is another issue).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError, LecternError } from '../../src/errors.js';
import { BrowserSession, serveStatic, type StaticServer } from '../../src/browser/index.js';
import { isArticlePath } from '../../src/load/index.js';
import type { BuildResult } from '../../src/commands/build.js';
import { browserSkipReason, openDeck, watchPage } from './helpers/browser.js';
import { SHARED_ARTICLES } from './helpers/paths.js';
import { readCounts } from './helpers/probe.js';
import { buildInto, removeDir, tempDir } from './helpers/site.js';

/** The folders of articles the issue names. */
const FOLDERS = ['eventlet-site', 'corpus'];
const present = existsSync(SHARED_ARTICLES);

/** Every article file of the named folders (READMEs and non-articles left out), as absolute paths. */
function corpusFiles(): string[] {
  if (!present) return [];
  return FOLDERS.flatMap((folder) => {
    const dir = join(SHARED_ARTICLES, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => isArticlePath(name) && !/^readme\./i.test(name))
      .sort()
      .map((name) => join(dir, name));
  });
}

/** What building one article gave: the result, or the error it threw. */
type Outcome = { file: string; dir: string; result: BuildResult } | { file: string; dir: string; error: unknown };

const files = corpusFiles();
/** `corpus/go-doc_race-detector.html`, for test names. */
const label = (file: string): string => `${basename(join(file, '..'))}/${basename(file)}`;

describe.skipIf(!present)(`the shared articles${present ? '' : ' (skipped: ../shared/articles is absent beside this checkout)'}`, () => {
  let root: string | undefined;
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    root = await tempDir('corpus');
    // One folder per article: slugs from different folders could collide in one site.
    for (const [i, file] of files.entries()) {
      const dir = String(i);
      try {
        outcomes.set(file, { file, dir, result: await buildInto([file], join(root, dir)) });
      } catch (error) {
        outcomes.set(file, { file, dir, error });
      }
    }
  });

  afterAll(async () => {
    await removeDir(root);
  });

  it('finds the articles', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe('build', () => {
    it.each(files.map((f) => [label(f), f]))('%s builds; every diagnostic has a file and a line', (_label, file) => {
      const outcome = outcomes.get(file);
      expect(outcome).toBeDefined();
      if (outcome === undefined) return;
      if ('error' in outcome) {
        const { error } = outcome;
        const shown = error instanceof LecternError ? [...error.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`), formatError(error)].join('\n') : String((error as Error)?.stack ?? error);
        expect.fail(`building ${label(file)} failed:\n${shown}`);
      }
      const { result } = outcome;
      expect(result.decks).toHaveLength(1);
      expect(result.decks[0]?.slideCount).toBeGreaterThan(0);
      const unlocated = result.diagnostics.filter((d) => typeof d.file !== 'string' || d.file === '' || typeof d.line !== 'number' || d.line < 1);
      expect(unlocated, 'diagnostics without a file and a line').toEqual([]);
    });
  });

  const skipBrowser = browserSkipReason();
  describe.skipIf(skipBrowser !== '')(`in Chromium${skipBrowser === '' ? '' : ` (skipped: ${skipBrowser})`}`, () => {
    let server: StaticServer | undefined;
    let session: BrowserSession | undefined;
    const report: string[] = [];

    beforeAll(async () => {
      server = await serveStatic(root as string);
      session = new BrowserSession();
    });

    afterAll(async () => {
      await session?.close().catch(() => undefined);
      await server?.close().catch(() => undefined);
      if (report.length > 0) console.log(`corpus decks in Chromium:\n${report.join('\n')}`);
    });

    it.each(files.map((f) => [label(f), f]))('%s opens, becomes ready, no page error, no external request', async (_label, file) => {
      const outcome = outcomes.get(file);
      if (outcome === undefined || 'error' in outcome) return expect.fail(`${label(file)} was not built`);
      const deck = outcome.result.decks[0];
      expect(deck).toBeDefined();
      // Never a silent pass: without the server or the browser nothing was opened.
      if (server === undefined || session === undefined) return expect.fail('the static server or the browser session did not start (see beforeAll)');
      if (deck === undefined) return;
      const url = `${server.url}/${outcome.dir}/${deck.slug}/`;
      const seen = await session.withPage(async (page) => {
        const log = await watchPage(page);
        const ready = await openDeck(page, url);
        const counts = ready === 'true' ? await readCounts(page) : undefined;
        return { log, ready, counts };
      });
      const { log, ready, counts } = seen;
      report.push(
        `  ${label(file)}: ${counts?.slides ?? '?'} slides, ${counts?.overflowing ?? '?'} overflowing` +
          `${log.consoleErrors.length > 0 ? `, ${log.consoleErrors.length} console errors` : ''}` +
          `${log.failed.length > 0 ? `, ${log.failed.length} failed requests (${log.failed.slice(0, 2).join(', ')}${log.failed.length > 2 ? ', …' : ''})` : ''}`,
      );
      expect(log.pageErrors).toEqual([]);
      expect(log.external).toEqual([]);
      expect(ready).toBe('true');
      expect(counts?.slides).toBe(deck.slideCount);
      expect(counts?.revealSlides).toBe(deck.slideCount);
    });
  });
});
