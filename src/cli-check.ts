/**
 * The `lectern check` command: flags → CheckOptions, then one line per deck (and its details) on
 * stdout, or the whole report as JSON with --json. Exit code 1 when any deck fails the check.
 */
import type { CAC } from 'cac';
import type { DeckCheck, CheckReport } from './check/index.js';
import type { SiteCommandHelpers } from './cli-site.js';
import { LecternError } from './errors.js';

interface CheckFlags extends Record<string, unknown> {
  json?: boolean;
  fit?: boolean;
  browser?: string;
  timeout?: number;
}

/** Add `check` to `cli`. */
export function registerCheckCommand(cli: CAC, helpers: SiteCommandHelpers): void {
  cli
    .command('check [...inputs]', 'Build each deck, lay it out in Chromium and report overflow, leaked syntax, code highlighting and lost words')
    .option('--json', 'Print the report as JSON')
    .option('--no-fit', 'Measure the planned decks only; do not re-plan slides that overflow')
    .option('--browser <path>', 'Browser executable (else PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, usual install paths)')
    .option('--timeout <seconds>', 'Give up on a deck that is not ready after this long (default: 30)')
    .option('--config <file>', 'Config file')
    .option('--theme <name>', 'Theme for every deck')
    .option('--layout <layout>', 'stacked or flat')
    .example('lectern check decks')
    .example('lectern check article.md --json')
    .action((inputs: string[], flags: CheckFlags) => runCheck(inputs, flags, helpers));
}

async function runCheck(inputs: string[], flags: CheckFlags, helpers: SiteCommandHelpers): Promise<void> {
  const timeout = Number(flags.timeout ?? 30);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new LecternError('usage', `--timeout must be a number of seconds, not "${flags.timeout}"`);
  const { checkDecks } = await import('./check/index.js');
  const config = await helpers.resolveConfig(flags);
  const started = performance.now();
  const report = await checkDecks({
    inputs: helpers.defaultInputs(inputs),
    config,
    fit: flags.fit !== false,
    timeoutMs: timeout * 1000,
    ...(flags.browser !== undefined ? { browser: String(flags.browser) } : {}),
    ...(flags.json ? {} : { onDeck: (deck: DeckCheck) => process.stdout.write(`${formatDeck(deck)}\n`) }),
  });
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${summary(report, (performance.now() - started) / 1000)}\n`);
  if (!report.ok) process.exitCode = 1;
}

/** One line for a deck, then its problems indented. */
export function formatDeck(deck: DeckCheck): string {
  const head = `${deck.ok ? '✓' : '✗'} ${deck.slug} (${deck.source})`;
  if (deck.error !== undefined) return `${head}: could not be checked\n    ${deck.error.replace(/\n/g, '\n    ')}`;
  const coloured = deck.code.filter((c) => c.status === 'highlighted' || c.status === 'plain').length;
  const fit = deck.rounds > 0 ? ` (${deck.initialOverflows} before ${deck.rounds} re-plan${deck.rounds === 1 ? '' : 's'})` : '';
  const line =
    `${head}: ${deck.slides} slides, ${deck.overflows.length} overflowing${fit}, ${deck.leaks.length} leaks, ` +
    `${coloured}/${deck.code.length} code blocks highlighted, conservation ${pct(deck.conservation.ratio)}`;
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
  for (const m of deck.missing) details.push(`missing file (not counted): ${m}`);
  for (const d of deck.diagnostics.filter((x) => x.severity === 'error')) details.push(`error: ${d.message}`);
  return [line, ...details.map((d) => `    ${d}`)].join('\n');
}

function summary(report: CheckReport, seconds: number): string {
  const failing = report.decks.filter((d) => !d.ok).length;
  const n = report.decks.length;
  return `checked ${n} ${n === 1 ? 'deck' : 'decks'} in ${seconds.toFixed(1)} s: ${n - failing} clean, ${failing} with problems`;
}

function pct(ratio: number): string {
  return `${(Math.floor(ratio * 1000) / 10).toFixed(1)}%`;
}
