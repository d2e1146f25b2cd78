/** An author's theme file and stylesheets: read, hashed, their url()s copied and rewritten; problems as diagnostics. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, resolveDeckOptions } from '../../../src/config.js';
import { loadStylesheets } from '../../../src/load/stylesheets.js';

describe('loadStylesheets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-css-'));
    await mkdir(join(dir, 'fonts'));
    await writeFile(join(dir, 'fonts', 'Brand.woff2'), new Uint8Array([7, 7, 7]));
    await writeFile(join(dir, 'my-theme.css'), ":root { --r-background-color: #fef3c7; }\n@font-face { font-family: Brand; src: url('fonts/Brand.woff2') format('woff2'); }\n");
    await writeFile(join(dir, 'talk.css'), '.reveal h2 { color: rebeccapurple; background: url(https://cdn.example/bg.png); }\n@import "more.css";\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the theme file first, then the css files, with hashed names and their fonts copied', async () => {
    const article = join(dir, 'talk.md');
    const options = resolveDeckOptions(resolveConfig(), { theme: './my-theme.css', css: 'talk.css' }, article);
    expect(options.theme).toBe(join(dir, 'my-theme.css'));
    const styles = await loadStylesheets(options, article);
    expect(styles.files.map((f) => [f.role, f.name])).toEqual([
      ['theme', expect.stringMatching(/^my-theme-[0-9a-f]{8}\.css$/)],
      ['css', expect.stringMatching(/^talk-[0-9a-f]{8}\.css$/)],
    ]);
    expect(styles.assets).toEqual([{ from: join(dir, 'fonts', 'Brand.woff2'), name: expect.stringMatching(/^brand-[0-9a-f]{8}\.woff2$/) }]);
    expect(styles.files[0]!.css).toContain(`url("${styles.assets[0]!.name}")`);
    expect(styles.diagnostics.map((d) => d.code).sort()).toEqual(['css-import', 'css-remote-url']);
  });

  it('makes a missing stylesheet an error naming the article', async () => {
    const article = join(dir, 'talk.md');
    const styles = await loadStylesheets(resolveDeckOptions(resolveConfig(), { lectern: { css: ['gone.css'] } }, article), article);
    expect(styles.files).toEqual([]);
    expect(styles.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'css-missing', file: article })]);
  });

  it('refuses a stylesheet the article names outside its project, unless the config names it', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'lectern-css-out-'));
    try {
      await writeFile(join(outside, 'shared.css'), 'h2 { color: red; }\n');
      await mkdir(join(dir, 'post'), { recursive: true });
      const article = join(dir, 'post', 'talk.md');
      const fromArticle = resolveDeckOptions(resolveConfig(), { css: join(outside, 'shared.css') }, article);
      const refused = await loadStylesheets(fromArticle, article);
      expect(refused.files).toEqual([]);
      expect(refused.diagnostics.map((d) => d.code)).toEqual(['css-outside-project']);
      const config = resolveConfig({ css: join(outside, 'shared.css') });
      const named = await loadStylesheets(resolveDeckOptions(config, {}, article), article, { trusted: [join(outside, 'shared.css')] });
      expect(named.files.map((f) => f.role)).toEqual(['css']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses a css option that names no .css file', () => {
    expect(() => resolveDeckOptions(resolveConfig(), { css: 'talk.scss' }, 'a.md')).toThrow(/css must be/);
    expect(() => resolveConfig({ theme: 'My Theme' })).toThrow(/theme must be a theme name or the path of a \.css file/);
  });
});
