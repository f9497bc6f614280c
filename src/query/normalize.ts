// Enum and boolean values in their documented case. The API documents `has_device_id_collision` as
// `true` / `false` and the token fields as `CHROME_BROWSER` and `ACTIVE` / `EXPIRED` / `REVOKED`; stricter
// servers refuse other spellings (issue 13), so a query is sent with these values spelled as documented.
// Everything else is left byte for byte as typed.
import { findField } from './fields';
import { parseQuery } from './parser';
import type { Dialect } from './types';

/** The query with every enum/boolean field value rewritten to its documented spelling. */
export function normalizeEnumValues(text: string, dialect: Dialect = 'browsers'): string {
  const parsed = parseQuery(text, dialect);
  const edits: { start: number; end: number; newText: string }[] = [];
  for (const term of parsed.terms) {
    if (term.kind !== 'field' || !term.value || term.value.unterminated) continue;
    const spec = findField(dialect, term.field.name);
    if (!spec) continue;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: without the type check a text field has no values, so no edit either
    if (spec.type !== 'enum' && spec.type !== 'boolean') continue;
    const wanted = term.value.text.trim().toLowerCase();
    const documented = spec.values?.find((v) => v.toLowerCase() === wanted);
    if (documented === undefined) continue;
    // Stryker disable next-line ConditionalExpression: an edit that writes the value it replaces changes nothing
    if (term.value.raw === documented) continue;
    edits.push({ start: term.value.range.start, end: term.value.range.end, newText: documented });
  }
  let out = text;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
