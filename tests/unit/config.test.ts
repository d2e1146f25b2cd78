/**
 * config.ts: UserConfig layers → one ResolvedConfig with every default filled once (later layers
 * win; `pdf` and `browser` merge key by key), bad values refused as `config-invalid` with a message
 * that names the option and the value; and one deck's options from its front matter (`lectern:`
 * block, top-level `theme`), with the CLI's overrides winning over both.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DECK_OPTIONS,
  DEFAULT_PDF_CONFIG,
  DEFAULT_TIMEOUT_SECONDS,
  deckUrl,
  defineConfig,
  resolveConfig,
  resolveDeckOptions,
  type UserConfig,
} from '../../src/config.js';
import { LecternError } from '../../src/errors.js';

/** The LecternError `fn` throws (fails the test when it throws none, or something else). */
function thrown(fn: () => unknown): LecternError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LecternError);
    return err as LecternError;
  }
  return expect.fail('expected a LecternError');
}

describe('resolveConfig: defaults', () => {
  it('fills every default when given nothing', () => {
    expect(resolveConfig()).toEqual({
      theme: 'light',
      layout: 'stacked',
      width: 1280,
      height: 720,
      maxPoints: 5,
      maxWords: 70,
      maxCodeLines: 22,
      statementWords: 8,
      unsafeHtml: false,
      wordsPerMinute: 130,
      duration: 0,
      notes: true,
      css: [],
      outDir: 'dist',
      strict: false,
      base: '/',
      allowDirs: [],
      overrides: {},
      pdf: { paper: 'a4', handoutLayout: 'flow', handoutColors: 'print', printColors: false, steps: false },
      browser: { timeoutMs: 30_000 },
      fetch: true,
      cacheDir: 'node_modules/.cache/lectern',
    });
  });

  it('takes allowDirs as a list of folders (one folder alone too), and refuses anything else', () => {
    expect(resolveConfig({ allowDirs: ['../shared', 'img'] }).allowDirs).toEqual(['../shared', 'img']);
    expect(resolveConfig({ allowDirs: 'img' as unknown as string[] }).allowDirs).toEqual(['img']);
    expect(() => resolveConfig({ allowDirs: [3] as unknown as string[] })).toThrow(/allowDirs must be a list of folders/);
  });

  it('takes siteUrl only as an absolute http(s) URL', () => {
    expect(resolveConfig({ siteUrl: 'https://example.org/talks/' }).siteUrl).toBe('https://example.org/talks/');
    for (const bad of ['notaurl', '/talks/', 'javascript:alert(1)', 'file:///etc/']) expect(() => resolveConfig({ siteUrl: bad })).toThrow(/siteUrl must be an absolute http\(s\) URL/);
  });

  it('writes the PDF and browser defaults in one place each', () => {
    expect(DEFAULT_PDF_CONFIG).toEqual({ paper: 'a4', handoutLayout: 'flow', handoutColors: 'print', printColors: false, steps: false });
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(30);
    expect(resolveConfig({}).browser.timeoutMs).toBe(DEFAULT_TIMEOUT_SECONDS * 1000);
    expect(resolveConfig({ pdf: {}, browser: {} }).pdf).toEqual(DEFAULT_PDF_CONFIG);
  });

  it('leaves siteUrl and browser.path out when not given (no key set to undefined)', () => {
    const config = resolveConfig({ outDir: 'x' });
    expect('siteUrl' in config).toBe(false);
    expect('path' in config.browser).toBe(false);
  });

  it('fills the defaults of a partial layer and keeps what it says', () => {
    const config = resolveConfig({ theme: 'dark', maxPoints: 3, pdf: { steps: true }, browser: { timeout: 12 } });
    expect(config).toMatchObject({ ...DEFAULT_DECK_OPTIONS, theme: 'dark', maxPoints: 3, outDir: 'dist' });
    expect(config.pdf).toEqual({ paper: 'a4', handoutLayout: 'flow', handoutColors: 'print', printColors: false, steps: true });
    expect(config.browser).toEqual({ timeoutMs: 12_000 });
  });

  it('normalises the base path to /…/', () => {
    expect(resolveConfig({ base: 'talks' }).base).toBe('/talks/');
    expect(resolveConfig({ base: '/talks' }).base).toBe('/talks/');
    expect(resolveConfig({ base: ' talks/ ' }).base).toBe('/talks/');
    expect(resolveConfig({ base: '/' }).base).toBe('/');
  });

  it('defineConfig returns its argument as is', () => {
    const user: UserConfig = { theme: 'dark' };
    expect(defineConfig(user)).toBe(user);
  });
});

describe('resolveConfig: layers', () => {
  it('a later layer wins, key by key; undefined in a later layer changes nothing', () => {
    const config = resolveConfig(
      { theme: 'dark', outDir: 'a', strict: true, siteUrl: 'https://a.example/' },
      { outDir: 'b', theme: undefined },
      { siteUrl: 'https://c.example/', strict: undefined },
    );
    expect(config.theme).toBe('dark');
    expect(config.outDir).toBe('b');
    expect(config.strict).toBe(true);
    expect(config.siteUrl).toBe('https://c.example/');
  });

  it('merges pdf key by key across layers', () => {
    const config = resolveConfig({ pdf: { paper: 'letter', steps: true } }, { pdf: { handoutLayout: '3up' } }, { pdf: { paper: undefined, steps: false } });
    expect(config.pdf).toEqual({ paper: 'letter', handoutLayout: '3up', handoutColors: 'print', printColors: false, steps: false });
  });

  it('merges browser key by key across layers (the timeout in milliseconds)', () => {
    expect(resolveConfig({ browser: { path: '/opt/chrome' } }, { browser: { timeout: 5 } }).browser).toEqual({ path: '/opt/chrome', timeoutMs: 5000 });
    expect(resolveConfig({ browser: { path: '/opt/chrome', timeout: 5 } }, { browser: { path: undefined } }).browser).toEqual({ path: '/opt/chrome', timeoutMs: 5000 });
    expect(resolveConfig({ browser: { timeout: 0.5 } }).browser.timeoutMs).toBe(500);
  });

  it('takes the overrides of the last layer that has some, whole', () => {
    expect(resolveConfig({ overrides: { theme: 'dark', layout: 'flat' } }, { overrides: { theme: 'light' } }).overrides).toEqual({ theme: 'light' });
    expect(resolveConfig({ overrides: { theme: 'dark' } }, {}).overrides).toEqual({ theme: 'dark' });
  });

  it('never changes the layers it is given', () => {
    const a: UserConfig = { theme: 'dark', pdf: { paper: 'letter' }, browser: { timeout: 3 }, overrides: { layout: 'flat' } };
    const b: UserConfig = { pdf: { steps: true }, browser: { path: '/x' } };
    const copies = structuredClone([a, b]);
    resolveConfig(a, b);
    expect([a, b]).toEqual(copies);
  });
});

describe('resolveConfig: validation', () => {
  it.each<[string, UserConfig, RegExp]>([
    ['a layout that is neither stacked nor flat', { layout: 'diagonal' as 'flat' }, /^layout must be "stacked" or "flat", not "diagonal"$/],
    ['a width of 0', { width: 0 }, /^width must be a positive number, not 0$/],
    ['a negative height', { height: -720 }, /^height must be a positive number, not -720$/],
    ['maxPoints that is not a number', { maxPoints: '5' as unknown as number }, /^maxPoints must be a positive number, not "5"$/],
    ['maxWords of NaN', { maxWords: Number.NaN }, /^maxWords must be a positive number, not NaN$/],
    ['an infinite maxCodeLines', { maxCodeLines: Number.POSITIVE_INFINITY }, /^maxCodeLines must be a positive number/],
    ['statementWords of -1', { statementWords: -1 }, /^statementWords must be a positive number, not -1$/],
    ['unsafeHtml as a string', { unsafeHtml: 'yes' as unknown as boolean }, /^unsafeHtml must be true or false, not "yes"$/],
    ['a theme name with spaces', { theme: 'My Theme' }, /^theme must be a theme name or the path of a \.css file, not "My Theme"$/],
    ['a theme name that climbs out', { theme: '../x' }, /^theme must be a theme name/],
    ['paper a3', { pdf: { paper: 'a3' as 'a4' } }, /^pdf\.paper must be a4 or letter, not "a3"$/],
    ['handout layout 2up', { pdf: { handoutLayout: '2up' as '3up' } }, /^pdf\.handoutLayout must be flow, notes or 3up, not "2up"$/],
    ['steps as a string', { pdf: { steps: 'yes' as unknown as boolean } }, /^pdf\.steps must be true or false, not "yes"$/],
    ['a timeout of 0', { browser: { timeout: 0 } }, /^browser\.timeout must be a number of seconds, not 0$/],
    ['a negative timeout', { browser: { timeout: -5 } }, /^browser\.timeout must be a number of seconds, not -5$/],
    ['a timeout as text', { browser: { timeout: '30' as unknown as number } }, /^browser\.timeout must be a number of seconds, not "30"$/],
    ['a timeout of NaN', { browser: { timeout: Number.NaN } }, /^browser\.timeout must be a number of seconds/],
    ['a browser path that is a number', { browser: { path: 42 as unknown as string } }, /^browser\.path must be a file path, not 42$/],
  ])('refuses %s as config-invalid, naming the option and the value', (_what, layer, message) => {
    const err = thrown(() => resolveConfig(layer));
    expect(err.code).toBe('config-invalid');
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(message);
  });

  it('validates the merged result: a later good layer mends an earlier bad value', () => {
    expect(resolveConfig({ pdf: { paper: 'a3' as 'a4' } }, { pdf: { paper: 'letter' } }).pdf.paper).toBe('letter');
    expect(resolveConfig({ width: 0 }, { width: 800 }).width).toBe(800);
  });
});

describe('resolveDeckOptions', () => {
  const config = resolveConfig({ theme: 'dark', maxPoints: 4 });

  it('takes the config when the front matter says nothing', () => {
    expect(resolveDeckOptions(config, {})).toEqual({ ...DEFAULT_DECK_OPTIONS, theme: 'dark', maxPoints: 4 });
  });

  it('returns deck options only, none of the site settings', () => {
    const options = resolveDeckOptions(resolveConfig({ outDir: 'x', siteUrl: 'https://a.example/' }), {});
    expect(Object.keys(options).sort()).toEqual(Object.keys(DEFAULT_DECK_OPTIONS).sort());
  });

  it('reads the front matter `lectern:` block over the config', () => {
    const options = resolveDeckOptions(config, { lectern: { layout: 'flat', maxPoints: 3, width: 1920, height: 1080, unsafeHtml: true } });
    expect(options).toMatchObject({ theme: 'dark', layout: 'flat', maxPoints: 3, width: 1920, height: 1080, unsafeHtml: true });
  });

  it('reads a top-level `theme:`, and the `lectern:` block wins over it', () => {
    expect(resolveDeckOptions(config, { theme: 'eventlet' }).theme).toBe('eventlet');
    expect(resolveDeckOptions(config, { theme: 'eventlet', lectern: { theme: 'light' } }).theme).toBe('light');
  });

  it('reads only the theme at top level (a top-level `layout:` is the Jekyll layout, not the deck layout)', () => {
    expect(resolveDeckOptions(config, { layout: 'post', maxPoints: 9 })).toMatchObject({ layout: 'stacked', maxPoints: 4 });
  });

  it('ignores a `lectern:` that is not a mapping, and keys that are not deck options', () => {
    expect(resolveDeckOptions(config, { lectern: 'flat' })).toEqual(resolveDeckOptions(config, {}));
    expect(resolveDeckOptions(config, { lectern: null })).toEqual(resolveDeckOptions(config, {}));
    expect(resolveDeckOptions(config, { lectern: { outDir: 'elsewhere', strict: true } })).not.toHaveProperty('outDir');
  });

  it('lets the overrides (CLI flags) win over front matter and config; undefined overrides nothing', () => {
    const raw = { theme: 'eventlet', lectern: { layout: 'flat', maxWords: 50 } };
    const options = resolveDeckOptions(config, raw, 'a.md', { theme: 'light', layout: 'stacked', maxWords: undefined });
    expect(options).toMatchObject({ theme: 'light', layout: 'stacked', maxWords: 50, maxPoints: 4 });
  });

  it('refuses a bad front matter value as config-invalid located in the article', () => {
    const err = thrown(() => resolveDeckOptions(config, { lectern: { layout: 'sideways' } }, 'talks/a.md'));
    expect(err.code).toBe('config-invalid');
    expect(err.file).toBe('talks/a.md');
    expect(err.message).toBe('layout must be "stacked" or "flat", not "sideways"');
    expect(thrown(() => resolveDeckOptions(config, { lectern: { maxCodeLines: 0 } }, 'a.md')).message).toBe('maxCodeLines must be a positive number, not 0');
    expect(thrown(() => resolveDeckOptions(config, { theme: 'Fancy Theme' }, 'a.md')).message).toBe('theme must be a theme name or the path of a .css file, not "Fancy Theme"');
  });

  it('never changes the front matter or the config it reads', () => {
    const raw = { theme: 'eventlet', lectern: { layout: 'flat' } };
    const copy = structuredClone(raw);
    const before = structuredClone(config);
    resolveDeckOptions(config, raw, 'a.md', { theme: 'light' });
    expect(raw).toEqual(copy);
    expect(config).toEqual(before);
  });
});

describe('deckUrl', () => {
  it('joins the site URL and the slug with or without a trailing slash', () => {
    expect(deckUrl('https://example.org/talks/', 'eventlet')).toBe('https://example.org/talks/eventlet/');
    expect(deckUrl('https://example.org/talks', 'eventlet')).toBe('https://example.org/talks/eventlet/');
  });

  it('percent-encodes a slug in another script, as browsers send it', () => {
    expect(deckUrl('https://example.org/', '日本語')).toBe('https://example.org/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
  });
});
