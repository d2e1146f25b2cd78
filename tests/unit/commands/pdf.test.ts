/**
 * `exportPdfs` (`lectern pdf`) with fake edges: every deck printed with one printer (no thumbnail,
 * no site), then `<out>/<slug>.slides.pdf` (and `.handout.pdf`) written — only once every deck has
 * printed, so a failure writes no PDF at all; what it reports comes from the printed decks.
 */
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../../src/commands/build.js';
import { exportPdfs, type PdfEvent } from '../../../src/commands/pdf.js';
import { resolveConfig, type UserConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { fakeEdges, lastSlideOverflow, tightenAll, type FakeOptions, type FakeWorld } from '../helpers/edges.js';
import { ALPHA, BETA, UNCLOSED, UNKNOWN_LANGUAGE } from './articles.js';

const OUT = join('out', 'pdfs');
const GOOD: FakeOptions = { articles: { 'talks/alpha.md': ALPHA, 'talks/beta.md': BETA }, images: ['talks/img/diagram.png'] };

interface Run {
  readonly world: FakeWorld;
  readonly events: PdfEvent[];
  readonly outcome: Awaited<ReturnType<typeof exportPdfs>> | { error: unknown };
}

async function run(options: FakeOptions, what: { handout?: boolean; slides?: boolean; config?: UserConfig } = {}): Promise<Run> {
  const world = fakeEdges(options);
  const events: PdfEvent[] = [];
  const outcome = await exportPdfs(
    {
      inputs: ['talks'],
      config: resolveConfig({ outDir: OUT, ...what.config }),
      handout: what.handout ?? true,
      ...(what.slides === undefined ? {} : { slides: what.slides }),
      onEvent: (e) => events.push(e),
    },
    world.edges,
  ).catch((error: unknown) => ({ error }));
  return { world, events, outcome };
}

function ok(r: Run): Awaited<ReturnType<typeof exportPdfs>> {
  if ('error' in r.outcome) return expect.fail(`exportPdfs failed: ${String(r.outcome.error)}`);
  return r.outcome;
}

function failed(r: Run): LecternError {
  if (!('error' in r.outcome)) return expect.fail('exportPdfs should have failed');
  expect(r.outcome.error).toBeInstanceOf(LecternError);
  return r.outcome.error as LecternError;
}

describe('exportPdfs', () => {
  it('makes its printer before compiling (the browser starts meanwhile), prints every deck with it (no thumbnail, no re-planning), closes it, writes the PDFs', async () => {
    const r = await run(GOOD);
    ok(r);
    expect(r.world.printOptions).toEqual([expect.objectContaining({ slides: true, handout: true, thumbnail: false, refit: false })]);
    expect(r.world.log).toEqual([
      'loadRuntime',
      'printer',
      'loadSources',
      'print alpha',
      'print beta',
      'printer close',
      `writeFile ${join(OUT, 'alpha.slides.pdf')}`,
      `writeFile ${join(OUT, 'alpha.handout.pdf')}`,
      `writeFile ${join(OUT, 'beta.slides.pdf')}`,
      `writeFile ${join(OUT, 'beta.handout.pdf')}`,
    ]);
    expect(r.world.sites).toEqual([]);
  });

  it('writes the printed bytes: real PDFs with the pages printed', async () => {
    const r = await run(GOOD);
    for (const slug of ['alpha', 'beta']) {
      for (const kind of ['slides', 'handout']) {
        const printed = r.world.pdfs.get(`${slug}/${kind}`)!;
        const written = r.world.files.get(join(OUT, `${slug}.${kind}.pdf`))!;
        expect(written).toBe(printed.bytes);
        expect((await PDFDocument.load(written)).getPageCount()).toBe(printed.pages);
      }
    }
  });

  it('without --handout asks for and writes the slides only', async () => {
    const r = await run(GOOD, { handout: false });
    expect(ok(r).files.map((f) => f.label)).toEqual(['slides PDF', 'slides PDF']);
    expect(r.world.printOptions[0]).toMatchObject({ slides: true, handout: false });
    expect([...r.world.files.keys()]).toEqual([join(OUT, 'alpha.slides.pdf'), join(OUT, 'beta.slides.pdf')]);
    expect(r.events[0]).toEqual({ type: 'pdf-begin', jobs: 2, decks: 2 });
  });

  it('with slides off and the handout on, writes the handouts only', async () => {
    const r = await run(GOOD, { slides: false, handout: true });
    ok(r);
    expect(r.world.printOptions[0]).toMatchObject({ slides: false, handout: true });
    expect([...r.world.files.keys()]).toEqual([join(OUT, 'alpha.handout.pdf'), join(OUT, 'beta.handout.pdf')]);
  });

  it('reports each file with its shown path and page count, from the deck as planned (never re-planned)', async () => {
    // The fake printer would re-plan alpha with tighter hints if it were asked to refit.
    const r = await run({ ...GOOD, print: { alpha: { hints: tightenAll } } });
    const result = ok(r);
    const printed = r.world.printed[0]!;
    expect(r.world.finals[0]).toBe(printed);
    expect(result.files[0]).toEqual({ label: 'slides PDF', path: displayPath(join(OUT, 'alpha.slides.pdf')), pages: printed.rendered.slideCount });
    expect(result.files).toHaveLength(4);
  });

  it('sends the total, each PDF started, then each deck written with its files and diagnostics', async () => {
    const r = await run({ ...GOOD, print: { beta: { overflows: lastSlideOverflow } } });
    const result = ok(r);
    const kinds = r.events.map((e) => (e.type === 'pdf-begin' ? `begin ${e.jobs}` : e.type === 'pdf-start' ? `${e.slug} ${e.kind}` : `written ${e.slug}`));
    // Every deck prints before the first is written: a failure anywhere writes nothing.
    expect(kinds).toEqual(['begin 4', 'alpha slides', 'alpha handout', 'beta slides', 'beta handout', 'written alpha', 'written beta']);
    const beta = r.events.find((e) => e.type === 'written' && e.slug === 'beta');
    expect(beta).toMatchObject({ files: result.files.slice(2) });
    expect(beta?.type === 'written' ? beta.diagnostics : []).toContainEqual(expect.objectContaining({ code: 'export-slide-overflow', file: 'talks/beta.md' }));
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'export-slide-overflow' }));
  });

  it('writes no PDF at all when the second deck fails to print', async () => {
    const failure = new LecternError('export-failed', 'the browser crashed');
    const r = await run({ ...GOOD, print: { beta: { fail: failure } } });
    expect(failed(r)).toBe(failure);
    expect(r.world.log).toContain('printer close');
    expect(r.world.files.size).toBe(0);
  });

  it('writes and prints nothing when an article has an error, or a warning with --strict, and closes the printer it started', async () => {
    const broken = await run({ articles: { 'talks/alpha.md': ALPHA, 'talks/broken.md': UNCLOSED }, images: ['talks/img/diagram.png'] });
    expect(failed(broken).code).toBe('article-invalid');
    expect(broken.world.log.filter((l) => l.startsWith('print'))).toEqual(['printer', 'printer close']);
    expect(broken.world.files.size).toBe(0);
    const strict = await run({ articles: { 'talks/klingon.md': UNKNOWN_LANGUAGE } }, { config: { strict: true } });
    expect(failed(strict).code).toBe('strict-diagnostics');
    expect(strict.world.log.filter((l) => l.startsWith('print'))).toEqual(['printer', 'printer close']);
    expect(strict.world.files.size).toBe(0);
  });

  it('fails on a browser that cannot be found, writing nothing', async () => {
    const r = await run({ ...GOOD, browserError: new LecternError('browser-not-found', 'no browser') });
    expect(failed(r).code).toBe('browser-not-found');
    expect(r.world.files.size).toBe(0);
  });
});
