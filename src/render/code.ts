/**
 * A code block as HTML: highlight.js spans at build time, and the lines the article highlights as
 * reveal.js marks them (`data-line-numbers`): one table row per line, `highlight-line` on the
 * highlighted rows and `has-highlights` on the code, so reveal.css dims the other lines. Several
 * steps (`1|2-3`) become copies of the code stacked in the same panel, each a fragment, as
 * reveal.js's highlight plugin makes them (the plugin itself is not loaded: nothing runs in the page).
 */
import type { LineHighlights, LineRange } from '../model.js';
import { escapeHtml } from '../text.js';
import { highlightCode } from './highlight.js';

/** What to draw: the code, the language the article names, and what the model says about it. */
export interface CodeInput {
  readonly code: string;
  readonly lang?: string | undefined;
  /** For unnamed code, the language inferred for it (`plaintext`: none); undefined: detect here. */
  readonly inferred?: string | undefined;
  readonly highlight?: LineHighlights | undefined;
}

/** A `<pre>` of highlighted code, with the language highlight.js used and whether the named one is known. */
export interface CodeHtml {
  readonly html: string;
  readonly language: string;
  readonly known: boolean;
}

/** `<pre><code class="hljs language-x">…</code></pre>`; `dataLang` also records the article's language name. */
export function renderCodePre(input: CodeInput, dataLang: boolean, lineHighlights = true): CodeHtml {
  const { html, language, known } = highlightCode(input.code, input.lang ?? input.inferred);
  const named = dataLang ? ` data-lang="${escapeHtml(input.lang ?? language)}"` : '';
  const cls = `hljs language-${escapeHtml(language)}`;
  const steps = lineHighlights ? (input.highlight ?? []) : [];
  if (steps.length === 0) return { html: `<pre><code class="${cls}"${named}>${html}</code></pre>`, language, known };
  const lines = splitHtmlLines(html);
  const [first, ...rest] = steps as [readonly LineRange[], ...(readonly LineRange[])[]];
  const copies = rest.map((step) => codeElement(lines, step, cls, named, true)).join('');
  // The copies are positioned over the first code, inside the panel: it is their containing block.
  const pre = rest.length > 0 ? '<pre style="position:relative">' : '<pre>';
  return { html: `${pre}${codeElement(lines, first, cls, named, false)}${copies}</pre>`, language, known };
}

/** One `<code>` of the lines, the rows of `step` marked; a fragment copy when `copy`. */
function codeElement(lines: readonly string[], step: readonly LineRange[], cls: string, named: string, copy: boolean): string {
  const marked = step.length > 0;
  const classes = `${cls}${marked ? ' has-highlights' : ''}${copy ? ' fragment' : ''}`;
  // A copy covers the first code exactly: the panel's padding, its background, its corners.
  const style = copy ? ' style="inset:0;padding:inherit;background:var(--lectern-code-bg);border-radius:inherit"' : '';
  const rows = lines.map((line, i) => {
    const n = i + 1;
    const hl = step.some((r) => n >= r.from && n <= r.to) ? ' class="highlight-line"' : '';
    // An empty line keeps its height with a line break (a cell with nothing in it would collapse).
    const empty = line.replace(/<[^>]*>/g, '') === '';
    return `<tr${hl} data-line-number="${n}"><td class="hljs-ln-line hljs-ln-code" data-line-number="${n}">${line}${empty ? '\n' : ''}</td></tr>`;
  });
  return `<code class="${classes}"${named} data-line-numbers="${serializeStep(step)}"${style}><table class="hljs-ln" style="border-collapse:collapse"><tbody>${rows.join('')}</tbody></table></code>`;
}

/** `1,3-4`: a step as reveal.js writes it. */
export function serializeStep(step: readonly LineRange[]): string {
  return step.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');
}

/**
 * highlight.js HTML cut into lines: a span that runs over a line end (a block comment, a string)
 * is closed at the end of the line and opened again on the next, so each line stands alone.
 */
export function splitHtmlLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const m of html.matchAll(/(<span[^>]*>)|(<\/span>)|(\n)|([^<\n]+|<)/g)) {
    if (m[1] !== undefined) {
      current += m[1];
      open.push(m[1]);
    } else if (m[2] !== undefined) {
      current += m[2];
      open.pop();
    } else if (m[3] !== undefined) {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else current += m[0];
  }
  lines.push(current);
  return lines;
}
