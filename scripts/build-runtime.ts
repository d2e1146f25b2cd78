/**
 * Build the deck runtime (runtime/) with Vite and print its files and sizes.
 * Usage: npx tsx scripts/build-runtime.ts
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RUNTIME_DIR, buildRuntime } from '../src/runtime/index.js';

const started = performance.now();
const manifest = await buildRuntime();
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`.padStart(10);
let total = 0;
let totalGzip = 0;
for (const file of manifest.files) {
  const data = await readFile(join(RUNTIME_DIR, file));
  const gzip = gzipSync(data, { level: 9 }).length;
  total += data.length;
  totalGzip += gzip;
  process.stdout.write(`${kb(data.length)} ${kb(gzip)} gz  ${file}\n`);
}
process.stdout.write(`${kb(total)} ${kb(totalGzip)} gz  total, ${manifest.files.length} files\n`);
process.stdout.write(`runtime ${manifest.inputsHash} built in ${seconds} s into ${RUNTIME_DIR}\n`);
process.stdout.write(`themes: ${Object.keys(manifest.themes).join(', ')}\n`);
