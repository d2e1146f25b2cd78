/**
 * Code helpers for the Liquid resolver: `{% highlight %}` blocks turned into Markdown fences or
 * `<pre><code>` with the same number of lines, and the code regions of an article (fences, code
 * spans, <pre>/<code>) where an unknown `{{ x }}` is an example to show, not a variable to drop.
 */
import type { SourceFormat } from '../model.js';
import { escapeHtml } from '../text.js';
import { inMergedRanges, mergeRanges, type Range } from './text-index.js';

export type { Range } from './text-index.js';

/** Number of `\n` in a string. */
export function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** `replacement` with the newlines `original` spanned after it, so the line count never changes. */
export function keepLines(replacement: string, original: string): string {
  return replacement.replace(/\r?\n/g, ' ') + '\n'.repeat(countNewlines(original));
}

/** What `{% highlight lang %}` said, and what precedes the tag on its line (for the fence's indent). */
export interface Highlight {
  readonly lang?: string;
  readonly prefix: string;
}

/** Code that holds Liquid: its text, the newlines of its source, and the highlight tag it came in. */
export interface CodeText {
  readonly text: string;
  readonly newlines: number;
  readonly highlight?: Highlight;
}

/** Code as it goes into the body: a highlight block as a fence (or <pre>) of at least its lines, other code as it is. */
export function codeBlock(code: CodeText, text: string, format: SourceFormat): string {
  if (code.highlight === undefined) return text;
  const block = renderHighlight(code.highlight.lang, text, format, code.highlight.prefix);
  return block + '\n'.repeat(Math.max(0, code.newlines - countNewlines(block)));
}

/**
 * The code block for `{% highlight lang %}inner{% endhighlight %}`, with exactly as many lines as
 * the tags and `inner` had. `prefix` is what precedes the opening tag on its line.
 */
export function renderHighlight(lang: string | undefined, inner: string, format: SourceFormat, prefix: string): string {
  const leading = /^[ \t]*\r?\n/.exec(inner);
  const trailing = /\r?\n[ \t]*$/.exec(inner);
  const fenceable = format === 'markdown' && /^[ \t]*$/.test(prefix) && leading && trailing;
  if (fenceable && leading[0].length <= inner.length - trailing[0].length) {
    const code = inner.slice(leading[0].length, inner.length - trailing[0].length);
    const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
    const block = `${fence}${lang ?? ''}\n${code}\n${prefix}${fence}`;
    if (countNewlines(block) === countNewlines(inner)) return block;
  }
  return renderHtmlCode(lang, inner);
}

/** `<pre><code class="language-x">…</code></pre>`; a leading newline sits after <pre>, where HTML drops it. */
function renderHtmlCode(lang: string | undefined, inner: string): string {
  const leading = /^[ \t]*\r?\n/.exec(inner);
  const code = (leading ? inner.slice(leading[0].length) : inner).replace(/(\n)[ \t]+$/, '$1');
  const cls = lang === undefined ? '' : ` class="language-${escapeHtml(lang)}"`;
  return `<pre>${leading ? '\n' : ''}<code${cls}>${escapeHtml(code)}</code></pre>`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Code regions of a body, sorted and merged: <pre>/<code> elements in both formats; fences and code spans in Markdown. */
export function codeRanges(body: string, format: SourceFormat): readonly Range[] {
  const ranges: Range[] = [];
  for (const m of body.matchAll(/<(pre|code)\b[^>]*>[\s\S]*?<\/\1\s*>/gi)) {
    ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  if (format === 'markdown') {
    const fences = mergeRanges(fenceRanges(body));
    ranges.push(...fences, ...codeSpanRanges(body, fences));
  }
  return mergeRanges(ranges);
}

/** Whether an offset falls inside one of the ranges codeRanges returned. */
export function inRanges(ranges: readonly Range[], offset: number): boolean {
  return inMergedRanges(ranges, offset);
}

/** Fenced code blocks (``` or ~~~, any indent); an unclosed fence runs to the end, as in CommonMark. */
function fenceRanges(body: string): Range[] {
  const ranges: Range[] = [];
  let open: { start: number; char: string; length: number } | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line);
    if (open === undefined && fence?.[1] !== undefined) {
      const marks = fence[1];
      // A backtick fence's info string may not contain backticks (CommonMark 4.5).
      if (marks[0] === '~' || !line.slice(fence[0].length).includes('`')) {
        open = { start: offset, char: marks.charAt(0), length: marks.length };
      }
    } else if (open !== undefined && fence?.[1] !== undefined) {
      const closes = fence[1].charAt(0) === open.char && fence[1].length >= open.length;
      if (closes && line.slice(fence[0].length).trim() === '') {
        ranges.push({ start: open.start, end: offset + line.length });
        open = undefined;
      }
    }
    offset += line.length + 1;
  }
  if (open !== undefined) ranges.push({ start: open.start, end: body.length });
  return ranges;
}

/** A run of backticks: where it starts and how long it is. */
interface Run {
  readonly index: number;
  readonly length: number;
}

/**
 * Inline code spans outside fences: a run of n backticks up to the next run of exactly n in the
 * same paragraph. Linear: each run knows the next run of its length, each offset its paragraph end.
 */
function codeSpanRanges(body: string, fences: readonly Range[]): Range[] {
  const runs = [...body.matchAll(/`+/g)]
    .map((m) => ({ index: m.index, length: m[0].length }))
    .filter((m) => !inMergedRanges(fences, m.index));
  const nextSame = new Array<number>(runs.length).fill(-1);
  const seen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const length = (runs[i] as Run).length;
    nextSame[i] = seen.get(length) ?? -1;
    seen.set(length, i);
  }
  // A blank line ends the paragraph, and with it any chance to close the span.
  const blanks = [...body.matchAll(/\n[ \t]*\n/g)].map((m) => m.index);
  const ranges: Range[] = [];
  let blank = 0;
  for (let i = 0; i < runs.length; i += 1) {
    const open = runs[i] as Run;
    while (blank < blanks.length && (blanks[blank] as number) < open.index) blank += 1;
    const end = blanks[blank] ?? Infinity;
    const j = nextSame[i] ?? -1;
    const close = j === -1 ? undefined : runs[j];
    if (close === undefined || close.index > end) continue;
    ranges.push({ start: open.index, end: close.index + close.length });
    i = j;
  }
  return ranges;
}
