/**
 * Highlighted code as coloured runs, line by line: the same highlight.js HTML the deck shows
 * (render/highlight.ts), its token classes given the theme's colours through _highlight.css's own
 * rules (export/theme.ts). Pure.
 */
import { highlightCode } from '../render/highlight.js';
import type { ExportTheme, TokenStyle } from './theme.js';

/** A piece of a code line in one style. */
export interface CodeRun extends TokenStyle {
  readonly text: string;
}

/** Code → lines of runs (adjacent runs of one style merged; tabs as `tabSize` spaces). */
export function codeRuns(code: string, lang: string | undefined, theme: ExportTheme, tabSize = 4): CodeRun[][] {
  const { html } = highlightCode(code, lang);
  const lines: CodeRun[][] = [[]];
  const stack: string[][] = [];
  const push = (text: string): void => {
    const style = stack.length === 0 ? {} : theme.token(stack);
    const parts = text.replace(/\t/g, ' '.repeat(tabSize)).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part === '') return;
      const line = lines.at(-1)!;
      const prev = line.at(-1);
      if (prev !== undefined && prev.color === style.color && prev.bold === style.bold && prev.italic === style.italic) line[line.length - 1] = { ...prev, text: prev.text + part };
      else line.push({ text: part, ...style });
    });
  };
  for (const m of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
    if (m[1] !== undefined) stack.push(m[1].split(/\s+/).filter((c) => c !== ''));
    else if (m[0] === '</span>') stack.pop();
    else if (m[2] !== undefined) push(decodeEntities(m[2]));
  }
  // A trailing newline is no line of its own on the slide.
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (all, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos' || k === '#39') return "'";
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return all;
  });
}
