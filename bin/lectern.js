#!/usr/bin/env node
// Runs the compiled CLI (fast start); in a checkout that was not compiled yet, runs the TypeScript
// sources through tsx so `npx lectern` works right after `npm ci`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../build/src/cli.js', import.meta.url));
if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('../src/cli.ts', import.meta.url);
}
