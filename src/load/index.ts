/** The load stage: article files → Source objects (front matter, Liquid, Quarto, notebooks, format, slug). */
export { ARTICLE_EXTENSIONS, ARTICLE_FORMATS, articleKind, detectFormat, extensionOf, isArticlePath, type ArticleKind } from './format.js';
export { parseFrontMatter, type FrontMatter } from './front-matter.js';
export { formatAuthor, normalizeDate, normalizeMeta } from './meta.js';
export { listLinkTargets, resolveLiquid, type LiquidContext, type LiquidResult } from './liquid.js';
export { createLineMapper, type LineMapper } from './line-map.js';
export { parseNotebook, type NotebookArticle } from './notebook.js';
export { resolveQuarto, type QuartoResult } from './quarto.js';
export type { JekyllSite } from './jekyll-data.js';
export { slugFromPath } from './slug.js';
export { parseSource, type ParseSourceOptions } from './source.js';
export { decodeUtf8, displayPath, loadSources, loadSourcesSettled, type LoadOutcome, type LoadSourcesOptions } from './files.js';
export { expandInputs, globBase, isGlob, isListedArticle, isUnderInputs, type ExpandOptions } from './inputs.js';
