/**
 * TeX math in Markdown, as the sites that render it read it (pandoc's `tex_math_dollars`, kramdown,
 * GitHub, MathJax's defaults):
 * - display: a `$$…$$`, `\[…\]` or `\begin{align}…\end{align}` block on lines of its own;
 * - inline: `$…$` (the opening `$` followed by a non-space, the closing one preceded by a non-space
 *   and not followed by a digit, so `$5 and $10` stays prices), `\(…\)`, and kramdown's `$$…$$`
 *   inside a paragraph. `\(…\)`/`\[…\]` count only when they hold something TeX-like: `\[1\]` is
 *   an escaped bracket, `\(x\)` a variable.
 * Code spans and code blocks are lexed before any of this, so a `$` in code is never math.
 */
import type { TokenizerExtension, TokenizerThis, Tokens } from 'marked';
import { firstMatch } from './lexer-memo.js';

/** A display formula block. */
export type MathBlockToken = { type: 'lectern-math'; raw: string; tex: string };

/** An inline formula. */
export type MathInlineToken = { type: 'lectern-math-inline'; raw: string; tex: string; display: boolean };

/** Environments MathJax and KaTeX typeset without delimiters. */
const ENVIRONMENTS = 'equation|align|alignat|gather|multline|eqnarray|flalign|split|gathered|aligned|CD';

const DISPLAY_BLOCKS: readonly RegExp[] = [
  /^ {0,3}\$\$((?:(?!\n[ \t]*\n)[\s\S])+?)\$\$[ \t]*(?:\n|$)/,
  /^ {0,3}\\\[((?:(?!\n[ \t]*\n)[\s\S])+?)\\\][ \t]*(?:\n|$)/,
  new RegExp(`^ {0,3}(\\\\begin\\{(${ENVIRONMENTS})\\*?\\}(?:(?!\\n[ \\t]*\\n)[\\s\\S])+?\\\\end\\{\\2\\*?\\})[ \\t]*(?:\\n|$)`),
];

function mathBlock(src: string): MathBlockToken | undefined {
  for (const re of DISPLAY_BLOCKS) {
    const match = re.exec(src);
    const tex = match?.[1]?.trim();
    if (match !== null && tex !== undefined && tex !== '') return { type: 'lectern-math', raw: match[0], tex };
  }
  return undefined;
}

/**
 * Where display math starts a line, so the paragraph before it ends there (as on GitHub); only
 * where the block really is display math, so `$$x$$ and more` stays one paragraph.
 */
const BLOCK_OPENER = /\n {0,3}(?:\$\$|\\\[|\\begin\{)/;
const INLINE_OPENER = /\$|\\[([]/;

function blockStart(this: TokenizerThis, src: string): number | undefined {
  // Most articles hold no display math: ask the lexer's memo first, so that the start of every
  // paragraph does not scan the rest of the article again (quadratic, see parse/lexer-memo.ts).
  if (!/^ {0,3}(?:\$\$|\\\[|\\begin\{)/.test(src) && firstMatch(this.lexer, BLOCK_OPENER, src) === -1) return undefined;
  for (const match of src.matchAll(/(?:^|\n)(?= {0,3}(?:\$\$|\\\[|\\begin\{))/g)) {
    const at = match.index + match[0].length;
    if (mathBlock(src.slice(at)) !== undefined) return at;
  }
  return undefined;
}

/** Display math on lines of its own (`$$ … $$`, `\[ … \]`, `\begin{align} … \end{align}`). */
export const mathBlockExtension: TokenizerExtension = { name: 'lecternMath', level: 'block', start: blockStart, tokenizer: mathBlock };

/** What `\(…\)` or `\[…\]` must hold to be math, not escaped punctuation: a TeX mark or a lone letter. */
const TEX_LIKE = /[\\^_{}=+<>]|^\s*[A-Za-z]\s*$|\d\s*[-*/]\s*\d/;

const NO_BLANK = '(?:(?!\\n[ \\t]*\\n)[\\s\\S])';
const INLINE_FORMS: readonly { re: RegExp; display: boolean; check?: boolean }[] = [
  { re: new RegExp(`^\\$\\$(?!\\$)(${NO_BLANK}+?)\\$\\$`), display: false },
  { re: new RegExp(`^\\\\\\((${NO_BLANK}+?)\\\\\\)`), display: false, check: true },
  { re: new RegExp(`^\\\\\\[(${NO_BLANK}+?)\\\\\\]`), display: true, check: true },
  // `$x$`: no space inside either `$`, no digit right after the closing one, `\$` stays a dollar.
  { re: /^\$(?![\s$])((?:\\[\s\S]|[^\\$\n]|\n(?![ \t]*\n))+?)(?<![\s\\])\$(?!\d)/, display: false },
];

function mathInline(src: string): MathInlineToken | undefined {
  for (const form of INLINE_FORMS) {
    const match = form.re.exec(src);
    const tex = match?.[1]?.trim();
    if (match === null || tex === undefined || tex === '') continue;
    if (form.check === true && !TEX_LIKE.test(tex)) continue;
    return { type: 'lectern-math-inline', raw: match[0], tex, display: form.display };
  }
  return undefined;
}

function inlineStart(this: TokenizerThis, src: string): number | undefined {
  const at = firstMatch(this.lexer, INLINE_OPENER, src);
  return at === -1 ? undefined : at;
}

/** Inline math (`$…$`, `\(…\)`, `\[…\]`, kramdown's `$$…$$`). */
export const mathInlineExtension: TokenizerExtension = {
  name: 'lecternMathInline',
  level: 'inline',
  start: inlineStart,
  tokenizer(this: TokenizerThis, src: string): Tokens.Generic | undefined {
    return mathInline(src);
  },
};

/** A piece of text: plain, or a formula. */
export type TexPiece = { readonly text: string } | { readonly tex: string; readonly display: boolean };

const DELIMITED = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|\$\$([\s\S]+?)\$\$/g;

/**
 * Formulas in HTML text, as MathJax's defaults find them on a page: `\(…\)`, `\[…\]` and `$$…$$`
 * (a single `$` is not a delimiter there: pages are full of prices).
 */
export function splitTexDelimiters(text: string): TexPiece[] {
  if (!text.includes('\\(') && !text.includes('\\[') && !text.includes('$$')) return [{ text }];
  const pieces: TexPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(DELIMITED)) {
    const tex = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (tex === '' || (m[3] === undefined && !TEX_LIKE.test(tex))) continue;
    if (m.index > last) pieces.push({ text: text.slice(last, m.index) });
    pieces.push({ tex, display: m[1] === undefined });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}
