// Issue 19: the exact results of the query language's entry points used outside the editor: the input-box
// validation (first error, else first warning), the warnings that hold a query back, enum spelling, format and
// serialize (the exact `query=` string sent).
import * as assert from 'assert';
import { format, misleadingWarnings, normalizeEnumValues, serialize, validateQueryInput, validateQueryInputDetailed } from '../../src/query';

const BAD_OPERATOR = "This query language has only 'field:value'; write machine_name:LIX.";
const AND_WORD = "Terms are already combined with AND; 'AND' would be searched as a word. Remove it.";

describe('query entry points: exact results', () => {
  it('validateQueryInput: the first error only', () => {
    assert.strictEqual(validateQueryInput('machine_name=LIX', 'browsers'), BAD_OPERATOR);
    assert.strictEqual(validateQueryInput('a AND b machine_name=LIX', 'browsers'), BAD_OPERATOR);
    assert.strictEqual(validateQueryInput('a AND b', 'browsers'), undefined);
    assert.strictEqual(validateQueryInput('', 'browsers'), undefined);
  });

  it('validateQueryInputDetailed: the first error, else the first warning; hints and infos do not count', () => {
    assert.deepStrictEqual(validateQueryInputDetailed('a AND b machine_name=LIX', 'browsers'), { message: BAD_OPERATOR, severity: 'error' });
    assert.deepStrictEqual(validateQueryInputDetailed('a AND b machine_name:x*', 'browsers'), { message: AND_WORD, severity: 'warning' });
    assert.strictEqual(validateQueryInputDetailed('machine_name:LAB-PC', 'browsers'), undefined, 'a word-split hint only');
    assert.strictEqual(validateQueryInputDetailed('machine_name=LAB', 'chromemanagement'), undefined, 'a plain-value info only');
    assert.strictEqual(validateQueryInputDetailed('machine_name:LAB', 'browsers'), undefined);
  });

  it('misleadingWarnings: only the listed codes, only as warnings', () => {
    const codes = (q: string, d: 'browsers' | 'tokens' = 'browsers') => misleadingWarnings(q, d).map((w) => w.code);
    assert.deepStrictEqual(codes('a AND b machine_name:x* -LIX (y) machine_name:#'), [
      'and-keyword',
      'partial-word',
      'not-unsupported',
      'grouping-unsupported',
      'word-split',
    ]);
    assert.deepStrictEqual(codes('LIX', 'tokens'), ['free-term-ignored']);
    assert.deepStrictEqual(codes('num_extensions:1 num_extensions:2'), ['conflicting-values']);
    assert.deepStrictEqual(codes('has_device_id_collision:TRUE'), [], 'enum-case is sent in the documented case');
    assert.deepStrictEqual(codes('NOT a'), [], 'NOT is an error, not a warning');
    assert.deepStrictEqual(codes('machine_name:LAB-PC'), [], 'the word-split hint');
  });

  it('normalizeEnumValues: documented spelling, everything else byte for byte', () => {
    const CASES: [string, 'browsers' | 'tokens', string][] = [
      ['token_state:revoked device_type:chrome_browser', 'tokens', 'token_state:REVOKED device_type:CHROME_BROWSER'],
      ['token_state:" revoked"  device_type:chrome_browser', 'tokens', 'token_state:REVOKED  device_type:CHROME_BROWSER'],
      ['token_state:ACTIVE', 'tokens', 'token_state:ACTIVE'],
      ['token_state:"ACTIVE"', 'tokens', 'token_state:ACTIVE'],
      ['token_state:bogus', 'tokens', 'token_state:bogus'],
      ['token_state:"revoked', 'tokens', 'token_state:"revoked'],
      ['has_device_id_collision:TRUE  Machine_Name:Lab', 'browsers', 'has_device_id_collision:true  Machine_Name:Lab'],
      ['machine_name:TRUE user:Alice', 'browsers', 'machine_name:TRUE user:Alice'],
    ];
    for (const [text, dialect, want] of CASES) assert.strictEqual(normalizeEnumValues(text, dialect), want, text);
  });

  it('format: one space between terms, `field: value` joined for known fields', () => {
    const CASES: [string, string][] = [
      ['  machine_name:LAB    user:x ', 'machine_name:LAB user:x'],
      ['machine_name : LAB', 'machine_name:LAB'],
      ['machine_name: LAB  user:x', 'machine_name:LAB user:x'],
      ['machine_name :LAB', 'machine_name:LAB'],
      ['machine_name', 'machine_name'],
      ['machine_name:', 'machine_name:'],
      ['machine_name user:x', 'machine_name user:x'],
      ['colour : red', 'colour : red'],
      ['"machine_name" :LAB', '"machine_name" :LAB'],
      ['a  OR   b', 'a OR b'],
    ];
    for (const [text, want] of CASES) assert.strictEqual(format(text), want, text);
  });

  it('serialize: the exact query string', () => {
    const CASES: [string, string][] = [
      ['machine_name:"LAB"', 'machine_name:LAB'],
      ['machine_name:"LAB PC"', 'machine_name:"LAB PC"'],
      ['machine_name:"LAB-PC"', 'machine_name:"LAB-PC"'],
      ['user:""', 'user:""'],
      ['"LAB"   x', 'LAB x'],
      ['location:"front desk', 'location:"front desk"'],
      ['machine_name:LAB  AND  y', 'machine_name:LAB AND y'],
    ];
    for (const [text, want] of CASES) assert.strictEqual(serialize(text), want, text);
  });
});
