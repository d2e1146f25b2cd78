/**
 * Inputs the property tests (pipeline.property.test.ts) found to crash, hang or take quadratic or
 * exponential time, kept as fixed cases: each must end in a deck or a LecternError with the file,
 * well within the per-case limit.
 */
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../src/errors.js';
import { parseSource } from '../../../src/load/source.js';
import type { CompiledDeck } from '../../../src/compile.js';
import { compileForTest } from '../helpers/compile.js';

/**
 * A hang guard, not a speed assertion (STYLE.md §9: the machine is shared; `npm run bench` records
 * speed): every case here took minutes or crashed before its fix, and would again if it regressed.
 */
const HANG_MS = 30_000;

function run(text: string, path = 'a.md'): { deck?: CompiledDeck; error?: LecternError; ms: number } {
  const started = performance.now();
  try {
    const deck = compileForTest(parseSource(text, path, { resolveLink: () => undefined }));
    return { deck, ms: performance.now() - started };
  } catch (err) {
    if (!(err instanceof LecternError)) throw err;
    expect(err.file).toBe(path);
    return { error: err, ms: performance.now() - started };
  }
}

describe('regressions found by the property tests', () => {
  it('25,000 unclosed inline <b> tags in Markdown: tags paired in one pass (was 64 s)', () => {
    const r = run(`Text ${'<b>'.repeat(25_000)} end.`);
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.deck?.rendered.html).toContain('Text end.');
  });

  it('2,000 nested inline <b>…</b> in Markdown: read without recursion', () => {
    const r = run(`${'<b>'.repeat(2000)}deep${'</b>'.repeat(2000)}`);
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.error?.code ?? 'deck').toMatch(/^(deck|article-invalid)$/);
  });

  it('25,000 nested <b> in an HTML page: the deepest are read as text (was a stack overflow)', () => {
    const r = run(`<p>${'<b>'.repeat(25_000)}deep words</p>`, 'a.html');
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.deck?.rendered.html).toContain('deep words');
    expect(r.deck?.rendered.diagnostics.map((d) => d.code)).toContain('html-too-deep');
  });

  it('22 nested <b> around a sentence: trimming the lead sentence is linear (was 5 s, doubling per level)', () => {
    const r = run(`<p>${'<b>'.repeat(60)}tail text. More.</p>`, 'a.html');
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.deck?.rendered.html).toContain('tail text.');
  });

  it('100,000 "!" in Markdown: one text token (marked alone takes seconds)', () => {
    const r = run(`# T\n\n${'!'.repeat(100_000)}![img](x.png)`);
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.deck?.rendered.html).toContain('<img src="x.png" alt="img"');
  });

  it('50,000 unclosed "{%" and "{{": the Liquid scan stays linear (was 7 s)', () => {
    expect(run('{%'.repeat(50_000)).ms).toBeLessThan(HANG_MS);
    expect(run('{{'.repeat(50_000)).ms).toBeLessThan(HANG_MS);
    expect(run('{{< '.repeat(25_000), 'a.html').ms).toBeLessThan(HANG_MS);
  });

  it('20,000 removed Liquid tags: each warning finds its line by binary search', () => {
    // Never closed, so the scan removes them before any engine sees the article.
    const r = run(Array.from({ length: 20_000 }, (_, i) => `Line ${i} {% if x %}`).join('\n'));
    expect(r.ms).toBeLessThan(HANG_MS);
    const warnings = r.deck?.rendered.diagnostics.filter((d) => d.code === 'liquid-syntax') ?? [];
    expect(warnings.length).toBe(20_000);
    expect(warnings.at(-1)?.line).toBe(20_000);
  });

  it('backtick runs of every length in one paragraph: code spans found in linear time', () => {
    const text = Array.from({ length: 400 }, (_, i) => '`'.repeat(i + 1)).join(' x {{ page.y }} ');
    expect(run(text).ms).toBeLessThan(HANG_MS);
  });

  it('3,000 nested quotes (> > > …): a LecternError with the line, not a stack overflow', () => {
    const r = run(`# T\n\nIntro.\n\n${'> '.repeat(3000)}deep`);
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.error?.code).toBe('article-invalid');
    expect(r.error?.line).toBe(5);
  });

  it('1,000 nested list levels by indentation: indentation clamped, no out-of-memory (was a crash)', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const r = run(text);
    expect(r.ms).toBeLessThan(HANG_MS); // 1 MB of indentation
    expect(r.error?.code ?? 'deck').toMatch(/^(deck|article-invalid)$/);
  });

  it('3,000 nested MDX components and Docusaurus containers: a LecternError or a deck, never a crash', () => {
    for (const unit of ['<Note>\n', ':::note\n', '!!! note\n    ', '/// note\n']) {
      const r = run(`${unit.repeat(3000)}x`);
      expect(r.ms, unit).toBeLessThan(HANG_MS);
      expect(r.error?.code ?? 'deck').toMatch(/^(deck|article-invalid)$/);
    }
  });

  it('a paragraph of 20,000 code spans and periods: sentences split in linear time', () => {
    const r = run(`${'Call `a.b()`. Then '.repeat(20_000)}end.`);
    expect(r.ms).toBeLessThan(HANG_MS);
    expect(r.error).toBeUndefined();
    // Split after the first sentence, not at the period inside `a.b()`; the notes keep every code span.
    expect(r.deck?.rendered.html).toContain('Call <code>a.b()</code>.</p>');
    expect(r.deck?.rendered.html.match(/<code>a\.b\(\)<\/code>/g)).toHaveLength(20_001);
  });
});
