/**
 * The deck's own settings, read from `<script type="application/json" id="lectern-config">` that
 * render/ writes into every deck page. A page without it (or with broken JSON) still runs with
 * the defaults, so a hand-edited deck never shows a blank screen.
 */

/** What the runtime needs from #lectern-config. */
export interface DeckConfig {
  readonly width: number;
  readonly height: number;
  readonly slug: string;
  readonly title: string;
  /** Seconds of the talk, for reveal.js's pacing timer (with each slide's data-timing); none: no timer. */
  readonly totalTime?: number;
  /** The reading view relative to the page (`read/`), opened by the R key; none: no key. */
  readonly reading?: string;
  /** Set on pages that follow a live talk (render/document.ts FollowConfig). */
  readonly follow?: FollowSettings;
}

/** How the page follows a talk: `lectern present`'s relay, a multiplex relay (url, id). */
export interface FollowSettings {
  readonly lectern?: boolean;
  readonly multiplex?: { readonly url: string; readonly id: string };
}

const DEFAULTS: DeckConfig = { width: 1280, height: 720, slug: '', title: '' };

/** Parse #lectern-config from the document, falling back to the defaults field by field. */
export function readDeckConfig(doc: Document): DeckConfig {
  const text = doc.getElementById('lectern-config')?.textContent ?? '';
  let raw: unknown = {};
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch (err) {
    console.error('lectern: #lectern-config is not valid JSON; using defaults', err);
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    width: positiveNumber(record['width'], DEFAULTS.width),
    height: positiveNumber(record['height'], DEFAULTS.height),
    slug: typeof record['slug'] === 'string' ? record['slug'] : DEFAULTS.slug,
    title: typeof record['title'] === 'string' ? record['title'] : DEFAULTS.title,
    ...(typeof record['totalTime'] === 'number' && record['totalTime'] > 0 ? { totalTime: Math.round(record['totalTime']) } : {}),
    // Only a path inside the deck's folder: the page never sends the speaker elsewhere.
    ...(typeof record['reading'] === 'string' && /^[\w-]+\/$/.test(record['reading']) ? { reading: record['reading'] } : {}),
    ...followSettings(record['follow']),
  };
}

function followSettings(value: unknown): { follow?: FollowSettings } {
  if (typeof value !== 'object' || value === null) return {};
  const r = value as Record<string, unknown>;
  const m = r['multiplex'] as Record<string, unknown> | undefined;
  const multiplex = typeof m === 'object' && m !== null && typeof m['url'] === 'string' && typeof m['id'] === 'string' ? { url: m['url'], id: m['id'] } : undefined;
  const lectern = r['lectern'] === true;
  if (!lectern && multiplex === undefined) return {};
  return { follow: { ...(lectern ? { lectern } : {}), ...(multiplex === undefined ? {} : { multiplex }) } };
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
