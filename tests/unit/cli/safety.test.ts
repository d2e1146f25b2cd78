/**
 * Issue 11 ("Nothing escapes, nothing lingers") through runCli, in-process: an article that names
 * a file outside its project builds with a warning at that line and nothing copied (finding 1);
 * a deck may not take the runtime's folder name, `--site-url` must be a URL (exit 2, not a
 * crash), `build --help.md` builds the file `--help.md`, and the index page names an icon so
 * browsers never ask for /favicon.ico outside the base path (finding 8).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, shown, stackLines } from './io.js';

describe('lectern build keeps an article inside its project (finding 1)', () => {
  let top: string;
  let posts: string;
  beforeAll(async () => {
    top = await mkdtemp(join(tmpdir(), 'lectern-cli-escape-'));
    posts = join(top, 'site', 'posts');
    await mkdir(join(top, 'shared'), { recursive: true });
    await mkdir(posts, { recursive: true });
    await writeFile(join(top, 'secret.txt'), 'SECRET');
    await writeFile(join(top, 'shared', 'logo.png'), 'PNG');
    await symlink(join(top, 'secret.txt'), join(posts, 'inside-link.png'));
    await writeFile(
      join(posts, 'e.md'),
      '# Escape\n\nHello.\n\n![k](../../../../../../../../etc/passwd)\n\n<img src="../../secret.txt" alt="html secret">\n\n![linked](inside-link.png)\n\n![logo](../../shared/logo.png)\n',
    );
  });
  afterAll(() => rm(top, { recursive: true, force: true }));

  it('warns at each line, copies nothing outside, and the slides show the alt text', async () => {
    const out = join(top, 'out');
    const run = await cli('build', posts, '--out', out);
    expect(run.code, shown(run)).toBe(0);
    expect(run.stderr).toMatch(/e\.md:5: warning: image "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the article's project/);
    expect(run.stderr).toMatch(/e\.md:7: warning: image "\.\.\/\.\.\/secret\.txt" is outside/);
    expect(run.stderr).toMatch(/e\.md:9: warning: image "inside-link\.png" is outside/);
    expect(run.stderr).toMatch(/e\.md:11: warning: image "\.\.\/\.\.\/shared\/logo\.png" is outside[\s\S]*--allow-dir/);
    expect(run.stdout).toMatch(/^e: \d+ slides, ≈ \d+ min, 0 code blocks, 4 diagnostics/m);
    expect(await readdir(join(out, 'e'))).toEqual(['index.html', 'read', 'thumbnail.svg']);
    const html = await readFile(join(out, 'e', 'index.html'), 'utf8');
    expect(html).not.toMatch(/passwd"|secret\.txt|inside-link|logo\.png/);
    // The reading view shows the same slides: no picture outside the project there either.
    expect(await readFile(join(out, 'e', 'read', 'index.html'), 'utf8')).not.toMatch(/passwd"|secret\.txt|inside-link|logo\.png/);
    expect(html).toContain('html secret');
  });

  it('--allow-dir widens the project', async () => {
    const out = join(top, 'out-allowed');
    const run = await cli('build', posts, '--out', out, '--allow-dir', join(top, 'shared'));
    expect(run.code, shown(run)).toBe(0);
    expect(run.stderr).not.toMatch(/logo\.png/);
    expect((await readdir(join(out, 'e'))).filter((f) => f.startsWith('logo-'))).toHaveLength(1);
  });

  it("a site root (Jekyll's _config.yml) is part of the project", async () => {
    await writeFile(join(top, 'site', '_config.yml'), 'title: Site\n');
    await mkdir(join(top, 'site', 'assets'), { recursive: true });
    await writeFile(join(top, 'site', 'assets', 'chart.png'), 'PNG');
    await writeFile(join(posts, 'chart.md'), '# Chart\n\nHello.\n\n![chart](../assets/chart.png)\n');
    const out = join(top, 'out-site');
    const run = await cli('build', join(posts, 'chart.md'), '--out', out);
    expect(run.code, shown(run)).toBe(0);
    expect(run.stderr).toBe('');
    expect((await readdir(join(out, 'chart'))).filter((f) => f.startsWith('chart-'))).toHaveLength(1);
  });
});

describe('finding 8: reserved slugs, --site-url, file names that look like flags, the icon', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-cli-small-'));
    await writeFile(join(dir, 'runtime.md'), '---\nslug: assets\n---\n# Runtime\n\nHello.\n');
    await writeFile(join(dir, '--help.md'), '# Help me\n\nHello.\n');
    await writeFile(join(dir, 'ok.md'), '# Fine\n\nHello.\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses `slug: assets` (the runtime folder): exit 1 naming the file, nothing written', async () => {
    const out = join(dir, 'out-assets');
    const run = await cli('build', join(dir, 'runtime.md'), '--out', out);
    expect(run.code, shown(run)).toBe(1);
    expect(run.stderr).toMatch(/runtime\.md: error: the deck would be written to "assets\/", a folder Lectern keeps for the site's shared runtime \[slug-reserved\]/);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['notaurl', 'example.org/talks', 'javascript:alert(1)', 'ftp://example.org/'])('--site-url %s is bad usage: exit 2, no stack', async (url) => {
    const run = await cli('build', join(dir, 'ok.md'), '--out', join(dir, 'out-url'), '--site-url', url);
    expect(run.code, shown(run)).toBe(2);
    expect(run.stderr).toMatch(/^error: --site-url must be an absolute http\(s\) URL/m);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(existsSync(join(dir, 'out-url'))).toBe(false);
  });

  it('`build --help.md` reads the file --help.md, not the help (and so does `build -- --help.md`)', async () => {
    for (const args of [['--help.md'], ['--', '--help.md'], ['-x.md']]) {
      const run = await cli('build', '--out', join(dir, 'out-help'), ...args);
      const name = args.at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // The working folder is the repository, which has no such file: the error names it as a file.
      expect(run.code, shown(run)).toBe(1);
      expect(run.stdout).not.toContain('Usage:');
      expect(run.stderr).toMatch(new RegExp(`^${name}: error: no such file or folder: ${name}`, 'm'));
    }
  });

  it('the index page names an icon, so browsers do not ask for /favicon.ico outside the base path', async () => {
    const out = join(dir, 'out-icon');
    expect((await cli('build', join(dir, 'ok.md'), '--out', out, '--base', '/talks/')).code).toBe(0);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<link rel="icon" href="data:,">');
    expect(await readFile(join(out, 'ok', 'index.html'), 'utf8')).toContain('<link rel="icon" href="data:,">');
  });
});
