import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECK_OPTIONS } from '../../../src/config.js';
import { parseSource } from '../../../src/load/index.js';
import { parseArticle } from '../../../src/parse/index.js';
import { planDeck, slideTitles } from '../../../src/plan/index.js';
import { renderDeck } from '../../../src/render/index.js';

const FILE = 'tests/fixtures/articles/talk.md';
const text = readFileSync(new URL('../../fixtures/articles/talk.md', import.meta.url), 'utf8');

describe('golden: a small fixture article through parse → plan → render', () => {
  const source = parseSource(text, FILE, { resolveLink: () => undefined });
  const deck = planDeck(parseArticle(source), DEFAULT_DECK_OPTIONS);
  const html = renderDeck(deck, { assets: { styles: ['../assets/deck.css'], scripts: ['../assets/deck.js'] } }).html;

  it('matches the golden Deck model', () => {
    expect(deck).toMatchSnapshot();
  });

  it('matches the golden HTML', () => {
    expect(html).toMatchSnapshot();
  });

  it('plans the slides a speaker expects', () => {
    expect(deck.meta).toMatchObject({ title: 'Planning Small Talks', author: 'Ada Lovelace', date: '2024-05-01', description: 'A fixture article that exercises the planner.' });
    expect(slideTitles(deck)).toEqual(['Planning Small Talks', 'Why plan', 'Why plan', 'The code', 'The table', 'Planning Small Talks']);
    expect(deck.stacks[0]![0]!.notes).toHaveLength(1); // the lede, in the title slide's notes
    expect(deck.stacks.flat().map((s) => s.kind)).toEqual(['title', 'content', 'statement', 'code', 'content', 'closing']);
    // "How it works" has no text of its own: no slide, its heading above the next one and its hash link there.
    const code = deck.stacks.flat().find((s) => s.id === 'the-code');
    expect(code?.kicker?.headings).toEqual([{ level: 2, text: 'How it works' }]);
    expect(code?.aliases).toEqual(['how-it-works']);
    // The closing slide: the deck title, the author, the article's previous/next links.
    expect(deck.stacks.at(-1)?.[0]?.parts.map((p) => p.type)).toEqual(['byline', 'nav']);
    expect(html).toContain('Remember to pause here.');
  });
});
