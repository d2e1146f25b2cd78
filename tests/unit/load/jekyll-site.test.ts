import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteCache, findSiteRoot, loadJekyllSite } from '../../../src/load/jekyll-site.js';
import { loadSources } from '../../../src/load/files.js';

const fixture = fileURLToPath(new URL('../../fixtures/formats/jekyll-site/', import.meta.url));
let root: string;

async function write(path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), text);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-site-'));
  await write('repo/.git/HEAD', 'ref: refs/heads/main\n');
  await write('repo/docs/_config.yml', 'title: Inner\n');
  await write('repo/docs/guide/page.md', '# Page\n');
  await write('repo/notes/page.md', '# Notes\n');
  await write('outer/_config.yml', 'title: Outer\n');
  await write('outer/repo/.git', 'gitdir: elsewhere\n');
  await write('outer/repo/page.md', '# Page\n');
  await write('linked/_config.yml', 'title: Linked\n');
  await write('linked/_data/bad.yml', 'a: [1\n');
  await write('linked/_data/notes.txt', 'not data\n');
  await write('secret.txt', 'secret\n');
  await mkdir(join(root, 'linked/_includes'), { recursive: true });
  await symlink(join(root, 'secret.txt'), join(root, 'linked/_includes/secret.html'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('finding the site of an article', () => {
  it('walks up to the first folder with _config.yml', async () => {
    expect(await findSiteRoot(join(root, 'repo/docs/guide'), createSiteCache())).toBe(join(root, 'repo/docs'));
  });

  it('stops at a repository root (.git, folder or file) or the file-system root', async () => {
    expect(await findSiteRoot(join(root, 'repo/notes'), createSiteCache())).toBeUndefined();
    expect(await findSiteRoot(join(root, 'outer/repo'), createSiteCache())).toBeUndefined();
  });

  it('reads the fixture site: config, data by folder (YAML, CSV, JSON), includes by path', async () => {
    const site = await loadJekyllSite(join(fixture, 'docs/release-guide.md'), createSiteCache(), (p) => p);
    expect(site?.root).toBe(resolve(fixture).replace(/\/$/, ''));
    expect(site?.config).toMatchObject({ title: 'Tidewater Handbook', show_beta: false });
    expect(site?.data).toMatchObject({
      crew: expect.arrayContaining([expect.objectContaining({ name: 'Ines Marlow' })]),
      releases: [{ version: '4.2', codename: 'Heron', date: '2024-03-11' }, expect.any(Object)],
      limits: { queue: { max_jobs: 40, timeout_minutes: 15 } },
    });
    expect(Object.keys(site?.includes ?? {}).sort()).toEqual(['codename.html', 'reminder.md']);
    expect(site?.diagnostics).toEqual([]);
  });

  it('skips symbolic links and non-data files, and warns about a data file that does not parse', async () => {
    const site = await loadJekyllSite(join(root, 'linked/page.md'), createSiteCache(), (p) => p.slice(root.length + 1));
    expect(site?.includes).toEqual({});
    expect(site?.data).toEqual({});
    expect(site?.diagnostics).toEqual([expect.objectContaining({ code: 'site-data-invalid', file: 'linked/_data/bad.yml', line: expect.any(Number) })]);
  });

  it('reads a site once for all its articles', async () => {
    const cache = createSiteCache();
    const [a, b] = await Promise.all([
      loadJekyllSite(join(fixture, 'docs/release-guide.md'), cache, (p) => p),
      loadJekyllSite(join(fixture, 'docs/install.md'), cache, (p) => p),
    ]);
    expect(a).toBe(b);
  });

  it('gives a page of the site its data, includes and front matter defaults through loadSources', async () => {
    const [guide] = await loadSources([join(fixture, 'docs/release-guide.md')]);
    expect(guide?.body).toContain('This guide is for the operators of the Tidewater Handbook.');
    expect(guide?.body).toContain('| Priya Anand | Docs keeper | Weekends |');
    expect(guide?.body).toContain('> **Reminder:** Check the dashboard before you merge.');
    expect(guide?.body).toContain('[install notes](../install/)');
    expect(guide?.body).not.toContain('beta channel is open');
    expect(guide?.diagnostics).toEqual([]);
    expect(guide?.lineMap).toBeDefined();
  });
});
