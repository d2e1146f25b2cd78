/**
 * Source lines for marked tokens, which carry no positions: a cursor walks the text a token list
 * was lexed from, and each token's `raw` is found at (or, after a rare rewrite by marked, near)
 * the cursor. Lines are counted from the newlines before it.
 */

/** Number of `\n` in `text` before index `end` (default: the whole text). */
export function countNewlines(text: string, end: number = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Finds successive token raws in the text they came from and tells their lines. */
export class LineCursor {
  private offset = 0;
  private line: number;

  /** `firstLine` is the file line of the text's first character. */
  constructor(
    private readonly text: string,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  /** The file line at which `raw` starts; moves the cursor past it. */
  take(raw: string): number {
    const at = this.find(raw);
    this.line += countNewlines(this.text.slice(this.offset, at));
    const line = this.line;
    const end = Math.min(this.text.length, at + raw.length);
    this.line += countNewlines(this.text.slice(at, end));
    this.offset = end;
    return line;
  }

  /** Where `raw` starts: at the cursor in the normal case, else where its first line next occurs. */
  private find(raw: string): number {
    if (this.text.startsWith(raw, this.offset)) return this.offset;
    const firstLine = raw.split('\n', 1)[0] ?? '';
    if (firstLine.trim() === '') return this.offset;
    const found = this.text.indexOf(firstLine, this.offset);
    return found === -1 ? this.offset : found;
  }
}
