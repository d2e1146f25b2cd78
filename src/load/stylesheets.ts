/**
 * The file-system edge for an author's own look: a theme file (`theme: ./my-theme.css`) and extra
 * stylesheets (`css:`), read once per build. Each is copied beside the deck page under a
 * content-hashed name; the fonts and pictures it names by relative `url(…)` are copied with it
 * (hashed names too) and the stylesheet rewritten to name the copies, so the deck still asks no
 * other host for anything. A `url()` to another host or an `@import` is left as written, with a
 * warning (the deck would ask that host, or miss the imported file).
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { isThemeFile, stylesheetList, type ResolvedDeckOptions } from '../config.js';
import type { Diagnostic } from '../model.js';
import { hashedName } from './images.js';
import { projectRoots, refusal } from './project-root.js';

/** Where stylesheets may be read from (as images: load/project-root.ts). */
export interface StyleAccess {
  /** Folders besides the article's project (`--allow-dir`, config `allowDirs`), relative to `cwd`. */
  readonly allowDirs?: readonly string[];
  /** Folder relative paths start from. Default: process.cwd(). */
  readonly cwd?: string;
  /**
   * Paths the user named in the config or on the command line (not the article): they may lie
   * anywhere, and the files their `url()`s name may lie beside them.
   */
  readonly trusted?: readonly string[];
}

/** A stylesheet of the author's as it will be written beside the deck. */
export interface StyleFile {
  /** The path as the config or front matter resolved it (from the working folder). */
  readonly path: string;
  /** `<stem>-<8 hex>.css`: the name of its copy next to the deck page. */
  readonly name: string;
  /** Its text, with `url()`s rewritten to the copies below. */
  readonly css: string;
  /** `theme`: linked in place of a built-in theme's extras; `css`: after the theme. */
  readonly role: 'theme' | 'css';
}

/** A file a stylesheet names (a font, a picture), copied beside the deck. */
export interface StyleAsset {
  readonly from: string;
  readonly name: string;
}

/** What the edge found of a deck's own stylesheets. */
export interface LoadedStyles {
  /** In link order: the theme file first, then `css` in the order given. */
  readonly files: readonly StyleFile[];
  readonly assets: readonly StyleAsset[];
  readonly diagnostics: readonly Diagnostic[];
}

/** No stylesheets of the author's. */
export const NO_STYLES: LoadedStyles = { files: [], assets: [], diagnostics: [] };

/**
 * Read the theme file and `css` files a deck's options name (paths from `cwd`); a missing one is an
 * error. A stylesheet the article names, and every file a stylesheet's `url()` names, must lie in
 * the article's project (or an allowed folder), as its pictures must: else a warning, and it is
 * not copied.
 */
export async function loadStylesheets(options: Pick<ResolvedDeckOptions, 'theme' | 'css'>, articleFile: string, access: StyleAccess = {}): Promise<LoadedStyles> {
  const cwd = access.cwd ?? process.cwd();
  const wanted: { path: string; role: StyleFile['role'] }[] = [];
  if (isThemeFile(options.theme)) wanted.push({ path: options.theme, role: 'theme' });
  for (const path of stylesheetList(options.css, articleFile)) wanted.push({ path, role: 'css' });
  if (wanted.length === 0) return NO_STYLES;
  const files: StyleFile[] = [];
  const assets: StyleAsset[] = [];
  const diagnostics: Diagnostic[] = [];
  const project = await projectRoots(articleFile, access.allowDirs, cwd);
  const trusted = new Set((access.trusted ?? []).map((p) => resolve(cwd, p)));
  for (const { path, role } of wanted) {
    const file = resolve(cwd, path);
    const real = await realpath(file).catch(() => file);
    const roots = trusted.has(file) ? [...project, dirname(real)] : project;
    if (refusal(real, roots) !== undefined) {
      diagnostics.push(warning('css-outside-project', `${role === 'theme' ? 'theme file' : 'stylesheet'} "${path}" is outside the article's project (${real}): it was not linked`, articleFile, 'move it into the project, name it in lectern.config.* instead of the front matter, or allow its folder with --allow-dir DIR'));
      continue;
    }
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'css-missing',
        message: `${role === 'theme' ? 'theme file' : 'stylesheet'} "${path}" not found (looked for ${file})`,
        file: articleFile,
        hint: 'paths in front matter are relative to the article, paths in the config file or flags to the working folder',
      });
      continue;
    }
    const rewritten = await rewriteUrls(text, file, articleFile, roots, assets, diagnostics);
    files.push({ path, role, css: rewritten, name: hashedName(`${basename(file, extname(file))}.css`, Buffer.from(rewritten)) });
  }
  return { files, assets: unique(assets), diagnostics };
}

/** `url(x)` with a relative x → the hashed name of x's copy; remote URLs and `@import` warned about. */
async function rewriteUrls(css: string, cssFile: string, articleFile: string, roots: readonly string[], assets: StyleAsset[], diagnostics: Diagnostic[]): Promise<string> {
  const where = `${basename(cssFile)}`;
  if (/@import\b/i.test(css)) diagnostics.push(warning('css-import', `${where} uses @import, which Lectern does not follow: the imported file is not copied`, articleFile, 'paste the imported rules into the file, or list each file under `css:`'));
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)];
  const names = new Map<string, string>();
  for (const match of urls) {
    const url = match[2]!.trim();
    if (names.has(url) || url.startsWith('data:') || url.startsWith('#')) continue;
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
      diagnostics.push(warning('css-remote-url', `${where} names ${url}: the deck would ask another host for it`, articleFile, 'download the file next to the stylesheet and name it by a relative path'));
      continue;
    }
    const from = await realpath(resolve(dirname(cssFile), safeDecode(url.split(/[?#]/, 1)[0] ?? url))).catch(() => undefined);
    if (from !== undefined && refusal(from, roots) !== undefined) {
      diagnostics.push(warning('css-outside-project', `${where} names "${url}", outside the article's project (${from}): it was not copied`, articleFile, 'keep the files a stylesheet names inside the project, or allow their folder with --allow-dir DIR'));
      continue;
    }
    const bytes = from === undefined ? undefined : await readFile(from).catch(() => undefined);
    if (from === undefined || bytes === undefined) {
      diagnostics.push(warning('css-asset-missing', `${where} names "${url}", which is not there`, articleFile, 'fix the path in the stylesheet (relative to the stylesheet itself)'));
      continue;
    }
    const name = hashedName(from, bytes);
    names.set(url, name);
    assets.push({ from, name });
  }
  if (names.size === 0) return css;
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi, (whole, _q: string, url: string) => {
    const name = names.get(url.trim());
    return name === undefined ? whole : `url("${name}")`;
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function warning(code: string, message: string, file: string, hint: string): Diagnostic {
  return { severity: 'warning', code, message, file, hint };
}

function unique(assets: readonly StyleAsset[]): StyleAsset[] {
  const seen = new Set<string>();
  return assets.filter((a) => !seen.has(a.name) && seen.add(a.name));
}
