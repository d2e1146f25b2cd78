import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/parse/index.js';
import { allSections, parseLines, source } from './helpers.js';

describe('sections', () => {
  it('takes the first h1 as the title; blocks before the first section are the intro', () => {
    const article = parseLines(['Before the title.', '', '# The *Title*', '', 'Lede.', '', '## A', '', 'In A.']);
    expect(article.h1).toBe('The Title');
    expect(article.line).toBe(3);
    expect(article.intro.map((b) => b.line)).toEqual([1, 5]);
    expect(article.sections).toHaveLength(1);
    expect(article.sections[0]).toMatchObject({ depth: 2, title: 'A', id: 'a', line: 7, blocks: [{ type: 'paragraph', line: 9 }], children: [] });
  });

  it('nests headings by depth; an h3 before any h2 and a second h1 are top-level', () => {
    const article = parseLines(['### Early', '# Title', '## Two', '### Two.1', '#### Two.1.a', '### Two.2', '## Three', '# Again', '### Under again']);
    const shape = (s: { title: string; children: readonly unknown[] }): unknown => [s.title, (s.children as typeof article.sections).map(shape)];
    expect(article.h1).toBe('Title');
    expect(article.sections.map(shape)).toEqual([
      ['Early', []],
      ['Two', [['Two.1', [['Two.1.a', []]]], ['Two.2', []]]],
      ['Three', []],
      ['Again', [['Under again', []]]],
    ]);
  });

  it('uses the article line 1 when there is no h1', () => {
    const article = parseLines(['## Only']);
    expect(article.h1).toBeUndefined();
    expect(article.line).toBe(1);
  });

  it('makes ids unique within the article', () => {
    const article = parseLines(['# T', '## Setup', '### Setup', '## Setup {#setup}', '## Ünïcode & Co', '## ???', '## 安装', '## 安装']);
    // GitHub's rules: "&" dropped, each space a dash; letters of every script kept.
    expect(allSections(article).map((s) => s.id)).toEqual(['setup', 'setup-2', 'setup-3', 'ünïcode--co', 'section', '安装', '安装-2']);
  });

  it('passes the source diagnostics through first, and does not mutate the source', () => {
    const src = source('```\nopen', { path: 'x.md' });
    const withDiag = { ...src, diagnostics: [{ severity: 'warning' as const, code: 'liquid-unknown-tag', message: 'm', file: 'x.md', line: 1 }] };
    const frozen = JSON.stringify(withDiag);
    const article = parseArticle(withDiag);
    expect(article.diagnostics.map((d) => d.code)).toEqual(['liquid-unknown-tag', 'markdown-unclosed-fence']);
    expect(JSON.stringify(withDiag)).toBe(frozen);
    expect(article).toMatchObject({ path: 'x.md', slug: 'article', meta: { raw: {} } });
  });
});
