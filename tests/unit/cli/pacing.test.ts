/**
 * The pacing and publishing flags of `lectern build`, in-process through `runCli`: the deck line
 * says the estimated minutes (and the slot and backup slides with `--duration`), `--json` reports
 * them as data on stdout (diagnostics still on stderr), `--no-notes` writes pages without notes,
 * and a `--duration` or `--words-per-minute` that is not one is bad usage (exit 2) writing nothing.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, shown } from './io.js';

const SEED = 'decks/eventlet.md';

describe('lectern build: pacing and publishing flags', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-cli-pacing-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('says the seed’s length on its line, and the slot with --duration', async () => {
    const plain = await cli('build', SEED, '--out', join(root, 'plain'));
    expect(plain.code, shown(plain)).toBe(0);
    expect(plain.stdout).toMatch(/^eventlet: \d+ slides, ≈ \d+ min, 2 code blocks, 0 diagnostics → /m);
    const slot = await cli('build', SEED, '--out', join(root, 'slot'), '--duration', '1m');
    expect(slot.code, shown(slot)).toBe(0);
    expect(slot.stdout).toMatch(/^eventlet: \d+ slides \+ \d+ backup, ≈ \d+ min for a 1 min slot, /m);
    expect(slot.stderr).toMatch(/^decks\/eventlet\.md:1: info: the talk is ≈ [\d.]+ min for a 1 min slot: \d+ slides? \(≈ [\d.]+ min\) go to backup after the closing slide/m);
    expect(slot.stderr).toMatch(/^decks\/eventlet\.md:\d+: info: section "The promises of Eventlet": ≈ [\d.]+ min, .* \[pacing-section\]$/m);
  });

  it('--json prints per deck its slides, minutes and backup slides; nothing else on stdout', async () => {
    const run = await cli('build', SEED, '--out', join(root, 'json'), '--json', '--duration', '2m', '--words-per-minute', '150');
    expect(run.code, shown(run)).toBe(0);
    const report = JSON.parse(run.stdout) as { outDir: string; decks: Record<string, unknown>[] };
    expect(report.decks).toHaveLength(1);
    const [deck] = report.decks;
    expect(deck).toMatchObject({ slug: 'eventlet', slotMinutes: 2, wordsPerMinute: 150, codeBlocks: 2 });
    expect(deck!['minutes']).toEqual(expect.any(Number));
    expect(deck!['backupSlides']).toBeGreaterThan(0);
    expect((deck!['slides'] as number) + (deck!['backupSlides'] as number)).toBeGreaterThan(5);
    expect(deck!['diagnostics']).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pacing-slot', severity: 'info', line: 1 })]));
  });

  it('--no-notes writes deck pages and reading views without notes', async () => {
    const out = join(root, 'bare');
    const run = await cli('build', SEED, '--out', out, '--no-notes');
    expect(run.code, shown(run)).toBe(0);
    const page = await readFile(join(out, 'eventlet', 'index.html'), 'utf8');
    const reading = await readFile(join(out, 'eventlet', 'read', 'index.html'), 'utf8');
    expect(page).not.toContain('<aside class="notes">');
    expect(reading).not.toContain('Making asynchronous implicit.');
    const withNotes = await readFile(join(root, 'plain', 'eventlet', 'read', 'index.html'), 'utf8');
    expect(withNotes).toContain('Making asynchronous implicit.');
  });

  it.each([
    [['--duration', 'soon'], /--duration must be a time such as 20m, 1h30m or 45:00, not "soon"/],
    [['--duration', '0'], /--duration must be a time/],
    [['--words-per-minute', 'fast'], /--words-per-minute must be a positive number/],
  ])('%j is bad usage: exit 2, nothing written', async (flags, message) => {
    const out = join(root, `bad-${flags.join('-')}`);
    const run = await cli('build', SEED, '--out', out, ...flags);
    expect(run.code, shown(run)).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
