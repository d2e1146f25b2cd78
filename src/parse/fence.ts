/**
 * Fenced code details: the info string (language, `title="..."`) and unclosed fences.
 */
import type { Diagnostic } from '../model.js';

/** Language and title named by a fence's info string; other attributes are ignored. */
export function parseFenceInfo(info: string | undefined): { lang?: string; title?: string } {
  const text = (info ?? '').trim();
  const title = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/.exec(text);
  const titleText = title === null ? undefined : (title[1] ?? title[2] ?? title[3]);
  // `{ .python title="x" }` (attribute list) names the language as a class; else the first word does.
  const lang = text.startsWith('{') ? /\.([\w+#-]+)/.exec(text)?.[1] : /^[^\s{]+/.exec(text)?.[0];
  return {
    ...(lang === undefined || lang === '' ? {} : { lang: lang.toLowerCase() }),
    ...(titleText === undefined ? {} : { title: titleText }),
  };
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
