// Parser: groups tokens into terms (field terms, free terms, and the OR/AND/NOT keywords the API
// does not support). It never fails: every input yields terms, and diagnostics judge them.
import { lex } from './lexer';
import type { Dialect, KeywordTerm, ParsedQuery, RangeParts, Term, Token, ValueNode } from './types';

const KEYWORDS: Readonly<Record<string, KeywordTerm['keyword']>> = {
  OR: 'OR',
  '|': 'OR',
  '||': 'OR',
  AND: 'AND',
  '&&': 'AND',
  '&': 'AND',
  NOT: 'NOT',
  '!': 'NOT',
};

export function parseQuery(text: string, dialect: Dialect = 'browsers'): ParsedQuery {
  const tokens = lex(text);
  const terms: Term[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'field' || t.kind === 'operator') {
      const fieldToken: Token | undefined = t.kind === 'field' ? t : undefined;
      const op = t.kind === 'field' ? tokens[++i] : t;
      const next = tokens[i + 1];
      let value: ValueNode | undefined;
      if (next && next.kind === 'value' && next.range.start === op.range.end) {
        value = next.value;
        i++;
      }
      const start = fieldToken ? fieldToken.range.start : op.range.start;
      terms.push({
        kind: 'field',
        field: fieldToken ? { name: fieldToken.text, range: fieldToken.range } : { name: '', range: { start: op.range.start, end: op.range.start } },
        operator: { text: op.text, range: op.range },
        value,
        range: { start, end: value ? value.range.end : op.range.end },
      });
    } else if (t.value) {
      const keyword = t.value.quoted ? undefined : KEYWORDS[t.text];
      if (keyword) terms.push({ kind: 'keyword', keyword, text: t.text, range: t.range });
      else terms.push({ kind: 'free', value: t.value, range: t.range });
    }
  }
  return { text, dialect, tokens, terms };
}

/**
 * Splits a value on `..` into its lower and upper bounds with source ranges (offsets are absolute).
 * Returns undefined when the value holds no `..`.
 */
export function splitRange(value: ValueNode): RangeParts | undefined {
  const text = value.text;
  const first = text.indexOf('..');
  if (first < 0) return undefined;
  // Offsets: only unquoted values map 1:1 to the source; for quoted values point at the whole value.
  const base = value.quoted ? -1 : value.range.start;
  const part = (from: number, to: number) => {
    if (from >= to) return undefined;
    const range = base < 0 ? value.range : { start: base + from, end: base + to };
    return { text: text.slice(from, to), range };
  };
  let separators = 0;
  // Overlapping count, so '...' counts as two separators (malformed) instead of passing as one.
  for (let i = text.indexOf('..'); i >= 0; i = text.indexOf('..', i + 1)) separators++;
  const last = text.lastIndexOf('..');
  return { lower: part(0, first), upper: part(last + 2, text.length), separators };
}
