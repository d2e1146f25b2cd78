/**
 * `npm run bench`: speed and memory figures, written to BENCHMARKS.md (never asserted in tests: this
 * machine is shared and noisy). `npm run bench -- core pdf` runs some sections only.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchCore, type BenchSection } from './bench/core.js';
import { benchPdf } from './bench/pdf.js';
import { benchHandout } from './bench/handout.js';
import { benchDev } from './bench/dev.js';
import { benchCheck } from './bench/check.js';
import { benchSize } from './bench/size.js';
import { benchStartup } from './bench/startup.js';

const root = join(import.meta.dirname, '..');
const SECTIONS: Record<string, (root: string) => Promise<BenchSection>> = {
  core: benchCore,
  pdf: benchPdf,
  handout: benchHandout,
  dev: benchDev,
  check: benchCheck,
  size: benchSize,
  startup: benchStartup,
};

function table(section: BenchSection): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [`## ${section.title}`, '', line(section.header), line(section.header.map(() => '---')), ...section.rows.map(line), '', section.notes, ''].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
  // Sections not run this time are kept from the previous BENCHMARKS.md.
  const previous = await readFile(join(root, 'BENCHMARKS.md'), 'utf8').catch(() => '');
  const kept = new Map(previous.split(/\n(?=## )/).slice(1).map((s) => [s.split('\n')[0]!, s.trimEnd() + '\n']));
  const parts: string[] = [];
  for (const name of names) {
    const run = SECTIONS[name];
    if (!run) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
    process.stderr.write(`bench: ${name}…\n`);
    const section = await run(root);
    process.stdout.write(`${table(section)}\n`);
    parts.push(table(section));
    kept.delete(`## ${section.title}`);
  }
  parts.push(...kept.values());
  const header = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB. The machine is shared; figures are medians.\n`;
  await writeFile(join(root, 'BENCHMARKS.md'), `${header}\n${parts.join('\n')}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
