/**
 * `lectern dev` and `lectern preview`: start a server, print its address, and stop it on Ctrl-C.
 * They resolve once the server listens; the open server keeps the process alive.
 */
import { assertNever } from '../model.js';
import type { DevEvent } from '../vite/events.js';
import { defaultInputs, resolveCliConfig, type CliContext, type CliFlags } from './context.js';
import type { Logger } from './log.js';

/** Run `lectern dev [inputs]`. */
export async function runDev(inputs: readonly string[], flags: CliFlags, ctx: CliContext): Promise<number> {
  const { startDevServer } = await import('../commands/dev.js');
  const config = await resolveCliConfig(flags, ctx);
  const server = await startDevServer({
    inputs: defaultInputs(inputs, ctx),
    config,
    ...(flags.port !== undefined ? { port: Number(flags.port), strictPort: true } : {}),
    ...(flags.host !== undefined ? { host: String(flags.host) } : {}),
    onEvent: (event) => printDevEvent(ctx.log, event),
  });
  ctx.log.result(`lectern dev: ${server.url} (Ctrl-C to stop)`);
  closeOnSignal(() => server.close(), ctx.log);
  return 0;
}

/** Run `lectern preview`. */
export async function runPreview(flags: CliFlags, ctx: CliContext): Promise<number> {
  const { startPreview } = await import('../commands/preview.js');
  const config = await resolveCliConfig(flags, ctx);
  const server = await startPreview({
    outDir: config.outDir,
    base: config.base,
    ...(flags.port !== undefined ? { port: Number(flags.port) } : {}),
    ...(flags.host !== undefined ? { host: String(flags.host) } : {}),
  });
  ctx.log.result(`lectern preview: ${server.url} (Ctrl-C to stop)`);
  closeOnSignal(() => server.close(), ctx.log);
  return 0;
}

/** One line per dev server event: updates as results, problems as diagnostics (the same text the overlay shows). */
export function printDevEvent(log: Logger, event: DevEvent): void {
  switch (event.type) {
    case 'update':
      log.info(`${event.slug}: updated in ${event.ms.toFixed(0)} ms`);
      break;
    case 'error':
      log.problem(event.failure.message);
      break;
    case 'diagnostic':
      if (event.diagnostic.severity !== 'info') log.diagnostic(event.diagnostic);
      break;
    case 'index':
      log.info(`${event.change === 'add' ? 'new article' : 'article removed'}: ${event.file}`);
      break;
    case 'runtime':
      log.info(`runtime rebuilt (${event.file} changed) in ${event.ms.toFixed(0)} ms`);
      break;
    default:
      assertNever(event);
  }
}

function closeOnSignal(close: () => Promise<void>, log: Logger): void {
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.problem(err instanceof Error ? err.message : String(err));
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
