/**
 * The tags the engine knows, and a check of their block structure before the engine parses: an
 * `{% if %}` never closed or an `{% endfor %}` with no `{% for %}` would make liquidjs refuse the
 * whole article, so such a tag is removed here (its text kept, a warning at its line) and the
 * engine gets blocks that balance. Linear: one stack over the tags.
 */
import { keepLines } from './liquid-code.js';
import type { Piece } from './liquid-types.js';

/** Tags of liquidjs (checked against the library in the tests) and the Jekyll ones Lectern adds. */
export const KNOWN_TAGS: ReadonlySet<string> = new Set([
  // liquidjs
  'assign', 'for', 'capture', 'case', 'comment', 'include', 'render', 'decrement', 'increment', 'cycle', 'if',
  'layout', 'block', 'raw', 'tablerow', 'unless', 'break', 'continue', 'echo', 'liquid', '#',
  // Jekyll (liquid-engine.ts)
  'link', 'post_url', 'highlight',
  // the parts of blocks
  'else', 'elsif', 'when',
  'endfor', 'endcapture', 'endcase', 'endcomment', 'endif', 'endblock', 'endraw', 'endtablerow', 'endunless', 'endhighlight',
]);

/** Block tags the engine gets (raw, comment and highlight are settled by the scan), and the tags allowed inside each. */
const BLOCKS: Readonly<Record<string, readonly string[]>> = {
  if: ['elsif', 'else'],
  unless: ['elsif', 'else'],
  case: ['when', 'else'],
  for: ['else'],
  tablerow: [],
  capture: [],
  block: [],
};

const MIDDLES = new Set(['else', 'elsif', 'when']);

/** An open block: its name, where its piece is, and where the middle tags it took are. */
interface Open {
  readonly name: string;
  readonly index: number;
  readonly middles: number[];
}

/**
 * The pieces with every tag that breaks the block structure turned into a literal of its newlines;
 * `warnAt(offset, message)` is told about each.
 */
export function balanceBlocks(pieces: readonly Piece[], warnAt: (offset: number, message: string) => void): Piece[] {
  const out = [...pieces];
  const stack: Open[] = [];
  const drop = (index: number, message: string): void => {
    const piece = out[index];
    if (piece?.type !== 'liquid') return;
    warnAt(piece.offset, message);
    out[index] = { type: 'literal', text: keepLines('', piece.text) };
  };
  // A block never closed goes with its `else`s: they would be orphans.
  const dropUnclosed = (open: Open): void => {
    drop(open.index, `removed {% ${open.name} %}: it is never closed`);
    for (const middle of open.middles) drop(middle, `removed this tag of the {% ${open.name} %} that is never closed`);
  };
  out.forEach((piece, index) => {
    if (piece.type !== 'liquid' || piece.name === '') return;
    const { name } = piece;
    if (Object.hasOwn(BLOCKS, name)) {
      stack.push({ name, index, middles: [] });
    } else if (name.startsWith('end') && Object.hasOwn(BLOCKS, name.slice(3))) {
      const opener = stack.findLastIndex((open) => open.name === name.slice(3));
      if (opener === -1) {
        drop(index, `removed {% ${name} %}: no {% ${name.slice(3)} %} opens it`);
        return;
      }
      for (const open of stack.splice(opener).slice(1)) dropUnclosed(open);
    } else if (MIDDLES.has(name)) {
      const top = stack.at(-1);
      if (top !== undefined && (BLOCKS[top.name] ?? []).includes(name)) top.middles.push(index);
      else drop(index, `removed {% ${name} %}: it is outside any block that takes it`);
    }
  });
  for (const open of stack) dropUnclosed(open);
  return out;
}
