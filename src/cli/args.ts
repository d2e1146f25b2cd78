/**
 * File names that look like flags. cac reads `--help.md` as the flag `--help` (dotted names are
 * nested options) and puts what follows `--` aside; Lectern has no dotted flags, so an argument
 * whose flag name holds a dot (`--help.md`, `-x.md`) is a file name, and so is everything after
 * `--`. They are swapped for placeholders cac leaves alone (a NUL byte cannot be in a file name)
 * and swapped back in the command's inputs.
 */

/** Arguments for cac, and a function giving back the original of a placeholder. */
export interface ProtectedArgs {
  readonly args: readonly string[];
  readonly restore: (arg: string) => string;
}

const PLACEHOLDER = /^\0lectern-arg-(\d+)$/;

/** `args` with file names that look like flags replaced by placeholders. */
export function protectFileNames(args: readonly string[]): ProtectedArgs {
  const originals: string[] = [];
  const hide = (arg: string): string => `\0lectern-arg-${originals.push(arg) - 1}`;
  const out: string[] = [];
  let afterDashes = false;
  for (const arg of args) {
    if (afterDashes) out.push(hide(arg));
    else if (arg === '--') afterDashes = true;
    else out.push(looksLikeFileName(arg) ? hide(arg) : arg);
  }
  return {
    args: out,
    restore: (arg) => {
      const index = PLACEHOLDER.exec(arg)?.[1];
      return index === undefined ? arg : (originals[Number(index)] ?? arg);
    },
  };
}

/** `--help.md`, `-x.md`: a dash, then a flag name with a dot in it (not a number such as `-1.5`). */
function looksLikeFileName(arg: string): boolean {
  const name = /^--?([^=]*)/.exec(arg)?.[1];
  return name !== undefined && arg.startsWith('-') && name.includes('.') && !/^\d/.test(name);
}
