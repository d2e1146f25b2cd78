/** A CliIo that keeps what the CLI writes as strings (stderr is not a terminal: no progress bar). */
import { runCli } from '../../../src/cli/index.js';
import type { CliIo } from '../../../src/cli/log.js';

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A string-capturing io. */
export function captureIo(): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (err += text), isTTY: false }, env: {} },
    stdout: () => out,
    stderr: () => err,
  };
}

/** `lectern ...args`, in this process. */
export async function cli(...args: string[]): Promise<CliRun> {
  const capture = captureIo();
  const code = await runCli(args, capture.io);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

/** Everything a run printed, for failure messages. */
export function shown(run: CliRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** Lines that look like a JavaScript stack frame: a user should never see one. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+at\s/.test(line));
}
