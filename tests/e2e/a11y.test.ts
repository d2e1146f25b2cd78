/**
 * Accessibility end to end: `lectern check`'s axe-core audit, in real Chromium, over decks built
 * from the shared articles, each in every built-in theme. Every article × every theme is what
 * `lectern check ../shared/articles/eventlet-site ../shared/articles/corpus` runs (about 100 s on
 * this machine's two cores); this test keeps to three articles that between them hold code in
 * several languages with highlighted lines, links in running text, an HTML source — and all three
 * themes on each. Callout colours are covered by tests/unit/check/contrast.test.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingViolations, formatViolations } from '../../src/check/a11y.js';
import { checkDecks } from '../../src/commands/check.js';
import { resolveConfig } from '../../src/config.js';
import { browserSkipReason } from './helpers/browser.js';
import { SHARED_ARTICLES } from './helpers/paths.js';

const ARTICLES = [
  join(SHARED_ARTICLES, 'eventlet-site', 'eventlet.md'),
  join(SHARED_ARTICLES, 'corpus', 'go-doc_race-detector.html'),
  join(SHARED_ARTICLES, 'corpus', 'react-dev-blog_react-19-upgrade-guide.md'),
];
const THEMES = ['dark', 'eventlet', 'light'];

const browserSkip = browserSkipReason();
const missing = ARTICLES.filter((a) => !existsSync(a));
const skipReason = browserSkip !== '' ? browserSkip : missing.length > 0 ? `shared articles absent (${missing.join(', ')})` : '';

describe.skipIf(skipReason !== '')(`axe-core audit of the shared articles in every theme${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  it('finds no serious or critical violation in any deck, in any built-in theme', async () => {
    const report = await checkDecks({ inputs: ARTICLES, config: resolveConfig({ theme: 'eventlet' }), fit: false });
    expect(report.decks).toHaveLength(ARTICLES.length);
    for (const deck of report.decks) {
      expect(deck.error, deck.slug).toBeUndefined();
      expect(deck.a11y, deck.slug).toBeDefined();
      expect([...(deck.a11y?.themes ?? [])].sort(), deck.slug).toEqual(THEMES);
      const blocking = blockingViolations(deck.a11y);
      expect(formatViolations(blocking), deck.slug).toEqual([]);
    }
  }, 240_000);
});
