/**
 * Code helpers for the Liquid resolver: `{% highlight %}` blocks turned into Markdown fences or
 * `<pre><code>` with the same number of lines, and the code regions of an article (fences, code
 * spans, <pre>/<code>) where an unknown `{{ x }}` is an example to show, not a variable to drop.
 */
import type { SourceFormat } from '../model.js';

/** A half-open range of offsets [start, end) in the body. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Number of `\n` in a string. */
export function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** `&`, `<`, `>` (and quotes) as entities, for text put into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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

/** Code regions of a body: <pre>/<code> elements in both formats; fences and code spans in Markdown. */
export function codeRanges(body: string, format: SourceFormat): readonly Range[] {
  const ranges: Range[] = [];
  for (const m of body.matchAll(/<(pre|code)\b[^>]*>[\s\S]*?<\/\1\s*>/gi)) {
    ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  if (format === 'markdown') {
    const fences = fenceRanges(body);
    ranges.push(...fences, ...codeSpanRanges(body, fences));
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** Whether an offset falls inside one of the ranges. */
export function inRanges(ranges: readonly Range[], offset: number): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end);
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

/** Inline code spans outside fences: a run of n backticks up to the next run of exactly n, within a paragraph. */
function codeSpanRanges(body: string, fences: readonly Range[]): Range[] {
  const ranges: Range[] = [];
  const runs = [...body.matchAll(/`+/g)].filter((m) => !inRanges(fences, m.index));
  for (let i = 0; i < runs.length; i += 1) {
    const open = runs[i];
    if (open === undefined) continue;
    for (let j = i + 1; j < runs.length; j += 1) {
      const close = runs[j];
      if (close === undefined) break;
      // A blank line ends the paragraph, and with it any chance to close the span.
      if (/\n[ \t]*\n/.test(body.slice(open.index, close.index))) break;
      if (close[0].length === open[0].length) {
        ranges.push({ start: open.index, end: close.index + close[0].length });
        i = j;
        break;
      }
    }
  }
  return ranges;
}
