/**
 * A time slot: when the estimated talk (plan/pacing.ts) is longer than the slot, slides move to
 * backup slides after the closing slide — still in the deck, its notes and handout; nothing lost.
 * Slides move a whole section at a time (the slides of one heading), by this rule:
 *
 * 1. sections the author marked `<!-- lectern: backup -->` (and their subsections) always go,
 *    slot or not; sections marked `<!-- lectern: keep -->` never go;
 * 2. then, while the talk is longer than the slot, the deepest sections first (h4 before h3, h3
 *    before an h2's own later slides); at the same depth, the section with the longest code example
 *    first, then the longest in time, then the later in the article;
 * 3. never the opening, agenda or closing slides, nor the first slide of a top-level section (each
 *    part of the talk is still introduced) with the other slides of its section (a Before/After
 *    split over two slides stays whole), unless the author marked that section `backup`;
 * 4. then each section moved by rule 2 that fits back into the slot comes back, the last moved
 *    first, so only what must go goes.
 *
 * Pure: slides in, slides and diagnostics out.
 */
import type { Diagnostic, Slide } from '../model.js';
import { formatDuration } from '../duration.js';
import { secondsOf, toMinutes } from './pacing.js';

/** What the rule needs besides the sections' slides. */
export interface BackupContext {
  /** The time slot in seconds; 0 for none. */
  readonly slot: number;
  /** Seconds of the slides that always stay (opening, agenda, closing). */
  readonly fixed: number;
  readonly file: string;
}

/** The slides of each top-level section split into the talk's and the backup's. */
export interface BackupPlan {
  /** The talk: each top-level section's remaining slides (never empty unless the author moved it all). */
  readonly main: readonly Slide[][];
  /** Each top-level section's backup slides, in article order (empty arrays left out). */
  readonly backup: readonly Slide[][];
  readonly diagnostics: readonly Diagnostic[];
}

/** The slides of one section inside one top-level section: what moves together. */
interface Group {
  readonly top: number;
  /** Indexes of its slides that may move, in its top-level section. */
  readonly slides: readonly number[];
  readonly depth: number;
  readonly pin?: 'backup' | 'keep';
  readonly seconds: number;
  /** Lines of its longest code example. */
  readonly codeLines: number;
  readonly line: number;
  readonly title: string;
}

/** Decide which slides of the sections go to backup (see the module comment). */
export function planBackup(sections: readonly (readonly Slide[])[], ctx: BackupContext): BackupPlan {
  const groups = sections.flatMap((slides, top) => groupsOf(slides, top));
  const moved = new Set<Group>(groups.filter((g) => g.pin === 'backup'));
  const estimate = ctx.fixed + sections.flat().reduce((n, s) => n + secondsOf(s), 0);
  let total = estimate - sum(moved);
  const order: Group[] = [];
  if (ctx.slot > 0 && total > ctx.slot) {
    for (const g of groups.filter((x) => x.pin === undefined).sort(byRule)) {
      if (total <= ctx.slot) break;
      moved.add(g);
      order.push(g);
      total -= g.seconds;
    }
    for (const g of order.reverse()) {
      if (total + g.seconds > ctx.slot) continue;
      moved.delete(g);
      total += g.seconds;
    }
  }
  const out = new Set<string>([...moved].flatMap((g) => g.slides.map((i) => `${g.top}:${i}`)));
  const main = sections.map((slides, top) => slides.filter((_, i) => !out.has(`${top}:${i}`)));
  const backup = sections.map((slides, top) => slides.filter((_, i) => out.has(`${top}:${i}`)).map((s): Slide => ({ ...s, backup: true }))).filter((s) => s.length > 0);
  const diagnostics = ctx.slot > 0 && estimate > ctx.slot ? report(sections, main, groups.filter((g) => moved.has(g)), { ...ctx, estimate, total }) : [];
  return { main, backup, diagnostics };
}

/** Rule 2's order: deepest first, then the longest code example, the longest, the latest. */
function byRule(a: Group, b: Group): number {
  return b.depth - a.depth || b.codeLines - a.codeLines || b.seconds - a.seconds || b.line - a.line;
}

/** Consecutive slides of the same section; the first run of the top-level section held back (rule 3). */
function groupsOf(slides: readonly Slide[], top: number): Group[] {
  const groups: Group[] = [];
  let start = 0;
  for (let i = 1; i <= slides.length; i++) {
    if (i < slides.length && slides[i]!.section?.id === slides[start]!.section?.id) continue;
    const run = slides.slice(start, i);
    const first = run[0]!;
    const pin = first.section?.pin;
    const indexes = start === 0 && pin !== 'backup' ? [] : run.map((_, k) => start + k);
    if (indexes.length > 0) {
      groups.push({
        top,
        slides: indexes,
        depth: first.section?.depth ?? 2,
        ...(pin === undefined ? {} : { pin }),
        seconds: indexes.reduce((n, k) => n + secondsOf(slides[k]!), 0),
        codeLines: Math.max(0, ...indexes.map((k) => longestCode(slides[k]!))),
        line: first.line,
        title: first.section?.title ?? '',
      });
    }
    start = i;
  }
  return groups;
}

/** Lines of the longest code block a slide shows. */
function longestCode(slide: Slide): number {
  const lines: number[] = [];
  const visit = (parts: Slide['parts']): void => {
    for (const p of parts) {
      if (p.type === 'code') lines.push(p.code.split('\n').length);
      else if (p.type === 'block' && p.block.type === 'code') lines.push(p.block.code.split('\n').length);
      else if (p.type === 'row') visit(p.parts);
    }
  };
  visit(slide.parts);
  return Math.max(0, ...lines);
}

function sum(groups: Iterable<Group>): number {
  let n = 0;
  for (const g of groups) n += g.seconds;
  return n;
}

/** What the author reads when the talk is longer than its slot: the whole, then each top-level section. */
function report(sections: readonly (readonly Slide[])[], main: readonly Slide[][], moved: readonly Group[], ctx: BackupContext & { estimate: number; total: number }): Diagnostic[] {
  const count = moved.reduce((n, g) => n + g.slides.length, 0);
  const at = { file: ctx.file };
  const out: Diagnostic[] = [
    {
      severity: 'info',
      code: 'pacing-slot',
      message: `the talk is ≈ ${toMinutes(ctx.estimate)} min for a ${formatDuration(ctx.slot)} slot: ${count} ${count === 1 ? 'slide' : 'slides'} (≈ ${toMinutes(sum(moved))} min) go to backup after the closing slide; the talk is now ≈ ${toMinutes(ctx.total)} min`,
      ...at,
      line: 1,
      hint: 'move sections yourself with <!-- lectern: backup -->, keep one in the talk with <!-- lectern: keep --> (README, Pacing)',
    },
  ];
  sections.forEach((slides, top) => {
    const first = slides[0];
    if (first === undefined) return;
    const name = first.kicker?.headings[0]?.text ?? first.section?.title ?? '';
    const before = toMinutes(slides.reduce((n, s) => n + secondsOf(s), 0));
    const after = toMinutes(main[top]!.reduce((n, s) => n + secondsOf(s), 0));
    const gone = moved.filter((g) => g.top === top);
    const names = gone.slice(0, 4).map((g) => `"${g.title}"${g.slides.length > 1 ? ` (${g.slides.length} slides)` : ''}`);
    const more = gone.length > 4 ? ` and ${gone.length - 4} more` : '';
    const what = gone.length === 0 ? 'all in the talk' : `→ ${after} min in the talk; to backup: ${names.join(', ')}${more}`;
    out.push({ severity: 'info', code: 'pacing-section', message: `section "${name}": ≈ ${before} min, ${what}`, ...at, line: first.line });
  });
  if (ctx.total > ctx.slot) {
    out.push({
      severity: 'warning',
      code: 'pacing-over-slot',
      message: `the talk is still ≈ ${toMinutes(ctx.total)} min for a ${formatDuration(ctx.slot)} slot: what is left is the opening, the first slide of each section and what is marked keep`,
      ...at,
      line: 1,
      hint: 'ask for a longer slot (--duration), or mark whole sections <!-- lectern: backup -->',
    });
  }
  return out;
}
