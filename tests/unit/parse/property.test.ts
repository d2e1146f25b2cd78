import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model.js';
import { parseArticle } from '../../../src/parse/index.js';
import { allBlocks, allSections, source } from './helpers.js';

/** Fragments real articles are made of, shuffled into documents marked and parse5 must survive. */
const PIECES = [
  '# Title', '## Part', '### Sub {#sub}', 'Some *text* and `code`.', '- item', '  - nested', '1. one', '> quote', '> [!NOTE]',
  '```python', '```', '~~~', '    indented', '', '', '<section>', '</section>', '<div class="x">', '</div>', '<p>para</p>',
  '<pre><code class="language-js">x', '</code></pre>', '<Note>', '</Note>', '!!! tip "T"', '=== "Tab"', ':::note', ':::',
  '/// warning | W', '///', '| a | b |', '|---|---|', '<!-- lectern: break -->', '<!-- c -->', '![img][r]', '[r]: x.png',
  '<a href="">x</a>', '<br>', '---', ':   def', '<table><tr><td>1</td></tr></table>', '<ul><li>a', '</ul>',
];

function linesOf(block: Block): number[] {
  switch (block.type) {
    case 'list':
      return [block.line, ...block.items.flatMap((i) => i.blocks.flatMap(linesOf))];
    case 'quote':
    case 'callout':
      return [block.line, ...block.blocks.flatMap(linesOf)];
    default:
      return [block.line];
  }
}

describe('parseArticle on generated documents', () => {
  it('never throws, and every line it reports lies inside the body', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (pieces, bodyLine, html) => {
        const body = pieces.join('\n');
        const article = parseArticle(source(body, { bodyLine, format: html ? 'html' : 'markdown' }));
        const last = bodyLine + body.split('\n').length - 1;
        const lines = [...allBlocks(article).flatMap(linesOf), ...allSections(article).map((s) => s.line)];
        for (const line of lines) {
          expect(line).toBeGreaterThanOrEqual(bodyLine);
          expect(line).toBeLessThanOrEqual(last);
        }
      }),
      { numRuns: 300 },
    );
  });
});
