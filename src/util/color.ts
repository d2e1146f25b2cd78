/**
 * sRGB colours as WCAG 2 measures them (relative luminance, contrast ratio), and the one
 * adjustment the print variants need: move a colour's lightness, keeping its hue, in OKLCH (a
 * perceptual space, so a darkened cyan still reads as cyan) until it has a given contrast.
 */

/** An sRGB colour, channels 0–255, alpha 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** WCAG 2 contrast for normal text (AA). */
export const TEXT_CONTRAST = 4.5;
/** WCAG 2 contrast for large text (24 px, or 18.66 px bold) and for graphics (AA). */
export const LARGE_CONTRAST = 3;

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()` (commas or spaces), `transparent`; else undefined. */
export function parseColor(text: string): Rgba | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex !== undefined) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const n = (i: number): number => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { r: n(0), g: n(1), b: n(2), a: full.length === 8 ? n(3) / 255 : 1 };
  }
  const fn = /^rgba?\(\s*([^)]*)\)$/.exec(value)?.[1];
  if (fn === undefined) return undefined;
  const parts = fn.split(/[\s,/]+/).filter((p) => p !== '');
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const channel = (p: string, max: number): number => (p.endsWith('%') ? (parseFloat(p) / 100) * max : parseFloat(p));
  const [r, g, b] = parts.slice(0, 3).map((p) => channel(p, 255)) as [number, number, number];
  const a = parts[3] === undefined ? 1 : channel(parts[3], 1);
  if ([r, g, b, a].some((v) => !Number.isFinite(v))) return undefined;
  return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a: clamp(a, 0, 1) };
}

/** `#rrggbb` (or `#rrggbbaa` when not opaque). */
export function toHex(c: Rgba): string {
  const h = (v: number): string => Math.round(clamp(v, 0, 255)).toString(16).padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}${c.a < 1 ? h(c.a * 255) : ''}`;
}

/** `over` drawn on `under` (alpha compositing; the result is opaque when `under` is). */
export function composite(over: Rgba, under: Rgba): Rgba {
  const a = over.a + under.a * (1 - over.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (o: number, u: number): number => (o * over.a + u * under.a * (1 - over.a)) / a;
  return { r: mix(over.r, under.r), g: mix(over.g, under.g), b: mix(over.b, under.b), a };
}

/** WCAG 2 relative luminance of an opaque colour (0 black … 1 white). */
export function luminance(c: Rgba): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2 contrast ratio of `fg` on `bg` (1–21); a translucent `fg` is first drawn on `bg`. */
export function contrast(fg: Rgba, bg: Rgba): number {
  const solidBg = bg.a < 1 ? composite(bg, { r: 255, g: 255, b: 255, a: 1 }) : bg;
  const solidFg = fg.a < 1 ? composite(fg, solidBg) : fg;
  const [a, b] = [luminance(solidFg), luminance(solidBg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** OKLCH lightness (0–1), chroma and hue (degrees) of a colour. */
export interface Oklch {
  readonly l: number;
  readonly c: number;
  readonly h: number;
}

/** sRGB → OKLCH (Björn Ottosson's OKLab, in polar form). */
export function toOklch(c: Rgba): Oklch {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin(c.r), lin(c.g), lin(c.b)];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const L = 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s;
  const A = 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s;
  const B = 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s;
  return { l: L, c: Math.hypot(A, B), h: (Math.atan2(B, A) * 180) / Math.PI };
}

/** OKLCH → sRGB, chroma reduced until the colour is inside sRGB (so its hue and lightness hold). */
export function fromOklch(o: Oklch, alpha = 1): Rgba {
  for (let c = o.c; ; c *= 0.9) {
    const rgb = oklchToLinear(o.l, c, o.h);
    const inside = rgb.every((v) => v >= -1e-4 && v <= 1 + 1e-4);
    if (inside || c < 1e-4) {
      const enc = (v: number): number => {
        const x = clamp(v, 0, 1);
        return 255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055);
      };
      return { r: enc(rgb[0]), g: enc(rgb[1]), b: enc(rgb[2]), a: alpha };
    }
  }
}

function oklchToLinear(L: number, C: number, h: number): [number, number, number] {
  const A = C * Math.cos((h * Math.PI) / 180);
  const B = C * Math.sin((h * Math.PI) / 180);
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/**
 * `fg` with its OKLCH lightness moved toward black (or white, on a dark `bg`) just far enough to
 * reach `target` contrast on `bg`; unchanged when it already has it. Hue is kept, chroma only as
 * far as sRGB allows. Rounded to whole channels, so the result is checked again after rounding.
 */
export function ensureContrast(fg: Rgba, bg: Rgba, target: number): Rgba {
  if (contrast(fg, bg) >= target) return fg;
  const o = toOklch(fg);
  const darken = luminance(bg) > 0.18;
  // Bisection on lightness between the colour and the extreme (black or white).
  let lo = darken ? 0 : o.l;
  let hi = darken ? o.l : 1;
  const passes = (l: number): boolean => contrast(round(fromOklch({ ...o, l }, fg.a)), bg) >= target;
  for (let i = 0; i < 24; i += 1) {
    const mid = (lo + hi) / 2;
    if (passes(mid) === darken) lo = mid;
    else hi = mid;
  }
  const l = darken ? lo : hi;
  const out = round(fromOklch({ ...o, l }, fg.a));
  return contrast(out, bg) >= target ? out : round(fromOklch({ ...o, l: darken ? 0 : 1 }, fg.a));
}

function round(c: Rgba): Rgba {
  return { r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b), a: c.a };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
