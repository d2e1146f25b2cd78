/** `lectern pdf`: PDFs of articles without a site, a line per PDF written. */
import { exportPdfs } from '../commands/pdf.js';
import { LecternError } from '../errors.js';
import { resolveCliConfig, type CliContext, type CliFlags } from './context.js';
import { runExportWith, type ExportFlags } from './export.js';
import { stepName } from './steps.js';

/** Run `lectern pdf <inputs>`; the exit code. */
export async function runPdf(inputs: readonly string[], flags: CliFlags, ctx: CliContext): Promise<number> {
  if (inputs.length === 0) throw new LecternError('usage', 'name the articles to export', { hint: 'lectern pdf decks/eventlet.md --handout' });
  const config = await resolveCliConfig({ ...flags, out: flags.out ?? '.' }, ctx);
  if ((flags as ExportFlags).pptx === true) {
    // The PDFs and the PPTX from one page load per deck (commands/export.ts).
    return runExportWith(inputs, flags, ctx, { config, pptx: true, slidesPdf: true, handoutPdf: flags.handout === true });
  }
  let bar: ReturnType<typeof ctx.log.progress> | undefined;
  try {
    await exportPdfs({
      inputs,
      config,
      handout: flags.handout === true,
      onEvent(event) {
        if (event.type === 'pdf-begin') bar = ctx.log.progress(event.decks + event.jobs, 'PDF');
        else if (event.type === 'pdf-step') {
          if (event.step.type === 'open') bar?.tick();
          bar?.task(`${event.slug}: ${stepName(event.step)}`);
        }
        else if (event.type === 'pdf-start') {
          bar?.tick();
          bar?.task(`${event.slug}: printing the ${event.kind} PDF`);
        } else if (event.type === 'written') {
          for (const d of event.diagnostics) ctx.log.diagnostic(d);
          for (const file of event.files) ctx.log.info(`${event.slug}: ${file.pages ?? 0} pages → ${file.path}`);
        }
      },
    });
  } finally {
    bar?.stop();
  }
  return 0;
}
