/**
 * The accessibility part of `lectern check`: what axe-core (a maintained accessibility engine, run
 * in the browser by commands/audit.ts) found on a deck in each built-in theme, located on slides,
 * and the pass rule — no serious or critical violation in any theme. Pure.
 */

/** axe-core's impact levels, from least to most severe. */
export type A11yImpact = 'minor' | 'moderate' | 'serious' | 'critical';

/** One rule broken on one element of one deck in one theme. */
export interface A11yViolation {
  readonly theme: string;
  /** axe-core's rule id (`color-contrast`, `link-in-text-block`, …). */
  readonly rule: string;
  readonly impact: A11yImpact | null;
  /** What the rule asks, in axe's words. */
  readonly help: string;
  /** 1-based slide number; undefined for what is not on a slide (the document itself). */
  readonly slide?: number;
  /** CSS selector of the element. */
  readonly target: string;
  /** axe's summary of why this element fails (contrast ratio and colours, say). */
  readonly summary: string;
}

/** What the audit found for one deck. */
export interface A11yReport {
  /** The themes the deck was audited in. */
  readonly themes: readonly string[];
  readonly violations: readonly A11yViolation[];
}

/** Violations that fail the check: serious or critical. */
export function blockingViolations(report: A11yReport | undefined): A11yViolation[] {
  return (report?.violations ?? []).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Counts by impact, for the one-line summary. */
export function impactCounts(report: A11yReport | undefined): Record<A11yImpact, number> {
  const counts: Record<A11yImpact, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  for (const v of report?.violations ?? []) if (v.impact !== null) counts[v.impact] += 1;
  return counts;
}

/** One line per rule, theme and slide: `serious color-contrast [dark] slide 3: … (2 elements)`. */
export function formatViolations(violations: readonly A11yViolation[]): string[] {
  const groups = new Map<string, { v: A11yViolation; n: number }>();
  for (const v of violations) {
    const key = `${v.impact}|${v.rule}|${v.theme}|${v.slide ?? ''}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { v, n: 1 });
    else g.n += 1;
  }
  return Array.from(groups.values(), ({ v, n }) => {
    const where = v.slide === undefined ? 'document' : `slide ${v.slide}`;
    return `${v.impact ?? 'unknown'} ${v.rule} [${v.theme}] ${where}: ${v.help} — ${v.target}${v.summary === '' ? '' : `: ${v.summary.split('\n')[0]}`}${n > 1 ? ` (${n} elements)` : ''}`;
  });
}
