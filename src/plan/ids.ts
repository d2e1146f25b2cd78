/** Slide ids: unique within a deck, stable for the same article (they are the slides' hash links). */
import { slugify } from '../text.js';
import { createUniqueNamer } from '../text.js';

/** Hands out unique ids, suffixing `-2`, `-3` on collisions. */
export interface IdAllocator {
  next(wanted: string): string;
}

/** A fresh allocator for one deck. */
export function createIdAllocator(): IdAllocator {
  const unique = createUniqueNamer('slide');
  return { next: (wanted) => unique(toId(wanted)) };
}

/** Longest id, in characters: a hash link stays readable. */
const MAX_ID_CHARS = 64;

/**
 * A string as a URL-fragment-safe id (a heading slug, at most 64 characters). Ids may hold letters
 * of any script (`#/安装`): reveal.js percent-encodes them in the address bar and decodes them back.
 */
export function toId(text: string): string {
  const id = slugify(text);
  // Cut by code points, not UTF-16 units, so a character outside the BMP is never halved.
  return id.length <= MAX_ID_CHARS ? id : Array.from(id).slice(0, MAX_ID_CHARS).join('');
}
