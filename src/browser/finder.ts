/**
 * Finds a Chromium-family browser to drive, as marp-cli's finder does: an explicit path, then the
 * environment, then the usual install locations, then names on PATH. Pure given its injected
 * `env`, `platform` and `exists`, so every branch is unit-testable without touching the disk.
 */
import { existsSync } from 'node:fs';
import { LecternError } from '../errors.js';

/** What `findBrowser` looks at; every field defaults to the real process. */
export interface FindBrowserOptions {
  /** An explicit executable (`--browser PATH`); must exist when given. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whether a file exists (injected by tests). */
  exists?: (path: string) => boolean;
}

/** The hint every "no browser" error carries. */
export const BROWSER_INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Chrome, or point to one with --browser PATH or PUPPETEER_EXECUTABLE_PATH';

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
];

const WINDOWS_SUFFIXES = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'msedge'];

/** The path of a browser executable to launch; throws `browser-not-found` with an install hint. */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;

  if (options.browser !== undefined && options.browser !== '') {
    if (exists(options.browser)) return options.browser;
    throw new LecternError('browser-not-found', `the browser given with --browser does not exist: ${options.browser}`, {
      hint: BROWSER_INSTALL_HINT,
    });
  }
  for (const key of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    if (exists(value)) return value;
    throw new LecternError('browser-not-found', `${key} points to a browser that does not exist: ${value}`, {
      hint: BROWSER_INSTALL_HINT,
    });
  }
  const found = knownPaths(platform, env).find((p) => exists(p)) ?? findOnPath(platform, env, exists);
  if (found !== undefined) return found;
  throw new LecternError('browser-not-found', 'no Chromium, Chrome or Edge found to print PDFs with', {
    hint: BROWSER_INSTALL_HINT,
  });
}

/** Where browsers usually live on a platform. */
export function knownPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  switch (platform) {
    case 'darwin': {
      const home = env['HOME'];
      const roots = ['/Applications', ...(home ? [`${home}/Applications`] : [])];
      return roots.flatMap((root) => MAC_APPS.map((app) => `${root}/${app}`));
    }
    case 'win32': {
      const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
        (r): r is string => r !== undefined && r !== '',
      );
      return roots.flatMap((root) => WINDOWS_SUFFIXES.map((suffix) => `${root}\\${suffix}`));
    }
    default:
      return LINUX_PATHS;
  }
}

/** The first browser name found in a folder of PATH (with PATHEXT on Windows). */
function findOnPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, exists: (p: string) => boolean): string | undefined {
  const windows = platform === 'win32';
  // Relative PATH entries are skipped: a browser found through `.` would depend on the cwd.
  const dirs = (env['PATH'] ?? env['Path'] ?? '')
    .split(windows ? ';' : ':')
    .filter((d) => (windows ? /^[a-z]:\\/i.test(d) : d.startsWith('/')))
    .map((d) => d.replace(/[\\/]+$/, ''));
  const exts = windows ? ['.exe', '.cmd'] : [''];
  for (const dir of dirs) {
    for (const name of PATH_NAMES) {
      for (const ext of exts) {
        const candidate = windows ? `${dir}\\${name}${ext}` : `${dir}/${name}`;
        if (exists(candidate)) return candidate;
      }
    }
  }
  return undefined;
}
