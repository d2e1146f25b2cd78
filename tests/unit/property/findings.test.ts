/**
 * Issue 11, finding 4, case by case, as it was reported: each article runs through what an
 * HTML-only `lectern build` does in memory, in a child process with a heap limit (bounded.ts).
 * Before the fixes, the alias bombs exhausted memory (1.6–3 GB, exit 70), the nested divs
 * overflowed the stack in check/source-text (exit 70, no file), and the long paragraph was
 * refused as "nests too deeply". The cost of big articles is recorded by `npm run bench`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedPipeline, expectBounded, type CaseOutcome } from './bounded.js';

const pipeline = new BoundedPipeline();
afterAll(() => pipeline.stop());

async function run(text: string, path: string): Promise<CaseOutcome> {
  return expectBounded(await pipeline.run(text, path), path);
}

/** Nine anchors of nine aliases each (9^9 strings once expanded), then `use`. */
function billionLaughs(use: string): string {
  const lines = ['---', 'title: Laughs', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${[...lines, use, '---'].join('\n')}\n# {{ page.title }}\n\nBy {{ page.author }}.\n`;
}

describe('issue 11, finding 4: bad input that exhausts or crashes', { timeout: 10 * 60_000 }, () => {
  it.each(['author: *a8', 'date: *a8', 'lectern:\n  theme: *a8'])('a billion-laughs alias bomb (%s) is a front-matter error at its line', async (use) => {
    const outcome = await run(billionLaughs(use), 'laughs.md');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'front-matter-invalid', file: 'laughs.md', line: 7 });
  });

  it.each([
    ['divs.html', '<h1>Deep</h1>\n'],
    ['divs.md', '# Deep\n\n'],
  ])('4,000 nested <div>s (%s) build, with a warning at their line, every word kept', async (path, head) => {
    const outcome = await run(`${head}${'<div>'.repeat(4000)}deep text${'</div>'.repeat(4000)}\n`, path);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.diagnostics).toContainEqual({ code: 'html-too-deep', file: path, line: path.endsWith('.md') ? 3 : 2 });
    expect(outcome.diagnostics.map((d) => d.code)).not.toContain('check-conservation');
  });

  it('a paragraph of 1.5 million lines builds (it was refused as "nests too deeply"), every word kept', async () => {
    const outcome = await run(`# Long\n\n${'x\n'.repeat(1_500_000)}`, 'long.md');
    expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.diagnostics).toContainEqual({ code: 'markdown-block-too-long', file: 'long.md', line: 200_003 });
    expect(outcome.diagnostics.map((d) => d.code)).not.toContain('check-conservation');
  });

  // Was a RangeError past about 125,000 spans (one push() of every span); fixed by the liquidjs rewrite.
  it('an article with 150,000 inline code spans builds', async () => {
    const outcome = await run(`# Code\n\n${'Call `a.b()` then.\n'.repeat(150_000)}`, 'spans.md');
    expect(outcome.ok).toBe(true);
  });
});
