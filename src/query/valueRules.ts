// Rules on the value of a time, number, enum or boolean field.
import { checkTime } from './time';
import { splitRange } from './parser';
import { closest } from './distance';
import { diag, DIGITS, replace } from './diagnosticHelpers';
import type { FieldSpec, QueryDiagnostic, Range, ValueNode } from './types';

export function checkTimeValue(spec: FieldSpec, value: ValueNode, out: QueryDiagnostic[]): void {
  const parts = splitRange(value);
  if (!parts) {
    const check = checkTime(value.text);
    if (!check.ok) out.push(badTime(check.reason, check.suggestion, value.range));
    return;
  }
  if (parts.separators > 1) {
    out.push(diag('bad-range', 'error', `A range has one '..': a..b, a.. or ..b (${spec.name}:2024-01-01..2024-01-31).`, value.range));
    return;
  }
  if (!parts.lower && !parts.upper) {
    out.push(diag('bad-range', 'error', "'..' alone is not a range: give at least one date (a..b, a.. or ..b).", value.range));
    return;
  }
  const lower = parts.lower ? checkTime(parts.lower.text) : undefined;
  const upper = parts.upper ? checkTime(parts.upper.text) : undefined;
  let ok = true;
  for (const [check, part] of [
    [lower, parts.lower],
    [upper, parts.upper],
  ] as const) {
    if (check && part && !check.ok) {
      ok = false;
      out.push(badTime(check.reason, check.suggestion, part.range));
    }
  }
  if (ok && lower?.ok && upper?.ok && parts.lower && parts.upper && lower.start > upper.end) {
    const swapped = `${parts.upper.text}..${parts.lower.text}`;
    out.push(
      diag(
        'bad-range',
        'error',
        `This range starts after it ends (${parts.lower.text} is after ${parts.upper.text}), so nothing can match.`,
        value.range,
        value.quoted ? [] : [replace(`Swap to ${swapped}`, value.range, swapped, true)],
      ),
    );
  }
}

function badTime(reason: string, suggestion: string | undefined, range: Range): QueryDiagnostic {
  return diag(
    'bad-time',
    'error',
    `${reason}. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).`,
    range,
    suggestion ? [replace(`Change to ${suggestion}`, range, suggestion, true)] : [],
  );
}

export function checkNumberValue(spec: FieldSpec, value: ValueNode, out: QueryDiagnostic[]): void {
  const t = value.text;
  if (t.includes('..') || t.startsWith('<') || t.startsWith('>')) {
    const parts = splitRange(value);
    const same = parts?.lower && parts.upper && parts.lower.text === parts.upper.text ? parts.lower.text : undefined;
    out.push(
      diag(
        'numeric-range',
        'error',
        `The API does not support ranges on numbers: ${spec.name} matches one exact number (e.g. ${spec.name}:0).`,
        value.range,
        same && DIGITS.test(same) ? [replace(`Change to ${same}`, value.range, same, true)] : [],
      ),
    );
    return;
  }
  if (!DIGITS.test(t)) {
    out.push(diag('bad-number', 'error', `${spec.name} takes a whole number (e.g. ${spec.example ?? `${spec.name}:0`}), not '${t}'.`, value.range));
  }
}

export function checkEnumValue(spec: FieldSpec, value: ValueNode, out: QueryDiagnostic[]): void {
  const values = spec.values ?? [];
  const t = value.text;
  if (values.includes(t)) return;
  const caseMatch = values.find((v) => v.toLowerCase() === t.toLowerCase());
  if (caseMatch) {
    out.push(
      diag(
        'enum-case',
        'warning',
        `The API documents this value as '${caseMatch}' and the query is sent with that spelling (stricter servers refuse others); write it that way.`,
        value.range,
        [replace(`Change to '${caseMatch}'`, value.range, caseMatch, true)],
      ),
    );
    return;
  }
  const near = closest(t, values, values.length);
  const ordered = [...near, ...values.filter((v) => !near.includes(v))];
  out.push(
    diag(
      'bad-enum',
      'error',
      `'${t}' is not a value of ${spec.name}. Supported values: ${values.join(', ')}.`,
      value.range,
      ordered.map((v, k) => replace(`Change to '${v}'`, value.range, v, k === 0 && near.length > 0)),
    ),
  );
}
