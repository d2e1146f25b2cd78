/**
 * The `lectern dev` and `lectern preview` commands, registered on the CLI's cac instance. Like
 * cli.ts they only turn flags into options, call the library, and print.
 */
import type { CAC } from 'cac';
import type { ResolvedConfig } from './config.js';
import { formatDiagnostic } from './errors.js';
import { assertNever } from './model.js';
import type { DevEvent } from './site/vite-plugin.js';

/** What cli.ts lends the site commands: its config resolution and its default inputs. */
export interface SiteCommandHelpers {
  /** The resolved config for these flags (config file, then flags such as --theme, --base, --out). */
  readonly resolveConfig: (flags: Record<string, unknown>) => Promise<ResolvedConfig>;
  /** `inputs`, or `decks/` when none are given (a usage error when there is no decks/). */
  readonly defaultInputs: (inputs: readonly string[]) => string[];
}

interface SiteFlags extends Record<string, unknown> {
  port?: number;
  host?: string;
  out?: string;
  base?: string;
}

/** Add `dev` and `preview` to `cli`. */
export function registerSiteCommands(cli: CAC, helpers: SiteCommandHelpers): void {
  cli
    .command('dev [...inputs]', 'Serve decks with live reload that keeps the current slide (default: decks/)')
    .option('--port <port>', 'Port (default: 5173, or the next free one)')
    .option('--host <host>', 'Interface to listen on (default: 127.0.0.1)')
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .example('lectern dev decks --port 3000')
    .action((inputs: string[], flags: SiteFlags) => runDev(inputs, flags, helpers));
  cli
    .command('preview', 'Serve a built site (dist/) on 127.0.0.1 to check it before upload')
    .option('--out <dir>', 'The built site (default: dist)')
    .option('--base <path>', 'Base path to serve it under, as built with --base (default: /)')
    .option('--port <port>', 'Port (default: 4173)')
    .option('--host <host>', 'Interface to listen on (default: 127.0.0.1)')
    .action((flags: SiteFlags) => runPreview(flags, helpers));
}

async function runDev(inputs: string[], flags: SiteFlags, helpers: SiteCommandHelpers): Promise<void> {
  const { startDevServer } = await import('./site/dev.js');
  const config = await helpers.resolveConfig(flags);
  const server = await startDevServer({
    inputs: helpers.defaultInputs(inputs),
    config,
    ...(flags.port !== undefined ? { port: Number(flags.port), strictPort: true } : {}),
    ...(flags.host !== undefined ? { host: String(flags.host) } : {}),
    onEvent: printDevEvent,
  });
  process.stdout.write(`lectern dev: ${server.url} (Ctrl-C to stop)\n`);
  closeOnSignal(() => server.close());
}

async function runPreview(flags: SiteFlags, helpers: SiteCommandHelpers): Promise<void> {
  const { startPreview } = await import('./site/preview.js');
  const config = await helpers.resolveConfig(flags);
  const server = await startPreview({
    outDir: config.outDir,
    base: config.base,
    ...(flags.port !== undefined ? { port: Number(flags.port) } : {}),
    ...(flags.host !== undefined ? { host: String(flags.host) } : {}),
  });
  process.stdout.write(`lectern preview: ${server.url} (Ctrl-C to stop)\n`);
  closeOnSignal(() => server.close());
}

/** One line per event: updates to stdout, problems to stderr (the same text the overlay shows). */
export function printDevEvent(event: DevEvent): void {
  switch (event.type) {
    case 'update':
      process.stdout.write(`${event.slug}: updated in ${event.ms.toFixed(0)} ms\n`);
      break;
    case 'error':
      process.stderr.write(`${event.failure.message}\n`);
      break;
    case 'diagnostic':
      if (event.diagnostic.severity !== 'info') process.stderr.write(`${formatDiagnostic(event.diagnostic)}\n`);
      break;
    case 'index':
      process.stdout.write(`${event.change === 'add' ? 'new article' : 'article removed'}: ${event.file}\n`);
      break;
    case 'runtime':
      process.stdout.write(`runtime rebuilt (${event.file} changed) in ${event.ms.toFixed(0)} ms\n`);
      break;
    default:
      assertNever(event);
  }
}

function closeOnSignal(close: () => Promise<void>): void {
  const stop = (): void => {
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
