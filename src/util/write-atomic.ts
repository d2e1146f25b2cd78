/**
 * Atomic writes: write to a temporary file beside the target, then rename over it, so a reader (or
 * a failed run) never sees a half-written file. Rename is atomic on one file system.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LecternError } from '../errors.js';

/** Write `data` to `file` atomically, creating its folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.lectern-tmp-${basename(file)}-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (cause) {
    await rm(tmp, { force: true }).catch(() => undefined); // The folder itself may be what failed.
    throw new LecternError('write-failed', `could not write ${file}: ${(cause as Error).message}`, {
      file,
      hint: 'check that the output folder is writable and the disk is not full',
      cause,
    });
  }
}
