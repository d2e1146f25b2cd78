/**
 * The option names a config file and a front matter `lectern:` block may use, and what to say about
 * one that is not among them: a warning naming it and the nearest valid name (`maxPoint` →
 * `maxPoints`). Pure.
 */
import { DEFAULT_DECK_OPTIONS, type BrowserConfig, type PdfConfig, type UserConfig } from './config.js';

/** Every key of DeckOptions (what front matter may set under `lectern:`). */
export const DECK_OPTION_KEYS: readonly string[] = Object.keys(DEFAULT_DECK_OPTIONS);

/** Keys of UserConfig that are not deck options: they apply to a whole site. */
export const SITE_OPTION_KEYS = ['outDir', 'strict', 'base', 'siteUrl', 'overrides', 'pdf', 'browser'] as const satisfies readonly (keyof UserConfig)[];

const PDF_KEYS = ['paper', 'handoutLayout', 'steps'] as const satisfies readonly (keyof PdfConfig)[];
const BROWSER_KEYS = ['path', 'timeout'] as const satisfies readonly (keyof BrowserConfig)[];

/** The keys each nested object of a config may hold. */
const NESTED: Readonly<Record<string, readonly string[]>> = { pdf: PDF_KEYS, browser: BROWSER_KEYS, overrides: DECK_OPTION_KEYS };

/** A key no option has. */
export interface UnknownKey {
  /** As written, with its parent: `maxPoint`, `pdf.papr`. */
  readonly path: string;
  readonly key: string;
  /** The valid name it most likely means, when one is close. */
  readonly suggestion?: string;
}

/** The unknown keys of a config file's object, nested ones (`pdf`, `browser`, `overrides`) included. */
export function unknownConfigKeys(config: object): UnknownKey[] {
  const top = [...DECK_OPTION_KEYS, ...SITE_OPTION_KEYS];
  const found = unknownIn(config, top, '');
  for (const [parent, keys] of Object.entries(NESTED)) {
    const value = (config as Record<string, unknown>)[parent];
    if (isPlainObject(value)) found.push(...unknownIn(value, keys, `${parent}.`));
  }
  return found;
}

/** The unknown keys of a front matter `lectern:` block (deck options only). */
export function unknownDeckKeys(block: object): UnknownKey[] {
  return unknownIn(block, DECK_OPTION_KEYS, '');
}

/** `unknown option "maxPoint" (did you mean "maxPoints"?)` */
export function unknownKeyMessage(unknown: UnknownKey, where = 'option'): string {
  const mean = unknown.suggestion === undefined ? '' : ` (did you mean "${unknown.suggestion}"?)`;
  return `unknown ${where} "${unknown.path}"${mean}; it is ignored`;
}

function unknownIn(value: object, valid: readonly string[], prefix: string): UnknownKey[] {
  const out: UnknownKey[] = [];
  for (const key of Object.keys(value)) {
    if (valid.includes(key)) continue;
    const suggestion = nearestKey(key, valid);
    out.push({ path: `${prefix}${key}`, key, ...(suggestion === undefined ? {} : { suggestion: `${prefix}${suggestion}` }) });
  }
  return out;
}

/**
 * The candidate closest to `word` in edit distance (case-insensitive; a swap of two neighbours
 * counts as one edit), when it is close enough to be a slip: at most a third of the word's length.
 */
export function nearestKey(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/** The 1-based line of `text` (among `lines` lines from the top) where `key` is written as a key, if any. */
export function keyLine(text: string, key: string, lines = Infinity): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[\\s{,])["']?${escaped}["']?\\s*[:=]`);
  const all = text.split('\n');
  for (let i = 0; i < Math.min(all.length, lines); i++) if (pattern.test(all[i]!)) return i + 1;
  return undefined;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
