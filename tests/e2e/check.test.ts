/**
 * `lectern check` end to end, in real Chromium: the seed decks pass every check; a fixture built to
 * overflow (long items, a wide table, long code lines) overflows as planned and fits once the loop
 * has re-planned it; the CLI prints one line per deck, JSON with --json, and exits 1 on a failure.
 * The shared articles (the Jekyll site and the corpus) are checked too, when they are present.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport, DeckCheck } from '../../src/check/index.js';
import { checkDecks } from '../../src/commands/check.js';
import { resolveConfig } from '../../src/config.js';
import { isArticlePath } from '../../src/load/index.js';
import { browserSkipReason } from './helpers/browser.js';
import { runCli } from './helpers/cli.js';
import { DECKS_DIR, REPO_ROOT, SHARED_ARTICLES } from './helpers/paths.js';

const OVERFLOW = join(REPO_ROOT, 'tests', 'fixtures', 'check', 'overflow.md');
const skipReason = browserSkipReason();
const config = resolveConfig({ theme: 'eventlet' });

/** What a failing deck's report says, for assertion messages. */
function explain(deck: DeckCheck): string {
  return JSON.stringify({ slug: deck.slug, error: deck.error, overflows: deck.overflows, leaks: deck.leaks, code: deck.code.filter((c) => c.status === 'unknown-language'), conservation: deck.conservation }, null, 2);
}

function expectClean(report: CheckReport): void {
  expect(report.decks.length).toBeGreaterThan(0);
  for (const deck of report.decks) {
    expect(deck.error, explain(deck)).toBeUndefined();
    expect(deck.overflows, explain(deck)).toEqual([]);
    expect(deck.leaks, explain(deck)).toEqual([]);
    expect(deck.code.filter((c) => c.status === 'unknown-language'), explain(deck)).toEqual([]);
    expect(deck.conservation.ratio, explain(deck)).toBeGreaterThanOrEqual(0.99);
    expect(deck.ok, explain(deck)).toBe(true);
  }
  expect(report.ok).toBe(true);
}

describe.skipIf(skipReason !== '')(`lectern check${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('passes the seed decks: nothing overflows or leaks, all code is highlighted, ≥ 99% of the words kept', async () => {
    // The accessibility audit (three more page loads' worth a deck) is tested in a11y.test.ts.
    const report = await checkDecks({ inputs: [DECKS_DIR], config, a11y: false });
    expectClean(report);
    const seed = report.decks.find((d) => d.slug === 'eventlet');
    expect(seed?.slides).toBeGreaterThan(5);
    expect(seed?.code.length).toBeGreaterThan(0);
    expect(seed?.code.every((c) => c.status === 'highlighted')).toBe(true);
  });

  it('finds the overflow of a deck built to overflow when the loop is off', async () => {
    const report = await checkDecks({ inputs: [OVERFLOW], config, fit: false });
    const deck = report.decks[0]!;
    expect(deck.overflows.length).toBeGreaterThanOrEqual(2);
    expect(deck.overflows.some((o) => o.wide)).toBe(true);
    expect(deck.overflows.some((o) => o.tall)).toBe(true);
    expect(deck.overflows.every((o) => o.reasons.length > 0 && o.line !== undefined)).toBe(true);
    expect(report.ok).toBe(false);
  });

  it('re-plans that deck until nothing overflows, keeping every word', async () => {
    const report = await checkDecks({ inputs: [OVERFLOW], config });
    const deck = report.decks[0]!;
    expect(deck.initialOverflows).toBeGreaterThanOrEqual(2);
    expect(deck.rounds).toBeGreaterThanOrEqual(1);
    expect(deck.hints).toBeDefined();
    expectClean(report);
  });

  // The CLI runs below skip the accessibility audit (a11y.test.ts covers it): two checks a test, each
  // with three themed audits a deck, would not fit the test's time on a shared machine.
  it('prints one line per deck and exits 1 on a failing deck; --json prints the report', async () => {
    const failing = await runCli(['check', OVERFLOW, '--no-fit', '--no-a11y'], { timeoutMs: 120_000 });
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stdout).toMatch(/^✗ overflow \(.*overflow\.md\): \d+ slides, [1-9]\d* overflowing/m);
    expect(failing.stdout).toMatch(/^ {4}overflow: slide \d+ #\S+ \(line \d+\)/m);
    const json = await runCli(['check', OVERFLOW, '--json', '--no-a11y'], { timeoutMs: 120_000 });
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as CheckReport;
    expect(parsed.ok).toBe(true);
    expect(parsed.decks[0]?.slug).toBe('overflow');
  });

  it('checks every article of a folder when some cannot be read (bad front matter, an empty file): those fail, exit 1, --json has them all', async () => {
    const folder = join(REPO_ROOT, 'tests', 'fixtures', 'check', 'mixed');
    const lines = await runCli(['check', folder, '--no-a11y'], { timeoutMs: 120_000 });
    expect(lines.code, lines.stderr).toBe(1);
    expect(lines.stdout).toMatch(/^✓ a-good \(/m);
    expect(lines.stdout).toMatch(/^✗ b-bad-front-matter \(.*b-bad-front-matter\.md\): could not be checked\n {4}.*b-bad-front-matter\.md:\d+: error: /m);
    expect(lines.stdout).toMatch(/^✗ c-empty \(.*c-empty\.md\): could not be checked\n {4}.*has no content/m);
    expect(lines.stdout).toMatch(/^✓ d-good \(/m);
    // Progress off a terminal: a plain numbered line per step, on stderr.
    expect(lines.stderr).toMatch(/^check 4\/4: d-good: measuring$/m);
    const json = await runCli(['check', folder, '--json', '--no-a11y'], { timeoutMs: 120_000 });
    expect(json.code, json.stderr).toBe(1);
    const report = JSON.parse(json.stdout) as CheckReport;
    expect(report.decks.map((d) => [d.slug, d.ok, d.error === undefined])).toEqual([
      ['a-good', true, true],
      ['b-bad-front-matter', false, false],
      ['c-empty', false, false],
      ['d-good', true, true],
    ]);
    expect(report.ok).toBe(false);
  });
});

/** The shared articles the issue names: the Jekyll site (landing page included) and the corpus. */
function sharedArticles(): string[] {
  return ['eventlet-site', 'corpus'].flatMap((folder) => {
    const dir = join(SHARED_ARTICLES, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => isArticlePath(name) && !/^readme\./i.test(name))
      .sort()
      .map((name) => join(dir, name));
  });
}

const shared = existsSync(SHARED_ARTICLES) ? sharedArticles() : [];
const sharedSkip = skipReason !== '' ? skipReason : shared.length === 0 ? '../shared/articles is absent beside this checkout' : '';
describe.skipIf(sharedSkip !== '')(`lectern check on the shared articles${sharedSkip === '' ? '' : ` (skipped: ${sharedSkip})`}`, () => {
  it('passes every article (missing images are listed, not failed on)', async () => {
    // Audited for accessibility in every theme by a11y.test.ts (three of them) and `lectern check`.
    expectClean(await checkDecks({ inputs: shared, config: resolveConfig({}), a11y: false }));
  });
});
