import { bodyFlow, slideGeometry, inlineRuns, breakLines } from './src/layout/index.js';
import { toPieces } from './src/layout/pieces.js';
const f = bodyFlow(slideGeometry());
const inl: any[] = [{ type: 'text', text: "We've moved " }, { type: 'code', text: 'act' }, { type: 'text', text: ' from ' }, { type: 'code', text: 'react-dom/test-utils' }, { type: 'text', text: ' to the ' }, { type: 'code', text: 'react' }, { type: 'text', text: ' package:' }];
const runs = inlineRuns(inl, f.inline);
console.log(toPieces(runs).map(p => [[p, ...(p.more ?? [])].map(x => x.text).join('+'), p.width.toFixed(2), (p.more ?? []).map(m => m.width.toFixed(2)).join(','), p.space.toFixed(2)]));
console.log(breakLines(runs, 660));
