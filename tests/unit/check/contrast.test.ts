/**
 * Every built-in theme's colours, computed from its stylesheet: text, links, muted text, callouts,
 * buttons and every highlight.js token colour against the surface each is drawn on, at WCAG AA
 * (4.5:1; 3:1 for what is only drawn large). The same for the theme's print variant (the palette
 * the handout and --print-colors use), derived as the PDF export derives it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePrintPalette } from '../../../src/pdf/print-palette.js';
import { contrast, LARGE_CONTRAST, parseColor, TEXT_CONTRAST, type Rgba } from '../../../src/util/color.js';

const THEMES_DIR = new URL('../../../themes/', import.meta.url);
const DEFAULTS = new URL('../../../src/client/styles/variables.css', import.meta.url);

/** The custom properties a stylesheet sets on :root, comments removed. */
function variablesOf(file: URL): Record<string, string> {
  const css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Record<string, string> = {};
  for (const block of css.matchAll(/:root\s*\{([^}]*)\}/g)) {
    for (const m of (block[1] ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[m[1] as string] = (m[2] as string).trim();
  }
  return out;
}

/** A theme's variables over the defaults, `var()` resolved. */
function themeVariables(theme: string): Record<string, string> {
  const vars = { ...variablesOf(DEFAULTS), ...variablesOf(new URL(`${theme}.css`, THEMES_DIR)) };
  for (let pass = 0; pass < 6; pass += 1) {
    for (const [k, v] of Object.entries(vars)) vars[k] = v.replace(/var\((--[\w-]+)(?:,\s*([^)]*))?\)/g, (_, name: string, fallback?: string) => vars[name] ?? fallback ?? '');
  }
  return vars;
}

const THEMES = readdirSync(THEMES_DIR)
  .filter((f) => f.endsWith('.css') && !f.startsWith('_'))
  .map((f) => f.replace(/\.css$/, ''))
  .sort();

/** Every colour stop in a value (a plain colour or a gradient). */
function colours(value: string | undefined): Rgba[] {
  if (value === undefined) return [];
  const one = parseColor(value);
  if (one !== undefined) return [one];
  return Array.from(value.matchAll(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g), (m) => parseColor(m[0])).filter((c): c is Rgba => c !== undefined);
}

interface Pair {
  readonly fg: string;
  readonly bg: string;
  readonly min: number;
}

/** What is drawn on what (the variable names), and the contrast it needs. */
function pairs(vars: Record<string, string>): Pair[] {
  const out: Pair[] = [];
  const text = ['--r-main-color', '--r-heading-color', '--r-link-color', '--lectern-muted', '--lectern-accent', '--lectern-callout-note', '--lectern-callout-tip', '--lectern-callout-warning', '--lectern-callout-danger'];
  for (const fg of text) for (const bg of ['--r-background-color', '--lectern-callout-bg']) out.push({ fg, bg, min: TEXT_CONTRAST });
  for (const fg of ['--r-main-color', '--r-heading-color']) out.push({ fg, bg: '--lectern-table-head-bg', min: TEXT_CONTRAST });
  // Statement slides draw their one sentence large (≥ 48 px bold).
  out.push({ fg: '--lectern-statement-color', bg: '--r-background-color', min: LARGE_CONTRAST });
  out.push({ fg: '--lectern-nav-prev-fg', bg: '--lectern-nav-prev-bg', min: TEXT_CONTRAST });
  out.push({ fg: '--lectern-nav-next-fg', bg: '--lectern-nav-next-bg', min: TEXT_CONTRAST });
  out.push({ fg: '--lectern-code-fg', bg: '--lectern-code-bg', min: TEXT_CONTRAST });
  for (const name of Object.keys(vars)) {
    if (!name.startsWith('--hl-') || name.endsWith('-bg')) continue;
    out.push({ fg: name, bg: '--lectern-code-bg', min: TEXT_CONTRAST });
    if (vars[`${name}-bg`] !== undefined) out.push({ fg: name, bg: `${name}-bg`, min: TEXT_CONTRAST });
  }
  return out;
}

/** The pairs under their minimum, as `fg on bg: ratio`. */
function failures(vars: Record<string, string>): string[] {
  const bad: string[] = [];
  for (const p of pairs(vars)) {
    const fgs = colours(vars[p.fg]);
    const bgs = colours(vars[p.bg]);
    if (fgs.length === 0 || bgs.length === 0) continue;
    for (const fg of fgs) {
      for (const bg of bgs) {
        const ratio = contrast(fg, bg.a < 1 ? { ...bg, a: 1 } : bg);
        if (ratio < p.min) bad.push(`${p.fg} ${vars[p.fg]} on ${p.bg} ${vars[p.bg]}: ${ratio.toFixed(2)} < ${p.min}`);
      }
    }
  }
  return bad;
}

describe('theme contrast', () => {
  it('finds the built-in themes', () => {
    expect(THEMES).toEqual(expect.arrayContaining(['dark', 'eventlet', 'light']));
  });

  for (const theme of THEMES) {
    it(`${theme}: every text and code-token colour reaches AA on its background`, () => {
      const vars = themeVariables(theme);
      expect(pairs(vars).length).toBeGreaterThan(25);
      expect(failures(vars)).toEqual([]);
    });

    it(`${theme} (print variant): every text and code-token colour reaches AA on paper and its panels`, () => {
      const screen = themeVariables(theme);
      const print = { ...screen, ...derivePrintPalette(screen) };
      expect(print['--r-background-color']).toBe('#ffffff');
      expect(failures(print)).toEqual([]);
    });
  }
});
