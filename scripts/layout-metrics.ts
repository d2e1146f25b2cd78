/**
 * `npx tsx scripts/layout-metrics.ts`: writes src/layout/metrics/tables.ts, the width tables that
 * src/layout/ measures text with, from the very woff2 files the deck ships (src/client/fonts.css
 * names them). Run it again whenever @fontsource/* is upgraded: tests/unit/layout/tables.test.ts
 * fails until the table matches the installed font files (versions and SHA-256 of each file).
 *
 * Per face it records the vertical metrics, the advance of every code point of the subset and a
 * pair adjustment table. The pairs are measured with fontkit's shaper (HarfBuzz-like: kern and
 * calt on, as Chromium shapes text), two characters at a time, then packed as the font itself
 * packs kerning: left and right classes of characters that adjust alike, and a sparse class matrix.
 * Shaping pairs rather than whole words leaves out contextual alternates that span three
 * characters (Inter's `3x4` → `3×4`); on the articles' words that costs 0.04 % of width.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const OUT = join(root, 'src/layout/metrics/tables.ts');
const PACKAGES = ['@fontsource/inter', '@fontsource/jetbrains-mono'] as const;

/** One @font-face rule of fonts.css. */
interface FaceRule {
  readonly family: string;
  readonly weight: number;
  readonly style: 'normal' | 'italic';
  /** `@fontsource/inter/files/inter-latin-400-normal.woff2` */
  readonly src: string;
}

/** The faces the deck ships, read from the runtime's own stylesheet (the one source of truth). */
function readFaceRules(): FaceRule[] {
  const css = readFileSync(join(root, 'src/client/fonts.css'), 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => {
    const body = m[1]!;
    const get = (prop: string): string => new RegExp(`${prop}:\\s*([^;]+);`).exec(body)?.[1]?.trim() ?? '';
    const src = /url\('([^']+)'\)/.exec(get('src'))?.[1];
    if (src === undefined) throw new Error(`fonts.css: an @font-face without a url(): ${body}`);
    return { family: get('font-family').replace(/['"]/g, ''), weight: Number(get('font-weight')), style: get('font-style') === 'italic' ? 'italic' : 'normal', src };
  });
}

/** Characters that take part in pair adjustment: no controls, no combining marks, no format characters. */
function pairable(cp: number): boolean {
  return cp >= 0x20 && !/[\p{Mn}\p{Cf}\p{Cc}]/u.test(String.fromCodePoint(cp)) && cp !== 0xffff;
}

/** Group `keys` by the row each one maps to; class 0 is the group whose row is all zeros. */
function classes(keys: readonly number[], row: (key: number) => string, zero: string): { of: Map<number, number>; count: number } {
  const ids = new Map<string, number>([[zero, 0]]);
  const of = new Map<number, number>();
  for (const key of keys) {
    const r = row(key);
    if (!ids.has(r)) ids.set(r, ids.size);
    of.set(key, ids.get(r)!);
  }
  return { of, count: ids.size };
}

function faceTable(rule: FaceRule): string {
  const path = require.resolve(rule.src);
  const bytes = readFileSync(path);
  const font = fontkit.create(bytes) as fontkit.Font;
  const chars = [...font.characterSet].sort((a, b) => a - b);
  const advance = new Map(chars.map((cp) => [cp, font.glyphForCodePoint(cp).advanceWidth]));
  const width = (text: string): number => font.layout(text).positions.reduce((sum, p) => sum + p.xAdvance, 0);
  const pairs = chars.filter(pairable);
  const adjust = new Map<number, Map<number, number>>();
  for (const a of pairs) {
    const row = new Map<number, number>();
    for (const b of pairs) {
      const value = Math.round(width(String.fromCodePoint(a, b)) - advance.get(a)! - advance.get(b)!);
      if (value !== 0) row.set(b, value);
    }
    adjust.set(a, row);
  }
  const zero = pairs.map(() => 0).join(',');
  const left = classes(pairs, (a) => pairs.map((b) => adjust.get(a)!.get(b) ?? 0).join(','), zero);
  const right = classes(pairs, (b) => pairs.map((a) => adjust.get(a)!.get(b) ?? 0).join(','), zero);
  const cells = new Map<string, number>();
  for (const [a, row] of adjust) for (const [b, value] of row) cells.set(`${left.of.get(a)},${right.of.get(b)}`, value);
  const sparse = [...cells].sort(([x], [y]) => x.localeCompare(y)).flatMap(([key, value]) => [...key.split(',').map(Number), value]);
  const os2 = (font as unknown as { 'OS/2': { typoAscender: number; typoDescender: number; typoLineGap: number } })['OS/2'];
  const key = `${rule.family === 'Inter' ? 'inter' : 'mono'}-${rule.weight}-${rule.style}`;
  const lines = [
    `  '${key}': {`,
    `    family: '${rule.family}', weight: ${rule.weight}, style: '${rule.style}',`,
    `    file: '${rule.src}',`,
    `    sha256: '${createHash('sha256').update(bytes).digest('hex')}',`,
    // Chromium uses the OS/2 typo metrics when USE_TYPO_METRICS is set (it is, in both families).
    `    unitsPerEm: ${font.unitsPerEm}, ascender: ${os2.typoAscender}, descender: ${os2.typoDescender}, lineGap: ${os2.typoLineGap},`,
    `    chars: ${JSON.stringify(String.fromCodePoint(...chars)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)},`,
    `    advances: [${chars.map((cp) => advance.get(cp)).join(',')}],`,
    `    pairClasses: [${left.count}, ${right.count}],`,
    `    leftClass: [${chars.map((cp) => left.of.get(cp) ?? 0).join(',')}],`,
    `    rightClass: [${chars.map((cp) => right.of.get(cp) ?? 0).join(',')}],`,
    `    pairs: [${sparse.join(',')}],`,
    '  },',
  ];
  process.stderr.write(`layout-metrics: ${key}: ${chars.length} characters, ${cells.size} class pairs (${left.count}×${right.count} classes)\n`);
  return lines.join('\n');
}

function main(): void {
  const versions = PACKAGES.map((name) => `'${name}': '${(require(`${name}/package.json`) as { version: string }).version}'`);
  const faces = readFaceRules().map(faceTable);
  const text = [
    '// Generated by scripts/layout-metrics.ts from the woff2 files src/client/fonts.css names: do not edit.',
    '// Regenerate after upgrading @fontsource/* (tests/unit/layout/tables.test.ts says when).',
    "import type { FaceTable } from '../face-table.js';",
    '',
    '/** The font packages (and versions) these tables were measured from. */',
    `export const FONT_PACKAGES = { ${versions.join(', ')} } as const;`,
    '',
    '/** Advances, vertical metrics and pair adjustments of every face the deck ships, in font units. */',
    'export const FACE_TABLES = {',
    ...faces,
    '} as const satisfies Record<string, FaceTable>;',
    '',
  ].join('\n');
  writeFileSync(OUT, text);
  process.stderr.write(`layout-metrics: wrote ${OUT} (${(text.length / 1024).toFixed(0)} KiB)\n`);
}

main();
