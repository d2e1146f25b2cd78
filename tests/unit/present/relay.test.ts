/**
 * The relay of `lectern present` (src/present/relay.ts), without a socket: who may drive (the
 * speaker token, nothing else), what a page that (re)connects is told (the current state: the
 * replay that puts a reloaded page on the current slide), and what it passes on. Then the
 * WebSocket shell (src/present/server.ts) over a real socket: Host and Origin checks at the upgrade.
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRelay, parseMessage, talkState, type RelayMessage } from '../../../src/present/relay.js';
import { servePresent, upgradeAllowed, RELAY_PATH, type PresentServer } from '../../../src/present/server.js';

const TOKEN = 'speaker-secret-token';

/** A fake page: what it was sent, and a way to send. */
function page(relay: ReturnType<typeof createRelay>) {
  const inbox: RelayMessage[] = [];
  const connection = relay.connect((text) => inbox.push(JSON.parse(text) as RelayMessage));
  return {
    inbox,
    hello: (token?: string) => connection.receive(JSON.stringify({ type: 'hello', ...(token === undefined ? {} : { token }) })),
    move: (indexh: number, indexv = 0, indexf?: number) => connection.receive(JSON.stringify({ type: 'state', state: { indexh, indexv, ...(indexf === undefined ? {} : { indexf }) } })),
    close: () => connection.close(),
    last: () => inbox.at(-1),
  };
}

describe('relay: who drives', () => {
  it('lets the holder of the speaker token drive, and passes each move to every other page', () => {
    const relay = createRelay({ speakerToken: TOKEN });
    const speaker = page(relay);
    const a = page(relay);
    const b = page(relay);
    speaker.hello(TOKEN);
    a.hello();
    b.hello();
    expect(speaker.last()).toMatchObject({ type: 'welcome', speaker: true });
    expect(a.last()).toMatchObject({ type: 'welcome', speaker: false });
    speaker.move(2, 1, 0);
    for (const p of [a, b]) expect(p.last()).toMatchObject({ type: 'state', state: { indexh: 2, indexv: 1, indexf: 0 } });
    expect(speaker.inbox).toHaveLength(1); // Not echoed to the sender.
    expect(relay.state).toEqual({ indexh: 2, indexv: 1, indexf: 0 });
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'speaker-secret-tokem'],
    ['a prefix of the token', 'speaker'],
    ['the token and more', `${TOKEN}x`],
    ['an empty token', ''],
  ])('refuses a page with %s: it is told so and nothing moves', (_label, token) => {
    const relay = createRelay({ speakerToken: TOKEN });
    const speaker = page(relay);
    speaker.hello(TOKEN);
    speaker.move(1);
    const intruder = page(relay);
    const other = page(relay);
    intruder.hello(token);
    other.hello();
    const before = other.inbox.length;
    intruder.move(5);
    expect(intruder.last()).toMatchObject({ type: 'denied' });
    expect(relay.state).toEqual({ indexh: 1, indexv: 0 });
    expect(other.inbox).toHaveLength(before);
    expect(speaker.inbox).toHaveLength(1);
  });

  it('refuses a state before hello, and a second hello cannot upgrade a follower', () => {
    const relay = createRelay({ speakerToken: TOKEN });
    const p = page(relay);
    p.move(3);
    expect(p.last()).toMatchObject({ type: 'denied' });
    p.hello();
    p.hello(TOKEN);
    expect(p.inbox.filter((m) => m.type === 'welcome')).toHaveLength(1);
    p.move(3);
    expect(p.last()).toMatchObject({ type: 'denied' });
    expect(relay.state).toBeUndefined();
  });

  it('tells speakers (never followers) where the remote is', () => {
    const relay = createRelay({ speakerToken: TOKEN });
    relay.setSpeakerInfo({ remoteUrl: 'http://127.0.0.1:1/d/?remote=x', remoteQr: '<svg/>', audienceUrl: 'http://127.0.0.1:1/d/' });
    const speaker = page(relay);
    const follower = page(relay);
    speaker.hello(TOKEN);
    follower.hello('nope');
    expect(speaker.last()).toMatchObject({ type: 'welcome', speakerInfo: { remoteUrl: 'http://127.0.0.1:1/d/?remote=x' } });
    expect(follower.last()).not.toHaveProperty('speakerInfo');
    expect(JSON.stringify(follower.inbox)).not.toContain('remote=');
  });
});

describe('relay: state replay', () => {
  it('gives a page that connects mid-talk the current slide and fragment', () => {
    let now = 1000;
    const relay = createRelay({ speakerToken: TOKEN, now: () => now });
    const speaker = page(relay);
    speaker.hello(TOKEN);
    for (const h of [1, 2, 3]) speaker.move(h);
    speaker.move(3, 2, 1);
    now = 61_000;
    const late = page(relay);
    late.hello();
    expect(late.last()).toEqual({ type: 'welcome', speaker: false, state: { indexh: 3, indexv: 2, indexf: 1 }, elapsed: 60_000 });
  });

  it('replays after a drop: the page reconnects and is told the state it missed', () => {
    const relay = createRelay({ speakerToken: TOKEN });
    const speaker = page(relay);
    speaker.hello(TOKEN);
    const follower = page(relay);
    follower.hello();
    speaker.move(1);
    follower.close();
    speaker.move(2);
    speaker.move(3);
    expect(relay.size).toBe(1);
    const again = page(relay);
    again.hello();
    expect(again.last()).toMatchObject({ type: 'welcome', state: { indexh: 3, indexv: 0 } });
  });

  it('has no state before the first move, and drops a state equal to the current one', () => {
    const relay = createRelay({ speakerToken: TOKEN });
    const speaker = page(relay);
    const other = page(relay);
    speaker.hello(TOKEN);
    other.hello();
    expect(other.last()).toEqual({ type: 'welcome', speaker: false });
    speaker.move(1);
    speaker.move(1);
    expect(other.inbox.filter((m) => m.type === 'state')).toHaveLength(1);
  });

  it('passes a second driver’s move (the phone remote) to the first', () => {
    const relay = createRelay({ speakerToken: TOKEN });
    const laptop = page(relay);
    const phone = page(relay);
    laptop.hello(TOKEN);
    phone.hello(TOKEN);
    phone.move(4);
    expect(laptop.last()).toMatchObject({ type: 'state', state: { indexh: 4 } });
  });
});

describe('relay: messages', () => {
  it('reads only well-formed messages', () => {
    expect(parseMessage('not json')).toBeUndefined();
    expect(parseMessage('{"type":"state","state":{"indexh":"1","indexv":0}}')).toBeUndefined();
    expect(parseMessage('{"type":"state","state":{"indexh":1.5,"indexv":0}}')).toBeUndefined();
    expect(parseMessage(`{"type":"hello","token":"${'x'.repeat(5000)}"}`)).toBeUndefined();
    expect(parseMessage('{"type":"boom"}')).toBeUndefined();
    expect(parseMessage('{"type":"hello","token":7}')).toEqual({ type: 'hello' });
    // Only the fields of a talk's state are passed on (no previewIframe URL, no extra keys).
    expect(talkState({ indexh: 1, indexv: 0, indexf: -1, paused: false, overview: true, previewIframe: 'https://x', x: 1 })).toEqual({ indexh: 1, indexv: 0, indexf: -1, paused: false, overview: true });
  });
});

describe('present server: the upgrade', () => {
  it.each([
    [{ host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }, true],
    [{ host: '127.0.0.1:4000' }, true],
    [{ host: 'localhost:4000', origin: 'http://localhost:4000' }, true],
    [{ host: '127.0.0.1:4000', origin: 'http://evil.example' }, false],
    [{ host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4001' }, false],
    [{ host: '127.0.0.1:4000', origin: 'null' }, false],
    [{ host: 'evil.example:4000', origin: 'http://evil.example:4000' }, false],
  ])('headers %j → %s', (headers, allowed) => {
    expect(upgradeAllowed({ url: `/${RELAY_PATH}`, headers }, `/${RELAY_PATH}`, '127.0.0.1')).toBe(allowed);
  });

  it('serves the relay path only', () => {
    expect(upgradeAllowed({ url: '/other', headers: { host: '127.0.0.1:1' } }, `/${RELAY_PATH}`, '127.0.0.1')).toBe(false);
  });
});

describe('present server over a real socket', () => {
  let root: string;
  let server: PresentServer;
  let url: string;
  const relay = createRelay({ speakerToken: TOKEN });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-present-test-'));
    await mkdir(join(root, 'deck'));
    await writeFile(join(root, 'deck', 'index.html'), '<!doctype html><title>deck</title>');
    server = await servePresent({ root, base: '/', host: '127.0.0.1', port: 0, slug: 'deck', relay });
    url = `ws://127.0.0.1:${server.port}/${RELAY_PATH}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Open a socket, say hello, and collect what it is sent. */
  const open = (headers: Record<string, string> = {}, token?: string) =>
    new Promise<{ ws: WebSocket; inbox: RelayMessage[] }>((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const inbox: RelayMessage[] = [];
      ws.on('message', (data) => inbox.push(JSON.parse(String(data)) as RelayMessage));
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'hello', ...(token === undefined ? {} : { token }) }));
        resolve({ ws, inbox });
      });
      ws.on('error', reject);
    });

  it('relays a speaker’s move to a follower', async () => {
    const speaker = await open({}, TOKEN);
    const follower = await open();
    await expect.poll(() => follower.inbox.length).toBe(1);
    speaker.ws.send(JSON.stringify({ type: 'state', state: { indexh: 2, indexv: 0 } }));
    await expect.poll(() => follower.inbox.at(-1)).toMatchObject({ type: 'state', state: { indexh: 2 } });
    speaker.ws.close();
    follower.ws.close();
  });

  it('refuses an upgrade from a page of another site', async () => {
    await expect(open({ origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('serves the deck, redirects / to it, and answers plain HTTP on the relay path with 426', async () => {
    const http = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${http}/deck/`)).status).toBe(200);
    const root = await fetch(`${http}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/deck/');
    expect((await fetch(`${http}/${RELAY_PATH}`)).status).toBe(426);
  });
});
