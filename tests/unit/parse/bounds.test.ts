/**
 * The parser's bounds on big input (issue 11, finding 4), checked by counting, never by timing:
 * extension start functions search each stretch of text once (they rescanned the rest of the
 * article before every paragraph: quadratic), runs of lines too long for marked's regular
 * expressions are read in parts with every line in place, and a regular-expression stack overflow
 * is not reported as deep nesting.
 */
import { Marked, type TokenizerThis } from 'marked';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { createMemoLexer, firstMatch } from '../../../src/parse/lexer-memo.js';
import { withStackGuard } from '../../../src/parse/limits.js';
import { MAX_RUN_CHARS, MAX_RUN_LINES, splitLongRuns } from '../../../src/parse/parts.js';
import { plainText } from '../../../src/text.js';
import { allBlocks, parseLines } from './helpers.js';

/** A regex that counts its searches. */
class CountingRegExp extends RegExp {
  searches = 0;
  override exec(text: string): RegExpExecArray | null {
    this.searches++;
    return super.exec(text);
  }
}

describe('firstMatch (extension start functions)', () => {
  it('searches once per match in a lexing call, not once per paragraph, and finds what a plain search finds', () => {
    const pattern = new CountingRegExp('\\n {0,3}\\{:');
    const asked: { src: string; found: number }[] = [];
    const marked = new Marked({
      extensions: [
        {
          name: 'probe',
          level: 'block',
          start(this: TokenizerThis, src: string) {
            const found = firstMatch(this.lexer, pattern, src);
            asked.push({ src, found });
            return found === -1 ? undefined : found + 1;
          },
          tokenizer: () => undefined,
        },
      ],
    });
    // 2,000 paragraphs, an attribute list under every 500th.
    const text = Array.from({ length: 2000 }, (_, i) => (i % 500 === 499 ? `para ${i}\n{: .note}` : `para ${i}`)).join('\n\n');
    createMemoLexer(marked.defaults).lex(text);
    expect(asked.length).toBeGreaterThanOrEqual(2000);
    for (const { src, found } of asked) expect(found).toBe(/\n {0,3}\{:/.exec(src)?.index ?? -1);
    expect(pattern.searches).toBeLessThanOrEqual(5); // 4 matches, then none
  });

  it('without a memo lexer, searches every time and finds the same', () => {
    const pattern = new CountingRegExp('b');
    expect([firstMatch(undefined, pattern, 'aab'), firstMatch(undefined, pattern, 'ab'), firstMatch(undefined, pattern, 'a')]).toEqual([2, 1, -1]);
    expect(pattern.searches).toBe(3);
  });
});

describe('splitLongRuns', () => {
  it('keeps an ordinary body whole', () => {
    const body = '# T\n\nText.\n';
    expect(splitLongRuns(body, 4, 'a.md')).toEqual({ parts: [{ text: body, firstLine: 4 }] });
  });

  it('cuts a run of lines past the limit between lines, keeping every line and its number', () => {
    const body = `# T\n\n${'x\n'.repeat(MAX_RUN_LINES * 2 + 10)}end\n`;
    const { parts, diagnostic } = splitLongRuns(body, 1, 'a.md');
    expect(parts.map((p) => p.text).join('')).toBe(body);
    expect(parts.map((p) => p.firstLine)).toEqual([1, 3 + MAX_RUN_LINES, 3 + 2 * MAX_RUN_LINES]);
    expect(diagnostic).toMatchObject({ code: 'markdown-block-too-long', file: 'a.md', line: 3 + MAX_RUN_LINES, severity: 'warning' });
  });

  it('never cuts fenced code, and counts runs from each blank line', () => {
    const fenced = `\`\`\`\n${'code\n'.repeat(MAX_RUN_LINES + 5)}\`\`\`\n`;
    expect(splitLongRuns(fenced, 1, 'a.md').parts).toHaveLength(1);
    const paragraphs = 'a\nb\n\n'.repeat(MAX_RUN_LINES);
    expect(splitLongRuns(paragraphs, 1, 'a.md').parts).toHaveLength(1);
  });

  it('cuts a line longer than the limit before a word, not before a list or heading marker', () => {
    const line = `${'word - # '.repeat(Math.ceil((MAX_RUN_CHARS * 1.5) / 9))}\n`;
    const { parts } = splitLongRuns(line, 1, 'a.md');
    expect(parts.length).toBe(2);
    expect(parts.map((p) => p.text).join('')).toBe(line);
    expect(parts[1]?.text).toMatch(/^word /);
    expect(parts[1]?.firstLine).toBe(1);
  });

  it('reads a paragraph of 500,000 lines as paragraphs with every line, and warns', () => {
    const article = parseLines(['# T', '', ...Array.from({ length: 500_000 }, (_, i) => `w${i}`)]);
    const blocks = allBlocks(article);
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(blocks.map((b) => b.line)).toEqual([3, 3 + MAX_RUN_LINES, 3 + 2 * MAX_RUN_LINES]);
    expect(article.diagnostics.map((d) => d.code)).toEqual(['markdown-block-too-long']);
  });
});

describe('withStackGuard', () => {
  it('tells a regular expression that ran out of stack from deep nesting', () => {
    const regexOverflow = (): never => {
      const err = new RangeError('Maximum call stack size exceeded');
      err.stack = 'RangeError: Maximum call stack size exceeded\n    at RegExp.exec (<anonymous>)\n    at _.paragraph (marked.js:1:1)';
      throw err;
    };
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    const caught = (step: () => unknown): LecternError => {
      try {
        withStackGuard('a.md', undefined, step);
      } catch (err) {
        if (err instanceof LecternError) return err;
      }
      throw new Error('expected a LecternError');
    };
    expect(caught(regexOverflow).message).toMatch(/too long to be read/);
    expect(caught(() => deep(1e7)).message).toMatch(/nests .* too deeply/);
  });
});

describe('nesting past MAX_NESTING', () => {
  const parseError = (lines: string[]): LecternError => {
    try {
      parseLines(lines);
    } catch (err) {
      if (err instanceof LecternError) return err;
      throw err;
    }
    throw new Error('expected a LecternError');
  };

  it.each([
    ['<Note>\n', '\n</Note>'],
    [':::note\n', '\n:::'],
    ['/// note\n', '\n///'],
    ['<Callout type="tip">\n', '\n</Callout>'],
  ])('refuses %j nested 3,000 deep at the line where it passes 100 levels (it overflowed the stack, with no line)', (open, close) => {
    const err = parseError(['# T', '', `${open.repeat(3000)}deep${close.repeat(3000)}`]);
    expect(err.code).toBe('article-invalid');
    expect(err.line).toBeGreaterThan(100);
    expect(err.line).toBeLessThan(110);
  });

  it('refuses inline HTML nested 3,000 deep at its line', () => {
    expect(parseError(['# T', '', `${'<b>'.repeat(3000)}deep${'</b>'.repeat(3000)}`])).toMatchObject({ code: 'article-invalid', line: 3 });
  });

  it('keeps as text, with a warning at its line, what is nested too deep to read', () => {
    const groups = parseLines(['# T', '', `${'<div markdown="1">\n'.repeat(150)}deep${'\n</div>'.repeat(150)}`]);
    expect(groups.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown-too-deep', 103]]); // the 101st level
    expect(allBlocks(groups).map((b) => (b.type === 'paragraph' ? plainText(b.inlines) : '')).join(' ')).toContain('deep');
    const emphasis = parseLines(['# T', '', `${'*'.repeat(5000)}deep${'*'.repeat(5000)}`]);
    expect(emphasis.diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown-too-deep', 3]]);
  });
});
