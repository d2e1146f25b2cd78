/**
 * Switching a deck open in a page between its theme's screen colours and its print variant: the
 * theme's colour variables are read as the page computed them (whatever stylesheet set them: a
 * built-in theme, a theme file of the user's own), the print variant is derived from them
 * (print-palette.ts), and written inline on <html> with the `lectern-print-colors` class, which
 * client/styles/print-colors.css reads for what themes draw without variables. Colours never change
 * the layout, so the print view needs no new measurement.
 */
import type { Page } from 'puppeteer-core';
import { derivePrintPalette, THEME_VARIABLE_PREFIXES } from './print-palette.js';

/** The class on <html> while the print variant is on. */
export const PRINT_COLORS_CLASS = 'lectern-print-colors';

/** Turn the print variant of the page's theme on or off. */
export async function setPrintColors(page: Page, on: boolean): Promise<void> {
  if (!on) {
    await page.evaluate(clearPrintColors, PRINT_COLORS_CLASS);
    return;
  }
  const vars = await page.evaluate(readThemeVariables, [...THEME_VARIABLE_PREFIXES]);
  await page.evaluate(applyPrintColors, derivePrintPalette(vars), PRINT_COLORS_CLASS);
}

/**
 * In the page: the theme's variables as computed on <html>, colours resolved to `rgb()`/`rgba()`
 * (a theme may write `oklch()`, names or `var()` chains; the canvas reads them all as sRGB).
 */
export function readThemeVariables(prefixes: readonly string[]): Record<string, string> {
  const style = getComputedStyle(document.documentElement);
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const out: Record<string, string> = {};
  for (let i = 0; i < style.length; i += 1) {
    const name = style.item(i);
    if (!name.startsWith('--') || !prefixes.some((p) => name.startsWith(p))) continue;
    const value = style.getPropertyValue(name).trim();
    out[name] = ctx !== null && CSS.supports('color', value) ? toRgb(ctx, value) : value;
  }
  return out;

  function toRgb(c: CanvasRenderingContext2D, colour: string): string {
    c.clearRect(0, 0, 1, 1);
    c.fillStyle = colour;
    c.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = Array.from(c.getImageData(0, 0, 1, 1).data) as [number, number, number, number];
    return a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
  }
}

/** In the page: write the print variant's variables on <html> and mark it. */
export function applyPrintColors(vars: Readonly<Record<string, string>>, className: string): void {
  const root = document.documentElement;
  const names: string[] = [];
  for (const [name, value] of Object.entries(vars)) {
    root.style.setProperty(name, value);
    names.push(name);
  }
  root.dataset['lecternPrintVars'] = names.join(' ');
  root.classList.add(className);
}

/** In the page: back to the theme's screen colours. */
export function clearPrintColors(className: string): void {
  const root = document.documentElement;
  for (const name of (root.dataset['lecternPrintVars'] ?? '').split(' ')) if (name !== '') root.style.removeProperty(name);
  delete root.dataset['lecternPrintVars'];
  root.classList.remove(className);
}
