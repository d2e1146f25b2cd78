/**
 * `lectern export` end to end, as a user runs it: one CLI run (one Chromium) exports the seed and
 * a talk with a video as PPTX and as PNGs at 1920×1080. The PNGs: one per slide, the size asked
 * for. The PPTX: the output line says which slides are pictures (the video's, none of the seed's);
 * when LibreOffice is installed (`soffice`, Debian's libreoffice-impress) the seed's PPTX is
 * rendered to PDF and each page's text is the deck's slide: title, points, every code line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { loadSources } from '../../src/load/index.js';
import type { Slide } from '../../src/model.js';
import { plainText } from '../../src/text.js';
import { compileForTest } from '../unit/helpers/compile.js';
import { browserSkipReason } from './helpers/browser.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { REPO_ROOT, SEED_ARTICLE } from './helpers/paths.js';

const EMBED = join(REPO_ROOT, 'tests', 'fixtures', 'pptx', 'embed.md');
const skipReason = browserSkipReason();
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const poppler = existsSync('/usr/bin/pdftotext');

let out: string;
let run: CliRun;
const decks = new Map<string, Slide[]>();

async function slidesOf(file: string): Promise<Slide[]> {
  const [source] = await loadSources([file]);
  // As the CLI builds it from the repository root: lectern.config.json sets the eventlet theme.
  return compileForTest(source!, resolveConfig({ overrides: { theme: 'eventlet' } })).deck.stacks.flat();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Width and height from a PNG's header. */
function pngSize(file: string): [number, number] {
  const head = readFileSync(file).subarray(0, 24);
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

describe.skipIf(skipReason !== '')(`lectern export --pptx --png${skipReason === '' ? '' : ` (skipped: ${skipReason})`}`, () => {
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'lectern-export-'));
    decks.set('eventlet', await slidesOf(SEED_ARTICLE));
    decks.set('embed', await slidesOf(EMBED));
    run = await runCli(['export', SEED_ARTICLE, EMBED, '--pptx', '--png', '--size', '1920x1080', '--out', out], { timeoutMs: 170_000 });
  }, 180_000);

  afterAll(async () => {
    if (out !== undefined) await rm(out, { recursive: true, force: true });
  });

  it('says per deck how many slides the PPTX has and which are pictures', () => {
    expect(run.code, run.stderr).toBe(0);
    const seed = decks.get('eventlet')!.length;
    const embed = decks.get('embed')!.length;
    expect(run.stdout).toContain(`eventlet: pptx, ${seed} slides → ${join(out, 'eventlet.pptx')}`);
    expect(run.stdout).toContain(`embed: pptx, ${embed} slides (1 as picture) → ${join(out, 'embed.pptx')}`);
    expect(run.stdout).toContain(`eventlet: ${seed} PNG pictures, 1920×1080 → ${join(out, 'eventlet', 'slides')}/`);
  });

  it('writes one PNG per slide, 001.png…, at the size asked for', () => {
    for (const [slug, slides] of decks) {
      const folder = join(out, slug, 'slides');
      const files = readdirSync(folder).sort();
      expect(files).toEqual(slides.map((_, i) => `${String(i + 1).padStart(3, '0')}.png`));
      for (const f of files) expect(pngSize(join(folder, f))).toEqual([1920, 1080]);
    }
  });

  const renderReason = soffice === undefined ? 'LibreOffice (soffice) is not installed: apt-get install libreoffice-impress' : !poppler ? 'pdftotext is missing' : '';
  it.skipIf(renderReason !== '')(`renders in LibreOffice with each page's text the deck's slide${renderReason === '' ? '' : ` (skipped: ${renderReason})`}`, () => {
    const pdfDir = join(out, 'rendered');
    // A profile of its own, so a LibreOffice the user has open is not disturbed.
    const result = spawnSync(soffice!, [`-env:UserInstallation=file://${join(out, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, join(out, 'eventlet.pptx')], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(pdfDir, 'eventlet.pdf');
    const slides = decks.get('eventlet')!;
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides.length);
    // 13.333 × 7.5 in.
    expect(info).toMatch(/Page size:\s+960(\.\d+)? x 540(\.\d+)? pts/);
    slides.forEach((slide, i) => {
      const page = collapse(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
      const expected: string[] = [];
      if (slide.title !== undefined && slide.kind !== 'statement') expected.push(plainText(slide.title));
      if (slide.kicker !== undefined) expected.push(plainText(slide.kicker.inlines));
      for (const part of slide.parts) {
        if (part.type === 'points') expected.push(...part.items.map(plainText));
        if (part.type === 'text') expected.push(plainText(part.inlines));
        if (part.type === 'code') expected.push(...part.code.split('\n').filter((l) => l.trim() !== ''), ...(part.caption ? [plainText(part.caption)] : []));
        if (part.type === 'nav') expected.push(...part.links.map((l) => plainText(l.children)));
      }
      expect(expected.length, `slide ${i + 1} shows something`).toBeGreaterThan(0);
      for (const text of expected) expect(page, `page ${i + 1}`).toContain(collapse(text));
    });
  }, 160_000);
});
