/**
 * One headless browser for a whole build: launched lazily on the first page (an HTML-only build
 * never loads puppeteer-core), memoised, with a temporary profile, and killed on close, on error
 * and on Ctrl-C so that no Chromium outlives the command.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { LecternError } from '../errors.js';
import { findBrowser, type FindBrowserOptions } from './finder.js';

/** How to find and launch the browser. */
export interface BrowserSessionOptions extends FindBrowserOptions {
  /** Extra command-line switches for the browser. */
  args?: readonly string[];
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
  private profileDir: string | undefined;
  private closed = false;
  private readonly kill = (): void => this.killNow();
  private readonly killAndExit = (signal: NodeJS.Signals): void => {
    this.killNow();
    // A signal listener disables Node's default exit; restore it unless someone else handles the signal.
    if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  constructor(private readonly options: BrowserSessionOptions = {}) {}

  /** The temporary profile folder, once the browser has been launched (tests look for leftovers). */
  get profile(): string | undefined {
    return this.profileDir;
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

  /** Close the browser and remove its profile; safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.launching;
    this.launching = undefined;
    const browser = this.browser ?? (await pending?.catch(() => undefined));
    this.browser = undefined;
    this.removeHandlers();
    if (browser !== undefined) {
      await Promise.race([browser.close().catch(() => undefined), delay(5000)]);
      killProcess(browser);
    }
    if (this.profileDir !== undefined) {
      await rm(this.profileDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      this.profileDir = undefined;
    }
  }

  private getBrowser(): Promise<Browser> {
    if (this.closed) {
      return Promise.reject(new LecternError('browser-failed', 'the browser session was already closed'));
    }
    this.launching ??= this.launch();
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    const executablePath = findBrowser(this.options);
    // Loaded here, not at the top: HTML-only builds must never pay for puppeteer-core.
    const { launch } = await import('puppeteer-core');
    this.profileDir = await mkdtemp(join(tmpdir(), 'lectern-chromium-'));
    const args = [...BASE_ARGS, ...(needsNoSandbox() ? ['--no-sandbox'] : []), ...(this.options.args ?? [])];
    try {
      this.browser = await launch({ executablePath, headless: true, args, userDataDir: this.profileDir, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    } catch (cause) {
      // Not close(): it awaits this very launch.
      await rm(this.profileDir, { recursive: true, force: true }).catch(() => undefined);
      this.profileDir = undefined;
      throw new LecternError('browser-failed', `could not start the browser ${executablePath}: ${(cause as Error).message}`, {
        hint: 'check that the browser runs on its own (try it with --headless), or choose another with --browser PATH',
        cause,
      });
    }
    this.addHandlers();
    return this.browser;
  }

  private addHandlers(): void {
    process.once('SIGINT', this.killAndExit);
    process.once('SIGTERM', this.killAndExit);
    process.once('exit', this.kill);
  }

  private removeHandlers(): void {
    process.off('SIGINT', this.killAndExit);
    process.off('SIGTERM', this.killAndExit);
    process.off('exit', this.kill);
  }

  /** Synchronous kill and clean-up for signal and exit handlers, where nothing async can run. */
  private killNow(): void {
    if (this.browser !== undefined) killProcess(this.browser);
    if (this.profileDir !== undefined) {
      try {
        rmSync(this.profileDir, { recursive: true, force: true });
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

function killProcess(browser: Browser): void {
  const child = browser.process();
  if (child !== null && child.exitCode === null && child.signalCode === null) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
