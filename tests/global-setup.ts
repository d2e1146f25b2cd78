/**
 * Before any test file: bundle build/ when the sources changed since the last compile (a no-op
 * otherwise), so end-to-end tests that run `bin/lectern.js` always run the code under test.
 */
import { compile } from '../scripts/compile.js';

export default async function setup(): Promise<void> {
  // The bundle only: the type declarations matter to the packed package, whose test packs (and so compiles) it.
  await compile({ types: false, log: (line) => process.stderr.write(`global setup: ${line}\n`) });
}
