/** A TeX formula as about the glyphs KaTeX draws for it, for measuring (math.ts explains the estimate). */

/** KaTeX's font size relative to the text around it (`.katex { font-size: 1.21em }`). */
export const KATEX_EM = 1.21;

/** Commands that draw nothing (spacing, sizing, styles): they add no glyph of their own. */
const SILENT = /^(?:left|right|big|Big|bigg|Bigg|bigl|bigr|Bigl|Bigr|displaystyle|textstyle|scriptstyle|limits|nolimits|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|boldsymbol|operatorname|text|textbf|textit|mbox|hbox|begin|end|label|tag|nonumber|notag|quad|qquad|hfill)$/;

/** Approximately the characters KaTeX draws for `tex`, on one line. */
export function texProxy(tex: string): string {
  let s = tex;
  // \frac{a}{b} (and \dfrac, \tfrac, \binom): as wide as its wider part. Innermost first.
  const frac = /\\(?:[dt]?frac|binom|dbinom|tbinom)\s*\{([^{}]*)\}\s*\{([^{}]*)\}/;
  for (let m = frac.exec(s), n = 0; m !== null && n < 200; m = frac.exec(s), n++) {
    const [a, b] = [m[1] ?? '', m[2] ?? ''];
    s = s.slice(0, m.index) + (a.length >= b.length ? a : b) + s.slice(m.index + m[0].length);
  }
  return s
    .replace(/\\(?:quad|qquad)/g, '  ')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\([A-Za-z]+)\*?/g, (_m, name: string) => (SILENT.test(name) ? '' : 'x'))
    .replace(/\\./g, 'x')
    .replace(/&|\\\\/g, ' ')
    .replace(/[{}^_]/g, '')
    .replace(/\s*([=<>+−-]|\\le|\\ge)\s*/g, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}
