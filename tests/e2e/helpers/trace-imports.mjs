// `node --import ./trace-imports.mjs`: append every module URL the process resolves to the file
// named by LECTERN_TRACE_IMPORTS, so a test can say what a command did (and did not) load.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url), { data: { out: process.env.LECTERN_TRACE_IMPORTS } });
