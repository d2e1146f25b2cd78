/**
 * Diagrams the deck runtime could not draw (client/diagrams.ts leaves `window.lecternDiagrams`), read
 * from an open deck page: the PDF export turns them into warnings at the article line, `lectern
 * check` lists them with the deck's failed requests.
 */
import type { Page } from 'puppeteer-core';
import type { Diagnostic } from '../model.js';

/** A diagram mermaid could not read: its article line and mermaid's message. */
export interface DiagramFailure {
  readonly line?: number;
  readonly message: string;
}

/** The diagrams of the page open in `page` that failed to draw (none on a page without diagrams). */
export async function readDiagramFailures(page: Page): Promise<DiagramFailure[]> {
  return page.evaluate(() => {
    const report = (window as unknown as { lecternDiagrams?: { failed: { line?: number; message: string }[] } }).lecternDiagrams;
    return report === undefined ? [] : report.failed.map((f) => ({ ...f }));
  });
}

/** Each failure as a warning at its line of `file`. */
export function diagramDiagnostics(failures: readonly DiagramFailure[], file: string): Diagnostic[] {
  return failures.map((f) => ({
    severity: 'warning',
    code: 'diagram-invalid',
    message: `the diagram could not be drawn: ${f.message.split('\n')[0] ?? 'error'}; the slide shows its source`,
    file,
    ...(f.line === undefined ? {} : { line: f.line }),
    hint: 'check the diagram against mermaid\'s syntax (https://mermaid.js.org); the deck shows the source as code until it reads',
  }));
}
