import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/parse/index.js';
import { source } from './helpers.js';

const FIXTURE = new URL('../../fixtures/articles/parse-sample.md', import.meta.url);

/** Splits YAML front matter by hand (the parse tests do not depend on src/load). */
function splitFrontMatter(text: string): { body: string; bodyLine: number } {
  const match = /^---\n[\s\S]*?\n---\n/.exec(text);
  if (match === null) return { body: text, bodyLine: 1 };
  return { body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

describe('parseArticle on a Jekyll-like fixture', () => {
  const { body, bodyLine } = splitFrontMatter(readFileSync(FIXTURE, 'utf8'));
  const article = parseArticle(source(body, { bodyLine, path: 'tests/fixtures/articles/parse-sample.md' }));

  it('matches the golden Article', () => {
    expect(article).toMatchSnapshot();
  });

  it('has the expected outline and file lines', () => {
    expect(bodyLine).toBe(5);
    expect(article.h1).toBe('Parsing, Sampled');
    expect(article.line).toBe(8);
    expect(article.intro.map((b) => [b.type, b.line])).toEqual([['paragraph', 9]]);
    const [markdown, htmlPart] = article.sections;
    expect(markdown).toMatchObject({ title: 'Markdown part', id: 'markdown', line: 12 });
    expect(markdown?.blocks.map((b) => [b.type, b.line])).toEqual([
      ['paragraph', 14],
      ['list', 17],
      ['callout', 21],
      ['directive', 25],
      ['code', 27],
    ]);
    expect(markdown?.children.map((c) => [c.title, c.line, c.blocks.map((b) => [b.type, b.line])])).toEqual([['A table', 31, [['table', 33]]]]);
    expect(htmlPart).toMatchObject({ title: 'HTML part', id: 'html-part', line: 38 });
    expect(htmlPart?.blocks.map((b) => [b.type, b.line])).toEqual([
      ['paragraph', 40],
      ['code', 42],
      ['image', 45],
      ['paragraph', 48],
    ]);
    expect(article.diagnostics).toEqual([]);
  });
});
