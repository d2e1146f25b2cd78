import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import type { JekyllSite } from '../../../src/load/jekyll-data.js';
import { createLineMapper, remapBlock, remapError } from '../../../src/load/line-map.js';
import { parseSource } from '../../../src/load/source.js';
import type { Block } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';

describe('line maps', () => {
  it('maps nothing when the body is the file line for line', () => {
    expect(createLineMapper({ bodyLine: 3 })).toBeUndefined();
  });

  it('maps body lines (counted from bodyLine) through the map; lines before the body stay', () => {
    const at = createLineMapper({ bodyLine: 3, lineMap: [3, 4, 4, 9] });
    expect([1, 2, 3, 4, 5, 6, 40].map((l) => at?.(l))).toEqual([1, 2, 3, 4, 4, 9, 9]);
  });

  it('maps nested blocks and errors', () => {
    const at = (line: number): number => line * 10;
    const quote: Block = { type: 'quote', line: 1, blocks: [{ type: 'list', line: 2, ordered: false, items: [{ inlines: [], blocks: [{ type: 'rule', line: 3 }] }] }] };
    expect(remapBlock(quote, at)).toEqual({ type: 'quote', line: 10, blocks: [{ type: 'list', line: 20, ordered: false, items: [{ inlines: [], blocks: [{ type: 'rule', line: 30 }] }] }] });
    const err = remapError(new LecternError('article-invalid', 'deep', { file: 'a.md', line: 4, hint: 'h' }), at);
    expect(err).toMatchObject({ code: 'article-invalid', file: 'a.md', line: 40, hint: 'h' });
  });

  it('gives the blocks after a Liquid loop their own file lines', () => {
    const site: JekyllSite = { root: '/s', config: {}, data: { rows: ['a', 'b', 'c', 'd'] }, includes: {}, diagnostics: [] };
    const text = [
      '---', // 1
      'title: T', // 2
      '---', // 3
      '# T', // 4
      '', // 5
      '{% for r in site.data.rows %}', // 6
      '- {{ r }}', // 7
      '{% endfor %}', // 8
      '', // 9
      '## After the loop', // 10
      '', // 11
      'Closing words.', // 12
    ].join('\n');
    const source = parseSource(text, 'p.md', { resolveLink: () => undefined, site, sitePath: 'p.md' });
    expect(source.lineMap).toBeDefined();
    const article = parseArticle(source);
    const after = article.sections.find((s) => s.title === 'After the loop');
    expect(after?.line).toBe(10);
    expect(after?.blocks[0]?.line).toBe(12);
    const list = article.intro.find((b) => b.type === 'list');
    expect(list?.line).toBe(7);
  });
});
