/**
 * The `lectern` command. It only turns flags into config, calls the library, and prints: results to
 * stdout, diagnostics and errors to stderr, each error once. Exit codes: 0 ok, 1 problem in an
 * article or the environment, 2 bad usage.
 */
import { cac } from 'cac';
import { existsSync, readFileSync } from 'node:fs';
import { resolveConfig, type UserConfig } from './config.js';
import { loadConfigFile } from './config-file.js';
import { formatDiagnostic, formatError, LecternError } from './errors.js';
import type { Diagnostic } from './model.js';
import { buildSite, type BuildEvent } from './site/build.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url).pathname.replace('/build/package.json', '/package.json'), 'utf8')) as { version: string }).version;

interface CliFlags {
  config?: string;
  out?: string;
  theme?: string;
  layout?: string;
  strict?: boolean;
  pdf?: boolean;
  browser?: string;
  timeout?: number;
  paper?: string;
  base?: string;
  siteUrl?: string;
}

/** Print to stderr: the one logger of the project. */
const log = {
  diagnostic(d: Diagnostic): void {
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  },
  error(err: LecternError): void {
    process.stderr.write(`${formatError(err)}\n`);
  },
};

function configFrom(flags: CliFlags): UserConfig {
  const config: UserConfig = {};
  if (flags.out !== undefined) config.outDir = String(flags.out);
  // Flags win over front matter, so they go in `overrides`, not the config defaults.
  const overrides: NonNullable<UserConfig['overrides']> = {};
  if (flags.theme !== undefined) overrides.theme = String(flags.theme);
  if (flags.layout !== undefined) overrides.layout = flags.layout as UserConfig['layout'];
  config.overrides = overrides;
  if (flags.strict) config.strict = true;
  if (flags.base !== undefined) config.base = String(flags.base);
  if (flags.siteUrl !== undefined) config.siteUrl = String(flags.siteUrl);
  return config;
}

function defaultInputs(inputs: readonly string[]): string[] {
  if (inputs.length > 0) return [...inputs];
  if (existsSync('decks')) return ['decks'];
  throw new LecternError('usage', 'no articles given and there is no decks/ folder here', { hint: 'run `lectern build path/to/article.md` or `lectern build folder/`' });
}

function onEvent(event: BuildEvent): void {
  if (event.type === 'deck') {
    const d = event.deck;
    const warnings = d.diagnostics.filter((x) => x.severity !== 'info').length;
    for (const diagnostic of d.diagnostics) log.diagnostic(diagnostic);
    process.stdout.write(`${d.slug}: ${d.slideCount} slides, ${d.codeBlockCount} code blocks, ${warnings} diagnostics → ${d.output}\n`);
  } else if (event.type === 'pdf') {
    process.stdout.write(`${event.slug}: ${event.pages} pages → ${event.file}\n`);
  } else log.diagnostic(event.diagnostic);
}

async function runBuild(inputs: string[], flags: CliFlags): Promise<void> {
  const config = resolveConfig(await loadConfigFile(process.cwd(), flags.config), configFrom(flags));
  const started = performance.now();
  const result = await buildSite({
    inputs: defaultInputs(inputs),
    config,
    pdf: flags.pdf === true,
    onEvent,
    pdfOptions: {
      ...(flags.browser !== undefined ? { browser: String(flags.browser) } : {}),
      ...(flags.timeout !== undefined ? { timeoutMs: Number(flags.timeout) * 1000 } : {}),
      ...(flags.paper === 'letter' ? { paper: 'letter' as const } : {}),
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(`built ${result.decks.length} ${result.decks.length === 1 ? 'deck' : 'decks'} into ${result.outDir}/ in ${seconds} s\n`);
}

function main(argv: string[]): void {
  const cli = cac('lectern');
  cli
    .command('build [...inputs]', 'Build decks (HTML, and PDFs with --pdf) from articles or folders of articles (default: decks/)')
    .option('--out <dir>', 'Output folder (default: dist)')
    .option('--config <file>', 'Config file (default: lectern.config.json, .mjs or .js in this folder)')
    .option('--theme <name>', 'Theme: light, dark, eventlet (front matter `theme:` wins over the default, this flag over both)')
    .option('--layout <layout>', 'stacked (h3 slides beneath their h2) or flat')
    .option('--strict', 'Fail on warnings too')
    .option('--pdf', 'Also export slides.pdf and handout.pdf for every deck (needs Chromium or Chrome)')
    .option('--browser <path>', 'Browser executable for PDFs (else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, usual install paths)')
    .option('--timeout <seconds>', 'Give up on a deck that is not ready in the browser after this long', { default: 30 })
    .option('--paper <size>', 'Handout paper: a4 or letter', { default: 'a4' })
    .option('--base <path>', 'Public base path of the site, e.g. /talks/', { default: '/' })
    .option('--site-url <url>', 'Public URL of the site, for canonical links and QR codes')
    .example('lectern build decks --pdf')
    .example('lectern build article.md --theme dark --out public')
    .action((inputs: string[], flags: CliFlags) => runBuild(inputs, flags));
  cli.help();
  cli.version(VERSION);
  let parsed;
  try {
    parsed = cli.parse(argv, { run: false });
  } catch (err) {
    fail(new LecternError('usage', (err as Error).message, { hint: 'run `lectern --help`' }));
    return;
  }
  if (parsed.options['help'] || parsed.options['version']) return;
  if (!cli.matchedCommand) {
    const name = parsed.args[0];
    fail(new LecternError('usage', name === undefined ? 'no command given' : `unknown command "${name}"`, { hint: 'run `lectern --help`' }));
    return;
  }
  let running: unknown;
  try {
    running = cli.runMatchedCommand();
  } catch (err) {
    // cac checks unknown options and missing option values here, synchronously: bad usage, not a bug.
    fail(new LecternError('usage', (err as Error).message, { hint: 'run `lectern build --help`' }));
    return;
  }
  Promise.resolve(running).catch(fail);
}

function fail(err: unknown): void {
  if (err instanceof LecternError) {
    for (const d of err.diagnostics) log.diagnostic(d);
    log.error(err);
    process.exitCode = err.exitCode;
    return;
  }
  // A bug in Lectern, not in the article: show the stack so it can be reported.
  process.stderr.write(`internal error: ${(err as Error)?.stack ?? String(err)}\nPlease report this with the article that caused it.\n`);
  process.exitCode = 70;
}

main(process.argv);
