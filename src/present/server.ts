/**
 * The server of `lectern present`: a built deck (a folder: the deck page and the runtime) served
 * read-only by the site servers' one policy (browser/static-server.ts `siteRequest`: Host names of
 * this machine or of `--host`, nothing outside the base path, no hidden file), and one WebSocket
 * endpoint, `<base>lectern-relay`, that carries the talk's events to the relay (relay.ts). An
 * upgrade is accepted only with an allowed Host and, from a browser, an Origin of this very server:
 * a page of another site cannot open the relay (cross-site WebSocket hijacking), even on 127.0.0.1.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { answer, siteRequest } from '../browser/static-server.js';
import { hostAllowed, hostName } from '../browser/request-guard.js';
import { MAX_MESSAGE_BYTES, type Relay } from './relay.js';

/** The path of the relay endpoint under the base path. */
export const RELAY_PATH = 'lectern-relay';

/** Options of servePresent. */
export interface PresentServerOptions {
  /** The built site: `<slug>/index.html` and `assets/`. */
  readonly root: string;
  /** The base path every URL starts with (`/`, or `/<audience key>/` with --host). */
  readonly base: string;
  /** Interface to listen on. */
  readonly host: string;
  /** Port (0: a free one). */
  readonly port: number;
  /** The deck's folder: `<base>` redirects there. */
  readonly slug: string;
  readonly relay: Relay;
  /** Milliseconds between pings that find dead connections (a phone that went to sleep). Default 15 s. */
  readonly pingMs?: number;
}

/** A running present server. */
export interface PresentServer {
  readonly port: number;
  /** Close every connection and stop listening. */
  close(): Promise<void>;
  /** Cut every WebSocket connection (tests: pages must reconnect and catch up). */
  dropConnections(): void;
}

/** Listen; rejects with the listen error (EADDRINUSE…) for the caller to explain. */
export async function servePresent(options: PresentServerOptions): Promise<PresentServer> {
  const { base, host, relay } = options;
  const deckPath = `${base}${encodeURIComponent(options.slug)}/`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    if (hostAllowed(req.headers.host, host) && (path === base || `${path}/` === base) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(302, { location: deckPath }).end();
      return;
    }
    if (path === `${base}${RELAY_PATH}` && hostAllowed(req.headers.host, host)) {
      res.writeHead(426, { 'content-type': 'text/plain; charset=utf-8' }).end('WebSocket only');
      return;
    }
    siteRequest(options.root, req, { base, host })
      .then((decision) => answer(req, res, decision))
      .catch(() => {
        if (res.headersSent) res.destroy();
        else res.writeHead(500).end('internal error');
      });
  });
  server.keepAliveTimeout = 1000;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakSet<WebSocket>();
  wss.on('connection', (socket: WebSocket) => {
    alive.add(socket);
    const connection = relay.connect((text) => socket.send(text));
    socket.on('pong', () => alive.add(socket));
    socket.on('message', (data, isBinary) => {
      if (!isBinary) connection.receive(data.toString());
    });
    socket.on('close', () => connection.close());
    socket.on('error', () => socket.terminate());
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!upgradeAllowed(req, `${base}${RELAY_PATH}`, host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const ping = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.pingMs ?? 15_000);
  ping.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    dropConnections() {
      for (const socket of wss.clients) socket.terminate();
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping);
        for (const socket of wss.clients) socket.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Whether an upgrade request may open the relay: the relay's path, a Host this server answers,
 * and an Origin (browsers always send one) naming that same host and port.
 */
export function upgradeAllowed(req: Pick<IncomingMessage, 'url' | 'headers'>, relayPath: string, listenHost: string): boolean {
  const path = (req.url ?? '').split(/[?#]/, 1)[0];
  if (path !== relayPath) return false;
  const hostHeader = req.headers.host;
  if (!hostAllowed(hostHeader, listenHost)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true; // Not a browser: no page can be behind it.
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.toLowerCase() === String(hostHeader).trim().toLowerCase() && hostName(url.host) !== undefined;
  } catch {
    return false;
  }
}
