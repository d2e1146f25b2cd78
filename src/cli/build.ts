/**
 * `lectern build`: flags → config, the build, one line per deck and PDF, a summary (or JSON with
 * `--json`); `--watch` builds again on changes.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { buildSite, type BuildEvent, type BuildResult, type DeckResult } from '../commands/build.js';
import { formatDuration } from '../duration.js';
import { LecternError } from '../errors.js';
import { CONFIG_FILES } from '../load/config-file.js';
import type { DeckPacing } from '../plan/pacing.js';
import type { Logger } from './log.js';
import { stepName } from './steps.js';
import { defaultInputs, resolveCliConfig, type CliContext, type CliFlags } from './context.js';

/** Run `lectern build [inputs]`; the exit code. */
export async function runBuild(inputs: readonly string[], flags: CliFlags, ctx: CliContext): Promise<number> {
  const files = defaultInputs(inputs, ctx);
  if (flags.watch) return watchBuild(files, flags, ctx);
  await buildOnce(files, flags, ctx);
  return 0;
}

async function buildOnce(files: readonly string[], flags: CliFlags, ctx: CliContext): Promise<BuildResult> {
  const config = await resolveCliConfig(flags, ctx);
  const started = performance.now();
  const events = progressEvents(ctx.log, flags.json === true);
  try {
    const result = await buildSite({ inputs: files, config, pdf: flags.pdf === true, pptx: (flags as { pptx?: boolean }).pptx === true, onEvent: events.on });
    events.stop();
    if (flags.json === true) {
      ctx.log.result(JSON.stringify(buildReport(result), null, 2));
      return result;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const n = result.decks.length;
    ctx.log.info(`built ${n} ${n === 1 ? 'deck' : 'decks'} into ${result.outDir}/ in ${seconds} s`);
    if (result.removed.length > 0) ctx.log.info(`removed ${result.removed.length} ${result.removed.length === 1 ? 'file' : 'files'} of decks no longer built`);
    return result;
  } finally {
    events.stop();
  }
}

/** Build, then build again on every change under the inputs (or to the config file) until Ctrl-C. */
async function watchBuild(files: readonly string[], flags: CliFlags, ctx: CliContext): Promise<number> {
  const { watchAndRun } = await import('../commands/watch.js');
  const first = await resolveCliConfig(flags, ctx);
  const configFiles = flags.config === undefined ? CONFIG_FILES.map((name) => resolve(ctx.cwd, name)) : [resolve(ctx.cwd, String(flags.config))];
  const watching = await watchAndRun({
    inputs: files,
    cwd: ctx.cwd,
    extraFiles: configFiles,
    ignore: [first.outDir],
    run: async (changed) => {
      if (changed.length > 0) ctx.log.info(`changed: ${changed.slice(0, 3).map((f) => shown(f, ctx.cwd)).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}`);
      await buildOnce(files, flags, ctx);
    },
    onError: (error) => printFailure(ctx.log, error),
  });
  ctx.log.info(`watching ${watching.folders.map((f) => shown(f, ctx.cwd) || '.').join(', ')} for changes (Ctrl-C to stop)`);
  return new Promise((done) => {
    const stop = (): void => {
      watching.close();
      void watching.idle().then(() => done(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** A failed build in watch mode: shown, and the watch goes on. */
function printFailure(log: Logger, error: unknown): void {
  if (!(error instanceof LecternError)) return log.internal(error);
  for (const d of error.diagnostics) log.diagnostic(d);
  log.error(error);
}

/** A path relative to the working folder when inside it. */
function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * The terminal side of build events: a PDF progress bar, then a line per deck with its files (with
 * `json`, only the diagnostics, on stderr: stdout is the report's).
 */
export function progressEvents(log: Logger, json = false): { on: (event: BuildEvent) => void; stop: () => void } {
  let bar: ReturnType<Logger['progress']> | undefined;
  return {
    on(event) {
      switch (event.type) {
        case 'pdf-begin':
          // One step per deck measured, one per PDF printed: each ticks as it starts.
          bar = log.progress(event.decks + event.jobs, 'PDF');
          break;
        case 'pdf-step':
          if (event.step.type === 'open') bar?.tick();
          bar?.task(`${event.slug}: ${stepName(event.step)}`);
          break;
        case 'pdf-start':
          bar?.tick();
          bar?.task(`${event.slug}: printing the ${event.kind} PDF`);
          break;
        case 'deck':
          bar?.stop();
          bar = undefined;
          if (json) for (const diagnostic of event.deck.diagnostics) log.diagnostic(diagnostic);
          else printDeck(log, event.deck);
          break;
      }
    },
    stop: () => bar?.stop(),
  };
}

/** A deck's diagnostics, its line, and a line per PDF. */
export function printDeck(log: Logger, d: DeckResult): void {
  for (const diagnostic of d.diagnostics) log.diagnostic(diagnostic);
  const warnings = d.diagnostics.filter((x) => x.severity !== 'info').length;
  log.info(`${d.slug}: ${formatPacing(d.slideCount, d.pacing)}, ${d.codeBlockCount} code blocks, ${warnings} diagnostics → ${d.output}`);
  for (const pdf of d.pdfs) log.info(`${d.slug}: ${pdf.pages ?? 0} pages → ${pdf.path}`);
  if (d.pptx !== undefined) {
    const { slides, pictures, path } = d.pptx;
    log.info(`${d.slug}: pptx, ${slides} ${slides === 1 ? 'slide' : 'slides'}${pictures > 0 ? ` (${pictures} as ${pictures === 1 ? 'picture' : 'pictures'})` : ''} → ${path}`);
  }
}

/**
 * A deck's slides and length as the build line says them: `7 slides, ≈ 4 min`, or with a time slot
 * `27 slides + 18 backup, ≈ 10 min for a 10 min slot`.
 */
export function formatPacing(slideCount: number, p: DeckPacing): string {
  const slides = p.backupSlides === 0 ? `${slideCount} slides` : `${slideCount - p.backupSlides} slides + ${p.backupSlides} backup`;
  const slot = p.slotMinutes === undefined ? '' : ` for a ${formatDuration(p.slotMinutes * 60)} slot`;
  return `${slides}, ≈ ${Math.max(1, Math.round(p.minutes))} min${slot}`;
}

/** What `lectern build --json` prints: per deck its slides, estimated minutes, backup slides and files. */
export function buildReport(result: BuildResult): object {
  return {
    outDir: result.outDir,
    decks: result.decks.map((d) => ({
      slug: d.slug,
      source: d.source,
      title: d.title,
      slides: d.slideCount - d.pacing.backupSlides,
      backupSlides: d.pacing.backupSlides,
      minutes: d.pacing.minutes,
      backupMinutes: d.pacing.backupMinutes,
      ...(d.pacing.slotMinutes === undefined ? {} : { slotMinutes: d.pacing.slotMinutes }),
      wordsPerMinute: d.pacing.wordsPerMinute,
      codeBlocks: d.codeBlockCount,
      diagnostics: d.diagnostics.map((x) => ({ severity: x.severity, code: x.code, message: x.message, file: x.file, ...(x.line === undefined ? {} : { line: x.line }) })),
      output: d.output,
      pdfs: d.pdfs,
    })),
    removed: result.removed,
  };
}
