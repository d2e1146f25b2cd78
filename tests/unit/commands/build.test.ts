/**
 * `buildSite` with fake edges (articles from strings, the site captured in memory, a fake printer
 * with tiny real PDFs): the whole site is written once, at the end, with every deck's page, images,
 * thumbnail, PDFs and the index page; the printer never re-plans (the planner fits from the fonts),
 * so the deck pages are byte-identical with and without --pdf; a site URL asks the printer for PNG
 * thumbnails even without --pdf; and nothing at all is written when a deck has an error, when
 * --strict meets a warning or an overflow the printer found, when two decks share a slug, or when
 * printing fails.
 */
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildSite, displayPath, type BuildEvent } from '../../../src/commands/build.js';
import { compileWith } from '../../../src/commands/edges.js';
import { resolveConfig, type UserConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import type { OutputFile, SiteOutput } from '../../../src/site/output.js';
import { FAKE_RUNTIME, fakeEdges, lastSlideOverflow, tightenAll, type FakeOptions, type FakeWorld } from '../helpers/edges.js';
import { ALPHA, BETA, UNCLOSED, UNKNOWN_LANGUAGE } from './articles.js';

const OUT = join('out', 'site');
const GOOD: FakeOptions = { articles: { 'talks/alpha.md': ALPHA, 'talks/beta.md': BETA }, images: ['talks/img/diagram.png'] };

async function build(options: FakeOptions, config: UserConfig = {}, pdf = false): Promise<{ world: FakeWorld; events: BuildEvent[]; result: Awaited<ReturnType<typeof buildSite>> }> {
  const world = fakeEdges(options);
  const events: BuildEvent[] = [];
  const result = await buildSite({ inputs: ['talks'], config: resolveConfig({ outDir: OUT, ...config }), pdf, onEvent: (e) => events.push(e) }, world.edges);
  return { world, events, result };
}

/** A build that must fail: the error, and the world it left. */
async function failedBuild(options: FakeOptions, config: UserConfig = {}, pdf = false, inputs = ['talks']): Promise<{ world: FakeWorld; error: LecternError; events: BuildEvent[] }> {
  const world = fakeEdges(options);
  const events: BuildEvent[] = [];
  const error = await buildSite({ inputs, config: resolveConfig({ outDir: OUT, ...config }), pdf, onEvent: (e) => events.push(e) }, world.edges).then(
    () => expect.fail('the build should have failed'),
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(LecternError);
  return { world, error: error as LecternError, events };
}

function text(output: SiteOutput, path: string): string {
  const file = output.get(path);
  if (file === undefined || !('data' in file) || typeof file.data !== 'string') return expect.fail(`${path} is not a text file of the site`);
  return file.data;
}

function bytes(output: SiteOutput, path: string): Uint8Array {
  const file = output.get(path);
  if (file === undefined || !('data' in file) || typeof file.data === 'string') return expect.fail(`${path} is not a binary file of the site`);
  return file.data;
}

/** "N slides" of a deck's card on the index page. */
function indexSlides(index: string, slug: string): number {
  const card = index.split('<li>').find((li) => li.includes(`href="${slug}/"`));
  return Number(/(\d+) slides/.exec(card ?? '')?.[1]);
}

describe('buildSite, HTML only', () => {
  it('writes the whole site once, at the end, and never asks for a browser', async () => {
    const { world } = await build(GOOD);
    expect(world.log).toEqual(['loadRuntime', 'loadSources', `writeSite ${OUT}`]);
    expect(world.sites).toHaveLength(1);
    expect(world.sites[0]!.outDir).toBe(OUT);
  });

  it('never reads its own output folder as input (`lectern build .` over a previous build)', async () => {
    const { world } = await build(GOOD);
    expect(world.loadOptions).toEqual([{ exclude: [OUT] }]);
  });

  it('writes each deck’s page, image and SVG thumbnail, the runtime and the index page', async () => {
    const { world } = await build(GOOD);
    const output = world.sites[0]!.output;
    expect([...output.keys()].sort()).toEqual(
      [
        ...FAKE_RUNTIME.files,
        'alpha/index.html',
        'alpha/read/index.html',
        'alpha/diagram-fa4e0000.png',
        'alpha/thumbnail.svg',
        'beta/index.html',
        'beta/read/index.html',
        'beta/thumbnail.svg',
        'index.html',
      ].sort(),
    );
    expect(output.get('alpha/diagram-fa4e0000.png')).toEqual({ copy: '/fake/talks/img/diagram.png' } satisfies OutputFile);
    expect(output.get(FAKE_RUNTIME.deck.js)).toEqual({ copy: expect.stringMatching(/runtime[\\/]assets[\\/]deck-test\.js$/) });
    expect(text(output, 'alpha/thumbnail.svg')).toContain('Alpha Talk');
  });

  it('writes the HTML the one compile path makes, images renamed, no og:image without a site URL', async () => {
    const { world } = await build(GOOD);
    const html = text(world.sites[0]!.output, 'alpha/index.html');
    const [source] = await world.edges.loadSources(['talks/alpha.md']);
    const compiled = await compileWith(world.edges, source!, { config: resolveConfig({ outDir: OUT }), runtime: FAKE_RUNTIME, thumbnail: 'svg' });
    expect(html).toBe(compiled.rendered.html);
    expect(html).toContain('<img src="diagram-fa4e0000.png" alt="A diagram">');
    // Link previews read og:image only as an absolute URL: without a site URL there is none.
    expect(html).not.toContain('og:image');
  });

  it('lists every deck on the index page with its title, description, slide count and thumbnail, and no PDF', async () => {
    const { world, result } = await build(GOOD);
    const index = text(world.sites[0]!.output, 'index.html');
    expect(index).toContain('<a href="alpha/">Alpha Talk</a>');
    expect(index).toContain('<p>The first talk</p>');
    expect(index).toContain('<a href="beta/">Beta Talk</a>');
    expect(index).toContain('<img src="alpha/thumbnail.svg"');
    expect(index).not.toContain('.pdf');
    expect(indexSlides(index, 'alpha')).toBe(result.decks[0]!.slideCount);
    expect(indexSlides(index, 'beta')).toBe(result.decks[1]!.slideCount);
  });

  it('returns a result per deck, and a deck event per deck after the site is written', async () => {
    const { result, events } = await build({ ...GOOD, removed: ['gone/index.html'] });
    expect(result.outDir).toBe(OUT);
    expect(result.removed).toEqual(['gone/index.html']);
    expect(result.decks.map((d) => [d.slug, d.source, d.title, d.output, d.pdfs])).toEqual([
      ['alpha', 'talks/alpha.md', 'Alpha Talk', displayPath(join(OUT, 'alpha', 'index.html')), []],
      ['beta', 'talks/beta.md', 'Beta Talk', displayPath(join(OUT, 'beta', 'index.html')), []],
    ]);
    expect(result.decks[0]!.codeBlockCount).toBe(1);
    expect(result.decks[0]!.slideCount).toBeGreaterThan(2);
    expect(events).toEqual(result.decks.map((deck) => ({ type: 'deck', deck })));
  });

  it('carries a missing image as a warning located in the article, and still writes the site', async () => {
    const { world, result } = await build({ ...GOOD, images: [] });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'image-missing', file: 'talks/alpha.md', line: 12 }));
    expect(result.decks[0]!.diagnostics).toContainEqual(expect.objectContaining({ code: 'image-missing' }));
    expect(world.sites).toHaveLength(1);
    expect([...world.sites[0]!.output.keys()].filter((k) => k.endsWith('.png'))).toEqual([]);
  });
});

describe('buildSite --pdf', () => {
  const PRINTING: FakeOptions = { ...GOOD, print: { alpha: { hints: tightenAll } } };

  it('prints every deck with one printer, closes it, and only then writes the site', async () => {
    const { world } = await build(PRINTING, {}, true);
    expect(world.log).toEqual(['loadRuntime', 'loadSources', 'printer', 'print alpha', 'print beta', 'printer close', `writeSite ${OUT}`]);
    expect(world.printOptions).toHaveLength(1);
    // The planner fits slides from the fonts: the printer verifies and never re-plans a page.
    expect(world.printOptions[0]).toMatchObject({ slides: true, handout: true, thumbnail: true, refit: false, config: { outDir: OUT } });
  });

  it('gives the printer the decks compiled for a PNG thumbnail', async () => {
    const { world } = await build(PRINTING, {}, true);
    expect(world.printed.map((c) => c.files.thumbnail)).toEqual(['thumbnail.png', 'thumbnail.png']);
  });

  it('writes the PDFs and the PNG thumbnail into each deck’s folder, as printed', async () => {
    const { world } = await build(PRINTING, {}, true);
    const output = world.sites[0]!.output;
    for (const slug of ['alpha', 'beta']) {
      for (const kind of ['slides', 'handout']) {
        const pdf = world.pdfs.get(`${slug}/${kind}`)!;
        const written = bytes(output, `${slug}/${kind}.pdf`);
        expect(written).toBe(pdf.bytes);
        expect((await PDFDocument.load(written)).getPageCount()).toBe(pdf.pages);
      }
      expect(bytes(output, `${slug}/thumbnail.png`)).toBe(world.thumbnails.get(slug));
      expect(output.has(`${slug}/thumbnail.svg`)).toBe(false);
      expect(text(output, `${slug}/index.html`)).not.toContain('og:image');
    }
  });

  it('links the PDFs and the PNG thumbnails from the index page', async () => {
    const { world } = await build(PRINTING, {}, true);
    const index = text(world.sites[0]!.output, 'index.html');
    for (const slug of ['alpha', 'beta']) {
      expect(index).toContain(`<a href="${slug}/slides.pdf">slides PDF</a>`);
      expect(index).toContain(`<a href="${slug}/handout.pdf">handout PDF</a>`);
      expect(index).toContain(`<img src="${slug}/thumbnail.png"`);
    }
  });

  it('writes and reports the deck as planned (never re-planned): the same index.html as an HTML-only build', async () => {
    // The fake printer would re-plan alpha with tighter hints if it were asked to refit.
    const { world, result, events } = await build(PRINTING, {}, true);
    const { world: htmlOnly } = await build(PRINTING);
    for (const slug of ['alpha', 'beta']) expect(text(world.sites[0]!.output, `${slug}/index.html`)).toBe(text(htmlOnly.sites[0]!.output, `${slug}/index.html`));
    const first = world.printed[0]!;
    expect(world.finals[0]).toBe(first);
    const alpha = result.decks[0]!;
    expect(alpha.slideCount).toBe(first.rendered.slideCount);
    expect(indexSlides(text(world.sites[0]!.output, 'index.html'), 'alpha')).toBe(first.rendered.slideCount);
    expect(alpha.pdfs).toEqual([
      { label: 'slides PDF', path: displayPath(join(OUT, 'alpha', 'slides.pdf')), pages: first.rendered.slideCount },
      { label: 'handout PDF', path: displayPath(join(OUT, 'alpha', 'handout.pdf')), pages: world.pdfs.get('alpha/handout')!.pages },
    ]);
    const deckEvents = events.filter((e) => e.type === 'deck');
    expect(deckEvents).toEqual(result.decks.map((deck) => ({ type: 'deck', deck })));
  });

  it('reports printing progress: the total first, then each PDF, then the decks', async () => {
    const { events } = await build(PRINTING, {}, true);
    expect(events.map((e) => (e.type === 'deck' ? `deck ${e.deck.slug}` : e.type === 'pdf-begin' ? `begin ${e.jobs}` : `${e.slug} ${e.kind}`))).toEqual([
      'begin 4',
      'alpha slides',
      'alpha handout',
      'beta slides',
      'beta handout',
      'deck alpha',
      'deck beta',
    ]);
  });

  it('without --strict, an overflow left after re-planning is a warning of the deck and the site is written', async () => {
    const { world, result } = await build({ ...GOOD, print: { beta: { overflows: lastSlideOverflow } } }, {}, true);
    expect(world.sites).toHaveLength(1);
    const beta = result.decks[1]!;
    expect(beta.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'export-slide-overflow', file: 'talks/beta.md' }));
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'export-slide-overflow' }));
  });
});

describe('buildSite with a site URL, without --pdf', () => {
  const HOSTED = { siteUrl: 'https://talks.example/' };

  it('asks the printer for the thumbnails only (link previews need a PNG), and writes no PDF', async () => {
    const { world, result, events } = await build(GOOD, HOSTED);
    expect(world.log).toEqual(['loadRuntime', 'loadSources', 'printer', 'print alpha', 'print beta', 'printer close', `writeSite ${OUT}`]);
    expect(world.printOptions[0]).toMatchObject({ slides: false, handout: false, thumbnail: true, refit: false });
    const output = world.sites[0]!.output;
    expect([...output.keys()].filter((k) => k.endsWith('.pdf'))).toEqual([]);
    for (const slug of ['alpha', 'beta']) {
      expect(bytes(output, `${slug}/thumbnail.png`)).toBe(world.thumbnails.get(slug));
      expect(output.has(`${slug}/thumbnail.svg`)).toBe(false);
      expect(text(output, `${slug}/index.html`)).toContain(`<meta property="og:image" content="https://talks.example/${slug}/thumbnail.png">`);
    }
    expect(result.decks.map((d) => d.pdfs)).toEqual([[], []]);
    // No PDF progress is reported for a thumbnail.
    expect(events.map((e) => e.type)).toEqual(['deck', 'deck']);
  });

  it('writes the same deck pages as a build with --pdf', async () => {
    const { world: html } = await build(GOOD, HOSTED);
    const { world: pdf } = await build(GOOD, HOSTED, true);
    for (const slug of ['alpha', 'beta']) expect(text(html.sites[0]!.output, `${slug}/index.html`)).toBe(text(pdf.sites[0]!.output, `${slug}/index.html`));
  });
});

describe('buildSite writes nothing when it fails', () => {
  it('an article with an error, beside a good one: article-invalid with the located diagnostic; no browser, no write', async () => {
    const { world, error, events } = await failedBuild({ articles: { 'talks/alpha.md': ALPHA, 'talks/broken.md': UNCLOSED }, images: ['talks/img/diagram.png'] }, {}, true);
    expect(error.code).toBe('article-invalid');
    expect(error.message).toBe('1 problem in the articles; nothing was written');
    expect(error.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'markdown-unclosed-fence', file: 'talks/broken.md', line: 9 }));
    expect(world.log).not.toContain('printer');
    expect(world.sites).toEqual([]);
    expect(events).toEqual([]);
  });

  it('--strict with a warning: strict-diagnostics, nothing written (and without --strict the deck is built)', async () => {
    const options: FakeOptions = { articles: { 'talks/alpha.md': ALPHA, 'talks/klingon.md': UNKNOWN_LANGUAGE }, images: ['talks/img/diagram.png'] };
    const { world, error } = await failedBuild(options, { strict: true });
    expect(error.code).toBe('strict-diagnostics');
    expect(error.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'talks/klingon.md', line: 9 }));
    expect(world.sites).toEqual([]);
    const lenient = await build(options);
    expect(lenient.world.sites).toHaveLength(1);
    expect(lenient.result.decks[1]!.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', line: 9 }));
  });

  it('--strict with a missing image: nothing written', async () => {
    const { world, error } = await failedBuild({ ...GOOD, images: [] }, { strict: true });
    expect(error.code).toBe('strict-diagnostics');
    expect(world.sites).toEqual([]);
  });

  it('two articles with the same slug: input-unsupported naming both files, nothing written', async () => {
    const { world, error } = await failedBuild({ articles: { 'talks/alpha.md': ALPHA, 'talks/old/alpha.md': BETA }, images: ['talks/img/diagram.png'] });
    expect(error.code).toBe('input-unsupported');
    expect(error.message).toContain('"alpha/"');
    expect(error.message).toContain('talks/alpha.md');
    expect(error.message).toContain('talks/old/alpha.md');
    expect(error.hint).toMatch(/slug/);
    expect(world.sites).toEqual([]);
  });

  it('--strict and an overflow left after re-planning: stops after printing, before writing', async () => {
    const { world, error, events } = await failedBuild({ ...GOOD, print: { alpha: { overflows: lastSlideOverflow } } }, { strict: true }, true);
    expect(error.code).toBe('strict-diagnostics');
    expect(error.message).toBe('1 slide overflows after re-planning; nothing was written');
    expect(error.diagnostics).toEqual([expect.objectContaining({ code: 'export-slide-overflow', file: 'talks/alpha.md' })]);
    expect(world.log).toContain('printer close');
    expect(world.sites).toEqual([]);
    expect(events.some((e) => e.type === 'deck')).toBe(false);
  });

  it('a deck that fails to print: the error as thrown, the printer closed, nothing written', async () => {
    const failure = new LecternError('export-timeout', 'deck beta was not ready in time');
    const { world, error } = await failedBuild({ ...GOOD, print: { beta: { fail: failure } } }, {}, true);
    expect(error).toBe(failure);
    expect(world.log.slice(-2)).toEqual(['print beta', 'printer close']);
    expect(world.sites).toEqual([]);
  });

  it('no browser: the browser-not-found error, nothing written', async () => {
    const noBrowser = new LecternError('browser-not-found', 'no Chromium, Chrome or Edge found to print PDFs with');
    const { world, error } = await failedBuild({ ...GOOD, browserError: noBrowser }, {}, true);
    expect(error).toBe(noBrowser);
    expect(world.sites).toEqual([]);
  });

  it('an input that does not exist: the load error, nothing compiled or written', async () => {
    const { world, error } = await failedBuild(GOOD, {}, false, ['talks/nope.md']);
    expect(error.code).toBe('input-missing');
    expect(world.sites).toEqual([]);
  });
});
