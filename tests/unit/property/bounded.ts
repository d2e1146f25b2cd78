/**
 * Runs articles through the pipeline in a child process with a heap limit, so a case that would
 * exhaust memory fails (the child dies) instead of swapping the machine or killing the test runner.
 * The time limit is a hang guard only, generous on purpose: no test asserts speed (STYLE.md §9).
 *
 * LECTERN_BOUNDS_HEAP_MB (default 512) and LECTERN_BOUNDS_HANG_MS (default 180,000) change them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

/** An article to run: its text (or raw bytes) and the path it is read from. */
export interface CaseRequest {
  readonly input: string | Uint8Array;
  readonly path: string;
}

/** A diagnostic, as the child reports it. */
export interface CaseDiagnostic {
  readonly code: string;
  readonly file?: string;
  readonly line?: number;
}

/** What the child made of an article (`lines`: the article's line count). */
export type CaseOutcome =
  | { readonly ok: true; readonly lines: number; readonly slides: number; readonly diagnostics: readonly CaseDiagnostic[] }
  | { readonly ok: false; readonly lines: number; readonly error: { readonly name: string; readonly code?: string; readonly file?: string; readonly line?: number; readonly message: string } };

/** A case that ended the child: out of memory, killed by the hang guard, or crashed. */
export interface CaseCrash {
  readonly ok: false;
  readonly crash: string;
}

const HEAP_MB = positive(process.env['LECTERN_BOUNDS_HEAP_MB'], 512);
const HANG_MS = positive(process.env['LECTERN_BOUNDS_HANG_MS'], 180_000);
const CHILD = join(import.meta.dirname, 'bounded-child.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** One child process, started on first use and again after a case ends it; one case at a time. */
export class BoundedPipeline {
  private child: ChildProcess | undefined;

  constructor(private readonly heapMb = HEAP_MB) {}

  /** Runs one article in the child. */
  run(input: string | Uint8Array, path: string): Promise<CaseOutcome | CaseCrash> {
    const child = this.start();
    return new Promise((resolve) => {
      let stderr = '';
      const onData = (chunk: Buffer): void => {
        stderr = (stderr + chunk.toString()).slice(-2000);
      };
      const finish = (result: CaseOutcome | CaseCrash): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('close', onExit);
        child.stderr?.off('data', onData);
        resolve(result);
      };
      const onMessage = (outcome: CaseOutcome): void => finish(outcome);
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = undefined;
        const memory = /heap out of memory|Allocation failed/i.test(stderr) ? ` — out of memory (heap limit ${this.heapMb} MB)` : '';
        finish({ ok: false, crash: `the child exited (${signal ?? `code ${code}`})${memory}\n${stderr.slice(-600)}` });
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ ok: false, crash: `still running after ${HANG_MS / 1000} s (hang guard): killed` });
      }, HANG_MS);
      child.on('message', onMessage);
      // 'close', not 'exit': the child's last words on stderr (out of memory) are read by then.
      child.on('close', onExit);
      child.stderr?.on('data', onData);
      child.send({ input, path } satisfies CaseRequest);
    });
  }

  /** Ends the child (call once the tests are done). */
  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private start(): ChildProcess {
    this.child ??= fork(CHILD, [], {
      execArgv: ['--import', TSX, `--max-old-space-size=${this.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    return this.child;
  }
}

/**
 * The outcome every input must have: a deck, or a LecternError that names the file (and, when it
 * gives a line, a line of that file) — never a crash, another error, or an exhausted heap.
 */
export function expectBounded(result: CaseOutcome | CaseCrash, path: string): CaseOutcome {
  if ('crash' in result) throw new Error(`${path}: ${result.crash}`);
  const inFile = (line: number | undefined): boolean => line === undefined || (Number.isInteger(line) && line >= 1 && line <= result.lines + 1);
  if (!result.ok) {
    expect(result.error.name, result.error.message).toBe('LecternError');
    expect(result.error.file, result.error.message).toBe(path);
    expect(inFile(result.error.line), `line ${result.error.line} of ${result.lines}: ${result.error.message}`).toBe(true);
    return result;
  }
  for (const d of result.diagnostics) {
    expect(d.file).toBe(path);
    expect(inFile(d.line), `${d.code} at line ${d.line} of ${result.lines}`).toBe(true);
  }
  return result;
}
