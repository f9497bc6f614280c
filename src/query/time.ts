// Times in v1.1beta1 queries: `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ss`, no zone, no fractions.
// The regexes below are anchored and have no nested quantifiers, so they run in linear time.
import { clock } from '../util/clock';

const STRICT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;
/** Close misses we can repair: other separators, 1-digit parts, a space or 't' before the time, no seconds, a zone or fraction. */
const LOOSE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt _](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Same form as relativeDates.ts (kept here so time.ts stays the leaf both import). */
const RELATIVE_TIME = /^-(\d{1,5})([dwh])$/;

export type TimeCheck =
  { ok: true; /** Comparable key: YYYY-MM-DDThh:mm:ss */ start: string; end: string } | { ok: false; reason: string; suggestion?: string };

/**
 * Checks one time bound. `start`/`end` give the first and last second it covers (a date covers the
 * whole day), which is what comparing the two ends of an inclusive range needs.
 */
export function checkTime(text: string, now: Date = clock.date()): TimeCheck {
  // `-90d`, `-2w`, `-12h` (relativeDates.ts): checked as the time they stand for now; resolved again when run.
  const relative = RELATIVE_TIME.exec(text);
  if (relative) {
    const n = Number(relative[1]);
    if (relative[2] === 'h') {
      const at = isoDateTime(new Date(now.getTime() - n * 3_600_000));
      return { ok: true, start: at, end: at };
    }
    const day = isoDate(now, relative[2] === 'w' ? n * 7 : n);
    return { ok: true, start: `${day}T00:00:00`, end: `${day}T23:59:59` };
  }
  const m = STRICT.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const hasTime = m[4] !== undefined;
    const [h, mi, s] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6])] : [0, 0, 0];
    if (!validParts(y, mo, d, h, mi, s)) {
      return { ok: false, reason: `'${text}' is not a real ${hasTime ? 'date and time' : 'date'}` };
    }
    return hasTime ? { ok: true, start: text, end: text } : { ok: true, start: `${text}T00:00:00`, end: `${text}T23:59:59` };
  }
  return { ok: false, reason: `'${text}' is not a valid time`, suggestion: repairTime(text) ?? repairRelative(text) };
}

/** The strict spelling of a near-miss such as 2024/1/5 or 2024-01-05 10:00 or 2024-01-05T10:00:00Z. */
export function repairTime(text: string): string | undefined {
  const m = LOOSE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hasTime = m[4] !== undefined;
  const [h, mi, s] = hasTime ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : [0, 0, 0];
  if (!validParts(y, mo, d, h, mi, s)) return undefined;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return hasTime ? `${date}T${pad(h)}:${pad(mi)}:${pad(s)}` : date;
}

/** YYYY-MM-DD of `now` minus `days`, in UTC. */
export function isoDate(now: Date, daysAgo = 0): string {
  const t = new Date(now.getTime() - daysAgo * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** YYYY-MM-DDThh:mm:ss of `now`, in UTC. */
export function isoDateTime(now: Date): string {
  return `${isoDate(now)}T${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
}

/** `-7 d`, `-7days`, `7d-` style near-misses of a relative time, spelled `-7d`. */
function repairRelative(text: string): string | undefined {
  const m = /^-?\s*(\d{1,5})\s*(d|days?|w|weeks?|h|hours?)\s*(?:ago)?$/i.exec(text.trim());
  return m && text.trim() !== `-${m[1]}${m[2][0].toLowerCase()}` ? `-${m[1]}${m[2][0].toLowerCase()}` : undefined;
}
