/**
 * A talk's time slot as people write it — `20` (minutes), `20m`, `20 min`, `1h30m`, `1h 30min`,
 * `90s`, `45:00` (minutes:seconds), `1:15:00` — read as seconds. Pure.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };

/** Most seconds a slot may have: a day (a larger value is a typo, not a talk). */
const MAX_SECONDS = 24 * 3600;

/** Seconds of a time slot, or undefined when `value` is not one (or not positive). */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return valid(value * 60);
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(text)) return valid(Number(text) * 60);
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (clock !== null) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? undefined : Number(clock[3])];
    return valid(c === undefined ? a * 60 + b : a * 3600 + b * 60 + c);
  }
  // Longer unit names first: the alternation takes the first that matches.
  const part = /(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\s*/gy;
  let seconds = 0;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = part.exec(text)) !== null) {
    seconds += Number(match[1]) * UNIT_SECONDS[match[2]!.charAt(0)]!;
    end = part.lastIndex;
  }
  return end === text.length && end > 0 ? valid(seconds) : undefined;
}

function valid(seconds: number): number | undefined {
  return Number.isFinite(seconds) && seconds > 0 && seconds <= MAX_SECONDS ? Math.round(seconds) : undefined;
}

/** Seconds as people say them: `10 min`, `1 h 30 min`, `45 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}
