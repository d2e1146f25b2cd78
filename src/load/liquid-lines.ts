/**
 * Lines of the engine's output. liquidjs renders a template node by node (text, an output, or a
 * whole block with what it holds); a node's output may have more lines than its source (a loop,
 * an include) or fewer (a false branch, a comment). This gives each output line a line of the
 * source, so the body can carry a lineMap (Source.lineMap) back to the file. Pure.
 */

/** How far ahead a rendered line is looked for among its node's source lines. */
const MATCH_WINDOW = 200;

/**
 * Template lines (0-based) for the lines a node's output starts after each of its newlines. A line
 * found as written among the node's source lines (a branch's text) is given that line; any other
 * the next line of the node, stopping before its last line when the node grew (a loop's rows stay
 * on the loop's body, an include's lines on the include); the line the output ends on is the
 * node's last line, where the next node goes on. Never decreasing.
 */
export function mapNodeLines(source: string, output: string, first: number): number[] {
  const sourceLines = source.split('\n');
  const outputLines = output.split('\n');
  const last = first + sourceLines.length - 1;
  // Output longer than its source (a loop, an include): unmatched lines stop before the node's
  // last line (a loop's end tag), so a loop's rows stay on its body's lines.
  const grows = outputLines.length > sourceLines.length;
  const lines: number[] = [];
  let cursor = 1;
  let previous = first;
  for (let j = 1; j < outputLines.length; j += 1) {
    let line = Math.max(previous, Math.min(first + j, grows ? Math.max(first, last - 1) : last));
    const wanted = outputLines[j] as string;
    if (j === outputLines.length - 1) line = last;
    else if (wanted.trim() !== '') {
      const end = Math.min(sourceLines.length - 1, cursor + MATCH_WINDOW);
      for (let i = cursor; i <= end; i += 1) {
        if (sourceLines[i] !== wanted) continue;
        line = Math.max(previous, first + i);
        cursor = i + 1;
        break;
      }
    }
    lines.push(line);
    previous = line;
  }
  return lines;
}
