/**
 * The formats of issue 12 as a user builds them: `lectern build` over tests/fixtures/formats (a
 * Quarto document, an R Markdown report, a Jupyter notebook) and a small Jekyll site (config,
 * `_data/` in YAML, CSV and JSON, `_includes/`), then the deck pages read as HTML: the branch a
 * condition takes and no other, filter output, include content, a table from `_data`, chunks and
 * cells as code in their language without Quarto's `#|` lines, outputs and figures. `lectern check`
 * then measures the same decks in Chromium: no leaks, nothing lost.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './helpers/browser.js';
import { runCli, stackLines, type CliRun } from './helpers/cli.js';
import { removeDir, tempDir } from './helpers/site.js';

const FORMATS = 'tests/fixtures/formats';
const SITE_DOCS = `${FORMATS}/jekyll-site/docs`;

let out: string | undefined;
let build: CliRun;
const pages = new Map<string, string>();

/** A deck page's text as a reader sees it: tags removed, entities decoded (enough for assertions). */
function text(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The languages of the highlighted code blocks of a page, in order. */
function codeLanguages(html: string): string[] {
  return [...html.matchAll(/<code class="hljs language-([\w-]+)"/g)].map((m) => m[1] as string);
}

/** The text of every highlighted code block of a page (highlight spans removed), joined. */
function codeText(html: string): string {
  return [...html.matchAll(/<code class="hljs[^>]*>([\s\S]*?)<\/code>/g)].map((m) => text((m[1] as string).replace(/<[^>]+>/g, ''))).join('\n');
}

function page(slug: string): string {
  const html = pages.get(slug);
  if (html === undefined) throw new Error(`no deck ${slug} was built`);
  return html;
}

beforeAll(async () => {
  out = await tempDir('formats');
  // The top-level fixtures, content/ and the Jekyll site's docs (media/ has its own test, with its servers).
  build = await runCli(['build', `${FORMATS}/*.*`, `${FORMATS}/content`, SITE_DOCS, '--out', out], { timeoutMs: 120_000 });
  for (const slug of ['release-guide', 'install', 'tide-forecast', 'harbour-report', 'gauge-readings']) {
    pages.set(slug, await readFile(join(out, slug, 'index.html'), 'utf8').catch(() => ''));
  }
});

afterAll(async () => {
  await removeDir(out);
});

describe('lectern build over the format fixtures', () => {
  it('builds every deck, warning about nothing', () => {
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(stackLines(build.stderr)).toEqual([]);
    expect(build.stdout).toMatch(/built 14 decks/);
  });

  it('copies KaTeX\'s stylesheet and fonts, since a deck (math.md) shows math', async () => {
    const assets = await readdir(join(out, 'assets'));
    expect(assets.filter((f) => /^KaTeX_.*\.woff2$/.test(f)).length).toBeGreaterThan(10);
    expect(assets.some((f) => /^katex-.*\.css$/.test(f))).toBe(true);
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(/warning:/);
  });
});

describe('a page of a Jekyll site: Liquid as the site renders it', () => {
  it('shows the branch the condition takes, and only that one', () => {
    const html = page('release-guide');
    expect(text(html)).toContain('The beta channel is closed this quarter, so every release goes straight to the stable train.');
    expect(html).not.toContain('ships to it first');
  });

  it('applies filters and assign: upcase, capitalize, last, date, plus a front matter default', () => {
    const words = text(page('release-guide'));
    expect(words).toContain('The current release is 4.3, called KESTREL');
    expect(words).toContain('This guide is for the operators of the Tidewater Handbook.');
    expect(words).toContain('Release 4.2 shipped on March 11, 2024.');
    expect(words).toContain('Release 4.3 shipped on June 2, 2024.');
  });

  it('makes a table from _data (a YAML list), one row per entry', () => {
    const html = page('release-guide');
    const table = /<table class="lectern-table">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1] as string).trim());
    expect(rows).toEqual(['Name Role Shift', 'Ines Marlow Release captain Mornings', 'Tomas Ruiz Rollback lead Evenings', 'Priya Anand Docs keeper Weekends']);
  });

  it('puts the include\'s content in, with its parameter and the site\'s config', () => {
    const words = text(page('release-guide'));
    expect(words).toContain('Reminder: Check the dashboard before you merge.');
    expect(words).toContain('Write to crew@tidewater.example.org when in doubt.');
    expect(words).toContain('The queue holds at most 40 jobs, and a job that runs past 15 minutes is stopped.');
  });

  it('turns {% highlight %} into highlighted code with its Liquid rendered, and links to the sibling deck', () => {
    const html = page('release-guide');
    expect(codeLanguages(html)).toEqual(['bash']);
    expect(codeText(html)).toContain('tide rollback --to 4.3');
    expect(html).toContain('href="../install/"');
  });

  it('leaves no Liquid on any slide; code that is an example of Liquid stays as written', () => {
    for (const slug of ['release-guide', 'install']) expect(text(page(slug).replace(/<aside class="notes">[\s\S]*?<\/aside>/g, ''))).not.toMatch(/\{%|%\}/);
    const install = text(page('install'));
    expect(codeText(page('install'))).toContain('tide login --email crew@tidewater.example.org');
    expect(install).toContain('{{ release.codename }}');
  });
});

describe('Quarto, R Markdown and notebooks', () => {
  it('.qmd: chunks as code in their language, no #| lines, hidden chunks left out, callouts as callouts', () => {
    const html = page('tide-forecast');
    expect(codeLanguages(html)).toEqual(['python', 'r']);
    expect(html).not.toContain('#|');
    expect(html).not.toContain('library(tidyverse)');
    expect(codeText(html)).toContain('import pandas as pd');
    expect([...html.matchAll(/class="lectern-callout" data-kind="(\w+)"/g)].map((m) => m[1])).toEqual(['note', 'warning', 'tip']);
    expect(text(html)).toContain('Spring tides');
    expect(text(html)).toContain('Read the residuals');
    expect(html).toContain('<code>r round(r2, 2)</code>');
  });

  it('.Rmd: R and Python chunks in their languages, options gone, echo=FALSE and include=FALSE chunks left out', () => {
    const html = page('harbour-report');
    expect(codeLanguages(html)).toEqual(['r', 'python']);
    expect(html).not.toMatch(/\{r |count-visits|echo=/);
    expect(html).not.toContain('plot(visits$length)');
    expect(html).not.toContain('knitr::opts_chunk');
    expect(codeText(html)).toContain('visits %>% count(berth, sort = TRUE)');
  });

  it('.ipynb: markdown cells as text, code cells as Python, outputs as plain blocks, the plot as a picture', () => {
    const html = page('gauge-readings');
    expect(html).toContain('<h1');
    expect(text(html)).toContain('Reading the gauge');
    const languages = codeLanguages(html);
    expect(languages.filter((l) => l === 'python')).toHaveLength(4);
    expect(languages.filter((l) => l === 'plaintext')).toHaveLength(4);
    expect(codeText(html)).toContain('readings: 5 calibrated loading 100%');
    expect(text(html)).toContain('IndexError: list index out of range');
    expect(html).not.toContain('\u001b');
    expect(html).toMatch(/<img src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" alt="Output of cell 6 \(In \[3\]\)"/);
  });
});

describe.skipIf(browserSkipReason() !== '')('lectern check over the format fixtures', () => {
  it('finds no leaks, no lost words and every code block highlighted', async () => {
    const run = await runCli(['check', `${FORMATS}/*.*`, `${FORMATS}/content`, SITE_DOCS], { timeoutMs: 180_000 });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => /conservation/.test(l));
    expect(lines).toHaveLength(14);
    for (const line of lines) {
      expect(line).toMatch(/^✓ /);
      expect(line).toContain(' 0 leaks');
      expect(line).toContain('conservation 100.0%');
    }
  }, 200_000);
});
