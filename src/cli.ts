/**
 * The `lectern` command. It only turns flags into config, calls the library, and prints: results to
 * stdout, diagnostics and errors to stderr, each error once. Exit codes: 0 ok, 1 problem in an
 * article or the environment, 2 bad usage.
 */
import { cac } from 'cac';
import { existsSync, readFileSync } from 'node:fs';
import { resolveConfig, type UserConfig } from './config.js';
import { loadConfigFile } from './config-file.js';
import { LecternError } from './errors.js';
import { createReporter, log } from './cli-report.js';
import { buildSite, type PdfBuildOptions } from './site/build.js';
import { exportPdfs } from './site/pdf-command.js';
import { registerSiteCommands } from './cli-site.js';
import { registerCheckCommand } from './cli-check.js';

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
  handout?: boolean;
  handoutLayout?: string;
  steps?: boolean;
  base?: string;
  siteUrl?: string;
  unsafeHtml?: boolean;
}

function configFrom(flags: CliFlags): UserConfig {
  const config: UserConfig = {};
  if (flags.out !== undefined) config.outDir = String(flags.out);
  // Flags win over front matter, so they go in `overrides`, not the config defaults.
  const overrides: NonNullable<UserConfig['overrides']> = {};
  if (flags.theme !== undefined) overrides.theme = String(flags.theme);
  if (flags.layout !== undefined) {
    if (flags.layout !== 'stacked' && flags.layout !== 'flat') throw new LecternError('usage', `--layout must be stacked or flat, not "${flags.layout}"`);
    overrides.layout = flags.layout;
  }
  if (flags.unsafeHtml) overrides.unsafeHtml = true;
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

function pdfOptionsFrom(flags: CliFlags): PdfBuildOptions {
  const paper = flags.paper ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter') throw new LecternError('usage', `--paper must be a4 or letter, not "${paper}"`);
  const layout = flags.handoutLayout ?? 'notes';
  if (layout !== 'notes' && layout !== '3up') throw new LecternError('usage', `--handout-layout must be notes or 3up, not "${layout}"`);
  const timeout = Number(flags.timeout ?? 30);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new LecternError('usage', `--timeout must be a number of seconds, not "${flags.timeout}"`);
  return {
    paper,
    layout,
    timeoutMs: timeout * 1000,
    steps: flags.steps === true,
    ...(flags.browser !== undefined ? { browser: String(flags.browser) } : {}),
  };
}

async function resolveCliConfig(flags: CliFlags) {
  return resolveConfig(await loadConfigFile(process.cwd(), flags.config), configFrom(flags));
}

async function runBuild(inputs: string[], flags: CliFlags): Promise<void> {
  const config = await resolveCliConfig(flags);
  const started = performance.now();
  const files = defaultInputs(inputs);
  const reporter = createReporter();
  try {
    const result = await buildSite({ inputs: files, config, pdf: flags.pdf === true, onEvent: reporter.onEvent, pdfOptions: pdfOptionsFrom(flags) });
    reporter.done();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    log.result(`built ${result.decks.length} ${result.decks.length === 1 ? 'deck' : 'decks'} into ${result.outDir}/ in ${seconds} s`);
  } finally {
    reporter.done();
  }
}

async function runPdf(inputs: string[], flags: CliFlags): Promise<void> {
  if (inputs.length === 0) throw new LecternError('usage', 'name the articles to export', { hint: 'lectern pdf decks/eventlet.md --handout' });
  const config = await resolveCliConfig({ ...flags, out: flags.out ?? '.' });
  const reporter = createReporter();
  try {
    await exportPdfs({ inputs, config, handout: flags.handout === true, onEvent: (e) => e.type !== 'deck' && reporter.onEvent(e), pdfOptions: pdfOptionsFrom(flags) });
  } finally {
    reporter.done();
  }
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
    .option('--unsafe-html', "Keep the articles' raw HTML as written instead of sanitizing it (only for articles you trust)")
    .option('--pdf', 'Also export slides.pdf and handout.pdf for every deck (needs Chromium or Chrome)')
    .option('--browser <path>', 'Browser executable for PDFs (else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, usual install paths)')
    .option('--timeout <seconds>', 'Give up on a deck that is not ready in the browser after this long (default: 30)')
    .option('--paper <size>', 'Handout paper: a4 or letter (default: a4)')
    .option('--handout-layout <layout>', 'Handout layout: notes (slide above its notes) or 3up (default: notes)')
    .option('--steps', 'Slides PDF: one page per fragment step')
    .option('--base <path>', 'Public base path of the site, e.g. /talks/', { default: '/' })
    .option('--site-url <url>', 'Public URL of the site, for canonical links and QR codes')
    .example('lectern build decks --pdf')
    .example('lectern build article.md --theme dark --out public')
    .action((inputs: string[], flags: CliFlags) => runBuild(inputs, flags));
  cli
    .command('pdf [...inputs]', 'Export <slug>.slides.pdf (and <slug>.handout.pdf with --handout) for articles, without a site')
    .option('--out <dir>', 'Where the PDFs go (default: this folder)')
    .option('--handout', 'Also export the handout: each slide with its speaker notes')
    .option('--handout-layout <layout>', 'notes (slide above its notes) or 3up (three slides a page, notes beside) (default: notes)')
    .option('--paper <size>', 'Handout paper: a4 or letter (default: a4)')
    .option('--steps', 'Slides PDF: one page per fragment step')
    .option('--browser <path>', 'Browser executable (else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, usual install paths)')
    .option('--timeout <seconds>', 'Give up on a deck that is not ready after this long (default: 30)')
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .example('lectern pdf decks/eventlet.md --handout')
    .action((inputs: string[], flags: CliFlags) => runPdf(inputs, flags));
  registerSiteCommands(cli, { resolveConfig: (f) => resolveCliConfig(f as CliFlags), defaultInputs });
  registerCheckCommand(cli, { resolveConfig: (f) => resolveCliConfig(f as CliFlags), defaultInputs });
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
