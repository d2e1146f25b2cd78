/**
 * Colour for the CLI's output, only where it can be seen: `FORCE_COLOR` (any value but `0` or
 * `false`) turns it on and wins over everything, as in Node itself; else `NO_COLOR` (any value, as
 * no-color.org asks) turns it off; else a terminal (not `TERM=dumb`) gets colour and a pipe or a
 * file does not. Decided per stream: stdout may be piped while stderr is a terminal.
 */

/** The colours the CLI uses; each returns its text unchanged when colour is off. */
export interface Paint {
  readonly enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Whether a stream gets colour under `env`. */
export function colourEnabled(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

/** The colours for a stream. */
export function createPaint(stream: { readonly isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Paint {
  const enabled = colourEnabled(stream, env);
  const sgr = (open: number, close: number) => (text: string): string => (enabled && text !== '' ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { enabled, red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
