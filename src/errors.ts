/**
 * Lectern's one error class. The library throws it; only the CLI prints it (once) and turns it into
 * an exit code. A message says what happened; the hint says what to do.
 */
import type { Diagnostic } from './model.js';

/** Stable error codes, grouped by the stage that raises them. */
export const ERROR_CODES = [
  'input-missing',
  'input-empty-dir',
  'input-unsupported',
  'input-unreadable',
  'front-matter-invalid',
  'article-empty',
  'article-invalid',
  'markdown-unclosed-fence',
  'liquid-unclosed-block',
  'notebook-invalid',
  'config-invalid',
  'theme-unknown',
  'runtime-missing',
  'browser-not-found',
  'browser-failed',
  'export-timeout',
  'export-failed',
  'strict-diagnostics',
  'write-failed',
  'usage',
] as const;

/** One of ERROR_CODES. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error points: a file and, when known, a 1-based line. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
}

/** The error every Lectern stage throws for a problem the user can fix. */
export class LecternError extends Error {
  override readonly name = 'LecternError';
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;
  /** Exit code the CLI uses: 1 for a problem in an article or the environment, 2 for bad usage. */
  readonly exitCode: 1 | 2;
  /** The diagnostics that made a build fail, for the CLI to print before the error. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    code: ErrorCode,
    message: string,
    options: ErrorLocation & { hint?: string; cause?: unknown; exitCode?: 1 | 2; diagnostics?: readonly Diagnostic[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.file !== undefined) this.file = options.file;
    if (options.line !== undefined) this.line = options.line;
    if (options.hint !== undefined) this.hint = options.hint;
    this.exitCode = options.exitCode ?? (code === 'usage' ? 2 : 1);
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** `file:line: ` (or `file: `, or nothing) for the start of a printed message. */
export function formatLocation(loc: ErrorLocation): string {
  if (loc.file === undefined) return '';
  return loc.line === undefined ? `${loc.file}: ` : `${loc.file}:${loc.line}: `;
}

/** A diagnostic as one line: `file:line: warning: message (code)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${formatLocation(d)}${d.severity}: ${d.message} [${d.code}]${hint}`;
}

/** A LecternError as the CLI prints it. */
export function formatError(err: LecternError): string {
  const hint = err.hint ? `\n  hint: ${err.hint}` : '';
  return `${formatLocation(err)}error: ${err.message}${hint}`;
}
