import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { locateCells } from '../../../src/load/json-positions.js';
import { parseNotebook } from '../../../src/load/notebook.js';
import { terminalText } from '../../../src/load/notebook-outputs.js';
import { parseSource } from '../../../src/load/source.js';
import { parseArticle } from '../../../src/parse/index.js';

const FIXTURE = 'tests/fixtures/formats/gauge-readings.ipynb';
const fixture = readFileSync(FIXTURE, 'utf8');

/** A notebook written as Jupyter writes it (one-space indent, one JSON line per source line). */
function notebook(cells: unknown[], metadata: Record<string, unknown> = { kernelspec: { language: 'python', name: 'python3' } }): string {
  return `${JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}
const source = (text: string): string[] => text.split(/(?<=\n)/);

describe('notebooks', () => {
  it('lays out markdown cells as text, code cells as code in the kernel language, outputs after them', () => {
    const { body } = parseNotebook(fixture, FIXTURE);
    expect(body).toContain('# Reading the gauge\n\nThis notebook reads a day');
    expect(body).toContain('```python\nlevels = [1.2, 1.8, 2.4, 2.1, 1.5]\n');
    expect(body).toContain('```output\nreadings: 5\ncalibrated\nloading 100%\n```');
    expect(body).toContain('```output\n2.4\n```');
    expect(body).toContain('```output\nIndexError: list index out of range\n```');
    expect(body).toMatch(/!\[Output of cell 6 \(In \[3\]\)\]\(data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+\)/);
    // Raw cells are for other formats; nothing runs, so nothing but the saved outputs shows.
    expect(body).not.toContain('newpage');
    expect(body).not.toContain('\u001b');
  });

  it('maps every body line to the JSON line it came from', () => {
    const { body, lineMap } = parseNotebook(fixture, FIXTURE);
    const file = fixture.split('\n');
    expect(lineMap).toHaveLength(body.split('\n').length);
    body.split('\n').forEach((text, i) => {
      const line = lineMap[i] as number;
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(file.length);
      // A source line is on its own JSON line, written as a JSON string.
      if (/^(?:# |levels|max\(|The highest)/.test(text)) expect(file[line - 1]).toContain(JSON.stringify(text).slice(1, -1));
    });
  });

  it('points the parsed article\'s blocks into the file', () => {
    const src = parseSource(fixture, FIXTURE, { resolveLink: () => undefined });
    const article = parseArticle(src);
    const file = fixture.split('\n');
    expect(article.h1).toBe('Reading the gauge');
    expect(file[article.line - 1]).toContain('# Reading the gauge');
    const peak = article.sections.find((s) => s.title === 'The highest level');
    expect(file[(peak?.line ?? 0) - 1]).toContain('## The highest level');
    const code = peak?.blocks.find((b) => b.type === 'code');
    expect(file[(code?.line ?? 0) - 1]).toContain('max(levels)');
  });

  it('takes the front matter from a first YAML cell and the notebook metadata', () => {
    const text = notebook([
      { cell_type: 'raw', metadata: {}, source: source('---\ntitle: From the cell\nauthor: Ann\n---') },
      { cell_type: 'markdown', metadata: {}, source: source('Text.') },
    ], { title: 'From metadata', authors: [{ name: 'Bo' }] });
    const src = parseSource(text, 'n.ipynb', { resolveLink: () => undefined });
    expect(src.meta).toMatchObject({ title: 'From the cell', author: 'Ann' });
    expect(src.body.trim()).toBe('Text.');
  });

  it('makes attachments data: images and fences code longer than its backtick runs', () => {
    const text = notebook([
      { cell_type: 'markdown', metadata: {}, attachments: { 'a.png': { 'image/png': 'iVBORw0KGgo=' } }, source: source('![chart](attachment:a.png)') },
      { cell_type: 'code', metadata: {}, outputs: [], source: source('s = """\n```\n"""') },
    ], { language_info: { name: 'R' } });
    const { body } = parseNotebook(text, 'n.ipynb');
    expect(body).toContain('![chart](data:image/png;base64,iVBORw0KGgo=)');
    expect(body).toContain('````r\ns = """\n```\n"""\n````');
  });

  it('warns about a picture too large to embed and keeps its text', () => {
    const big = 'A'.repeat(4_000_004);
    const text = notebook([{ cell_type: 'code', metadata: {}, source: source('plot()'), outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': big, 'text/plain': ['<Figure>'] } }] }]);
    const r = parseNotebook(text, 'n.ipynb');
    expect(r.body).toContain('```output\n<Figure>\n```');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'notebook-output-too-large', file: 'n.ipynb', line: expect.any(Number) })]);
  });

  it('is a notebook-invalid error naming the file (and the line when JSON.parse gives one)', () => {
    const broken = '{\n "cells": [\n  {"cell_type": "markdown" "source": []}\n ]\n}';
    try {
      parseNotebook(broken, 'bad.ipynb');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LecternError);
      expect(err).toMatchObject({ code: 'notebook-invalid', file: 'bad.ipynb', line: 3 });
    }
    expect(() => parseNotebook('{"worksheets": []}', 'old.ipynb')).toThrow(/nbformat 4/);
    expect(() => parseNotebook('[1, 2]', 'list.ipynb')).toThrow(LecternError);
  });

  it('shows terminal text as a terminal would: no colour codes, the last state of a \\r line', () => {
    expect(terminalText('\u001b[1;31mred\u001b[0m\n10%\r50%\r100%\ndone')).toBe('red\n100%\ndone');
  });

  it('locates cells, their sources and outputs in the JSON text', () => {
    const [first, second] = locateCells(fixture);
    const file = fixture.split('\n');
    expect(file[(first?.start ?? 0) - 1]?.trim()).toBe('{');
    expect(file[(first?.source[0] ?? 0) - 1]).toContain('# Reading the gauge');
    expect(second?.outputs).toHaveLength(2);
    expect(file[(second?.outputs[0] ?? 0) - 1]?.trim()).toBe('{');
  });

  it('reads any JSON shaped like a notebook without crashing: a body, or a LecternError', () => {
    const text = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 4 }), fc.constant(null), fc.integer());
    const output = fc.record({ output_type: fc.constantFrom('stream', 'execute_result', 'display_data', 'error', 'x'), text, name: text, data: fc.dictionary(fc.constantFrom('text/plain', 'image/png', 'text/markdown', 'image/svg+xml'), text), traceback: text }, { requiredKeys: [] });
    const cell = fc.oneof(fc.record({ cell_type: fc.constantFrom('markdown', 'code', 'raw', 'other'), source: text, outputs: fc.oneof(fc.array(output, { maxLength: 3 }), text), attachments: fc.object(), execution_count: fc.oneof(fc.integer(), fc.constant(null)) }, { requiredKeys: [] }), fc.anything());
    const nb = fc.record({ cells: fc.array(cell, { maxLength: 6 }), metadata: fc.oneof(fc.object(), fc.record({ kernelspec: fc.record({ language: text }) })) }, { requiredKeys: ['cells'] });
    fc.assert(
      fc.property(nb, fc.integer({ min: 0, max: 2 }), (value, indent) => {
        const json = JSON.stringify(value, null, indent);
        try {
          const r = parseNotebook(json, 'f.ipynb');
          expect(r.lineMap).toHaveLength(r.body.split('\n').length);
        } catch (err) {
          expect(err).toBeInstanceOf(LecternError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
