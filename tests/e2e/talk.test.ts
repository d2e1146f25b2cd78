/**
 * Issue 9's "Done means", end to end in real Chromium: every article in ../shared/articles (the
 * eventlet site's pages with index.markdown, and the corpus) goes through the check path once —
 * one browser for all decks, the config the CLI reads at the repository root (its
 * lectern.config.json: the eventlet theme) — and the decks are talks: sparse slides ≤ 10% of all
 * slides, no lone lead-in, text ≥ 24 px and code ≥ 18 px as drawn, nothing overflowing (in the deck
 * `lectern build` writes: no slide needed re-planning), no leak, conservation ≥ 99% each; the React
 * 19 guide in at most 45 slides. Then `lectern build` and `lectern build --pdf` (the CLI, into two
 * temporary folders) write byte-identical deck pages. The seed's own promises are
 * tests/e2e/seed.test.ts's. Skipped, saying why, without the articles or a browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, DeckCheck } from '../../src/check/index.js';
import { CODE_FLOOR_PX, TEXT_FLOOR_PX } from '../../src/check/composition.js';
import { checkDecks } from '../../src/commands/check.js';
import { resolveConfig } from '../../src/config.js';
import { browserSkipReason } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { REPO_ROOT, SHARED_ARTICLES } from './helpers/paths.js';
import { listFiles, removeDir, tempDir } from './helpers/site.js';

const INPUTS = [join(SHARED_ARTICLES, 'eventlet-site'), join(SHARED_ARTICLES, 'corpus')];
const articlesPresent = INPUTS.every((dir) => existsSync(dir));
const browserReason = browserSkipReason();
const skipReason = !articlesPresent ? `${SHARED_ARTICLES} absent` : browserReason;
/** As the CLI resolves it at the repository root: lectern.config.json sets the eventlet theme. */
const config = resolveConfig(JSON.parse(readFileSync(join(REPO_ROOT, 'lectern.config.json'), 'utf8')) as Record<string, unknown>);

/**
 * The React 19 upgrade guide: 89 slides before the composer; the issue asks for about half (≤ 45).
 * Measured: 45 in every theme (eventlet, light, dark). Eventlet made 46 until a one-sentence
 * paragraph's point was scored like any other: "Legacy Context" then kept its one-line lead
 * ("…was deprecated in October 2018") beside the first code piece instead of a three-line point
 * that, in eventlet's larger body text, did not fit there. The bound is that figure, so a
 * regression fails.
 */
const REACT = 'react-dev-blog-react-19-upgrade-guide';
const MAX_REACT_SLIDES = 45;
const MAX_SPARSE_SHARE = 0.1;

/** One line per deck: the figures the issue measures. */
function figures(d: DeckCheck): string {
  const k = d.composition;
  return `${d.slug}: ${d.slides} slides, ${k.sparse.length} sparse, ${k.leadIns.length} lone lead-ins, text ≥ ${k.minText} px, code ≥ ${k.minCode} px, ${d.overflows.length} overflowing (${d.initialOverflows} in the first plan), ${d.leaks.length} leaks, conservation ${(d.conservation.ratio * 100).toFixed(1)}%`;
}

describe.skipIf(skipReason !== '')(`decks that are talks (issue 9)${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  let report: CheckReport;

  beforeAll(async () => {
    report = await checkDecks({ inputs: INPUTS, config });
    // The figures the issue asks for, in the test log (the report quotes them).
    console.log(report.decks.map(figures).join('\n'));
  }, 300_000);

  const decks = (): readonly DeckCheck[] => report.decks;

  it('checks every article: the eventlet site’s pages with index.markdown, and the corpus', () => {
    const sources = decks().map((d) => d.source.split(/[\\/]/).slice(-2).join('/'));
    expect(sources).toEqual(expect.arrayContaining(['eventlet-site/index.markdown', 'eventlet-site/eventlet.md', 'corpus/react-dev-blog_react-19-upgrade-guide.md', 'corpus/go-doc_race-detector.html']));
    expect(decks()).toHaveLength(11);
    for (const d of decks()) expect(d.error, d.slug).toBeUndefined();
  });

  it(`has at most ${MAX_SPARSE_SHARE * 100}% sparse slides across all the articles`, () => {
    const slides = decks().reduce((n, d) => n + d.slides, 0);
    const sparse = decks().flatMap((d) => d.composition.sparse.map((s) => `${d.slug} ${s.slide} #${s.id} (${s.fill})`));
    console.log(`sparse: ${sparse.length} of ${slides} slides (${((sparse.length / slides) * 100).toFixed(1)}%)`);
    expect(sparse.length / slides, sparse.join('\n')).toBeLessThanOrEqual(MAX_SPARSE_SHARE);
  });

  it('has no lone lead-in', () => {
    const lone = decks().flatMap((d) => d.composition.leadIns.map((l) => `${d.slug} ${l.slide} #${l.id} "${l.title}"`));
    expect(lone).toEqual([]);
  });

  it(`draws body text at ${TEXT_FLOOR_PX} px or more and code at ${CODE_FLOOR_PX} px or more, in the deck’s own pixels`, () => {
    for (const d of decks()) {
      const k = d.composition;
      expect(k.small, d.slug).toEqual([]);
      expect(k.minText, d.slug).toBeGreaterThanOrEqual(TEXT_FLOOR_PX);
      if (d.code.length > 0) expect(k.minCode, d.slug).toBeGreaterThanOrEqual(CODE_FLOOR_PX);
    }
  });

  it('overflows nowhere, in the deck `lectern build` writes: no slide had to be re-planned', () => {
    for (const d of decks()) {
      expect(d.overflows, d.slug).toEqual([]);
      expect(d.initialOverflows, `${d.slug}: planner misses`).toBe(0);
      expect(d.rounds, d.slug).toBe(0);
    }
  });

  it('leaks no article syntax, and keeps at least 99% of every article’s words', () => {
    for (const d of decks()) {
      expect(d.leaks, d.slug).toEqual([]);
      expect(d.conservation.ratio, `${d.slug}: missing ${JSON.stringify(d.conservation.missing)}`).toBeGreaterThanOrEqual(0.99);
    }
  });

  it(`makes the React 19 upgrade guide a deck of at most ${MAX_REACT_SLIDES} slides (89 before)`, () => {
    const react = decks().find((d) => d.slug === REACT);
    expect(react).toBeDefined();
    expect(react!.slides).toBeLessThanOrEqual(MAX_REACT_SLIDES);
  });

  it('passes lectern check on every article', () => {
    for (const d of decks()) expect(d.ok, figures(d)).toBe(true);
  });

  describe('lectern build and lectern build --pdf', () => {
    let html: string | undefined;
    let pdf: string | undefined;
    afterAll(async () => {
      await removeDir(html);
      await removeDir(pdf);
    });

    it('write byte-identical index.html for every article', { timeout: 600_000 }, async () => {
      html = await tempDir('talk-html');
      pdf = await tempDir('talk-pdf');
      const plain = await runCli(['build', ...INPUTS, '--out', html], { timeoutMs: 180_000 });
      expect(plain.code, plain.stderr).toBe(0);
      // Time is not what this test measures: a long deck printed on a busy machine gets room.
      const printed = await runCli(['build', ...INPUTS, '--out', pdf, '--pdf', '--timeout', '300'], { timeoutMs: 540_000 });
      expect(printed.code, printed.stderr).toBe(0);
      const pages = (await listFiles(html)).filter((f) => /^[^/\\]+[/\\]index\.html$/.test(f)).sort();
      expect(pages).toHaveLength(11);
      expect((await listFiles(pdf)).filter((f) => /^[^/\\]+[/\\]index\.html$/.test(f)).sort()).toEqual(pages);
      const differ = pages.filter((page) => !readFileSync(join(html!, page)).equals(readFileSync(join(pdf!, page))));
      expect(differ).toEqual([]);
      // The PDF build did print: a slides PDF and a handout per deck.
      expect((await listFiles(pdf)).filter((f) => f.endsWith('.pdf'))).toHaveLength(22);
    });
  });
});
