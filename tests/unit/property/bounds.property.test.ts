/**
 * Issue 11, finding 4, "bad input that exhausts or crashes": generated articles made to exhaust —
 * nesting thousands deep, YAML alias bombs, lines of millions of characters, paragraphs of a million
 * lines — go through what an HTML-only `lectern build` does in memory, each case in a child process
 * with a heap limit (bounded.ts). A case passes when it ends in a deck or a LecternError naming the
 * file (and a line of it); running out of memory, a crash or the hang guard fails it. Speed is not
 * asserted (`npm run bench` records it).
 *
 * LECTERN_PROPERTY_RUNS (default 2,000) scales the number of cases as in pipeline.property.test.ts;
 * LECTERN_PROPERTY_SEED replays a run.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedPipeline, expectBounded, type CaseOutcome } from './bounded.js';
import { aliasBomb, deepNesting, hugeLine, hugeParagraph, type Article } from './bounds-arbitraries.js';

const TOTAL_RUNS = positive(process.env['LECTERN_PROPERTY_RUNS'], 2000);
const CI_SEED = 20261124;
const pipeline = new BoundedPipeline();
afterAll(() => pipeline.stop());

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** `base` cases at the default 2,000 runs, scaled with LECTERN_PROPERTY_RUNS (at least 2). */
function runs(base: number): fc.Parameters<unknown> {
  const seed = process.env['LECTERN_PROPERTY_SEED'] ?? (process.env['CI'] ? String(CI_SEED) : undefined);
  // Each case costs seconds: shrinking a failure would re-run it hundreds of times.
  return { numRuns: Math.max(2, Math.round((base * TOTAL_RUNS) / 2000)), endOnFailure: true, ...(seed === undefined ? {} : { seed: Number(seed) }) };
}

/** An article printed short in failure reports (inputs reach millions of characters). */
function shown(article: Article): Article {
  const described: Article & { [fc.toStringMethod]: () => string } = { ...article, [fc.toStringMethod]: () => `${article.path}: ${JSON.stringify(article.text.slice(0, 200))}… (${article.text.length} chars)` };
  return described;
}

async function check(article: Article): Promise<CaseOutcome> {
  return expectBounded(await pipeline.run(article.text, article.path), article.path);
}

// Several cases of megabytes each, one at a time in the child: minutes on a loaded machine.
describe('the pipeline on input made to exhaust it (each case under a heap limit)', { timeout: 30 * 60_000 }, () => {
  it('survives nesting thousands deep: divs, quotes, lists, components, emphasis', async () => {
    await fc.assert(fc.asyncProperty(deepNesting.map(shown), async (article) => void (await check(article))), runs(24));
  });

  it('refuses YAML alias bombs and self-references in front matter, at the line of their key', async () => {
    await fc.assert(
      fc.asyncProperty(aliasBomb.map(shown), async (article) => {
        const outcome = await check(article);
        // A small bomb may expand to a size any front matter could have: then it builds.
        if (!outcome.ok) expect(['front-matter-invalid', 'config-invalid', 'theme-unknown']).toContain(outcome.error.code);
      }),
      runs(40),
    );
  });

  it('survives lines of millions of characters', async () => {
    await fc.assert(fc.asyncProperty(hugeLine.map(shown), async (article) => void (await check(article))), runs(6));
  });

  it('reads paragraphs of a million lines whole: a deck with every word, never "nests too deeply"', async () => {
    await fc.assert(
      fc.asyncProperty(hugeParagraph.map(shown), async (article) => {
        const outcome = await check(article);
        expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
        if (outcome.ok) expect(outcome.diagnostics.map((d) => d.code)).not.toContain('check-conservation');
      }),
      runs(4),
    );
  });
});
