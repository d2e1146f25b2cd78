/**
 * Heading ids: the article's own (`{#id}`, `id="..."`) or a slug of the heading text, unique
 * within the article so every section can be linked.
 */
import { slugify } from '../text.js';
import { createUniqueNamer } from '../text.js';

/** Used when a heading has no letter or digit to make a slug from (only symbols or emoji). */
const FALLBACK_ID = 'section';

/** A function that returns `wanted` the first time and `wanted-2`, `wanted-3`… after that. */
export function createIdAllocator(): (wanted: string) => string {
  return createUniqueNamer(FALLBACK_ID);
}

/** The id a heading asks for: its explicit id, else the slug of its title (GitHub's rules, every script). */
export function headingId(explicit: string | undefined, title: string): string {
  return explicit !== undefined && explicit !== '' ? explicit : slugify(title);
}

/**
 * Splits an explicit id off the end of a heading's source text: kramdown/Pandoc `{#id}`,
 * `{: #id}`, `{ #id .class }` and the MDX comment form used by react.dev (`{` `/*id*` `/}`).
 * Returns the text without it.
 */
export function splitHeadingId(text: string): { text: string; id?: string } {
  const attr = /\s*\{:?\s*#([^\s}]+)[^}]*\}\s*$/.exec(text) ?? /\s*\{\/\*\s*([^\s*]+)\s*\*\/\}\s*$/.exec(text);
  if (attr === null || attr[1] === undefined) return { text };
  return { text: text.slice(0, attr.index), id: attr[1] };
}
