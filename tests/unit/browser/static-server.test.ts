import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeType, resolveInside, serveStatic, type StaticServer } from '../../../src/browser/static-server.js';

/** A raw GET: fetch() would normalise `..` segments away before they reach the server. */
function get(server: StaticServer, path: string): Promise<{ status: number; type: string; body: string; location?: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body,
          ...(res.headers.location === undefined ? {} : { location: res.headers.location }),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveStatic', () => {
  let base: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'lectern-static-'));
    root = join(base, 'site');
    await mkdir(join(root, 'deck'), { recursive: true });
    await writeFile(join(base, 'secret.txt'), 'TOP SECRET');
    await writeFile(join(root, 'deck', 'index.html'), '<!doctype html><title>deck</title>');
    await writeFile(join(root, 'app.js'), 'export {};');
    await writeFile(join(root, 'font.woff2'), 'w');
    await writeFile(join(root, 'a b.svg'), '<svg/>');
    await symlink(join(base, 'secret.txt'), join(root, 'link-out.txt'));
    server = await serveStatic(root);
  });

  afterAll(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves files with their MIME type, and a folder as its index.html', async () => {
    expect(await get(server, '/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get(server, '/font.woff2')).toMatchObject({ status: 200, type: 'font/woff2' });
    expect(await get(server, '/a%20b.svg')).toMatchObject({ status: 200, type: 'image/svg+xml' });
    expect(await get(server, '/deck/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>deck</title>' });
    expect(await get(server, '/deck/?print-pdf')).toMatchObject({ status: 200 });
  });

  it('redirects a folder without its slash, so relative URLs resolve inside it', async () => {
    expect(await get(server, '/deck?print-pdf')).toMatchObject({ status: 301, location: '/deck/?print-pdf' });
  });

  it('answers 404 for a missing file', async () => {
    expect((await get(server, '/img/missing.png')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/deck/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/deck/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/etc/passwd',
    '/deck/%00index.html',
    '/%E0%A4%A',
    '/link-out.txt',
  ])('never serves anything outside its root: %s', async (path) => {
    const response = await get(server, path);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('TOP SECRET');
    expect(response.body).not.toContain('root:');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/app.js', method: 'PUT' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});

describe('resolveInside', () => {
  it('keeps paths inside the root and rejects the rest', () => {
    expect(resolveInside('/srv/site', '/deck/index.html')).toBe('/srv/site/deck/index.html');
    expect(resolveInside('/srv/site', '/')).toBe('/srv/site');
    expect(resolveInside('/srv/site', '/./deck/./x.png?v=1#top')).toBe('/srv/site/deck/x.png');
    expect(resolveInside('/srv/site', '/../site-other/x')).toBeUndefined();
    expect(resolveInside('/srv/site', '/%2e%2e/x')).toBeUndefined();
    expect(resolveInside('/srv/site', '/a%5cb')).toBeUndefined();
  });
});

describe('mimeType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['deck.JS', 'text/javascript; charset=utf-8'],
    ['deck.css', 'text/css; charset=utf-8'],
    ['inter.woff2', 'font/woff2'],
    ['a.png', 'image/png'],
    ['a.svg', 'image/svg+xml'],
    ['a.jpg', 'image/jpeg'],
    ['slides.pdf', 'application/pdf'],
    ['m.json', 'application/json; charset=utf-8'],
    ['blob.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeType(file)).toBe(type);
  });
});
