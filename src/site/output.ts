/**
 * A site as data: every file it holds, by its path inside the output folder, with its content or
 * the file it is copied from. The build assembles it from the compiled decks (pure), adds the PDFs
 * and thumbnails the browser made, and hands the whole of it to site/write.ts at the end — so a
 * build that fails anywhere has written nothing.
 */
import { join } from 'node:path';
import type { CompiledDeck } from '../compile.js';
import { LecternError } from '../errors.js';
import { siteRuntimeFiles, type RuntimeManifest } from '../runtime/manifest.js';
import { RUNTIME_DIR } from '../runtime/paths.js';
import { renderIndexPage, type IndexEntry } from './index-page.js';
import { readingViewOf } from './reading-view.js';
import { placeholderThumbnail } from './thumbnails.js';

/** One file of a site: bytes (or text) to write, or a file to copy. */
export type OutputFile = { readonly data: string | Uint8Array } | { readonly copy: string };

/** Path inside the site (`eventlet/index.html`, `/`-separated) → file. */
export type SiteOutput = ReadonlyMap<string, OutputFile>;

/** Where a deck's reading view is written, inside its folder (the deck page's `R` key opens it). */
export const READING_VIEW_FILE = 'read/index.html';

/** The files of one deck's folder: its page, its reading view, images and (without a browser) its SVG thumbnail. */
export function deckOutput(compiled: CompiledDeck): Map<string, OutputFile> {
  const dir = compiled.rendered.slug;
  const out = new Map<string, OutputFile>([
    [`${dir}/index.html`, { data: compiled.rendered.html }],
    [`${dir}/${READING_VIEW_FILE}`, { data: readingViewOf(compiled) }],
  ]);
  for (const image of compiled.files.images) out.set(`${dir}/${image.name}`, { copy: image.from });
  for (const style of compiled.files.styles) out.set(`${dir}/${style.name}`, { data: style.css });
  for (const asset of compiled.files.styleAssets) out.set(`${dir}/${asset.name}`, { copy: asset.from });
  if (compiled.files.thumbnail.endsWith('.svg')) {
    out.set(`${dir}/${compiled.files.thumbnail}`, { data: placeholderThumbnail(compiled.deck.meta.title, compiled.rendered.slideCount) });
  }
  return out;
}

/**
 * The shared runtime under `assets/` (every deck page links it). The diagram renderer (mermaid,
 * some megabytes) is left out unless a deck of the site draws a diagram (`diagrams`); default: kept.
 */
export function runtimeOutput(runtime: RuntimeManifest, needs: { readonly diagrams: boolean; readonly math?: boolean } = { diagrams: true }): Map<string, OutputFile> {
  return new Map(siteRuntimeFiles(runtime, needs).map((file) => [file, { copy: join(RUNTIME_DIR, file) }]));
}

/** True when a compiled deck draws a diagram (its page then loads the diagram renderer). */
export function drawsDiagrams(compiled: CompiledDeck): boolean {
  return compiled.deck.stacks.some((stack) => stack.some((slide) => slide.parts.some((p) => p.type === 'diagram')));
}

/** Whether a deck shows math (KaTeX's output is all KaTeX marks: render/document.ts links its stylesheet so). */
export function showsMath(compiled: CompiledDeck): boolean {
  return compiled.rendered.html.includes('class="katex');
}

/** The index page listing `entries`. */
export function indexOutput(entries: readonly IndexEntry[]): Map<string, OutputFile> {
  return new Map([['index.html', { data: renderIndexPage(entries) }]]);
}

/** One site from several parts; a later part wins for the same path. */
export function mergeOutput(...parts: readonly SiteOutput[]): Map<string, OutputFile> {
  const out = new Map<string, OutputFile>();
  for (const part of parts) for (const [path, file] of part) out.set(path, file);
  return out;
}

/** Two articles must not be written to one folder: a LecternError naming both (before anything is written). */
export function checkSlugs(compiled: readonly CompiledDeck[]): void {
  const seen = new Map<string, string>();
  for (const c of compiled) {
    const other = seen.get(c.rendered.slug);
    if (other !== undefined) {
      throw new LecternError('input-unsupported', `two articles would both be written to "${c.rendered.slug}/": ${other} and ${c.source.path}`, {
        file: c.source.path,
        hint: 'give one of them a different `slug:` in its front matter',
      });
    }
    seen.set(c.rendered.slug, c.source.path);
  }
}
