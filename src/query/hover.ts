// Hover documentation for fields, operators, values, free terms and the unsupported keywords.
import { fieldDoc } from './completions';
import { dialectSpec, findField } from './fields';
import { parseQuery, splitRange } from './parser';
import { describeRelativeTime, isRelativeTime, resolveRelativeTime } from './relativeDates';
import type { Dialect, FieldSpec, FieldTerm, QueryHover, Term, ValueNode } from './types';

function termAt(terms: Term[], offset: number): Term | undefined {
  // Prefer a term that strictly contains the offset; fall back to one ending at it (cursor after a word).
  return terms.find((t) => offset >= t.range.start && offset < t.range.end) ?? terms.find((t) => t.range.end === offset);
}

export function hover(text: string, offset: number, dialect: Dialect): QueryHover | undefined {
  const term = termAt(parseQuery(text, dialect).terms, offset);
  if (!term) return undefined;
  if (term.kind === 'keyword') {
    const contents =
      term.keyword === 'OR'
        ? '**OR is not supported.** Every term of a query must match; run one query per alternative.'
        : term.keyword === 'AND'
          ? '**AND is implicit.** Terms separated by spaces must all match; the word AND is not an operator.'
          : '**NOT is not supported.** The API cannot exclude terms.';
    return { contents, range: term.range };
  }
  if (term.kind === 'free') {
    const contents =
      dialectSpec(dialect).freeTerms === 'ignored'
        ? `**Word without a field.** ${dialectSpec(dialect).label} queries ignore it; use a field such as \`${dialectSpec(dialect).fields[0].name}:\`.`
        : `**Free term** \`${term.value.text}\`: matches browsers that have ${term.value.quoted ? 'these words' : 'this word'} in any indexed text field ` +
          '(whole words, case-insensitive; punctuation separates words).';
    return { contents, range: term.range };
  }
  return fieldTermHover(term, offset, dialect);
}

function fieldTermHover(term: FieldTerm, offset: number, dialect: Dialect): QueryHover | undefined {
  const spec = findField(dialect, term.field.name);
  if (offset >= term.operator.range.start && offset < term.operator.range.end) {
    return { contents: operatorDoc(term.operator.text, spec), range: term.operator.range };
  }
  if (!spec) {
    return term.field.name
      ? { contents: `**${term.field.name}** is not a field of ${dialectSpec(dialect).label} queries.`, range: term.field.range }
      : undefined;
  }
  if (term.value && offset >= term.value.range.start) {
    return { contents: `${fieldHeader(spec)}\n\n${valueDoc(spec, term, dialect)}`, range: term.value.range };
  }
  return { contents: `${fieldHeader(spec)}\n\n${fieldDoc(spec)}`, range: term.field.range };
}

function fieldHeader(spec: FieldSpec): string {
  return `**${spec.name}** (${spec.type}${spec.values ? `: ${spec.values.join(' | ')}` : ''})`;
}

function operatorDoc(op: string, spec: FieldSpec | undefined): string {
  if (op === ':') {
    return (
      '**`field:value`**: the only operator. Text fields match whole words of the value, ignoring case; ' +
      'time fields take a date, a time or a range (`a..b`, `a..`, `..b`); number fields take one exact number.'
    );
  }
  const hint =
    spec?.type === 'time' && op !== '=' && op !== '!='
      ? ` Use a range: \`${spec.name}:${op.startsWith('>') ? 'a..' : '..b'}\`.`
      : ' Use `field:value`.';
  return `**\`${op}\` is not supported** by this query language.${hint}`;
}

function valueDoc(spec: FieldSpec, term: FieldTerm, dialect: Dialect): string {
  const value = term.value!;
  if (dialect === 'chromemanagement' && spec.type === 'text') {
    // v1: only the wildcard forms are documented; what a plain value matches is not (chromeManagementRules.ts).
    return value.text.includes('*')
      ? `Matches ${spec.name} by the wildcard \`${value.text}\` (prefix*, *suffix, *part*, or * for "has a value").`
      : `Compares ${spec.name} with \`${value.text}\`; the reference does not say whether as a whole word, the whole value, a prefix or a substring.`;
  }
  if (spec.type === 'time') return timeDoc(spec, value) + relativeNote(value);
  return otherValueDoc(spec, value);
}

/** "`-90d` is 90 days ago: 2026-09-04 today; resolved again each time the query runs." */
function relativeNote(value: ValueNode): string {
  const parts = splitRange(value);
  const bounds = parts ? [parts.lower?.text, parts.upper?.text] : [value.text];
  const notes = bounds
    .filter((b): b is string => b !== undefined && !value.quoted && isRelativeTime(b))
    .map((b) => `\`${b}\` is ${describeRelativeTime(b)}: \`${resolveRelativeTime(b)}\` now`);
  return notes.length ? ` ${notes.join('; ')}. Relative times are turned into dates each time the query runs.` : '';
}

function timeDoc(spec: FieldSpec, value: ValueNode): string {
  const parts = splitRange(value);
  if (!parts) return `${spec.name} exactly on \`${value.text}\`${value.text.includes('T') ? '' : ' (the whole day)'}.`;
  const lo = parts.lower?.text,
    hi = parts.upper?.text;
  if (lo && hi) return `${spec.name} from \`${lo}\` to \`${hi}\`, both included.`;
  if (lo) return `${spec.name} on or after \`${lo}\`.`;
  if (hi) return `${spec.name} on or before \`${hi}\`.`;
  return 'A range needs at least one end: `a..b`, `a..` or `..b`.';
}

function otherValueDoc(spec: FieldSpec, value: ValueNode): string {
  if (spec.type === 'number') return `${spec.name} is exactly ${value.text} (no ranges on numbers).`;
  if (spec.type === 'enum' || spec.type === 'boolean') return `${spec.name} is \`${value.text}\`.`;
  return (
    `Matches when ${spec.name} contains the word${value.text.match(/[^\p{L}\p{N}]/u) ? 's of' : ''} \`${value.text}\` ` +
    '(whole words, case-insensitive).'
  );
}
