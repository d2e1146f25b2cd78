/**
 * plan/backup.ts: with a time slot, what the talk cannot hold goes to backup slides — whole
 * sections at a time, the author's `backup`/`keep` first, then the deepest sections, the longest
 * code example, the longest; never the first slide of a top-level section; and what fits back
 * comes back. Said per section.
 */
import { describe, expect, it } from 'vitest';
import type { Slide, SlideSection } from '../../../src/model.js';
import { planBackup } from '../../../src/plan/backup.js';

let n = 0;
/** A slide of `section` taking `seconds`, with a code block of `code` lines when asked. */
function slide(section: Omit<SlideSection, 'title'> & { title?: string }, seconds: number, code = 0): Slide {
  n += 1;
  const parts: Slide['parts'] = code > 0 ? [{ type: 'code', code: Array.from({ length: code }, (_, i) => `line ${i}`).join('\n'), firstLine: 1, scale: 1 }] : [];
  return { kind: 'content', id: `s${n}`, parts, notes: [], line: n * 10, endLine: n * 10 + 5, timing: seconds, section: { title: section.id, ...section } };
}

const ids = (groups: readonly (readonly Slide[])[]): string[][] => groups.map((g) => g.map((s) => s.section!.id));
const ctx = (slot: number) => ({ slot, fixed: 60, file: 'talk.md' });

/** Two top-level sections, each with its own slide, an h3 and an h4. */
function talk(): Slide[][] {
  return [
    [slide({ id: 'a', depth: 2 }, 60), slide({ id: 'a1', depth: 3 }, 60), slide({ id: 'a1x', depth: 4 }, 60, 10)],
    [slide({ id: 'b', depth: 2 }, 60), slide({ id: 'b1', depth: 3 }, 60, 20), slide({ id: 'b2', depth: 3 }, 60, 5)],
  ];
}

describe('planBackup', () => {
  it('moves nothing without a slot, or when the talk fits it', () => {
    for (const slot of [0, 420, 3600]) {
      const plan = planBackup(talk(), ctx(slot));
      expect(ids(plan.main)).toEqual([['a', 'a1', 'a1x'], ['b', 'b1', 'b2']]);
      expect(plan.backup).toEqual([]);
      expect(plan.diagnostics).toEqual([]);
    }
  });

  it('moves the deepest sections first, then at one depth the longest code example, until the talk fits', () => {
    // 60 fixed + 6 × 60 = 420 s; a 5-minute slot needs two slides out: the h4, then the h3 with 20 lines of code.
    const plan = planBackup(talk(), ctx(300));
    expect(ids(plan.main)).toEqual([['a', 'a1'], ['b', 'b2']]);
    expect(ids(plan.backup)).toEqual([['a1x'], ['b1']]);
    expect(plan.backup.flat().every((s) => s.backup === true)).toBe(true);
    expect(plan.main.flat().some((s) => s.backup === true)).toBe(false);
  });

  it('never moves the first slide of a top-level section, and warns when the slot still cannot hold the talk', () => {
    const plan = planBackup(talk(), ctx(60));
    expect(ids(plan.main)).toEqual([['a'], ['b']]);
    const over = plan.diagnostics.find((d) => d.code === 'pacing-over-slot');
    expect(over).toMatchObject({ severity: 'warning', file: 'talk.md', line: 1 });
    expect(over?.message).toMatch(/still ≈ 3 min for a 1 min slot/);
  });

  it('gives back what fits once the talk is short enough, the last moved first', () => {
    // Deepest first takes the h4 (60 s), then of the two equal h3s the later one, b2 (90 s), for a
    // slot of 335 s: 420 − 150 = 270, and the h4 then fits back (330 ≤ 335): only b2 goes.
    const sections = [
      [slide({ id: 'a', depth: 2 }, 60), slide({ id: 'a1x', depth: 4 }, 60)],
      [slide({ id: 'b', depth: 2 }, 60), slide({ id: 'b1', depth: 3 }, 90), slide({ id: 'b2', depth: 3 }, 90)],
    ];
    const plan = planBackup(sections, { slot: 335, fixed: 60, file: 'talk.md' });
    expect(ids(plan.backup)).toEqual([['b2']]);
    expect(ids(plan.main)).toEqual([['a', 'a1x'], ['b', 'b1']]);
  });

  it('follows the author: backup always goes (slot or not, first slide too), keep never goes', () => {
    const sections = [
      [slide({ id: 'a', depth: 2 }, 60), slide({ id: 'a1x', depth: 4, pin: 'keep' }, 60, 30)],
      [slide({ id: 'b', depth: 2, pin: 'backup' }, 60), slide({ id: 'b1', depth: 3, pin: 'backup' }, 60)],
      [slide({ id: 'c', depth: 2 }, 60), slide({ id: 'c1', depth: 3 }, 60)],
    ];
    const none = planBackup(sections, { slot: 0, fixed: 0, file: 'talk.md' });
    expect(ids(none.backup)).toEqual([['b', 'b1']]);
    expect(ids(none.main)).toEqual([['a', 'a1x'], [], ['c', 'c1']]);
    // A slot that needs one more slide out: the deepest not kept (c1), never the kept h4.
    const slot = planBackup(sections, { slot: 200, fixed: 0, file: 'talk.md' });
    expect(ids(slot.backup)).toEqual([['b', 'b1'], ['c1']]);
  });

  it('moves the slides of one section together (a section continued on several slides)', () => {
    const sections = [[slide({ id: 'a', depth: 2 }, 30), slide({ id: 'long', depth: 3 }, 60, 20), slide({ id: 'long', depth: 3 }, 60, 20), slide({ id: 'short', depth: 3 }, 30)]];
    const plan = planBackup(sections, { slot: 100, fixed: 0, file: 'talk.md' });
    expect(ids(plan.backup)).toEqual([['long', 'long']]);
    expect(ids(plan.main)).toEqual([['a', 'short']]);
  });

  it('says what it did: the whole talk, then each top-level section (at its line) with what went to backup', () => {
    const sections = talk();
    const plan = planBackup(sections, ctx(300));
    const [slot, ...each] = plan.diagnostics;
    expect(slot).toMatchObject({ severity: 'info', code: 'pacing-slot', file: 'talk.md', line: 1 });
    expect(slot!.message).toBe('the talk is ≈ 7 min for a 5 min slot: 2 slides (≈ 2 min) go to backup after the closing slide; the talk is now ≈ 5 min');
    expect(slot!.hint).toMatch(/<!-- lectern: backup -->.*<!-- lectern: keep -->/);
    expect(each.map((d) => [d.code, d.line, d.message])).toEqual([
      ['pacing-section', sections[0]![0]!.line, 'section "a": ≈ 3 min, → 2 min in the talk; to backup: "a1x"'],
      ['pacing-section', sections[1]![0]!.line, 'section "b": ≈ 3 min, → 2 min in the talk; to backup: "b1"'],
    ]);
    expect(plan.diagnostics.some((d) => d.severity !== 'info')).toBe(false);
  });
});
