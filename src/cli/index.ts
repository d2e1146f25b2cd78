/**
 * The `lectern` command: `runCli(args)` parses the command line, runs one command and returns its
 * exit code — 0 ok, 1 a problem in an article or the environment, 2 bad usage, 70 a bug in Lectern.
 * Each command's code is imported only when it runs, so `lectern --version` loads no pipeline. The
 * CLI only turns flags into config, calls the library, and prints through its one logger; each
 * error is printed once, here.
 */
import { cac, type CAC } from 'cac';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LecternError } from '../errors.js';
import type { CliContext, CliFlags } from './context.js';
import { createLogger, type CliIo } from './log.js';

const FETCH_HELP = 'Do not fetch remote (https://) images into the deck folder: the deck links them (and needs the network)';
const BROWSER_HELP = 'Browser executable (else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, usual install paths)';
const TIMEOUT_HELP = 'Give up on a deck that is not ready in the browser after this long (default: 30)';
const LAYOUT_HELP = 'Handout layout: flow (slides with their notes beneath, as many a page as fit), notes (one slide a page) or 3up (three slides a page, notes beside) (default: flow)';
const COLORS_HELP = "Handout slides: print (the theme's light print variant) or screen (as projected) (default: print)";
const PRINT_COLORS_HELP = "Slides PDF: print the slides in the theme's light print variant";
const ALLOW_DIR_HELP = "Also let articles use images from this folder (repeatable; default: only the article's own folder and site)";
const DURATION_HELP = 'Time slot of the talk, e.g. 20m, 1h30m, 45:00: what does not fit moves to backup slides after the closing slide (front matter `duration:`)';
const WPM_HELP = 'Speaking pace of the notes, for the slides\' timing and the talk\'s length (default: 130)';
const NO_NOTES_HELP = 'Publish without the speaker notes: no page, handout or reading view holds them';

/** Lectern's version, from its package.json (found from this file, compiled or not). */
export function version(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(fileURLToPath(new URL(up, import.meta.url)), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lectern' && pkg.version !== undefined) return pkg.version;
    } catch {
      // Not at this depth: build/cli.js (one up) or src/cli/index.ts (two up).
    }
  }
  return '0.0.0';
}

/** Run the CLI on `args` (the words after `lectern`); resolves with the exit code. */
export async function runCli(args: readonly string[], io: CliIo = process): Promise<number> {
  // Known before cac parses, so that even a usage error is printed as --quiet asks.
  const log = createLogger(io, { quiet: args.includes('--quiet') || args.includes('-q') });
  const ctx: CliContext = { log, cwd: process.cwd() };
  let running: Promise<number> | undefined;
  const { args: safeArgs, restore } = protectFileNames(args);
  const cli = defineCommands(ctx, (p) => (running = p), restore);
  try {
    // cac prints help and the version itself, through console.log: capture it into `io`.
    const parsed = withConsole(io, () => cli.parse(['node', 'lectern', ...safeArgs], { run: false }));
    if (parsed.options['help'] || parsed.options['version']) return 0;
    if (!cli.matchedCommand) {
      const name = parsed.args[0] === undefined ? undefined : restore(parsed.args[0]);
      throw new LecternError('usage', name === undefined ? 'no command given' : `unknown command "${name}"`, { hint: 'run `lectern --help`' });
    }
    try {
      cli.runMatchedCommand();
    } catch (err) {
      // cac checks unknown options and missing option values here, synchronously: bad usage, not a bug.
      throw new LecternError('usage', (err as Error).message, { hint: `run \`lectern ${cli.matchedCommandName ?? ''} --help\`` });
    }
    return await (running ?? Promise.resolve(0));
  } catch (err) {
    return fail(err, log);
  }
}

function fail(err: unknown, log: ReturnType<typeof createLogger>): number {
  if (err instanceof LecternError) {
    for (const d of err.diagnostics) log.diagnostic(d);
    log.error(err);
    return err.exitCode;
  }
  if (err instanceof Error && /^Unknown option|missing required args|value is missing/i.test(err.message)) {
    log.error(new LecternError('usage', err.message, { hint: 'run `lectern --help`' }));
    return 2;
  }
  // A bug in Lectern, not in the article: show the stack so it can be reported.
  log.internal(err);
  return 70;
}

/** The commands and their flags; each action hands its (lazily imported) run to `start`. */
function defineCommands(ctx: CliContext, start: (run: Promise<number>) => void, restore: (arg: string) => string): CAC {
  const cli = cac('lectern');
  const files = (inputs: readonly string[]): string[] => inputs.map(restore);
  cli
    .command('build [...inputs]', 'Build decks (HTML, and PDFs with --pdf) from articles or folders of articles (default: decks/)')
    .option('--allow-dir <dir>', ALLOW_DIR_HELP)
    .option('--out <dir>', 'Output folder (default: dist)')
    .option('--config <file>', 'Config file (default: lectern.config.ts, .mts, .cts, .js, .mjs or .json in this folder)')
    .option('--theme <name>', 'Theme: light, dark, eventlet, or a theme file ./my-theme.css (front matter `theme:` wins over the default, this flag over both)')
    .option('--layout <layout>', 'stacked (h3 slides beneath their h2) or flat')
    .option('--strict', 'Fail on warnings too')
    .option('--unsafe-html', "Keep the articles' raw HTML as written instead of sanitizing it (only for articles you trust)")
    .option('--no-fetch', FETCH_HELP)
    .option('--pdf', 'Also export slides.pdf and handout.pdf for every deck (needs Chromium or Chrome)')
    .option('--browser <path>', BROWSER_HELP)
    .option('--timeout <seconds>', TIMEOUT_HELP)
    .option('--paper <size>', 'Handout paper: a4 or letter (default: a4)')
    .option('--handout-layout <layout>', LAYOUT_HELP)
    .option('--handout-colors <colors>', COLORS_HELP)
    .option('--print-colors', PRINT_COLORS_HELP)
    .option('--steps', 'Slides PDF: one page per fragment step')
    .option('--pptx', 'Also write <out>/<slug>/slides.pptx, an editable PowerPoint file with the speaker notes, linked from the index (with or without --pdf)')
    .option('--base <path>', 'Public base path of the site, e.g. /talks/ (default: /)')
    .option('--site-url <url>', 'Public URL of the site, for canonical links and QR codes')
    .option('--duration <time>', DURATION_HELP)
    .option('--words-per-minute <n>', WPM_HELP)
    .option('--no-notes', NO_NOTES_HELP)
    .option('--json', 'Print what was built as JSON: per deck its slides, estimated minutes and backup slides')
    .option('--watch', 'Build again whenever an article, an image or the config file changes (Ctrl-C to stop)')
    .example('lectern build decks --pdf')
    .example('lectern build talk.md --duration 20m --no-notes')
    .example("lectern build 'posts/**/*.md' --watch")
    .example('lectern build article.md --theme dark --out public')
    .action((inputs: string[], flags: CliFlags) => start(import('./build.js').then((m) => m.runBuild(files(inputs), flags, ctx))));
  cli
    .command('pdf [...inputs]', 'Export <slug>.slides.pdf (and <slug>.handout.pdf with --handout) for articles, without a site')
    .option('--allow-dir <dir>', ALLOW_DIR_HELP)
    .option('--out <dir>', 'Where the PDFs go (default: this folder)')
    .option('--handout', 'Also export the handout: each slide with its speaker notes')
    .option('--handout-layout <layout>', LAYOUT_HELP)
    .option('--handout-colors <colors>', COLORS_HELP)
    .option('--print-colors', PRINT_COLORS_HELP)
    .option('--paper <size>', 'Handout paper: a4 or letter (default: a4)')
    .option('--steps', 'Slides PDF: one page per fragment step')
    .option('--site-url <url>', 'Public URL of the site: the handout footer shows the deck URL and a QR code')
    .option('--pptx', 'Also write <slug>.pptx, an editable PowerPoint file with the speaker notes (as `lectern export --pptx`)')
    .option('--browser <path>', BROWSER_HELP)
    .option('--timeout <seconds>', TIMEOUT_HELP)
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .option('--no-fetch', FETCH_HELP)
    .option('--duration <time>', DURATION_HELP)
    .option('--words-per-minute <n>', WPM_HELP)
    .option('--no-notes', 'Handout without the speaker notes')
    .example('lectern pdf decks/eventlet.md --handout')
    .action((inputs: string[], flags: CliFlags) => start(import('./pdf.js').then((m) => m.runPdf(files(inputs), flags, ctx))));
  cli
    .command('export [...inputs]', 'Export an editable PowerPoint file (--pptx) and/or a PNG per slide (--png) for articles, without a site')
    .option('--allow-dir <dir>', ALLOW_DIR_HELP)
    .option('--pptx', 'Write <slug>.pptx: text, code with its colours, tables and pictures as PowerPoint objects, the speaker notes in the notes pane; a slide with an embed, a diagram or math becomes a picture of the slide')
    .option('--png', 'Write <slug>/slides/001.png… : a picture of every slide, fragments shown')
    .option('--size <WxH>', "Size of the PNGs, in the deck's proportions (default: the deck's size, 1280x720), e.g. 1920x1080 or 1920")
    .option('--out <dir>', 'Where the files go (default: this folder)')
    .option('--browser <path>', BROWSER_HELP)
    .option('--timeout <seconds>', TIMEOUT_HELP)
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .example('lectern export decks/eventlet.md --pptx')
    .example('lectern export decks/eventlet.md --png --size 1920x1080')
    .action((inputs: string[], flags: CliFlags) => start(import('./export.js').then((m) => m.runExport(files(inputs), flags, ctx))));
  cli
    .command('dev [...inputs]', 'Serve decks with live reload that keeps the current slide (default: decks/)')
    .option('--allow-dir <dir>', ALLOW_DIR_HELP)
    .option('--port <port>', 'Port (default: 5173, or the next free one)')
    .option('--host <host>', 'Interface to listen on (default: 127.0.0.1)')
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .option('--no-fetch', FETCH_HELP)
    .option('--duration <time>', DURATION_HELP)
    .option('--words-per-minute <n>', WPM_HELP)
    .example('lectern dev decks --port 3000')
    .action((inputs: string[], flags: CliFlags) => start(import('./serve.js').then((m) => m.runDev(files(inputs), flags, ctx))));
  cli
    .command('preview', 'Serve a built site (dist/) on 127.0.0.1 to check it before upload')
    .option('--out <dir>', 'The built site (default: dist)')
    .option('--base <path>', 'Base path to serve it under, as built with --base (default: /)')
    .option('--port <port>', 'Port (default: 4173)')
    .option('--host <host>', 'Interface to listen on (default: 127.0.0.1)')
    .action((flags: CliFlags) => start(import('./serve.js').then((m) => m.runPreview(flags, ctx))));
  cli
    .command('present [input]', 'Serve one deck for a live talk: a speaker page that drives, a phone remote (QR code), an audience page that follows')
    .option('--port <port>', 'Port (default: 1947, or a free one when it is taken)')
    .option('--host [host]', 'Serve the local network (all interfaces, or this address), under a random key in the URLs (default: 127.0.0.1 only)')
    .option('--allow-dir <dir>', ALLOW_DIR_HELP)
    .option('--config <file>', 'Config file (its `multiplex` option: hosted copies of the deck follow too)')
    .option('--theme <name>', 'Theme')
    .option('--layout <layout>', 'stacked or flat')
    .option('--no-fetch', FETCH_HELP)
    .example('lectern present decks/eventlet.md')
    .example('lectern present decks/eventlet.md --host')
    .action((input: string | undefined, flags: CliFlags) => start(import('./present.js').then((m) => m.runPresent(input === undefined ? undefined : restore(input), flags, ctx))));
  cli
    .command('check [...inputs]', 'Build each deck, lay it out in Chromium and report overflow, leaked syntax, code highlighting, lost words and accessibility (axe-core, every built-in theme)')
    .option('--allow-dir <dir>', ALLOW_DIR_HELP)
    .option('--json', 'Print the report as JSON')
    .option('--no-fit', 'Measure the planned decks only; do not re-plan slides that overflow')
    .option('--no-a11y', 'Skip the accessibility audit (axe-core, every built-in theme)')
    .option('--browser <path>', BROWSER_HELP)
    .option('--timeout <seconds>', TIMEOUT_HELP)
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .option('--no-fetch', FETCH_HELP)
    .option('--duration <time>', DURATION_HELP)
    .option('--words-per-minute <n>', WPM_HELP)
    .example('lectern check decks')
    .example('lectern check article.md --json')
    .action((inputs: string[], flags: CliFlags) => start(import('./check.js').then((m) => m.runCheck(files(inputs), flags, ctx))));
  cli.option('-q, --quiet', 'Print only warnings, errors and what the command exists to print (no progress, no line per deck)');
  cli.help();
  cli.version(version());
  return cli;
}

/** Run `fn` with console.log/info writing to `io.stdout` (cac's help and version go there). */
function withConsole<T>(io: CliIo, fn: () => T): T {
  if (io === process) return fn();
  const { log, info } = console;
  console.log = (...parts: unknown[]) => void io.stdout.write(`${parts.join(' ')}\n`);
  console.info = console.log;
  try {
    return fn();
  } finally {
    console.log = log;
    console.info = info;
  }
}

// ---------------------------------------------------------------------------------------------
/*
 * File names that look like flags. cac reads `--help.md` as the flag `--help` (dotted names are
 * nested options) and puts what follows `--` aside; Lectern has no dotted flags, so an argument
 * whose flag name holds a dot (`--help.md`, `-x.md`) is a file name, and so is everything after
 * `--`. They are swapped for placeholders cac leaves alone (a NUL byte cannot be in a file name)
 * and swapped back in the command's inputs.
 */

/** Arguments for cac, and a function giving back the original of a placeholder. */
interface ProtectedArgs {
  readonly args: readonly string[];
  readonly restore: (arg: string) => string;
}

const PLACEHOLDER = /^\0lectern-arg-(\d+)$/;

/** `args` with file names that look like flags replaced by placeholders. */
function protectFileNames(args: readonly string[]): ProtectedArgs {
  const originals: string[] = [];
  const hide = (arg: string): string => `\0lectern-arg-${originals.push(arg) - 1}`;
  const out: string[] = [];
  let afterDashes = false;
  for (const arg of args) {
    if (afterDashes) out.push(hide(arg));
    else if (arg === '--') afterDashes = true;
    else out.push(looksLikeFileName(arg) ? hide(arg) : arg);
  }
  return {
    args: out,
    restore: (arg) => {
      const index = PLACEHOLDER.exec(arg)?.[1];
      return index === undefined ? arg : (originals[Number(index)] ?? arg);
    },
  };
}

/** `--help.md`, `-x.md`: a dash, then a flag name with a dot in it (not a number such as `-1.5`). */
function looksLikeFileName(arg: string): boolean {
  const name = /^--?([^=]*)/.exec(arg)?.[1];
  return name !== undefined && arg.startsWith('-') && name.includes('.') && !/^\d/.test(name);
}
