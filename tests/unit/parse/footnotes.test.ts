import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.js';

describe('footnotes in Markdown', () => {
  const article = parseLines([
    '# Title',
    '',
    'First claim.[^b] Second claim.[^A]',
    '',
    'Again.[^b] Undefined [^zzz] stays.',
    '',
    '[^a]: Defined second, cited second.',
    '[^b]: Cited first.',
    '',
    '    With a second paragraph.',
    '',
    '[^orphan]: Nobody cites this one.',
    '',
    'After the definitions.',
  ]);

  it('numbers references by first citation, case-insensitively, and leaves undefined ones as text', () => {
    expect(article.intro[0]).toEqual({
      type: 'paragraph',
      line: 3,
      inlines: [
        { type: 'text', text: 'First claim.' },
        { type: 'footnote', label: 'b', number: 1 },
        { type: 'text', text: ' Second claim.' },
        { type: 'footnote', label: 'a', number: 2 },
      ],
    });
    expect(article.intro[1]).toMatchObject({ inlines: [{ type: 'text', text: 'Again.' }, { type: 'footnote', number: 1 }, { type: 'text', text: ' Undefined [^zzz] stays.' }] });
  });

  it('keeps definitions out of the blocks, in number order with their lines, continuation paragraphs included', () => {
    expect(article.intro.map((b) => b.line)).toEqual([3, 5, 14]);
    expect(article.footnotes).toEqual([
      { label: 'b', number: 1, line: 8, blocks: [{ type: 'paragraph', line: 8, inlines: [{ type: 'text', text: 'Cited first.' }] }, { type: 'paragraph', line: 10, inlines: [{ type: 'text', text: 'With a second paragraph.' }] }] },
      { label: 'a', number: 2, line: 7, blocks: [{ type: 'paragraph', line: 7, inlines: [{ type: 'text', text: 'Defined second, cited second.' }] }] },
      { label: 'orphan', number: 3, line: 12, blocks: [{ type: 'paragraph', line: 12, inlines: [{ type: 'text', text: 'Nobody cites this one.' }] }] },
    ]);
  });
});
