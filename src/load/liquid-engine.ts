/**
 * The liquidjs engine for one article, set up as Jekyll runs Liquid: includes from the site's
 * `_includes/` only (an in-memory map: nothing else on disk can be read), Jekyll's include
 * parameters and `where`, its tags (`link`, `post_url`, `highlight`) and URL filters, and limits
 * that stop a template that would never end. liquidjs is loaded on first use (~30 ms of start-up):
 * most articles have no Liquid beyond what the scan settles.
 */
import { createRequire } from 'node:module';
import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from 'liquidjs';
import { marked } from 'marked';
import type { SourceFormat } from '../model.js';
import { codeBlock, type CodeText, countNewlines } from './liquid-code.js';
import { linkTarget } from './liquid-scan.js';

const require = createRequire(import.meta.url);
let library: typeof import('liquidjs') | undefined;

/** liquidjs, required on first use. */
export function loadLiquidjs(): typeof import('liquidjs') {
  library ??= require('liquidjs') as typeof import('liquidjs');
  return library;
}

/** Bounds on one article's Liquid: template size (characters), render time (ms), allocations. */
export const LIQUID_LIMITS = { parseLimit: 10_000_000, renderLimit: 5_000, memoryLimit: 20_000_000 } as const;

/** Includes inside includes, at most (an include that includes itself stops here, not at a stack overflow). */
export const MAX_INCLUDE_DEPTH = 32;

/** What the engine's own tags and filters need from the article being rendered. */
export interface EngineHost {
  readonly format: SourceFormat;
  /** Texts of `{% lectern_literal N %}`. */
  readonly literals: readonly string[];
  /** Code of `{% lectern_code N %}`. */
  readonly code: readonly CodeText[];
  /** The site's `_includes/` files; undefined when the article is in no Jekyll site. */
  readonly includes: Readonly<Record<string, string>> | undefined;
  readonly resolveLink: (target: string) => string | undefined;
  /** A problem at a token of the template (or of the include it is in), or at a 0-based template line. */
  readonly report: (code: string, message: string, token: TokenPlace | undefined, hint: string) => void;
  /** How deep the render is inside code: there a problem is no warning, the code stays as written. */
  inCode: number;
  /** How deep the render is inside includes. */
  inInclude: number;
}

/** Where a problem is: a liquidjs token (offset in its template, file when in an include) or a template line. */
export interface TokenPlace {
  readonly begin?: number;
  readonly input?: string;
  readonly file?: string;
  readonly line?: number;
}

/** The engine for one article. */
export function createEngine(host: EngineHost): Liquid {
  const { Liquid } = loadLiquidjs();
  const engine = new Liquid({
    // No prototype: `{% include constructor %}` must not find Object.prototype's members.
    templates: Object.assign(Object.create(null) as Record<string, string>, host.includes ?? {}),
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    strictFilters: true,
    lenientIf: true,
    ownPropertyOnly: true,
    // Fixed, so dates come out the same on every machine.
    locale: 'en-US',
    timezoneOffset: 0,
    cache: true,
    ...LIQUID_LIMITS,
  });
  registerTags(engine, host);
  registerFilters(engine, host);
  return engine;
}

/** Register a pass-through filter that warns, for each name the article uses that Liquid lacks. */
export function registerUnknownFilters(engine: Liquid, host: EngineHost, names: Iterable<string>): void {
  for (const name of names) {
    if (Object.hasOwn(engine.filters, name)) continue;
    engine.registerFilter(name, function (this: { token: TokenPlace }, value: unknown) {
      if (host.inCode > 0) throw new Error(`unknown filter ${name}`);
      host.report('liquid-unknown-filter', `unknown Liquid filter "${name}": its input is kept as it is`, this.token, 'a plugin\'s filter cannot run here; remove it or use a Liquid or Jekyll filter');
      return value;
    });
  }
}

/**
 * Register a tag that renders nothing and warns, for each tag name an include uses that Liquid lacks
 * (in the article itself the scan removes such tags). `{% tabs %}…{% endtabs %}` keeps its inside.
 */
export function registerUnknownTags(engine: Liquid, host: EngineHost, names: Iterable<string>): void {
  const { Tag } = loadLiquidjs();
  for (const name of names) {
    if (Object.hasOwn(engine.tags, name) || /^(?:end\w+|else|elsif|when)$/.test(name)) continue;
    for (const tag of [name, `end${name}`]) {
      engine.registerTag(tag, class extends Tag {
        constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
          super(token, remain, liquid);
          if (host.inCode > 0) throw new Error(`unknown tag ${tag}`);
          host.report('liquid-unknown-tag', `removed Liquid tag {% ${tag} %}: neither Liquid nor Jekyll has it`, token, 'a plugin\'s tag cannot run here');
        }
        render(): string {
          return '';
        }
      });
    }
  }
}

/** Tag names used in a text (`{% name … %}`). */
export function tagNames(text: string): Set<string> {
  return new Set([...text.matchAll(/\{%-?\s*([A-Za-z_]\w*)/g)].map((m) => (m[1] as string).toLowerCase()));
}

/** Filter names used after a `|` in a text (over-approximate: a name inside a string is harmless). */
export function filterNames(text: string): Set<string> {
  return new Set([...text.matchAll(/\|\s*([A-Za-z_][\w-]*)/g)].map((m) => m[1] as string));
}

function registerTags(engine: Liquid, host: EngineHost): void {
  const { Tag, TagToken: TagTokenClass, IncludeTag, RenderTag } = loadLiquidjs();
  // Same constructor and render for both; one class body.
  for (const [name, Base] of [['include', IncludeTag], ['render', RenderTag as unknown as typeof IncludeTag]] as const) {
    engine.registerTag(name, class extends Base {
      override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
        if (host.inInclude >= MAX_INCLUDE_DEPTH) throw new Error(`includes nested more than ${MAX_INCLUDE_DEPTH} deep`);
        host.inInclude += 1;
        try {
          yield* super.render(ctx, emitter);
        } finally {
          host.inInclude -= 1;
        }
      }
    });
  }
  const numberArg = (token: TagToken): number => Number(/\d+/.exec(token.args)?.[0] ?? -1);

  engine.registerTag('lectern_literal', class extends Tag {
    private readonly index: number;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.index = numberArg(token);
    }
    render(): string {
      return host.literals[this.index] ?? '';
    }
  });

  engine.registerTag('lectern_code', class extends Tag {
    private readonly index: number;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.index = numberArg(token);
    }
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const code = host.code[this.index];
      return code === undefined ? '' : yield* renderCode(this.liquid, host, ctx, code);
    }
  });

  // `{% highlight %}` in an include (in the article the scan made it a lectern_code).
  engine.registerTag('highlight', class extends Tag {
    private readonly code: CodeText;
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const inner: string[] = [];
      let closed = false;
      while (remain.length > 0 && !closed) {
        const next = remain.shift() as TopLevelToken;
        closed = next instanceof TagTokenClass && next.name === 'endhighlight';
        if (!closed) inner.push(next.getText());
      }
      if (!closed) throw new Error('{% highlight %} is never closed');
      const text = inner.join('');
      const lang = /^[\w+#.-]+/.exec(token.args)?.[0]?.toLowerCase();
      this.code = { text, newlines: countNewlines(text), highlight: { prefix: '', ...(lang === undefined ? {} : { lang }) } };
    }
    *render(ctx: Context): Generator<unknown, string, unknown> {
      return yield* renderCode(this.liquid, host, ctx, this.code);
    }
  });

  for (const name of ['link', 'post_url']) {
    engine.registerTag(name, class extends Tag {
      *render(ctx: Context): Generator<unknown, string, unknown> {
        const target = linkTarget(String(yield this.liquid.renderer.renderTemplates(this.liquid.parse(this.token.args), ctx)).trim());
        const url = target === '' ? undefined : host.resolveLink(target);
        if (url === undefined) host.report('link-unresolved', `cannot resolve {% ${name} ${target} %}: no such article beside this one`, this.token, 'the link keeps its text but loses its target; put the linked article in the same folder to link its deck');
        return url ?? '';
      }
    });
  }
}

/**
 * Code holding Liquid renders strictly — every variable defined, every filter and tag known — or
 * not at all: then it is an example of Liquid (a Vue `{{ msg }}`, a layout in a tutorial) and is
 * shown as written. `{% highlight %}` becomes a fenced block of as many lines as it had.
 */
function* renderCode(liquid: Liquid, host: EngineHost, ctx: Context, code: CodeText): Generator<unknown, string, unknown> {
  let text = code.text;
  if (/\{[{%]/.test(code.text)) {
    const strict = ctx.strictVariables;
    ctx.strictVariables = true;
    host.inCode += 1;
    try {
      text = String(yield liquid.renderer.renderTemplates(liquid.parse(code.text), ctx));
    } catch {
      text = code.text;
    } finally {
      ctx.strictVariables = strict;
      host.inCode -= 1;
    }
  }
  return codeBlock(code, text, host.format);
}


function registerFilters(engine: Liquid, host: EngineHost): void {
  // site.baseurl is '' in a deck (it lives in its own folder), so both URL filters give the path
  // as written, with the leading slash Jekyll adds.
  const sitePath = (value: unknown): string => {
    const text = String(value ?? '');
    return /^[a-z][a-z0-9+.-]*:|^\/|^#|^$/i.test(text) ? text : `/${text}`;
  };
  engine.registerFilter('relative_url', sitePath);
  engine.registerFilter('absolute_url', sitePath);
  // The output of Liquid is Markdown source: Markdown stays Markdown; an HTML page gets HTML.
  engine.registerFilter('markdownify', (value: unknown) => (host.format === 'markdown' ? String(value ?? '') : (marked.parse(String(value ?? ''), { async: false }) as string)));
  engine.registerFilter('smartify', (value: unknown) => String(value ?? ''));
  // Jekyll's sample is random; a deck must come out the same on every build.
  engine.registerFilter('sample', (value: unknown, count?: number) => {
    const items = Array.isArray(value) ? value : [];
    return count === undefined ? items[0] : items.slice(0, Math.max(0, Number(count)));
  });
}
