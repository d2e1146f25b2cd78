/**
 * Remote images fetched at build time from a stand-in host on 127.0.0.1: cached between builds,
 * revalidated when old, size-limited, checked to be pictures; failures and --no-fetch as diagnostics.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadImages } from '../../../src/load/images.js';
import { loadRemoteImages, MAX_AGE_MS } from '../../../src/load/remote-images.js';

/** A 3 × 2 PNG (IHDR only: enough for its header to say its size). */
function png(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

describe('loadRemoteImages', () => {
  let server: Server;
  let base: string;
  let cacheDir: string;
  const requests: { url: string; conditional: boolean }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', conditional: req.headers['if-none-match'] !== undefined });
      if (req.url === '/badge.png') {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        return void res.writeHead(200, { 'content-type': 'image/png', etag: '"v1"' }).end(png(3, 2));
      }
      if (req.url === '/chart?format=svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"></svg>');
      if (req.url === '/page.png') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Not found');
      if (req.url === '/huge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([png(1, 1), Buffer.alloc(5000)]));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    requests.length = 0;
    cacheDir = await mkdtemp(join(tmpdir(), 'lectern-cache-'));
    return () => rm(cacheDir, { recursive: true, force: true });
  });

  it('fetches pictures into the cache, names them by content and type, and gives their sizes', async () => {
    const found = await loadRemoteImages([{ src: `${base}/badge.png`, line: 3 }, { src: `${base}/chart?format=svg`, line: 5 }], 'talk.md', { fetch: true, cacheDir });
    expect(found.diagnostics).toEqual([]);
    expect(found.files).toEqual([
      expect.objectContaining({ src: `${base}/badge.png`, name: expect.stringMatching(/^badge-[0-9a-f]{8}\.png$/), width: 3, height: 2 }),
      expect.objectContaining({ src: `${base}/chart?format=svg`, name: expect.stringMatching(/^chart-[0-9a-f]{8}\.svg$/), width: 40, height: 20 }),
    ]);
    expect(found.files[0]!.from.startsWith(join(cacheDir, 'images'))).toBe(true);
    expect((await readdir(join(cacheDir, 'images'))).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  });

  it('uses a fresh cached copy without a request, and revalidates an old one', async () => {
    const ref = [{ src: `${base}/badge.png`, line: 1 }];
    let now = 1_000_000;
    const options = { fetch: true, cacheDir, now: () => now };
    const first = await loadRemoteImages(ref, 'talk.md', options);
    expect(requests).toHaveLength(1);
    const second = await loadRemoteImages(ref, 'talk.md', options);
    expect(requests).toHaveLength(1);
    expect(second.files).toEqual(first.files);
    now += MAX_AGE_MS + 1;
    const third = await loadRemoteImages(ref, 'talk.md', options);
    expect(requests).toEqual([{ url: '/badge.png', conditional: false }, { url: '/badge.png', conditional: true }]);
    expect(third.files).toEqual(first.files);
  });

  it('warns at the line of a picture it cannot have (missing, not a picture, too large, no host) and lists it as unreachable', async () => {
    const refs = [
      { src: `${base}/gone.png`, line: 2 },
      { src: `${base}/page.png`, line: 4 },
      { src: `${base}/huge.png`, line: 6 },
      { src: 'http://127.0.0.1:1/x.png', line: 8 },
    ];
    const found = await loadRemoteImages(refs, 'talk.md', { fetch: true, cacheDir, maxBytes: 1000 });
    expect(found.files).toEqual([]);
    expect(found.unreachable).toEqual(refs.map((r) => r.src));
    expect(found.diagnostics.map((d) => [d.code, d.line, d.severity])).toEqual(refs.map((r) => ['image-fetch-failed', r.line, 'warning']));
    expect(found.diagnostics[0]!.message).toContain('404');
    expect(found.diagnostics[1]!.message).toContain('not a picture');
    expect(found.diagnostics[2]!.message).toContain('larger than');
  });

  it('with fetch off, asks nothing and says, for each picture, that the deck links it', async () => {
    const found = await loadRemoteImages([{ src: `${base}/badge.png`, line: 7 }], 'talk.md', { fetch: false, cacheDir });
    expect(requests).toEqual([]);
    expect(found.files).toEqual([]);
    expect(found.unreachable).toEqual([]);
    expect(found.diagnostics).toEqual([expect.objectContaining({ severity: 'info', code: 'image-remote-linked', line: 7 })]);
    expect(found.diagnostics[0]!.message).toContain('127.0.0.1');
  });

  it('is reached through loadImages, next to local files, with failures counted as missing', async () => {
    const found = await loadImages([{ src: `${base}/badge.png`, line: 1 }, { src: `${base}/gone.png`, line: 2 }], join(cacheDir, 'talk.md'), { remote: { fetch: true, cacheDir } });
    expect(found.files.map((f) => f.src)).toEqual([`${base}/badge.png`]);
    expect(found.missing).toEqual([`${base}/gone.png`]);
    expect(found.unreachable).toEqual([`${base}/gone.png`]);
  });
});
