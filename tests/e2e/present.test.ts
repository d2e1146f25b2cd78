/**
 * `lectern present decks/eventlet.md` end to end, in real headless Chromium (one browser, pages in
 * turn): a speaker page and two audience pages; the speaker moves five slides and a fragment and
 * both audiences follow (polled, with a generous limit — no assertion on time); a page without the
 * token cannot drive (its own moves stay its own, and the relay refuses a state it sends); the phone
 * remote drives; after the relay drops every connection the pages reconnect and follow again; an
 * audience page reloaded mid-talk lands on the current slide. Lectern's decks have no fragments of
 * their own, so the test marks the same block of one slide a fragment in every page (as an
 * author's `class="fragment"` would).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BrowserSession } from '../../src/browser/index.js';
import { serveStatic, type StaticServer } from '../../src/browser/static-server.js';
import { buildSite } from '../../src/commands/build.js';
import { startPresent, type Presentation } from '../../src/commands/present.js';
import { resolveConfig } from '../../src/config.js';
import { watchPage, type PageLog } from './helpers/browser.js';
import { LECTERN_BIN, REPO_ROOT, SEED_ARTICLE } from './helpers/paths.js';

const CHROMIUM = '/usr/bin/chromium';
/** How long a page may take to follow: generous for a shared 2-core machine; never asserted as a speed. */
const FOLLOW = { timeout: 15_000, interval: 50 };
/** The slide (in reveal.js order) one of whose blocks becomes a fragment. */
const FRAGMENT_SLIDE = 2;

interface Indices {
  h: number;
  v: number;
  f: number | undefined;
}

describe.skipIf(!existsSync(CHROMIUM) || !existsSync(SEED_ARTICLE))('lectern present (needs Chromium and decks/eventlet.md)', () => {
  let talk: Presentation;
  let session: BrowserSession;
  const releases: (() => void)[] = [];
  const logs: PageLog[] = [];
  let speaker: Page;
  let audience: Page[];

  /** A page that stays open until afterAll (withPage closes it when its callback returns). */
  const openPage = (): Promise<Page> =>
    new Promise<Page>((resolveOpen, reject) => {
      session
        .withPage((p) => new Promise<void>((release) => {
          releases.push(release);
          resolveOpen(p);
        }))
        .catch(reject);
    });

  const load = async (page: Page, url: string): Promise<void> => {
    await page.bringToFront();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset['lecternReady'] === 'true' && window.lecternFollow?.connected === true, { timeout: 20_000, polling: 100 });
  };
  const indices = (page: Page): Promise<Indices> =>
    page.evaluate(() => {
      const i = window.Reveal.getIndices();
      return { h: i.h, v: i.v ?? 0, f: i.f ?? undefined };
    });
  const markFragment = (page: Page): Promise<void> =>
    page.evaluate((n) => {
      const slide = window.Reveal.getSlides()[n];
      const block = slide?.querySelector('.lectern-body > :last-child') ?? slide?.lastElementChild;
      block?.classList.add('fragment');
      window.Reveal.sync();
    }, FRAGMENT_SLIDE);
  /** Every audience page shows what the speaker shows. */
  const expectFollowed = async (pages: readonly Page[] = audience): Promise<Indices> => {
    const want = await indices(speaker);
    for (const page of pages) await expect.poll(() => indices(page), FOLLOW).toEqual(want);
    return want;
  };

  beforeAll(async () => {
    talk = await startPresent({ input: SEED_ARTICLE, config: resolveConfig({}), port: 0 });
    // Several pages at once, most of them behind another tab: none may be put to sleep.
    session = new BrowserSession({ browser: CHROMIUM, args: ['--no-sandbox', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'] });
    speaker = await openPage();
    audience = [await openPage(), await openPage()];
    for (const page of [speaker, ...audience]) {
      logs.push(await watchPage(page));

      await page.setViewport({ width: 1280, height: 720 });
    }
    await load(speaker, talk.speakerUrl);
    for (const page of audience) await load(page, talk.audienceUrl);
    for (const page of [speaker, ...audience]) await markFragment(page);
  });

  afterAll(async () => {
    for (const release of releases) release();
    await session?.close();
    await talk?.close();
  });

  it('gives the speaker page the right to drive, and takes the token out of its address bar', async () => {
    expect(await speaker.evaluate(() => window.lecternFollow)).toMatchObject({ role: 'speaker', speaker: true, connected: true });
    expect(speaker.url()).not.toContain(talk.token);
    for (const page of audience) expect(await page.evaluate(() => window.lecternFollow)).toMatchObject({ role: 'audience', speaker: false });
  });

  it('both audiences follow the speaker through five slides and a fragment', async () => {
    const seen: Indices[] = [];
    // Five slides and, on the way, the fragment: six steps of `next` (Space).
    for (let step = 0; step < 6; step++) {
      await speaker.keyboard.press('Space');
      seen.push(await expectFollowed());
    }
    expect(seen.some((s) => s.f === 0)).toBe(true); // The fragment was one of the steps…
    const slides = new Set(seen.map((s) => `${s.h}/${s.v}`));
    expect(slides.size).toBe(5); // …and five slides the others.
    expect(talk.state()).toMatchObject({ indexh: seen.at(-1)?.h, indexv: seen.at(-1)?.v });
    // And back one step: following works backwards too.
    await speaker.keyboard.press('ArrowLeft');
    await expectFollowed();
  });

  it('a page without the token cannot drive', async () => {
    const before = await indices(speaker);
    const state = talk.state();
    // An audience page moves on its own screen only.
    await audience[0]!.keyboard.press('Space');
    await expect.poll(() => indices(audience[0]!), FOLLOW).not.toEqual(before);
    // A page with a wrong token is an audience page.
    const intruder = await openPage();
    await load(intruder, talk.speakerUrl.replace(talk.token, 'not-the-token'));
    expect(await intruder.evaluate(() => window.lecternFollow?.speaker)).toBe(false);
    await intruder.keyboard.press('Space');
    await intruder.keyboard.press('Space');
    // A state sent straight to the relay without the token is refused, and passed on to nobody.
    const answer = await intruder.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(new URL('../lectern-relay', location.href).href.replace(/^http/, 'ws'));
          ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', token: 'guess' }));
          ws.onmessage = (e) => {
            const m = JSON.parse(String(e.data)) as { type: string };
            if (m.type === 'welcome') ws.send(JSON.stringify({ type: 'state', state: { indexh: 0, indexv: 0 } }));
            else resolve(m.type);
          };
        }),
    );
    expect(answer).toBe('denied');
    expect(talk.state()).toEqual(state);
    expect(await indices(speaker)).toEqual(before);
    expect(await indices(audience[1]!)).toEqual(before);
    // The next move of the speaker brings the wandering page back.
    await speaker.keyboard.press('Space');
    const after = await expectFollowed([...audience, intruder]);
    expect(after).not.toEqual(before);
  });

  it('the phone remote shows titles and notes and drives the talk', async () => {
    const remote = await openPage();
    await remote.setViewport({ width: 390, height: 844 });
    await load(remote, talk.remoteUrl);
    expect(remote.url()).not.toContain(talk.token);
    expect(await remote.evaluate(() => window.lecternFollow)).toMatchObject({ role: 'remote', speaker: true });
    // It opened on the current slide, and says which one.
    await expect.poll(() => indices(remote), FOLLOW).toEqual(await indices(speaker));
    const text = (selector: string): Promise<string> => remote.$eval(selector, (el) => el.textContent ?? '');
    const title = await speaker.evaluate(() => window.Reveal.getCurrentSlide()?.querySelector('.lectern-title')?.textContent?.trim() ?? '');
    expect(await text('.lectern-remote-current')).toBe(title);
    await remote.click('.lectern-remote-prev');
    await expect.poll(() => indices(speaker), FOLLOW).toEqual(await indices(remote));
    await expectFollowed();
    await remote.click('.lectern-remote-next');
    await expect.poll(() => indices(speaker), FOLLOW).toEqual(await indices(remote));
    await expectFollowed();
    const notes = await speaker.evaluate(() => window.Reveal.getCurrentSlide()?.querySelector('aside.notes')?.textContent?.trim().slice(0, 40) ?? '');
    expect(notes).not.toBe('');
    await expect.poll(() => text('.lectern-remote-notes'), FOLLOW).toContain(notes);
    expect(await indices(remote)).toEqual(await indices(speaker)); // The remote stayed where it sent the talk.
    expect(await text('.lectern-remote-upcoming')).not.toBe('');
  });

  it('pages reconnect after the relay drops them, and follow again', async () => {
    const counts = await Promise.all([speaker, ...audience].map((p) => p.evaluate(() => window.lecternFollow?.connections ?? 0)));
    talk.dropConnections();
    for (const [i, page] of [speaker, ...audience].entries()) {
      await expect.poll(() => page.evaluate(() => window.lecternFollow?.connected === true && window.lecternFollow.connections), FOLLOW).toBe(counts[i]! + 1);
    }
    await speaker.keyboard.press('Space');
    await expectFollowed();
  });

  it('an audience page reloaded mid-talk lands on the current slide', async () => {
    const now = await indices(speaker);
    expect(now.h + now.v).toBeGreaterThan(0);
    // Without the slide in its address: the relay's state, not the URL hash, puts it there.
    await load(audience[1]!, talk.audienceUrl);
    await expect.poll(async () => ({ ...(await indices(audience[1]!)), f: undefined }), FOLLOW).toEqual({ ...now, f: undefined });
    await audience[0]!.reload({ waitUntil: 'load' });
    await audience[0]!.waitForFunction(() => window.lecternFollow?.connected === true, { timeout: 20_000, polling: 100 });
    await expect.poll(async () => ({ ...(await indices(audience[0]!)), f: undefined }), FOLLOW).toEqual({ ...now, f: undefined });
  });

  it('made no request to another host and threw no error', () => {
    for (const log of logs) {
      expect(log.external).toEqual([]);
      expect(log.pageErrors).toEqual([]);
    }
  });
});

/**
 * The `multiplex` option against a stand-in for reveal.js's multiplex server (a socket.io 4 relay
 * that broadcasts `multiplex-statechanged` events whose secret hashes to their id, as
 * reveal-multiplex does), spoken over Engine.IO's WebSocket transport on 127.0.0.1: the speaker
 * page of `lectern present` posts its moves there, and an audience page of the *built* site — a
 * static copy with no Lectern server behind it — follows. The built page holds no secret; the
 * hosted deck opened with `?secret=` drives too.
 */
describe.skipIf(!existsSync(CHROMIUM) || !existsSync(SEED_ARTICLE))('lectern present with a multiplex relay (needs Chromium)', () => {
  const SECRET = 'a-speakers-secret';
  const ID = createHash('sha256').update(SECRET).digest('hex');
  let relay: WebSocketServer;
  let relayUrl: string;
  const received: string[] = [];
  let talk: Presentation;
  let site: string;
  let hosted: StaticServer;
  let session: BrowserSession;
  const releases: (() => void)[] = [];

  const openPage = (): Promise<Page> =>
    new Promise<Page>((resolveOpen, reject) => {
      session.withPage((p) => new Promise<void>((release) => {
        releases.push(release);
        resolveOpen(p);
      })).catch(reject);
    });
  const load = async (page: Page, url: string, connected: string): Promise<void> => {
    await page.bringToFront();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(connected, { timeout: 20_000, polling: 100 });
  };
  const where = (page: Page): Promise<string> => page.evaluate(() => `${window.Reveal.getIndices().h}/${window.Reveal.getIndices().v ?? 0}`);

  beforeAll(async () => {
    relay = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/socket.io/' });
    await new Promise<void>((resolveListen) => relay.once('listening', () => resolveListen()));
    relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`;
    relay.on('connection', (ws) => {
      ws.send(`0${JSON.stringify({ sid: 'test', upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1e6 })}`);
      ws.on('message', (data) => {
        const text = String(data);
        received.push(text);
        if (text === '40') ws.send('40{"sid":"s"}');
        if (!text.startsWith('42')) return;
        const [name, message] = JSON.parse(text.slice(2)) as [string, { secret: string | null; socketId: string }];
        if (name !== 'multiplex-statechanged' || typeof message.secret !== 'string') return;
        if (createHash('sha256').update(message.secret).digest('hex') !== message.socketId) return;
        message.secret = null;
        for (const other of relay.clients) if (other !== ws) other.send(`42${JSON.stringify([message.socketId, message])}`);
      });
    });
    const config = resolveConfig({ multiplex: { url: relayUrl, id: ID, secret: SECRET } });
    talk = await startPresent({ input: SEED_ARTICLE, config, port: 0 });
    site = await mkdtemp(join(tmpdir(), 'lectern-multiplex-site-'));
    await buildSite({ inputs: [SEED_ARTICLE], config: resolveConfig({ outDir: site, multiplex: { url: relayUrl, id: ID } }) });
    hosted = await serveStatic(site);
    session = new BrowserSession({ browser: CHROMIUM, args: ['--no-sandbox', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'] });
  });

  afterAll(async () => {
    for (const release of releases) release();
    await session?.close();
    await talk?.close();
    await hosted?.close();
    relay?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('the built page names the relay and holds no secret', async () => {
    const html = await readFile(join(site, 'eventlet', 'index.html'), 'utf8');
    expect(html).toContain(ID);
    expect(html).not.toContain(SECRET);
    // A site without diagrams still carries the deck's own lazy chunks: the follow code and the
    // speaker view's notes (they were once counted as the diagram renderer's and left out).
    const assets = await readdir(join(site, 'assets'));
    expect(assets.some((f) => /^follow-.*\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^notes-.*\.js$/.test(f))).toBe(true);
    expect(assets.some((f) => /^diagrams-/.test(f))).toBe(false);
  });

  it('a hosted audience page follows the speaker of `lectern present` through the relay', async () => {
    const audience = await openPage();
    await load(audience, `${hosted.url}/eventlet/`, 'window.lecternFollow?.multiplex === true');
    const speaker = await openPage();
    await load(speaker, talk.speakerUrl, 'window.lecternFollow?.speaker === true && window.lecternFollow?.multiplex === true');
    for (let step = 0; step < 3; step++) {
      await speaker.keyboard.press('Space');
      const want = await where(speaker);
      await expect.poll(() => where(audience), FOLLOW).toBe(want);
    }
    expect(await where(audience)).not.toBe('0/0');
    // What the audience page sent the relay: the connect, no event (it cannot drive), no secret.
    expect(received.filter((m) => m.startsWith('42')).every((m) => m.includes('multiplex-statechanged'))).toBe(true);
  });

  it('the hosted deck opened with ?secret= drives the others', async () => {
    const follower = await openPage();
    await load(follower, `${hosted.url}/eventlet/`, 'window.lecternFollow?.multiplex === true');
    const driver = await openPage();
    await load(driver, `${hosted.url}/eventlet/?secret=${SECRET}`, 'window.lecternFollow?.multiplex === true');
    expect(driver.url()).not.toContain(SECRET);
    await driver.keyboard.press('Space');
    await driver.keyboard.press('Space');
    const want = await where(driver);
    await expect.poll(() => where(follower), FOLLOW).toBe(want);
  });
});

/**
 * The command as a user runs it: `lectern present decks/eventlet.md --port 0` prints the three
 * addresses and the QR code, serves the deck, and on Ctrl-C exits 130 leaving no temporary folder.
 */
describe('lectern present, the command', () => {
  it('prints its addresses, serves the deck, and cleans up on Ctrl-C', async () => {
    const before = new Set((await readdir(tmpdir())).filter((n) => n.startsWith('lectern-present-')));
    const child = spawn(process.execPath, [LECTERN_BIN, 'present', SEED_ARTICLE, '--port', '0'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    try {
      await expect.poll(() => stdout, { timeout: 60_000, interval: 100 }).toContain('Ctrl-C to stop');
      const url = (label: string): string => new RegExp(`${label}:\\s+(\\S+)`).exec(stdout)?.[1] ?? '';
      expect(url('speaker')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/eventlet\/\?speaker=[\w-]{20,}$/);
      expect(url('remote')).toMatch(/\?remote=[\w-]{20,}$/);
      expect(url('audience')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/eventlet\/$/);
      expect(stdout).toContain('▄'); // The QR code, drawn in the terminal.
      const page = await fetch(url('audience'));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('"follow":{"lectern":true}');
      expect(html).not.toMatch(/speaker=|remote=/); // The page never holds the token.
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      const after = (await readdir(tmpdir())).filter((n) => n.startsWith('lectern-present-') && !before.has(n));
      expect(after).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stderr).not.toMatch(/internal error/);
  });
});

/** `--host`: every interface, the site under a random key; without the key, nothing is served. */
describe('lectern present --host', () => {
  let talk: Presentation;
  beforeAll(async () => {
    talk = await startPresent({ input: SEED_ARTICLE, config: resolveConfig({}), host: '0.0.0.0', port: 0 });
  });
  afterAll(async () => {
    await talk?.close();
  });

  it('puts a random key in every URL and serves nothing without it', async () => {
    const audience = new URL(talk.audienceUrl);
    const [, key, slug] = audience.pathname.split('/');
    expect(key).toMatch(/^[\w-]{12}$/);
    expect(slug).toBe('eventlet');
    expect(talk.speakerUrl.startsWith(talk.audienceUrl)).toBe(true);
    expect(talk.remoteUrl.startsWith(talk.audienceUrl)).toBe(true);
    // Asked through the loopback address (the test runs on the same machine).
    const local = (path: string): string => `http://127.0.0.1:${audience.port}${path}`;
    expect((await fetch(local(`/${key}/eventlet/`))).status).toBe(200);
    expect((await fetch(local('/eventlet/'))).status).toBe(404);
    expect((await fetch(local('/'), { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(local(`/${key}/`), { redirect: 'manual' })).headers.get('location')).toBe(`/${key}/eventlet/`);
  });
});
