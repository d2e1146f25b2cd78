import puppeteer from 'puppeteer-core';
import { serveDir } from './tests/e2e/layout-probe.js';
const server = await serveDir('/tmp/lx/site');
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 720 });
await page.goto(server.url + '/measure/'); await page.waitForFunction(() => document.documentElement.dataset['lecternReady']);
const html = "We've moved <code>act</code> from <code>react-dom/test-utils</code> to the <code>react</code> package:";
const out = await page.evaluate(`(() => { document.querySelector('.reveal').classList.add('lectern-measuring'); const body = document.querySelector('section.lectern-slide[data-kind="content"] .lectern-body'); const h = document.createElement('p'); h.className='lectern-text'; h.style.width='660px'; h.innerHTML = ${JSON.stringify(html)}; body.prepend(h);
 const sec = h.closest('section'); const r = sec.getBoundingClientRect().width / sec.offsetWidth;
 const res = []; const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
 for (let n = walker.nextNode(); n; n = walker.nextNode()) { const rg = document.createRange(); rg.selectNodeContents(n); res.push([n.data, Array.from(rg.getClientRects()).map(x => [((x.left - h.getBoundingClientRect().left)/r).toFixed(2), (x.width/r).toFixed(2), (x.top/r).toFixed(0)])]); }
 const codes = Array.from(h.querySelectorAll('code')).map(c => Array.from(c.getClientRects()).map(x => [((x.left - h.getBoundingClientRect().left)/r).toFixed(2), (x.width/r).toFixed(2)]));
 return [res, codes, getComputedStyle(h).fontFeatureSettings, getComputedStyle(h).width]; })()`);
console.log(JSON.stringify(out, null, 1));
await browser.close(); await server.close();
