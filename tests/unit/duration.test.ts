/**
 * duration.ts: a talk's time slot as people write it (`20`, `20m`, `1h30m`, `45:00`…) read as
 * seconds, and seconds said back as people say them.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/duration.js';

describe('parseDuration', () => {
  it('reads a bare number as minutes', () => {
    expect(parseDuration(20)).toBe(1200);
    expect(parseDuration('20')).toBe(1200);
    expect(parseDuration('7.5')).toBe(450);
  });

  it('reads units, alone or together, with or without spaces', () => {
    expect(parseDuration('20m')).toBe(1200);
    expect(parseDuration('20 min')).toBe(1200);
    expect(parseDuration('20 minutes')).toBe(1200);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('1h 30min')).toBe(5400);
    expect(parseDuration('2 hours')).toBe(7200);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration(' 10M ')).toBe(600);
  });

  it('reads a clock as minutes:seconds or hours:minutes:seconds', () => {
    expect(parseDuration('45:00')).toBe(2700);
    expect(parseDuration('9:30')).toBe(570);
    expect(parseDuration('1:15:00')).toBe(4500);
  });

  it('refuses what is not a time slot: words, zero, negatives, more than a day, other types', () => {
    for (const bad of ['', 'soon', '20 parsecs', '20m and more', '1:75', '0', 0, -5, '-5m', '25h', 2000, null, true, {}]) {
      expect(parseDuration(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('formatDuration', () => {
  it('says seconds, minutes, hours', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(629)).toBe('10 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(5400)).toBe('1 h 30 min');
  });
});
