/**
 * Bounds on parsed front matter. YAML aliases (`*name`) share the anchored value instead of copying
 * it, so a few lines ("billion laughs": each anchor a list of nine aliases of the previous one)
 * parse in microseconds into a value that is gigabytes once anything reads it whole — joining an
 * author list, printing a date in a warning, checking the `lectern:` options — and an alias inside
 * its own anchor makes a value that contains itself. Both are refused right after parsing, before
 * anything walks the value, at the line of the top-level key that holds them.
 *
 * The size limit grows with the front matter as written: values written out in full never reach
 * it, so only aliases can, and a front matter that needs more should write its values out.
 */
import { LecternError } from '../errors.js';

/** Values and characters any front matter may expand to through aliases, however short it is. */
export const MIN_EXPANDED_SIZE = 100_000;
/** Beyond that, expansion allowed per character of front matter as written. */
export const EXPANSION_PER_CHAR = 10;
/** Deepest nesting of lists and mappings read in front matter (YAML, TOML or JSON). */
export const MAX_FRONT_MATTER_DEPTH = 100;

/**
 * Throws a `front-matter-invalid` LecternError when a value of `data` contains itself, nests more
 * than MAX_FRONT_MATTER_DEPTH levels, or expands to more than the size allowed for `matterText`
 * (the front matter as written; `firstLine` is the file line of its first line). Linear in the
 * number of distinct values: a shared value is measured once.
 */
export function checkFrontMatterSize(data: Readonly<Record<string, unknown>>, matterText: string, firstLine: number, file: string): void {
  const limit = MIN_EXPANDED_SIZE + EXPANSION_PER_CHAR * matterText.length;
  const memo = new Map<object, Measure>();
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    const at = (): number => lineOfKey(matterText, key, firstLine);
    const { size, height } = measure(value, memo, () =>
      refuse(file, at(), `the value of "${key}" contains itself through a YAML alias`, 'an alias (*name) cannot refer to the anchor (&name) it sits in: write the value out'),
    );
    if (height > MAX_FRONT_MATTER_DEPTH) {
      refuse(file, at(), `the value of "${key}" nests lists or mappings more than ${MAX_FRONT_MATTER_DEPTH} levels deep`, 'flatten the value: no deck option or page variable needs such depth');
    }
    total += key.length + size;
    if (total > limit) {
      refuse(
        file,
        at(),
        `the front matter expands to more than ${limit.toLocaleString('en-US')} values and characters through YAML aliases (at "${key}")`,
        `an alias (*name) repeats the whole anchored value (&name) each time; front matter may expand to ${MIN_EXPANDED_SIZE.toLocaleString('en-US')} plus ${EXPANSION_PER_CHAR} per character written. Write the values out, or use fewer aliases`,
      );
    }
  }
}

/** What `measure` learns of a list or mapping. */
interface Measure {
  /** 1 per value, plus the characters of strings and keys, the whole value expanded. */
  readonly size: number;
  /** Levels of lists and mappings, itself included. */
  readonly height: number;
}

/** Size of a value; calls `cycle` when it contains itself. Iterative, memoised by identity. */
function measure(root: unknown, memo: Map<object, Measure>, cycle: () => never): Measure {
  if (!isContainer(root)) return { size: scalarSize(root), height: 0 };
  const inProgress = new Set<object>();
  // Post-order over an explicit stack: a container is summed once all its children are known.
  const stack: { node: object; entered: boolean }[] = [{ node: root, entered: false }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node } = item;
    if (memo.has(node)) continue;
    if (item.entered) {
      let size = 1;
      let height = 1;
      for (const [key, child] of entries(node)) {
        const known = isContainer(child) ? memo.get(child) : undefined;
        size += key.length + (known?.size ?? scalarSize(child));
        height = Math.max(height, 1 + (known?.height ?? 0));
      }
      memo.set(node, { size, height });
      inProgress.delete(node);
      continue;
    }
    inProgress.add(node);
    stack.push({ node, entered: true });
    for (const [, child] of entries(node)) {
      if (!isContainer(child) || memo.has(child)) continue;
      if (inProgress.has(child)) cycle();
      stack.push({ node: child, entered: false });
    }
  }
  return memo.get(root) ?? { size: 1, height: 1 };
}

/** Lists and plain mappings (a Date or a Buffer from `!!timestamp`/`!!binary` is a scalar). */
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function entries(node: object): [string, unknown][] {
  return Array.isArray(node) ? node.map((child: unknown) => ['', child]) : Object.entries(node);
}

function scalarSize(value: unknown): number {
  return typeof value === 'string' ? 1 + value.length : 1;
}

/** File line of a top-level `key:` in the front matter (written plain or quoted), else its first line. */
function lineOfKey(matterText: string, key: string, firstLine: number): number {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:`, 'm').exec(matterText);
  if (found === null) return firstLine;
  let line = firstLine;
  for (let i = matterText.indexOf('\n'); i !== -1 && i < found.index; i = matterText.indexOf('\n', i + 1)) line++;
  return line;
}

function refuse(file: string, line: number, message: string, hint: string): never {
  throw new LecternError('front-matter-invalid', message, { file, line, hint });
}
