#!/usr/bin/env node
// Runs the compiled CLI (fast start). In a checkout whose sources changed since the last compile
// (or that was never compiled), runs the TypeScript sources through tsx instead, so a stale build
// never runs by mistake.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../build/src/cli/index.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    const time = entry.isDirectory() ? newestMtime(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
    if (time > newest) newest = time;
  }
  return newest;
}

const fresh = existsSync(compiled) && (!existsSync(sources) || statSync(compiled).mtimeMs >= newestMtime(sources));
const cli = fresh ? await import(pathToFileURL(compiled).href) : await (await import('tsx/esm/api')).tsImport('../src/cli/index.ts', import.meta.url);
process.exitCode = await cli.runCli(process.argv.slice(2));
