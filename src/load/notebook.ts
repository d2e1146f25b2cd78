/**
 * A Jupyter notebook (nbformat 4) as an article, without running it: markdown cells are the
 * article's text, code cells are fenced code in the kernel's language, and their saved outputs
 * follow (notebook-outputs.ts). The front matter is the notebook's `title`/`authors` metadata and,
 * as Quarto reads notebooks, a YAML block (`---` … `---`) in a first raw or markdown cell.
 *
 * Lines: the body is Markdown Lectern writes, so it comes with a lineMap: each body line is the
 * JSON line of the source string it came from (Jupyter writes one per line), and an output's lines
 * are its output's line. A warning about a cell points at the cell in the file. Pure.
 */
import { LecternError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { parseFrontMatter } from './front-matter.js';
import { type CellLines, jsonErrorLine, locateCells } from './json-positions.js';
import { remapError } from './line-map.js';
import { type BodyLine, isTable, joinText, longestBacktickRun, outputLines } from './notebook-outputs.js';

/** A notebook read as an article: its front matter, its body as Markdown, and the file line of each body line. */
export interface NotebookArticle {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly lineMap: readonly number[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Kernel languages that highlight.js knows by another name. */
const LANGUAGES: Readonly<Record<string, string>> = { 'c++': 'cpp', 'c#': 'csharp', 'f#': 'fsharp', ir: 'r' };

/** Read a notebook's JSON text (throws notebook-invalid when it is not a notebook). */
export function parseNotebook(text: string, file: string): NotebookArticle {
  const notebook = parseJson(text, file);
  const cells = notebook['cells'] as unknown[];
  const places = locateCells(text);
  const metadata = isTable(notebook['metadata']) ? notebook['metadata'] : {};
  const language = kernelLanguage(metadata);
  const diagnostics: Diagnostic[] = [];
  const lines: BodyLine[] = [];
  let raw: Record<string, unknown> = metadataFrontMatter(metadata);
  cells.forEach((cell, index) => {
    if (!isTable(cell)) return;
    const place = places[index] ?? { start: 1, source: [], outputs: [] };
    const source = sourceLines(cell, place);
    if (index === 0 && (cell['cell_type'] === 'raw' || cell['cell_type'] === 'markdown') && /^---[ \t]*$/.test(source[0]?.text ?? '')) {
      const front = frontMatterCell(source, file);
      raw = { ...raw, ...front.raw };
      lines.push(...front.rest);
    } else if (cell['cell_type'] === 'markdown') {
      lines.push(...withAttachments(source, cell));
    } else if (cell['cell_type'] === 'code') {
      lines.push(...codeCell(cell, source, place, language, file, diagnostics, index));
    } else return; // raw cells are for other output formats: an HTML page shows none
    lines.push({ text: '', line: source.at(-1)?.line ?? place.start });
  });
  // An empty notebook is one empty line (parseSource then says it has no content).
  if (lines.length === 0) lines.push({ text: '', line: 1 });
  return { raw, body: lines.map((l) => l.text).join('\n'), lineMap: lines.map((l) => l.line), diagnostics };
}

function parseJson(text: string, file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = jsonErrorLine(err, text);
    throw new LecternError('notebook-invalid', `${file} is not valid JSON: ${message.split('\n')[0] ?? message}`, {
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'a notebook is JSON; open it in Jupyter and save it again, or fix the JSON at this line',
      cause: err,
    });
  }
  if (!isTable(data) || !Array.isArray(data['cells'])) {
    const v3 = isTable(data) && Array.isArray(data['worksheets']);
    throw new LecternError('notebook-invalid', `${file} is not a Jupyter notebook in nbformat 4 (no "cells" list)`, {
      file,
      hint: v3 ? 'upgrade it: jupyter nbconvert --to notebook --nbformat 4 FILE' : 'Lectern reads .ipynb files saved by Jupyter 4 or later',
    });
  }
  return data;
}

/** The kernel's language (`python`, `r`, `julia`), as highlight.js names it; undefined when the notebook does not say. */
function kernelLanguage(metadata: Record<string, unknown>): string | undefined {
  const kernel = isTable(metadata['kernelspec']) ? metadata['kernelspec']['language'] : undefined;
  const info = isTable(metadata['language_info']) ? metadata['language_info']['name'] : undefined;
  const name = [kernel, info].find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim().toLowerCase();
  return name === undefined ? undefined : (LANGUAGES[name] ?? name);
}

/** `title` and `authors` from the notebook's metadata, as front matter keys. */
function metadataFrontMatter(metadata: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (typeof metadata['title'] === 'string') raw['title'] = metadata['title'];
  if (Array.isArray(metadata['authors'])) raw['authors'] = metadata['authors'];
  return raw;
}

/** A cell's source as lines, each with the file line of the JSON string it is in. */
function sourceLines(cell: Record<string, unknown>, place: CellLines): BodyLine[] {
  const parts = Array.isArray(cell['source']) ? cell['source'].map(String) : [joinText(cell['source'])];
  const out: BodyLine[] = [];
  let pending = '';
  parts.forEach((part, index) => {
    const line = place.source[index] ?? place.source[0] ?? place.start;
    const pieces = (pending + part).split('\n');
    pending = pieces.pop() ?? '';
    out.push(...pieces.map((text) => ({ text, line })));
    if (index === parts.length - 1 && pending !== '') out.push({ text: pending, line });
  });
  return out;
}

/** A first cell of YAML front matter: its keys, and what follows the closing `---` as text. */
function frontMatterCell(source: readonly BodyLine[], file: string): { raw: Record<string, unknown>; rest: BodyLine[] } {
  const text = source.map((l) => l.text).join('\n');
  try {
    const front = parseFrontMatter(text, file);
    // The body is a suffix of the cell's text: its last lines.
    const kept = front.body === '' ? 0 : front.body.split('\n').length;
    return { raw: { ...front.raw }, rest: source.slice(source.length - kept) };
  } catch (err) {
    // The parser counts lines in the cell: say where that is in the file.
    throw remapError(err, (line) => source[line - 1]?.line ?? source[0]?.line ?? 1);
  }
}

/** Markdown lines with `attachment:name` images made `data:` URLs from the cell's attachments. */
function withAttachments(source: readonly BodyLine[], cell: Record<string, unknown>): BodyLine[] {
  const attachments = isTable(cell['attachments']) ? cell['attachments'] : {};
  if (Object.keys(attachments).length === 0) return [...source];
  return source.map(({ text, line }) => ({
    line,
    text: text.replace(/\(attachment:([^)\s]+)/g, (whole, name: string) => {
      const bundle = attachments[decodeURIComponent(name)];
      const type = isTable(bundle) ? Object.keys(bundle).find((t) => t.startsWith('image/') && t !== 'image/svg+xml') : undefined;
      return type === undefined || !isTable(bundle) ? whole : `(data:${type};base64,${joinText(bundle[type]).replace(/\s+/g, '')}`;
    }),
  }));
}

function codeCell(cell: Record<string, unknown>, source: readonly BodyLine[], place: CellLines, language: string | undefined, file: string, diagnostics: Diagnostic[], index: number): BodyLine[] {
  const count = typeof cell['execution_count'] === 'number' ? cell['execution_count'] : undefined;
  const label = count === undefined ? `cell ${index + 1}` : `cell ${index + 1} (In [${count}])`;
  const outputs = Array.isArray(cell['outputs']) ? cell['outputs'] : [];
  const out: BodyLine[] = [];
  if (source.some((l) => l.text.trim() !== '')) {
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(source.map((l) => l.text).join('\n')) + 1));
    const last = source.at(-1)?.line ?? place.start;
    out.push({ text: `${fence}${language ?? ''}`, line: source[0]?.line ?? place.start }, ...source, { text: fence, line: last }, { text: '', line: last });
  }
  out.push(...outputLines(outputs, { file, lines: place.outputs, cellLine: place.start, label }, diagnostics));
  return out;
}
