// Human-readable ages ("3 days ago") for the tree's descriptions and tooltips and the details panel's times: one
// rounding everywhere. No vscode import: unit-testable, and the details webview bundles it.
import { displayLocale } from './displayLocale';
import { clock } from './clock';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** One formatter per display language (VS Code's, see displayLocale.ts). */
const formatters = new Map<string, Intl.RelativeTimeFormat>();
function formatter(): Intl.RelativeTimeFormat {
  const locale = displayLocale();
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return f;
}

/** "3 days ago", "in 2 hours", "just now"; undefined for a missing or unparsable time. */
export function relativeTime(iso: string | undefined, now: number = clock.now()): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const seconds = Math.round((t - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatter().format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** "1 browser", "3 browsers", "1,300 browsers". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString(displayLocale())} ${noun}${n === 1 ? '' : 's'}`;
}
