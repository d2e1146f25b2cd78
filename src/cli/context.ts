/**
 * What every command of the CLI shares: the logger, the working folder, flags → config (config file
 * < flags, flags validated as usage errors), and the default inputs.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { resolveConfig, type ResolvedConfig, type UserConfig } from '../config.js';
import { LecternError } from '../errors.js';
import { loadConfigFile } from '../load/config-file.js';
import type { Logger } from './log.js';

/** The flags every command may have (cac turns `--handout-layout` into `handoutLayout`). */
export interface CliFlags {
  readonly config?: string;
  readonly out?: string;
  readonly theme?: string;
  readonly layout?: string;
  readonly strict?: boolean;
  readonly pdf?: boolean;
  readonly browser?: string;
  readonly timeout?: number | string;
  readonly paper?: string;
  readonly handout?: boolean;
  readonly handoutLayout?: string;
  readonly handoutColors?: string;
  readonly printColors?: boolean;
  readonly steps?: boolean;
  readonly base?: string;
  readonly siteUrl?: string;
  readonly unsafeHtml?: boolean;
  /** False with `--no-fetch` (cac sets true when the flag is absent). */
  readonly fetch?: boolean;
  readonly json?: boolean;
  readonly fit?: boolean;
  /** `--no-a11y`: false. */
  readonly a11y?: boolean;
  readonly port?: number | string;
  readonly host?: string;
  /** `--allow-dir`, once or more. */
  readonly allowDir?: string | readonly string[];
  /** `--duration 20m`: the talk's time slot. */
  readonly duration?: string | number;
  readonly wordsPerMinute?: number | string;
  /** False with `--no-notes` (cac sets true otherwise, on the commands that have the flag). */
  readonly notes?: boolean;
  readonly watch?: boolean;
  readonly quiet?: boolean;
}

/** One run of the CLI. */
export interface CliContext {
  readonly log: Logger;
  readonly cwd: string;
}

/** The user config the flags say (only what they set). */
export function configFromFlags(flags: CliFlags): UserConfig {
  // Flags win over front matter, so deck options go in `overrides`, not the config defaults.
  const overrides: NonNullable<UserConfig['overrides']> = {
    ...(flags.theme === undefined ? {} : { theme: String(flags.theme) }),
    ...(flags.layout === undefined ? {} : { layout: flags.layout as 'stacked' | 'flat' }),
    ...(flags.unsafeHtml ? { unsafeHtml: true } : {}),
    ...(flags.duration === undefined ? {} : { duration: String(flags.duration) }),
    ...(flags.wordsPerMinute === undefined ? {} : { wordsPerMinute: numberFlag(flags.wordsPerMinute) }),
  };
  return {
    overrides,
    ...(flags.out === undefined ? {} : { outDir: String(flags.out) }),
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.base === undefined ? {} : { base: String(flags.base) }),
    ...(flags.siteUrl === undefined ? {} : { siteUrl: String(flags.siteUrl) }),
    ...(flags.allowDir === undefined ? {} : { allowDirs: [flags.allowDir].flat().map(String) }),
    // Only the opt-out is a flag: a config file's `fetch: false` stands when the flag is absent.
    ...(flags.fetch === false ? { fetch: false } : {}),
    ...(flags.notes === false ? { notes: false } : {}),
    pdf: {
      ...(flags.paper === undefined ? {} : { paper: flags.paper as 'a4' }),
      ...(flags.handoutLayout === undefined ? {} : { handoutLayout: flags.handoutLayout as 'flow' }),
      ...(flags.handoutColors === undefined ? {} : { handoutColors: flags.handoutColors as 'print' }),
      ...(flags.printColors ? { printColors: true } : {}),
      ...(flags.steps ? { steps: true } : {}),
    },
    browser: {
      ...(flags.browser === undefined ? {} : { path: String(flags.browser) }),
      ...(flags.timeout === undefined ? {} : { timeout: numberFlag(flags.timeout) }),
    },
  };
}

/** A number flag as a number; text that is not one is kept, so the error shows what was typed (not `null`). */
function numberFlag(value: number | string): number {
  const n = Number(value);
  return (Number.isNaN(n) ? value : n) as number;
}

/** Config file (in the working folder, or --config) < flags, resolved once. */
export async function resolveCliConfig(flags: CliFlags, ctx: CliContext, extra: UserConfig = {}): Promise<ResolvedConfig> {
  const fromFlags = { ...configFromFlags(flags), ...extra };
  try {
    // The flags alone first: a bad value there is bad usage (exit 2), not a bad config file.
    resolveConfig(fromFlags, { overrides: {} });
    validateOverrides(fromFlags);
    // Deck options given as flags are checked as a deck would take them (a bad --duration is bad usage).
    const { duration, wordsPerMinute } = fromFlags.overrides ?? {};
    resolveConfig({ duration, wordsPerMinute, overrides: {} });
  } catch (err) {
    if (err instanceof LecternError) throw new LecternError('usage', `${flagMessage(err.message)}`, { hint: 'run `lectern --help`' });
    throw err;
  }
  const file = await loadConfigFile(ctx.cwd, flags.config === undefined ? undefined : resolve(ctx.cwd, String(flags.config)));
  for (const d of file.diagnostics) ctx.log.diagnostic({ ...d, file: shownPath(d.file, ctx.cwd) });
  return resolveConfig(file.config, fromFlags);
}

/** A path relative to `cwd` when it is inside it. */
function shownPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function validateOverrides(config: UserConfig): void {
  const layout = config.overrides?.layout;
  if (layout !== undefined && layout !== 'stacked' && layout !== 'flat') {
    throw new LecternError('config-invalid', `layout must be "stacked" or "flat", not ${JSON.stringify(layout)}`);
  }
}

/** A config message in the words of the flags (`pdf.paper must…` → `--paper must…`). */
function flagMessage(message: string): string {
  return message
    .replace(/^pdf\.handoutLayout/, '--handout-layout')
    .replace(/^pdf\.handoutColors/, '--handout-colors')
    .replace(/^pdf\.paper/, '--paper')
    .replace(/^browser\.timeout/, '--timeout')
    .replace(/^layout/, '--layout')
    .replace(/^duration/, '--duration')
    .replace(/^wordsPerMinute/, '--words-per-minute')
    .replace(/^siteUrl/, '--site-url')
    .replace(/^allowDirs/, '--allow-dir');
}

/** `inputs`, or `decks/` when none are given (a usage error when there is no decks/ either). */
export function defaultInputs(inputs: readonly string[], ctx: CliContext): string[] {
  if (inputs.length > 0) return [...inputs];
  if (existsSync(join(ctx.cwd, 'decks'))) return ['decks'];
  throw new LecternError('usage', 'no articles given and there is no decks/ folder here', { hint: 'run `lectern build path/to/article.md` or `lectern build folder/`' });
}
