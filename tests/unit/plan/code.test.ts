/**
 * plan/code.ts: code legible from the back of a room. Sizes between the theme's (22 px) and the
 * floor (18 px); a line too long for the slide at the floor wraps (every character kept, in order,
 * cut after a space or separator); code too tall at the floor is split in even pieces at blank
 * lines or where a top-level statement starts, never shrunk further, and no piece is a scrap.
 */
import { describe, expect, it } from 'vitest';
import { measureCodePanel, slideGeometry } from '../../../src/layout/index.js';
import type { Block } from '../../../src/model.js';
import { codePieces, codeSizes, maxColumns, maxRows, splitLines, wrapLines } from '../../../src/plan/code.js';

const g = slideGeometry();
type CodeBlock = Extract<Block, { type: 'code' }>;
const block = (code: string, lang = 'python'): CodeBlock => ({ type: 'code', line: 1, code, lang });
const lines = (n: number, make: (i: number) => string = (i) => `x${i} = ${i}`): string[] => Array.from({ length: n }, (_, i) => make(i));

describe('codeSizes', () => {
  it('is the theme’s 22 px and the 18 px floor at the deck’s size, for every theme', () => {
    for (const theme of ['light', 'dark', 'eventlet']) {
      const { theme: px, floor } = codeSizes(slideGeometry({ theme }));
      expect(px).toBeCloseTo(22, 1);
      expect(floor).toBe(18);
    }
  });
});

describe('maxColumns and maxRows', () => {
  it('are what fits a panel of that size at the floor, as the layout measures it', () => {
    const columns = maxColumns(g.contentWidth, g);
    expect(measureCodePanel('x'.repeat(columns), 18, g).width).toBeLessThanOrEqual(g.contentWidth);
    expect(measureCodePanel('x'.repeat(columns + 1), 18, g).width).toBeGreaterThan(g.contentWidth - 12);
    const rows = maxRows(500, g);
    expect(measureCodePanel(lines(rows).join('\n'), 18, g).height).toBeLessThanOrEqual(500);
    expect(measureCodePanel(lines(rows + 1).join('\n'), 18, g).height).toBeGreaterThan(500);
  });

  it('never go below 20 columns and 3 rows', () => {
    expect(maxColumns(10, g)).toBe(20);
    expect(maxRows(0, g)).toBe(3);
  });
});

describe('wrapLines: a long line wraps, it does not shrink the slide', () => {
  it('returns lines that fit as they are', () => {
    expect(wrapLines(['short', 'lines'], 20)).toEqual(['short', 'lines']);
  });

  it('cuts after a space or a separator in the last 40% of the window, keeping every character in order', () => {
    const line = 'npx codemod@latest react/19/migration-recipe --target ./src --dry-run --print --verbose';
    const wrapped = wrapLines([line], 40);
    expect(wrapped.join('')).toBe(line);
    for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(40);
    for (const l of wrapped.slice(0, -1)) expect(l).toMatch(/[\s,;:)\]}>|&+=/-]$/);
  });

  it('cuts a run without separators (base64) at the width', () => {
    const run = 'QUJD'.repeat(30);
    const wrapped = wrapLines([run], 50);
    expect(wrapped.map((l) => l.length)).toEqual([50, 50, 20]);
    expect(wrapped.join('')).toBe(run);
  });
});

describe('splitLines', () => {
  it('cuts after a blank line in the second half of the window, and drops the blank lines at the cut', () => {
    const src = [...lines(7, (i) => `a${i}`), '', ...lines(7, (i) => `b${i}`)];
    const chunks = splitLines(src, 10);
    expect(chunks.map((c) => c.lines)).toEqual([lines(7, (i) => `a${i}`), lines(7, (i) => `b${i}`)]);
    expect(chunks.map((c) => c.start)).toEqual([0, 8]);
  });

  it('else cuts where a top-level statement starts after an indented line', () => {
    const fn = (name: string): string[] => [`def ${name}():`, '    x = 1', '    y = 2', '    return x + y'];
    const src = [...fn('f'), ...fn('g'), ...fn('h')];
    const chunks = splitLines(src, 10);
    expect(chunks[0]!.lines).toEqual([...fn('f'), ...fn('g')]);
    expect(chunks[1]!.lines).toEqual(fn('h'));
    // A closing bracket at the margin is not a new statement: no piece starts with one.
    const call = ['result = compute(', '    first,', '    second,', '    third,', ')', 'print(result)', 'x = 1', 'y = 2', 'z = 3'];
    expect(splitLines(call, 7).map((c) => c.lines[0])).not.toContain(')');
  });

  it('moves lines back so the last piece is never a scrap of a line or two', () => {
    const chunks = splitLines(lines(21), 10);
    expect(chunks.every((c) => c.lines.length * 3 >= 10 || chunks.length === 1)).toBe(true);
    expect(chunks.flatMap((c) => c.lines)).toEqual(lines(21));
  });
});

describe('codePieces', () => {
  it('keeps code that fits whole, its lines wrapped to the width', () => {
    const long = `print("${'x'.repeat(150)}")`;
    const pieces = codePieces(block(`a = 1\n${long}\nb = 2`), g.contentWidth, 20, g);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.firstLine).toBe(1);
    const rows = pieces[0]!.code.split('\n');
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(maxColumns(g.contentWidth, g));
    expect(rows.join('')).toBe(`a = 1${long}b = 2`);
  });

  it('splits tall code in as few pieces as the rows allow, none much over an even share, numbered from the block’s first line', () => {
    const src = lines(50);
    const pieces = codePieces(block(src.join('\n')), g.contentWidth, 20, g);
    expect(pieces).toHaveLength(3);
    const sizes = pieces.map((p) => p.code.split('\n').length);
    // An even share is 17 lines; a piece may take two more, so it leaves room for what stands beside it.
    for (const n of sizes) expect(n).toBeLessThanOrEqual(Math.min(20, Math.ceil(50 / 3) + 2));
    expect(pieces.map((p) => p.firstLine)).toEqual([1, 1 + sizes[0]!, 1 + sizes[0]! + sizes[1]!]);
    expect(pieces.map((p) => p.code).join('\n')).toBe(src.join('\n'));
  });

  it('cuts at blank lines when the code has them, losing only the blank lines at the cuts', () => {
    const para = (k: number): string[] => lines(9, (i) => `s${k}_${i} = ${i}`);
    const src = [...para(1), '', ...para(2), '', ...para(3), '', ...para(4)];
    const pieces = codePieces(block(src.join('\n')), g.contentWidth, 20, g);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      const rows = p.code.split('\n');
      expect(rows[0]!.trim()).not.toBe('');
      expect(rows.at(-1)!.trim()).not.toBe('');
      expect(rows[0]).toMatch(/^s\d_0 = 0$/);
      // Where a piece starts in the block: its first line is that line of the source.
      expect(src[p.firstLine - 1]).toBe(rows[0]);
    }
    expect(pieces.flatMap((p) => p.code.split('\n')).filter((l) => l.trim())).toEqual(src.filter((l) => l.trim()));
  });

  it('replaces tabs by four spaces and ignores trailing blank lines', () => {
    expect(codePieces(block('if x:\n\ty = 1\n\n\n'), g.contentWidth, 20, g)).toEqual([{ code: 'if x:\n    y = 1', firstLine: 1 }]);
  });
});
