/**
 * The deck runtime as a deck page sees it: the manifest of the built files, and the links a deck
 * page of a site writes to them. Pure (the manifest is read from disk by runtime/index.ts).
 */
import { LecternError } from '../errors.js';
import type { RuntimeAssets } from '../model.js';

/** The built runtime as `runtime/lectern-runtime.json` records it; every path is relative to runtime/. */
export interface RuntimeManifest {
  /** Hash of everything the runtime is built from; a different hash means a rebuild. */
  readonly inputsHash: string;
  /** The script and stylesheets every deck page links (`assets/deck-<hash>.js`, …). */
  readonly deck: { readonly js: string; readonly css: readonly string[] };
  /** Theme name → its stylesheet (`assets/theme-<name>-<hash>.css`). */
  readonly themes: Readonly<Record<string, string>>;
  /** KaTeX's stylesheet (its woff2 fonts beside it), linked only by decks that have math. */
  readonly math?: { readonly css: readonly string[]; readonly files?: readonly string[] };
  /** Every file of the runtime (scripts, stylesheets, fonts), each under `assets/`. */
  readonly files: readonly string[];
  /**
   * The files of `files` that only the diagram renderer loads (mermaid and its chunks): a site
   * copies them only when one of its decks draws a diagram. Absent in manifests of older builds.
   */
  readonly diagrams?: readonly string[];
}

/** The runtime files a site needs: all of them, less the diagram renderer and KaTeX when no deck uses them. */
export function siteRuntimeFiles(manifest: RuntimeManifest, needs: { readonly diagrams: boolean; readonly math?: boolean }): readonly string[] {
  const optional = new Set([...(needs.diagrams ? [] : (manifest.diagrams ?? [])), ...(needs.math === false ? (manifest.math?.files ?? []) : [])]);
  return optional.size === 0 ? manifest.files : manifest.files.filter((f) => !optional.has(f));
}

/** The stylesheet of `theme` (a path relative to runtime/); LecternError `theme-unknown` otherwise. */
export function themeStylesheet(manifest: RuntimeManifest, theme: string, file?: string): string {
  const css = manifest.themes[theme];
  if (css === undefined) {
    throw new LecternError('theme-unknown', `unknown theme "${theme}"`, {
      ...(file === undefined ? {} : { file }),
      hint: `available themes: ${Object.keys(manifest.themes).sort().join(', ')}`,
    });
  }
  return css;
}

/** The runtime files a deck page links, relative to `<out>/<slug>/index.html`. */
export function deckAssets(runtime: RuntimeManifest, theme: string, file?: string): RuntimeAssets {
  const themeCss = themeStylesheet(runtime, theme, file);
  return {
    styles: [...runtime.deck.css, themeCss].map((f) => `../${f}`),
    scripts: [`../${runtime.deck.js}`],
    mathStyles: (runtime.math?.css ?? []).map((f) => `../${f}`),
  };
}
