/**
 * The generated font tables (src/layout/metrics/tables.ts) must describe the font files the deck
 * ships: the faces src/client/fonts.css declares, from the installed @fontsource packages, byte for
 * byte. When a package is upgraded this fails: run `npx tsx scripts/layout-metrics.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FACE_TABLES, FONT_PACKAGES } from '../../../src/layout/metrics/tables.js';

const require = createRequire(import.meta.url);
const REGENERATE = 'the font tables are stale: run `npx tsx scripts/layout-metrics.ts` and commit src/layout/metrics/tables.ts';

describe('font tables', () => {
  it('were generated from the installed @fontsource versions', () => {
    for (const [name, version] of Object.entries(FONT_PACKAGES)) {
      const installed = (require(`${name}/package.json`) as { version: string }).version;
      expect(installed, `${name}: ${REGENERATE}`).toBe(version);
    }
  });

  it('match each installed woff2 file byte for byte', () => {
    for (const [key, table] of Object.entries(FACE_TABLES)) {
      const digest = createHash('sha256').update(readFileSync(require.resolve(table.file))).digest('hex');
      expect(digest, `${key} (${table.file}): ${REGENERATE}`).toBe(table.sha256);
    }
  });

  it('cover exactly the faces fonts.css declares', () => {
    const css = readFileSync(new URL('../../../src/client/fonts.css', import.meta.url), 'utf8');
    const declared = [...css.matchAll(/url\('([^']+\.woff2)'\)/g)].map((m) => m[1]).sort();
    const tabled = Object.values(FACE_TABLES).map((t) => t.file).sort();
    expect(tabled, REGENERATE).toEqual(declared);
  });

  it('are consistent: parallel arrays as long as the character list, pair classes in range', () => {
    for (const [key, t] of Object.entries(FACE_TABLES)) {
      const n = [...t.chars].length;
      expect(t.advances.length, key).toBe(n);
      expect(t.leftClass.length, key).toBe(n);
      expect(t.rightClass.length, key).toBe(n);
      expect(t.pairs.length % 3, key).toBe(0);
      for (let i = 0; i < t.pairs.length; i += 3) {
        expect(t.pairs[i]!).toBeLessThan(t.pairClasses[0]);
        expect(t.pairs[i + 1]!).toBeLessThan(t.pairClasses[1]);
      }
    }
  });
});
