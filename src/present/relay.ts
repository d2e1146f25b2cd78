/**
 * The relay of `lectern present`: one talk's state and the pages that follow it. Pure — it knows
 * connections only as a `send` function, so the WebSocket server (server.ts) is a thin shell and
 * the rules are tested without a socket:
 *
 * - a page says `hello`, with the speaker token if it has one; the answer (`welcome`) tells it
 *   whether it may drive and carries the current state, so a page that (re)connects mid-talk jumps
 *   to the current slide and fragment;
 * - only a connection that showed the speaker token may send `state`; the relay keeps the latest
 *   and passes it on to every other page; a follower that tries is told `denied` and nothing moves;
 * - a state equal to the current one is dropped, so pages that apply a state and report it back
 *   never echo forever.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** reveal.js's own state (Reveal.getState()), as far as a talk needs it. */
export interface TalkState {
  readonly indexh: number;
  readonly indexv: number;
  /** The fragment shown last on the slide; absent on a slide without fragments. */
  readonly indexf?: number;
  readonly paused?: boolean;
  readonly overview?: boolean;
}

/** Messages a page sends. */
export type ClientMessage =
  | { readonly type: 'hello'; readonly token?: string }
  | { readonly type: 'state'; readonly state: TalkState };

/** Messages the relay sends. */
export type RelayMessage =
  | {
      readonly type: 'welcome';
      /** Whether this connection holds the speaker token. */
      readonly speaker: boolean;
      /** The current state, when a speaker has moved at all. */
      readonly state?: TalkState;
      /** Milliseconds since the talk's first move (the remote's timer), when it has started. */
      readonly elapsed?: number;
      /** For speakers only: what the speaker view shows and where the multiplex relay is. */
      readonly speakerInfo?: SpeakerInfo;
    }
  | { readonly type: 'state'; readonly state: TalkState; readonly elapsed: number }
  | { readonly type: 'denied'; readonly reason: string };

/** What the relay tells a speaker page (never a follower): the phone remote and the audience URL. */
export interface SpeakerInfo {
  readonly remoteUrl: string;
  /** The remote URL's QR code as an SVG document. */
  readonly remoteQr: string;
  readonly audienceUrl: string;
  /** With the `multiplex` option: the speaker page also posts each state to this relay. */
  readonly multiplex?: { readonly url: string; readonly id: string; readonly secret: string };
}

/** One page connected to the relay. */
export interface RelayConnection {
  /** Handle one message from the page (its raw text). */
  receive(text: string): void;
  /** The page went away. */
  close(): void;
}

/** Options of createRelay. */
export interface RelayOptions {
  /** The secret that lets a page drive. */
  readonly speakerToken: string;
  /** Clock (tests pass their own). Default Date.now. */
  readonly now?: () => number;
}

/** A talk's relay. */
export interface Relay {
  /** A new page; `send` delivers a message to it (as text). */
  connect(send: (text: string) => void): RelayConnection;
  /** The latest state a speaker sent. */
  readonly state: TalkState | undefined;
  /** How many pages are connected. */
  readonly size: number;
  /** What speaker pages are told on `welcome` (known once the server listens). */
  setSpeakerInfo(info: SpeakerInfo): void;
}

/** Messages larger than this are not read (a state is under 100 bytes). */
export const MAX_MESSAGE_BYTES = 4096;

interface Client {
  readonly send: (text: string) => void;
  /** undefined until `hello`. */
  speaker: boolean | undefined;
}

/** A relay for one talk. */
export function createRelay(options: RelayOptions): Relay {
  const now = options.now ?? Date.now;
  const clients = new Set<Client>();
  let state: TalkState | undefined;
  let startedAt: number | undefined;
  let speakerInfo: SpeakerInfo | undefined;
  const post = (client: Client, message: RelayMessage): void => {
    try {
      client.send(JSON.stringify(message));
    } catch {
      // A page that went away mid-send: its close() comes next.
    }
  };
  return {
    get state() {
      return state;
    },
    get size() {
      return clients.size;
    },
    setSpeakerInfo(info) {
      speakerInfo = info;
    },
    connect(send) {
      const client: Client = { send, speaker: undefined };
      clients.add(client);
      return {
        receive(text) {
          const message = parseMessage(text);
          if (message === undefined) return;
          if (message.type === 'hello') {
            if (client.speaker !== undefined) return; // One hello per connection.
            client.speaker = tokenMatches(message.token, options.speakerToken);
            post(client, {
              type: 'welcome',
              speaker: client.speaker,
              ...(state === undefined ? {} : { state }),
              ...(startedAt === undefined ? {} : { elapsed: now() - startedAt }),
              ...(client.speaker && speakerInfo !== undefined ? { speakerInfo } : {}),
            });
            return;
          }
          if (client.speaker !== true) {
            post(client, { type: 'denied', reason: 'only the speaker (a page opened with the speaker token) can move the talk' });
            return;
          }
          if (state !== undefined && sameState(state, message.state)) return;
          state = message.state;
          startedAt ??= now();
          const elapsed = now() - startedAt;
          for (const other of clients) if (other !== client && other.speaker !== undefined) post(other, { type: 'state', state, elapsed });
        },
        close() {
          clients.delete(client);
        },
      };
    },
  };
}

/** A page's message, or undefined when it is not one (wrong shape, too big, not JSON). */
export function parseMessage(text: string): ClientMessage | undefined {
  if (text.length > MAX_MESSAGE_BYTES) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  if (record['type'] === 'hello') {
    const token = record['token'];
    return typeof token === 'string' ? { type: 'hello', token } : { type: 'hello' };
  }
  if (record['type'] === 'state') {
    const state = talkState(record['state']);
    return state === undefined ? undefined : { type: 'state', state };
  }
  return undefined;
}

/** reveal.js's state reduced to what the relay passes on, or undefined when it is not one. */
export function talkState(value: unknown): TalkState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const index = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < 100_000;
  if (!index(r['indexh']) || !index(r['indexv'])) return undefined;
  return {
    indexh: r['indexh'],
    indexv: r['indexv'],
    ...(index(r['indexf']) ? { indexf: r['indexf'] } : {}),
    ...(typeof r['paused'] === 'boolean' ? { paused: r['paused'] } : {}),
    ...(typeof r['overview'] === 'boolean' ? { overview: r['overview'] } : {}),
  };
}

function sameState(a: TalkState, b: TalkState): boolean {
  return a.indexh === b.indexh && a.indexv === b.indexv && a.indexf === b.indexf && (a.paused ?? false) === (b.paused ?? false) && (a.overview ?? false) === (b.overview ?? false);
}

/** Constant-time comparison (hashes of equal length), so the token cannot be guessed byte by byte. */
function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || given === '') return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
