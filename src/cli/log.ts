/**
 * The one logger of the project: everything Lectern prints goes through it. Results go to stdout,
 * diagnostics, errors and progress to stderr; a progress bar (cli-progress, loaded only then) is
 * drawn on a terminal only, plain lines otherwise.
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { formatDiagnostic, formatError, type LecternError } from '../errors.js';
import type { Diagnostic } from '../model.js';

/** Where the CLI writes: the process's streams, or strings in a test. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

/** The logger of one CLI run. */
export interface Logger {
  result(line: string): void;
  diagnostic(d: Diagnostic): void;
  error(err: LecternError): void;
  /** A problem already formatted (a dev server failure, a server that failed to close). */
  problem(text: string): void;
  /** An unexpected failure (a bug): its stack, so it can be reported. */
  internal(err: unknown): void;
  /** A progress bar over `total` steps on a terminal (a no-op elsewhere). */
  progress(total: number, label: string): Progress;
}

/** A progress bar; lines printed while it is drawn do not tear it. */
export interface Progress {
  task(name: string): void;
  tick(): void;
  stop(): void;
}

/** A logger writing to `io`. */
export function createLogger(io: CliIo): Logger {
  let bar: CliProgress.SingleBar | undefined;
  // Lines printed while a bar is drawn must not tear it: clear, print, redraw.
  const print = (stream: CliIo['stdout'], text: string): void => {
    if (bar !== undefined) io.stderr.write('\r\x1b[2K');
    stream.write(`${text}\n`);
    bar?.render();
  };
  return {
    result: (line) => print(io.stdout, line),
    diagnostic: (d) => print(io.stderr, formatDiagnostic(d)),
    error: (err) => print(io.stderr, formatError(err)),
    problem: (text) => print(io.stderr, text),
    internal: (err) => print(io.stderr, `internal error: ${(err as Error)?.stack ?? String(err)}\nPlease report this with the article that caused it.`),
    progress(total, label) {
      if (io.stderr.isTTY !== true || total === 0) return { task: () => undefined, tick: () => undefined, stop: () => undefined };
      const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
      const stream = io.stderr as unknown as NodeJS.WritableStream;
      const created = new cliProgress.SingleBar({ format: `${label} {bar} {value}/{total} {task}`, stream, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic);
      created.start(total, 0, { task: '' });
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
