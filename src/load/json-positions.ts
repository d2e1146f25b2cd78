/**
 * Lines of a notebook's cells in its JSON text, which JSON.parse does not give: one pass over the
 * text (already accepted by JSON.parse) that notes the line where each `cells[i]`, each
 * `cells[i].source[j]` (or a one-string `source`) and each `cells[i].outputs[k]` starts. Jupyter
 * writes one source line per JSON line, so a line of a cell maps to a line of the file. Linear.
 */

/** Where one cell is in the file: its first line, its source lines, its outputs (1-based lines). */
export interface CellLines {
  readonly start: number;
  readonly source: number[];
  readonly outputs: number[];
}

/** A container being read: an object (with the key whose value comes next) or an array (with the index). */
type Frame = { kind: 'object'; key: string | undefined; expectKey: boolean } | { kind: 'array'; index: number };

/** The lines of every cell of a notebook's JSON text. */
export function locateCells(json: string): CellLines[] {
  const cells: CellLines[] = [];
  const stack: Frame[] = [];
  let line = 1;
  const valueStarts = (): void => {
    const [top, cellsArray, cell, field] = [stack[0], stack[1], stack[2], stack[3]];
    if (top?.kind !== 'object' || top.key !== 'cells' || cellsArray?.kind !== 'array') return;
    if (stack.length === 2) cells[cellsArray.index] = { start: line, source: [], outputs: [] };
    const entry = cells[cellsArray.index];
    if (entry === undefined || cell?.kind !== 'object') return;
    if (stack.length === 3 && cell.key === 'source') entry.source.push(line);
    if (stack.length === 4 && field?.kind === 'array' && cell.key === 'source') entry.source[field.index] = line;
    if (stack.length === 4 && field?.kind === 'array' && cell.key === 'outputs') entry.outputs[field.index] = line;
  };
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charAt(i);
    const frame = stack.at(-1);
    if (c === '\n') line += 1;
    else if (c === '"') {
      const end = stringEnd(json, i);
      if (frame?.kind === 'object' && frame.expectKey) frame.key = JSON.parse(json.slice(i, end + 1)) as string;
      else valueStarts();
      i = end;
    } else if (c === '{' || c === '[') {
      valueStarts();
      stack.push(c === '{' ? { kind: 'object', key: undefined, expectKey: true } : { kind: 'array', index: 0 });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ':' && frame?.kind === 'object') frame.expectKey = false;
    else if (c === ',' && frame?.kind === 'object') frame.expectKey = true;
    else if (c === ',' && frame?.kind === 'array') frame.index += 1;
    else if (/[-\dtfn]/.test(c)) {
      valueStarts();
      while (i + 1 < json.length && /[^\s,\]}]/.test(json.charAt(i + 1))) i += 1;
    }
  }
  return cells;
}

/** Index of the quote that ends the string starting at `start`. */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i += 1) {
    const c = json.charAt(i);
    if (c === '\\') i += 1;
    else if (c === '"') return i;
  }
  return json.length - 1;
}

/** The line of a JSON.parse error: V8 names a `position` (Node 20) or a `line` (Node 22); some messages neither. */
export function jsonErrorLine(err: unknown, text: string): number | undefined {
  const message = err instanceof Error ? err.message : String(err);
  const line = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
}
