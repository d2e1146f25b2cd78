/**
 * The file-system side of Jekyll sites. The site of an article is found by walking up from its
 * folder as Jekyll's layout has it: the first folder with a `_config.yml` is the site; the walk
 * stops at a repository's root (a folder holding `.git`) or the file-system root. The site's
 * `_config.yml`, `_data/` and `_includes/` are then read once for all its articles, within limits
 * (a data folder of a thousand files is not a talk), symbolic links left out as Jekyll's safe mode
 * does. Nothing is read for an article outside a site, and the YAML reader loads only for one.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { Diagnostic } from '../model.js';
import type { JekyllSite } from './jekyll-data.js';

/** Bounds on what is read from one site. */
export const SITE_LIMITS = { files: 2_000, fileBytes: 2_000_000, totalBytes: 32_000_000, depth: 8 } as const;

/** Folders already looked at and sites already read, shared by the articles of one load. */
export interface SiteCache {
  readonly roots: Map<string, Promise<string | undefined>>;
  readonly sites: Map<string, Promise<JekyllSite>>;
}

/** An empty cache. */
export function createSiteCache(): SiteCache {
  return { roots: new Map(), sites: new Map() };
}

/** The Jekyll site of the article at `file` (absolute), or undefined; `display` shows a path in messages. */
export async function loadJekyllSite(file: string, cache: SiteCache, display: (path: string) => string): Promise<JekyllSite | undefined> {
  const root = await findSiteRoot(dirname(file), cache);
  if (root === undefined) return undefined;
  let site = cache.sites.get(root);
  if (site === undefined) {
    site = readSite(root, display);
    cache.sites.set(root, site);
  }
  return site;
}

/** The first folder from `folder` up that holds `_config.yml`, stopping at a `.git` folder or the root. */
export async function findSiteRoot(folder: string, cache: SiteCache): Promise<string | undefined> {
  let found = cache.roots.get(folder);
  if (found === undefined) {
    found = (async () => {
      if (await configFile(folder)) return folder;
      const parent = dirname(folder);
      if (parent === folder || (await exists(join(folder, '.git')))) return undefined;
      return findSiteRoot(parent, cache);
    })();
    cache.roots.set(folder, found);
  }
  return found;
}

async function configFile(folder: string): Promise<string | undefined> {
  for (const name of ['_config.yml', '_config.yaml']) if (await isFile(join(folder, name))) return join(folder, name);
  return undefined;
}

/** Read a site's config, data and includes; what cannot be read is a warning, never an error. */
async function readSite(root: string, display: (path: string) => string): Promise<JekyllSite> {
  const { insertData, parseDataFile, parseSiteYaml } = await import('./jekyll-data.js');
  const budget = { files: SITE_LIMITS.files, bytes: SITE_LIMITS.totalBytes };
  const diagnostics: Diagnostic[] = [];
  let config: Record<string, unknown> = {};
  const configPath = (await configFile(root)) as string;
  const configText = await readText(configPath, budget, display, diagnostics);
  if (configText !== undefined) {
    const parsed = parseSiteYaml(configText, display(configPath));
    if ('diagnostic' in parsed) diagnostics.push(parsed.diagnostic);
    else if (isTable(parsed.value)) config = parsed.value;
  }
  const data: Record<string, unknown> = {};
  const dataFiles = await listFiles(join(root, '_data'), budget, display, diagnostics);
  for (const path of dataFiles.filter((p) => /\.(?:ya?ml|json|csv|tsv)$/i.test(p.at(-1) ?? ''))) {
    const text = await readText(join(root, '_data', ...path), budget, display, diagnostics);
    if (text === undefined) continue;
    const parsed = parseDataFile(text, display(join(root, '_data', ...path)));
    if ('diagnostic' in parsed) diagnostics.push(parsed.diagnostic);
    else insertData(data, [...path.slice(0, -1), stripExtension(path.at(-1) as string)], parsed.value);
  }
  const includes: Record<string, string> = {};
  for (const path of await listFiles(join(root, '_includes'), budget, display, diagnostics)) {
    const text = await readText(join(root, '_includes', ...path), budget, display, diagnostics);
    if (text !== undefined) includes[path.join('/')] = text;
  }
  return { root, config, data, includes, diagnostics };
}

/** Files under `folder` as path segments, sorted, hidden names and symbolic links left out. */
async function listFiles(folder: string, budget: { files: number }, display: (p: string) => string, diagnostics: Diagnostic[], depth = 0): Promise<string[][]> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[][] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.isSymbolicLink()) continue;
    if (entry.isDirectory() && depth < SITE_LIMITS.depth) {
      const inner = await listFiles(join(folder, entry.name), budget, display, diagnostics, depth + 1);
      out.push(...inner.map((p) => [entry.name, ...p]));
    } else if (entry.isFile()) {
      if (budget.files <= 0) {
        diagnostics.push(limitWarning(display(folder), `more than ${SITE_LIMITS.files} files`));
        return out;
      }
      budget.files -= 1;
      out.push([entry.name]);
    }
  }
  return out;
}

/** A file's UTF-8 text, or undefined (with a warning) when it is too big or cannot be read. */
async function readText(file: string, budget: { bytes: number }, display: (p: string) => string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    const size = (await stat(file)).size;
    if (size > SITE_LIMITS.fileBytes || size > budget.bytes) {
      diagnostics.push(limitWarning(display(file), size > SITE_LIMITS.fileBytes ? `larger than ${SITE_LIMITS.fileBytes} bytes` : 'over the size read for one site'));
      return undefined;
    }
    budget.bytes -= size;
    return new TextDecoder('utf-8').decode(await readFile(file));
  } catch (err) {
    diagnostics.push({ severity: 'warning', code: 'site-data-invalid', message: `cannot read ${display(file)}: ${err instanceof Error ? err.message : String(err)}`, file: display(file) });
    return undefined;
  }
}

function limitWarning(file: string, what: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'site-too-large',
    message: `${file}: not read, ${what}`,
    file,
    hint: 'Lectern reads a bounded part of a site; Liquid reads what was left out as missing',
  };
}

function stripExtension(name: string): string {
  return name.slice(0, name.length - extname(name).length);
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
