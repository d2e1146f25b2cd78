/**
 * reveal.js's multiplex protocol, spoken over a plain WebSocket: no socket.io client (about 50 kB
 * minified) in the deck. The relay (reveal-multiplex, a socket.io server) broadcasts each
 * `multiplex-statechanged` event whose secret hashes to its id (sha256) to every other socket, as
 * an event named after the id. Only what that needs of socket.io is here: Engine.IO's WebSocket
 * transport (the `0` open packet, `2`/`3` ping and pong), the default namespace's connect (`40`)
 * and event packets (`42[name, data]`). Engine.IO 4 (socket.io 3 and 4) is asked for; a socket.io 2
 * server (Engine.IO 3), which connects the namespace itself and expects the client to ping, is
 * recognised by that and served too. Reconnects after a drop, as socket.io's client would.
 */

/** A talk's state as reveal.js gives it (getState) and takes it (setState). */
export type MultiplexState = Record<string, unknown>;

/** Options of connectMultiplex. */
export interface MultiplexOptions {
  /** The relay's URL, http(s) or ws(s). */
  readonly url: string;
  readonly id: string;
  /** Present on the speaker's page only: it may post states. */
  readonly secret?: string;
  /** A state the speaker posted (followers). */
  readonly onState?: (state: MultiplexState) => void;
  readonly onStatus?: (connected: boolean) => void;
}

/** A connection to a multiplex relay. */
export interface MultiplexLink {
  /** Post a state (does nothing without the secret or while disconnected: the next post catches up). */
  post(state: MultiplexState): void;
  close(): void;
}

/** The Engine.IO WebSocket URL of a relay (`https://relay/` → `wss://relay/socket.io/?EIO=4&transport=websocket`). */
export function engineUrl(url: string): string {
  const u = new URL(url);
  u.protocol = u.protocol === 'https:' || u.protocol === 'wss:' ? 'wss:' : 'ws:';
  u.pathname = `${u.pathname.replace(/\/$/, '')}/socket.io/`;
  u.search = '?EIO=4&transport=websocket';
  u.hash = '';
  return u.href;
}

/** WebSocket.OPEN (a literal: the page's WebSocket class is not looked up again in a timer). */
const OPEN = 1;

/** Connect to the relay; keeps reconnecting until closed. */
export function connectMultiplex(options: MultiplexOptions): MultiplexLink {
  let socket: WebSocket | undefined;
  let connected = false;
  let closed = false;
  let attempts = 0;
  let pinger: ReturnType<typeof setInterval> | undefined;
  let pending: MultiplexState | undefined;

  const send = (packet: string): void => {
    if (socket?.readyState === OPEN) socket.send(packet);
  };
  const emit = (state: MultiplexState): void => {
    if (options.secret === undefined) return;
    send(`42${JSON.stringify(['multiplex-statechanged', { state, secret: options.secret, socketId: options.id }])}`);
  };
  const open = (): void => {
    if (closed) return;
    const ws = new WebSocket(engineUrl(options.url));
    socket = ws;
    let sentConnect = false;
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      const data = event.data;
      if (data.startsWith('0')) {
        // Engine.IO open. Socket.io 3+ waits for our namespace connect; socket.io 2 sends its own.
        let interval = 25_000;
        try {
          interval = Number((JSON.parse(data.slice(1)) as { pingInterval?: number }).pingInterval) || interval;
        } catch {
          // Keep the default.
        }
        setTimeout(() => {
          if (!closed && !connected && !sentConnect && ws.readyState === OPEN) {
            sentConnect = true;
            ws.send('40');
          }
        }, 250);
        clearInterval(pinger);
        pinger = setInterval(() => {
          if (eio3) send('2');
        }, interval);
        return;
      }
      if (data === '2') return send('3'); // Engine.IO 4: the server pings.
      if (data.startsWith('40')) {
        if (!sentConnect) eio3 = true; // Connected before we asked: socket.io 2, we ping.
        connected = true;
        attempts = 0;
        options.onStatus?.(true);
        if (pending !== undefined) emit(pending);
        return;
      }
      if (data.startsWith('42')) {
        let packet: unknown;
        try {
          packet = JSON.parse(data.slice(2));
        } catch {
          return;
        }
        if (!Array.isArray(packet) || packet[0] !== options.id) return;
        const message = packet[1] as { socketId?: unknown; state?: unknown } | undefined;
        if (message?.socketId !== options.id || typeof message.state !== 'object' || message.state === null) return;
        options.onState?.(message.state as MultiplexState);
      }
    };
    ws.onclose = () => {
      if (connected) options.onStatus?.(false);
      else if (attempts === 0) console.warn(`lectern: cannot reach the multiplex relay ${options.url} over a WebSocket; this page does not follow the talk (retrying)`);
      connected = false;
      clearInterval(pinger);
      if (closed) return;
      attempts++;
      setTimeout(open, Math.min(10_000, 500 * 2 ** Math.min(attempts, 5)));
    };
    ws.onerror = () => ws.close();
  };
  let eio3 = false;
  open();
  return {
    post(state) {
      pending = state;
      if (connected) emit(state);
    },
    close() {
      closed = true;
      clearInterval(pinger);
      socket?.close();
    },
  };
}
