/**
 * Linear-time lookups over one text for the Liquid scanner, so an article made of thousands of
 * unclosed `{%` or `{{` (or of warnings) costs O(n log n), not O(n²): lines of offsets by binary
 * search, and "next occurrence of" searches that remember their last answer.
 */

/** `offset → number of newlines before it`, by binary search over the newline offsets. */
export function createLineIndex(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return (offset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * `(needle, from) → text.indexOf(needle, from)`, for callers whose `from` never decreases for a
 * given needle: the last answer is reused while it still lies ahead (and a miss stays a miss).
 */
export function createFinder(text: string): (needle: string, from: number) => number {
  const last = new Map<string, number>();
  return (needle, from) => {
    const cached = last.get(needle);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    const found = text.indexOf(needle, from);
    last.set(needle, found);
    return found;
  };
}

/** A half-open range of offsets [start, end). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Ranges sorted by start with overlaps merged, for binary search. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const prev = out.at(-1);
    if (prev !== undefined && r.start <= prev.end) out[out.length - 1] = { start: prev.start, end: Math.max(prev.end, r.end) };
    else out.push(r);
  }
  return out;
}

/** Whether an offset lies in one of the merged ranges (binary search). */
export function inMergedRanges(ranges: readonly Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ranges[mid] as Range).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const r = ranges[lo];
  return r !== undefined && r.start <= offset && offset < r.end;
}
