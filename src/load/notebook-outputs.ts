/**
 * A code cell's saved outputs as Markdown: text (streams, `text/plain` results, errors) as plain
 * `output` blocks — terminal colours and carriage-return progress lines resolved as a terminal
 * shows them — and pictures (`image/png`, `image/jpeg`, `image/gif`, `image/svg+xml`) as images
 * with a `data:` URL, the way nbconvert's HTML embeds them: the deck stays one self-contained page
 * and works offline. `text/markdown` results are Markdown, as Jupyter shows them. Pure.
 */
import type { Diagnostic } from '../model.js';

/** One line of the body and the file line it stands for. */
export interface BodyLine {
  readonly text: string;
  readonly line: number;
}

/** A picture larger than this (base64 characters) is left out, with a warning. */
export const MAX_IMAGE_CHARS = 4_000_000;

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'] as const;

/** What an output needs to say where it is. */
export interface OutputPlace {
  readonly file: string;
  /** File line of each output of the cell (index = output index). */
  readonly lines: readonly number[];
  /** The cell's line, for outputs whose own line is unknown. */
  readonly cellLine: number;
  /** How the cell is named in alt text and messages (`cell 3`, `In [5]`). */
  readonly label: string;
}

/** The Markdown lines for a code cell's outputs; consecutive stream outputs of one stream make one block. */
export function outputLines(outputs: readonly unknown[], place: OutputPlace, diagnostics: Diagnostic[]): BodyLine[] {
  const out: BodyLine[] = [];
  let stream: { name: string; text: string; line: number } | undefined;
  const flush = (): void => {
    if (stream !== undefined) out.push(...textBlock(stream.text, stream.line));
    stream = undefined;
  };
  outputs.forEach((output, index) => {
    if (!isTable(output)) return;
    const line = place.lines[index] ?? place.cellLine;
    if (output['output_type'] === 'stream') {
      const name = String(output['name'] ?? 'stdout');
      const text = joinText(output['text']);
      if (stream?.name === name) stream.text += text;
      else {
        flush();
        stream = { name, text, line };
      }
      return;
    }
    flush();
    out.push(...richOutput(output, line, place, diagnostics));
  });
  flush();
  return out;
}

function richOutput(output: Record<string, unknown>, line: number, place: OutputPlace, diagnostics: Diagnostic[]): BodyLine[] {
  if (output['output_type'] === 'error') {
    const traceback = Array.isArray(output['traceback']) ? output['traceback'].map(String).join('\n') : '';
    const head = `${String(output['ename'] ?? 'Error')}: ${String(output['evalue'] ?? '')}`;
    return textBlock(traceback.trim() === '' ? head : traceback, line);
  }
  const data = isTable(output['data']) ? output['data'] : {};
  const type = IMAGE_TYPES.find((t) => data[t] !== undefined);
  if (type !== undefined) {
    const raw = joinText(data[type]);
    const base64 = type === 'image/svg+xml' ? Buffer.from(raw, 'utf8').toString('base64') : raw.replace(/\s+/g, '');
    if (base64.length <= MAX_IMAGE_CHARS) return [{ text: `![Output of ${place.label}](data:${type};base64,${base64})`, line }, { text: '', line }];
    diagnostics.push({
      severity: 'warning',
      code: 'notebook-output-too-large',
      message: `a picture in the output of ${place.label} is larger than ${MAX_IMAGE_CHARS / 1_000_000} MB and is left out`,
      file: place.file,
      line,
      hint: 'save the figure smaller (lower dpi) or as a file the notebook links to',
    });
  }
  if (data['text/markdown'] !== undefined) return [...joinText(data['text/markdown']).split('\n').map((text) => ({ text, line })), { text: '', line }];
  if (data['text/plain'] !== undefined) return textBlock(joinText(data['text/plain']), line);
  return [];
}

/** A plain `output` block, fenced longer than any backtick run inside. */
function textBlock(text: string, line: number): BodyLine[] {
  const lines = terminalText(text).replace(/\n+$/, '').split('\n');
  if (lines.every((l) => l.trim() === '')) return [];
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(lines.join('\n')) + 1));
  return [{ text: `${fence}output`, line }, ...lines.map((l) => ({ text: l, line })), { text: fence, line }, { text: '', line }];
}

/** Text as a terminal shows it: colour codes gone, a line rewritten after `\r` shows its last state. */
export function terminalText(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g, '')
    .split('\n')
    .map((line) => {
      const parts = line.replace(/\r$/, '').split('\r');
      return parts.at(-1) ?? '';
    })
    .join('\n');
}

/** nbformat text: a string, or a list of strings to join. */
export function joinText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('');
  return typeof value === 'string' ? value : '';
}

/** Longest run of backticks in a text (for a fence that cannot be closed by the content). */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

/** A JSON object (not an array, not null). */
export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
