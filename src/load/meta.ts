/**
 * Front matter → ArticleMeta: the few fields the stages read, normalised, whatever the dialect
 * (Jekyll, Hugo/Zola, MkDocs, the Go website's JSON header). Keys match case-insensitively.
 */
import type { ArticleMeta } from '../model.js';

/** Keys tried in order for the description (Hugo's `summary`, Jekyll's `excerpt`, Go's `Subtitle`). */
const DESCRIPTION_KEYS = ['description', 'excerpt', 'summary', 'subtitle'] as const;
/** Keys tried in order for the author (Zola and Hugo write `authors = [...]`). */
const AUTHOR_KEYS = ['author', 'authors'] as const;

/** Build ArticleMeta from parsed front matter; `raw` is kept as given (never modified). */
export function normalizeMeta(raw: Readonly<Record<string, unknown>>): ArticleMeta {
  const get = caseInsensitiveGetter(raw);
  const meta: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = { raw };
  const title = asText(get('title'));
  if (title !== undefined) meta.title = title;
  const description = firstDefined(DESCRIPTION_KEYS.map((k) => asText(get(k))));
  if (description !== undefined) meta.description = description;
  const author = firstDefined(AUTHOR_KEYS.map((k) => formatAuthor(get(k))));
  if (author !== undefined) meta.author = author;
  const date = normalizeDate(get('date'));
  if (date !== undefined) meta.date = date;
  const lang = asText(get('lang'));
  if (lang !== undefined) meta.lang = lang;
  const slug = asText(get('slug'));
  if (slug !== undefined) meta.slug = slug;
  const theme = asText(get('theme'));
  if (theme !== undefined) meta.theme = theme;
  return meta;
}

/** A lookup by lower-cased key; the first key as written wins when two differ only in case. */
function caseInsensitiveGetter(raw: Readonly<Record<string, unknown>>): (key: string) => unknown {
  const byLower = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw)) {
    const lower = key.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, value);
  }
  return (key) => byLower.get(key);
}

function firstDefined<T>(values: readonly (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

/** A non-empty trimmed string (numbers written bare, like `title: 2024`, count as text). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** `"Ann"`, `{ name: "Ann" }`, or a list of either → `"Ann, Bob"`. */
export function formatAuthor(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const names = value.map(formatAuthor).filter((n): n is string => n !== undefined);
    return names.length === 0 ? undefined : names.join(', ');
  }
  if (typeof value === 'object' && value !== null && 'name' in value) return asText(value.name);
  return asText(value);
}

/**
 * A front matter date as `YYYY-MM-DD`. Date objects (YAML/TOML timestamps) use their UTC parts so
 * the result never depends on the machine's time zone; strings keep the date they spell.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : utcDay(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // `2024-04-25`, `2024/04/25`, `2017-02-10 21:58:56 -0800`: the date as written, before any zone shift.
  const spelled = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (spelled) {
    const [, y, m, d] = spelled;
    return validDay(Number(y), Number(m), Number(d));
  }
  // `April 25, 2024`: read as UTC so the day does not move with the local zone.
  for (const candidate of [`${text} UTC`, text]) {
    const time = Date.parse(candidate);
    if (!Number.isNaN(time)) return utcDay(new Date(time));
  }
  return undefined;
}

function utcDay(date: Date): string {
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function validDay(year: number, month: number, day: number): string | undefined {
  const probe = new Date(Date.UTC(year, month - 1, day));
  const ok = probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return ok ? formatDay(year, month, day) : undefined;
}

function formatDay(year: number, month: number, day: number): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
