// Diagnostics: every mistake the API would ignore or reject, with its range and quick fixes.
//
// Rules (code → severity):
//   missing-field      error    ':' with no field name in front (`:LIX`, or `machine_name :LIX`)
//   unknown-field      error    field not in the dialect's table; suggests the closest field, maps
//                               orderBy / v1 names (annotated_user → user), explains org units, or says
//                               which other dialect has it
//   field-case         error    field differs only by case (field names are case sensitive)
//   bad-operator       error    '=', '<', '>', '<=', '>=' instead of ':' (v1.1beta1 has only field:value);
//                               on time fields the fix turns '>=' into 'a..' and '<=' into '..b'
//   empty-value        error    `field:` or `field:""`; fixes join `field: value` or remove the term
//   unbalanced-quote   error    a '"' that is never closed (it swallows the rest of the query)
//   bad-time           error    not YYYY-MM-DD / YYYY-MM-DDThh:mm:ss, or not a real date; fix for near misses
//   bad-range          error    `..` alone, several `..`, or a..b with a after b (fix: swap)
//   numeric-range      error    ranges or comparisons on number fields (unsupported by the API)
//   bad-number         error    a number field with something other than digits
//   bad-enum           error    an enum/boolean value the API does not accept (fixes: each valid value)
//   enum-case          warning  an enum value spelled in another case than documented (fix: documented spelling)
//   or-unsupported     error    OR, |, || (the API ANDs every term; there is no OR)
//   and-keyword        warning  AND, && (terms are already ANDed; the word would be searched as text)
//   not-unsupported    error    NOT, !, '!=' (no negation in the API)
//                      warning  a leading '-' on a word: not a negation; the API ignores the punctuation and
//                               searches for the word itself (fix: remove '-')
//   grouping-unsupported warning parentheses in an unquoted term: the API has no grouping; '(' and ')' are
//                               punctuation, and `(field:value` is no longer a field term (fix: remove them)
//   free-term-ignored  warning  a word without a field in a tokens query (the tokens API ignores it)
//   conflicting-values warning  two different values for one enum/boolean/number field (nothing can match)
//   partial-word       warning  wildcards (`mach*`): the API matches whole words only, so this cannot
//                               match longer words; fixes remove the wildcard or use fleet words
//                      info     with fleet values known: a word that is only the start of fleet words
//   word-split         hint     punctuation inside a text value: the API splits it into several words,
//                               each matched whole and case-insensitively (no fix; an explanation)
//                      warning  a value with no letter or digit at all (it cannot match anything)
import { closest } from './distance';
import { diag, DIGITS, removalRange, replace } from './diagnosticHelpers';
import { dialectSpec, dialectsWithField, findField, findFieldByAlias, findFieldIgnoringCase, NOT_QUERY_FIELDS } from './fields';
import { parseQuery } from './parser';
import type {
  DiagnoseOptions,
  Dialect,
  FieldSpec,
  FieldTerm,
  FreeTerm,
  KeywordTerm,
  ParsedQuery,
  QueryDiagnostic,
  QuickFix,
  Range,
  Term,
  ValueNode,
} from './types';
import { checkEnumValue, checkNumberValue, checkTimeValue } from './valueRules';
import { checkWords } from './wordRules';
import { checkChromeManagementFieldTerm, checkChromeManagementFreeTerm, checkMissingAnd } from './chromeManagementRules';

export { removalRange, quoteIfNeeded } from './diagnosticHelpers';

export function diagnose(input: ParsedQuery | string, dialect?: Dialect, options: DiagnoseOptions = {}): QueryDiagnostic[] {
  const parsed = typeof input === 'string' ? parseQuery(input, dialect ?? 'browsers') : input;
  const d = dialect ?? parsed.dialect;
  const out: QueryDiagnostic[] = [];
  const { terms, text } = parsed;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    if (term.kind === 'field') checkFieldTerm(term, i, parsed, d, options, out);
    else if (term.kind === 'free') checkFreeTerm(term, terms[i + 1], text, d, options, out);
    else if (!(d === 'chromemanagement' && term.keyword === 'AND')) checkKeyword(term, text, out);
  }
  checkConflicts(parsed, d, out);
  if (d === 'chromemanagement') checkMissingAnd(parsed, out);
  return out;
}

/**
 * Two different exact values for a one-valued field (enum, boolean, number): every term must match,
 * so nothing can. Users usually meant OR, which the API does not have.
 */
function checkConflicts(parsed: ParsedQuery, dialect: Dialect, out: QueryDiagnostic[]): void {
  const seen = new Map<string, string>();
  for (const term of parsed.terms) {
    const exact = term.kind === 'field' && (term.operator.text === ':' || (dialect === 'chromemanagement' && term.operator.text === '='));
    if (term.kind !== 'field' || !exact || !term.value || term.value.unterminated) continue;
    const spec = findField(dialect, term.field.name);
    if (!spec || (spec.type !== 'enum' && spec.type !== 'boolean' && spec.type !== 'number')) continue;
    const v = term.value.text;
    const valid = spec.type === 'number' ? DIGITS.test(v) : (spec.values ?? []).some((x) => x.toLowerCase() === v.toLowerCase());
    if (!valid) continue;
    const key = spec.type === 'number' ? String(Number(v)) : v.toLowerCase();
    const first = seen.get(spec.name);
    if (first === undefined) {
      seen.set(spec.name, key);
    } else if (first !== key) {
      out.push(
        diag(
          'conflicting-values',
          'warning',
          `${spec.name} cannot be both ${first} and ${v}: every term must match, so this query finds nothing. The API has no OR; run one query per value.`,
          term.value.range,
          [replace('Remove this term', removalRange(parsed.text, term.range), '', true)],
        ),
      );
    }
  }
}

function checkKeyword(term: KeywordTerm, text: string, out: QueryDiagnostic[]): void {
  const remove = removalRange(text, term.range);
  if (term.keyword === 'OR') {
    out.push(
      diag(
        'or-unsupported',
        'error',
        `The API does not support OR ('${term.text}'): every term must match. Run one query per alternative.`,
        term.range,
        [replace(`Remove '${term.text}' (all terms must then match)`, remove, '')],
      ),
    );
  } else if (term.keyword === 'AND') {
    out.push(
      diag('and-keyword', 'warning', `Terms are already combined with AND; '${term.text}' would be searched as a word. Remove it.`, term.range, [
        replace(`Remove '${term.text}'`, remove, '', true),
      ]),
    );
  } else {
    out.push(
      diag('not-unsupported', 'error', `The API does not support NOT ('${term.text}'): it cannot exclude terms.`, term.range, [
        replace(`Remove '${term.text}' (the next term will then be required)`, remove, ''),
      ]),
    );
  }
}

function checkQuote(value: ValueNode, out: QueryDiagnostic[]): boolean {
  if (!value.unterminated) return true;
  const open = value.range.start + value.raw.lastIndexOf('"');
  out.push(
    diag(
      'unbalanced-quote',
      'error',
      'This double quote is never closed, so the rest of the query becomes part of this value. Close it.',
      { start: open, end: value.range.end },
      [replace('Close the quote', { start: value.range.end, end: value.range.end }, '"', true)],
    ),
  );
  return false;
}

function checkFieldTerm(
  term: FieldTerm,
  index: number,
  parsed: ParsedQuery,
  dialect: Dialect,
  options: DiagnoseOptions,
  out: QueryDiagnostic[],
): void {
  const { terms } = parsed;
  const name = term.field.name;
  if (name === '') {
    const prev = terms[index - 1];
    const fixes: QuickFix[] = [];
    if (prev && prev.kind === 'free' && !prev.value.quoted && findField(dialect, prev.value.text)) {
      fixes.push(replace(`Join '${prev.value.text}' and ':'`, { start: prev.range.end, end: term.operator.range.start }, '', true));
    }
    fixes.push(replace("Remove ':'", term.operator.range, ''));
    out.push(
      diag('missing-field', 'error', "':' needs a field name right before it, with no space (e.g. machine_name:VALUE).", term.operator.range, fixes),
    );
    return;
  }
  const spec = findField(dialect, name);
  if (!spec) {
    out.push(unknownField(term, dialect, parsed.text));
    return;
  }
  if (dialect === 'chromemanagement') {
    if (term.value && !checkQuote(term.value, out)) return;
    checkChromeManagementFieldTerm(term, spec, out);
    return;
  }
  // Operators other than the dialect's own (v1.1beta1: ':' only) are explained and fixed.
  if (!dialectSpec(dialect).operators.includes(term.operator.text) && !checkOperator(term, spec, out)) return;
  const value = term.value;
  if (!value || value.text === '') {
    out.push(emptyValue(term, index, parsed));
    return;
  }
  if (!checkQuote(value, out)) return;
  switch (spec.type) {
    case 'time':
      checkTimeValue(spec, value, out);
      break;
    case 'number':
      checkNumberValue(spec, value, out);
      break;
    case 'boolean':
    case 'enum':
      checkEnumValue(spec, value, out);
      break;
    case 'text':
      if (!checkParentheses(value, term.range, parsed.text, dialect, false, out)) checkWords(value, spec.name, dialect, options, out);
      break;
  }
}

function unknownField(term: FieldTerm, dialect: Dialect, text: string): QueryDiagnostic {
  const name = term.field.name;
  const range = term.field.range;
  const spec = dialectSpec(dialect);
  const sameIgnoringCase = findFieldIgnoringCase(dialect, name);
  if (sameIgnoringCase) {
    return diag('field-case', 'error', `Field names are case sensitive: write '${sameIgnoringCase.name}', not '${name}'.`, range, [
      replace(`Change to '${sameIgnoringCase.name}'`, range, sameIgnoringCase.name, true),
    ]);
  }
  const alias = findFieldByAlias(dialect, name);
  if (alias) {
    const where = dialect === 'chromemanagement' ? 'the v1.1beta1 query name' : 'a sort (orderBy) or Chrome Management API name';
    return diag('unknown-field', 'error', `'${name}' is ${where}; in this query language the field is '${alias.name}'.`, range, [
      replace(`Change to '${alias.name}'`, range, alias.name, true),
    ]);
  }
  const notInQuery = NOT_QUERY_FIELDS[name];
  if (notInQuery) {
    return diag('unknown-field', 'error', `'${name}' is not a query field. ${notInQuery}`, range, [
      replace('Remove the term', removalRange(text, term.range), ''),
    ]);
  }
  const elsewhere = dialectsWithField(name);
  if (elsewhere.length > 0) {
    return diag(
      'unknown-field',
      'error',
      `'${name}' is a field of ${dialectSpec(elsewhere[0]).label} queries, not of ${spec.label} queries` +
        ` (a .cbcmq file picks its dialect with a first line '# dialect: ${elsewhere[0]}').`,
      range,
    );
  }
  const names = spec.fields.map((f) => f.name);
  const near = closest(name, names);
  if (near.length > 0) {
    return diag(
      'unknown-field',
      'error',
      `Unknown field '${name}'. Did you mean '${near[0]}'?`,
      range,
      near.map((n, k) => replace(`Change to '${n}'`, range, n, k === 0)),
    );
  }
  return diag('unknown-field', 'error', `Unknown field '${name}'. Fields of ${spec.label} queries: ${names.join(', ')}.`, range);
}

/** Returns false when the term should not be checked further. */
function checkOperator(term: FieldTerm, spec: FieldSpec, out: QueryDiagnostic[]): boolean {
  const op = term.operator.text;
  const opRange = term.operator.range;
  const value = term.value?.raw ?? '';
  const whole = term.range;
  if (op === '!=') {
    out.push(
      diag('not-unsupported', 'error', `The API has no '!=': it cannot exclude values. Use ${spec.name}:VALUE to match them.`, opRange, [
        replace("Change '!=' to ':' (match instead of exclude)", opRange, ':'),
      ]),
    );
    return false;
  }
  if (op === '=') {
    out.push(
      diag('bad-operator', 'error', `This query language has only 'field:value'; write ${spec.name}:${value || 'VALUE'}.`, opRange, [
        replace("Change '=' to ':'", opRange, ':', true),
      ]),
    );
    return true;
  }
  // <, <=, >, >=
  if (spec.type === 'number') {
    out.push(
      diag(
        'numeric-range',
        'error',
        `The API does not support comparisons or ranges on numbers ('${op}'): ${spec.name} matches one exact number.`,
        opRange,
      ),
    );
    return false;
  }
  if (spec.type === 'time') {
    const after = op.startsWith('>');
    const newText = after ? `${spec.name}:${value}..` : `${spec.name}:..${value}`;
    const strict = op.length === 1 ? ` (note: ranges include the bound itself, '${op}' does not)` : '';
    out.push(
      diag(
        'bad-operator',
        'error',
        `Use a range instead of '${op}': ${newText}${strict}.`,
        opRange,
        value ? [replace(`Change to ${newText}`, whole, newText, true)] : [],
      ),
    );
    return true;
  }
  out.push(
    diag('bad-operator', 'error', `'${op}' is not an operator of this query language; write ${spec.name}:VALUE.`, opRange, [
      replace(`Change '${op}' to ':'`, opRange, ':', true),
    ]),
  );
  return true;
}

function emptyValue(term: FieldTerm, index: number, parsed: ParsedQuery): QueryDiagnostic {
  const fixes: QuickFix[] = [];
  const next = parsed.terms[index + 1];
  const afterOp = term.operator.range.end;
  if (!term.value && next && next.kind === 'free') {
    fixes.push(replace(`Join with '${next.value.raw}' (no space after ':')`, { start: afterOp, end: next.range.start }, '', true));
  }
  fixes.push(replace('Remove the empty term', removalRange(parsed.text, term.range), ''));
  const name = term.field.name;
  return diag('empty-value', 'error', `'${name}' has no value: write ${name}:VALUE with no space after '${term.operator.text}'.`, term.range, fixes);
}

function checkFreeTerm(
  term: FreeTerm,
  next: Term | undefined,
  text: string,
  dialect: Dialect,
  options: DiagnoseOptions,
  out: QueryDiagnostic[],
): void {
  const value = term.value;
  if (!checkQuote(value, out)) return;
  // `machine_name :LIX`: the missing-field error on ':' already explains this word.
  if (next?.kind === 'field' && next.field.name === '' && findField(dialect, value.text)) return;
  // v1 global search: matching rules are undocumented, so only functions are checked.
  if (dialect === 'chromemanagement') {
    checkChromeManagementFreeTerm(term, out);
    return;
  }
  if (dialectSpec(dialect).freeTerms === 'ignored') {
    const fixes: QuickFix[] = [];
    for (const f of dialectSpec(dialect).fields) {
      const v = f.values?.find((x) => x.toLowerCase() === value.text.toLowerCase());
      if (v) fixes.push(replace(`Change to ${f.name}:${v}`, value.range, `${f.name}:${v}`, true));
    }
    fixes.push(replace('Remove the word', removalRange(text, term.range), ''));
    const names = dialectSpec(dialect)
      .fields.map((f) => `${f.name}:`)
      .join(' or ');
    out.push(
      diag(
        'free-term-ignored',
        'warning',
        `${capitalize(dialectSpec(dialect).label)} queries ignore words without a field, so '${value.text}' does not narrow the list. Use ${names}.`,
        value.range,
        fixes,
      ),
    );
    return;
  }
  if (checkParentheses(value, term.range, text, dialect, true, out)) return;
  if (!value.quoted && value.text.length > 1 && value.text.startsWith('-')) {
    out.push(
      diag(
        'not-unsupported',
        'warning',
        `'-' does not exclude words: the API has no negation and ignores punctuation, so this searches for '${value.text.slice(1)}'.`,
        { start: value.range.start, end: value.range.start + 1 },
        [replace("Remove '-'", { start: value.range.start, end: value.range.start + 1 }, '')],
      ),
    );
    return;
  }
  checkWords(value, undefined, dialect, options, out);
}

/**
 * `(os:Windows`, `os:(Windows`, `)`: the API has no grouping, parentheses are punctuation. In a free term a
 * field prefix behind '(' is not read as a field. Returns true when reported (no further word checks).
 */
function checkParentheses(value: ValueNode, termRange: Range, text: string, dialect: Dialect, free: boolean, out: QueryDiagnostic[]): boolean {
  if (value.quoted || !/[()]/.test(value.text)) return false;
  const t = value.text;
  const stripped = t.replace(/[()]/g, '');
  const words = stripped.match(/[\p{L}\p{N}]+/gu) ?? [];
  const field = free ? /^([A-Za-z_][A-Za-z0-9_]*):/.exec(stripped)?.[1] : undefined;
  const asField = field !== undefined && findField(dialect, field) !== undefined;
  const searched = words.length === 0 ? 'constrains nothing' : `is searched as the word${words.length > 1 ? 's' : ''} '${words.join(' ')}'`;
  const where = free ? (asField ? ` in any field ('${field}:' is not read as a field behind '(')` : ' in any field') : '';
  out.push(
    diag(
      'grouping-unsupported',
      'warning',
      `The API has no parentheses or grouping: they are punctuation, so '${t}' ${searched}${words.length ? where : ''}. Every term must match anyway; remove them.`,
      value.range,
      [
        stripped
          ? replace('Remove the parentheses', value.range, stripped, true)
          : replace('Remove the term', removalRange(text, termRange), '', true),
      ],
    ),
  );
  return true;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
