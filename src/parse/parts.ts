/**
 * Markdown cut into parts that marked can lex. marked matches a paragraph, a quote, a table or
 * indented code with one regular expression over the whole block, and V8 runs out of backtracking
 * stack on a block of a few million lines or characters with no blank line in it (a 1-million-line
 * paragraph was reported as "nests too deeply"). Such a run of lines is read in parts of at most
 * MAX_RUN_LINES lines and MAX_RUN_CHARS characters, with a warning: its text is all kept, but it
 * shows as several paragraphs (or quotes, or code blocks). Real articles never come near: the
 * limits are a hundred times the longest block of the shared corpus.
 */
import type { Diagnostic } from '../model.js';

/** Lines of one run (lines with no blank line between them, outside fenced code) lexed at once. */
export const MAX_RUN_LINES = 200_000;
/** Characters of one run lexed at once (marked fails from about 8 million). */
export const MAX_RUN_CHARS = 2_000_000;

/** Some Markdown and the file line it starts at. */
export interface Part {
  readonly text: string;
  readonly firstLine: number;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * `body` (whose first line is file line `firstLine`) in parts; one part, the body itself, unless a
 * run of lines is longer than the limits. A warning names the first run cut.
 */
export function splitLongRuns(body: string, firstLine: number, file: string): { parts: Part[]; diagnostic?: Diagnostic } {
  if (body.length <= MAX_RUN_CHARS && !hasManyLines(body, MAX_RUN_LINES)) return { parts: [{ text: body, firstLine }] };
  const cuts: number[] = [];
  let cutLine: number | undefined;
  let fence: string | undefined;
  let run = { start: 0, lines: 0 };
  let line = firstLine;
  for (let start = 0; start < body.length; line++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline + 1;
    const text = body.slice(start, end);
    const marks = FENCE.exec(text)?.[1];
    if (fence !== undefined || text.trim() === '') {
      // Fenced code is matched lazily and never fails; a blank line ends any block.
      if (fence !== undefined && marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length) fence = undefined;
      run = { start: end, lines: 0 };
    } else {
      if (marks !== undefined) fence = marks;
      if (run.lines + 1 > MAX_RUN_LINES || end - run.start > MAX_RUN_CHARS) {
        // Cut before this line; a line longer than the limit on its own is cut inside, between words.
        const inside = end - start > MAX_RUN_CHARS ? cutsInsideLine(body, start, end) : [];
        cuts.push(...(run.lines > 0 ? [start] : []), ...inside);
        cutLine ??= line;
        run = { start: inside.at(-1) ?? start, lines: 0 };
      }
      run.lines++;
    }
    start = end;
  }
  if (cuts.length === 0) return { parts: [{ text: body, firstLine }] };
  return { parts: partsAt(body, firstLine, cuts), diagnostic: cutDiagnostic(file, cutLine ?? firstLine) };
}

/** Whether `text` has more than `count` newlines (stops counting there). */
function hasManyLines(text: string, count: number): boolean {
  let seen = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++seen > count) return true;
  return false;
}

/** Offsets every MAX_RUN_CHARS at most inside one line, each just before a word when there is one near. */
function cutsInsideLine(body: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  for (let from = start; end - from > MAX_RUN_CHARS; ) {
    const limit = from + MAX_RUN_CHARS;
    // The last space before the limit that is followed by a letter or digit (never by `-`, `#`, `>`,
    // which would start a list, heading or quote), within the last tenth of the part.
    const window = body.slice(limit - MAX_RUN_CHARS / 10, limit);
    const found = window.search(/\s[\p{L}\p{N}][^\s]*$/u);
    const cut = found === -1 ? limit : limit - window.length + found + 1;
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}

function partsAt(body: string, firstLine: number, cuts: readonly number[]): Part[] {
  const parts: Part[] = [];
  let line = firstLine;
  let from = 0;
  for (const cut of [...cuts, body.length]) {
    const text = body.slice(from, cut);
    parts.push({ text, firstLine: line });
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    from = cut;
  }
  return parts;
}

function cutDiagnostic(file: string, line: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'markdown-block-too-long',
    message: `a block of more than ${MAX_RUN_LINES.toLocaleString('en-US')} lines or ${MAX_RUN_CHARS.toLocaleString('en-US')} characters with no blank line was read in parts: it shows as several blocks`,
    file,
    line,
    hint: 'put blank lines between its paragraphs (or fence it as code if it is program output)',
  };
}
