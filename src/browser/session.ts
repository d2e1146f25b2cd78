/**
 * One headless browser for a whole build: launched lazily on the first page (an HTML-only build
 * never loads puppeteer-core), memoised, and killed on close, on error and on Ctrl-C so that no
 * Chromium outlives the command. Everything the browser writes goes into one temporary folder of
 * the session — its profile, and its own temporary files (the `org.chromium.Chromium.*` folder
 * of its singleton socket, through TMPDIR) — which is removed with it. The clean-up is registered
 * (util/cleanup.ts) before the browser is started, and a launch still under way is aborted
 * (Puppeteer then kills the process group it spawned), so a Ctrl-C at any moment leaves nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { DEFAULT_TIMEOUT_SECONDS } from '../config.js';
import { LecternError } from '../errors.js';
import { registerCleanup } from '../util/cleanup.js';
import { findBrowser, type FindBrowserOptions } from './finder.js';
import { chromiumTmp, removeSingletonDir, sessionParent } from './temp-folders.js';
import { isTimeout } from './wait.js';

/** How to find and launch the browser. */
export interface BrowserSessionOptions extends FindBrowserOptions {
  /** Extra command-line switches for the browser. */
  args?: readonly string[];
  /** Milliseconds the browser may take to start, and any one call to it (`--timeout`). Default 30 s. */
  timeoutMs?: number;
}

/** Switches that keep a headless print run quiet, fast and reproducible. */
const BASE_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

/** A lazily launched browser shared by every export of one build. */
export class BrowserSession {
  private launching: Promise<Browser> | undefined;
  private browser: Browser | undefined;
  /** The session's temporary folder: `profile/`, and the browser's TMPDIR when its paths fit (see chromiumTmp). */
  private sessionDir: string | undefined;
  private readonly abort = new AbortController();
  private closed = false;
  /** Removes the Ctrl-C and exit clean-up (util/cleanup.ts) once close() has done its work. */
  private unregister: (() => void) | undefined;

  constructor(private readonly options: BrowserSessionOptions = {}) {}

  /** The temporary profile folder, once the browser has been launched (tests look for leftovers). */
  get profile(): string | undefined {
    return this.sessionDir === undefined ? undefined : join(this.sessionDir, 'profile');
  }

  /** Whether the browser has been launched (and not yet closed). */
  get launched(): boolean {
    return this.browser !== undefined;
  }

  /** Run `fn` with a fresh page; the page is closed afterwards, whatever happens. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.getBrowser();
    const page = await browser.newPage();
    try {
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  /** Close the browser and remove its folder; safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.launching;
    this.launching = undefined;
    const browser = this.browser ?? (await pending?.catch(() => undefined));
    this.browser = undefined;
    if (browser !== undefined) {
      await Promise.race([browser.close().catch(() => undefined), delay(5000)]);
      killProcess(browser);
    }
    if (this.sessionDir !== undefined) {
      removeSingletonDir(join(this.sessionDir, 'profile'));
      await rm(this.sessionDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      this.sessionDir = undefined;
    }
    this.unregister?.();
    this.unregister = undefined;
  }

  private getBrowser(): Promise<Browser> {
    if (this.closed) {
      return Promise.reject(new LecternError('browser-failed', 'the browser session was already closed'));
    }
    if (this.launching === undefined) {
      // Before anything is started: a Ctrl-C from here on kills what was started and removes its folder.
      this.unregister ??= registerCleanup(() => this.killNow());
      this.launching = this.launch();
    }
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    const executablePath = findBrowser(this.options);
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000;
    // Loaded here, not at the top: HTML-only builds must never pay for puppeteer-core.
    const { launch } = await import('puppeteer-core');
    this.sessionDir = await mkdtemp(join(sessionParent(), 'lectern-chromium-'));
    const temp = chromiumTmp(this.sessionDir);
    const args = [...BASE_ARGS, ...(needsNoSandbox() ? ['--no-sandbox'] : []), ...(this.options.args ?? [])];
    try {
      this.browser = await launch({
        executablePath,
        headless: true,
        args,
        userDataDir: join(this.sessionDir, 'profile'),
        // Chromium's own temporary files go into the session folder too (removed with it).
        env: temp === undefined ? process.env : { ...process.env, TMPDIR: temp },
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        signal: this.abort.signal,
        timeout: timeoutMs,
        // No call to the browser waits longer than a deck may take (Puppeteer's default is 180 s).
        protocolTimeout: timeoutMs + 1000,
      });
    } catch (cause) {
      // Not close(): it awaits this very launch.
      await rm(this.sessionDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      this.sessionDir = undefined;
      const message = isTimeout(cause) ? `did not start within ${timeoutMs / 1000} s` : `could not be started: ${(cause as Error).message}`;
      throw new LecternError('browser-failed', `the browser ${executablePath} ${message}`, {
        hint: isTimeout(cause)
          ? 'check that the browser runs on its own (try it with --headless), allow more time with --timeout, or choose another with --browser PATH'
          : 'check that the browser runs on its own (try it with --headless), or choose another with --browser PATH',
        cause,
      });
    }
    return this.browser;
  }

  /** Synchronous kill and clean-up for signal and exit handlers, where nothing async can run. */
  private killNow(): void {
    // A launch under way: Puppeteer kills the process group it spawned, at once.
    this.abort.abort();
    if (this.browser !== undefined) killProcess(this.browser);
    if (this.sessionDir !== undefined) {
      try {
        removeSingletonDir(join(this.sessionDir, 'profile'));
        rmSync(this.sessionDir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Best effort: the folder is in the system's temporary directory.
      }
    }
  }
}

/** Whether Chromium's sandbox cannot work here: as root, in a container, or on CI. */
export function needsNoSandbox(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['CI'] === 'true' || env['CI'] === '1') return true;
  if (typeof process.getuid === 'function' && process.getuid() === 0) return true;
  return inContainer();
}

function inContainer(): boolean {
  if (existsSync('/.dockerenv') || existsSync('/run/.containerenv')) return true;
  try {
    return /docker|kubepods|containerd|lxc/.test(readFileSync('/proc/1/cgroup', 'utf8'));
  } catch {
    return false;
  }
}

/** Kill the browser and every process it started (Puppeteer spawns it as a process group leader). */
function killProcess(browser: Browser): void {
  const child = browser.process();
  if (child === null || child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // The group is gone already; the main process may still be there if it was not a group leader.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
