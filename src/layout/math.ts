/**
 * The size of a KaTeX formula, estimated from its TeX (KaTeX is not run by the planner, and its
 * fonts are not the deck's): the TeX becomes a proxy string of about the glyphs KaTeX draws —
 * commands as one symbol, `\frac{a}{b}` as its wider part, `\text{…}` as its words, spaces around
 * relations and operators — measured in the deck's text font at KaTeX's size (1.21em); a display
 * formula's height counts its stacked levels (fractions, limits, matrix and aligned rows).
 * Accuracy on the test formulas (tests/fixtures/formats/content/math.md measured in Chromium):
 * see the README ("Math") — widths within about 25 %, heights within about 20 %; the runtime's
 * fit pass and `lectern check` catch the rest.
 */
import type { Box } from './flow.js';
import type { Flow } from './geometry.js';
import { breakLines } from './lines.js';
import { inlineRuns } from './runs.js';
import { KATEX_EM, texProxy } from './tex.js';

/** How many levels a display formula stacks: fractions in each other, big operators with limits, rows. */
function displayRows(tex: string): number {
  let depth = 0;
  let deepest = 0;
  // Fractions nest: \frac{\frac{a}{b}}{c} is three levels of text tall.
  for (const m of tex.matchAll(/\\[dt]?frac|\\binom|\{|\}/g)) {
    if (m[0] === '{' || m[0] === '}') continue;
    depth++;
    deepest = Math.max(deepest, depth);
  }
  depth = deepest === 0 ? 0 : Math.min(deepest, 3);
  const limits = /\\(?:sum|prod|int|oint|lim|bigcup|bigcap|coprod|max|min|sup|inf)\b[^\\]*[_^]/.test(tex) ? 1 : 0;
  const rows = (tex.match(/\\\\(?!\w)/g)?.length ?? 0) + 1;
  const perRow = 1 + Math.max(depth * 0.9, limits * 0.9);
  return rows * perRow;
}

/** A display formula (`.lectern-math > .katex-display`: 1em margins, centred) in a flow. */
export function measureDisplayMath(tex: string, flow: Flow): Box {
  const px = flow.px * KATEX_EM;
  const runs = inlineRuns([{ type: 'text', text: texProxy(tex) }], { ...flow.inline, px, italic: true });
  const width = breakLines(runs, Infinity).widest;
  const rows = displayRows(tex);
  // KaTeX's line box: 1.2 × its size per level; the display's own margins are 1em of the text.
  const height = rows * 1.2 * px + 2 * flow.px;
  return { height, width, lines: Math.ceil(rows) };
}
