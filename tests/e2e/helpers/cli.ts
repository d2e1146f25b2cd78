/** Runs the real `lectern` command in a child process, as a user would. */
import { spawn } from 'node:child_process';
import { LECTERN_BIN, REPO_ROOT } from './paths.js';

/** What one run of the CLI printed and how it exited. */
export interface CliRun {
  /** Exit code; null when the process was killed by a signal (or the time limit). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of runCli. */
export interface CliOptions {
  /** Working directory. Default: the repository root. */
  readonly cwd?: string;
  /** Kill the process after this long. Default 60 s. */
  readonly timeoutMs?: number;
  /** More environment variables. */
  readonly env?: NodeJS.ProcessEnv;
  /** Node options before the script (`--import`, say). */
  readonly nodeArgs?: readonly string[];
}

/** Run `node bin/lectern.js ...args` and collect its output; never rejects on a non-zero exit. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), LECTERN_BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      // Plain output whatever the terminal: the assertions read text, not colour codes.
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

/** Lines that look like a JavaScript stack frame: a user should never see one. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s+at\s/.test(line));
}
