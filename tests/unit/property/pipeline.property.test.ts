/**
 * Issue 5, "nothing breaks on bad input": generated and mutated articles go through the whole pure
 * pipeline (bytes → decodeUtf8 → parseSource → parse → plan → render). The only error allowed is a
 * LecternError that names the file (and, when it gives a line, a line of that file); nothing else
 * may be thrown, and no case may take longer than LECTERN_PROPERTY_CASE_MS (default 30 s): a hang
 * guard, not a speed assertion (the machine is shared; a quadratic case at these sizes takes minutes).
 *
 * LECTERN_PROPERTY_RUNS sets the number of cases over all the properties here (default 2,000).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { decodeUtf8 } from '../../../src/load/files.js';
import { parseSource } from '../../../src/load/source.js';
import { SHARED_ARTICLES as SHARED_ARTICLES_DIR } from '../../shared-articles.js';
import { compileForTest } from '../helpers/compile.js';
import { articlePath, body, corruptBytes, fragment, frontMatter, hugeLine, mutate } from './arbitraries.js';

const TOTAL_RUNS = positive(process.env['LECTERN_PROPERTY_RUNS'], 2000);
const CASE_LIMIT_MS = positive(process.env['LECTERN_PROPERTY_CASE_MS'], 30_000);
const CONFIG = resolveConfig();
const ASSETS = { scripts: ['../assets/deck-test.js'] };
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SHARED = SHARED_ARTICLES_DIR;

/**
 * fast-check parameters for a property with this share of the total runs (at least 5, so a tiny
 * total still tries each). LECTERN_PROPERTY_SEED and LECTERN_PROPERTY_PATH replay a failure.
 * In CI the seed is fixed (a run that lands is reproducible); elsewhere each run draws new cases.
 */
/** The seed CI uses unless LECTERN_PROPERTY_SEED says otherwise. */
const CI_SEED = 20261124;

function runs(share: number): fc.Parameters<unknown> {
  const seed = process.env['LECTERN_PROPERTY_SEED'] ?? (process.env['CI'] ? String(CI_SEED) : undefined);
  const path = process.env['LECTERN_PROPERTY_PATH'];
  return {
    numRuns: Math.max(5, Math.round(TOTAL_RUNS * share)),
    // Shrinking a slow case re-runs it many times: give up shrinking rather than hang the suite.
    interruptAfterTimeLimit: positive(process.env['LECTERN_PROPERTY_TIME_LIMIT_MS'], 10 * 60_000),
    markInterruptAsFailure: true,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** A case's input, printed short in failure reports (inputs reach 100,000 characters). */
class Input {
  constructor(readonly value: string | Uint8Array) {}
  [fc.toStringMethod](): string {
    const text = typeof this.value === 'string' ? this.value : `bytes ${Array.from(this.value.subarray(0, 200)).join(',')}`;
    return `${JSON.stringify(text.slice(0, 400))}${text.length > 400 ? `… (${text.length} chars; set LECTERN_PROPERTY_DUMP to see it whole)` : ''}`;
  }
}

/** Wraps an arbitrary's values so failures print them short. */
function input(arb: fc.Arbitrary<string | Uint8Array>): fc.Arbitrary<Input> {
  return arb.map((value) => new Input(value));
}

/** What one case did: a deck, or an allowed error. Anything else fails the property. */
type Outcome = { readonly ok: true; readonly slides: number } | { readonly ok: false; readonly error: LecternError };

/** Bytes or text through the whole pure pipeline, timed; throws (fails the case) on a forbidden outcome. */
function compile(wrapped: Input, path: string): Outcome {
  const input = wrapped.value;
  const started = performance.now();
  let outcome: Outcome;
  let lines = 1;
  try {
    const decoded = typeof input === 'string' ? { text: input, diagnostics: [] } : decodeUtf8(input, path);
    // Lines as an editor counts them: CRLF, LF and a lone CR each end one (load normalises the same way).
    lines = decoded.text.split(/\r\n?|\n/).length;
    const source = parseSource(decoded.text, path, { resolveLink: (target) => (target.endsWith('.md') ? '../sibling/' : undefined) });
    const { deck, rendered } = compileForTest(source, CONFIG);
    expect(rendered.html.startsWith('<!doctype html>')).toBe(true);
    for (const d of rendered.diagnostics) {
      expect(d.file).toBe(path);
      if (d.line !== undefined) expect(d.line >= 1 && d.line <= lines + 1, `${d.code} at line ${d.line} of ${lines}`).toBe(true);
    }
    // Unless the article opted in to its raw HTML (`lectern: { unsafeHtml: true }`).
    if (deck.meta.unsafeHtml !== true) expect(unsafeMarkup(rendered.html)).toEqual([]);
    outcome = { ok: true, slides: rendered.slideCount };
  } catch (err) {
    if (!(err instanceof LecternError)) throw new Error(`not a LecternError for ${path}: ${describeError(err)}${dump(input)}`, { cause: err });
    expect(err.file, `error without a file: ${err.message}`).toBe(path);
    if (err.line !== undefined) {
      expect(Number.isInteger(err.line) && err.line >= 1 && err.line <= lines + 1, `line ${err.line} of ${lines}: ${err.message}`).toBe(true);
    }
    outcome = { ok: false, error: err };
  }
  const elapsed = performance.now() - started;
  if (elapsed > CASE_LIMIT_MS) throw new Error(`${path} took ${Math.round(elapsed)} ms (limit ${CASE_LIMIT_MS} ms)${dump(input)}`);
  return outcome;
}

/**
 * Whatever in a deck page could run code: a `<script>` that is not the runtime's, an `on*`
 * attribute, a `javascript:`/`vbscript:`/`data:` URL (pictures excepted), an iframe's srcdoc, a
 * `<base>`, `<object>`, `<embed>` or `<form>`. Whatever the input, the list must stay empty.
 */
function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  const stack: DefaultTreeAdapterTypes.Node[] = [parse(html)];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if ('childNodes' in node) stack.push(...node.childNodes);
    if (!('tagName' in node)) continue;
    const attrs = new Map(node.attrs.map((a) => [a.name, a.value]));
    if (node.tagName === 'script' && !(attrs.get('id') === 'lectern-config' || attrs.get('src') === ASSETS.scripts[0])) found.push('<script>');
    if (['base', 'object', 'embed', 'form', 'style', 'meta'].includes(node.tagName) && !(node.tagName === 'meta' && !attrs.has('http-equiv'))) found.push(`<${node.tagName}>`);
    for (const [name, value] of attrs) {
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      const scriptUrl = /^(javascript|vbscript):/.test(url) || (/^data:/.test(url) && !/^data:(image\/|,$)/.test(url));
      if (name.startsWith('on') || name === 'srcdoc' || scriptUrl) found.push(`<${node.tagName} ${name}="${value}">`);
    }
  }
  return found;
}

/** The whole input, when LECTERN_PROPERTY_DUMP is set (for reproducing a failure by hand). */
function dump(input: string | Uint8Array): string {
  if (process.env['LECTERN_PROPERTY_DUMP'] === undefined) return '';
  return `\ninput: ${JSON.stringify(typeof input === 'string' ? input : Array.from(input))}`;
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
}

/** Article texts to truncate and mutate: the repository's own, and the shared ones when present. */
function readArticles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return readArticles(path);
    return /\.(md|markdown|mdx|html?)$/i.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const OWN_ARTICLES = [...readArticles(join(ROOT, 'decks')), ...readArticles(join(ROOT, 'tests', 'fixtures', 'articles')), ...readArticles(join(ROOT, 'tests', 'fixtures', 'xss'))];
const SHARED_ARTICLES = readArticles(SHARED);

// A property runs synchronously for up to a minute at 50,000 cases: the suite's per-test limit scales.
describe(`the pipeline on bad input (${TOTAL_RUNS} cases over all properties)`, { timeout: Math.max(60_000, TOTAL_RUNS * 20) }, () => {
  it('survives generated articles: front matter of every type and bodies of every construct', () => {
    fc.assert(
      fc.property(input(fc.tuple(frontMatter, body).map(([f, b]) => f + b)), articlePath, (text, path) => {
        compile(text, path);
      }),
      runs(0.4),
    );
  });

  it('survives mutations of its own articles (cuts, duplications, insertions, truncation)', () => {
    const article = fc.constantFrom(...OWN_ARTICLES).chain((text) => fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }).chain((edits) => edits.reduce((acc) => acc.chain(mutate), fc.constant(text))));
    fc.assert(
      fc.property(input(article), articlePath, (text, path) => {
        compile(text, path);
      }),
      runs(0.15),
    );
  });

  it('survives invalid UTF-8 and NUL bytes, through the byte decoder', () => {
    const text = fc.oneof(fc.constantFrom(...OWN_ARTICLES), fc.tuple(frontMatter, body).map(([f, b]) => f + b));
    // Corrupted, and sometimes also cut at a byte (often in the middle of a UTF-8 sequence).
    const bytes = fc.tuple(text.chain(corruptBytes), fc.option(fc.nat(), { nil: undefined })).map(([b, cut]) => (cut === undefined ? b : b.subarray(0, cut % (b.length + 1))));
    fc.assert(
      fc.property(input(bytes), articlePath, (bytesIn, path) => {
        compile(bytesIn, path);
      }),
      runs(0.15),
    );
  });

  it('survives deep nesting of quotes, lists, containers and tags', () => {
    const unit = fc.constantFrom('> ', '- ', '  - ', '1. ', '<div>', '<blockquote>', '<ul><li>', '<Note>\n', '!!! note\n    ', ':::note\n', '/// note\n', '[', '*', '**', '<b>', '<!--', '{% raw %}', '```\n');
    const nested = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 3 }), fc.integer({ min: 50, max: 3000 }), fragment).map(([units, depth, tail]) => `${units.join('').repeat(depth)}${tail}`);
    fc.assert(
      fc.property(input(nested), articlePath, (text, path) => {
        compile(text, path);
      }),
      runs(0.08),
    );
  });

  it('survives huge lines (about 100,000 characters)', () => {
    const huge = fc.tuple(fc.constantFrom('', '# T\n\n', '## S\n\n', '<p>', '```\n', '- '), hugeLine).map(([before, line]) => before + line);
    fc.assert(
      fc.property(input(huge), articlePath, (text, path) => {
        compile(text, path);
      }),
      runs(0.02),
    );
  });

  it('survives front matter alone, of every YAML type, valid or not', () => {
    const texts = fc.constantFrom('', '# Title\n\nText.', 'Text only.', '<h1>T</h1>', '{{ page.title }} and {{ page.date }}');
    fc.assert(
      fc.property(input(fc.tuple(frontMatter, texts).map(([f, t]) => f + t)), articlePath, (text, path) => {
        compile(text, path);
      }),
      runs(0.1),
    );
  });

  describe.skipIf(SHARED_ARTICLES.length === 0)(`real articles from ../shared/articles${SHARED_ARTICLES.length === 0 ? ' (skipped: folder absent)' : ''}`, () => {
    it('survives them truncated at any point and mutated', () => {
      const article = fc.constantFrom(...SHARED_ARTICLES).chain(mutate);
      fc.assert(
        fc.property(input(article), articlePath, (text, path) => {
          compile(text, path);
        }),
        runs(0.1),
      );
    });
  });
});
