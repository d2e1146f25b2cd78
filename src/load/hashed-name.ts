/** Names of files copied into a site: content-hashed, so a changed file gets a new name. */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';

/** `<stem>-<8 hex>.<ext>` with the stem made safe: no leading `_` or `.`, only [a-z0-9-]. */
export function hashedName(file: string, bytes: Uint8Array): string {
  const ext = extname(file).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const stem = basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return `${stem}-${hash}${ext}`;
}
