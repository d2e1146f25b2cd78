/**
 * Both servers against hostile requests (issue 11, findings 2 and 3): `lectern dev` over a decks
 * folder and `lectern preview` over a site built from it, each asked the same list — traversal in
 * every encoding, symbolic links out of the folder, dotfiles, files that are not decks, Vite's
 * query suffixes (`?raw`, `?url`, `?inline`, `?import`), `/@fs/`, `/@id/`, foreign Host headers
 * (DNS rebinding), methods other than GET — and every answer checked: its status, and that no
 * secret, article source, stack trace or file outside the folder is in its body. A few good
 * requests (the index, a deck, its image, a runtime file, a Range request) show the servers still
 * serve what they should. Requests are sent raw: fetch() would normalise `..` away.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../../src/commands/dev.js';
import { startPreview, type PreviewServer } from '../../src/commands/preview.js';
import { resolveConfig } from '../../src/config.js';
import { buildInto } from './helpers/site.js';
import { REPO_ROOT } from './helpers/paths.js';

/** Text that must never come back: what is outside the folder, hidden, or not a deck. */
const SECRETS = ['root:x:0:0', 'SECRET-OUTSIDE', 'TOKEN=DOTENV', 'GIT-CONFIG', 'FRONT-MATTER-ONLY', 'DRAFT-ONLY', 'SOURCES-ONLY', 'DATA-ONLY', '"name": "lectern"'];

/** A PNG of one pixel. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64');

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly location: string;
  readonly range: string;
  readonly body: string;
}

/** One request, sent as written. */
function send(base: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolveSend, reject) => {
    const req = request({ host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, setHost: options.headers?.['host'] === undefined }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolveSend({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          location: String(res.headers.location ?? ''),
          range: String(res.headers['content-range'] ?? ''),
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** [what, path, expected status from dev, from preview, request options] */
type Case = readonly [string, string, number, number, { method?: string; headers?: Record<string, string> }?];

describe('lectern dev and lectern preview against hostile requests', () => {
  let root: string;
  let decks: string;
  let dist: string;
  let dev: DevServer;
  let preview: PreviewServer;
  let image: string;
  let runtimeFile: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-hostile-'));
    decks = join(root, 'decks');
    dist = join(root, 'dist');
    await mkdir(join(decks, 'img'), { recursive: true });
    await mkdir(join(decks, '.git'));
    await writeFile(join(root, 'secret.txt'), 'SECRET-OUTSIDE');
    await writeFile(join(decks, '.env'), 'TOKEN=DOTENV');
    await writeFile(join(decks, '.git', 'config'), 'GIT-CONFIG');
    await writeFile(join(decks, '_draft.md'), '# Draft\n\nDRAFT-ONLY\n');
    await writeFile(join(decks, 'SOURCES.md'), '# Sources\n\nSOURCES-ONLY\n');
    await writeFile(join(decks, 'data.json'), '{"k": "DATA-ONLY"}\n');
    await writeFile(join(decks, 'img', 'chart.png'), PNG);
    await symlink('/etc', join(decks, 'etc-link'));
    await symlink(join(root, 'secret.txt'), join(decks, 'secret-link.png'));
    await writeFile(
      join(decks, 'talk.md'),
      '---\ntitle: Talk\nx_note: FRONT-MATTER-ONLY\n---\n\n# Talk\n\nA talk.\n\n## Pictures\n\n![chart](img/chart.png)\n\n![passwd](etc-link/passwd)\n\n![link](secret-link.png)\n\n![up](../secret.txt)\n',
    );
    await buildInto([decks], dist);
    image = (await readdir(join(dist, 'talk'))).find((f) => f.startsWith('chart-'))!;
    runtimeFile = (await readdir(join(dist, 'assets'))).find((f) => f.endsWith('.js'))!;
    await writeFile(join(dist, '.env'), 'TOKEN=DOTENV');
    await mkdir(join(dist, '.git'));
    await writeFile(join(dist, '.git', 'config'), 'GIT-CONFIG');
    await symlink('/etc', join(dist, 'etc-link'));
    await symlink(join(root, 'secret.txt'), join(dist, 'secret-link.txt'));
    await writeFile(join(dist, 'talk', 'clip.mp4'), Buffer.alloc(4096, 7));
    dev = await startDevServer({ inputs: [decks], config: resolveConfig({}), port: 0, cwd: root });
    preview = await startPreview({ outDir: dist, port: 0 });
  });

  afterAll(async () => {
    await dev?.close();
    await preview?.close();
    await rm(root, { recursive: true, force: true });
  });

  const fs = (path: string): string => `/@fs${path}`;
  const host = (name: string) => ({ headers: { host: name } });

  // prettier-ignore
  const cases = (): Case[] => [
    // Traversal, in every encoding.
    ['dot-dot', '/../../etc/passwd', 403, 403],
    ['dot-dot under a deck', '/talk/../../../secret.txt', 403, 403],
    ['dot-dot at the end', '/talk/..', 403, 403],
    ['encoded dots', '/%2e%2e/%2e%2e/etc/passwd', 403, 403],
    ['upper-case encoded dots', '/%2E%2E/%2E%2E/etc/passwd', 403, 403],
    ['encoded slash', '/..%2f..%2fetc%2fpasswd', 403, 403],
    ['upper-case encoded slash', '/..%2F..%2Fsecret.txt', 403, 403],
    ['all encoded', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 403, 403],
    ['encoded backslash', '/..%5c..%5cetc%5cpasswd', 403, 403],
    ['leading encoded backslash', '/%5c..%5c..%5csecret.txt', 403, 403],
    ['encoded dots under a deck', '/talk/%2e%2e/%2e%2e/secret.txt', 403, 403],
    ['encoded slash under a deck', '/talk/..%2f..%2f..%2fsecret.txt', 403, 403],
    ['encoded dots under assets', '/assets/..%2f..%2fpackage.json', 403, 403],
    ['double encoding', '/%252e%252e/%252e%252e/etc/passwd', 404, 404],
    ['overlong UTF-8 dots', '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', 403, 403],
    ['three-byte overlong dots', '/%e0%80%ae%e0%80%ae/etc/passwd', 403, 403],
    ['malformed escape', '/%E0%A4%A', 403, 403],
    ['NUL byte', '/talk/%00/index.html', 403, 403],
    ['NUL before an extension', '/talk%00.html', 403, 403],
    ['semicolon dots', '/..;/..;/etc/passwd', 404, 404],
    ['single dot', '/./talk/', 403, 403],
    ['encoded single dot', '/%2e/talk/', 403, 403],
    ['double slash to an absolute path', '//etc/passwd', 404, 404],
    ['encoded absolute path', '/%2fetc%2fpasswd', 404, 404],
    ['absolute path', '/etc/passwd', 404, 404],
    // Symbolic links out of the folder.
    ['a link to /etc', '/etc-link/passwd', 404, 404],
    ['a link to a file outside', '/secret-link.txt', 404, 404],
    ['an image that is a link outside', '/talk/secret-link.png', 404, 404],
    ['an image through a link to /etc', '/talk/passwd', 404, 404],
    // Dotfiles and Lectern's own files.
    ['.env', '/.env', 404, 404],
    ['.git/config', '/.git/config', 404, 404],
    ['encoded .env', '/%2eenv', 404, 404],
    ['.env under a deck', '/talk/.env', 404, 404],
    ['the manifest', '/.lectern-manifest.json', 404, 404],
    ['the runtime manifest', '/assets/lectern-runtime.json', 404, 404],
    // Files of the decks folder that are not decks.
    ['an article source', '/talk.md', 404, 404],
    ['a draft', '/_draft.md', 404, 404],
    ['SOURCES.md', '/SOURCES.md', 404, 404],
    ['a data file', '/data.json', 404, 404],
    ['the repository package.json', '/package.json', 404, 404],
    ['node_modules', '/node_modules/vite/package.json', 404, 404],
    // Vite's query suffixes and its own paths.
    ['?raw on an article', '/talk.md?raw', 404, 404],
    ['?import on an article', '/talk.md?import', 404, 404],
    ['?import on a data file', '/data.json?import', 404, 404],
    ['/@fs/ to /etc', fs('/etc/passwd'), 404, 404],
    ['/@fs/ through a link', `${fs('DECKS')}/etc-link/passwd`, 404, 404],
    ['/@fs/ through a link ?raw', `${fs('DECKS')}/etc-link/passwd?raw`, 404, 404],
    ['/@fs/ through a link ?url', `${fs('DECKS')}/etc-link/passwd?url`, 404, 404],
    ['/@fs/ article', `${fs('DECKS')}/talk.md`, 404, 404],
    ['/@fs/ article ?raw', `${fs('DECKS')}/talk.md?raw`, 404, 404],
    ['/@fs/ article ?url', `${fs('DECKS')}/talk.md?url`, 404, 404],
    ['/@fs/ article ?inline', `${fs('DECKS')}/talk.md?inline`, 404, 404],
    ['/@fs/ article ?import', `${fs('DECKS')}/talk.md?import`, 404, 404],
    ['/@fs/ draft ?raw', `${fs('DECKS')}/_draft.md?raw`, 404, 404],
    ['/@fs/ SOURCES.md', `${fs('DECKS')}/SOURCES.md`, 404, 404],
    ['/@fs/ data ?import', `${fs('DECKS')}/data.json?import`, 404, 404],
    ['/@fs/ .env', `${fs('DECKS')}/.env`, 404, 404],
    ['/@fs/ outside the folder', `${fs('ROOT')}/secret.txt?raw`, 404, 404],
    ['/@fs/ the repository', `${fs(REPO_ROOT)}/package.json`, 404, 404],
    ['/@id/ an article', `/@id${'DECKS'}/talk.md`, 404, 404],
    ['open-in-editor', '/__open-in-editor?file=/etc/passwd', 404, 404],
    // Host headers: DNS rebinding.
    ['a foreign Host', '/', 403, 403, host('evil.example')],
    ['a foreign Host with a port', '/talk/', 403, 403, host('evil.example:80')],
    ['a rebinding-service name', '/', 403, 403, host('127.0.0.1.nip.io')],
    ['localhost as a subdomain', '/', 403, 403, host('localhost.evil.example')],
    ['an address that is not loopback', '/', 403, 403, host('10.0.0.1')],
    ['an empty Host', '/', 403, 403, host('')],
    ['localhost', '/', 200, 200, host('localhost')],
    ['a .localhost name', '/', 200, 200, host('talks.localhost:8080')],
    ['another loopback address', '/', 200, 200, host('127.0.0.2')],
    ['IPv6 loopback', '/', 200, 200, host('[::1]:4173')],
    // Methods.
    ['POST', '/', 405, 405, { method: 'POST' }],
    ['PUT', '/talk/index.html', 405, 405, { method: 'PUT' }],
    ['DELETE', '/talk/index.html', 405, 405, { method: 'DELETE' }],
    // What is served.
    ['the index', '/', 200, 200],
    ['a deck', '/talk/', 200, 200],
    ['a deck without its slash', '/talk', 301, 301],
    ['its image', '/talk/IMAGE', 200, 200],
    ['its image with ?raw (the image, nothing else)', '/talk/IMAGE?raw', 200, 200],
    ['a runtime file', '/assets/RUNTIME', 200, 200],
  ];

  const expand = (path: string): string =>
    path.replace('DECKS', decks).replace('ROOT', root).replace('IMAGE', image).replace('RUNTIME', runtimeFile);

  it('has at least 60 hostile requests', () => {
    expect(cases().filter(([, , dev]) => dev >= 400).length).toBeGreaterThanOrEqual(60);
  });

  for (const server of ['dev', 'preview'] as const) {
    it(`${server}: answers each request as expected, and never with a secret`, async () => {
      const base = server === 'dev' ? dev.url : preview.url;
      const wrong: string[] = [];
      for (const [what, path, devStatus, previewStatus, options] of cases()) {
        const expected = server === 'dev' ? devStatus : previewStatus;
        const answer = await send(base, expand(path), options);
        const leaked = SECRETS.filter((s) => answer.body.includes(s));
        if (answer.status !== expected || leaked.length > 0 || /^\s+at\s/m.test(answer.body)) {
          wrong.push(`${what} (${expand(path)}): ${answer.status}, expected ${expected}${leaked.length > 0 ? `, leaked ${leaked.join(', ')}` : ''}`);
        }
        if (answer.status === 200 && path.includes('IMAGE')) expect(answer.type).toBe('image/png');
      }
      expect(wrong).toEqual([]);
    });
  }

  it('preview answers a Range request with 206 and the range', async () => {
    const answer = await send(preview.url, '/talk/clip.mp4', { headers: { range: 'bytes=0-99' } });
    expect(answer).toMatchObject({ status: 206, range: 'bytes 0-99/4096' });
    expect(answer.body.length).toBe(100);
  });

  it('the deck shows the alt text of the images that lead outside, and links none of them', async () => {
    const answer = await send(dev.url, '/talk/');
    expect(answer.body).toMatch(/<img src="chart-[0-9a-f]{8}\.png"/);
    expect(answer.body).not.toMatch(/src="[^"]*(passwd|secret)/);
    for (const alt of ['passwd', 'link', 'up']) expect(answer.body).toContain(alt);
  });
});
