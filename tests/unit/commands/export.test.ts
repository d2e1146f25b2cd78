/**
 * `exportDecks` (`lectern export`, `lectern pdf --pptx`) and `buildSite` with `pptx` over fake
 * edges: a PPTX needs no browser unless a slide must be a picture (then only those slides are
 * taken); `--png` takes every slide at the asked scale from the same printer; everything is
 * written only after every deck is made; a `--size` of other proportions is bad usage before any
 * browser starts.
 */
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../../src/commands/build.js';
import { exportDecks, parseSize, type ExportEvent, type ExportOptions } from '../../../src/commands/export.js';
import { resolveConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { fakeEdges, type FakeOptions, type FakeWorld } from '../helpers/edges.js';
import { ALPHA, BETA } from './articles.js';

const OUT = join('out', 'export');
const EMBED = `---
title: Gamma Talk
---

# Gamma Talk

A talk with a video.

## The video

<video controls width="480" height="270"></video>

## After

Plain words again.
`;

const GOOD: FakeOptions = { articles: { 'talks/alpha.md': ALPHA, 'talks/beta.md': BETA }, images: ['talks/img/diagram.png'] };
const WITH_EMBED: FakeOptions = { articles: { 'talks/beta.md': BETA, 'talks/gamma.md': EMBED } };

async function run(options: FakeOptions, what: Partial<ExportOptions>): Promise<{ world: FakeWorld; events: ExportEvent[]; error?: unknown }> {
  const world = fakeEdges(options);
  const events: ExportEvent[] = [];
  try {
    await exportDecks({ inputs: ['talks'], config: resolveConfig({ outDir: OUT }), ...what, onEvent: (e) => events.push(e) }, world.edges);
    return { world, events };
  } catch (error) {
    return { world, events, error };
  }
}

function slideCount(pptx: Uint8Array): number {
  return Object.keys(unzipSync(pptx)).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
}

describe('exportDecks --pptx', () => {
  it('starts no browser when every slide is native, and writes <out>/<slug>.pptx', async () => {
    const r = await run(GOOD, { pptx: true });
    expect(r.error).toBeUndefined();
    expect(r.world.log).not.toContain('printer');
    expect(r.world.log.filter((l) => l.startsWith('writeFile'))).toEqual([`writeFile ${join(OUT, 'alpha.pptx')}`, `writeFile ${join(OUT, 'beta.pptx')}`]);
    // The article's picture was read to be embedded.
    expect(r.world.log).toContain('readFile /fake/talks/img/diagram.png');
    const alpha = r.world.files.get(join(OUT, 'alpha.pptx'))!;
    const written = r.events.find((e) => e.type === 'written' && e.slug === 'alpha');
    expect(written).toMatchObject({ pptx: { pictures: 0 } });
    expect(slideCount(alpha)).toBe(written?.type === 'written' ? written.pptx?.slides : -1);
    expect(Object.keys(unzipSync(alpha)).some((f) => f.startsWith('ppt/media/'))).toBe(true);
  });

  it('asks the printer only for the slides that must be pictures, and writes after printing', async () => {
    const r = await run(WITH_EMBED, { pptx: true });
    expect(r.error).toBeUndefined();
    expect(r.world.log.indexOf('printer close')).toBeLessThan(r.world.log.findIndex((l) => l.startsWith('writeFile')));
    const options = r.world.printOptions[0]!;
    expect(options).toMatchObject({ slides: false, handout: false, thumbnail: false });
    const gamma = r.world.printed.find((c) => c.rendered.slug === 'gamma')!;
    const beta = r.world.printed.find((c) => c.rendered.slug === 'beta')!;
    const index = gamma.deck.stacks.flat().findIndex((s) => s.parts.some((p) => p.type === 'block' && p.block.type === 'html'));
    expect(options.pictures?.(gamma)).toEqual({ slides: [index], scale: 1 });
    expect(options.pictures?.(beta)).toBeUndefined();
    const written = r.events.find((e) => e.type === 'written' && e.slug === 'gamma');
    expect(written).toMatchObject({ pptx: { slides: gamma.deck.stacks.flat().length, pictures: 1 } });
    const slide = strFromU8(unzipSync(r.world.files.get(join(OUT, 'gamma.pptx'))!)[`ppt/slides/slide${index + 1}.xml`]!);
    expect(slide).toContain('<p:pic>');
  });
});

describe('exportDecks --png', () => {
  it('takes every slide at the scale of --size and writes <slug>/slides/001.png…', async () => {
    const r = await run(GOOD, { png: true, size: parseSize('1920x1080') });
    expect(r.error).toBeUndefined();
    for (const c of r.world.printed) {
      expect(r.world.printOptions[0]!.pictures?.(c)).toEqual({ slides: 'all', scale: 1.5 });
      const n = c.deck.stacks.flat().length;
      const files = [...r.world.files.keys()].filter((f) => f.startsWith(join(OUT, c.rendered.slug, 'slides')));
      expect(files).toEqual(Array.from({ length: n }, (_, i) => join(OUT, c.rendered.slug, 'slides', `${String(i + 1).padStart(3, '0')}.png`)));
    }
    expect(r.events.find((e) => e.type === 'written' && e.slug === 'beta')).toMatchObject({ png: { width: 1920, height: 1080 } });
  });

  it('with --pptx too, the PPTX keeps only the pictures it needs', async () => {
    const r = await run(WITH_EMBED, { png: true, pptx: true });
    expect(r.events.filter((e) => e.type === 'written').map((e) => (e.type === 'written' ? e.pptx?.pictures : -1))).toEqual([0, 1]);
  });

  it('refuses a size of other proportions before any browser starts, and writes nothing', async () => {
    const r = await run(GOOD, { png: true, size: parseSize('1000x1000') });
    expect(r.error).toBeInstanceOf(LecternError);
    expect((r.error as LecternError).message).toMatch(/does not have the proportions of deck alpha \(1280x720\)/);
    expect(r.world.log).not.toContain('printer');
    expect(r.world.files.size).toBe(0);
  });

  it('parses --size as WIDTHxHEIGHT or a width alone, and refuses the rest', () => {
    expect(parseSize('1920x1080')).toEqual({ width: 1920, height: 1080 });
    expect(parseSize('1920×1080')).toEqual({ width: 1920, height: 1080 });
    expect(parseSize('640')).toEqual({ width: 640 });
    for (const bad of ['', 'big', '1920x', '0x0', '99999x1']) expect(() => parseSize(bad)).toThrow(/--size must be WIDTHxHEIGHT/);
  });

  it('writes nothing when a deck fails to print', async () => {
    const r = await run({ ...GOOD, print: { beta: { fail: new LecternError('export-failed', 'deck beta: boom') } } }, { png: true, pptx: true });
    expect(r.error).toBeInstanceOf(LecternError);
    expect(r.world.files.size).toBe(0);
    expect(r.world.log).toContain('printer close');
  });
});

describe('buildSite --pptx', () => {
  it('adds <slug>/slides.pptx to the site and links it from the index', async () => {
    const world = fakeEdges(WITH_EMBED);
    const result = await buildSite({ inputs: ['talks'], config: resolveConfig({ outDir: 'dist' }), pdf: true, pptx: true }, world.edges);
    const site = world.sites[0]!.output;
    for (const slug of ['beta', 'gamma']) {
      const file = site.get(`${slug}/slides.pptx`);
      expect(file && 'data' in file ? slideCount(file.data as Uint8Array) : 0).toBeGreaterThan(0);
    }
    expect(result.decks.find((d) => d.slug === 'gamma')?.pptx).toMatchObject({ pictures: 1, path: join('dist', 'gamma', 'slides.pptx') });
    const index = site.get('index.html');
    expect(index && 'data' in index ? String(index.data) : '').toContain('href="gamma/slides.pptx">PPTX</a>');
  });

  it('starts no browser for an HTML build whose slides are all native', async () => {
    const world = fakeEdges({ articles: { 'talks/beta.md': BETA } });
    await buildSite({ inputs: ['talks'], config: resolveConfig({ outDir: 'dist' }), pptx: true }, world.edges);
    expect(world.log).not.toContain('printer');
    expect(world.sites[0]!.output.has('beta/slides.pptx')).toBe(true);
  });
});
