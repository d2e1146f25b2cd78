/** Reading an article's images at the file-system edge: hashed copy names, missing files as warnings. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashedName, loadImages, srcPath } from '../../../src/load/images.js';

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
