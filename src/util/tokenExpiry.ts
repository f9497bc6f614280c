// Expiry input of "Create Enrollment Token". No vscode import: unit-testable.
import { clock } from './clock';

/** `YYYY-MM-DD` → the end of that day in UTC, as the API wants it; undefined if malformed or not in the future. */
export function expiryFromDate(text: string, now = clock.now()): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59));
  if (date.getUTCDate() !== Number(m[3]) || date.getTime() <= now) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
