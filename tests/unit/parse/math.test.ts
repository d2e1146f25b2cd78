import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/model.js';
import { splitTexDelimiters } from '../../../src/parse/math.js';
import { parseLines } from './helpers.js';

const inlinesOf = (line: string): readonly Inline[] => {
  const block = parseLines([line]).intro[0];
  if (block?.type !== 'paragraph') throw new Error(`not a paragraph: ${JSON.stringify(block)}`);
  return block.inlines;
};

describe('math in Markdown', () => {
  it('reads $…$ as inline math and leaves prices alone', () => {
    expect(inlinesOf('So $a^2 + b^2 = c^2$ holds, and it costs $5 or $10.')).toEqual([
      { type: 'text', text: 'So ' },
      { type: 'math', tex: 'a^2 + b^2 = c^2', display: false },
      { type: 'text', text: ' holds, and it costs $5 or $10.' },
    ]);
    expect(inlinesOf('From $20 to $30 a month.')).toEqual([{ type: 'text', text: 'From $20 to $30 a month.' }]);
    expect(inlinesOf('An escaped \\$x\\$ stays.')).toEqual([{ type: 'text', text: 'An escaped $x$ stays.' }]);
  });

  it('keeps $ in code spans and code blocks', () => {
    expect(inlinesOf('Run `echo $HOME $PATH` now.')).toContainEqual({ type: 'code', text: 'echo $HOME $PATH' });
    const article = parseLines(['```bash', 'echo "$USER costs $5"', '```']);
    expect(article.intro[0]).toMatchObject({ type: 'code', code: 'echo "$USER costs $5"' });
  });

  it('reads \\(…\\), \\[…\\] and kramdown $$…$$ inside a sentence; an escaped bracket is not math', () => {
    expect(inlinesOf('Inline $$e^{i\\pi}$$ and \\(x\\) and \\[1\\].')).toEqual([
      { type: 'text', text: 'Inline ' },
      { type: 'math', tex: 'e^{i\\pi}', display: false },
      { type: 'text', text: ' and ' },
      { type: 'math', tex: 'x', display: false },
      { type: 'text', text: ' and [1].' },
    ]);
  });

  it('makes display blocks of $$, \\[ and align environments on lines of their own, with their lines', () => {
    const article = parseLines([
      'The area is:',
      '$$',
      '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
      '$$',
      '',
      '\\[ \\sum_n \\frac{1}{n^2} \\]',
      '',
      '$$e = mc^2$$',
      '',
      '\\begin{align}',
      'a &= b \\\\',
      'c &= d',
      '\\end{align}',
      '',
      '```math',
      'A x = \\lambda x',
      '```',
    ]);
    expect(article.intro).toEqual([
      { type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'The area is:' }] },
      { type: 'math', line: 2, tex: '\\int_0^1 x^2 \\, dx = \\frac{1}{3}' },
      { type: 'math', line: 6, tex: '\\sum_n \\frac{1}{n^2}' },
      { type: 'math', line: 8, tex: 'e = mc^2' },
      { type: 'math', line: 10, tex: '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}' },
      { type: 'math', line: 15, tex: 'A x = \\lambda x' },
    ]);
  });

  it('warns about TeX KaTeX cannot read, at its line, and keeps it', () => {
    const article = parseLines(['Fine.', '', 'Broken $\\frac{1$ formula.']);
    expect(article.diagnostics).toEqual([expect.objectContaining({ code: 'math-invalid', line: 3, severity: 'warning' })]);
    expect(article.intro[1]).toMatchObject({ inlines: expect.arrayContaining([{ type: 'math', tex: '\\frac{1', display: false }]) });
  });
});

describe('math in HTML', () => {
  it('finds MathJax delimiters in text, not single dollars', () => {
    expect(splitTexDelimiters('Price $5, area \\(r^2\\) and \\[x+1\\] or $$y$$.')).toEqual([
      { text: 'Price $5, area ' },
      { tex: 'r^2', display: false },
      { text: ' and ' },
      { tex: 'x+1', display: true },
      { text: ' or ' },
      { tex: 'y', display: true },
      { text: '.' },
    ]);
  });

  it('reads KaTeX output, MathJax scripts, pandoc spans and delimiters in a page', () => {
    const article = parseLines(
      [
        '<p>Euler: <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>e</mi></mrow><annotation encoding="application/x-tex">e^{i\\pi}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">junk</span></span> holds.</p>',
        '<p>Old: <script type="math/tex">a+b</script> and <span class="math inline">\\(c^2\\)</span>.</p>',
        '<p>Text with \\(x_1\\) inline.</p>',
        '<div class="math display">\\[\\int f\\]</div>',
      ],
      'html',
    );
    expect(article.intro).toEqual([
      { type: 'paragraph', line: 1, inlines: [{ type: 'text', text: 'Euler: ' }, { type: 'math', tex: 'e^{i\\pi}', display: false }, { type: 'text', text: ' holds.' }] },
      { type: 'paragraph', line: 2, inlines: [{ type: 'text', text: 'Old: ' }, { type: 'math', tex: 'a+b', display: false }, { type: 'text', text: ' and ' }, { type: 'math', tex: 'c^2', display: false }, { type: 'text', text: '.' }] },
      { type: 'paragraph', line: 3, inlines: [{ type: 'text', text: 'Text with ' }, { type: 'math', tex: 'x_1', display: false }, { type: 'text', text: ' inline.' }] },
      { type: 'math', line: 4, tex: '\\int f' },
    ]);
  });
});
