/**
 * The child process of bounded.ts: it runs articles it is sent through what an HTML-only `lectern
 * build` does in memory (bytes → text → Source → Article → Deck → HTML, then the static checks) and
 * sends back what came of each. It runs under a heap limit: an article that exhausts memory kills
 * this process, not the test runner.
 */
import { resolveConfig } from '../../../src/config.js';
import { LecternError } from '../../../src/errors.js';
import { decodeUtf8 } from '../../../src/load/files.js';
import { parseSource } from '../../../src/load/source.js';
import { withCheckDiagnostics } from '../../../src/check/static.js';
import { compileForTest } from '../helpers/compile.js';
import type { CaseOutcome, CaseRequest } from './bounded.js';

const CONFIG = resolveConfig();

function run(request: CaseRequest): CaseOutcome {
  const { input, path } = request;
  let lines = 1;
  try {
    const decoded = typeof input === 'string' ? { text: input, diagnostics: [] } : decodeUtf8(input, path);
    // Lines as an editor counts them: CRLF, LF and a lone CR each end one (load normalises the same way).
    lines = decoded.text.split(/\r\n?|\n/).length;
    const source = parseSource(decoded.text, path, { resolveLink: (target) => (target.endsWith('.md') ? '../sibling/' : undefined) });
    const compiled = withCheckDiagnostics(compileForTest(source, CONFIG));
    const diagnostics = compiled.rendered.diagnostics.map((d) => ({ code: d.code, file: d.file, ...(d.line === undefined ? {} : { line: d.line }) }));
    return { ok: true, lines, slides: compiled.rendered.slideCount, diagnostics };
  } catch (err) {
    const error = err instanceof LecternError
      ? { name: err.name, code: err.code, message: err.message, ...(err.file === undefined ? {} : { file: err.file }), ...(err.line === undefined ? {} : { line: err.line }) }
      : { name: err instanceof Error ? err.name : 'unknown', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
    return { ok: false, lines, error };
  }
}

process.on('message', (request: CaseRequest) => {
  process.send?.(run(request));
});
