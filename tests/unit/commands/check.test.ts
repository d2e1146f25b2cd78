/**
 * `checkDecks` (`lectern check`) with fake edges and a fake measurer: each deck is compiled as an
 * HTML-only build compiles it and measured once; its report comes from the final (re-planned)
 * deck; a deck that fails to compile or to measure is reported and the others are still checked;
 * no browser fails the whole check; the measurer is closed whatever happens.
 */
import { describe, expect, it } from 'vitest';
import type { CheckReport, DeckCheck } from '../../../src/check/index.js';
import { buildSite } from '../../../src/commands/build.js';
import { checkDecks } from '../../../src/commands/check.js';
import { resolveConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { fakeEdges, lastSlideOverflow, tightenAll, type FakeOptions, type FakeWorld } from '../helpers/edges.js';
import { ALPHA, BETA, UNCLOSED, UNKNOWN_THEME } from './articles.js';

const GOOD: FakeOptions = { articles: { 'talks/alpha.md': ALPHA, 'talks/beta.md': BETA }, images: ['talks/img/diagram.png'] };
const config = resolveConfig({ outDir: 'out' });

async function check(options: FakeOptions, fit?: boolean): Promise<{ world: FakeWorld; report: CheckReport; seen: DeckCheck[] }> {
  const world = fakeEdges(options);
  const seen: DeckCheck[] = [];
  const report = await checkDecks({ inputs: ['talks'], config, ...(fit === undefined ? {} : { fit }), onDeck: (d) => seen.push(d) }, world.edges);
  return { world, report, seen };
}

describe('checkDecks', () => {
  it('measures every deck with one measurer, closed at the end; writes nothing', async () => {
    const { world, report, seen } = await check(GOOD);
    expect(world.log).toEqual(['loadSources', 'loadRuntime', 'measurer', 'measure alpha', 'measure beta', 'measurer close']);
    expect(world.sites).toEqual([]);
    expect(world.files.size).toBe(0);
    expect(report.decks.map((d) => d.slug)).toEqual(['alpha', 'beta']);
    expect(seen).toEqual(report.decks);
  });

  it('measures the deck an HTML-only build writes: the same HTML', async () => {
    const { world } = await check(GOOD);
    const built = fakeEdges(GOOD);
    await buildSite({ inputs: ['talks'], config }, built.edges);
    const output = built.sites[0]!.output;
    for (const { compiled } of world.measured) {
      const page = output.get(`${compiled.rendered.slug}/index.html`);
      expect(page !== undefined && 'data' in page ? page.data : undefined).toBe(compiled.rendered.html);
    }
  });

  it('passes clean decks, with the slides, code and conservation of each', async () => {
    const { report } = await check(GOOD);
    expect(report.ok).toBe(true);
    const alpha = report.decks[0]!;
    expect(alpha).toMatchObject({ source: 'talks/alpha.md', title: 'Alpha Talk', overflows: [], leaks: [], rounds: 0, initialOverflows: 0, ok: true });
    expect(alpha.code).toEqual([expect.objectContaining({ status: 'highlighted' })]);
    expect(alpha.conservation.ratio).toBeGreaterThanOrEqual(0.99);
    expect(alpha.error).toBeUndefined();
  });

  it('asks the measurer to re-plan by default, and not with fit off', async () => {
    expect((await check(GOOD)).world.measured.map((m) => m.fit)).toEqual([true, true]);
    expect((await check(GOOD, false)).world.measured.map((m) => m.fit)).toEqual([false, false]);
  });

  it('reports the re-planned deck the measurer settled on, not the first plan', async () => {
    const { world, report } = await check({ ...GOOD, measure: { alpha: { hints: tightenAll } } });
    const first = world.measured[0]!.compiled;
    const final = world.finals[0]!;
    expect(final.rendered.slideCount).toBeGreaterThan(first.rendered.slideCount);
    expect(report.decks[0]).toMatchObject({ slides: final.rendered.slideCount, rounds: 1, initialOverflows: 1, hints: tightenAll(first), ok: true });
  });

  it('fails a deck that still overflows, and the check with it; lists missing files without failing on them', async () => {
    const { report } = await check({ ...GOOD, measure: { beta: { overflows: lastSlideOverflow }, alpha: { missing: ['404 http://127.0.0.1/alpha/cfg.svg'] } } });
    const [alpha, beta] = report.decks;
    expect(alpha).toMatchObject({ missing: ['404 http://127.0.0.1/alpha/cfg.svg'], ok: true });
    expect(beta!.overflows).toHaveLength(1);
    expect(beta!.ok).toBe(false);
    expect(report.ok).toBe(false);
  });

  it('reports an article that does not compile and still checks the others', async () => {
    const { world, report, seen } = await check({ articles: { 'talks/alpha.md': ALPHA, 'talks/neon.md': UNKNOWN_THEME, 'talks/zeta.md': BETA }, images: ['talks/img/diagram.png'] });
    expect(report.decks.map((d) => [d.slug, d.ok])).toEqual([
      ['alpha', true],
      ['neon', false],
      ['zeta', true],
    ]);
    const neon = report.decks[1]!;
    expect(neon.error).toBe('talks/neon.md: error: unknown theme "neon"\n  hint: available themes: dark, eventlet, light');
    expect(neon).toMatchObject({ source: 'talks/neon.md', title: 'Neon', slides: 0 });
    expect(world.log).toEqual(['loadSources', 'loadRuntime', 'measurer', 'measure alpha', 'measure zeta', 'measurer close']);
    expect(seen.map((d) => d.slug)).toEqual(['alpha', 'neon', 'zeta']);
    expect(report.ok).toBe(false);
  });

  it('fails a deck with an error diagnostic (an unclosed fence), measured all the same', async () => {
    const { report } = await check({ articles: { 'talks/broken.md': UNCLOSED } });
    const broken = report.decks[0]!;
    expect(broken.error).toBeUndefined();
    expect(broken.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'markdown-unclosed-fence', line: 9 }));
    expect(broken.ok).toBe(false);
  });

  it('reports a deck the browser could not load, with what was compiled, and checks the next one', async () => {
    const { report } = await check({ ...GOOD, measure: { alpha: { fail: new LecternError('export-timeout', 'deck alpha was not ready after 30 s') } } });
    expect(report.decks[0]).toMatchObject({ slug: 'alpha', title: 'Alpha Talk', ok: false, error: 'error: deck alpha was not ready after 30 s' });
    expect(report.decks[0]!.slides).toBeGreaterThan(0);
    expect(report.decks[1]).toMatchObject({ slug: 'beta', ok: true });
  });

  it.each(['browser-not-found', 'browser-failed'] as const)('fails the whole check when the measurer throws %s, closing it', async (code) => {
    const error = new LecternError(code, 'no browser to measure with');
    const world = fakeEdges({ ...GOOD, measure: { alpha: { fail: error } } });
    const seen: DeckCheck[] = [];
    await expect(checkDecks({ inputs: ['talks'], config, onDeck: (d) => seen.push(d) }, world.edges)).rejects.toBe(error);
    expect(world.log).toEqual(['loadSources', 'loadRuntime', 'measurer', 'measure alpha', 'measurer close']);
    expect(seen).toEqual([]);
  });

  it('fails the whole check when no measurer can be made (no browser), before any deck', async () => {
    const world = fakeEdges({ ...GOOD, browserError: new LecternError('browser-not-found', 'no Chromium') });
    await expect(checkDecks({ inputs: ['talks'], config }, world.edges)).rejects.toMatchObject({ code: 'browser-not-found' });
    expect(world.log).toEqual(['loadSources', 'loadRuntime', 'measurer']);
  });

  it('reports an article that cannot be read (bad front matter, an empty file) as a failed deck, and checks every other one', async () => {
    const articles = { 'talks/alpha.md': ALPHA, 'talks/bad.md': '---\ntitle: [unclosed\n---\n# Bad\n', 'talks/empty.md': '', 'talks/zeta.md': BETA };
    const { world, report, seen } = await check({ articles, images: ['talks/img/diagram.png'] });
    expect(report.decks.map((d) => [d.slug, d.ok])).toEqual([
      ['alpha', true],
      ['bad', false],
      ['empty', false],
      ['zeta', true],
    ]);
    expect(report.decks[1]).toMatchObject({ source: 'talks/bad.md', title: 'bad', slides: 0, error: expect.stringMatching(/^talks\/bad\.md:\d+: error: /) });
    expect(report.decks[2]).toMatchObject({ source: 'talks/empty.md', error: expect.stringContaining('has no content') });
    expect(world.log).toEqual(['loadSources', 'loadRuntime', 'measurer', 'measure alpha', 'measure zeta', 'measurer close']);
    expect(seen.map((d) => d.slug)).toEqual(['alpha', 'bad', 'empty', 'zeta']);
    expect(report.ok).toBe(false);
  });

  it('fails on an input that does not exist before starting a browser', async () => {
    const world = fakeEdges(GOOD);
    await expect(checkDecks({ inputs: ['talks/nope.md'], config }, world.edges)).rejects.toMatchObject({ code: 'input-missing' });
    expect(world.log).not.toContain('measurer');
  });
});
