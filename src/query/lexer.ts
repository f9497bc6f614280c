// Lexer: one linear pass over char codes (no regular expressions, so no backtracking).
//
// The v1.1beta1 language is a list of whitespace-separated terms. A term is either
//   field<op>value   where field is [A-Za-z_][A-Za-z0-9_]* and <op> is ':' (the only operator the API
//                    has; '=', '!=', '<', '<=', '>', '>=' are lexed too so diagnostics can explain them)
//   value            a free word or a double-quoted phrase.
// A value runs to the next whitespace outside double quotes, so times keep their colons
// (register:2020-01-01T12:00:00) and "front desk" stays one value. An unclosed quote runs to the end.
import type { Token, ValueNode } from './types';

const SPACE = 32,
  TAB = 9,
  LF = 10,
  CR = 13,
  QUOTE = 34;
const COLON = 58,
  EQUALS = 61,
  BANG = 33,
  LESS = 60,
  GREATER = 62,
  UNDERSCORE = 95;

export function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === 0xa0;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === UNDERSCORE;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** Length of the operator starting at `i` (0 if none). */
function operatorLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === COLON || c === EQUALS) return 1;
  const next = text.charCodeAt(i + 1);
  if (c === BANG) return next === EQUALS ? 2 : 0;
  if (c === LESS || c === GREATER) return next === EQUALS ? 2 : 1;
  return 0;
}

/** Scans a value starting at `start`; returns the value node (never empty). */
export function scanValue(text: string, start: number): ValueNode {
  let i = start;
  let inQuote = false;
  let quoted = false;
  let unquoted = '';
  let segmentStart = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      unquoted += text.slice(segmentStart, i);
      segmentStart = i + 1;
      inQuote = !inQuote;
      quoted = true;
    } else if (!inQuote && isWhitespace(c)) {
      break;
    }
    i++;
  }
  unquoted += text.slice(segmentStart, i);
  return { raw: text.slice(start, i), text: unquoted, quoted, unterminated: inQuote, range: { start, end: i } };
}

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Stryker disable next-line ConditionalExpression: equivalent, charCodeAt past the end is NaN, which is not whitespace
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at i === n nothing below matches and the loop ends
    if (i >= n) break;
    // A field: an identifier directly followed by an operator.
    if (isIdentStart(text.charCodeAt(i))) {
      let j = i + 1;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, charCodeAt past the end is NaN, not an identifier part
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      const opLen = operatorLength(text, j);
      if (opLen > 0) {
        tokens.push({ kind: 'field', text: text.slice(i, j), range: { start: i, end: j } });
        tokens.push({ kind: 'operator', text: text.slice(j, j + opLen), range: { start: j, end: j + opLen } });
        i = j + opLen;
      }
    } else if (text.charCodeAt(i) === COLON) {
      // ':value' with no field in front: kept as an operator so diagnostics can say a field is missing.
      tokens.push({ kind: 'operator', text: ':', range: { start: i, end: i + 1 } });
      i++;
    }
    if (i < n && !isWhitespace(text.charCodeAt(i))) {
      const value = scanValue(text, i);
      tokens.push({ kind: 'value', text: value.raw, range: value.range, value });
      i = value.range.end;
    }
  }
  return tokens;
}
