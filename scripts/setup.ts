/**
 * One-time set-up that `npm run demo`, `npm test` and `npm run bench` run first, so each works on a
 * fresh machine after `npm ci`: compile the CLI when its sources changed (scripts/compile.ts; `npm ci`
 * already did it through `prepare`), build the deck runtime with Vite, and
 * make sure a browser exists for PDFs and end-to-end tests — installing Debian's `chromium` with
 * apt-get when running as root on a machine that has apt-get, else stopping with the install hint.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, BROWSER_INSTALL_HINT } from '../src/browser/finder.js';
import { LecternError } from '../src/errors.js';
import { loadRuntime } from '../src/runtime/index.js';
import { compile } from './compile.js';

function step(message: string): void {
  process.stderr.write(`setup: ${message}\n`);
}

function hasBrowser(): boolean {
  try {
    findBrowser();
    return true;
  } catch (err) {
    if (err instanceof LecternError) return false;
    throw err;
  }
}

function aptInstall(packages: string[]): boolean {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return false;
  step(`installing ${packages.join(' ')} with apt-get (one time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  return install.status === 0;
}

function ensureBrowser(): void {
  // poppler-utils (pdftotext, pdftoppm) lets the PDF tests read text and pixels back from the PDFs.
  if (hasBrowser() && existsSync('/usr/bin/pdftotext')) return;
  if (hasBrowser() && !aptInstall(['poppler-utils'])) step('poppler-utils (pdftotext) is missing: the PDF end-to-end tests will skip');
  if (hasBrowser()) return;
  if (aptInstall(['chromium', 'fonts-dejavu-core', 'poppler-utils']) && hasBrowser()) return;
  step(`no browser found for PDFs and browser tests.\n  ${BROWSER_INSTALL_HINT}`);
  process.exitCode = 1;
}

/**
 * Fonts for Chinese, Japanese, Korean and Arabic text: the deck uses the system's (client/styles/
 * scripts.css), so the PDFs and the end-to-end tests need one here. Debian's Noto packages when
 * fontconfig knows none and apt-get can install them; else a note (those tests then skip).
 */
function ensureScriptFonts(): void {
  const has = (lang: string): boolean => spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' }).stdout?.trim() !== '';
  if (!existsSync('/usr/bin/fc-list') || (has('zh') && has('ja') && has('ar'))) return;
  if (aptInstall(['fonts-noto-cjk', 'fonts-noto-core'])) return;
  step('no CJK or Arabic font found (fonts-noto-cjk, fonts-noto-core): PDFs of such articles will show boxes, and their font tests will skip');
}

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const all = wanted.size === 0;
  if (all || wanted.has('compile')) await compile({ log: step });
  if (all || wanted.has('runtime')) {
    const started = performance.now();
    await loadRuntime();
    step(`deck runtime ready (${Math.round(performance.now() - started)} ms)`);
  }
  if (all || wanted.has('browser')) {
    ensureBrowser();
    ensureScriptFonts();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`setup failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
