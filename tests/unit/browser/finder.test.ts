import { describe, expect, it } from 'vitest';
import { BROWSER_INSTALL_HINT, findBrowser, knownPaths } from '../../../src/browser/finder.js';
import { LecternError } from '../../../src/errors.js';

/** An `exists` that knows only the given paths. */
const only = (...paths: string[]) => (p: string): boolean => paths.includes(p);

function thrown(fn: () => unknown): LecternError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LecternError) return error;
    throw error;
  }
  throw new Error('expected a LecternError');
}

describe('findBrowser', () => {
  const linux = { platform: 'linux' as const, env: {} };

  it('takes an explicit --browser path first, before the environment and install paths', () => {
    const exists = only('/opt/my/chrome', '/env/chrome', '/usr/bin/chromium');
    expect(findBrowser({ ...linux, browser: '/opt/my/chrome', env: { PUPPETEER_EXECUTABLE_PATH: '/env/chrome' }, exists })).toBe('/opt/my/chrome');
  });

  it('then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH', () => {
    const exists = only('/a/puppeteer', '/b/chrome-path', '/usr/bin/chromium');
    expect(findBrowser({ ...linux, env: { PUPPETEER_EXECUTABLE_PATH: '/a/puppeteer', CHROME_PATH: '/b/chrome-path' }, exists })).toBe('/a/puppeteer');
    expect(findBrowser({ ...linux, env: { CHROME_PATH: '/b/chrome-path' }, exists })).toBe('/b/chrome-path');
  });

  it('ignores empty environment variables', () => {
    expect(findBrowser({ ...linux, env: { PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' }, exists: only('/usr/bin/chromium') })).toBe('/usr/bin/chromium');
  });

  it('then the known Linux install paths, in order', () => {
    expect(findBrowser({ ...linux, exists: only('/usr/bin/google-chrome', '/snap/bin/chromium') })).toBe('/usr/bin/google-chrome');
    expect(findBrowser({ ...linux, exists: only('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
    expect(knownPaths('linux', {}).slice(0, 2)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser']);
  });

  it('then names on PATH, skipping relative entries', () => {
    const env = { PATH: 'node_modules/.bin:/home/me/bin:/usr/local/bin' };
    expect(findBrowser({ platform: 'linux', env, exists: only('/usr/local/bin/chromium', 'node_modules/.bin/chromium') })).toBe('/usr/local/bin/chromium');
  });

  it('knows macOS applications and Windows program folders', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', env: {}, exists: only(mac) })).toBe(mac);
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser({ platform: 'win32', env, exists: only(edge) })).toBe(edge);
    expect(findBrowser({ platform: 'win32', env: { PATH: 'C:\\tools;relative' }, exists: only('C:\\tools\\chrome.exe') })).toBe('C:\\tools\\chrome.exe');
  });

  it('fails with browser-not-found and the install hint when nothing is found', () => {
    const error = thrown(() => findBrowser({ ...linux, env: { PATH: '/usr/bin' }, exists: only() }));
    expect(error.code).toBe('browser-not-found');
    expect(error.message).toMatch(/no Chromium, Chrome or Edge/);
    expect(error.hint).toBe(BROWSER_INSTALL_HINT);
    expect(error.hint).toContain('apt-get install chromium');
    expect(error.hint).toContain('--browser PATH');
    expect(error.exitCode).toBe(1);
  });

  it('names an explicit path that does not exist, rather than falling back to another browser', () => {
    const error = thrown(() => findBrowser({ ...linux, browser: '/nope/chrome', exists: only('/usr/bin/chromium') }));
    expect(error.code).toBe('browser-not-found');
    expect(error.message).toContain('/nope/chrome');
    expect(error.hint).toBe(BROWSER_INSTALL_HINT);
  });

  it('names an environment variable that points nowhere', () => {
    const error = thrown(() => findBrowser({ ...linux, env: { CHROME_PATH: '/gone/chrome' }, exists: only('/usr/bin/chromium') }));
    expect(error.code).toBe('browser-not-found');
    expect(error.message).toContain('CHROME_PATH');
    expect(error.message).toContain('/gone/chrome');
  });
});
