/**
 * Clean-up that must happen however the process ends: a browser to kill, temporary folders to
 * remove. A task is registered before the thing it cleans up is created, and unregistered once it
 * has been cleaned up the ordinary way. While any task is registered, Ctrl-C (SIGINT), SIGTERM and
 * SIGHUP run every task and end the process as the signal would (exit 130, 143, 129), and so does
 * a plain exit. Tasks run synchronously: in a signal or exit handler nothing asynchronous can
 * finish.
 */

/** The exit code of each signal that ends the process (128 + its number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type HandledSignal = keyof typeof SIGNAL_EXIT;
const SIGNALS = Object.keys(SIGNAL_EXIT) as HandledSignal[];

const tasks = new Set<() => void>();

/** Run `task` (synchronous, idempotent) if the process ends before `unregister` is called. */
export function registerCleanup(task: () => void): () => void {
  if (tasks.size === 0) install();
  tasks.add(task);
  return () => {
    tasks.delete(task);
    if (tasks.size === 0) uninstall();
  };
}

function runAll(): void {
  for (const task of [...tasks]) {
    try {
      task();
    } catch {
      // Best effort: one failed clean-up must not stop the others.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  tasks.clear();
  uninstall();
  // A signal listener disables Node's default exit; restore it unless someone else handles the signal.
  if (process.listenerCount(signal) === 0) process.exit(SIGNAL_EXIT[signal as HandledSignal] ?? 1);
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', runAll);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', runAll);
}
