/**
 * A Jekyll site's configuration and data, read as Jekyll reads them: `_config.yml` in YAML 1.1 (as
 * Ruby's Psych reads it: `yes` is true), `_data/` files (YAML, JSON, CSV and TSV with a header row)
 * nested by folder. Pure: text in, values
 * out; a file that does not parse is a diagnostic at its line, never the end of the build.
 * Loaded only when an article sits in a Jekyll site (jekyll-site.ts imports it on demand).
 */
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../model.js';
import { jsonErrorLine } from './json-positions.js';

/** What the Liquid of an article in a Jekyll site can read besides its own front matter. */
export interface JekyllSite {
  /** Absolute path of the folder holding `_config.yml`. */
  readonly root: string;
  /** `_config.yml` as written (`site.*`). */
  readonly config: Readonly<Record<string, unknown>>;
  /** `_data/` files by folder and name (`site.data.*`). */
  readonly data: Readonly<Record<string, unknown>>;
  /** `_includes/` files by their path inside it (`note.html`, `cards/item.html`). */
  readonly includes: Readonly<Record<string, string>>;
  /** Problems met while reading the site (a data file that does not parse, limits reached). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Names that must never become keys of the data tree (they would reach Object.prototype). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A parsed file, or the diagnostic that says why it could not be read. */
export type Parsed = { readonly value: unknown } | { readonly diagnostic: Diagnostic };

/** YAML as Jekyll reads it; aliases are capped so a small file cannot expand into gigabytes. */
export function parseSiteYaml(text: string, file: string): Parsed {
  try {
    return { value: parseYaml(text, { version: '1.1', merge: true, uniqueKeys: false, maxAliasCount: 100 }) ?? {} };
  } catch (err) {
    const pos = (err as { linePos?: readonly { line: number }[] }).linePos?.[0]?.line;
    return { diagnostic: invalid(file, reasonOf(err), pos) };
  }
}

/** One `_data/` file by its extension (`.yml`, `.yaml`, `.json`, `.csv`, `.tsv`). */
export function parseDataFile(text: string, file: string): Parsed {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text;
  switch (ext) {
    case 'yml':
    case 'yaml':
      return parseSiteYaml(clean, file);
    case 'json':
      try {
        return { value: JSON.parse(clean) as unknown };
      } catch (err) {
        return { diagnostic: invalid(file, reasonOf(err), jsonErrorLine(err, clean)) };
      }
    case 'csv':
      return { value: rowsToRecords(parseDelimited(clean, ',')) };
    case 'tsv':
      return { value: rowsToRecords(parseDelimited(clean, '\t')) };
    default:
      return { diagnostic: invalid(file, 'not a data file Jekyll reads (.yml, .yaml, .json, .csv, .tsv)', undefined) };
  }
}

/**
 * Rows of a CSV (RFC 4180: quoted fields may hold separators, newlines and doubled quotes) or TSV
 * text. A final empty line is not a row.
 */
export function parseDelimited(text: string, separator: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (quoted) {
      if (c !== '"') field += c;
      else if (text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"' && field === '' && separator === ',') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i += 1;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Jekyll reads CSV with a header row: each later row becomes a table keyed by the headers. */
function rowsToRecords(rows: readonly string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return body.map((cells) => {
    const record: Record<string, string> = {};
    header.forEach((key, i) => {
      if (!UNSAFE_KEYS.has(key)) record[key] = cells[i] ?? '';
    });
    return record;
  });
}

/** Put `value` at `data[a][b]…` for the file `_data/a/b.yml` (folders become nested tables). */
export function insertData(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let table = data;
  for (const [index, key] of path.entries()) {
    if (UNSAFE_KEYS.has(key)) return;
    if (index === path.length - 1) {
      table[key] = value;
      return;
    }
    const next = table[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) table[key] = {};
    table = table[key] as Record<string, unknown>;
  }
}

function invalid(file: string, reason: string, line: number | undefined): Diagnostic {
  return {
    severity: 'warning',
    code: 'site-data-invalid',
    message: `cannot read ${file}: ${reason}`,
    file,
    ...(line === undefined ? {} : { line }),
    hint: 'fix the file; until then Liquid reads it as missing',
  };
}

function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0] ?? message;
}
