/** Slide ids: unique within a deck, stable for the same article (they are the slides' hash links). */

/** Hands out unique ids, suffixing `-2`, `-3` on collisions. */
export interface IdAllocator {
  next(wanted: string): string;
}

/** A fresh allocator for one deck. */
export function createIdAllocator(): IdAllocator {
  const used = new Set<string>();
  return {
    next(wanted: string): string {
      const base = toId(wanted) || 'slide';
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return id;
    },
  };
}

/** A string as a URL-fragment-safe id. */
export function toId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
