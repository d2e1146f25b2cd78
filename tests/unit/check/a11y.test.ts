import { describe, expect, it } from 'vitest';
import { blockingViolations, formatViolations, impactCounts, type A11yReport } from '../../../src/check/a11y.js';

const report: A11yReport = {
  themes: ['eventlet', 'dark', 'light'],
  violations: [
    { theme: 'light', rule: 'color-contrast', impact: 'serious', help: 'Elements must meet minimum color contrast ratio thresholds', slide: 3, target: '.lectern-kicker', summary: 'Element has insufficient color contrast of 2.77' },
    { theme: 'light', rule: 'color-contrast', impact: 'serious', help: 'Elements must meet minimum color contrast ratio thresholds', slide: 3, target: 'h2 > span', summary: 'Element has insufficient color contrast of 2.77' },
    { theme: 'dark', rule: 'image-alt', impact: 'critical', help: 'Images must have alternative text', slide: 5, target: 'img', summary: '' },
    { theme: 'dark', rule: 'heading-order', impact: 'moderate', help: 'Heading levels should only increase by one', slide: 2, target: 'h4', summary: '' },
    { theme: 'eventlet', rule: 'html-has-lang', impact: 'serious', help: '<html> element must have a lang attribute', target: 'html', summary: '' },
  ],
};

describe('accessibility report', () => {
  it('fails on serious and critical violations only', () => {
    expect(blockingViolations(report).map((v) => v.rule)).toEqual(['color-contrast', 'color-contrast', 'image-alt', 'html-has-lang']);
    expect(blockingViolations(undefined)).toEqual([]);
    expect(blockingViolations({ themes: ['light'], violations: [report.violations[3]!] })).toEqual([]);
  });

  it('counts violations by impact', () => {
    expect(impactCounts(report)).toEqual({ minor: 0, moderate: 1, serious: 3, critical: 1 });
  });

  it('prints one line per rule, theme and slide, with the number of elements', () => {
    const lines = formatViolations(blockingViolations(report));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('serious color-contrast [light] slide 3: Elements must meet minimum color contrast ratio thresholds — .lectern-kicker: Element has insufficient color contrast of 2.77 (2 elements)');
    expect(lines[1]).toContain('critical image-alt [dark] slide 5');
    expect(lines[2]).toContain('serious html-has-lang [eventlet] document');
  });
});
