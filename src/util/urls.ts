/** URL predicates shared by the pure stages and the file-system edge. */

/** True for an image `src` that names another host: an http(s) URL, or a protocol-relative `//host/…`. */
export function isRemoteUrl(src: string): boolean {
  return /^(?:https?:)?\/\//i.test(src.trim());
}
