/**
 * One headless browser for a whole build: launched lazily on the first page (an HTML-only build
 * never loads puppeteer-core), memoised, and killed on close, on error and on Ctrl-C so that no
 * Chromium outlives the command. Everything the browser writes goes into one temporary folder of
 * the session — its profile, and its own temporary files (the `org.chromium.Chromium.*` folder
 * of its singleton socket, through TMPDIR) — which is removed with it. The clean-up is registered
 * (util/cleanup.ts) before the browser is started, and the browser is its own process group, so a
 * Ctrl-C at any moment (even while it starts) kills all of it and leaves nothing.
 *
 * Lectern starts Chromium itself, with the switches Puppeteer's `launch` would give it, and only
 * then loads Puppeteer's connector (not all of puppeteer-core, whose launcher and browser
 * downloader take longer to load than Chromium takes to start) to drive it over a pipe: Chromium
 * boots on another core while Node loads and compiles.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport, ConnectOptions, Page } from 'puppeteer-core';
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

/**
 * What Puppeteer's `launch` gives Chromium (puppeteer-core 24's `defaultArgs`, headless, no
 * extensions): Lectern starts the browser itself, with the same switches, so it prints the same.
 */
const PUPPETEER_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];
const PUPPETEER_DISABLED = ['Translate', 'AcceptCHFrame', 'MediaRouter', 'OptimizationHints', 'WebUIReloadButton', 'ProcessPerSiteUpToMainFrameThreshold', 'IsolateSandboxedIframes'];
const PUPPETEER_ENABLED = ['PdfOopif'];

/** Switches that keep a headless print run quiet, fast and reproducible. */
const BASE_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // The GPU thread (software, with --disable-gpu) and the network service in the browser process
  // instead of a process each: about 0.5 s of CPU less on a small machine.
  '--in-process-gpu',
];

/**
 * Features off and on. Chromium (since about version 140) preloads its WebUI omnibox popup into a
 * renderer of its own at start-up, headless too: about 1.5 s of CPU for a popup no one opens, taken
 * from the deck's page on a small machine.
 */
const DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];
const ENABLED_FEATURES = ['NetworkServiceInProcess2'];

/**
 * The command line for Chromium: Puppeteer's switches, Lectern's, the caller's `extra` (whose
 * `--disable-features` and `--enable-features` are merged into the lists, as Puppeteer does), and
 * the pipe Lectern drives it over.
 */
export function chromiumArgs(profile: string, noSandbox: boolean, extra: readonly string[] = []): string[] {
  const features = (flag: string): string[] => extra.filter((a) => a.startsWith(`${flag}=`)).flatMap((a) => a.slice(flag.length + 1).split(',')).filter((f) => f !== '');
  const rest = extra.filter((a) => !a.startsWith('--disable-features=') && !a.startsWith('--enable-features='));
  return [
    ...PUPPETEER_ARGS,
    `--disable-features=${[...PUPPETEER_DISABLED, ...DISABLED_FEATURES, ...features('--disable-features')].join(',')}`,
    `--enable-features=${[...PUPPETEER_ENABLED, ...ENABLED_FEATURES, ...features('--enable-features')].join(',')}`,
    ...BASE_ARGS,
    ...(noSandbox ? ['--no-sandbox'] : []),
    ...rest,
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    'about:blank',
  ];
}

/** A lazily launched browser shared by every export of one build. */
export class BrowserSession {
  private launching: Promise<Browser> | undefined;
  private browser: Browser | undefined;
  /** Chromium's main process (the leader of its process group), from the moment it is spawned. */
  private child: ChildProcess | undefined;
  /** The tab the browser opens at launch (about:blank), handed to the first withPage instead of a new one. */
  private firstTab: Promise<Page | undefined> | undefined;
  /** Resolved once the browser process has been spawned (or the launch failed before). */
  private spawned: Promise<void> | undefined;
  private onSpawned: () => void = () => undefined;
  /** The session's temporary folder: `profile/`, and the browser's TMPDIR when its paths fit (see chromiumTmp). */
  private sessionDir: string | undefined;
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

  /**
   * Start launching the browser now, while the caller does other work (compiling the decks).
   * Resolves once Chromium's process has been started (it boots on another core while this one
   * compiles), or at once when the launch failed: a failure is reported by the first withPage.
   * Does nothing once the session is closed.
   */
  async start(): Promise<void> {
    if (this.closed) return;
    this.getBrowser().catch(() => undefined);
    await this.spawned;
  }

  /** Run `fn` with a fresh page; the page is closed afterwards, whatever happens. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.getBrowser();
    // The launch's own blank tab for the first page: opening another one costs a renderer.
    const first = this.firstTab;
    this.firstTab = undefined;
    const page = (await first?.catch(() => undefined)) ?? (await browser.newPage());
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
    // A launch under way (a build that failed while Chromium started) is cut short: its process
    // group goes now, and the launch fails at once instead of being waited for.
    if (this.browser === undefined && this.child !== undefined) killProcess(this.child);
    const browser = this.browser ?? (await pending?.catch(() => undefined));
    this.browser = undefined;
    if (browser !== undefined) await Promise.race([browser.disconnect().catch(() => undefined), delay(1000)]);
    const child = this.child;
    this.child = undefined;
    if (child !== undefined) {
      // Killed, not asked to shut down (which takes Chromium a few hundred milliseconds of saving
      // a profile that is removed below anyway): the connection is closed first, so Puppeteer
      // expects no answer, then the process group goes and its exit is awaited.
      const exited = processExit(child);
      killProcess(child);
      await Promise.race([exited, delay(5000)]);
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
      this.spawned = new Promise((resolve) => {
        this.onSpawned = resolve;
      });
      this.launching = this.launch();
      this.launching.catch(() => this.onSpawned());
    }
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    const executablePath = findBrowser(this.options);
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000;
    this.sessionDir = await mkdtemp(join(sessionParent(), 'lectern-chromium-'));
    if (this.closed) {
      await rm(this.sessionDir, { recursive: true, force: true }).catch(() => undefined);
      this.sessionDir = undefined;
      throw new LecternError('browser-failed', 'the browser session was closed while the browser started');
    }
    const temp = chromiumTmp(this.sessionDir);
    const fail = (message: string, timedOut: boolean, cause?: unknown): LecternError =>
      new LecternError('browser-failed', `the browser ${executablePath} ${message}`, {
        hint: timedOut
          ? 'check that the browser runs on its own (try it with --headless), allow more time with --timeout, or choose another with --browser PATH'
          : 'check that the browser runs on its own (try it with --headless), or choose another with --browser PATH',
        ...(cause === undefined ? {} : { cause }),
      });
    let timer: NodeJS.Timeout | undefined;
    try {
      const child = spawn(executablePath, chromiumArgs(join(this.sessionDir, 'profile'), needsNoSandbox(), this.options.args), {
        // Its own process group, killed whole (util/cleanup.ts, close()).
        detached: process.platform !== 'win32',
        // stdin, stdout, stderr, and the DevTools pipe: fd 3 into Chromium, fd 4 out of it.
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
        // Chromium's own temporary files go into the session folder too (removed with it).
        env: temp === undefined ? process.env : { ...process.env, TMPDIR: temp },
      });
      this.child = child;
      setImmediate(() => this.onSpawned());
      const stderr = keepTail(child.stderr);
      const ended = new Promise<never>((_, reject) => {
        child.once('error', (error) => reject(fail(`could not be started: ${error.message}`, false, error)));
        child.once('exit', (code, signal) => reject(fail(`could not be started: it exited (${signal ?? `code ${String(code)}`}) before it was ready${stderr() === '' ? '' : `:\n${stderr()}`}`, false)));
      });
      ended.catch(() => undefined);
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(fail(`did not start within ${timeoutMs / 1000} s`, true)), timeoutMs);
      });
      late.catch(() => undefined);
      // Loaded while Chromium starts.
      const connect = await Promise.race([loadConnector(), ended, late]);
      const transport = pipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
      const browser = await Promise.race([connect({ transport, protocolTimeout: timeoutMs + 1000 }), ended, late]);
      this.browser = browser;
      // Its first tab, as Puppeteer's launch waits for it; the first withPage uses it.
      const tab = await Promise.race([browser.waitForTarget((t) => t.type() === 'page', { timeout: timeoutMs }), ended, late]);
      this.firstTab = tab.page().then((page) => page ?? undefined, () => undefined);
      return browser;
    } catch (cause) {
      // Not close(): it awaits this very launch.
      const child = this.child;
      this.child = undefined;
      if (child !== undefined) killProcess(child);
      this.browser = undefined;
      await rm(this.sessionDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      this.sessionDir = undefined;
      if (cause instanceof LecternError) throw cause;
      throw fail(isTimeout(cause) ? `did not start within ${timeoutMs / 1000} s` : `could not be started: ${(cause as Error).message}`, isTimeout(cause), cause);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Synchronous kill and clean-up for signal and exit handlers, where nothing async can run. */
  private killNow(): void {
    // The process group, whether the launch is under way or done.
    if (this.child !== undefined) killProcess(this.child);
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

/** Kill the browser and every process it started (it was spawned as a process group leader). */
function killProcess(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // The group is gone already; the main process may still be there if it was not a group leader.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Resolves when the browser's main process has exited (at once when it already has). */
function processExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** The last few kilobytes a stream wrote (Chromium's stderr, for the error when it fails to start); it is drained either way. */
function keepTail(stream: Readable | null, limit = 4096): () => string {
  let tail = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-limit);
  });
  stream?.on('error', () => undefined);
  return () => tail.trim();
}

/**
 * Puppeteer's connector alone (`puppeteer-core/internal/...`, in the package's exports), which
 * loads in a third of the time of the whole package; the public `connect` if it is not there.
 */
async function loadConnector(): Promise<(options: ConnectOptions) => Promise<Browser>> {
  const internal: string = 'puppeteer-core/internal/common/BrowserConnector.js';
  const environment: string = 'puppeteer-core/internal/environment.js';
  try {
    const module = (await import(internal)) as { _connectToBrowser?: unknown };
    // The package's entry gives Puppeteer the Node file system (for page.screenshot({ path }),
    // page.pdf({ path })…); loaded without it, those throw "fs is not available in this environment".
    const env = (await import(environment)) as { environment?: { value: object } };
    if (typeof module._connectToBrowser === 'function' && env.environment !== undefined) {
      const fs = await import('node:fs');
      const path = await import('node:path');
      env.environment.value = Object.create(env.environment.value, { fs: { value: fs.default }, path: { value: path.default } });
      return module._connectToBrowser as (options: ConnectOptions) => Promise<Browser>;
    }
  } catch {
    // Another layout of puppeteer-core: the public API below.
  }
  return (await import('puppeteer-core')).connect;
}

/**
 * DevTools over `--remote-debugging-pipe`: JSON messages, each ended by a NUL byte, written to
 * Chromium's fd 3 and read from its fd 4 (what Puppeteer's own pipe transport does).
 */
function pipeTransport(toBrowser: Writable, fromBrowser: Readable): ConnectionTransport {
  let pending: Buffer[] = [];
  let closed = false;
  const transport: ConnectionTransport = {
    send(message) {
      if (closed) return;
      toBrowser.write(message);
      toBrowser.write('\0');
    },
    close() {
      closed = true;
      fromBrowser.removeAllListeners('data');
    },
  };
  fromBrowser.on('data', (chunk: Buffer) => {
    if (chunk.indexOf(0) < 0) {
      pending.push(chunk);
      return;
    }
    const buffer = pending.length === 0 ? chunk : Buffer.concat([...pending, chunk]);
    let start = 0;
    for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0, start)) {
      const message = buffer.toString('utf8', start, end);
      start = end + 1;
      transport.onmessage?.(message);
    }
    pending = start < buffer.length ? [buffer.subarray(start)] : [];
  });
  fromBrowser.on('close', () => transport.onclose?.());
  fromBrowser.on('error', () => undefined);
  toBrowser.on('error', () => undefined);
  return transport;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
