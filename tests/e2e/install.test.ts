/**
 * Lectern installed like any npm tool: `npm pack` of this repository, then `npm install` of the
 * tarball into a fresh project whose path holds a space and non-ASCII letters, and there, as a
 * user would: `npx lectern --version`, `build` (with a `lectern.config.ts` importing `defineConfig`
 * from the package), `pdf --handout`, `check`; a TypeScript file importing `lectern` and
 * `lectern/vite` type-checks against the shipped `.d.ts`. The package ships compiled JavaScript and
 * the prebuilt runtime, no sources, and nothing in it changes while it runs. Then the same commands
 * again with node_modules read-only (as another user when the tests run as root, whom permissions
 * do not stop).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './helpers/browser.js';
import { REPO_ROOT, SEED_ARTICLE } from './helpers/paths.js';
import { removeDir, tempDir } from './helpers/site.js';

const VERSION = (JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const skip = browserSkipReason();
const ROOT_USER = typeof process.getuid === 'function' && process.getuid() === 0;
/** `nobody`: the user the read-only runs are made as when the tests run as root. */
const NOBODY = 65534;

interface Run {
  readonly code: number | null;
  readonly out: string;
}

/** Run a command; never rejects on a non-zero exit. */
function run(cmd: string, args: readonly string[], cwd: string, options: { env?: NodeJS.ProcessEnv; uid?: number; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, out: `$ ${cmd} ${args.join(' ')}\n${out}` });
    });
  });
}

/** Relative path → sha256 of every file under `dir` (the installed package, to show nothing changed). */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const e of entries.filter((x) => x.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const file = join(e.parentPath, e.name);
    out.set(relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return out;
}

describe.skipIf(skip !== '')(`lectern installed from its npm tarball ${skip}`, () => {
  let root: string | undefined;
  /** The user's project: a path with a space and non-ASCII letters. */
  let project: string;
  let installed: string;
  let before: Map<string, string>;

  beforeAll(async () => {
    root = await tempDir('install');
    project = join(root, 'my talks – Prüfung');
    await mkdir(join(project, 'talks'), { recursive: true });
    // prepack/prepare bring the runtime and build/ up to date first (no-ops when they are).
    const pack = await run('npm', ['pack', '--pack-destination', root], REPO_ROOT, { timeoutMs: 300_000 });
    expect(pack.code, pack.out).toBe(0);
    const tarball = join(root, `lectern-${VERSION}.tgz`);
    await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'my-talks', private: true, type: 'module' }, null, 2)}\n`);
    // --prefer-offline: the dependencies come from npm's cache, which `npm ci` of this repository filled.
    const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project, { timeoutMs: 600_000 });
    expect(install.code, install.out).toBe(0);
    installed = join(project, 'node_modules', 'lectern');
    await copyFile(SEED_ARTICLE, join(project, 'talks', 'eventlet.md'));
    await writeFile(join(project, 'lectern.config.ts'), "import { defineConfig } from 'lectern';\n\nexport default defineConfig({ theme: 'dark' });\n");
    before = await fingerprint(installed);
  }, 900_000);

  afterAll(async () => {
    if (root !== undefined) await run('chmod', ['-R', 'u+w', root], REPO_ROOT);
    await removeDir(root);
  });

  it('ships compiled JavaScript, its types and the prebuilt runtime; no sources, no tests', () => {
    const files = [...before.keys()];
    expect(files).toEqual(expect.arrayContaining(['bin/lectern.js', 'build/cli.js', 'build/index.js', 'build/vite.js', 'build/types/index.d.ts', 'build/types/vite/plugin.d.ts', 'runtime/lectern-runtime.json', 'package.json']));
    expect(files.filter((f) => /^(src|tests|scripts|examples)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  /** The four commands a user runs, in the project; `as` another user (read-only run). */
  async function useIt(out: string, as?: number): Promise<void> {
    const env: NodeJS.ProcessEnv = as === undefined ? {} : { HOME: join(root!, 'home'), npm_config_cache: join(root!, 'home', '.npm'), CI: '1' };
    const opts = { env, ...(as === undefined ? {} : { uid: as }) };
    const version = await run('npx', ['lectern', '--version'], project, opts);
    expect(version.code, version.out).toBe(0);
    expect(version.out).toContain(`lectern/${VERSION}`);

    const build = await run('npx', ['lectern', 'build', 'talks', '--out', out], project, opts);
    expect(build.code, build.out).toBe(0);
    expect(build.out).toMatch(/eventlet: \d+ slides/);
    const page = await readFile(join(project, out, 'eventlet', 'index.html'), 'utf8');
    expect(page).toMatch(/theme-dark-[\w-]+\.css/); // lectern.config.ts was read
    expect(existsSync(join(project, out, 'index.html'))).toBe(true);

    const pdf = await run('npx', ['lectern', 'pdf', 'talks/eventlet.md', '--handout', '--out', `${out}-pdf`], project, opts);
    expect(pdf.code, pdf.out).toBe(0);
    for (const kind of ['slides', 'handout']) {
      const bytes = await readFile(join(project, `${out}-pdf`, `eventlet.${kind}.pdf`));
      expect(bytes.subarray(0, 5).toString('latin1'), kind).toBe('%PDF-');
    }

    const check = await run('npx', ['lectern', 'check', 'talks'], project, opts);
    expect(check.code, check.out).toBe(0);
    expect(check.out).toMatch(/✓ eventlet \(talks\/eventlet\.md\)/);
    expect(check.out).not.toMatch(/internal error|Cannot find package|EACCES|EROFS/);
  }

  it('runs --version, build, pdf --handout and check from a path with a space and non-ASCII letters', { timeout: 300_000 }, async () => {
    await useIt('site');
    expect(await fingerprint(installed)).toEqual(before);
  });

  it('type-checks a TypeScript file against the shipped .d.ts (types condition of . and ./vite)', { timeout: 120_000 }, async () => {
    await writeFile(
      join(project, 'uses-types.ts'),
      [
        "import { defineConfig, type ResolvedConfig, type UserConfig } from 'lectern';",
        "import lectern, { type LecternPluginOptions } from 'lectern/vite';",
        "const config: UserConfig = defineConfig({ theme: 'dark', maxPoints: 4, pdf: { paper: 'letter' } });",
        "const options: LecternPluginOptions = { inputs: ['talks'], path: '/talks/' };",
        'const plugin = lectern(options);',
        'export const name: string = plugin.name;',
        'export type Width = ResolvedConfig["width"];',
        'export { config };',
        '// @ts-expect-error: maxPoints is a number',
        "defineConfig({ maxPoints: 'five' });",
        '',
      ].join('\n'),
    );
    const tsconfig = { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules', '@types')] }, files: ['uses-types.ts'] };
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = await run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.code, tsc.out).toBe(0);
  });

  it('runs the same with node_modules read-only, and changes nothing in the package', { timeout: 300_000 }, async () => {
    await run('chmod', ['-R', 'a-w', join(project, 'node_modules')], project);
    if (ROOT_USER) {
      // Root writes through any permission: the read-only run is made as `nobody`, who may write the project only.
      await mkdir(join(root!, 'home'), { recursive: true });
      for (const dir of [root!, join(root!, 'home'), project]) await chmod(dir, 0o777);
    }
    const as = ROOT_USER ? NOBODY : undefined;
    // The read-only setting is real for the user the commands run as.
    const probe = await run(process.execPath, ['-e', "require('node:fs').writeFileSync('node_modules/lectern/runtime/probe', 'x')"], project, as === undefined ? {} : { uid: as });
    expect(probe.code, probe.out).not.toBe(0);
    expect(probe.out).toMatch(/EACCES|EPERM|EROFS/);
    await useIt('site-read-only', as);
    expect(await fingerprint(installed)).toEqual(before);
  });
});
