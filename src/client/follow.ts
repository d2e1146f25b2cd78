/**
 * Following a live talk: loaded (a separate chunk) only by deck pages whose #lectern-config has
 * `follow` — those `lectern present` serves, and decks built with a `multiplex` relay — so an
 * ordinary deck never downloads it. The page's role comes from its URL:
 *
 * - `?speaker=<token>`: drives. Every move (slide, fragment, overview, pause) goes to the relay;
 *   moves of another driver (the phone remote) are applied. `Q` shows the remote's QR code and the
 *   audience URL over the slide; reveal.js's speaker view (`S`) shows them under its notes.
 * - `?remote=<token>`: the phone remote — the deck small at the top, big previous/next buttons,
 *   the current and next slide titles, a timer, the notes. It drives like the speaker page.
 * - anything else: the audience. Follows the speaker; a page that (re)connects — after a reload,
 *   a dropped network — jumps to the current slide and fragment (the relay replays its state).
 *
 * The token is taken out of the address bar at once (kept in sessionStorage for reloads), so a
 * projected URL does not show it. With a multiplex relay: `?secret=` (or the secret `lectern
 * present` hands its speaker page) drives through it; every other page follows it.
 */
import type { RevealApi } from 'reveal.js';
import type { FollowSettings } from './config.js';
import { connectMultiplex, type MultiplexLink, type MultiplexState } from './multiplex.js';


type Role = 'speaker' | 'remote' | 'audience';

/** A state the relay carries (relay.ts TalkState). */
interface TalkState {
  indexh: number;
  indexv: number;
  indexf?: number;
  paused?: boolean;
  overview?: boolean;
}

interface SpeakerInfo {
  readonly remoteUrl: string;
  readonly remoteQr: string;
  readonly audienceUrl: string;
  readonly multiplex?: { readonly url: string; readonly id: string; readonly secret: string };
}

type RelayMessage =
  | { type: 'welcome'; speaker: boolean; state?: TalkState; elapsed?: number; speakerInfo?: SpeakerInfo }
  | { type: 'state'; state: TalkState; elapsed: number }
  | { type: 'denied'; reason: string };

declare global {
  interface Window {
    /** The follow link's status, for tests and the curious: role, connected, may drive. */
    lecternFollow?: { role: Role; connected: boolean; speaker: boolean; connections: number; multiplex?: boolean };
  }
}

const STORAGE = 'lectern-present-token';

/** What the page is (from its URL), with the token it holds; done before reveal.js starts. */
export interface Prepared {
  readonly role: Role;
  readonly token?: string;
  readonly secret?: string;
  /** reveal.js options for this role. */
  readonly reveal: Record<string, unknown>;
}

/** Read the role, hide the token from the address bar, and build the remote's page around the deck. */
export function prepare(root: HTMLElement): Prepared {
  const url = new URL(window.location.href);
  const params = url.searchParams;
  let role: Role = 'audience';
  let token: string | undefined;
  for (const r of ['speaker', 'remote'] as const) {
    const value = params.get(r);
    if (value !== null && value !== '') {
      role = r;
      token = value;
    }
  }
  const secret = params.get('secret') ?? undefined;
  const key = `${STORAGE}:${url.pathname}`;
  if (token !== undefined) {
    try {
      sessionStorage.setItem(key, JSON.stringify({ role, token }));
    } catch {
      // Storage refused (private mode): a reload then needs the full URL again.
    }
    params.delete('speaker');
    params.delete('remote');
  } else {
    try {
      const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { role?: Role; token?: string } | null;
      if (saved?.token !== undefined && (saved.role === 'speaker' || saved.role === 'remote')) {
        role = saved.role;
        token = saved.token;
      }
    } catch {
      // Nothing saved.
    }
  }
  if (secret !== undefined) params.delete('secret');
  if (token !== undefined || secret !== undefined) window.history.replaceState(window.history.state, '', url.href);
  if (role === 'remote') buildRemote(root);
  const reveal: Record<string, unknown> =
    // The remote's preview is small by design: never reveal.js's scroll view (a phone's width would
    // turn it on), whose scroll handler moves the deck after a step has been sent.
    role === 'remote' ? { embedded: true, controls: false, progress: false, slideNumber: false, hash: false, transition: 'none', touch: false, scrollActivationWidth: 0 } : {};
  return { role, ...(token === undefined ? {} : { token }), ...(secret === undefined ? {} : { secret }), reveal };
}

/** Connect the started deck to the relay(s). */
export function start(deck: RevealApi, settings: FollowSettings, prepared: Prepared): void {
  const status: NonNullable<Window['lecternFollow']> = { role: prepared.role, connected: false, speaker: false, connections: 0 };
  window.lecternFollow = status;
  const drives = (): boolean => status.speaker || prepared.secret !== undefined;
  let known: TalkState | undefined;
  let dirty = false;
  let applying = false;
  let multiplex: MultiplexLink | undefined;
  let relay: WebSocket | undefined;
  const timer = prepared.role === 'remote' ? remoteTimer() : undefined;

  const current = (): TalkState => normalize(deck.getState() as unknown as Record<string, unknown>) ?? { indexh: 0, indexv: 0 };
  const apply = (state: TalkState): void => {
    known = state;
    if (same(current(), state)) return;
    applying = true;
    try {
      deck.setState({ ...deck.getState(), ...state, indexf: state.indexf ?? -1 } as Parameters<RevealApi['setState']>[0]);
    } finally {
      applying = false;
    }
  };
  const report = (): void => {
    if (prepared.role === 'remote') showRemote(deck);
    if (applying || !drives()) return;
    const state = current();
    multiplex?.post(state as unknown as MultiplexState);
    if (relay === undefined) return;
    if (known !== undefined && same(known, state)) return;
    if (relay.readyState !== WebSocket.OPEN) {
      dirty = true;
      return;
    }
    known = state;
    relay.send(JSON.stringify({ type: 'state', state }));
  };
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewshown', 'overviewhidden', 'paused', 'resumed']) deck.on(event, report);

  const startMultiplex = (secret: string | undefined, url: string, id: string): void => {
    multiplex?.close();
    multiplex = connectMultiplex({
      url,
      id,
      ...(secret === undefined ? {} : { secret }),
      onState: (state) => {
        const s = normalize(state);
        if (s !== undefined && !drives()) apply(s);
      },
      onStatus: (connected) => {
        status.multiplex = connected;
        if (connected && secret !== undefined) multiplex?.post(current() as unknown as MultiplexState);
      },
    });
  };
  // A hosted deck with a multiplex relay and no Lectern server: follow it (or drive it with ?secret=).
  if (settings.multiplex !== undefined && settings.lectern !== true) startMultiplex(prepared.secret, settings.multiplex.url, settings.multiplex.id);

  if (settings.lectern === true) {
    let attempts = 0;
    const connect = (): void => {
      const ws = new WebSocket(relayUrl());
      relay = ws;
      ws.onopen = () => {
        attempts = 0;
        status.connected = true;
        status.connections++;
        setConnected(true);
        ws.send(JSON.stringify({ type: 'hello', ...(prepared.token === undefined ? {} : { token: prepared.token }) }));
      };
      ws.onmessage = (event: MessageEvent) => {
        let message: RelayMessage;
        try {
          message = JSON.parse(String(event.data)) as RelayMessage;
        } catch {
          return;
        }
        if (message.type === 'welcome') {
          status.speaker = message.speaker;
          if (message.speakerInfo !== undefined && prepared.role === 'speaker') {
            showSpeakerInfo(message.speakerInfo);
            const m = message.speakerInfo.multiplex;
            if (m !== undefined && multiplex === undefined) startMultiplex(m.secret, m.url, m.id);
          }
          if (message.elapsed !== undefined) timer?.sync(message.elapsed);
          if (message.speaker && (dirty || message.state === undefined)) {
            // Moved while the link was down (or first in): this driver's slide is the talk's.
            dirty = false;
            known = undefined;
            report();
          } else if (message.state !== undefined) {
            apply(message.state);
          }
        } else if (message.type === 'state') {
          timer?.sync(message.elapsed);
          apply(message.state);
        } else if (message.type === 'denied') {
          console.warn(`lectern: ${message.reason}`);
        }
      };
      ws.onclose = () => {
        if (relay !== ws) return;
        status.connected = false;
        setConnected(false);
        attempts++;
        // Back off a little, then keep trying: the talk goes on when the network comes back.
        setTimeout(connect, Math.min(5000, 250 * 2 ** Math.min(attempts, 5)));
      };
      ws.onerror = () => ws.close();
    };
    connect();
  }
  if (prepared.role === 'remote') wireRemote(deck);
  if (prepared.role === 'speaker') {
    deck.addKeyBinding({ keyCode: 81, key: 'Q', description: 'Show the phone remote’s QR code and the audience URL' }, () => {
      document.querySelector('.lectern-present-card')?.classList.toggle('lectern-present-card--open');
    });
  }
}

/** `<base>lectern-relay` from the deck page `<base><slug>/`, as ws: or wss:. */
function relayUrl(): string {
  const url = new URL('../lectern-relay', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

function normalize(value: Record<string, unknown> | undefined): TalkState | undefined {
  if (value === undefined) return undefined;
  const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (!int(value['indexh']) || !int(value['indexv'])) return undefined;
  return {
    indexh: value['indexh'],
    indexv: value['indexv'],
    ...(int(value['indexf']) ? { indexf: value['indexf'] } : {}),
    ...(value['paused'] === true ? { paused: true } : {}),
    ...(value['overview'] === true ? { overview: true } : {}),
  };
}

function same(a: TalkState, b: TalkState): boolean {
  const f = (s: TalkState): number => s.indexf ?? -1;
  return a.indexh === b.indexh && a.indexv === b.indexv && f(a) === f(b) && (a.paused ?? false) === (b.paused ?? false) && (a.overview ?? false) === (b.overview ?? false);
}

function setConnected(connected: boolean): void {
  document.documentElement.dataset['lecternFollow'] = connected ? 'connected' : 'reconnecting';
}

// ---------------------------------------------------------------------------------------------
// The speaker's QR card, on the slide (Q) and in reveal.js's speaker view.

function showSpeakerInfo(info: SpeakerInfo): void {
  addStyle();
  let card = document.querySelector<HTMLElement>('.lectern-present-card');
  if (card === null) {
    card = document.createElement('div');
    card.className = 'lectern-present-card';
    card.setAttribute('role', 'dialog');
    card.addEventListener('click', () => card?.classList.remove('lectern-present-card--open'));
    document.body.append(card);
  }
  card.replaceChildren(speakerBlock(document, info));
  // reveal.js opens its speaker view with window.open; the card is added to it once it is there.
  const open = window.open.bind(window);
  if ((window.open as { lectern?: boolean }).lectern === true) return;
  const patched = Object.assign(
    (...args: Parameters<typeof window.open>): Window | null => {
      const opened = open(...args);
      if (opened !== null && String(args[1] ?? '').includes('Notes')) addToSpeakerView(opened, info);
      return opened;
    },
    { lectern: true },
  );
  window.open = patched;
}

/** The QR code, the remote's and the audience's URLs, as DOM nodes of `doc`. */
function speakerBlock(doc: Document, info: SpeakerInfo): HTMLElement {
  const block = doc.createElement('div');
  block.className = 'lectern-present-info';
  const svg = new DOMParser().parseFromString(info.remoteQr, 'image/svg+xml').documentElement;
  const qr = doc.importNode(svg, true);
  const label = (text: string, href: string): HTMLElement => {
    const p = doc.createElement('p');
    p.append(doc.createTextNode(text));
    const a = doc.createElement('a');
    a.href = href;
    a.textContent = href;
    a.target = '_blank';
    a.rel = 'noopener';
    p.append(a);
    return p;
  };
  const box = doc.createElement('div');
  box.className = 'lectern-present-qr';
  box.append(qr);
  block.append(box, label('Phone remote (scan): ', info.remoteUrl), label('Audience: ', info.audienceUrl));
  return block;
}

function addToSpeakerView(view: Window, info: SpeakerInfo): void {
  let tries = 0;
  const place = (): void => {
    const controls = view.document?.getElementById('speaker-controls');
    if (controls === null || controls === undefined) {
      if (++tries < 50 && !view.closed) setTimeout(place, 200);
      return;
    }
    if (view.document.querySelector('.lectern-present-info') !== null) return;
    // Under the timer, above the notes (long notes would push it out of sight): a small QR code
    // beside the two URLs.
    const block = speakerBlock(view.document, info);
    block.style.cssText = 'display:grid;grid-template-columns:112px 1fr;gap:0 12px;align-items:center;padding:6px 16px 10px;font-size:12px;line-height:1.3;border-bottom:1px solid rgba(200,200,200,.5);word-break:break-all';
    const qr = block.querySelector<HTMLElement>('.lectern-present-qr');
    if (qr !== null) qr.style.cssText = 'width:112px;height:112px;grid-row:span 2';
    for (const svg of Array.from(block.querySelectorAll('svg'))) svg.setAttribute('style', 'width:100%;height:100%');
    for (const p of Array.from(block.querySelectorAll('p'))) p.style.margin = '0';
    const time = controls.querySelector('.speaker-controls-time');
    if (time !== null) time.after(block);
    else controls.prepend(block);
  };
  place();
}

// ---------------------------------------------------------------------------------------------
// The phone remote.

function buildRemote(root: HTMLElement): void {
  addStyle();
  document.documentElement.classList.add('lectern-remote');
  const ui = document.createElement('main');
  ui.className = 'lectern-remote-ui';
  ui.innerHTML = `
<div class="lectern-remote-preview"></div>
<div class="lectern-remote-bar"><span class="lectern-remote-time" title="Tap to restart">0:00</span><span class="lectern-remote-count"></span><span class="lectern-remote-status">connecting…</span></div>
<div class="lectern-remote-buttons"><button type="button" class="lectern-remote-prev" aria-label="Previous">‹ Prev</button><button type="button" class="lectern-remote-next" aria-label="Next">Next ›</button></div>
<p class="lectern-remote-label">Now</p><h1 class="lectern-remote-current"></h1>
<p class="lectern-remote-label">Next</p><h2 class="lectern-remote-upcoming"></h2>
<p class="lectern-remote-label">Notes</p><div class="lectern-remote-notes"></div>`;
  document.body.prepend(ui);
  ui.querySelector('.lectern-remote-preview')?.append(root);
}

function wireRemote(deck: RevealApi): void {
  document.querySelector('.lectern-remote-prev')?.addEventListener('click', () => deck.prev());
  document.querySelector('.lectern-remote-next')?.addEventListener('click', () => deck.next());
  const status = document.querySelector('.lectern-remote-status');
  new MutationObserver(() => {
    if (status !== null) status.textContent = document.documentElement.dataset['lecternFollow'] === 'connected' ? '● live' : 'reconnecting…';
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-lectern-follow'] });
  showRemote(deck);
}

/** The remote's text: the current and the next slide's titles and the current slide's notes. */
function showRemote(deck: RevealApi): void {
  const slide = deck.getCurrentSlide();
  // A slide's title; a statement or picture slide has none: its first words stand for it.
  const title = (s: Element | undefined | null): string => {
    const heading = s?.querySelector('.lectern-title, h1, h2, h3')?.textContent?.trim();
    if (heading) return heading;
    const clone = s?.cloneNode(true) as Element | undefined;
    clone?.querySelector('aside.notes')?.remove();
    const text = (clone?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  const slides = deck.getSlides();
  const index = slides.indexOf(slide);
  const fragmentsLeft = slide?.querySelectorAll('.fragment:not(.visible)').length ?? 0;
  const next = fragmentsLeft > 0 ? `${title(slide)} (${fragmentsLeft} more step${fragmentsLeft === 1 ? '' : 's'})` : title(slides[index + 1]) || (index + 1 < slides.length ? '(untitled)' : '— the end —');
  const set = (selector: string, text: string): void => {
    const el = document.querySelector(selector);
    if (el !== null) el.textContent = text;
  };
  set('.lectern-remote-current', title(slide));
  set('.lectern-remote-upcoming', next);
  set('.lectern-remote-count', `${index + 1} / ${slides.length}`);
  const notes = document.querySelector('.lectern-remote-notes');
  if (notes !== null) {
    const aside = slide?.querySelector('aside.notes');
    // The deck's own notes (rendered and sanitized at build time), copied as nodes.
    notes.replaceChildren(...(aside === null || aside === undefined ? [] : Array.from(aside.cloneNode(true).childNodes)));
  }
}

/** The remote's clock: time since the talk's first move (the relay's count), tap to restart it here. */
function remoteTimer(): { sync(elapsed: number): void } {
  let startedAt: number | undefined;
  const el = document.querySelector<HTMLElement>('.lectern-remote-time');
  el?.addEventListener('click', () => (startedAt = Date.now()));
  setInterval(() => {
    if (el === null || startedAt === undefined) return;
    const s = Math.max(0, Math.floor((Date.now() - startedAt) / 1000));
    el.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }, 1000);
  return {
    sync(elapsed) {
      if (startedAt === undefined) startedAt = Date.now() - elapsed;
    },
  };
}

let styled = false;
function addStyle(): void {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = `
.lectern-present-card{display:none;position:fixed;right:2vw;bottom:2vw;z-index:40;background:#fff;color:#111;padding:16px;border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.35);font:16px/1.4 system-ui,sans-serif;max-width:360px}
.lectern-present-card--open{display:block}
.lectern-present-info p{margin:.4em 0;word-break:break-all}
.lectern-present-info a{color:#0645ad}
.lectern-present-qr{width:220px;height:220px}
.lectern-present-qr svg{width:100%;height:100%}
html.lectern-remote,html.lectern-remote body{height:auto;overflow:auto;background:#111;color:#eee;font:18px/1.4 system-ui,sans-serif;margin:0}
.lectern-remote-ui{max-width:720px;margin:0 auto;padding:8px}
.lectern-remote-preview{position:relative;width:100%;aspect-ratio:16/9;background:#000}
.lectern-remote-preview .reveal{position:absolute;inset:0;width:100%;height:100%}
.lectern-remote-bar{display:flex;justify-content:space-between;gap:8px;padding:8px 0;font-variant-numeric:tabular-nums}
.lectern-remote-time{font-size:1.6em;font-weight:700;cursor:pointer}
.lectern-remote-buttons{display:grid;grid-template-columns:1fr 2fr;gap:8px}
.lectern-remote-buttons button{font:inherit;font-size:1.4em;padding:24px 0;border:0;border-radius:8px;background:#2d6cdf;color:#fff;touch-action:manipulation}
.lectern-remote-buttons .lectern-remote-prev{background:#444}
.lectern-remote-label{margin:12px 0 0;font-size:.7em;text-transform:uppercase;letter-spacing:.08em;color:#999}
.lectern-remote-current,.lectern-remote-upcoming{margin:0;font-size:1.2em}
.lectern-remote-upcoming{color:#bbb;font-weight:500}
.lectern-remote-notes{font-size:1em}
.lectern-remote-notes pre{white-space:pre-wrap}`;
  document.head.append(style);
}
