/** Reading an article's images at the file-system edge: hashed copy names, missing files as warnings. */
import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashedName, loadImages, srcPath } from '../../../src/load/images.js';
import { findSiteRoot, projectRoots, refusal } from '../../../src/load/project-root.js';

describe('images', () => {
  it('names copies by content hash, never with a leading _', () => {
    const name = hashedName('/x/_Dot Image.PNG', new Uint8Array([1, 2, 3]));
    expect(name).toMatch(/^dot-image-[0-9a-f]{8}\.png$/);
    expect(hashedName('/y/_Dot Image.PNG', new Uint8Array([1, 2, 3]))).toBe(name);
    expect(hashedName('/x/_Dot Image.PNG', new Uint8Array([4]))).not.toBe(name);
  });

});

describe('loadImages', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-images-'));
    await mkdir(join(dir, 'img'));
    await writeFile(join(dir, 'img', 'My Chart.png'), new Uint8Array([1, 2, 3]));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('names each found file by its content, and warns at the line of a missing one', async () => {
    const article = join(dir, 'talk.md');
    const found = await loadImages([{ src: 'img/My%20Chart.png?v=2', line: 3 }, { src: 'img/gone.png', line: 9 }], article);
    expect(found.files).toEqual([{ src: 'img/My%20Chart.png?v=2', from: join(dir, 'img', 'My Chart.png'), name: hashedName('My Chart.png', new Uint8Array([1, 2, 3])) }]);
    expect(found.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'image-missing', file: article, line: 9 })]);
  });

  it('reads the path part of a src: no query or fragment, percent escapes decoded', () => {
    expect(srcPath('a%20b.png?x=1#y')).toBe('a b.png');
    expect(srcPath('%E0%A4%A.png')).toBe('%E0%A4%A.png');
  });
});

/**
 * Finding 1 of issue 11: an article could copy any readable file into the site
 * (`![k](../../../../etc/passwd)` built with exit 0). Files stay inside the article's project.
 */
describe('loadImages keeps an article inside its project', () => {
  let top: string;
  let posts: string;
  let article: string;
  beforeAll(async () => {
    top = await realpath(await mkdtemp(join(tmpdir(), 'lectern-roots-')));
    posts = join(top, 'proj', 'posts');
    await mkdir(join(posts, 'img'), { recursive: true });
    await mkdir(join(posts, '.git-like'), { recursive: true });
    await mkdir(join(top, 'shared'), { recursive: true });
    await writeFile(join(top, 'secret.txt'), 'SECRET');
    await writeFile(join(top, 'shared', 'logo.png'), new Uint8Array([9]));
    await writeFile(join(posts, 'img', 'ok.png'), new Uint8Array([1]));
    await writeFile(join(posts, '.env'), 'TOKEN=1');
    await writeFile(join(posts, '.git-like', 'config'), '[core]');
    await symlink(join(top, 'secret.txt'), join(posts, 'img', 'link-out.png'));
    await symlink(top, join(posts, 'up'));
    await symlink(join(posts, 'img', 'ok.png'), join(posts, 'link-in.png'));
    article = join(posts, 'talk.md');
  });
  afterAll(() => rm(top, { recursive: true, force: true }));

  const load = (src: string, allowDirs: string[] = []) => loadImages([{ src, line: 7 }], article, { allowDirs });

  it.each([
    ['../../secret.txt', 'image-outside-project'],
    ['..%2F..%2Fsecret.txt', 'image-outside-project'],
    ['img/link-out.png', 'image-outside-project'],
    ['up/secret.txt', 'image-outside-project'],
    ['../../../../../../../../etc/passwd', 'image-outside-project'],
    ['.env', 'image-hidden'],
    ['.git-like/config', 'image-hidden'],
  ])('refuses %s with a warning at its line, and copies nothing', async (src, code) => {
    const found = await load(src);
    expect(found.files).toEqual([]);
    expect(found.blocked).toEqual([src]);
    expect(found.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code, file: article, line: 7 })]);
  });

  it('reads files inside the project, through links that stay inside, under their real path', async () => {
    const found = await load('link-in.png');
    expect(found.files).toEqual([expect.objectContaining({ src: 'link-in.png', from: join(posts, 'img', 'ok.png') })]);
    expect(found.diagnostics).toEqual([]);
  });

  it('widens the project with allowDirs (--allow-dir)', async () => {
    expect((await load('../../shared/logo.png')).files).toEqual([]);
    const found = await load('../../shared/logo.png', [join(top, 'shared')]);
    expect(found.files).toEqual([expect.objectContaining({ from: join(top, 'shared', 'logo.png') })]);
    expect(found.blocked).toBeUndefined();
  });

  it("takes in the article's site: the first folder up with a site config (Jekyll _config.yml)", async () => {
    await writeFile(join(top, 'proj', '_config.yml'), 'title: x\n');
    await mkdir(join(top, 'proj', 'assets'), { recursive: true });
    await writeFile(join(top, 'proj', 'assets', 'chart.png'), new Uint8Array([3]));
    try {
      expect(await findSiteRoot(posts)).toBe(join(top, 'proj'));
      expect((await load('../assets/chart.png')).files).toHaveLength(1);
      expect((await load('../../secret.txt')).files).toEqual([]);
      expect(await projectRoots(article)).toEqual([posts, join(top, 'proj')]);
    } finally {
      await rm(join(top, 'proj', '_config.yml'));
    }
  });

  it('reports a missing file inside the project as missing, not refused', async () => {
    const found = await load('img/gone.png');
    expect(found.diagnostics).toEqual([expect.objectContaining({ code: 'image-missing' })]);
    expect(found.blocked).toBeUndefined();
  });
});

describe('refusal', () => {
  it('accepts a path under a root and nothing else', () => {
    expect(refusal('/p/a/b.png', ['/p'])).toBeUndefined();
    expect(refusal('/p/..b.png', ['/p'])).toEqual({ type: 'hidden', root: '/p' });
    expect(refusal('/pq/b.png', ['/p'])).toEqual({ type: 'outside', roots: ['/p'] });
    expect(refusal('/p', ['/p'])).toEqual({ type: 'outside', roots: ['/p'] });
    expect(refusal('/p/.a/b.png', ['/p', '/p/.a'])).toBeUndefined();
  });
});
