// Relative times in v1.1beta1 queries: `last_activity:..-90d`, `register:-7d..`, `sync:-12h..`. The API only knows
// absolute times (reference "Filter Query Language"), so every query is resolved against the clock when it runs
// (resolveRelativeDates): a saved query keeps meaning "the last 7 days" tomorrow. Pure, no vscode import.
import { findField } from './fields';
import { parseQuery, splitRange } from './parser';
import { isoDate, isoDateTime } from './time';
import type { Range } from './types';
import { clock } from '../util/clock';

/** `-<n>d` (days, a whole UTC day), `-<n>w` (weeks, a day), `-<n>h` (hours, to the second); as in time.ts. */
const RELATIVE = /^-(\d{1,5})([dwh])$/;

export function isRelativeTime(text: string): boolean {
  return RELATIVE.test(text);
}

/** The absolute time a relative bound stands for at `now`; undefined when `text` is not one. */
export function resolveRelativeTime(text: string, now: Date = clock.date()): string | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === 'h') return isoDateTime(new Date(now.getTime() - n * 3_600_000));
  return isoDate(now, m[2] === 'w' ? n * 7 : n);
}

/** "90 days ago", "2 weeks ago", "12 hours ago". */
export function describeRelativeTime(text: string): string | undefined {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  const unit = { d: 'day', w: 'week', h: 'hour' }[m[2] as 'd' | 'w' | 'h'];
  return `${Number(m[1])} ${unit}${Number(m[1]) === 1 ? '' : 's'} ago`;
}

/**
 * The query with every relative bound of a time field replaced by its absolute time at `now`; everything else is
 * left exactly as written. Only unquoted values are resolved (a quoted one is text the admin meant literally).
 */
export function resolveRelativeDates(query: string, now: Date = clock.date(), dialect: 'browsers' = 'browsers'): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; without it a query with no '-digit' gets no edits either
  if (!/-\d/.test(query)) return query;
  const edits: { range: Range; text: string }[] = [];
  for (const term of parseQuery(query, dialect).terms) {
    if (term.kind !== 'field' || !term.value || term.value.quoted) continue;
    if (findField(dialect, term.field.name)?.type !== 'time') continue;
    const value = term.value;
    const parts = splitRange(value);
    const bounds = parts ? [parts.lower, parts.upper] : [{ text: value.text, range: value.range }];
    for (const b of bounds) {
      const resolved = b && resolveRelativeTime(b.text, now);
      if (b && resolved) edits.push({ range: b.range, text: resolved });
    }
  }
  let out = query;
  for (const e of edits.sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}
