/**
 * Build-time highlighting with highlight.js core: only the languages registered here are bundled into
 * the CLI (the full bundle costs start-up time), and no highlighting script ships with a deck.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import julia from 'highlight.js/lib/languages/julia';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import makefile from 'highlight.js/lib/languages/makefile';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import scss from 'highlight.js/lib/languages/scss';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import handlebars from 'highlight.js/lib/languages/handlebars';
import { escapeHtml } from '../text.js';

// r and julia: the languages of R Markdown, Quarto and Jupyter notebooks besides Python.
const LANGUAGES = { bash, c, cpp, csharp, css, diff, dockerfile, go, ini, java, javascript, json, julia, kotlin, makefile, markdown, php, plaintext, python, r, ruby, rust, scss, shell, sql, swift, typescript, xml, yaml, handlebars };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);
// Names articles use that highlight.js does not know as aliases.
hljs.registerAliases(['sh', 'zsh', 'console', 'shell-session', 'terminal'], { languageName: 'bash' });
hljs.registerAliases(['jsx', 'mjs', 'cjs'], { languageName: 'javascript' });
hljs.registerAliases(['tsx', 'mts'], { languageName: 'typescript' });
hljs.registerAliases(['toml'], { languageName: 'ini' });
hljs.registerAliases(['liquid', 'jinja', 'django', 'mustache'], { languageName: 'handlebars' });
hljs.registerAliases(['text', 'txt', 'plain', 'output', 'tree', 'none', 'log'], { languageName: 'plaintext' });

// Unnamed code is detected among these only: detection tries every candidate, so fewer is faster
// and a short list of common languages guesses wrong less often.
const AUTO_DETECT = ['bash', 'c', 'cpp', 'css', 'go', 'java', 'javascript', 'json', 'python', 'rust', 'sql', 'typescript', 'xml', 'yaml'];

/** Result of highlighting: HTML of spans, the language used, and whether the named one was known. */
export interface Highlighted {
  readonly html: string;
  readonly language: string;
  readonly known: boolean;
}

/** Highlight code in the language the article names; unnamed code is detected only when clear-cut. */
export function highlightCode(code: string, lang: string | undefined): Highlighted {
  if (lang !== undefined && lang !== '') {
    const language = hljs.getLanguage(lang);
    if (language) {
      const name = hljs.getLanguage(lang) === hljs.getLanguage('plaintext') ? 'plaintext' : lang;
      if (hasLineOver(code, LONG_LINE)) return { html: escapeHtml(code), language: 'plaintext', known: true };
      return { html: colour(code, lang), language: name, known: true };
    }
    return { html: escapeHtml(code), language: 'plaintext', known: false };
  }
  if (isShellSession(code)) return { html: colour(code, 'bash'), language: 'bash', known: true };
  const auto = detectLanguage(code);
  // Low relevance means a guess; a wrong colouring is worse than none.
  if (auto !== undefined && auto.relevance >= 8) return { html: colour(code, auto.language), language: auto.language, known: true };
  return { html: escapeHtml(code), language: 'plaintext', known: true };
}

/** The registered name of a language or alias (`js` → `javascript`), or undefined when unknown. */
export function languageName(lang: string): string | undefined {
  const language = hljs.getLanguage(lang);
  if (language === undefined) return undefined;
  return hljs.listLanguages().find((name) => hljs.getLanguage(name) === language);
}

/** How strongly code reads as `lang` (highlight.js relevance: keywords and constructs matched). */
export function relevanceIn(code: string, lang: string): number {
  return hljs.getLanguage(lang) === undefined ? 0 : hljs.highlight(detectionSample(code), { language: lang, ignoreIllegals: true }).relevance;
}

/** The common language highlight.js finds most relevant for code, with its relevance. */
export function detectLanguage(code: string): { readonly language: string; readonly relevance: number } | undefined {
  const auto = hljs.highlightAuto(detectionSample(code), AUTO_DETECT);
  return auto.language === undefined ? undefined : { language: auto.language, relevance: auto.relevance };
}

/**
 * highlight.js's grammars try their patterns at every position of a line, and some scan to the end
 * of a word or a run of spaces from each: on a line of many thousands of characters the cost grows
 * with the square of its length (one 50,000-character line took 24 s to detect among 14 languages,
 * and up to 8 s to colour in one). Detection reads lines cut to DETECT_LINE characters (real code
 * is shorter, so its guess does not change); code with a line over LONG_LINE is drawn uncoloured.
 */
const DETECT_LINE = 400;
export const LONG_LINE = 2000;

/** The code as detection reads it: every line cut to DETECT_LINE characters. */
function detectionSample(code: string): string {
  if (!hasLineOver(code, DETECT_LINE)) return code;
  return code
    .split('\n')
    .map((line) => line.slice(0, DETECT_LINE))
    .join('\n');
}

/** Whether some line of `code` is longer than `limit` characters (a scan, no split). */
export function hasLineOver(code: string, limit: number): boolean {
  let start = 0;
  while (start <= code.length) {
    const end = code.indexOf('\n', start);
    const stop = end === -1 ? code.length : end;
    if (stop - start > limit) return true;
    start = stop + 1;
  }
  return false;
}

/** Code coloured in `language`, or escaped whole (drawn as plain text) when a line is too long to colour in linear time. */
function colour(code: string, language: string): string {
  return hasLineOver(code, LONG_LINE) ? escapeHtml(code) : hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

/**
 * Unnamed code that is plainly a shell session: every line a `$ ` prompt or an environment
 * assignment (`GORACE="…"`). Detection by relevance misses these short blocks.
 */
export function isShellSession(code: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => /^\s*\$ \S/.test(l) || /^[A-Z_][A-Z0-9_]*=\S/.test(l.trim()));
}

/** Names of the languages Lectern highlights. */
export function knownLanguages(): string[] {
  return hljs.listLanguages();
}
