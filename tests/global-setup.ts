/**
 * Before any test file: compile build/ when the sources changed since the last compile (a no-op
 * otherwise), so end-to-end tests that run `bin/lectern.js` always run the code under test.
 */
import { compile } from '../scripts/compile.js';

export default async function setup(): Promise<void> {
  await compile({ log: (line) => process.stderr.write(`global setup: ${line}\n`) });
}
