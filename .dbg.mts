import puppeteer from 'puppeteer-core';
import { loadSources } from './src/load/index.js';
import { parseArticle } from './src/parse/index.js';
import { renderInlines } from './src/render/inline.js';
import { bodyFlow, scaled, slideGeometry, inlineRuns } from './src/layout/index.js';
import { toPieces, pieceWidth } from './src/layout/pieces.js';
import { serveDir } from './tests/e2e/layout-probe.js';
import type { Inline, Block, Section } from './src/model.js';
const want = process.argv.slice(2);
const srcs = await loadSources(['tests/fixtures/layout/hard.md', '../shared/articles/corpus']);
const paras: (readonly Inline[])[] = [];
const walk = (bs: readonly Block[], ss: readonly Section[]) => { for (const b of bs) if (b.type === 'paragraph') paras.push(b.inlines); for (const s of ss) walk(s.blocks, s.children); };
for (const s of srcs) { const a = parseArticle(s); walk(a.intro, a.sections); }
const server = await serveDir('/tmp/lx/site');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 720 });
await page.goto(server.url + '/measure/'); await page.waitForFunction(() => document.documentElement.dataset['lecternReady']);
const g = slideGeometry();
for (const spec of want) {
  const [prefix, ctx, w] = spec.split('|');
  const flat = (ns: readonly any[]): string => ns.map((n) => n.text ?? (n.children ? flat(n.children) : '')).join('');
  const inl = paras.find((p) => p.map((n: any) => n.text ?? '').join('').startsWith(prefix!))!;
  console.log(JSON.stringify(inl).slice(0, 400));
  const em = ctx === 'callout' ? 0.85 : 1; const width = Number(w);
  const html = ctx === 'callout' ? `<div class="lectern-callout" style="width:${width}px;padding:0;border:0"><p id="t">${renderInlines(inl)}</p></div>` : `<p id="t" class="lectern-text" style="width:${width}px">${renderInlines(inl)}</p>`;
  const lines = await page.evaluate(`(() => { document.querySelector('.reveal').classList.add('lectern-measuring'); const body = document.querySelector('section.lectern-slide[data-kind="content"] .lectern-body'); const old = document.getElementById('h'); if (old) old.remove(); const h = document.createElement('div'); h.id='h'; h.innerHTML = ${JSON.stringify(html)}; body.prepend(h);
    const p = document.getElementById('t'); const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); const out = []; let cur = ''; let top = null; const r = document.createRange(); const sc = p.getBoundingClientRect().width / p.offsetWidth;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < n.data.length; i++) { r.setStart(n, i); r.setEnd(n, i+1); const rc = r.getClientRects()[0]; if (!rc) { cur += n.data[i]; continue; } if (top !== null && rc.top > top + 10) { out.push(cur); cur = ''; } top = rc.top; cur += n.data[i]; }
    out.push(cur); return out; })()`) as string[];
  const flow = { ...scaled(bodyFlow(g), em), width };
  const pieces = toPieces(inlineRuns(inl, flow.inline));
  // my lines
  const mine: string[] = []; let line = 0, hang = 0, txt = '', empty = true;
  for (const p of pieces) { const b = pieceWidth(p); const t = [p, ...(p.more ?? [])].map((x) => x.text).join(''); if (!empty && line + hang + b > width + 0.01) { mine.push(txt + ` [${line.toFixed(1)}]`); line = 0; hang = 0; txt = ''; empty = true; } if (empty && b > width) { txt = '<LONG ' + t + '>'; } line += hang + b; txt += t + (p.space ? ' ' : ''); hang = p.space; empty = false; }
  mine.push(txt + ` [${line.toFixed(1)}]`);
  console.log('==', spec, 'chromium', lines.length, 'mine', mine.length);
  for (let i = 0; i < Math.max(lines.length, mine.length); i++) console.log(JSON.stringify(lines[i] ?? ''), '|', JSON.stringify(mine[i] ?? ''));
}
await browser.close(); await server.close();
