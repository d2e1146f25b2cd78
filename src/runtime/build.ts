/**
 * Building the deck runtime with Vite, once (not per `lectern build`): the client entry `deck`
 * (reveal.js + plugins + fonts + base layout) and one stylesheet entry per theme, content-hashed
 * under runtime/assets/. Vite writes into a private temporary folder first and the files are then
 * moved into place one by one, so two processes building at once (parallel test files) never see
 * a half-emptied runtime/; the manifest is written last, atomically.
 */
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LecternError } from '../errors.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { hashRuntimeInputs } from './hash.js';
import type { RuntimeManifest } from './manifest.js';
import { CLIENT_DIR, MANIFEST_FILE, PACKAGE_ROOT, RUNTIME_DIR, THEMES_DIR, listThemes } from './paths.js';

/** One entry of Vite's `.vite/manifest.json` (only the fields used here). */
interface ViteManifestEntry {
  readonly file: string;
  readonly src?: string;
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

/** KaTeX's stylesheet: a separate entry, linked only by decks that have math. */
const KATEX_CSS = join(dirname(createRequire(import.meta.url).resolve('katex')), 'katex.min.css');

/**
 * Every browser the deck runtime targets reads woff2: KaTeX's woff and ttf fallbacks are dropped
 * from its `@font-face` rules, so the runtime ships 20 font files rather than 60.
 */
const katexWoff2Only = {
  name: 'lectern:katex-woff2',
  enforce: 'pre' as const,
  transform(code: string, id: string): string | undefined {
    if (!id.endsWith('katex.min.css')) return undefined;
    return code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '');
  },
};

/** Build runtime/ from src/client and themes/ with Vite, and write runtime/lectern-runtime.json. */
export async function buildRuntime(): Promise<RuntimeManifest> {
  const inputsHash = await hashRuntimeInputs();
  const themes = await listThemes();
  const tmp = join(RUNTIME_DIR, `.build-${randomBytes(6).toString('hex')}`);
  try {
    await runVite(tmp, themes);
    const manifest = await readViteOutput(tmp, themes, inputsHash);
    await installFiles(tmp, manifest.files);
    await writeFileAtomic(join(RUNTIME_DIR, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await pruneStaleAssets(manifest.files);
    return manifest;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function runVite(outDir: string, themes: readonly string[]): Promise<void> {
  const input: Record<string, string> = { deck: join(CLIENT_DIR, 'deck.ts'), katex: KATEX_CSS };
  for (const theme of themes) input[`theme-${theme}`] = join(THEMES_DIR, `${theme}.css`);
  const { build } = await import('vite');
  try {
    await build({
      configFile: false,
      root: PACKAGE_ROOT,
      base: './',
      publicDir: false,
      logLevel: 'warn',
      plugins: [katexWoff2Only],
      build: {
        outDir,
        emptyOutDir: true,
        manifest: true,
        assetsDir: 'assets',
        // Fonts stay woff2 files (no data: URIs in the CSS), and no preload polyfill: one entry script.
        assetsInlineLimit: 0,
        modulePreload: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input,
          output: {
            // `[name]-[hash]`, never a leading `_` (GitHub Pages' Jekyll drops such files).
            entryFileNames: 'assets/[name]-[hash].js',
            chunkFileNames: 'assets/[name]-[hash].js',
            assetFileNames: 'assets/[name]-[hash][extname]',
          },
        },
      },
    });
  } catch (cause) {
    throw new LecternError('runtime-missing', `could not build the deck runtime: ${(cause as Error).message}`, {
      hint: 'run `npx tsx scripts/build-runtime.ts` to see the full Vite error; check src/client/ and themes/',
      cause,
    });
  }
}

/** Turn Vite's manifest into Lectern's, listing every emitted file under assets/. */
async function readViteOutput(outDir: string, themes: readonly string[], inputsHash: string): Promise<RuntimeManifest> {
  const vite = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ViteManifestEntry>;
  const entry = (source: string): ViteManifestEntry => {
    const found = vite[source];
    if (found === undefined) throw new LecternError('runtime-missing', `the runtime build emitted no output for ${source}`);
    return found;
  };
  const deck = entry('src/client/deck.ts');
  const themeFiles: Record<string, string> = {};
  for (const theme of themes) themeFiles[theme] = entry(`themes/${theme}.css`).file;
  const katex = Object.values(vite).find((e) => e.src?.endsWith('katex/dist/katex.min.css'));
  if (katex === undefined) throw new LecternError('runtime-missing', 'the runtime build emitted no output for KaTeX\'s stylesheet');
  const files = (await listTree(join(outDir, 'assets'))).map((f) => `assets/${f}`).sort();
  // Everything the deck loads without the renderer — its other lazy chunks too (the speaker view's
  // notes, the follow code of a presented talk), which a chunk of the renderer that imports the deck
  // entry (Vite's preload helper lives there) would otherwise drag into the renderer's list.
  const lazy = (vite['src/client/deck.ts']?.dynamicImports ?? []).filter((key) => key !== 'src/client/diagrams.ts');
  const always = closure(vite, ['src/client/deck.ts', ...lazy], false);
  // The diagram renderer and everything only it loads: copied into a site only when a deck draws a diagram.
  const diagrams = [...closure(vite, ['src/client/diagrams.ts'], true)].filter((f) => !always.has(f) && files.includes(f)).sort();
  // KaTeX's stylesheet and its fonts (Vite keeps their names, KaTeX_*): copied only when a deck shows math.
  const math = [katex.file, ...files.filter((f) => /^assets\/KaTeX_/.test(f))].sort();
  return { inputsHash, deck: { js: deck.file, css: [...(deck.css ?? [])] }, themes: themeFiles, math: { css: [katex.file], files: math }, files, diagrams };
}

/** The files the `roots` entries load: static imports, and dynamic ones too when `dynamic`. */
function closure(vite: Record<string, ViteManifestEntry>, roots: readonly string[], dynamic: boolean): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const entry = vite[key];
    if (entry === undefined || seen.has(key)) return;
    seen.add(key);
    for (const f of [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])]) files.add(f);
    for (const next of [...(entry.imports ?? []), ...(dynamic ? (entry.dynamicImports ?? []) : [])]) visit(next);
  };
  for (const root of roots) visit(root);
  return files;
}

/** Move the new files into runtime/ (same name = same content, so an existing file is kept). */
async function installFiles(tmp: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    const target = join(RUNTIME_DIR, file);
    const source = join(tmp, file);
    const [have, fresh] = await Promise.all([stat(target).catch(() => undefined), stat(source)]);
    if (have?.size === fresh.size) continue;
    await mkdir(join(target, '..'), { recursive: true });
    await rename(source, target);
  }
}

/** Remove files of older builds from runtime/assets/. */
async function pruneStaleAssets(files: readonly string[]): Promise<void> {
  const keep = new Set(files);
  for (const file of await listTree(join(RUNTIME_DIR, 'assets'))) {
    if (!keep.has(`assets/${file}`)) await rm(join(RUNTIME_DIR, 'assets', file), { force: true });
  }
}

/** Files under `dir`, recursively, as `/`-separated paths relative to it. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}
