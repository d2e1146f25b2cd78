/**
 * What the CLI prints while a build runs: one line per deck and per PDF on stdout, diagnostics on
 * stderr, and — on a TTY only — a progress bar on stderr across the PDF exports (cli-progress).
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import { formatDiagnostic, formatError, type LecternError } from './errors.js';
import type { Diagnostic } from './model.js';
import type { BuildEvent } from './site/build.js';

/** The one logger of the project: everything Lectern prints goes through it. */
export const log = {
  diagnostic(d: Diagnostic): void {
    process.stderr.write(`${formatDiagnostic(d)}\n`);
  },
  error(err: LecternError): void {
    process.stderr.write(`${formatError(err)}\n`);
  },
  result(line: string): void {
    process.stdout.write(`${line}\n`);
  },
};

/** A build-event handler for the terminal; `done()` stops the progress bar. */
export interface Reporter {
  onEvent(event: BuildEvent): void;
  done(): void;
}

/** A reporter for one command; its progress bar appears when PDFs are printed on a terminal. */
export function createReporter(): Reporter {
  let bar: CliProgress.SingleBar | undefined;
  let started = false;
  // Lines printed while a bar is drawn must not tear it: clear, print, redraw.
  const print = (write: () => void): void => {
    if (bar && started) {
      process.stderr.write('\r\x1b[2K');
      write();
      bar.render();
    } else write();
  };
  return {
    onEvent(event) {
      switch (event.type) {
        case 'deck': {
          const d = event.deck;
          const warnings = d.diagnostics.filter((x) => x.severity !== 'info').length;
          print(() => {
            for (const diagnostic of d.diagnostics) log.diagnostic(diagnostic);
            log.result(`${d.slug}: ${d.slideCount} slides, ${d.codeBlockCount} code blocks, ${warnings} diagnostics → ${d.output}`);
          });
          break;
        }
        case 'pdf-begin':
          bar = progressBar();
          bar?.start(event.jobs, 0, { task: '' });
          started = bar !== undefined;
          break;
        case 'pdf-start':
          bar?.update({ task: `${event.slug} (${event.kind})` });
          break;
        case 'pdf':
          print(() => log.result(`${event.slug}: ${event.pages} pages → ${event.file}`));
          bar?.increment();
          break;
        case 'diagnostic':
          print(() => log.diagnostic(event.diagnostic));
          break;
      }
    },
    done() {
      if (bar && started) bar.stop();
      started = false;
    },
  };
}

/** A progress bar on stderr when it is a terminal; cli-progress is loaded only then. */
function progressBar(): CliProgress.SingleBar | undefined {
  if (process.stderr.isTTY !== true) return undefined;
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  return new cliProgress.SingleBar(
    { format: 'PDF {bar} {value}/{total} {task}', stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
}
