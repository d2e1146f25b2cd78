import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../../src/load/files.js';
import { SHARED_ARTICLES } from '../../shared-articles.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const articles = SHARED_ARTICLES;
const eventlet = join(articles, 'eventlet-site/eventlet.md');
const corpus = join(articles, 'corpus');

const lineCount = (text: string): number => text.split('\n').length;

describe.skipIf(!existsSync(eventlet))('eventlet.md (skipped: ../shared/articles/eventlet-site is absent)', () => {
  it('loads with its title, as Markdown, with both sibling links resolved', async () => {
    const [source] = await loadSources([relative(repoRoot, eventlet)], { cwd: repoRoot });
    expect(source).toBeDefined();
    if (!source) return;
    expect(source.meta.title).toBe('Understand Eventlet');
    expect(source.format).toBe('markdown');
    expect(source.slug).toBe('eventlet');
    expect(source.body).toContain('href="../getting-started/"');
    expect(source.body).toContain('href="../alternatives/"');
    expect(source.body).not.toMatch(/\{%|%\}|\{\{|\}\}/);
    expect(source.diagnostics).toEqual([]);
    // Line count preserved: the body ends on the file's last line.
    const file = readFileSync(eventlet, 'utf8');
    expect(source.bodyLine + lineCount(source.body) - 1).toBe(lineCount(file));
    const fileLines = file.split('\n');
    const h1 = source.body.split('\n').findIndex((l) => l.includes('<h1'));
    expect(fileLines[source.bodyLine - 1 + h1]).toContain('Understanding Eventlet');
  });
});

describe.skipIf(!existsSync(corpus))('corpus articles (skipped: ../shared/articles/corpus is absent)', () => {
  const files = existsSync(corpus) ? readdirSync(corpus).sort() : [];

  it.each(files)('%s loads, keeping its line count', async (name) => {
    const [source] = await loadSources([join(corpus, name)]);
    const file = readFileSync(join(corpus, name), 'utf8');
    expect(source?.bodyLine).toBeGreaterThanOrEqual(1);
    expect((source?.bodyLine ?? 0) + lineCount(source?.body ?? '') - 1).toBe(lineCount(file));
  });

  it('warns about the Jekyll docs\' links to _docs/ at their lines, and keeps raw Liquid', async () => {
    const name = files.find((f) => f.startsWith('jekyll'));
    if (name === undefined) return;
    const [source] = await loadSources([join(corpus, name)]);
    const fileLines = readFileSync(join(corpus, name), 'utf8').split('\n');
    const unresolved = source?.diagnostics.filter((d) => d.code === 'link-unresolved') ?? [];
    expect(unresolved.length).toBeGreaterThanOrEqual(3);
    for (const d of unresolved) {
      expect(d.severity).toBe('warning');
      expect(fileLines[(d.line ?? 0) - 1]).toContain('{% link ');
    }
    expect(unresolved.some((d) => d.message.includes('_docs/installation.md'))).toBe(true);
    expect(source?.body).toContain('{% for post in site.posts %}');
    expect(source?.body).toContain('`{{ content }}`');
    expect(source?.meta).toMatchObject({ title: 'Convert an HTML site to Jekyll', author: 'tomjoht', date: '2017-02-10' });
  });

  it('reads the Go article\'s JSON header and the Rust blog\'s TOML', async () => {
    const go = files.find((f) => f.endsWith('.html'));
    const rust = files.find((f) => f.startsWith('rust'));
    if (go === undefined || rust === undefined) return;
    const [goSource, rustSource] = await loadSources([join(corpus, go), join(corpus, rust)]);
    expect(goSource).toMatchObject({ format: 'html', meta: { title: 'Data Race Detector' } });
    expect(rustSource?.meta).toMatchObject({ title: 'Introducing MIR', author: 'Niko Matsakis' });
  });
});
