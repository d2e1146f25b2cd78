/**
 * Compile Lectern for Node: Rolldown (the bundler Vite 8 brings) bundles src/ into a few ES modules
 * under build/ — one per entry (the CLI, the library, the Vite plugin) and shared chunks, with every
 * dynamically imported command in a chunk of its own, so `lectern --version` loads the CLI entry
 * only — and tsc writes the `.d.ts` files the package's `exports` point at (build/types/).
 *
 * The small pure-JavaScript libraries of the HTML build path (INLINE: Markdown, HTML parsing, front
 * matter, highlighting, the CLI parser) are bundled in: a cold `lectern build` then reads a few
 * files instead of a hundred and skips Node's CommonJS analysis (about 8% of it). They are
 * devDependencies; their licences go to build/THIRD-PARTY-LICENSES.md. Everything else (`dependencies`:
 * Vite, Puppeteer, pdf-lib, sanitize-html, liquidjs, …) stays external, installed beside the package
 * and loaded only by the commands that need it.
 *
 * Each part is skipped when nothing it reads changed since it last ran (a hash in build/.compiled
 * and build/types/.compiled), so `npm run setup`, `npm test` and the test suite's global setup (the
 * bundle only: tsc is the slow part) can call it every time.
 * Usage: `npx tsx scripts/compile.ts [--force] [--no-types]`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/compile.ts). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'build');
const TYPES = join(BUILD, 'types');

/** The bundle's entries: `build/<name>.js`. */
export const ENTRIES = { cli: 'src/cli/index.ts', index: 'src/index.ts', vite: 'src/vite/plugin.ts' } as const;

/** Everything the compile reads besides node_modules: when none of it changed, the build is current. */
async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await listFiles(join(ROOT, 'src'))).filter((f) => !f.includes(`${sep}client${sep}`)),
    join(ROOT, 'package.json'),
    join(ROOT, 'tsconfig.json'),
    join(ROOT, 'tsconfig.build.json'),
    fileURLToPath(import.meta.url),
  ];
  for (const file of files) {
    const content = await readFile(file);
    hash.update(`${relative(ROOT, file).split(sep).join('/')}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Packages bundled into build/ (devDependencies of Lectern, never installed with it). */
export const INLINE = ['cac', 'gray-matter', 'highlight.js', 'marked', 'parse5', 'smol-toml'] as const;

/** The bare names the bundle leaves to Node: every dependency (and its subpaths) and `node:` builtins. */
async function externals(): Promise<(id: string) => boolean> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const deps = Object.keys(pkg.dependencies ?? {});
  const misplaced = INLINE.filter((name) => deps.includes(name) || pkg.devDependencies?.[name] === undefined);
  if (misplaced.length > 0) throw new Error(`compile: ${misplaced.join(', ')} must be devDependencies: the bundle carries them`);
  // js-yaml (under gray-matter) tries `require('esprima')` for `!!js/function` values, which front
  // matter never needs: left out, the require fails inside js-yaml's own try and nothing is loaded.
  const omitted = ['esprima'];
  return (id) => id.startsWith('node:') || omitted.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));
}

/** build/THIRD-PARTY-LICENSES.md: name, version, licence and licence text of every package the bundle carries. */
async function writeLicences(moduleIds: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const id of moduleIds) {
    const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
    if (match) folders.add(match[1]!);
  }
  const sections: string[] = [];
  for (const folder of [...folders].sort()) {
    const pkg = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const names = (await readdir(folder)).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
    const text = names.length > 0 ? (await readFile(join(folder, names[0]!), 'utf8')).trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
    sections.push(`## ${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n\`\`\`\n${text}\n\`\`\`\n`);
  }
  const head = '# Third-party licences\n\nLectern\'s compiled files in build/ include the following packages.\n\n';
  await writeFile(join(BUILD, 'THIRD-PARTY-LICENSES.md'), head + sections.join('\n'));
}

async function bundle(): Promise<void> {
  const { build } = await import('rolldown');
  // The previous bundle goes (chunk names carry hashes); the types stay until tsc replaces them.
  await rm(join(BUILD, 'chunks'), { recursive: true, force: true });
  for (const name of [...Object.keys(ENTRIES).map((n) => `${n}.js`), 'THIRD-PARTY-LICENSES.md']) await rm(join(BUILD, name), { force: true });
  const result = await build({
    cwd: ROOT,
    input: ENTRIES,
    platform: 'node',
    external: await externals(),
    // Anything bare that is not a dependency would be inlined by accident: say so instead.
    onLog(level, log, handler) {
      if (log.code === 'UNRESOLVED_IMPORT') throw new Error(`compile: ${log.message}`);
      // gray-matter's `javascript` front matter engine uses eval; Lectern refuses that engine (load/front-matter.ts).
      if (log.code === 'EVAL' && /gray-matter/.test(log.id ?? log.message)) return;
      handler(level, log);
    },
    output: {
      dir: BUILD,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Stack traces of a bug should name functions; the size of an unminified bundle does not matter here.
      minify: false,
      sourcemap: false,
      comments: { legal: true, annotation: true, jsdoc: false },
    },
  });
  await writeLicences(result.output.flatMap((o) => ('moduleIds' in o ? o.moduleIds : [])));
}

async function declarations(): Promise<void> {
  await rm(TYPES, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
}

/** Options of compile(). */
export interface CompileOptions {
  /** Compile even when build/ is current. */
  readonly force?: boolean;
  /** Also write the .d.ts files (default true). */
  readonly types?: boolean;
  readonly log?: (line: string) => void;
}

/** Compile what is not current; returns whether anything was compiled. */
export async function compile(options: CompileOptions = {}): Promise<boolean> {
  const hash = await inputsHash();
  const stale = async (stamp: string): Promise<boolean> => options.force === true || !existsSync(stamp) || (await readFile(stamp, 'utf8')).trim() !== hash;
  let compiled = false;
  if (await stale(join(BUILD, '.compiled'))) {
    options.log?.('bundling the CLI, library and Vite plugin (Rolldown)');
    await bundle();
    await writeFile(join(BUILD, '.compiled'), `${hash}\n`);
    compiled = true;
  }
  if (options.types !== false && (await stale(join(TYPES, '.compiled')))) {
    options.log?.('writing the type declarations (tsc)');
    await declarations();
    await writeFile(join(TYPES, '.compiled'), `${hash}\n`);
    compiled = true;
  }
  return compiled;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  compile({ force: process.argv.includes('--force'), types: !process.argv.includes('--no-types'), log: (line) => process.stderr.write(`compile: ${line}\n`) }).then(
    (done) => {
      if (!done) process.stderr.write('compile: build/ is up to date\n');
    },
    (err: unknown) => {
      process.stderr.write(`compile failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
