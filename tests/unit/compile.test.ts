/**
 * compile.ts, the one compile path: `compileArticle` is pure (the same source, images and config
 * give byte-identical HTML, and nothing it is given changes), renames images to the names the
 * file-system edge chose, carries that edge's diagnostics, adds share tags (og:image: always the
 * PNG, absolute) and the closing slide's inline QR code when the site URL is known, and writes the
 * same page whichever thumbnail kind the build makes; `recompile` re-plans with fit hints;
 * `compileSource` reads the images (the one disk step) and then compiles the same way.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileArticle, compileSource, recompile, thumbnailName, type CompileInputs } from '../../src/compile.js';
import { resolveConfig, type UserConfig } from '../../src/config.js';
import { LecternError } from '../../src/errors.js';
import { hashedName } from '../../src/load/images.js';
import { parseSource } from '../../src/load/source.js';
import type { Diagnostic, LoadedImages, Source } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { TEST_RUNTIME } from './helpers/compile.js';

const ARTICLE = `---
title: Pure Talk
description: A talk about purity
---

# Pure Talk

Intro paragraph here.

## Pictures

![A diagram](img/diagram.png)

![Gone](img/missing.png)

## Points

- one
- two
- three
- four
- five
`;

const source = (text = ARTICLE, path = 'talks/pure.md'): Source => parseSource(text, path, { resolveLink: () => undefined });

const MISSING: Diagnostic = {
  severity: 'warning',
  code: 'image-missing',
  message: 'image "img/missing.png" not found (looked for /abs/talks/img/missing.png)',
  file: 'talks/pure.md',
  line: 14,
};

/** What the file-system edge would have found: one image, one missing. */
const IMAGES: LoadedImages = {
  files: [{ src: 'img/diagram.png', from: '/abs/talks/img/diagram.png', name: 'diagram-0a1b2c3d.png' }],
  diagnostics: [MISSING],
};

function inputs(config: UserConfig = {}, more: Partial<CompileInputs> = {}): CompileInputs {
  return { config: resolveConfig(config), runtime: TEST_RUNTIME, images: IMAGES, thumbnail: 'svg', ...more };
}

/** Freeze a value and everything it holds, so that a write anywhere inside throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The content of a `<meta property=…>` or `<meta name=…>` tag of a page. */
function meta(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];
}

describe('compileArticle is pure', () => {
  it('gives byte-identical HTML (and the same deck and files) for the same input, compiled twice', () => {
    const s = source();
    const a = compileArticle(s, parseArticle(s), inputs({ siteUrl: 'https://talks.example/' }));
    const s2 = source();
    const b = compileArticle(s2, parseArticle(s2), inputs({ siteUrl: 'https://talks.example/' }));
    expect(b.rendered.html).toBe(a.rendered.html);
    expect(b.rendered.slides).toBe(a.rendered.slides);
    expect(b.deck).toEqual(a.deck);
    expect(b.files).toEqual(a.files);
  });

  it('changes nothing it is given (every input frozen, then compared with a copy)', () => {
    const s = source();
    const article = parseArticle(s);
    const given = inputs({ siteUrl: 'https://talks.example/', overrides: { layout: 'flat' } }, { hints: { tighter: { 16: 0.7 } } });
    const copies = structuredClone({ s, article, given });
    deepFreeze(s);
    deepFreeze(article);
    deepFreeze(given);
    const compiled = compileArticle(s, article, given);
    expect({ s, article, given }).toEqual(copies);
    // What it returns refers to what it was given, unchanged: recompile starts from the same place.
    expect(compiled.source).toBe(s);
    expect(compiled.article).toBe(article);
    expect(compiled.inputs).toBe(given);
  });
});

describe('compileArticle: images', () => {
  const compiled = compileArticle(source(), parseArticle(source()), inputs());

  it('renames an image found on disk to the name the edge chose, in the deck and the HTML', () => {
    expect(compiled.rendered.html).toContain('<img src="diagram-0a1b2c3d.png" alt="A diagram">');
    expect(compiled.rendered.html).not.toContain('img/diagram.png');
    expect(compiled.files.images).toEqual(IMAGES.files);
  });

  it('keeps a missing image as written and carries the edge’s warning into the deck and its page', () => {
    expect(compiled.rendered.html).toContain('<img src="img/missing.png" alt="Gone">');
    expect(compiled.deck.diagnostics).toContainEqual(MISSING);
    expect(compiled.rendered.diagnostics).toContainEqual(MISSING);
  });

  it('copies one file once when two sources name it (`a.png`, `./a.png`)', () => {
    const text = '# T\n\n## One\n\n![a](a.png)\n\n## Two\n\n![b](./a.png)\n';
    const images: LoadedImages = {
      files: [
        { src: 'a.png', from: '/abs/a.png', name: 'a-11111111.png' },
        { src: './a.png', from: '/abs/a.png', name: 'a-11111111.png' },
      ],
      diagnostics: [],
    };
    const s = source(text, 'a.md');
    const c = compileArticle(s, parseArticle(s), inputs({}, { images }));
    expect(c.files.images).toEqual([images.files[0]]);
    expect(c.rendered.html.match(/<img src="a-11111111\.png"/g)).toHaveLength(2);
  });

  it('reports no image diagnostics when every image was found', () => {
    const s = source();
    const c = compileArticle(s, parseArticle(s), inputs({}, { images: { files: IMAGES.files, diagnostics: [] } }));
    expect(c.rendered.diagnostics.filter((d) => d.code === 'image-missing')).toEqual([]);
  });
});

describe('compileArticle: sharing', () => {
  it('without a site URL: no QR code, no canonical link, no og:image (previews read it only as an absolute URL)', () => {
    const s = source();
    const c = compileArticle(s, parseArticle(s), inputs());
    expect(c.files).not.toHaveProperty('qr');
    expect(c.rendered.html).not.toContain('rel="canonical"');
    expect(meta(c.rendered.html, 'og:url')).toBeUndefined();
    expect(meta(c.rendered.html, 'og:image')).toBeUndefined();
    expect(meta(c.rendered.html, 'twitter:card')).toBe('summary');
    expect(c.rendered.html).not.toContain('lectern-qr');
    // The closing slide is there all the same: the deck title, and no URL to show.
    const closing = c.deck.stacks.at(-1)?.[0];
    expect(closing?.kind).toBe('closing');
    expect(closing?.parts.some((p) => p.type === 'url')).toBe(false);
  });

  it('with a site URL: the QR code drawn inline on the closing slide, canonical and og:url, og:image the absolute PNG', () => {
    const s = source();
    const c = compileArticle(s, parseArticle(s), inputs({ siteUrl: 'https://talks.example/base' }));
    const url = 'https://talks.example/base/pure/';
    expect(c.files).not.toHaveProperty('qr');
    const closing = c.deck.stacks.at(-1)?.[0];
    expect(closing?.kind).toBe('closing');
    expect(closing?.parts).toContainEqual({ type: 'url', url, qr: true });
    expect(c.rendered.html).toContain(`<figure class="lectern-qr"><svg xmlns="http://www.w3.org/2000/svg"`);
    expect(c.rendered.html).toContain(`aria-label="${url}"`);
    expect(c.rendered.html).toContain(`<p class="lectern-url"><a href="${url}">${url}</a></p>`);
    expect(c.rendered.html).toContain(`<link rel="canonical" href="${url}">`);
    expect(meta(c.rendered.html, 'og:url')).toBe(url);
    expect(meta(c.rendered.html, 'og:image')).toBe(`${url}thumbnail.png`);
    expect(meta(c.rendered.html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(c.rendered.html, 'twitter:description')).toBe('A talk about purity');
  });

  it('draws the QR code of the URL it shows: another site URL, another code', () => {
    const s = source();
    const qr = (siteUrl: string): string => /<figure class="lectern-qr">(<svg[^]*?<\/svg>)/.exec(compileArticle(s, parseArticle(s), inputs({ siteUrl })).rendered.html)?.[1] ?? '';
    const a = qr('https://a.example/');
    const b = qr('https://b.example/');
    expect(a).toContain('aria-label="https://a.example/pure/"');
    expect(b).toContain('aria-label="https://b.example/pure/"');
    expect(a).not.toBe(b);
  });

  it.each(['png', 'svg'] as const)('names the %s thumbnail in the deck files, and the page is the same whichever kind', (kind) => {
    const s = source();
    const c = compileArticle(s, parseArticle(s), inputs({}, { thumbnail: kind }));
    expect(thumbnailName(kind)).toBe(`thumbnail.${kind}`);
    expect(c.files.thumbnail).toBe(`thumbnail.${kind}`);
    const other = compileArticle(s, parseArticle(s), inputs({}, { thumbnail: kind === 'png' ? 'svg' : 'png' }));
    expect(c.rendered.html).toBe(other.rendered.html);
    const hosted = (k: 'png' | 'svg'): string => compileArticle(s, parseArticle(s), inputs({ siteUrl: 'https://t.example/' }, { thumbnail: k })).rendered.html;
    expect(hosted(kind)).toBe(hosted(kind === 'png' ? 'svg' : 'png'));
    expect(meta(hosted(kind), 'og:image')).toBe('https://t.example/pure/thumbnail.png');
  });
});

describe('compileArticle: config', () => {
  it('links the theme the front matter names, and the override over it', () => {
    const s = source(ARTICLE.replace('title: Pure Talk', 'title: Pure Talk\ntheme: dark'));
    expect(compileArticle(s, parseArticle(s), inputs()).rendered.html).toContain('href="../assets/theme-dark-test.css"');
    const overridden = compileArticle(s, parseArticle(s), inputs({ overrides: { theme: 'eventlet' } }));
    expect(overridden.rendered.html).toContain('href="../assets/theme-eventlet-test.css"');
    expect(overridden.rendered.html).not.toContain('theme-dark-test.css');
  });

  it('throws theme-unknown, located in the article, for a theme the runtime does not have', () => {
    const s = source();
    expect(() => compileArticle(s, parseArticle(s), inputs({ theme: 'neon' }))).toThrow(LecternError);
    try {
      compileArticle(s, parseArticle(s), inputs({ theme: 'neon' }));
    } catch (err) {
      expect((err as LecternError).code).toBe('theme-unknown');
      expect((err as LecternError).file).toBe('talks/pure.md');
    }
  });
});

describe('recompile', () => {
  it('re-plans with the hints and is the same as compiling with them', () => {
    const s = source();
    const first = compileArticle(s, parseArticle(s), inputs());
    const points = first.deck.stacks.flat().find((slide) => slide.id === 'points');
    expect(points).toBeDefined();
    const hints = { tighter: { [points!.line]: 0.4 } };
    const again = recompile(first, hints);
    expect(again.inputs.hints).toEqual(hints);
    expect(again.rendered.slideCount).toBeGreaterThan(first.rendered.slideCount);
    expect(again.rendered.html).toBe(compileArticle(s, parseArticle(s), { ...inputs(), hints }).rendered.html);
    // The first compile is left as it was, and its images are still renamed the same way.
    expect(first.inputs.hints).toBeUndefined();
    expect(again.rendered.html).toContain('src="diagram-0a1b2c3d.png"');
  });

  it('with hints for no slide of the deck, gives the first HTML again', () => {
    const s = source();
    const first = compileArticle(s, parseArticle(s), inputs());
    expect(recompile(first, { tighter: { 9999: 0.5 } }).rendered.html).toBe(first.rendered.html);
  });
});

describe('compileSource: images read from disk, then the same compile', () => {
  let dir: string;
  let article: string;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-compile-'));
    await mkdir(join(dir, 'img'));
    await writeFile(join(dir, 'img', 'diagram.png'), png);
    article = join(dir, 'pure.md');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the image after its content and warns about the missing one at its line', async () => {
    const s = source(ARTICLE, article);
    const compiled = await compileSource(s, { config: resolveConfig(), runtime: TEST_RUNTIME, thumbnail: 'svg' });
    const name = hashedName(join(dir, 'img', 'diagram.png'), png);
    expect(compiled.files.images).toEqual([{ src: 'img/diagram.png', from: join(dir, 'img', 'diagram.png'), name }]);
    expect(compiled.rendered.html).toContain(`<img src="${name}" alt="A diagram">`);
    const missing = compiled.rendered.diagnostics.filter((d) => d.code === 'image-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', file: article, line: 14 });
    // The same HTML as compileArticle given what the edge read.
    const again = compileArticle(s, parseArticle(s), { config: resolveConfig(), runtime: TEST_RUNTIME, thumbnail: 'svg', images: compiled.inputs.images });
    expect(again.rendered.html).toBe(compiled.rendered.html);
  });
});
