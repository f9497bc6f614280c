// Formatter and serializer.
//
// format(): normalises spacing without changing what the API receives, except that it joins
// `field: value` / `field :value` into `field:value` for known fields (what the admin plainly meant;
// the diagnostics flag the split form as an error).
// serialize(): the exact `query=` string the API receives (URL-encoding is the HTTP client's job):
// terms separated by one space, values as written except that quotes around a single plain word are
// dropped and an unclosed quote is closed.
import { findField } from './fields';
import { parseQuery } from './parser';
import type { Dialect, ParsedQuery, Term, ValueNode } from './types';
import { isSingleWord } from './words';

function termText(term: Term, value: (v: ValueNode) => string): string {
  if (term.kind === 'keyword') return term.text;
  if (term.kind === 'free') return value(term.value);
  return `${term.field.name}${term.operator.text}${term.value ? value(term.value) : ''}`;
}

/** Terms with `field: value`, `field :value` and `field : value` joined into one field term. */
function joinedTerms(terms: Term[], dialect: Dialect): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < terms.length; i++) {
    let t = terms[i];
    const next = terms[i + 1];
    if (t.kind === 'free' && !t.value.quoted && findField(dialect, t.value.text) && next?.kind === 'field' && next.field.name === '') {
      t = { ...next, field: { name: t.value.text, range: t.range }, range: { start: t.range.start, end: next.range.end } };
      i++;
    }
    const after = terms[i + 1];
    if (t.kind === 'field' && !t.value && findField(dialect, t.field.name) && after?.kind === 'free') {
      t = { ...t, value: after.value, range: { start: t.range.start, end: after.range.end } };
      i++;
    }
    out.push(t);
  }
  return out;
}

export function format(text: string, dialect: Dialect = 'browsers'): string {
  const parsed = parseQuery(text, dialect);
  return joinedTerms(parsed.terms, dialect)
    .map((t) => termText(t, (v) => v.raw))
    .join(' ');
}

function serializeValue(v: ValueNode): string {
  if (v.unterminated) return `${v.raw}"`;
  if (v.quoted && v.text !== '' && isSingleWord(v.text)) return v.text;
  return v.raw;
}

/** The exact `query` parameter value for this query. */
export function serialize(parsed: ParsedQuery | string, dialect: Dialect = 'browsers'): string {
  const p = typeof parsed === 'string' ? parseQuery(parsed, dialect) : parsed;
  return p.terms.map((t) => termText(t, serializeValue)).join(' ');
}
