/** The load stage: article files → Source objects (front matter, Liquid, format, slug). */
export { ARTICLE_EXTENSIONS, ARTICLE_FORMATS, detectFormat, extensionOf, isArticlePath } from './format.js';
export { parseFrontMatter, type FrontMatter } from './front-matter.js';
export { formatAuthor, normalizeDate, normalizeMeta } from './meta.js';
export { listLinkTargets, resolveLiquid, type LiquidContext, type LiquidResult } from './liquid.js';
export { slugFromPath } from './slug.js';
export { parseSource, type ParseSourceOptions } from './source.js';
export { decodeUtf8, displayPath, loadSources, type LoadSourcesOptions } from './files.js';
