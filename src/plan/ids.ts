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

/** A string as a URL-fragment-safe id (a heading slug, at most 64 characters). */
export function toId(text: string): string {
  return slugify(text).slice(0, 64);
}
