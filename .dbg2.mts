import puppeteer from 'puppeteer-core';
import { bodyFlow, slideGeometry, inlineRuns, breakLines } from './src/layout/index.js';
import { serveDir } from './tests/e2e/layout-probe.js';
const server = await serveDir('/tmp/lx/site');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 720 });
await page.goto(server.url + '/measure/'); await page.waitForFunction(() => document.documentElement.dataset['lecternReady']);
const cases: [string, any[]][] = [
  ['<code>react</code>', [{ type: 'code', text: 'react' }]],
  ['to the <code>react</code> package:', [{ type: 'text', text: 'to the ' }, { type: 'code', text: 'react' }, { type: 'text', text: ' package:' }]],
  ['<code>dom/test-utils</code>', [{ type: 'code', text: 'dom/test-utils' }]],
  ['x <code>a b</code> y', [{ type: 'text', text: 'x ' }, { type: 'code', text: 'a b' }, { type: 'text', text: ' y' }]],
];
const g = slideGeometry(); const f = bodyFlow(g);
for (const [html, inl] of cases) {
  const w = await page.evaluate(`(() => { document.querySelector('.reveal').classList.add('lectern-measuring'); const body = document.querySelector('section.lectern-slide[data-kind="content"] .lectern-body'); const h = document.createElement('p'); h.className='lectern-text'; h.innerHTML = '<span style="white-space:nowrap">' + ${JSON.stringify(html)} + '</span>'; body.prepend(h); const s = h.firstChild; const sec = h.closest('section'); const r = sec.getBoundingClientRect().width / sec.offsetWidth; const cs = Array.from(s.querySelectorAll('code')).map(c => [c.getBoundingClientRect().width / r, getComputedStyle(c).fontSize, getComputedStyle(c).paddingLeft, getComputedStyle(c).letterSpacing]); return [s.getBoundingClientRect().width / r, cs]; })()`);
  console.log(html, JSON.stringify(w), 'mine', breakLines(inlineRuns(inl, f.inline), 5000).widest);
}
await browser.close(); await server.close();
