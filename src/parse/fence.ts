/**
 * Fenced code details: the info string (language, `title="..."`) and unclosed fences.
 */
import type { Diagnostic, LineHighlights, LineRange } from '../model.js';

/**
 * Language, title and highlighted lines named by a fence's info string; other attributes are
 * ignored. Lines: `{2-3}` / `{1,4-6}` (VitePress, Docusaurus, Quarto), `hl_lines="2 3"`
 * (pymdownx, Hugo), `[1|2-3]` (reveal.js's Markdown), `code-line-numbers="1|2"` and
 * `data-line-numbers="1|2"` (Quarto, reveal.js): `|` separates steps.
 */
export function parseFenceInfo(info: string | undefined): { lang?: string; title?: string; highlight?: LineHighlights } {
  const text = (info ?? '').trim();
  const title = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(text);
  const titleText = title === null ? undefined : (title[1] ?? title[2] ?? title[3]);
  const lines = LINE_BRACES.exec(text);
  const rest = lines === null ? text : `${text.slice(0, lines.index)} ${text.slice(lines.index + lines[0].length)}`.trim();
  // `{ .python title="x" }` (attribute list) names the language as a class; else the first word does.
  const lang = rest.startsWith('{') ? /\.([\w+#-]+)/.exec(rest)?.[1] : /^[^\s{[]+/.exec(rest)?.[0];
  const highlight = fenceHighlights(text, lines?.[1]);
  return {
    ...(lang === undefined || lang === '' ? {} : { lang: lang.toLowerCase() }),
    ...(titleText === undefined ? {} : { title: titleText }),
    ...(highlight === undefined ? {} : { highlight }),
  };
}

/** `{1,3-4}` or `[1|2-3]` after the language (or alone): only numbers, ranges, commas and bars. */
const LINE_BRACES = /(?:^|\s|(?<=[\w+#-]))[{[]\s*([\d\s,|-]*\d[\d\s,|-]*)\s*[}\]](?=\s|$)/;

function fenceHighlights(text: string, braces: string | undefined): LineHighlights | undefined {
  if (braces !== undefined) return parseLineSteps(braces);
  const attr = /\b(?:hl_lines|code-line-numbers|data-line-numbers|highlight-lines)\s*=\s*(?:"([^"]*)"|'([^']*)'|([\d,|-]+))/.exec(text);
  const value = attr === null ? undefined : (attr[1] ?? attr[2] ?? attr[3]);
  return value === undefined ? undefined : parseLineSteps(value);
}

/**
 * `1,3-5|7` → steps of line ranges: `|` separates steps, `,` or spaces separate ranges of a step.
 * An empty step (`|2`) highlights nothing; nothing valid at all gives undefined.
 */
export function parseLineSteps(spec: string): LineHighlights | undefined {
  const steps = spec.split('|').map((step) =>
    step
      .split(/[\s,]+/)
      .filter((r) => r !== '')
      .flatMap((r): LineRange[] => {
        const m = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(r);
        if (m === null) return [];
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        return from >= 1 && to >= from ? [{ from, to }] : [];
      }),
  );
  return steps.some((s) => s.length > 0) ? steps : undefined;
}

/** Steps with their ranges cut to a block of `lines` lines (ranges past its end dropped). */
export function clampHighlights(steps: LineHighlights | undefined, lines: number): LineHighlights | undefined {
  if (steps === undefined) return undefined;
  const clamped = steps.map((s) => s.filter((r) => r.from <= lines).map((r) => ({ from: r.from, to: Math.min(r.to, lines) })));
  return clamped.some((s) => s.length > 0) ? clamped : undefined;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})/;

/** Whether a fenced code token's raw text ends with a closing fence (marked runs an unclosed one to the end). */
export function isUnclosedFence(raw: string): boolean {
  const open = OPENING.exec(raw);
  if (open === null || open[1] === undefined) return false;
  const fence = open[1];
  const lines = raw.replace(/\n$/, '').split('\n');
  if (lines.length < 2) return true;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines.at(-1) ?? '');
  return close?.[1] === undefined || close[1][0] !== fence[0] || close[1].length < fence.length;
}

/** The diagnostic for a fence that is never closed. */
export function unclosedFenceDiagnostic(raw: string, file: string, line: number): Diagnostic {
  const fence = OPENING.exec(raw)?.[1] ?? '```';
  const marker = fence.startsWith('~') ? '~~~' : '```';
  return {
    severity: 'error',
    code: 'markdown-unclosed-fence',
    message: 'This code fence is never closed, so the rest of the article would be read as code.',
    file,
    line,
    hint: `add a closing ${marker} line`,
  };
}
