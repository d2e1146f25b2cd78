/**
 * Author directives written as HTML comments, valid in Markdown and HTML alike:
 * `<!-- lectern: break -->`, `keep`, `hide`, `notes Some words for the speaker`, `backup`.
 */
import type { Block, DirectiveName } from '../model.js';
import type { ParseContext } from './flow.js';

const DIRECTIVE = /^\s*lectern:\s*([\w-]*)\s*([\s\S]*?)\s*$/;
const NAMES: readonly DirectiveName[] = ['break', 'keep', 'hide', 'notes', 'backup'];

/** Whether a comment's text is addressed to Lectern (`lectern: …`). */
export function isDirectiveComment(data: string): boolean {
  return DIRECTIVE.test(data);
}

/** The directive block of a comment; other comments give nothing, unknown names a warning. */
export function directiveFromComment(data: string, line: number, ctx: ParseContext): Block | undefined {
  const match = DIRECTIVE.exec(data);
  if (match === null) return undefined;
  const name = NAMES.find((n) => n === match[1]);
  if (name === undefined) {
    ctx.diagnostics.push({
      severity: 'warning',
      code: 'directive-unknown',
      message: `Unknown Lectern directive "${match[1] ?? ''}"; it is ignored.`,
      file: ctx.file,
      line,
      hint: `use one of: ${NAMES.join(', ')}`,
    });
    return undefined;
  }
  const text = match[2] ?? '';
  return name === 'notes' && text !== '' ? { type: 'directive', line, name, text } : { type: 'directive', line, name };
}
