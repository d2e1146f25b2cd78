/**
 * The deck's multiplex client (src/client/multiplex.ts) against stand-ins for reveal-multiplex's
 * socket.io server, in Node (the `ws` client standing in for the browser's WebSocket): Engine.IO 4
 * (socket.io 3/4: the client connects the namespace, the server pings) and Engine.IO 3 (socket.io 2:
 * the server connects the namespace, the client pings). A driver's state reaches a follower; a state
 * without the right secret reaches nobody.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { connectMultiplex, engineUrl, type MultiplexLink, type MultiplexState } from '../../../src/client/multiplex.js';

const SECRET = 'secret';
const ID = createHash('sha256').update(SECRET).digest('hex');

/** A reveal-multiplex stand-in speaking Engine.IO `eio`. */
function relayServer(eio: 3 | 4): Promise<{ url: string; received: string[]; close: () => void }> {
  return new Promise((resolve) => {
    const received: string[] = [];
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/socket.io/' }, () =>
      resolve({ url: `http://127.0.0.1:${(wss.address() as AddressInfo).port}/`, received, close: () => wss.close() }),
    );
    wss.on('connection', (ws) => {
      ws.send(`0${JSON.stringify({ sid: 'x', upgrades: [], pingInterval: 200, pingTimeout: 1000 })}`);
      if (eio === 3) ws.send('40');
      ws.on('message', (data) => {
        const text = String(data);
        received.push(text);
        if (text === '40' && eio === 4) ws.send('40{"sid":"s"}');
        if (text === '2' && eio === 3) ws.send('3');
        if (!text.startsWith('42')) return;
        const [name, message] = JSON.parse(text.slice(2)) as [string, { secret: string | null; socketId: string }];
        if (name !== 'multiplex-statechanged' || typeof message.secret !== 'string') return;
        if (createHash('sha256').update(message.secret).digest('hex') !== message.socketId) return;
        message.secret = null;
        for (const other of wss.clients) if (other !== ws) other.send(`42${JSON.stringify([message.socketId, message])}`);
      });
    });
  });
}

describe('multiplex client', () => {
  const saved = (globalThis as { WebSocket?: unknown }).WebSocket;
  beforeAll(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  });
  afterAll(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = saved;
  });

  it('asks for Engine.IO 4 over a WebSocket at the relay’s socket.io path', () => {
    expect(engineUrl('https://relay.example.org/')).toBe('wss://relay.example.org/socket.io/?EIO=4&transport=websocket');
    expect(engineUrl('http://127.0.0.1:1948')).toBe('ws://127.0.0.1:1948/socket.io/?EIO=4&transport=websocket');
  });

  it.each([4, 3] as const)('Engine.IO %i: a driver’s states reach a follower; a wrong secret reaches nobody', async (eio) => {
    const relay = await relayServer(eio);
    const links: MultiplexLink[] = [];
    try {
      const seen: MultiplexState[] = [];
      const up = { follower: false, driver: false, intruder: false };
      links.push(connectMultiplex({ url: relay.url, id: ID, onState: (s) => seen.push(s), onStatus: (c) => (up.follower = c) }));
      const driver = connectMultiplex({ url: relay.url, id: ID, secret: SECRET, onStatus: (c) => (up.driver = c) });
      const intruder = connectMultiplex({ url: relay.url, id: ID, secret: 'guess', onStatus: (c) => (up.intruder = c) });
      links.push(driver, intruder);
      await expect.poll(() => up).toEqual({ follower: true, driver: true, intruder: true });
      intruder.post({ indexh: 9, indexv: 9 });
      driver.post({ indexh: 2, indexv: 1 });
      await expect.poll(() => seen.at(-1)).toEqual({ indexh: 2, indexv: 1 });
      expect(seen).toEqual([{ indexh: 2, indexv: 1 }]);
      if (eio === 3) await expect.poll(() => relay.received.includes('2'), { timeout: 5000 }).toBe(true); // The client pings.
      else expect(relay.received).toContain('40'); // The client connected the namespace.
    } finally {
      for (const link of links) link.close();
      relay.close();
    }
  });
});
