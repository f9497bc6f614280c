// Diagnostics of the 'chromemanagement' dialect (the v1 `filter`), where they differ from v1.1beta1:
//   bad-operator    error    an operator the field type does not take (`:` on a timestamp, `<`/`>`, `<=` on text)
//   numeric-range   error    `<=`/`>=` on an integer field
//   not-unsupported error    `!=`
//   bad-time        error    not RFC 3339 with a zone (fix for a v1.1beta1 date); hint when not double-quoted
//   bad-range       error    a v1.1beta1 range `a..b` (fix: the `>=`/`<=` pair)
//   partial-word    error    `*` on a field without wildcards, or inside a value (`a*b`)
//   bad-function    error    a malformed in_group(...) or an unknown function
//   and-keyword     warning  two conditions side by side without AND (fix: insert AND)
//   plain-value     info     a plain text value: the reference does not say whether it matches a whole word, the
//                            whole value, a prefix or a substring (fix on wildcard fields: the "*value*" form)
// AND itself is valid here; OR and NOT keep the shared errors.
import { diag, DIGITS, replace } from './diagnosticHelpers';
import { WILDCARD_FIELDS } from './chromeManagementFields';
import { splitRange } from './parser';
import { checkTime } from './time';
import type { FieldSpec, FieldTerm, FreeTerm, ParsedQuery, QueryDiagnostic, ValueNode } from './types';
import { checkEnumValue } from './valueRules';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
const IN_GROUP = /^in_group\("groups\/[^"\s/]+"\)$/;

const OPS_BY_TYPE: Readonly<Record<FieldSpec['type'], readonly string[]>> = {
  text: ['=', ':'],
  number: ['=', ':'],
  enum: ['=', ':'],
  boolean: ['=', ':'],
  time: ['=', '<=', '>='],
};

export function checkChromeManagementFieldTerm(term: FieldTerm, spec: FieldSpec, out: QueryDiagnostic[]): void {
  const op = term.operator.text;
  const opRange = term.operator.range;
  const value = term.value;
  if (op === '!=') {
    out.push(
      diag('not-unsupported', 'error', `The filter has no '!=' (negation is not documented). Use ${spec.name}=VALUE to match instead.`, opRange, [
        replace("Change '!=' to '='", opRange, '='),
      ]),
    );
    return;
  }
  if (!OPS_BY_TYPE[spec.type].includes(op)) {
    if (spec.type === 'number' && op !== ':' && op !== '=') {
      out.push(
        diag('numeric-range', 'error', `Integer fields take only '=' or ':' with an exact number: ${spec.name} has no '${op}'.`, opRange, [
          replace("Change to '='", opRange, '=', true),
        ]),
      );
      return;
    }
    if (spec.type === 'time') {
      const to = op.startsWith('>') ? '>=' : op.startsWith('<') ? '<=' : '>=';
      const note = op === '<' || op === '>' ? ` ('${op}' is not documented for browsers; '${to}' includes the bound itself)` : '';
      out.push(
        diag('bad-operator', 'error', `Timestamps take '=', '<=' or '>='${note}.`, opRange, [
          replace(`Change '${op}' to '${to}'`, opRange, to, true),
        ]),
      );
    } else {
      out.push(
        diag('bad-operator', 'error', `${spec.name} takes '=' or ':' (comparisons are for timestamps only).`, opRange, [
          replace(`Change '${op}' to '='`, opRange, '=', true),
        ]),
      );
    }
    return;
  }
  if (!value || value.text === '') {
    out.push(
      diag('empty-value', 'error', `'${spec.name}' has no value: write ${spec.name}${op}VALUE with no space after '${op}'.`, term.range, [
        replace('Remove the empty term', { start: term.range.start, end: term.range.end }, ''),
      ]),
    );
    return;
  }
  if (value.unterminated) return; // the shared quote check reports it
  switch (spec.type) {
    case 'time':
      checkTimestamp(spec, term, value, out);
      break;
    case 'number':
      if (!DIGITS.test(value.text))
        out.push(
          diag(
            value.text.includes('..') ? 'numeric-range' : 'bad-number',
            'error',
            `${spec.name} takes one whole number, e.g. ${spec.name}=0.`,
            value.range,
          ),
        );
      break;
    case 'enum':
    case 'boolean':
      checkEnumValue(spec, value, out);
      break;
    case 'text':
      checkWildcards(spec, value, out);
      break;
  }
}

function checkTimestamp(spec: FieldSpec, term: FieldTerm, value: ValueNode, out: QueryDiagnostic[]): void {
  const range = splitRange(value);
  if (range && range.separators === 1 && (range.lower || range.upper)) {
    const lower = range.lower ? checkTime(range.lower.text) : undefined;
    const upper = range.upper ? checkTime(range.upper.text) : undefined;
    const parts: string[] = [];
    if (lower?.ok) parts.push(`${spec.name}>="${lower.start}Z"`);
    if (upper?.ok) parts.push(`${spec.name}<="${upper.end}.999Z"`);
    const valid = (!range.lower || lower?.ok) && (!range.upper || upper?.ok);
    out.push(
      diag(
        'bad-range',
        'error',
        `The filter has no 'a..b' ranges: AND a '>=' and a '<=' comparison on ${spec.name}.`,
        value.range,
        valid ? [replace(`Change to ${parts.join(' AND ')}`, term.range, parts.join(' AND '), true)] : [],
      ),
    );
    return;
  }
  if (RFC3339.test(value.text) && !Number.isNaN(Date.parse(value.text))) {
    if (!value.quoted) {
      out.push(
        diag('bad-time', 'hint', 'The REST reference writes timestamps in double quotes; the unquoted form appears only in a sample.', value.range, [
          replace('Add double quotes', value.range, `"${value.text}"`, true),
        ]),
      );
    }
    return;
  }
  const old = checkTime(value.text);
  const fix = old.ok ? `"${old.start}Z"` : undefined;
  out.push(
    diag(
      'bad-time',
      'error',
      `'${value.text}' is not an RFC 3339 time with a zone; write e.g. "2026-01-01T00:00:00Z" (in double quotes).`,
      value.range,
      fix ? [replace(`Change to ${fix}`, value.range, fix, true)] : [],
    ),
  );
}

/** Identifiers and org units are matched as whole values under any reading; only descriptive text is ambiguous. */
const WHOLE_VALUE_FIELDS = new Set(['browser_permanent_id', 'virtual_device_id', 'org_unit_path', 'org_unit_id']);

function checkPlainValue(spec: FieldSpec, value: ValueNode, out: QueryDiagnostic[]): void {
  if (WHOLE_VALUE_FIELDS.has(spec.name)) return;
  const open = `The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring)`;
  if (WILDCARD_FIELDS.has(spec.name)) {
    const sub = `"*${value.text}*"`;
    out.push(
      diag('plain-value', 'info', `${open}. To find '${value.text}' anywhere in ${spec.name} under any reading, write ${sub}.`, value.range, [
        replace(`Change to ${sub}`, value.range, sub),
      ]),
    );
    return;
  }
  out.push(
    diag(
      'plain-value',
      'info',
      `${open}. If it is the whole value, this finds only browsers whose ${spec.name} is exactly '${value.text}'; ${spec.name} has no documented wildcard to ask for a word inside it.`,
      value.range,
    ),
  );
}

function checkWildcards(spec: FieldSpec, value: ValueNode, out: QueryDiagnostic[]): void {
  const t = value.text;
  if (!t.includes('*')) {
    checkPlainValue(spec, value, out);
    return;
  }
  if (!WILDCARD_FIELDS.has(spec.name)) {
    out.push(
      diag(
        'partial-word',
        'error',
        `Wildcards (*) work only on machine_name, annotated_asset_id and browser_version, not on ${spec.name}.`,
        value.range,
        [replace("Remove '*'", value.range, value.raw.replace(/\*/g, ''))],
      ),
    );
    return;
  }
  const inner = t === '*' ? '' : t.replace(/^\*/, '').replace(/\*$/, '');
  if (inner.includes('*')) {
    out.push(diag('partial-word', 'error', "'*' may only start or end the value (prefix*, *suffix, *part*), or stand alone.", value.range));
  }
}

/** in_group("groups/ID") is the only function; returns true when the term was a function call. */
export function checkChromeManagementFreeTerm(term: FreeTerm, out: QueryDiagnostic[]): boolean {
  const raw = term.value.raw;
  if (!term.value.quoted && raw.length > 1 && raw.startsWith('-')) {
    const dash = { start: term.range.start, end: term.range.start + 1 };
    out.push(
      diag('not-unsupported', 'error', "Negation ('-') is not documented for the filter; it cannot exclude words.", dash, [
        replace("Remove '-'", dash, ''),
      ]),
    );
    return true;
  }
  if (!/^[A-Za-z_]+\(/.test(raw)) return false;
  if (IN_GROUP.test(raw)) return true;
  const message = raw.startsWith('in_group(')
    ? 'Write in_group("groups/GROUP_ID") with the group id in double quotes.'
    : `Unknown function '${raw.slice(0, raw.indexOf('('))}': the filter knows only in_group("groups/GROUP_ID").`;
  out.push(diag('bad-function', 'error', message, term.range));
  return true;
}

/** Conditions with a field must be joined with AND; plain whitespace is only documented between bare words. */
export function checkMissingAnd(parsed: ParsedQuery, out: QueryDiagnostic[]): void {
  const { terms } = parsed;
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i - 1];
    const b = terms[i];
    if (a.kind === 'keyword' || b.kind === 'keyword') continue;
    if (a.kind === 'free' && b.kind === 'free') continue;
    out.push(
      diag('and-keyword', 'warning', 'Join conditions with AND: the filter only documents whitespace between bare search words.', b.range, [
        replace('Insert AND', { start: b.range.start, end: b.range.start }, 'AND ', true),
      ]),
    );
  }
}
