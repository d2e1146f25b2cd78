/**
 * site/output.ts, a site as data (pure): a deck's folder holds its page, its images (copied from
 * where the edge found them) and, without a browser, its SVG thumbnail card (the QR code is drawn
 * inline in the page: no file); the
 * runtime is copied under `assets/`; a later part of a site wins for the same path.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileArticle } from '../../../src/compile.js';
import { resolveConfig } from '../../../src/config.js';
import { parseSource } from '../../../src/load/source.js';
import { parseArticle } from '../../../src/parse/index.js';
import { RUNTIME_DIR } from '../../../src/runtime/paths.js';
import { deckOutput, indexOutput, mergeOutput, runtimeOutput } from '../../../src/site/output.js';
import { FAKE_RUNTIME } from '../helpers/edges.js';

const TEXT = '---\ntitle: Output Talk\n---\n\n# Output Talk\n\n## Picture\n\n![p](img/p.png)\n';

function compiled(thumbnail: 'png' | 'svg', siteUrl?: string) {
  const source = parseSource(TEXT, 'talks/output.md', { resolveLink: () => undefined });
  return compileArticle(source, parseArticle(source), {
    config: resolveConfig(siteUrl === undefined ? {} : { siteUrl }),
    runtime: FAKE_RUNTIME,
    images: { files: [{ src: 'img/p.png', from: '/abs/talks/img/p.png', name: 'p-12345678.png' }], diagnostics: [] },
    thumbnail,
  });
}

describe('deckOutput', () => {
  it('without a browser: the page, the image copy and the SVG thumbnail card', () => {
    const c = compiled('svg');
    const out = deckOutput(c);
    expect([...out.keys()].sort()).toEqual(['output/index.html', 'output/p-12345678.png', 'output/read/index.html', 'output/thumbnail.svg']);
    expect(out.get('output/index.html')).toEqual({ data: c.rendered.html });
    expect(out.get('output/p-12345678.png')).toEqual({ copy: '/abs/talks/img/p.png' });
    const card = out.get('output/thumbnail.svg');
    expect(card && 'data' in card ? card.data : '').toContain(`${c.rendered.slideCount} slides`);
  });

  it('with a PNG thumbnail to come from the browser: no card; with a site URL: no QR file (it is inline in the page)', () => {
    const c = compiled('png', 'https://talks.example/');
    const out = deckOutput(c);
    expect([...out.keys()].sort()).toEqual(['output/index.html', 'output/p-12345678.png', 'output/read/index.html']);
    expect(c.rendered.html).toContain('<figure class="lectern-qr"><svg');
  });
});

describe('runtimeOutput, indexOutput, mergeOutput', () => {
  it('copies every runtime file from the built runtime folder', () => {
    const out = runtimeOutput(FAKE_RUNTIME);
    expect([...out.keys()]).toEqual([...FAKE_RUNTIME.files]);
    for (const file of FAKE_RUNTIME.files) expect(out.get(file)).toEqual({ copy: join(RUNTIME_DIR, file) });
  });

  it('writes the index page at the root', () => {
    const out = indexOutput([{ slug: 'output', title: 'Output Talk', slideCount: 3, pdfs: [] }]);
    expect([...out.keys()]).toEqual(['index.html']);
    const page = out.get('index.html');
    expect(page && 'data' in page ? page.data : '').toContain('<a href="output/">Output Talk</a>');
  });

  it('lets a later part win for the same path, keeping the rest', () => {
    const merged = mergeOutput(new Map([['a', { data: '1' }], ['b', { data: '2' }]]), new Map([['b', { data: '3' }]]));
    expect([...merged]).toEqual([
      ['a', { data: '1' }],
      ['b', { data: '3' }],
    ]);
  });
});
