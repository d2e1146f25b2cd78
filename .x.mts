import * as fontkit from 'fontkit';
import { readFileSync, readdirSync } from 'node:fs';
const font = fontkit.openSync('node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2') as fontkit.Font;
const cps = font.characterSet.filter(c => c>=0x20);
const adv = new Map(cps.map(c => [c, font.glyphForCodePoint(c).advanceWidth]));
const w = (s: string, f?: any) => font.layout(s, f).positions.reduce((a,p)=>a+p.xAdvance,0);
const pair = new Map<string, number>(); const kern = new Map<string, number>();
for (const a of cps) for (const b of cps) {
  const s = String.fromCodePoint(a,b);
  const k = w(s) - adv.get(a)! - adv.get(b)!; if (k) pair.set(s, k);
  const k2 = w(s, {calt:false}) - adv.get(a)! - adv.get(b)!; if (k2) kern.set(s, k2);
}
console.log('full pairs', pair.size, 'kern pairs', kern.size);
const model = (s: string, m: Map<string, number>) => { let t = 0; let prev: string|undefined; for (const ch of s) { t += adv.get(ch.codePointAt(0)!) ?? 1200; if (prev !== undefined) t += m.get(prev+ch) ?? 0; prev = ch; } return t; };
const files = ['../shared/articles/corpus', '../shared/articles/eventlet-site'].flatMap(d => readdirSync(d).map(f => d + '/' + f));
const words = files.flatMap(f => readFileSync(f, 'utf8').split(/\s+/)).filter(x => x.length > 0 && [...x].every(c => adv.has(c.codePointAt(0)!)));
let tot = 0, e1 = 0, e2 = 0, e0 = 0, bad = 0; const worst: [number,string][] = [];
for (const wd of words) { const full = w(wd); tot += full; const p = model(wd, pair); const k = model(wd, kern); e1 += Math.abs(p-full); e2 += Math.abs(k - full); e0 += Math.abs(model(wd, new Map()) - full); if (Math.abs(p-full) > 1) { bad++; worst.push([p-full, wd]); } }
console.log('words', words.length, 'rel err pair-with-calt', e1/tot, 'kern-only', e2/tot, 'no kern', e0/tot, 'bad words', bad);
console.log(worst.sort((a,b)=>Math.abs(b[0])-Math.abs(a[0])).slice(0,30));
