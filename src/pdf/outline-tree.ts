/**
 * The outline (bookmarks) of a PDF as a tree, before it is written: the article's headings nested
 * by level, each pointing at a page or at a named destination. Both writers use it — patch.ts for
 * the PDFs Chromium prints, outline.ts (pdf-lib) for any other — so they write the same tree.
 */

/** One bookmark: a heading and where it points, by page index or by a named destination. */
export interface OutlineEntry {
  readonly title: string;
  /** Heading level (2 for h2, 3 for h3...); deeper levels nest under the previous shallower one. */
  readonly level: number;
  /** 0-based page index. */
  readonly page?: number;
  /** A named destination of the PDF (Chromium writes one per in-document link target). */
  readonly dest?: string;
}

/** Where a destination points: a page index and, when known, the top of the target on it (PDF units). */
export interface ResolvedDestination {
  readonly page: number;
  readonly top?: number;
}

/** An outline item placed: its title, level, target, and the items nested under it. */
export interface OutlineNode {
  readonly title: string;
  readonly level: number;
  readonly target: ResolvedDestination;
  readonly children: OutlineNode[];
}

/** Where an entry points: its named destination when the PDF has it, else its page when it exists. */
export function targetOf(entry: OutlineEntry, named: ReadonlyMap<string, ResolvedDestination>, pageCount: number): ResolvedDestination | undefined {
  const byName = entry.dest === undefined ? undefined : named.get(entry.dest);
  if (byName !== undefined) return byName;
  return entry.page !== undefined && entry.page >= 0 && entry.page < pageCount ? { page: entry.page } : undefined;
}

/**
 * Nest entries by level: each entry goes under the closest previous entry of a lower level. Entries
 * that `resolve` cannot place are left out.
 */
export function buildTree(entries: readonly OutlineEntry[], resolve: (e: OutlineEntry) => ResolvedDestination | undefined): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const entry of entries) {
    const target = resolve(entry);
    if (target === undefined) continue;
    const node: OutlineNode = { title: entry.title, level: entry.level, target, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1] as OutlineNode).level >= entry.level) stack.pop();
    const parent = stack[stack.length - 1];
    (parent === undefined ? roots : parent.children).push(node);
    stack.push(node);
  }
  return roots;
}
