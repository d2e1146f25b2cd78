/**
 * One deck, one HTML (issue 8): for the same article and config, `lectern build X` (HTML only),
 * `lectern check X` (the deck it places in the browser and measures) and the dev server (GET
 * `/<slug>/`, without the two dev `<script>` tags its routes add) render byte-identical deck pages —
 * for the seed `decks/eventlet.md` and for an article with an image beside it.
 *
 * The build runs through the CLI in-process; check and dev get the config the CLI resolves from the
 * same flags and working folder (config file included). The check part needs Chromium.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredDeck } from '../../src/check/index.js';
import { runCli } from '../../src/cli/index.js';
import { resolveCliConfig } from '../../src/cli/context.js';
import { createLogger, type CliIo } from '../../src/cli/log.js';
import { checkDecks } from '../../src/commands/check.js';
import { startDevServer, type DevServer } from '../../src/commands/dev.js';
import { realEdges, type Edges } from '../../src/commands/edges.js';
import { recompile, type CompiledDeck } from '../../src/compile.js';
import type { ResolvedConfig } from '../../src/config.js';
import { DEV_CLIENT_PATH } from '../../src/vite/client.js';
import { browserSkipReason } from './helpers/browser.js';
import { REPO_ROOT, SEED_ARTICLE } from './helpers/paths.js';
import { removeDir, tempDir } from './helpers/site.js';

/** The articles, as a user names them from the repository root. */
const ARTICLES = [
  { slug: 'eventlet', file: relative(process.cwd(), SEED_ARTICLE) },
  { slug: 'with-image', file: relative(process.cwd(), join(REPO_ROOT, 'tests', 'fixtures', 'one-html', 'with-image.md')) },
];
const skipBrowser = browserSkipReason();

/** Strings the CLI prints, kept for failure messages. */
function captureIo(): { io: CliIo; text: () => string } {
  let text = '';
  const write = (s: string): boolean => ((text += s), true);
  return { io: { stdout: { write }, stderr: { write, isTTY: false } }, text: () => text };
}

/** The dev page without the two scripts the dev routes add before `</head>` (exactly once each). */
function withoutDevScripts(html: string): string {
  const scripts = `<script type="module" src="/@vite/client"></script>\n<script type="module" src="/${DEV_CLIENT_PATH}"></script>\n</head>`;
  expect(html.split(scripts).length - 1, 'the dev page should hold the two dev scripts once, before </head>').toBe(1);
  return html.replace(scripts, '</head>');
}

/** Real edges whose measurer also records what it was given and what it returned. */
function recordingEdges(seen: { given: CompiledDeck; measured: MeasuredDeck }[]): Edges {
  return {
    ...realEdges,
    async measurer(runtime, config) {
      const measurer = await realEdges.measurer(runtime, config);
      return {
        async measure(compiled, fit) {
          const measured = await measurer.measure(compiled, fit);
          seen.push({ given: compiled, measured });
          return measured;
        },
        close: () => measurer.close(),
      };
    },
  };
}

describe('one deck, one HTML: build, check and dev render the same page', () => {
  let out: string | undefined;
  let config: ResolvedConfig;
  let server: DevServer | undefined;
  const built = new Map<string, string>();
  const served = new Map<string, string>();

  beforeAll(async () => {
    out = await tempDir('one-html');
    const capture = captureIo();
    const code = await runCli(['build', ...ARTICLES.map((a) => a.file), '--out', out], capture.io);
    expect(code, capture.text()).toBe(0);
    for (const { slug } of ARTICLES) built.set(slug, await readFile(join(out, slug, 'index.html'), 'utf8'));
    // The config `lectern check` and `lectern dev` would resolve here from the same (no) flags.
    config = await resolveCliConfig({}, { log: createLogger(captureIo().io), cwd: process.cwd() });
    server = await startDevServer({ inputs: ARTICLES.map((a) => a.file), config, port: 0, cwd: process.cwd() });
    for (const { slug } of ARTICLES) {
      const res = await fetch(`${server.url}${slug}/`);
      expect(res.status, `GET /${slug}/ on the dev server`).toBe(200);
      served.set(slug, await res.text());
    }
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(out);
  });

  it('the build wrote the article with an image, its image renamed and copied', async () => {
    const html = built.get('with-image')!;
    const src = /<img src="(diagram-[0-9a-f]{8}\.svg)" alt="A diagram of two shapes">/.exec(html)?.[1];
    expect(src, 'the image, renamed to its content-hashed copy').toBeDefined();
    const copy = await readFile(join(out as string, 'with-image', src!), 'utf8');
    expect(copy).toBe(await readFile(join(REPO_ROOT, 'tests', 'fixtures', 'one-html', 'img', 'diagram.svg'), 'utf8'));
  });

  it.each(ARTICLES.map((a) => [a.slug]))('%s: the dev server serves the page the build wrote', (slug) => {
    expect(withoutDevScripts(served.get(slug)!)).toBe(built.get(slug));
  });

  describe.skipIf(skipBrowser !== '')(`lectern check${skipBrowser === '' ? '' : ` (skipped: ${skipBrowser})`}`, () => {
    const seen: { given: CompiledDeck; measured: MeasuredDeck }[] = [];

    beforeAll(async () => {
      const report = await checkDecks({ inputs: ARTICLES.map((a) => a.file), config }, recordingEdges(seen));
      expect(report.decks.map((d) => [d.slug, d.error])).toEqual(ARTICLES.map((a) => [a.slug, undefined]));
    });

    it.each(ARTICLES.map((a) => [a.slug]))('%s: check measures the page the build wrote', (slug) => {
      const deck = seen.find((s) => s.given.rendered.slug === slug);
      expect(deck, `${slug} was measured`).toBeDefined();
      expect(deck!.given.rendered.html).toBe(built.get(slug));
      // What it reports on is that deck, or (after re-planning an overflow) the same article recompiled with hints.
      const { measured } = deck!;
      const expected = measured.hints === undefined ? deck!.given.rendered.html : recompile(deck!.given, measured.hints).rendered.html;
      expect(measured.compiled.rendered.html).toBe(expected);
      if (measured.rounds === 0) expect(measured.compiled.rendered.html).toBe(built.get(slug));
    });
  });
});
