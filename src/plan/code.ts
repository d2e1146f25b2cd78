/** Code blocks on slides: whole when they fit at a legible size, else split at blank lines. */
import type { Block, Inline, SlidePart } from '../model.js';
import { type Budget, codeScale, maxCodeColumns, maxCodeLinesAtMinScale } from './budget.js';

type CodeBlock = Extract<Block, { type: 'code' }>;

/** The code parts (one per slide) for a code block, each with its font scale. */
export function planCodeParts(block: CodeBlock, caption: readonly Inline[] | undefined, budget: Budget): SlidePart[] {
  const hasCaption = caption !== undefined && caption.length > 0;
  const lines = wrapLines(block.code.replace(/\t/g, '    ').split('\n'), maxCodeColumns(budget));
  // Split only code that cannot fit: the configured line budget, or what fits at the minimum scale.
  // A fit hint (budget.fit < 1: the browser found this code too big) shrinks both limits.
  const fitted = Math.max(4, Math.floor(Math.max(budget.maxCodeLines, Math.min(maxCodeLinesAtMinScale(budget, hasCaption), 30)) * budget.fit));
  const limit = budget.fit < 1 ? Math.min(fitted, budget.maxCodeLines) : fitted;
  const chunks = lines.length <= limit ? [{ start: 0, lines }] : splitLines(lines, Math.min(limit, budget.maxCodeLines));
  return chunks.map((chunk, index) => {
    const columns = Math.max(...chunk.lines.map((l) => l.length));
    const part: SlidePart = {
      type: 'code',
      code: chunk.lines.join('\n'),
      firstLine: chunk.start + 1,
      scale: codeScale(budget, chunk.lines.length, columns, hasCaption && index === 0),
      ...(block.lang !== undefined ? { lang: block.lang } : {}),
      ...(block.title !== undefined ? { title: block.title } : {}),
      ...(hasCaption && index === 0 ? { caption } : {}),
    };
    return part;
  });
}

/** Cut lines into chunks of at most `max`, preferring to cut after a blank line. */
export function splitLines(lines: readonly string[], max: number): { start: number; lines: string[] }[] {
  const chunks: { start: number; lines: string[] }[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = Math.min(start + max, lines.length);
    if (end < lines.length) {
      // Look back for a blank line in the second half of the window.
      for (let i = end - 1; i > start + Math.floor(max / 2); i--) {
        if (lines[i]!.trim() === '') {
          end = i + 1;
          break;
        }
      }
    }
    const chunk = lines.slice(start, end);
    while (chunk.length > 1 && chunk[chunk.length - 1]!.trim() === '') chunk.pop();
    chunks.push({ start, lines: chunk });
    start = end;
    while (start < lines.length && lines[start]!.trim() === '') start++;
  }
  return chunks;
}

/** Where a wrapped code line may break: after a space or a separator, never inside a word. */
const BREAK_AFTER = /[\s,;:)\]}>|&+=/-]/;

/**
 * Lines longer than `columns` cut into lines of at most `columns` characters, each cut after a
 * space or separator in the last 40% of the window when there is one (a base64 run has none). Every
 * character is kept, in order; a line that fits is returned as it is.
 */
export function wrapLines(lines: readonly string[], columns: number): string[] {
  if (lines.every((l) => l.length <= columns)) return [...lines];
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    while (rest.length > columns) {
      let cut = columns;
      for (let i = columns; i > Math.floor(columns * 0.6); i--) {
        if (BREAK_AFTER.test(rest[i - 1]!)) {
          cut = i;
          break;
        }
      }
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out;
}
