import * as assert from 'assert';
import { diagnose, type DiagnosticCode, type Dialect, type QueryDiagnostic, type Severity, type TextEdit } from '../../src/query';

interface Case {
  name: string;
  dialect: Dialect;
  text: string;
  /** Every diagnostic expected, in order: nothing more, nothing less. */
  expected: { code: DiagnosticCode; severity: Severity; range: [number, number] }[];
  /** The text after applying the preferred fix (or the first fix) of the first diagnostic. */
  fixed?: string;
  recentValues?: Record<string, string[]>;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.range.start - a.range.start)
    .reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
}

function firstFix(d: QueryDiagnostic) {
  return d.fixes.find((f) => f.preferred) ?? d.fixes[0];
}

// One case per rule (several for rules with several forms), each with the expected range.
const CASES: Case[] = [
  {
    name: 'unknown-field suggests the closest field',
    dialect: 'browsers',
    text: 'machin_name:LIX',
    expected: [{ code: 'unknown-field', severity: 'error', range: [0, 11] }],
    fixed: 'machine_name:LIX',
  },
  {
    name: 'field-case: field names are case sensitive',
    dialect: 'browsers',
    text: 'Machine_Name:LIX',
    expected: [{ code: 'field-case', severity: 'error', range: [0, 12] }],
    fixed: 'machine_name:LIX',
  },
  {
    name: 'unknown-field names the dialect that has it',
    dialect: 'browsers',
    text: 'token_state:ACTIVE',
    expected: [{ code: 'unknown-field', severity: 'error', range: [0, 11] }],
  },
  {
    name: 'unknown-field: an orderBy name maps to the query field',
    dialect: 'browsers',
    text: 'annotated_user:alice',
    expected: [{ code: 'unknown-field', severity: 'error', range: [0, 14] }],
    fixed: 'user:alice',
  },
  {
    name: 'unknown-field: a v1 API name maps to the query field',
    dialect: 'browsers',
    text: 'x last_activity_time:2024-01-01..',
    expected: [{ code: 'unknown-field', severity: 'error', range: [2, 20] }],
    fixed: 'x last_activity:2024-01-01..',
  },
  {
    name: 'unknown-field: the org unit is not a query field',
    dialect: 'tokens',
    text: 'org_unit_path:/Sales token_state:ACTIVE',
    expected: [{ code: 'unknown-field', severity: 'error', range: [0, 13] }],
    fixed: 'token_state:ACTIVE',
  },
  {
    name: 'unknown-field with nothing close lists the fields',
    dialect: 'browsers',
    text: 'colour:red',
    expected: [{ code: 'unknown-field', severity: 'error', range: [0, 6] }],
  },
  {
    name: "missing-field: ':' alone",
    dialect: 'browsers',
    text: ':LIX',
    expected: [{ code: 'missing-field', severity: 'error', range: [0, 1] }],
    fixed: 'LIX',
  },
  {
    name: "missing-field: space before ':' (fix joins)",
    dialect: 'browsers',
    text: 'machine_name :LIX',
    expected: [{ code: 'missing-field', severity: 'error', range: [13, 14] }],
    fixed: 'machine_name:LIX',
  },
  {
    name: "bad-operator '=' becomes ':'",
    dialect: 'browsers',
    text: 'machine_name=LIX',
    expected: [{ code: 'bad-operator', severity: 'error', range: [12, 13] }],
    fixed: 'machine_name:LIX',
  },
  {
    name: "bad-operator '>=' on a time becomes an open range",
    dialect: 'browsers',
    text: 'register>=2024-01-01',
    expected: [{ code: 'bad-operator', severity: 'error', range: [8, 10] }],
    fixed: 'register:2024-01-01..',
  },
  {
    name: "bad-operator '<' on a time becomes ..b",
    dialect: 'browsers',
    text: 'sync<2024-01-01',
    expected: [{ code: 'bad-operator', severity: 'error', range: [4, 5] }],
    fixed: 'sync:..2024-01-01',
  },
  {
    name: 'numeric-range: comparison on a number',
    dialect: 'browsers',
    text: 'num_extensions>5',
    expected: [{ code: 'numeric-range', severity: 'error', range: [14, 15] }],
  },
  {
    name: "not-unsupported: '!='",
    dialect: 'browsers',
    text: 'os_platform!=Windows',
    expected: [{ code: 'not-unsupported', severity: 'error', range: [11, 13] }],
    fixed: 'os_platform:Windows',
  },
  {
    name: "empty-value: nothing after ':' (fix removes the term)",
    dialect: 'browsers',
    text: 'user:x machine_name:',
    expected: [{ code: 'empty-value', severity: 'error', range: [7, 20] }],
    fixed: 'user:x',
  },
  {
    name: "empty-value: space after ':' (fix joins)",
    dialect: 'browsers',
    text: 'machine_name: LIX',
    expected: [{ code: 'empty-value', severity: 'error', range: [0, 13] }],
    fixed: 'machine_name:LIX',
  },
  {
    name: 'empty-value: empty quotes',
    dialect: 'browsers',
    text: 'user:""',
    expected: [{ code: 'empty-value', severity: 'error', range: [0, 7] }],
    fixed: '',
  },
  {
    name: 'unbalanced-quote in a value',
    dialect: 'browsers',
    text: 'location:"front desk',
    expected: [{ code: 'unbalanced-quote', severity: 'error', range: [9, 20] }],
    fixed: 'location:"front desk"',
  },
  {
    name: 'unbalanced-quote in a free term',
    dialect: 'browsers',
    text: 'LIX "abc def',
    expected: [{ code: 'unbalanced-quote', severity: 'error', range: [4, 12] }],
    fixed: 'LIX "abc def"',
  },
  {
    name: 'bad-time: impossible month',
    dialect: 'browsers',
    text: 'register:2024-13-01',
    expected: [{ code: 'bad-time', severity: 'error', range: [9, 19] }],
  },
  {
    name: 'bad-time: February 30th',
    dialect: 'browsers',
    text: 'register:2023-02-29',
    expected: [{ code: 'bad-time', severity: 'error', range: [9, 19] }],
  },
  {
    name: 'bad-time: slashes and one-digit parts (fix)',
    dialect: 'browsers',
    text: 'register:2024/1/5',
    expected: [{ code: 'bad-time', severity: 'error', range: [9, 17] }],
    fixed: 'register:2024-01-05',
  },
  {
    name: 'bad-time: missing seconds (fix)',
    dialect: 'browsers',
    text: 'report:2024-01-05T10:00',
    expected: [{ code: 'bad-time', severity: 'error', range: [7, 23] }],
    fixed: 'report:2024-01-05T10:00:00',
  },
  {
    name: 'bad-time: time zone not accepted (fix)',
    dialect: 'browsers',
    text: 'sync:2024-01-05T10:00:00Z',
    expected: [{ code: 'bad-time', severity: 'error', range: [5, 25] }],
    fixed: 'sync:2024-01-05T10:00:00',
  },
  {
    name: 'bad-time: upper bound of a range',
    dialect: 'browsers',
    text: 'register:2024-01-01..2024-02-31',
    expected: [{ code: 'bad-time', severity: 'error', range: [21, 31] }],
  },
  {
    name: 'bad-time: not a date at all',
    dialect: 'browsers',
    text: 'last_activity:yesterday',
    expected: [{ code: 'bad-time', severity: 'error', range: [14, 23] }],
  },
  {
    name: 'bad-range: start after end (fix swaps)',
    dialect: 'browsers',
    text: 'register:2024-02-01..2024-01-01',
    expected: [{ code: 'bad-range', severity: 'error', range: [9, 31] }],
    fixed: 'register:2024-01-01..2024-02-01',
  },
  { name: 'bad-range: a date-only end covers its whole day', dialect: 'browsers', text: 'report:2024-01-01T10:00:00..2024-01-01', expected: [] },
  { name: "bad-range: '..' alone", dialect: 'browsers', text: 'register:..', expected: [{ code: 'bad-range', severity: 'error', range: [9, 11] }] },
  {
    name: 'bad-range: two separators',
    dialect: 'browsers',
    text: 'register:2024-01-01..2024-01-02..2024-01-03',
    expected: [{ code: 'bad-range', severity: 'error', range: [9, 43] }],
  },
  {
    name: 'bad-range: three dots',
    dialect: 'browsers',
    text: 'sync:2024-01-01...2024-02-01',
    expected: [{ code: 'bad-range', severity: 'error', range: [5, 28] }],
  },
  {
    name: 'numeric-range: a..b on a number',
    dialect: 'browsers',
    text: 'num_policies:1..5',
    expected: [{ code: 'numeric-range', severity: 'error', range: [13, 17] }],
  },
  {
    name: 'numeric-range: n..n (fix keeps n)',
    dialect: 'browsers',
    text: 'num_policies:3..3',
    expected: [{ code: 'numeric-range', severity: 'error', range: [13, 17] }],
    fixed: 'num_policies:3',
  },
  { name: 'bad-number', dialect: 'browsers', text: 'num_extensions:many', expected: [{ code: 'bad-number', severity: 'error', range: [15, 19] }] },
  {
    name: 'bad-enum: boolean',
    dialect: 'browsers',
    text: 'has_device_id_collision:yes',
    expected: [{ code: 'bad-enum', severity: 'error', range: [24, 27] }],
  },
  {
    name: 'enum-case: boolean in capitals',
    dialect: 'browsers',
    text: 'has_device_id_collision:TRUE',
    expected: [{ code: 'enum-case', severity: 'warning', range: [24, 28] }],
    fixed: 'has_device_id_collision:true',
  },
  {
    name: 'bad-enum: token state',
    dialect: 'tokens',
    text: 'token_state:DELETED',
    expected: [{ code: 'bad-enum', severity: 'error', range: [12, 19] }],
  },
  {
    name: 'bad-enum: closest value first (fix)',
    dialect: 'tokens',
    text: 'token_state:REVOKD',
    expected: [{ code: 'bad-enum', severity: 'error', range: [12, 18] }],
    fixed: 'token_state:REVOKED',
  },
  {
    name: 'bad-enum: device type',
    dialect: 'tokens',
    text: 'device_type:CHROME_OS',
    expected: [{ code: 'bad-enum', severity: 'error', range: [12, 21] }],
    fixed: 'device_type:CHROME_BROWSER',
  },
  {
    name: 'enum-case: token state in lower case',
    dialect: 'tokens',
    text: 'token_state:revoked',
    expected: [{ code: 'enum-case', severity: 'warning', range: [12, 19] }],
    fixed: 'token_state:REVOKED',
  },
  {
    name: 'or-unsupported: OR',
    dialect: 'browsers',
    text: 'machine_name:A OR machine_name:B',
    expected: [{ code: 'or-unsupported', severity: 'error', range: [15, 17] }],
    fixed: 'machine_name:A machine_name:B',
  },
  { name: 'or-unsupported: |', dialect: 'browsers', text: 'a | b', expected: [{ code: 'or-unsupported', severity: 'error', range: [2, 3] }] },
  {
    name: 'or-unsupported: ||',
    dialect: 'browsers',
    text: 'machine_name:A || machine_name:B',
    expected: [{ code: 'or-unsupported', severity: 'error', range: [15, 17] }],
    fixed: 'machine_name:A machine_name:B',
  },
  {
    name: 'or-unsupported: lower-case or is a word, OR in capitals is not',
    dialect: 'browsers',
    text: 'a or b OR c',
    expected: [{ code: 'or-unsupported', severity: 'error', range: [7, 9] }],
  },
  {
    name: 'or-unsupported: || in token queries',
    dialect: 'tokens',
    text: 'token_state:ACTIVE || device_type:CHROME_BROWSER',
    expected: [{ code: 'or-unsupported', severity: 'error', range: [19, 21] }],
    fixed: 'token_state:ACTIVE device_type:CHROME_BROWSER',
  },
  {
    name: 'and-keyword (fix removes it)',
    dialect: 'browsers',
    text: 'a AND b',
    expected: [{ code: 'and-keyword', severity: 'warning', range: [2, 5] }],
    fixed: 'a b',
  },
  {
    name: 'not-unsupported: NOT',
    dialect: 'browsers',
    text: 'NOT machine_name:A',
    expected: [{ code: 'not-unsupported', severity: 'error', range: [0, 3] }],
    fixed: 'machine_name:A',
  },
  {
    name: "not-unsupported: leading '-'",
    dialect: 'browsers',
    text: '-LIX',
    expected: [{ code: 'not-unsupported', severity: 'warning', range: [0, 1] }],
    fixed: 'LIX',
  },
  {
    name: 'free-term-ignored in tokens (fix adds the field)',
    dialect: 'tokens',
    text: 'REVOKED',
    expected: [{ code: 'free-term-ignored', severity: 'warning', range: [0, 7] }],
    fixed: 'token_state:REVOKED',
  },
  {
    name: 'partial-word: wildcard in a value',
    dialect: 'browsers',
    text: 'machine_name:mach*',
    expected: [{ code: 'partial-word', severity: 'warning', range: [13, 18] }],
    fixed: 'machine_name:mach',
  },
  {
    name: 'partial-word: wildcard in a free term',
    dialect: 'browsers',
    text: 'LAB* x',
    expected: [{ code: 'partial-word', severity: 'warning', range: [0, 4] }],
    fixed: 'LAB x',
  },
  {
    name: 'partial-word: wildcard with fleet values offers the whole word',
    dialect: 'browsers',
    text: 'machine_name:mach*',
    recentValues: { machine_name: ['Machine-01'] },
    expected: [{ code: 'partial-word', severity: 'warning', range: [13, 18] }],
    fixed: 'machine_name:machine',
  },
  {
    name: 'partial-word: start of a fleet word (info)',
    dialect: 'browsers',
    text: 'machine_name:LAB-mach',
    recentValues: { machine_name: ['LAB-machine-01'] },
    expected: [
      { code: 'partial-word', severity: 'info', range: [17, 21] },
      { code: 'word-split', severity: 'hint', range: [13, 21] },
    ],
    fixed: 'machine_name:LAB-machine',
  },
  {
    name: 'partial-word: free terms use every text field of the fleet',
    dialect: 'browsers',
    text: 'Montr',
    recentValues: { location: ['Montreal'] },
    expected: [{ code: 'partial-word', severity: 'info', range: [0, 5] }],
    fixed: 'montreal',
  },
  {
    name: 'conflicting-values: two token states',
    dialect: 'tokens',
    text: 'token_state:ACTIVE token_state:revoked',
    expected: [
      { code: 'enum-case', severity: 'warning', range: [31, 38] },
      { code: 'conflicting-values', severity: 'warning', range: [31, 38] },
    ],
  },
  {
    name: 'conflicting-values: two numbers (fix removes the second)',
    dialect: 'browsers',
    text: 'num_extensions:1 num_extensions:2 x',
    expected: [{ code: 'conflicting-values', severity: 'warning', range: [32, 33] }],
    fixed: 'num_extensions:1 x',
  },
  {
    name: 'conflicting-values: the same value twice is fine',
    dialect: 'browsers',
    text: 'has_device_id_collision:true has_device_id_collision:true',
    expected: [],
  },
  {
    name: 'word-split: punctuation splits a value',
    dialect: 'browsers',
    text: 'machine_name:LAB-PC-01',
    expected: [{ code: 'word-split', severity: 'hint', range: [13, 22] }],
  },
  {
    name: 'word-split: no letter or digit',
    dialect: 'browsers',
    text: 'machine_name:#',
    expected: [{ code: 'word-split', severity: 'warning', range: [13, 14] }],
  },
];

// Queries the reference documents as valid: none may raise anything above a hint.
const VALID: { dialect: Dialect; text: string }[] = [
  { dialect: 'browsers', text: 'machine_name:CLIENT2012' },
  { dialect: 'browsers', text: 'machine_name:LIX register:2011-04-26..' },
  { dialect: 'browsers', text: 'machine_name:LIX register:..2011-04-26' },
  { dialect: 'browsers', text: 'register:2011-03-23..2011-04-26' },
  { dialect: 'browsers', text: 'last_activity:2011-04-26T14:23:05..' },
  { dialect: 'browsers', text: 'sync:..2011-04-26T14:23:05 report:2011-03-23' },
  { dialect: 'browsers', text: 'machine 73' },
  { dialect: 'browsers', text: 'has_device_id_collision:false num_extensions:0 num_policies:12' },
  { dialect: 'browsers', text: 'os:"Windows 10" os_platform:Windows arch:x86_64 browser_version:73' },
  { dialect: 'browsers', text: '   location:Montreal    user:alice   ' },
  { dialect: 'browsers', text: '' },
  { dialect: 'tokens', text: 'device_type:CHROME_BROWSER token_state:REVOKED' },
  { dialect: 'tokens', text: 'token_state:ACTIVE' },
];

describe('query diagnostics', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const got = diagnose(c.text, c.dialect, { recentValues: c.recentValues });
      assert.deepStrictEqual(
        got.map((d) => ({ code: d.code, severity: d.severity, range: [d.range.start, d.range.end] })),
        c.expected,
        JSON.stringify(got.map((d) => d.message)),
      );
      for (const d of got) assert.ok(d.message.length > 20, `a message that explains: ${d.message}`);
      if (c.fixed !== undefined) {
        const fix = firstFix(got[0]);
        assert.ok(fix, 'a quick fix');
        const after = applyEdits(c.text, fix.edits);
        assert.strictEqual(after, c.fixed);
        const remaining = diagnose(after, c.dialect, { recentValues: c.recentValues }).filter(
          (d) => d.code === c.expected[0].code && d.severity === c.expected[0].severity,
        );
        assert.deepStrictEqual(remaining, [], `the fix removes the ${c.expected[0].code} problem`);
      }
    });
  }

  it('covers every diagnostic code with at least one case', () => {
    const codes: DiagnosticCode[] = [
      'unknown-field',
      'field-case',
      'bad-operator',
      'empty-value',
      'unbalanced-quote',
      'bad-time',
      'bad-range',
      'numeric-range',
      'bad-number',
      'bad-enum',
      'enum-case',
      'or-unsupported',
      'and-keyword',
      'not-unsupported',
      'partial-word',
      'word-split',
      'free-term-ignored',
      'missing-field',
      'conflicting-values',
    ];
    const covered = new Set(CASES.flatMap((c) => c.expected.map((e) => e.code)));
    assert.deepStrictEqual(
      codes.filter((c) => !covered.has(c)),
      [],
    );
  });

  for (const v of VALID) {
    it(`accepts ${v.dialect} query ${JSON.stringify(v.text)}`, () => {
      const serious = diagnose(v.text, v.dialect).filter((d) => d.severity !== 'hint');
      assert.deepStrictEqual(
        serious.map((d) => d.message),
        [],
      );
    });
  }

  it('suggests the closest field in the message', () => {
    const [d] = diagnose('machin_name:LIX', 'browsers');
    assert.match(d.message, /Did you mean 'machine_name'\?/);
  });

  it('explains which dialect owns a field from the other listing', () => {
    const [d] = diagnose('machine_name:LIX', 'tokens');
    assert.strictEqual(d.code, 'unknown-field');
    assert.match(d.message, /Chrome browser queries/);
    assert.match(d.message, /# dialect: browsers/);
  });

  it('lists every valid enum value as a fix, the closest first and preferred', () => {
    const [d] = diagnose('token_state:EXPIRD', 'tokens');
    assert.deepStrictEqual(
      d.fixes.map((f) => f.edits[0].newText),
      ['EXPIRED', 'ACTIVE', 'REVOKED'],
    );
    assert.deepStrictEqual(
      d.fixes.map((f) => f.preferred === true),
      [true, false, false],
    );
  });

  it('accepts a ParsedQuery as well as text, and reports several problems in order', () => {
    const got = diagnose('Machine_Name:x OR num_extensions:1..2 register:2024-02-30', 'browsers');
    assert.deepStrictEqual(
      got.map((d) => d.code),
      ['field-case', 'or-unsupported', 'numeric-range', 'bad-time'],
    );
  });
});
