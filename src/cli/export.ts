/** `lectern export`: a PPTX and/or pictures of the slides per article; a line per file written. */
import { exportDecks, parseSize, type ExportEvent } from '../commands/export.js';
import { LecternError } from '../errors.js';
import { resolveCliConfig, type CliContext, type CliFlags } from './context.js';
import type { Logger } from './log.js';
import { stepName } from './steps.js';

/** The flags of `lectern export` (and `lectern pdf --pptx`). */
export interface ExportFlags extends CliFlags {
  readonly pptx?: boolean;
  readonly png?: boolean;
  readonly size?: string | number;
}

/** Run `lectern export <inputs>`; the exit code. */
export async function runExport(inputs: readonly string[], flags: ExportFlags, ctx: CliContext): Promise<number> {
  if (inputs.length === 0) throw new LecternError('usage', 'name the articles to export', { hint: 'lectern export decks/eventlet.md --pptx' });
  if (!flags.pptx && !flags.png) throw new LecternError('usage', 'say what to export: --pptx, --png, or both', { hint: 'lectern export decks/eventlet.md --pptx --png' });
  if (flags.size !== undefined && !flags.png) throw new LecternError('usage', '--size is the size of the pictures: give it with --png', { hint: 'lectern export decks/eventlet.md --png --size 1920x1080' });
  const size = flags.size === undefined ? undefined : parseSize(String(flags.size));
  const config = await resolveCliConfig({ ...flags, out: flags.out ?? '.' }, ctx);
  return runExportWith(inputs, flags, ctx, { config, pptx: flags.pptx === true, png: flags.png === true, ...(size === undefined ? {} : { size }) });
}

/** The export with its terminal side: a progress bar while PDFs print, then a line per file. */
export async function runExportWith(inputs: readonly string[], _flags: ExportFlags, ctx: CliContext, options: Omit<Parameters<typeof exportDecks>[0], 'inputs' | 'onEvent'>): Promise<number> {
  const events = exportEvents(ctx.log);
  try {
    await exportDecks({ inputs, ...options, onEvent: events.on });
  } finally {
    events.stop();
  }
  return 0;
}

function exportEvents(log: Logger): { on: (event: ExportEvent) => void; stop: () => void } {
  let bar: ReturnType<Logger['progress']> | undefined;
  return {
    on(event) {
      // A bar over each deck's opening in Chromium and each PDF, as `lectern pdf` shows it.
      if (event.type === 'pdf-begin') bar = log.progress(event.decks + event.jobs, 'Chromium');
      else if (event.type === 'pdf-step') {
        if (event.step.type === 'open') bar?.tick();
        bar?.task(`${event.slug}: ${stepName(event.step)}`);
      } else if (event.type === 'pdf-start') {
        bar?.tick();
        bar?.task(`${event.slug}: printing the ${event.kind} PDF`);
      } else {
        bar?.stop();
        bar = undefined;
        for (const d of event.diagnostics) log.diagnostic(d);
        for (const file of event.files) if (file.label.endsWith('PDF')) log.info(`${event.slug}: ${file.pages ?? 0} pages → ${file.path}`);
        if (event.pptx !== undefined) {
          const { slides, pictures, path } = event.pptx;
          log.info(`${event.slug}: pptx, ${slides} ${slides === 1 ? 'slide' : 'slides'}${pictures > 0 ? ` (${pictures} as ${pictures === 1 ? 'picture' : 'pictures'})` : ''} → ${path}`);
        }
        if (event.png !== undefined) {
          const { count, width, height, folder } = event.png;
          log.info(`${event.slug}: ${count} PNG ${count === 1 ? 'picture' : 'pictures'}, ${width}×${height} → ${folder}/`);
        }
      }
    },
    stop: () => bar?.stop(),
  };
}
