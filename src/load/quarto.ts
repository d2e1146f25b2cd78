/**
 * Quarto (`.qmd`) and R Markdown (`.Rmd`) bodies turned into the Markdown Lectern reads, line for
 * line (so every line of the result is the same line of the file). Nothing is executed.
 *
 * - Executable chunks (```` ```{r label, echo=FALSE} ````, ```` ```{python} ````) become fences in
 *   their language, options dropped. Quarto's `#| key: value` option lines at the top of a chunk
 *   are hidden by moving the opening fence down onto the last of them (blank lines above it), so
 *   each code line keeps its own line. A chunk the document hides (`echo: false`, `include:
 *   false`, or `echo=FALSE`, `include=FALSE`) is blanked: its reader never saw that code.
 * - Raw blocks (```` ```{=html} ````) keep their HTML; raw blocks for other formats are blanked.
 * - Callouts (`::: {.callout-note title="T"}`) become the `:::note[T]` containers the parser reads
 *   as callouts; a heading on the callout's first line becomes its title. Other fenced divs
 *   (`::: {.columns}`) lose their fence lines and keep their content.
 * - Shortcodes (`{{< video … >}}`) outside code are removed, and said so once.
 * Inline `` `r expr` `` stays inline code, as written. Pure.
 */
import type { Diagnostic } from '../model.js';

/** A body as Markdown, and what was noticed. */
export interface QuartoResult {
  readonly body: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Chunk engines whose language has another name in highlight.js. */
const ENGINE_LANGUAGES: Readonly<Record<string, string>> = { ojs: 'javascript', rcpp: 'cpp', sh: 'bash', rscript: 'r' };

const CHUNK = /^(\s*)(`{3,})\s*\{\s*([A-Za-z][\w.+-]*)\s*(?:[,\s](.*))?\}\s*$/;
const RAW_BLOCK = /^(\s*)(`{3,})\s*\{=([\w-]+)\}\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const DIV_OPEN = /^ {0,3}(:{3,})\s*(?:\{([^}]*)\}|([A-Za-z][\w-]*))\s*$/;
const DIV_CLOSE = /^ {0,3}:{3,}\s*$/;
const OPTION_LINE = /^\s*#\|\s*([\w.-]+)\s*:\s*(.*?)\s*$/;
const CALLOUT = /(?:^|\s)\.callout-(note|tip|warning|caution|important)\b/;

/** Turn a `.qmd`/`.Rmd` body (front matter already split off) into Markdown of the same lines. */
export function resolveQuarto(body: string, file: string, bodyLine: number): QuartoResult {
  const lines = body.split('\n');
  const divs: boolean[] = [];
  const shortcodes: { names: string[]; line?: number } = { names: [] };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (CHUNK.test(line) || RAW_BLOCK.test(line)) {
      i = rewriteChunk(lines, i);
    } else if (FENCE.test(line)) {
      i = closingFence(lines, i);
    } else if (DIV_OPEN.test(line)) {
      rewriteDivOpen(lines, i, divs);
    } else if (DIV_CLOSE.test(line) && divs.length > 0) {
      lines[i] = divs.pop() === true ? ':::' : '';
    } else if (line.includes('{{<')) {
      lines[i] = removeShortcodes(line, shortcodes, bodyLine + i);
    }
  }
  const diagnostics: Diagnostic[] = [];
  if (shortcodes.names.length > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'quarto-shortcode',
      message: `removed Quarto shortcodes (${shortcodes.names.join(', ')})`,
      file,
      ...(shortcodes.line === undefined ? {} : { line: shortcodes.line }),
    });
  }
  return { body: lines.join('\n'), diagnostics };
}

/** Index of the line that closes the fence opened at `open` (the last line when none does). */
function closingFence(lines: readonly string[], open: number): number {
  const marks = FENCE.exec(lines[open] as string)?.[1] ?? '```';
  for (let i = open + 1; i < lines.length; i += 1) {
    const close = FENCE.exec(lines[i] as string)?.[1];
    if (close !== undefined && close[0] === marks[0] && close.length >= marks.length && (lines[i] as string).trim() === close) return i;
  }
  return lines.length - 1;
}

/** Rewrite the chunk or raw block opened at `open` in place; the index of its last line. */
function rewriteChunk(lines: string[], open: number): number {
  const close = closingFence(lines, open);
  const raw = RAW_BLOCK.exec(lines[open] as string);
  if (raw !== null) {
    // Raw HTML is what the HTML page showed; raw blocks for LaTeX or Word showed nothing there.
    const keep = raw[3]?.toLowerCase() === 'html';
    for (let i = open; i <= close; i += 1) if (!keep || i === open || i === close) lines[i] = '';
    return close;
  }
  const [, indent = '', marks = '```', engine = '', headerOptions = ''] = CHUNK.exec(lines[open] as string) ?? [];
  let last = open;
  const options = new Map<string, string>();
  for (let i = open + 1; i < close; i += 1) {
    const option = OPTION_LINE.exec(lines[i] as string);
    if (option === null) break;
    options.set((option[1] as string).toLowerCase(), (option[2] as string).toLowerCase());
    last = i;
  }
  const hidden = /\b(?:echo|include)\s*=\s*(?:FALSE|F)\b/.test(headerOptions) || options.get('echo') === 'false' || options.get('include') === 'false';
  if (hidden) {
    for (let i = open; i <= close; i += 1) lines[i] = '';
    return close;
  }
  const name = engine.toLowerCase();
  for (let i = open; i < last; i += 1) lines[i] = '';
  // `#| code-line-numbers: "1|2-3"`: the lines to highlight (steps), kept on the fence for the parser.
  const highlight = /^["']?([\d,|\s-]+)["']?$/.exec(options.get('code-line-numbers') ?? '')?.[1]?.trim();
  lines[last] = `${indent}${marks}${ENGINE_LANGUAGES[name] ?? name}${highlight ? ` code-line-numbers="${highlight}"` : ''}`;
  return close;
}

/** A fenced div's opening line: a callout becomes `:::kind[Title]`, any other div a blank line. */
function rewriteDivOpen(lines: string[], open: number, divs: boolean[]): void {
  const [, , attributes = '', word = ''] = DIV_OPEN.exec(lines[open] as string) ?? [];
  const kind = CALLOUT.exec(` ${attributes}`)?.[1] ?? /^callout-(note|tip|warning|caution|important)$/.exec(word)?.[1];
  divs.push(kind !== undefined);
  if (kind === undefined) {
    lines[open] = '';
    return;
  }
  let title = /\btitle\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? /\btitle\s*=\s*'([^']*)'/.exec(attributes)?.[1];
  // Quarto also takes the callout's title from a heading on its first line.
  let next = open + 1;
  while (next < lines.length && (lines[next] as string).trim() === '') next += 1;
  if (next === lines.length) next = -1;
  const heading = next === -1 ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(lines[next] as string);
  if (title === undefined && heading?.[1] !== undefined) {
    title = heading[1];
    lines[next] = '';
  }
  const clean = title?.replace(/[[\]]/g, '').trim();
  lines[open] = `:::${kind}${clean === undefined || clean === '' ? '' : `[${clean}]`}`;
}

// A line without its shortcodes (`{{< x >}}`); `{{</* x */>}}`, Quarto's escape, becomes `{{< x >}}`.
function removeShortcodes(line: string, seen: { names: string[]; line?: number }, fileLine: number): string {
  const spans = [...line.matchAll(/(`+)[^`][\s\S]*?\1/g)].map((m) => [m.index, m.index + m[0].length] as const);
  return line.replace(/\{\{<\s*([\s\S]*?)\s*>\}\}/g, (whole, inner: string, at: number) => {
    // In inline code a shortcode is an example.
    if (spans.some(([start, end]) => start <= at && at < end)) return whole;
    const escaped = /^\/\*([\s\S]*)\*\/$/.exec(inner);
    if (escaped) return `{{< ${(escaped[1] ?? '').trim()} >}}`;
    const name = /^[\w-]+/.exec(inner)?.[0] ?? inner;
    if (!seen.names.includes(name)) seen.names.push(name);
    seen.line ??= fileLine;
    return '';
  });
}
