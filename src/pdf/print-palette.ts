/**
 * A theme's print variant, derived from its variables (so a theme of the user's own gets one too):
 * the slide background becomes paper white; panels (code, table heads, callouts) become a light
 * tint of their hue; every colour drawn on them keeps its hue and its place between the theme's
 * background and text, mirrored onto paper (a dark theme's light-grey text becomes near-black, its
 * cyan links a deep cyan), and is then darkened just enough to reach WCAG AA (4.5:1) on every
 * surface it is drawn on. A light theme keeps its colours (only its background becomes white and
 * any colour under AA is darkened). Pure: the caller reads the variables from the page.
 */
import { composite, contrast, ensureContrast, fromOklch, luminance, parseColor, TEXT_CONTRAST, toHex, toOklch, type Rgba } from '../util/color.js';

/** The prefixes of the variables a theme sets (reveal.js's, Lectern's, highlight.js tokens). */
export const THEME_VARIABLE_PREFIXES = ['--r-', '--lectern-', '--hl-'] as const;

const PAPER: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** Panels that text is drawn on, besides the slide background. */
const TEXT_PANELS = ['--lectern-callout-bg', '--lectern-table-head-bg'] as const;

/** Variables left as the theme has them: pairs that carry their own contrast, or not about print. */
const KEPT = /^--(r-selection-|r-overlay-|lectern-nav-|lectern-gradient-)/;

/** How a variable is used, from its name. */
type Role = 'paper' | 'panel' | 'tint' | 'line' | 'code-text' | 'text';

function roleOf(name: string): Role | undefined {
  if (KEPT.test(name)) return undefined;
  if (name === '--r-background-color') return 'paper';
  if (/^--hl-.*-bg$/.test(name)) return 'tint';
  if (/(-bg|background)(-|$)/.test(name)) return 'panel';
  if (/(border|rule|shadow|outline)/.test(name)) return 'line';
  if (name.startsWith('--hl-') || name === '--lectern-code-fg') return 'code-text';
  return 'text';
}

/**
 * The print variant of a theme: `vars` maps variable names to their values as the page computed
 * them (colours as `rgb()`/hex; other values as written). Returns the variables to override, as
 * CSS values; variables that are not colours (sizes, fonts, gradients) are left out.
 */
export function derivePrintPalette(vars: Readonly<Record<string, string>>): Record<string, string> {
  const colour = (name: string): Rgba | undefined => {
    const value = vars[name];
    return value === undefined ? undefined : parseColor(value);
  };
  const screenBg = opaque(colour('--r-background-color') ?? PAPER);
  const screenCodeBg = opaque(colour('--lectern-code-bg') ?? screenBg, screenBg);
  const dark = luminance(screenBg) <= 0.18;
  const out: Record<string, string> = { '--r-background-color': '#ffffff' };
  const panels = new Map<string, Rgba>();
  // Panels first: the text colours are checked against them.
  for (const [name, value] of Object.entries(vars)) {
    const role = roleOf(name);
    const c = parseColor(value);
    if ((role !== 'panel' && role !== 'tint') || c === undefined) continue;
    const printed = role === 'tint' ? tint(c, 0.95, 0.06) : panel(opaque(c, screenBg));
    panels.set(name, printed);
    out[name] = toHex(printed);
  }
  const codePanel = panels.get('--lectern-code-bg') ?? PAPER;
  const textPanels = [PAPER, ...TEXT_PANELS.map((p) => panels.get(p)).filter((p): p is Rgba => p !== undefined)];
  for (const [name, value] of Object.entries(vars)) {
    const role = roleOf(name);
    if (role === undefined || role === 'paper' || role === 'panel' || role === 'tint') continue;
    if (role === 'line') {
      const replaced = mapColours(value, (c) => toHex(mirror(c, screenBg, dark)));
      if (replaced !== value) out[name] = replaced;
      continue;
    }
    const c = parseColor(value);
    if (c === undefined) continue;
    if (role === 'code-text') {
      // Diff tokens sit on their own tint; everything else on the code panel.
      const under = name === '--hl-addition' || name === '--hl-deletion' ? [codePanel, panels.get(`${name}-bg`) ?? codePanel] : [codePanel];
      out[name] = toHex(readable(mirror(c, screenCodeBg, dark), under));
    } else {
      out[name] = toHex(readable(mirror(c, screenBg, dark), textPanels));
    }
  }
  return out;
}

/**
 * A colour of a dark theme moved onto paper: its lightness's place between the theme's background
 * (0) and white (1) becomes the same place between paper (1) and near-black (0.2); hue and chroma
 * kept. Coloured (not grey) ones stop at a mid lightness, where their hue still shows: a dark
 * theme's pale yellow string and pale cyan title must stay yellow and cyan, not both turn black.
 * Colours of a light theme are returned as they are.
 */
export function mirror(c: Rgba, screenBg: Rgba, dark: boolean): Rgba {
  if (!dark) return c;
  const o = toOklch(opaque(c, screenBg));
  const bgL = toOklch(screenBg).l;
  const t = Math.min(1, Math.max(0, (o.l - bgL) / Math.max(1e-6, 1 - bgL)));
  const l = 1 - 0.8 * t;
  return fromOklch({ ...o, l: o.c >= CHROMATIC ? Math.max(l, CHROMATIC_LIGHTNESS) : l });
}

/** OKLCH chroma from which a colour counts as coloured rather than grey. */
const CHROMATIC = 0.04;
/** The darkest a coloured token is mirrored to (AA is then checked and reached by darkening). */
const CHROMATIC_LIGHTNESS = 0.45;

/** A light panel in the hue of a theme's panel: kept when already light, else a pale tint of it. */
function panel(c: Rgba): Rgba {
  return luminance(c) > 0.6 ? c : tint(c, 0.965, 0.012);
}

function tint(c: Rgba, l: number, maxChroma: number): Rgba {
  const o = toOklch(opaque(c));
  const out = fromOklch({ l, c: Math.min(o.c, maxChroma), h: o.h });
  return { r: Math.round(out.r), g: Math.round(out.g), b: Math.round(out.b), a: 1 };
}

/** Darkened (hue kept) until it reaches AA text contrast on every one of `surfaces`. */
function readable(c: Rgba, surfaces: readonly Rgba[]): Rgba {
  let out = { ...c, a: 1 };
  // Each pass only darkens (all surfaces are light), so the last one keeps the earlier ones met.
  for (const s of [...surfaces].sort((a, b) => luminance(a) - luminance(b))) out = ensureContrast(out, s, TEXT_CONTRAST);
  return surfaces.every((s) => contrast(out, s) >= TEXT_CONTRAST) ? out : ensureContrast(out, surfaces[0] ?? PAPER, TEXT_CONTRAST);
}

function opaque(c: Rgba, under: Rgba = PAPER): Rgba {
  return c.a >= 1 ? c : composite(c, opaque(under));
}

/** Every hex or rgb() colour inside a value (a border shorthand, say) replaced by `fn` of it. */
function mapColours(value: string, fn: (c: Rgba) => string): string {
  return value.replace(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g, (token) => {
    const c = parseColor(token);
    return c === undefined ? token : fn(c);
  });
}
