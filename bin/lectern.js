#!/usr/bin/env node
// Runs the compiled CLI (build/cli.js: `npm run compile`, which `npm ci` runs in a checkout).
import { runCli } from '../build/cli.js';

process.exitCode = await runCli(process.argv.slice(2));
