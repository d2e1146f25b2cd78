/**
 * `lectern check`: one line per deck (and its problems, indented) on stdout, or the whole report as
 * JSON with --json. Exit code 1 when any deck fails the check.
 */
import { blockingViolations, formatViolations, impactCounts } from '../check/a11y.js';
import { percent, type CheckReport, type DeckCheck } from '../check/index.js';
import { checkDecks, type CheckProgress } from '../commands/check.js';
import type { Paint } from './colours.js';
import { stepName } from './steps.js';
import type { Logger, Progress } from './log.js';
import { formatDuration } from '../duration.js';
import { defaultInputs, resolveCliConfig, type CliContext, type CliFlags } from './context.js';

/** Run `lectern check [inputs]`; the exit code. */
export async function runCheck(inputs: readonly string[], flags: CliFlags, ctx: CliContext): Promise<number> {
  const config = await resolveCliConfig(flags, ctx);
  const started = performance.now();
  const progress = checkProgress(ctx.log);
  try {
    const report = await checkDecks({
      inputs: defaultInputs(inputs, ctx),
      config,
      fit: flags.fit !== false,
      a11y: flags.a11y !== false,
      onProgress: progress.on,
      // A clean deck is a line of information; a deck with problems is what check exists to say.
      ...(flags.json ? {} : { onDeck: (deck: DeckCheck) => (deck.ok ? ctx.log.info : ctx.log.result)(formatDeck(deck, ctx.log.paint)) }),
    });
    progress.stop();
    if (flags.json) ctx.log.result(JSON.stringify(report, null, 2));
    else ctx.log.info(summary(report, (performance.now() - started) / 1000));
    return report.ok ? 0 : 1;
  } finally {
    progress.stop();
  }
}

/** The check's progress: a bar over the decks naming the deck and its step (plain lines off a terminal). */
function checkProgress(log: Logger): { on: (event: CheckProgress) => void; stop: () => void } {
  let bar: Progress | undefined;
  return {
    on(event) {
      // A deck ticks as it starts, so the count names the deck being checked.
      if (event.type === 'begin') bar = log.progress(event.decks, 'check');
      else if (event.type === 'start') bar?.tick();
      else if (event.type === 'step') bar?.task(`${event.slug}: ${stepName(event.step)}`);
    },
    stop: () => bar?.stop(),
  };
}

/** One line for a deck, then its problems indented. */
export function formatDeck(deck: DeckCheck, paint?: Paint): string {
  const mark = deck.ok ? (paint?.green('✓') ?? '✓') : (paint?.red('✗') ?? '✗');
  const head = `${mark} ${deck.slug} (${deck.source})`;
  if (deck.error !== undefined) return `${head}: could not be checked\n    ${deck.error.replace(/\n/g, '\n    ')}`;
  const coloured = deck.code.filter((c) => c.status === 'highlighted' || c.status === 'plain').length;
  // The planner fits slides from the fonts: a slide the browser had to re-plan is the planner's miss.
  const fit = deck.rounds > 0 ? ` (${deck.initialOverflows} planner ${deck.initialOverflows === 1 ? 'miss' : 'misses'}, re-planned ${deck.rounds}×)` : '';
  const k = deck.composition;
  const line =
    `${head}: ${deck.slides} slides, ${deck.overflows.length} overflowing${fit}, ${deck.leaks.length} leaks, ` +
    `${coloured}/${deck.code.length} code blocks highlighted, conservation ${percent(deck.conservation.ratio)}; ` +
    `${k.sparse.length} sparse (${percent(k.sparseShare)}), ${k.leadIns.length} lone lead-ins, text ≥ ${k.minText} px, code ≥ ${k.minCode} px, ${pacingText(deck)}`;
  const details: string[] = [];
  for (const o of deck.overflows) details.push(`overflow: slide ${o.slide} #${o.id}${o.line === undefined ? '' : ` (line ${o.line})`} "${o.title}": ${o.reasons.join('; ')}`);
  for (const l of deck.leaks) details.push(`leak: #${l.slide}${l.line === undefined ? '' : ` (line ${l.line})`} ${l.kind}: ${l.excerpt}`);
  for (const c of deck.code.filter((x) => x.status === 'unknown-language')) details.push(`not highlighted: #${c.slide} (line ${c.line}): unknown language "${c.named ?? ''}"`);
  const undetected = deck.code.filter((x) => x.status === 'undetected');
  if (undetected.length > 0) details.push(`uncoloured, no language named or recognised (not a failure): ${undetected.map((c) => `#${c.slide}`).join(', ')}`);
  const { conservation: c } = deck;
  if (c.ratio < 0.99 || c.missing.length > 0) {
    details.push(`words: ${c.keptWords}/${c.articleWords} kept; missing: ${c.missing.slice(0, 12).map((m) => (m.count > 1 ? `${m.word} ×${m.count}` : m.word)).join(', ') || 'none'}`);
  }
  for (const l of k.leadIns) details.push(`lone lead-in: slide ${l.slide} #${l.id}${l.line === undefined ? '' : ` (line ${l.line})`} "${l.title}"`);
  for (const s of k.small) details.push(`too small: slide ${s.slide} #${s.id} "${s.title}": text ${s.text} px, code ${s.code} px (floors 24 and 18)`);
  if (k.sparse.length > 0) details.push(`sparse: ${k.sparse.map((s) => `${s.slide}`).join(', ')}`);
  for (const w of k.weakPoints) details.push(`weak point (${w.flaws.join(', ')}): slide ${w.slide} #${w.id} "${w.text}"`);
  for (const m of deck.missing) details.push(`missing file (not counted): ${m}`);
  if (deck.a11y !== undefined) {
    const n = impactCounts(deck.a11y);
    const themes = deck.a11y.themes.join(', ');
    details.push(`accessibility (axe-core; ${themes}): ${n.critical} critical, ${n.serious} serious, ${n.moderate} moderate, ${n.minor} minor`);
    for (const v of formatViolations(blockingViolations(deck.a11y))) details.push(`  ${v}`);
  }
  for (const d of deck.diagnostics.filter((x) => x.severity === 'error')) details.push(`error: ${d.message}`);
  return [line, ...details.map((d) => `    ${d}`)].join('\n');
}

/** `≈ 19.3 min`, or with a slot `≈ 9.8 min for a 10 min slot, 18 backup slides (≈ 8.1 min)`. */
function pacingText(deck: DeckCheck): string {
  const p = deck.pacing;
  const slot = p.slotMinutes === undefined ? '' : ` for a ${formatDuration(p.slotMinutes * 60)} slot`;
  const backup = p.backupSlides === 0 ? '' : `, ${p.backupSlides} backup ${p.backupSlides === 1 ? 'slide' : 'slides'} (≈ ${p.backupMinutes} min)`;
  return `≈ ${p.minutes} min${slot}${backup}`;
}

function summary(report: CheckReport, seconds: number): string {
  const failing = report.decks.filter((d) => !d.ok).length;
  const n = report.decks.length;
  return `checked ${n} ${n === 1 ? 'deck' : 'decks'} in ${seconds.toFixed(1)} s: ${n - failing} clean, ${failing} with problems`;
}
