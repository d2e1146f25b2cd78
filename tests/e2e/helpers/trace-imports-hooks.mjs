// The module hooks of trace-imports.mjs (they run off the main thread; fs is imported statically,
// since an import inside `resolve` would be resolved by this very hook).
import { appendFileSync } from 'node:fs';

let out;

export function initialize(data) {
  out = data?.out;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (out) appendFileSync(out, `${resolved.url}\n`);
  return resolved;
}
