/**
 * Configuration, as in Vite: `UserConfig` (everything optional) → `ResolvedConfig` (every default
 * filled, read-only), resolved once. Precedence: defaults < lectern.config.* < front matter < CLI flags.
 */
import { parseDuration } from './duration.js';
import { dirname, isAbsolute, join } from 'node:path';
import { LecternError } from './errors.js';

/** Options that shape one deck; front matter can set them under a `lectern:` key (or top level for theme). */
export interface DeckOptions {
  /**
   * Theme name (`light`, `dark`, `eventlet`), or the path of a theme file of your own (`./my-theme.css`:
   * it is linked after the `light` theme, so it sets only the variables it changes). Front matter
   * paths are relative to the article, config and flag paths to the working folder. Default `light`.
   */
  theme?: string;
  /**
   * Stylesheets of your own, linked after the theme (`css: ./talk.css` in front matter, or a list):
   * copied beside the deck with hashed names, with the fonts and pictures they name. Default none.
   */
  css?: string | readonly string[];
  /** `stacked` puts h3 slides beneath their h2 (reveal.js vertical slides); `flat` lines them up. Default `stacked`. */
  layout?: 'stacked' | 'flat';
  /** Slide width in CSS pixels. Default 1280. */
  width?: number;
  /** Slide height in CSS pixels. Default 720. */
  height?: number;
  /** Most key points on one slide before it is continued. Default 5. */
  maxPoints?: number;
  /** Most words on screen on one slide before it is continued. Default 70. */
  maxWords?: number;
  /** Most code lines on one slide before the code is split. Default 22. */
  maxCodeLines?: number;
  /** Paragraphs of at most this many words may become a statement slide. Default 8. */
  statementWords?: number;
  /**
   * Render the article's raw HTML (embeds) as written instead of sanitized: only for articles you
   * trust (`--unsafe-html`, or `lectern: { unsafeHtml: true }` in front matter). Default false.
   */
  unsafeHtml?: boolean;
  /** Speaking pace of the notes, in words a minute: each slide's `data-timing` and the talk's length. Default 130. */
  wordsPerMinute?: number;
  /**
   * The talk's time slot (`--duration`, front matter `duration:`): minutes as a number, or `20m`,
   * `1h30m`, `45:00`. When the estimated talk is longer, slides move to backup slides after the
   * closing slide (README, Pacing). Default none.
   */
  duration?: number | string;
}

/** Paper sizes a handout can be printed on. */
export type Paper = 'a4' | 'letter';

/** How slides and notes share a handout page. */
export type HandoutLayout = 'flow' | 'notes' | '3up';

/** The handout layouts, in the order the help lists them. */
export const HANDOUT_LAYOUTS = ['flow', 'notes', '3up'] as const satisfies readonly HandoutLayout[];

/** How the slides of a handout are coloured: the theme's light print variant, or as projected. */
export type HandoutColors = 'print' | 'screen';

/** How the PDFs are made (`lectern build --pdf`, `lectern pdf`). */
export interface PdfConfig {
  /** Handout paper: `a4` or `letter` (`--paper`). Default `a4`. */
  paper?: Paper;
  /**
   * Handout layout (`--handout-layout`): `flow` (each slide with its notes beneath, as many a page
   * as fit), `notes` (one slide a page, its notes beneath) or `3up` (three slides a page, notes
   * beside). Default `flow`.
   */
  handoutLayout?: HandoutLayout;
  /** Handout slides in the theme's light print variant (`print`) or as projected (`screen`) (`--handout-colors`). Default `print`. */
  handoutColors?: HandoutColors;
  /** Slides PDF in the theme's light print variant instead of its screen colours (`--print-colors`). Default false. */
  printColors?: boolean;
  /** Slides PDF: one page per fragment step (`--steps`). Default false. */
  steps?: boolean;
}

/** How the browser is found, and how long a deck may take in it. */
export interface BrowserConfig {
  /** Browser executable (`--browser`); else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, the usual install paths. */
  path?: string;
  /** Seconds a deck may take to load, measure and print before Lectern gives up (`--timeout`). Default 30. */
  timeout?: number;
}

/** Seconds of BrowserConfig.timeout when none is given: the one place this default is written. */
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** What a user may write in `lectern.config.*` or pass as flags. */
export interface UserConfig extends DeckOptions {
  /** Output folder. Default `dist`. */
  outDir?: string;
  /** Treat warnings as errors. Default false. */
  strict?: boolean;
  /** Public base path of the site (`/talks/`). Default `/`. */
  base?: string;
  /** Public URL of the site (an absolute http(s) URL), for canonical links, og:url and QR codes. Default none. */
  siteUrl?: string;
  /**
   * Folders besides an article's project that its images may be read from (`--allow-dir`),
   * relative to the working folder. Default none: an article reads only files of its own folder
   * and of the site it belongs to (see README, Security).
   */
  allowDirs?: readonly string[];
  /** Deck options that win over every article's front matter (the CLI's --theme, --layout). */
  overrides?: DeckOptions;
  /** PDF settings. */
  pdf?: PdfConfig;
  /** Browser settings (PDFs, thumbnails, `lectern check`). */
  browser?: BrowserConfig;
  /** A reveal.js multiplex relay the hosted decks follow (front matter `lectern: { multiplex: … }` wins). Default none. */
  multiplex?: MultiplexConfig;
  /**
   * Publish the speaker notes (`--no-notes` sets false): when false, no page, handout or reading
   * view of the site holds them. Default true.
   */
  notes?: boolean;
  /**
   * Fetch pictures an article references by http(s) URL at build time and copy them beside the
   * deck, so it works offline; false links the remote URL instead (`--no-fetch`). Default true.
   */
  fetch?: boolean;
  /** Folder of Lectern's cache (fetched pictures), relative to the working folder. Default `node_modules/.cache/lectern`. */
  cacheDir?: string;
}

/**
 * A reveal.js multiplex relay (a socket.io server such as `reveal-multiplex`): audience pages of the
 * built site follow the presentation `id`; a page holding `secret` drives it. The secret is never
 * written into a built page: `lectern present` gives it to the speaker page alone (or the speaker
 * opens the hosted deck with `?secret=…`).
 */
export interface MultiplexConfig {
  /** The relay's URL (`https://reveal-multiplex.example.org/`). */
  url: string;
  /** The presentation's id (the relay's `socketId`: sha256 of the secret, hex). */
  id: string;
  /** The speaker's secret (from the relay's `/token`). */
  secret?: string;
}

/** PdfConfig with every default filled. */
export type ResolvedPdfConfig = Readonly<Required<PdfConfig>>;

/** BrowserConfig with the default filled (the timeout in milliseconds). */
export interface ResolvedBrowserConfig {
  readonly path?: string;
  readonly timeoutMs: number;
}

/** DeckOptions with every default filled; the time slot in seconds (0: none). */
export type ResolvedDeckOptions = Readonly<Required<Omit<DeckOptions, 'duration'>>> & { readonly duration: number };

/** UserConfig with every default filled. */
export interface ResolvedConfig extends ResolvedDeckOptions {
  readonly outDir: string;
  readonly strict: boolean;
  readonly base: string;
  readonly siteUrl?: string;
  readonly allowDirs: readonly string[];
  readonly overrides: Readonly<DeckOptions>;
  readonly pdf: ResolvedPdfConfig;
  readonly browser: ResolvedBrowserConfig;
  readonly notes: boolean;
  readonly multiplex?: Readonly<MultiplexConfig>;
  readonly fetch: boolean;
  readonly cacheDir: string;
}

/** The defaults of PdfConfig. */
export const DEFAULT_PDF_CONFIG: ResolvedPdfConfig = { paper: 'a4', handoutLayout: 'flow', handoutColors: 'print', printColors: false, steps: false };

/** The defaults, documented on DeckOptions/UserConfig. */
export const DEFAULT_DECK_OPTIONS: ResolvedDeckOptions = {
  theme: 'light',
  layout: 'stacked',
  width: 1280,
  height: 720,
  maxPoints: 5,
  maxWords: 70,
  maxCodeLines: 22,
  statementWords: 8,
  unsafeHtml: false,
  wordsPerMinute: 130,
  duration: 0,
  css: [],
};

/** The default of UserConfig.cacheDir. */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/lectern';

/** The public URL of a deck: `<siteUrl>/<slug>/` (siteUrl may lack its trailing slash). */
export function deckUrl(siteUrl: string, slug: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return new URL(`${encodeURIComponent(slug)}/`, base).href;
}

/** A config file's default export: the config, or a function (sync or async) that returns it. */
export type UserConfigExport = UserConfig | (() => UserConfig | Promise<UserConfig>);

/**
 * Identity helper that gives a config file type checking, as Vite's does:
 * `export default defineConfig({ theme: 'dark' })` in `lectern.config.ts`.
 */
export function defineConfig(config: UserConfig): UserConfig;
export function defineConfig(config: () => UserConfig | Promise<UserConfig>): () => UserConfig | Promise<UserConfig>;
export function defineConfig(config: UserConfigExport): UserConfigExport {
  return config;
}

/** Fill defaults into a user config (later layers win; `pdf` and `browser` merge key by key). */
export function resolveConfig(...layers: readonly UserConfig[]): ResolvedConfig {
  const merged: UserConfig = {};
  const pdf: PdfConfig = {};
  const browser: BrowserConfig = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      if (key === 'pdf') Object.assign(pdf, stripUndefined(value as PdfConfig));
      else if (key === 'browser') Object.assign(browser, stripUndefined(value as BrowserConfig));
      else (merged as Record<string, unknown>)[key] = value;
    }
  }
  const { pdf: _pdf, browser: _browser, ...rest } = merged;
  const resolved: ResolvedConfig = {
    ...DEFAULT_DECK_OPTIONS,
    ...stripUndefined(rest),
    duration: resolveDuration(rest.duration),
    outDir: merged.outDir ?? 'dist',
    strict: merged.strict ?? false,
    base: normalizeBase(merged.base ?? '/'),
    allowDirs: resolveAllowDirs(merged.allowDirs),
    overrides: merged.overrides ?? {},
    pdf: resolvePdf(pdf),
    browser: resolveBrowser(browser),
    notes: merged.notes ?? true,
    fetch: merged.fetch ?? true,
    cacheDir: merged.cacheDir ?? DEFAULT_CACHE_DIR,
  };
  if (typeof resolved.fetch !== 'boolean') invalid(`fetch must be true or false, not ${show(resolved.fetch)}`);
  if (typeof resolved.cacheDir !== 'string' || resolved.cacheDir === '') invalid(`cacheDir must be a folder, not ${show(resolved.cacheDir)}`);
  if (typeof resolved.notes !== 'boolean') invalid(`notes must be true or false, not ${show(resolved.notes)}`);
  validateDeckOptions(resolved);
  if (resolved.siteUrl !== undefined) validateSiteUrl(resolved.siteUrl);
  if (resolved.multiplex !== undefined) checkMultiplex(resolved.multiplex, 'multiplex');
  return resolved;
}

/**
 * The multiplex relay of one deck: its front matter's (`lectern: { multiplex: … }` or a top-level
 * `multiplex:`) over the config's; `false` in front matter turns it off for that deck.
 */
export function resolveMultiplex(config: { readonly multiplex?: Readonly<MultiplexConfig> }, raw: Readonly<Record<string, unknown>>, file?: string): Readonly<MultiplexConfig> | undefined {
  const block = raw['lectern'];
  const lectern = block !== null && typeof block === 'object' ? (block as Record<string, unknown>) : {};
  const value = lectern['multiplex'] ?? raw['multiplex'];
  if (value === false) return undefined;
  if (value === undefined || value === null) return config.multiplex;
  return checkMultiplex(value, 'multiplex', file);
}

function checkMultiplex(value: unknown, key: string, file?: string): MultiplexConfig {
  const where = file === undefined ? {} : { file };
  const fail = (why: string): never => {
    throw new LecternError('config-invalid', `${key} ${why}`, { ...where, hint: 'multiplex: { url: https://relay.example.org/, id: <socketId>, secret: <secret> } (the relay\'s /token gives id and secret)' });
  };
  if (typeof value !== 'object' || value === null) return fail(`must be an object with url and id, not ${show(value)}`);
  const r = value as Record<string, unknown>;
  let url: URL | undefined;
  try {
    url = typeof r['url'] === 'string' ? new URL(r['url']) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || !['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return fail(`.url must be an absolute http(s) URL, not ${show(r['url'])}`);
  if (typeof r['id'] !== 'string' || !/^[\w-]{1,200}$/.test(r['id'])) return fail(`.id must be the relay's id for this talk, not ${show(r['id'])}`);
  if (r['secret'] !== undefined && (typeof r['secret'] !== 'string' || r['secret'] === '')) return fail(`.secret must be text, not ${show(r['secret'])}`);
  return { url: url.href, id: r['id'], ...(typeof r['secret'] === 'string' ? { secret: r['secret'] } : {}) };
}

function resolveAllowDirs(dirs: unknown): readonly string[] {
  if (dirs === undefined) return [];
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  if (!Array.isArray(list) || !list.every((d) => typeof d === 'string' && d !== '')) invalid(`allowDirs must be a list of folders, not ${show(dirs)}`);
  return [...(list as string[])];
}

function validateSiteUrl(url: unknown): void {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    invalid(`siteUrl must be an absolute http(s) URL such as https://example.org/talks/, not ${show(url)}`);
  }
}

function resolvePdf(pdf: PdfConfig): ResolvedPdfConfig {
  const resolved = { ...DEFAULT_PDF_CONFIG, ...pdf };
  if (resolved.paper !== 'a4' && resolved.paper !== 'letter') invalid(`pdf.paper must be a4 or letter, not ${show(resolved.paper)}`);
  if (!(HANDOUT_LAYOUTS as readonly unknown[]).includes(resolved.handoutLayout)) invalid(`pdf.handoutLayout must be flow, notes or 3up, not ${show(resolved.handoutLayout)}`);
  if (resolved.handoutColors !== 'print' && resolved.handoutColors !== 'screen') invalid(`pdf.handoutColors must be print or screen, not ${show(resolved.handoutColors)}`);
  if (typeof resolved.printColors !== 'boolean') invalid(`pdf.printColors must be true or false, not ${show(resolved.printColors)}`);
  if (typeof resolved.steps !== 'boolean') invalid(`pdf.steps must be true or false, not ${show(resolved.steps)}`);
  return resolved;
}

function resolveBrowser(browser: BrowserConfig): ResolvedBrowserConfig {
  const seconds = browser.timeout ?? DEFAULT_TIMEOUT_SECONDS;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) invalid(`browser.timeout must be a number of seconds, not ${show(browser.timeout)}`);
  if (browser.path !== undefined && typeof browser.path !== 'string') invalid(`browser.path must be a file path, not ${show(browser.path)}`);
  return { timeoutMs: seconds * 1000, ...(browser.path === undefined ? {} : { path: browser.path }) };
}

function invalid(message: string): never {
  throw new LecternError('config-invalid', message);
}

/** The deck options of a config, overridden by what an article's front matter says. */
export function resolveDeckOptions(
  config: ResolvedDeckOptions,
  raw: Readonly<Record<string, unknown>>,
  file?: string,
  overrides: Readonly<DeckOptions> = {},
): ResolvedDeckOptions {
  const fromMeta: DeckOptions = {};
  const block = raw['lectern'];
  const lectern = block !== null && typeof block === 'object' ? (block as Record<string, unknown>) : {};
  // `theme:`, `css:` and `duration:` may also stand at the top level of the front matter.
  const pick = (key: keyof DeckOptions): unknown => lectern[key] ?? (key === 'theme' || key === 'css' || key === 'duration' ? raw[key] : undefined);
  for (const key of Object.keys(DEFAULT_DECK_OPTIONS) as (keyof DeckOptions)[]) {
    const value = pick(key);
    if (value !== undefined) (fromMeta as Record<string, unknown>)[key] = value;
  }
  // A stylesheet the front matter names is relative to the article, as its pictures are.
  if (file !== undefined) {
    if (typeof fromMeta.theme === 'string' && isThemeFile(fromMeta.theme)) fromMeta.theme = besideFile(file, fromMeta.theme);
    if (fromMeta.css !== undefined) fromMeta.css = stylesheetList(fromMeta.css, file).map((css) => besideFile(file, css));
  }
  // A bad value here comes from the article's front matter, which opens on line 1 (its own lines are not kept).
  const where = file === undefined ? {} : { file, line: 1 };
  // The config's slot is already in seconds; the front matter's and the flags' are as written.
  const slot = overrides.duration ?? fromMeta.duration;
  const duration = slot === undefined ? config.duration : resolveDuration(slot, where);
  const options: ResolvedDeckOptions = { ...pickDeckOptions(config), ...fromMeta, ...stripUndefined(overrides), duration };
  validateDeckOptions(options, where);
  return options;
}

/** A time slot (minutes, `20m`, `1h30m`, `45:00`, or seconds already resolved) as seconds; 0 for none. */
function resolveDuration(value: unknown, where: { file?: string } = {}): number {
  if (value === undefined || value === 0) return 0;
  const seconds = parseDuration(value);
  if (seconds === undefined) throw new LecternError('config-invalid', `duration must be a time such as 20m, 1h30m or 45:00, not ${show(value)}`, where);
  return seconds;
}

function validateDeckOptions(options: ResolvedDeckOptions, where: { file?: string; line?: number } = {}): void {
  if (options.layout !== 'stacked' && options.layout !== 'flat') {
    throw new LecternError('config-invalid', `layout must be "stacked" or "flat", not ${show(options.layout)}`, where);
  }
  for (const key of ['width', 'height', 'maxPoints', 'maxWords', 'maxCodeLines', 'statementWords', 'wordsPerMinute'] as const) {
    const value = options[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new LecternError('config-invalid', `${key} must be a positive number, not ${show(value)}`, where);
    }
  }
  if (typeof options.unsafeHtml !== 'boolean') {
    throw new LecternError('config-invalid', `unsafeHtml must be true or false, not ${show(options.unsafeHtml)}`, where);
  }
  if (typeof options.theme !== 'string' || !(/^[a-z0-9-]+$/.test(options.theme) || isThemeFile(options.theme))) {
    throw new LecternError('config-invalid', `theme must be a theme name or the path of a .css file, not ${show(options.theme)}`, where);
  }
  stylesheetList(options.css, where.file);
}

/** True for a `theme` that names a stylesheet file of the author's (`./my-theme.css`) rather than a built-in theme. */
export function isThemeFile(theme: string): boolean {
  return /\.css$/i.test(theme.trim());
}

/** The `css` option as a list of paths (a single path, a list, or none); config-invalid otherwise. */
export function stylesheetList(css: unknown, file?: string): string[] {
  if (css === undefined || css === null) return [];
  const list = typeof css === 'string' ? [css] : css;
  if (!Array.isArray(list) || !list.every((c) => typeof c === 'string' && /\.css$/i.test(c.trim()))) {
    throw new LecternError('config-invalid', `css must be the path of a .css file or a list of them, not ${show(css)}`, file === undefined ? {} : { file });
  }
  return list.map((c: string) => c.trim());
}

/** A path written in an article's front matter, as a path from the working folder. */
function besideFile(file: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(file), path);
}

function pickDeckOptions(config: ResolvedDeckOptions): ResolvedDeckOptions {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_DECK_OPTIONS)) out[key] = (config as unknown as Record<string, unknown>)[key];
  return out as unknown as ResolvedDeckOptions;
}

function normalizeBase(base: string): string {
  let b = base.trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

function stripUndefined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A value as a message quotes it: JSON, except numbers JSON cannot write (NaN, Infinity). */
function show(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
}
