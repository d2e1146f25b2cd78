/**
 * A step that must not be cut in half by Ctrl-C: while it runs, SIGINT, SIGTERM and SIGHUP are
 * held back; when it has finished (or failed), a signal that came in is raised again, so the
 * process still ends as the user asked — after the step, not in its middle.
 */

/** The signals held back. */
const HELD = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The part of `process` deferSignals uses (a fake in tests). */
export interface SignalTarget {
  readonly pid: number;
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/** Run `step` with the end-the-process signals held back until it settles. */
export async function deferSignals<T>(step: () => Promise<T>, target: SignalTarget = process): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals): void => {
    received ??= signal;
  };
  for (const signal of HELD) target.once(signal, hold);
  try {
    return await step();
  } finally {
    for (const signal of HELD) target.off(signal, hold);
    if (received !== undefined) target.kill(target.pid, received);
  }
}
