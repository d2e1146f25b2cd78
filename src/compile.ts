/**
 * The one compile path of every command (build, pdf, check, dev): a loaded Source → Article → Deck
 * → HTML, as explicit steps over plain data. What the file system holds for an article (its images)
 * is read at the edge (load/images.ts) and passed in, so `compileArticle` is pure: the same source,
 * inputs and config give byte-identical HTML, whichever command asked.
 */
import { resolve } from 'node:path';
import { deckUrl, isThemeFile, resolveDeckOptions, resolveMultiplex, stylesheetList, type ResolvedConfig } from './config.js';
import type { Article, Deck, Diagnostic, FitHints, ImageFile, LoadedImages, RenderedDeck, Source } from './model.js';
import { loadImages, type ImageAccess } from './load/images.js';
import { loadStylesheets, NO_STYLES, type LoadedStyles, type StyleAccess, type StyleAsset, type StyleFile } from './load/stylesheets.js';
import { parseArticle } from './parse/index.js';
import { planDeck } from './plan/index.js';
import { imageRefs, rewriteImages } from './plan/images.js';
import type { FollowConfig } from './render/document.js';
import { renderDeck } from './render/index.js';
import { shareHead } from './render/share.js';
import { deckAssets, type RuntimeManifest } from './runtime/manifest.js';

/**
 * What a refused image's src becomes (load/images.ts refuses files outside the project), and a
 * remote picture's that could not be fetched: a scheme no renderer lets through (render/escape.ts),
 * so the slide shows the alt text and the page never asks for the file, or that host.
 */
const BLOCKED_SRC = 'lectern-blocked:';

/**
 * The deck's thumbnail for the index page: a PNG of the title slide taken in a browser (PDF builds,
 * and builds with a site URL, whose link previews need it), or an SVG card made without one.
 */
export type ThumbnailKind = 'png' | 'svg';

/** Everything a compile needs besides the article: plain data, read once by the caller. */
export interface CompileInputs {
  readonly config: ResolvedConfig;
  readonly runtime: RuntimeManifest;
  /** The article's images as the file-system edge found them (see load/images.ts). */
  readonly images: LoadedImages;
  /** The deck's own theme file and stylesheets as the edge read them (load/stylesheets.ts). Default none. */
  readonly styles?: LoadedStyles;
  readonly thumbnail: ThumbnailKind;
  /** From a browser measurement of an earlier plan (fit/): slides to plan tighter. */
  readonly hints?: FitHints;
  /** Served by `lectern present`: the page follows the talk through its relay. */
  readonly present?: boolean;
}

/** The files a deck's folder holds besides its page. */
export interface DeckFiles {
  /** Images to copy next to the page, under their hashed names. */
  readonly images: readonly ImageFile[];
  /** The author's theme file and stylesheets, written next to the page, and the files they name. */
  readonly styles: readonly StyleFile[];
  readonly styleAssets: readonly StyleAsset[];
  /** The thumbnail's file name (`thumbnail.png` or `thumbnail.svg`). */
  readonly thumbnail: string;
}

/** Everything made from one article. */
export interface CompiledDeck {
  readonly source: Source;
  readonly article: Article;
  readonly deck: Deck;
  readonly rendered: RenderedDeck;
  readonly files: DeckFiles;
  /** What it was compiled from, so a fit round can compile it again with hints (`recompile`). */
  readonly inputs: CompileInputs;
}

/** The file name of a deck's thumbnail. */
export function thumbnailName(kind: ThumbnailKind): string {
  return `thumbnail.${kind}`;
}

/** Built-in theme a theme file of the author's is linked after (its variables, code colours, sizes). */
const THEME_FILE_BASE = 'light';

/** Plan and render a parsed article for the site. Pure. */
export function compileArticle(source: Source, article: Article, inputs: CompileInputs): CompiledDeck {
  const { config } = inputs;
  const resolved = resolveDeckOptions(config, source.meta.raw, source.path, config.overrides);
  const options = isThemeFile(resolved.theme) ? { ...resolved, theme: THEME_FILE_BASE } : resolved;
  const styles = inputs.styles ?? NO_STYLES;
  const sizes = new Map<string, { width: number; height: number } | null>();
  for (const f of inputs.images.files) if (f.width !== undefined && f.height !== undefined) sizes.set(f.src, { width: f.width, height: f.height });
  // A missing or refused picture shows its alt text: the planner lays that out.
  for (const src of [...(inputs.images.missing ?? []), ...(inputs.images.blocked ?? [])]) sizes.set(src, null);
  const planned = planDeck(article, options, inputs.hints, { imageSizes: sizes, ...(config.siteUrl === undefined ? {} : { siteUrl: config.siteUrl }) });
  const names = new Map(inputs.images.files.map((f) => [f.src, f.name]));
  for (const src of inputs.images.blocked ?? []) names.set(src, BLOCKED_SRC);
  for (const src of inputs.images.unreachable ?? []) names.set(src, BLOCKED_SRC);
  let deck = rewriteImages(planned, names);
  const reserved = reservedSlugDiagnostic(deck.meta.slug, inputs.runtime, source.path);
  const found = [...inputs.images.diagnostics, ...styles.diagnostics, ...(reserved === undefined ? [] : [reserved])];
  if (found.length > 0) deck = { ...deck, diagnostics: [...deck.diagnostics, ...found] };
  const url = config.siteUrl === undefined ? undefined : deckUrl(config.siteUrl, deck.meta.slug);
  const thumbnail = thumbnailName(inputs.thumbnail);
  // Link previews read og:image only as an absolute URL: it is written with a site URL, and always
  // names the PNG, so the page is the same whichever build made it (with or without PDFs).
  const head = shareHead({
    title: deck.meta.title,
    ...(url === undefined ? {} : { url, image: new URL(thumbnailName('png'), url).href }),
    ...(deck.meta.description === undefined ? {} : { description: deck.meta.description }),
  });
  const multiplex = resolveMultiplex(config, source.meta.raw, source.path);
  const follow: FollowConfig | undefined =
    inputs.present === true || multiplex !== undefined
      ? { ...(inputs.present === true ? { lectern: true } : {}), ...(multiplex === undefined ? {} : { multiplex: { url: multiplex.url, id: multiplex.id } }) }
      : undefined;
  const runtimeAssets = deckAssets(inputs.runtime, deck.meta.theme, source.path);
  const assets = { ...runtimeAssets, styles: [...runtimeAssets.styles, ...styles.files.map((f) => f.name)] };
  const rendered = renderDeck(deck, { assets, head, ...(config.notes === false ? { notes: false } : {}), ...(follow === undefined ? {} : { follow }) });
  const images = uniqueByName(inputs.images.files);
  return { source, article, deck, rendered, files: { images, thumbnail, styles: styles.files, styleAssets: styles.assets }, inputs };
}

/** The same article compiled again with fit hints (a measured fit round). Pure. */
export function recompile(compiled: CompiledDeck, hints: FitHints): CompiledDeck {
  return compileArticle(compiled.source, compiled.article, { ...compiled.inputs, hints });
}

/**
 * Parse an article, read the images and stylesheets it references (the file-system steps), and
 * compile it. `cwd` is the folder `source.path` is relative to (default: process.cwd()).
 */
export async function compileSource(source: Source, inputs: Omit<CompileInputs, 'images' | 'styles'>, cwd?: string): Promise<CompiledDeck> {
  const article = parseArticle(source);
  const images = await loadImages(imageRefs(article), source.path, { ...imageAccess(inputs.config), ...(cwd === undefined ? {} : { cwd }) });
  const styles = await loadStylesheets(resolveDeckOptions(inputs.config, source.meta.raw, source.path, inputs.config.overrides), source.path, styleAccess(inputs.config, cwd));
  return compileArticle(source, article, { ...inputs, images, styles });
}

/** Where the stylesheet edge may read: the project, allowed folders, and any stylesheet the config or flags name. */
export function styleAccess(config: Pick<ResolvedConfig, 'allowDirs' | 'theme' | 'css' | 'overrides'>, cwd?: string): StyleAccess {
  const named = [config.theme, config.overrides.theme, ...stylesheetList(config.css), ...stylesheetList(config.overrides.css)];
  const trusted = named.filter((p): p is string => typeof p === 'string' && isThemeFile(p));
  return { allowDirs: config.allowDirs, trusted, ...(cwd === undefined ? {} : { cwd }) };
}

/** How the image edge reads what the config says: the folders it may read, remote pictures fetched into the cache or linked. */
export function imageAccess(config: Pick<ResolvedConfig, 'allowDirs' | 'fetch' | 'cacheDir'>): ImageAccess {
  return { allowDirs: config.allowDirs, remote: { fetch: config.fetch, cacheDir: resolve(config.cacheDir) } };
}

/**
 * A deck folder named like a folder of the site's own (`assets/`, the shared runtime) would be
 * written into it: an error, so the build refuses it and the dev server shows why.
 */
export function reservedSlugDiagnostic(slug: string, runtime: RuntimeManifest, file: string): Diagnostic | undefined {
  const reserved = new Set(['assets', ...runtime.files.map((f) => f.split('/')[0] ?? '')]);
  if (!reserved.has(slug)) return undefined;
  return {
    severity: 'error',
    code: 'slug-reserved',
    message: `the deck would be written to "${slug}/", a folder Lectern keeps for the site's shared runtime`,
    file,
    hint: 'give the article another `slug:` in its front matter, or rename the file',
  };
}

/** Two sources naming one file (`a.png`, `./a.png`) are one copy. */
function uniqueByName(files: readonly ImageFile[]): ImageFile[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.name) && seen.add(f.name));
}
