/**
 * The one logger of the project: everything Lectern prints goes through it. Results go to stdout,
 * diagnostics, errors and progress to stderr. Progress on a terminal is a bar (cli-progress, loaded
 * only then) naming the deck and the step; elsewhere (CI, a pipe) it is a plain line per step.
 * `--quiet` keeps only what must be seen: warnings, errors, failures and what a command exists to
 * print (a report, a server's address). Colour only where it can be seen (colours.ts).
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { formatDiagnostic, formatError, type LecternError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { createPaint, type Paint } from './colours.js';

/** A stream the CLI writes to. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Where the CLI writes: the process's streams, or strings in a test; `env` decides colour (default: process.env). */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Options of createLogger. */
export interface LoggerOptions {
  /** `--quiet`: no progress and no `info` lines. */
  readonly quiet?: boolean;
}

/** The logger of one CLI run. */
export interface Logger {
  /** What the command exists to print (a report, a server's address, a failing deck): always shown. */
  result(line: string): void;
  /** A line saying what was done (a deck built, a summary): not shown with --quiet. */
  info(line: string): void;
  diagnostic(d: Diagnostic): void;
  error(err: LecternError): void;
  /** A problem already formatted (a dev server failure, a server that failed to close). */
  problem(text: string): void;
  /** An unexpected failure (a bug): its stack, so it can be reported. */
  internal(err: unknown): void;
  /** Progress over `total` steps: a bar on a terminal, plain lines elsewhere, nothing with --quiet. */
  progress(total: number, label: string): Progress;
  /** Colours for stdout lines (plain text when colour is off). */
  readonly paint: Paint;
}

/** A progress display; lines printed while a bar is drawn do not tear it. */
export interface Progress {
  /** What is being done now (`eventlet: measuring`). */
  task(name: string): void;
  /** The next of the `total` items starts (the count shown is the item under way). */
  tick(): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { task: () => undefined, tick: () => undefined, stop: () => undefined };

/** A logger writing to `io`. */
export function createLogger(io: CliIo, options: LoggerOptions = {}): Logger {
  const env = io.env ?? process.env;
  const out = createPaint(io.stdout, env);
  const err = createPaint(io.stderr, env);
  let bar: CliProgress.SingleBar | undefined;
  // Lines printed while a bar is drawn must not tear it: clear, print, redraw.
  const print = (stream: CliStream, text: string): void => {
    if (bar !== undefined) io.stderr.write('\r\x1b[2K');
    stream.write(`${text}\n`);
    bar?.render();
  };
  return {
    paint: out,
    result: (line) => print(io.stdout, line),
    info: (line) => {
      if (!options.quiet) print(io.stdout, line);
    },
    diagnostic: (d) => print(io.stderr, paintLabel(formatDiagnostic(d), `${d.severity}:`, d.severity === 'error' ? err.red : d.severity === 'warning' ? err.yellow : err.cyan, err)),
    error: (e) => print(io.stderr, paintLabel(formatError(e), 'error:', err.red, err)),
    problem: (text) => print(io.stderr, text),
    internal: (e) => print(io.stderr, `${err.red('internal error:')} ${(e as Error)?.stack ?? String(e)}\nPlease report this with the article that caused it.`),
    progress(total, label) {
      if (options.quiet || total === 0) return NO_PROGRESS;
      if (io.stderr.isTTY !== true) return plainProgress(io.stderr, total, label);
      const created = createBar(io.stderr, total, label, err);
      bar = created;
      return {
        task: (name) => created.update({ task: name }),
        tick: () => created.increment(),
        stop: () => {
          created.stop();
          if (bar === created) bar = undefined;
        },
      };
    },
  };
}

/** Progress as plain lines (CI, a pipe): one per task, numbered, never a redraw. */
function plainProgress(stream: CliStream, total: number, label: string): Progress {
  let current = 0;
  let last = '';
  return {
    task(name) {
      const line = `${label} ${Math.max(current, 1)}/${total}: ${name}`;
      if (line !== last) stream.write(`${line}\n`);
      last = line;
    },
    tick: () => void (current = Math.min(current + 1, total)),
    stop: () => undefined,
  };
}

function createBar(stream: CliStream, total: number, label: string, paint: Paint): CliProgress.SingleBar {
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const created = new cliProgress.SingleBar(
    { format: `${paint.bold(label)} {bar} {value}/{total} {task}`, stream: stream as unknown as NodeJS.WritableStream, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  created.start(total, 0, { task: '' });
  return created;
}

/** The first `label` of a formatted message painted; its hint line dimmed. */
function paintLabel(text: string, label: string, colour: (s: string) => string, paint: Paint): string {
  const at = text.indexOf(label);
  const painted = at < 0 ? text : `${text.slice(0, at)}${colour(label)}${text.slice(at + label.length)}`;
  return painted.replace(/\n {2}hint: /, (m) => paint.dim(m));
}
