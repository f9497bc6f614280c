// Issue 19: the exact output of every diagnostic rule (message, range, severity, each quick fix's title, edits and
// preferred flag), one row per query, for all three dialects. queryDiagnostics.test.ts checks codes and ranges and
// that fixes repair the query; this table pins what the user reads and what a fix writes, so a changed message, a
// lost fix or a fix that becomes (or stops being) the preferred one fails here. Messages follow the rules listed at
// the top of src/query/diagnostics.ts and src/query/chromeManagementRules.ts (the API reference's field:value
// grammar, whole-word matching, no OR/NOT/grouping in v1.1beta1; the v1 filter's operators by field type).
import * as assert from 'assert';
import { diagnose, type DiagnosticCode, type Dialect, type QueryDiagnostic, type QuickFix, type Severity } from '../../src/query';

interface Row {
  dialect: Dialect;
  text: string;
  recentValues?: Record<string, string[]>;
  expected: QueryDiagnostic[];
}

function d(code: DiagnosticCode, severity: Severity, [start, end]: [number, number], message: string, fixes: QuickFix[] = []): QueryDiagnostic {
  return { code, severity, message, range: { start, end }, fixes };
}

/** A quick fix; edits as [start, end, newText]. `preferred` is absent (not false) on the others, as the rules build them. */
function fix(title: string, edits: [number, number, string][], preferred?: true): QuickFix {
  const f: QuickFix = { title, edits: edits.map(([start, end, newText]) => ({ range: { start, end }, newText })) };
  return preferred ? { ...f, preferred } : f;
}

const ROWS: Row[] = [
  {
    dialect: 'browsers',
    text: 'machin_name:LIX',
    expected: [
      d('unknown-field', 'error', [0, 11], "Unknown field 'machin_name'. Did you mean 'machine_name'?", [
        fix("Change to 'machine_name'", [[0, 11, 'machine_name']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'Machine_Name:LIX',
    expected: [
      d('field-case', 'error', [0, 12], "Field names are case sensitive: write 'machine_name', not 'Machine_Name'.", [
        fix("Change to 'machine_name'", [[0, 12, 'machine_name']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'token_state:ACTIVE',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 11],
        "'token_state' is a field of enrollment token queries, not of Chrome browser queries (a .cbcmq file picks its dialect with a first line '# dialect: tokens').",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'annotated_user:alice',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 14],
        "'annotated_user' is a sort (orderBy) or Chrome Management API name; in this query language the field is 'user'.",
        [fix("Change to 'user'", [[0, 14, 'user']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'x last_activity_time:2024-01-01..',
    expected: [
      d(
        'unknown-field',
        'error',
        [2, 20],
        "'last_activity_time' is a sort (orderBy) or Chrome Management API name; in this query language the field is 'last_activity'.",
        [fix("Change to 'last_activity'", [[2, 20, 'last_activity']], true)],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'org_unit_path:/Sales token_state:ACTIVE',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 13],
        "'org_unit_path' is not a query field. The org unit is not part of the query: select an org unit in the CBCM Explorer tree (it becomes the orgUnitPath parameter).",
        [fix('Remove the term', [[0, 21, '']])],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'colour:red',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 6],
        "Unknown field 'colour'. Fields of Chrome browser queries: machine_name, os_platform, arch, os_version, location, user, asset_id, note, register, os, browser_version, enrollment_token, report, sync, num_extensions, num_policies, machine_user, last_activity, has_device_id_collision.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: ':LIX',
    expected: [
      d('missing-field', 'error', [0, 1], "':' needs a field name right before it, with no space (e.g. machine_name:VALUE).", [
        fix("Remove ':'", [[0, 1, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name :LIX',
    expected: [
      d('missing-field', 'error', [13, 14], "':' needs a field name right before it, with no space (e.g. machine_name:VALUE).", [
        fix("Join 'machine_name' and ':'", [[12, 13, '']], true),
        fix("Remove ':'", [[13, 14, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name=LIX',
    expected: [
      d('bad-operator', 'error', [12, 13], "This query language has only 'field:value'; write machine_name:LIX.", [
        fix("Change '=' to ':'", [[12, 13, ':']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register>=2024-01-01',
    expected: [
      d('bad-operator', 'error', [8, 10], "Use a range instead of '>=': register:2024-01-01...", [
        fix('Change to register:2024-01-01..', [[0, 20, 'register:2024-01-01..']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'sync<2024-01-01',
    expected: [
      d('bad-operator', 'error', [4, 5], "Use a range instead of '<': sync:..2024-01-01 (note: ranges include the bound itself, '<' does not).", [
        fix('Change to sync:..2024-01-01', [[0, 15, 'sync:..2024-01-01']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'num_extensions>5',
    expected: [
      d(
        'numeric-range',
        'error',
        [14, 15],
        "The API does not support comparisons or ranges on numbers ('>'): num_extensions matches one exact number.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'os_platform!=Windows',
    expected: [
      d('not-unsupported', 'error', [11, 13], "The API has no '!=': it cannot exclude values. Use os_platform:VALUE to match them.", [
        fix("Change '!=' to ':' (match instead of exclude)", [[11, 13, ':']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'user:x machine_name:',
    expected: [
      d('empty-value', 'error', [7, 20], "'machine_name' has no value: write machine_name:VALUE with no space after ':'.", [
        fix('Remove the empty term', [[6, 20, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name: LIX',
    expected: [
      d('empty-value', 'error', [0, 13], "'machine_name' has no value: write machine_name:VALUE with no space after ':'.", [
        fix("Join with 'LIX' (no space after ':')", [[13, 14, '']], true),
        fix('Remove the empty term', [[0, 14, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'user:""',
    expected: [
      d('empty-value', 'error', [0, 7], "'user' has no value: write user:VALUE with no space after ':'.", [
        fix('Remove the empty term', [[0, 7, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'location:"front desk',
    expected: [
      d('unbalanced-quote', 'error', [9, 20], 'This double quote is never closed, so the rest of the query becomes part of this value. Close it.', [
        fix('Close the quote', [[20, 20, '"']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'LIX "abc def',
    expected: [
      d('unbalanced-quote', 'error', [4, 12], 'This double quote is never closed, so the rest of the query becomes part of this value. Close it.', [
        fix('Close the quote', [[12, 12, '"']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-13-01',
    expected: [
      d(
        'bad-time',
        'error',
        [9, 19],
        "'2024-13-01' is not a real date. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2023-02-29',
    expected: [
      d(
        'bad-time',
        'error',
        [9, 19],
        "'2023-02-29' is not a real date. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2024/1/5',
    expected: [
      d(
        'bad-time',
        'error',
        [9, 17],
        "'2024/1/5' is not a valid time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
        [fix('Change to 2024-01-05', [[9, 17, '2024-01-05']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'report:2024-01-05T10:00',
    expected: [
      d(
        'bad-time',
        'error',
        [7, 23],
        "'2024-01-05T10:00' is not a valid time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
        [fix('Change to 2024-01-05T10:00:00', [[7, 23, '2024-01-05T10:00:00']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'sync:2024-01-05T10:00:00Z',
    expected: [
      d(
        'bad-time',
        'error',
        [5, 25],
        "'2024-01-05T10:00:00Z' is not a valid time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
        [fix('Change to 2024-01-05T10:00:00', [[5, 25, '2024-01-05T10:00:00']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-01-01..2024-02-31',
    expected: [
      d(
        'bad-time',
        'error',
        [21, 31],
        "'2024-02-31' is not a real date. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'last_activity:yesterday',
    expected: [
      d(
        'bad-time',
        'error',
        [14, 23],
        "'yesterday' is not a valid time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-02-01..2024-01-01',
    expected: [
      d('bad-range', 'error', [9, 31], 'This range starts after it ends (2024-02-01 is after 2024-01-01), so nothing can match.', [
        fix('Swap to 2024-01-01..2024-02-01', [[9, 31, '2024-01-01..2024-02-01']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'report:2024-01-01T10:00:00..2024-01-01',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'register:..',
    expected: [d('bad-range', 'error', [9, 11], "'..' alone is not a range: give at least one date (a..b, a.. or ..b).")],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-01-01..2024-01-02..2024-01-03',
    expected: [d('bad-range', 'error', [9, 43], "A range has one '..': a..b, a.. or ..b (register:2024-01-01..2024-01-31).")],
  },
  {
    dialect: 'browsers',
    text: 'sync:2024-01-01...2024-02-01',
    expected: [d('bad-range', 'error', [5, 28], "A range has one '..': a..b, a.. or ..b (sync:2024-01-01..2024-01-31).")],
  },
  {
    dialect: 'browsers',
    text: 'num_policies:1..5',
    expected: [
      d(
        'numeric-range',
        'error',
        [13, 17],
        'The API does not support ranges on numbers: num_policies matches one exact number (e.g. num_policies:0).',
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'num_policies:3..3',
    expected: [
      d(
        'numeric-range',
        'error',
        [13, 17],
        'The API does not support ranges on numbers: num_policies matches one exact number (e.g. num_policies:0).',
        [fix('Change to 3', [[13, 17, '3']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'num_extensions:many',
    expected: [d('bad-number', 'error', [15, 19], "num_extensions takes a whole number (e.g. num_extensions:0), not 'many'.")],
  },
  {
    dialect: 'browsers',
    text: 'has_device_id_collision:yes',
    expected: [
      d('bad-enum', 'error', [24, 27], "'yes' is not a value of has_device_id_collision. Supported values: true, false.", [
        fix("Change to 'true'", [[24, 27, 'true']]),
        fix("Change to 'false'", [[24, 27, 'false']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'has_device_id_collision:TRUE',
    expected: [
      d(
        'enum-case',
        'warning',
        [24, 28],
        "The API documents this value as 'true' and the query is sent with that spelling (stricter servers refuse others); write it that way.",
        [fix("Change to 'true'", [[24, 28, 'true']], true)],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:DELETED',
    expected: [
      d('bad-enum', 'error', [12, 19], "'DELETED' is not a value of token_state. Supported values: ACTIVE, EXPIRED, REVOKED.", [
        fix("Change to 'ACTIVE'", [[12, 19, 'ACTIVE']]),
        fix("Change to 'EXPIRED'", [[12, 19, 'EXPIRED']]),
        fix("Change to 'REVOKED'", [[12, 19, 'REVOKED']]),
      ]),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:REVOKD',
    expected: [
      d('bad-enum', 'error', [12, 18], "'REVOKD' is not a value of token_state. Supported values: ACTIVE, EXPIRED, REVOKED.", [
        fix("Change to 'REVOKED'", [[12, 18, 'REVOKED']], true),
        fix("Change to 'ACTIVE'", [[12, 18, 'ACTIVE']]),
        fix("Change to 'EXPIRED'", [[12, 18, 'EXPIRED']]),
      ]),
    ],
  },
  {
    dialect: 'tokens',
    text: 'device_type:CHROME_OS',
    expected: [
      d('bad-enum', 'error', [12, 21], "'CHROME_OS' is not a value of device_type. Supported values: CHROME_BROWSER.", [
        fix("Change to 'CHROME_BROWSER'", [[12, 21, 'CHROME_BROWSER']]),
      ]),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:revoked',
    expected: [
      d(
        'enum-case',
        'warning',
        [12, 19],
        "The API documents this value as 'REVOKED' and the query is sent with that spelling (stricter servers refuse others); write it that way.",
        [fix("Change to 'REVOKED'", [[12, 19, 'REVOKED']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:A OR machine_name:B',
    expected: [
      d('or-unsupported', 'error', [15, 17], "The API does not support OR ('OR'): every term must match. Run one query per alternative.", [
        fix("Remove 'OR' (all terms must then match)", [[15, 18, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'a | b',
    expected: [
      d('or-unsupported', 'error', [2, 3], "The API does not support OR ('|'): every term must match. Run one query per alternative.", [
        fix("Remove '|' (all terms must then match)", [[2, 4, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:A || machine_name:B',
    expected: [
      d('or-unsupported', 'error', [15, 17], "The API does not support OR ('||'): every term must match. Run one query per alternative.", [
        fix("Remove '||' (all terms must then match)", [[15, 18, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'a or b OR c',
    expected: [
      d('or-unsupported', 'error', [7, 9], "The API does not support OR ('OR'): every term must match. Run one query per alternative.", [
        fix("Remove 'OR' (all terms must then match)", [[7, 10, '']]),
      ]),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:ACTIVE || device_type:CHROME_BROWSER',
    expected: [
      d('or-unsupported', 'error', [19, 21], "The API does not support OR ('||'): every term must match. Run one query per alternative.", [
        fix("Remove '||' (all terms must then match)", [[19, 22, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'a AND b',
    expected: [
      d('and-keyword', 'warning', [2, 5], "Terms are already combined with AND; 'AND' would be searched as a word. Remove it.", [
        fix("Remove 'AND'", [[2, 6, '']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'NOT machine_name:A',
    expected: [
      d('not-unsupported', 'error', [0, 3], "The API does not support NOT ('NOT'): it cannot exclude terms.", [
        fix("Remove 'NOT' (the next term will then be required)", [[0, 4, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: '-LIX',
    expected: [
      d(
        'not-unsupported',
        'warning',
        [0, 1],
        "'-' does not exclude words: the API has no negation and ignores punctuation, so this searches for 'LIX'.",
        [fix("Remove '-'", [[0, 1, '']])],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'REVOKED',
    expected: [
      d(
        'free-term-ignored',
        'warning',
        [0, 7],
        "Enrollment token queries ignore words without a field, so 'REVOKED' does not narrow the list. Use device_type: or token_state:.",
        [fix('Change to token_state:REVOKED', [[0, 7, 'token_state:REVOKED']], true), fix('Remove the word', [[0, 7, '']])],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:mach*',
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 18],
        "The API has no wildcards and matches whole words only (case-insensitive): 'mach*' is searched as 'mach' and will not match longer words.",
        [fix("Remove the wildcard (search for 'mach')", [[13, 18, 'mach']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'LAB* x',
    expected: [
      d(
        'partial-word',
        'warning',
        [0, 4],
        "The API has no wildcards and matches whole words only (case-insensitive): 'LAB*' is searched as 'LAB' and will not match longer words.",
        [fix("Remove the wildcard (search for 'LAB')", [[0, 4, 'LAB']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:mach*',
    recentValues: { machine_name: ['Machine-01'] },
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 18],
        "The API has no wildcards and matches whole words only (case-insensitive): 'mach*' is searched as 'mach' and will not match longer words.",
        [
          fix("Use the whole word 'machine' (seen in the fleet)", [[13, 18, 'machine']]),
          fix("Remove the wildcard (search for 'mach')", [[13, 18, 'mach']]),
        ],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:LAB-mach',
    recentValues: { machine_name: ['LAB-machine-01'] },
    expected: [
      d(
        'partial-word',
        'info',
        [17, 21],
        "'mach' is only the start of 'machine' (seen in the fleet); the API matches whole words, so it will not match it.",
        [fix("Use 'machine'", [[17, 21, 'machine']], true)],
      ),
      d(
        'word-split',
        'hint',
        [13, 21],
        "The API splits 'LAB-mach' at punctuation and spaces into LAB, mach and matches each as a whole word, ignoring case.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'Montr',
    recentValues: { location: ['Montreal'] },
    expected: [
      d(
        'partial-word',
        'info',
        [0, 5],
        "'Montr' is only the start of 'montreal' (seen in the fleet); the API matches whole words, so it will not match it.",
        [fix("Use 'montreal'", [[0, 5, 'montreal']], true)],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:ACTIVE token_state:revoked',
    expected: [
      d(
        'enum-case',
        'warning',
        [31, 38],
        "The API documents this value as 'REVOKED' and the query is sent with that spelling (stricter servers refuse others); write it that way.",
        [fix("Change to 'REVOKED'", [[31, 38, 'REVOKED']], true)],
      ),
      d(
        'conflicting-values',
        'warning',
        [31, 38],
        'token_state cannot be both active and revoked: every term must match, so this query finds nothing. The API has no OR; run one query per value.',
        [fix('Remove this term', [[18, 38, '']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'num_extensions:1 num_extensions:2 x',
    expected: [
      d(
        'conflicting-values',
        'warning',
        [32, 33],
        'num_extensions cannot be both 1 and 2: every term must match, so this query finds nothing. The API has no OR; run one query per value.',
        [fix('Remove this term', [[17, 34, '']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'has_device_id_collision:true has_device_id_collision:true',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:LAB-PC-01',
    expected: [
      d(
        'word-split',
        'hint',
        [13, 22],
        "The API splits 'LAB-PC-01' at punctuation and spaces into LAB, PC, 01 and matches each as a whole word, ignoring case.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:#',
    expected: [
      d('word-split', 'warning', [13, 14], "'#' has no letter or digit: the API ignores punctuation, so this term cannot match as intended."),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name!=LAB',
    expected: [
      d('not-unsupported', 'error', [12, 14], "The filter has no '!=' (negation is not documented). Use machine_name=VALUE to match instead.", [
        fix("Change '!=' to '='", [[12, 14, '=']]),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'extension_count>=3',
    expected: [
      d('numeric-range', 'error', [15, 17], "Integer fields take only '=' or ':' with an exact number: extension_count has no '>='.", [
        fix("Change to '='", [[15, 17, '=']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'extension_count<3',
    expected: [
      d('numeric-range', 'error', [15, 16], "Integer fields take only '=' or ':' with an exact number: extension_count has no '<'.", [
        fix("Change to '='", [[15, 16, '=']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time:2024-01-01',
    expected: [d('bad-operator', 'error', [18, 19], "Timestamps take '=', '<=' or '>='.", [fix("Change ':' to '>='", [[18, 19, '>=']], true)])],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time>"2024-01-01T00:00:00Z"',
    expected: [
      d(
        'bad-operator',
        'error',
        [18, 19],
        "Timestamps take '=', '<=' or '>=' ('>' is not documented for browsers; '>=' includes the bound itself).",
        [fix("Change '>' to '>='", [[18, 19, '>=']], true)],
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time<"2024-01-01T00:00:00Z"',
    expected: [
      d(
        'bad-operator',
        'error',
        [18, 19],
        "Timestamps take '=', '<=' or '>=' ('<' is not documented for browsers; '<=' includes the bound itself).",
        [fix("Change '<' to '<='", [[18, 19, '<=']], true)],
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name<=LAB',
    expected: [
      d('bad-operator', 'error', [12, 14], "machine_name takes '=' or ':' (comparisons are for timestamps only).", [
        fix("Change '<=' to '='", [[12, 14, '=']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=',
    expected: [
      d('empty-value', 'error', [0, 13], "'machine_name' has no value: write machine_name=VALUE with no space after '='.", [
        fix('Remove the empty term', [[0, 13, '']]),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name:""',
    expected: [
      d('empty-value', 'error', [0, 15], "'machine_name' has no value: write machine_name:VALUE with no space after ':'.", [
        fix('Remove the empty term', [[0, 15, '']]),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'extension_count=many',
    expected: [d('bad-number', 'error', [16, 20], 'extension_count takes one whole number, e.g. extension_count=0.')],
  },
  {
    dialect: 'chromemanagement',
    text: 'extension_count=1..3',
    expected: [d('numeric-range', 'error', [16, 20], 'extension_count takes one whole number, e.g. extension_count=0.')],
  },
  {
    dialect: 'chromemanagement',
    text: 'extension_count=4',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'device_id_collision=yes',
    expected: [
      d('bad-enum', 'error', [20, 23], "'yes' is not a value of device_id_collision. Supported values: true, false.", [
        fix("Change to 'true'", [[20, 23, 'true']]),
        fix("Change to 'false'", [[20, 23, 'false']]),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'device_id_collision=true',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=LAB*',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=LAB',
    expected: [
      d(
        'plain-value',
        'info',
        [13, 16],
        'The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring). To find \'LAB\' anywhere in machine_name under any reading, write "*LAB*".',
        [fix('Change to "*LAB*"', [[13, 16, '"*LAB*"']])],
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'annotated_user=alice',
    expected: [
      d(
        'plain-value',
        'info',
        [15, 20],
        "The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring). If it is the whole value, this finds only browsers whose annotated_user is exactly 'alice'; annotated_user has no documented wildcard to ask for a word inside it.",
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'annotated_user=ali*',
    expected: [
      d(
        'partial-word',
        'error',
        [15, 19],
        'Wildcards (*) work only on machine_name, annotated_asset_id and browser_version, not on annotated_user.',
        [fix("Remove '*'", [[15, 19, 'ali']])],
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=a*b',
    expected: [d('partial-word', 'error', [13, 16], "'*' may only start or end the value (prefix*, *suffix, *part*), or stand alone.")],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=*',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=*LAB*',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'org_unit_path=/Sales',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time>=2024-01-01T00:00:00Z',
    expected: [
      d('bad-time', 'hint', [20, 40], 'The REST reference writes timestamps in double quotes; the unquoted form appears only in a sample.', [
        fix('Add double quotes', [[20, 40, '"2024-01-01T00:00:00Z"']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time>="2024-01-01T00:00:00Z"',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time>="2024-13-01T00:00:00Z"',
    expected: [
      d(
        'bad-time',
        'error',
        [20, 42],
        '\'2024-13-01T00:00:00Z\' is not an RFC 3339 time with a zone; write e.g. "2026-01-01T00:00:00Z" (in double quotes).',
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time>=2024-01-05',
    expected: [
      d('bad-time', 'error', [20, 30], '\'2024-01-05\' is not an RFC 3339 time with a zone; write e.g. "2026-01-01T00:00:00Z" (in double quotes).', [
        fix('Change to "2024-01-05T00:00:00Z"', [[20, 30, '"2024-01-05T00:00:00Z"']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time>=yesterday',
    expected: [
      d('bad-time', 'error', [20, 29], '\'yesterday\' is not an RFC 3339 time with a zone; write e.g. "2026-01-01T00:00:00Z" (in double quotes).'),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time=2024-01-01..2024-02-01',
    expected: [
      d('bad-range', 'error', [19, 41], "The filter has no 'a..b' ranges: AND a '>=' and a '<=' comparison on last_activity_time.", [
        fix(
          'Change to last_activity_time>="2024-01-01T00:00:00Z" AND last_activity_time<="2024-02-01T23:59:59.999Z"',
          [[0, 41, 'last_activity_time>="2024-01-01T00:00:00Z" AND last_activity_time<="2024-02-01T23:59:59.999Z"']],
          true,
        ),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time=2024-01-01..',
    expected: [
      d('bad-range', 'error', [19, 31], "The filter has no 'a..b' ranges: AND a '>=' and a '<=' comparison on last_activity_time.", [
        fix('Change to last_activity_time>="2024-01-01T00:00:00Z"', [[0, 31, 'last_activity_time>="2024-01-01T00:00:00Z"']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time=..2024-02-01',
    expected: [
      d('bad-range', 'error', [19, 31], "The filter has no 'a..b' ranges: AND a '>=' and a '<=' comparison on last_activity_time.", [
        fix('Change to last_activity_time<="2024-02-01T23:59:59.999Z"', [[0, 31, 'last_activity_time<="2024-02-01T23:59:59.999Z"']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'last_activity_time=2024-01-01..bad',
    expected: [d('bad-range', 'error', [19, 34], "The filter has no 'a..b' ranges: AND a '>=' and a '<=' comparison on last_activity_time.")],
  },
  {
    dialect: 'chromemanagement',
    text: '-LAB',
    expected: [
      d('not-unsupported', 'error', [0, 1], "Negation ('-') is not documented for the filter; it cannot exclude words.", [
        fix("Remove '-'", [[0, 1, '']]),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'in_group("groups/abc")',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'in_group(abc)',
    expected: [d('bad-function', 'error', [0, 13], 'Write in_group("groups/GROUP_ID") with the group id in double quotes.')],
  },
  {
    dialect: 'chromemanagement',
    text: 'has(x)',
    expected: [d('bad-function', 'error', [0, 6], 'Unknown function \'has\': the filter knows only in_group("groups/GROUP_ID").')],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=LAB extension_count=3',
    expected: [
      d(
        'plain-value',
        'info',
        [13, 16],
        'The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring). To find \'LAB\' anywhere in machine_name under any reading, write "*LAB*".',
        [fix('Change to "*LAB*"', [[13, 16, '"*LAB*"']])],
      ),
      d('and-keyword', 'warning', [17, 34], 'Join conditions with AND: the filter only documents whitespace between bare search words.', [
        fix('Insert AND', [[17, 17, 'AND ']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name=LAB AND extension_count=3',
    expected: [
      d(
        'plain-value',
        'info',
        [13, 16],
        'The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring). To find \'LAB\' anywhere in machine_name under any reading, write "*LAB*".',
        [fix('Change to "*LAB*"', [[13, 16, '"*LAB*"']])],
      ),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'LAB PC',
    expected: [],
  },
  {
    dialect: 'chromemanagement',
    text: 'LAB machine_name=PC',
    expected: [
      d(
        'plain-value',
        'info',
        [17, 19],
        'The reference does not say what a plain value matches (a whole word as in v1.1beta1, the whole value, a prefix or a substring). To find \'PC\' anywhere in machine_name under any reading, write "*PC*".',
        [fix('Change to "*PC*"', [[17, 19, '"*PC*"']])],
      ),
      d('and-keyword', 'warning', [4, 19], 'Join conditions with AND: the filter only documents whitespace between bare search words.', [
        fix('Insert AND', [[4, 4, 'AND ']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'LAB OR PC',
    expected: [
      d('or-unsupported', 'error', [4, 6], "The API does not support OR ('OR'): every term must match. Run one query per alternative.", [
        fix("Remove 'OR' (all terms must then match)", [[4, 7, '']]),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_nam=LAB',
    expected: [
      d('unknown-field', 'error', [0, 11], "Unknown field 'machine_nam'. Did you mean 'machine_name'?", [
        fix("Change to 'machine_name'", [[0, 11, 'machine_name']], true),
      ]),
    ],
  },
  {
    dialect: 'chromemanagement',
    text: 'machine_name:"LAB',
    expected: [
      d('unbalanced-quote', 'error', [13, 17], 'This double quote is never closed, so the rest of the query becomes part of this value. Close it.', [
        fix('Close the quote', [[17, 17, '"']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: '(machine_name:LAB',
    expected: [
      d(
        'grouping-unsupported',
        'warning',
        [0, 17],
        "The API has no parentheses or grouping: they are punctuation, so '(machine_name:LAB' is searched as the words 'machine name LAB' in any field ('machine_name:' is not read as a field behind '('). Every term must match anyway; remove them.",
        [fix('Remove the parentheses', [[0, 17, 'machine_name:LAB']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: '(a b)',
    expected: [
      d(
        'grouping-unsupported',
        'warning',
        [0, 2],
        "The API has no parentheses or grouping: they are punctuation, so '(a' is searched as the word 'a' in any field. Every term must match anyway; remove them.",
        [fix('Remove the parentheses', [[0, 2, 'a']], true)],
      ),
      d(
        'grouping-unsupported',
        'warning',
        [3, 5],
        "The API has no parentheses or grouping: they are punctuation, so 'b)' is searched as the word 'b' in any field. Every term must match anyway; remove them.",
        [fix('Remove the parentheses', [[3, 5, 'b']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:(LAB)',
    expected: [
      d(
        'grouping-unsupported',
        'warning',
        [13, 18],
        "The API has no parentheses or grouping: they are punctuation, so '(LAB)' is searched as the word 'LAB'. Every term must match anyway; remove them.",
        [fix('Remove the parentheses', [[13, 18, 'LAB']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: '(os_platform:Windows)',
    expected: [
      d(
        'grouping-unsupported',
        'warning',
        [0, 21],
        "The API has no parentheses or grouping: they are punctuation, so '(os_platform:Windows)' is searched as the words 'os platform Windows' in any field ('os_platform:' is not read as a field behind '('). Every term must match anyway; remove them.",
        [fix('Remove the parentheses', [[0, 21, 'os_platform:Windows']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: '()',
    expected: [
      d(
        'grouping-unsupported',
        'warning',
        [0, 2],
        "The API has no parentheses or grouping: they are punctuation, so '()' constrains nothing. Every term must match anyway; remove them.",
        [fix('Remove the term', [[0, 2, '']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'user:"front desk"',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'user:"a.b"',
    expected: [
      d('word-split', 'hint', [5, 10], "The API splits 'a.b' at punctuation and spaces into a, b and matches each as a whole word, ignoring case."),
    ],
  },
  {
    dialect: 'browsers',
    text: 'user:LAB',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'note:x && y',
    expected: [
      d('and-keyword', 'warning', [7, 9], "Terms are already combined with AND; '&&' would be searched as a word. Remove it.", [
        fix("Remove '&&'", [[7, 10, '']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'a ! b',
    expected: [
      d('not-unsupported', 'error', [2, 3], "The API does not support NOT ('!'): it cannot exclude terms.", [
        fix("Remove '!' (the next term will then be required)", [[2, 4, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'a & b',
    expected: [
      d('and-keyword', 'warning', [2, 3], "Terms are already combined with AND; '&' would be searched as a word. Remove it.", [
        fix("Remove '&'", [[2, 4, '']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register<=2024-01-31',
    expected: [
      d('bad-operator', 'error', [8, 10], "Use a range instead of '<=': register:..2024-01-31.", [
        fix('Change to register:..2024-01-31', [[0, 20, 'register:..2024-01-31']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register>2024-01-31',
    expected: [
      d('bad-operator', 'error', [8, 9], "Use a range instead of '>': register:2024-01-31.. (note: ranges include the bound itself, '>' does not).", [
        fix('Change to register:2024-01-31..', [[0, 19, 'register:2024-01-31..']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register=2024-01-31',
    expected: [
      d('bad-operator', 'error', [8, 9], "This query language has only 'field:value'; write register:2024-01-31.", [
        fix("Change '=' to ':'", [[8, 9, ':']], true),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register<',
    expected: [
      d('bad-operator', 'error', [8, 9], "Use a range instead of '<': register:.. (note: ranges include the bound itself, '<' does not)."),
      d('empty-value', 'error', [0, 9], "'register' has no value: write register:VALUE with no space after '<'.", [
        fix('Remove the empty term', [[0, 9, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'num_extensions<=5',
    expected: [
      d(
        'numeric-range',
        'error',
        [14, 16],
        "The API does not support comparisons or ranges on numbers ('<='): num_extensions matches one exact number.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'num_extensions:05 num_extensions:5',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'num_extensions:abc num_extensions:5',
    expected: [d('bad-number', 'error', [15, 18], "num_extensions takes a whole number (e.g. num_extensions:0), not 'abc'.")],
  },
  {
    dialect: 'browsers',
    text: 'has_device_id_collision:True has_device_id_collision:false',
    expected: [
      d(
        'enum-case',
        'warning',
        [24, 28],
        "The API documents this value as 'true' and the query is sent with that spelling (stricter servers refuse others); write it that way.",
        [fix("Change to 'true'", [[24, 28, 'true']], true)],
      ),
      d(
        'conflicting-values',
        'warning',
        [53, 58],
        'has_device_id_collision cannot be both true and false: every term must match, so this query finds nothing. The API has no OR; run one query per value.',
        [fix('Remove this term', [[28, 58, '']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'os_architecture:x86',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 15],
        "'os_architecture' is a sort (orderBy) or Chrome Management API name; in this query language the field is 'arch'.",
        [fix("Change to 'arch'", [[0, 15, 'arch']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name::LAB',
    expected: [
      d('word-split', 'hint', [13, 17], "The API splits ':LAB' at punctuation and spaces into LAB and matches each as a whole word, ignoring case."),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:  ',
    expected: [
      d('empty-value', 'error', [0, 13], "'machine_name' has no value: write machine_name:VALUE with no space after ':'.", [
        fix('Remove the empty term', [[0, 15, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name: ',
    expected: [
      d('empty-value', 'error', [0, 13], "'machine_name' has no value: write machine_name:VALUE with no space after ':'.", [
        fix('Remove the empty term', [[0, 14, '']]),
      ]),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-1-5',
    expected: [
      d(
        'bad-time',
        'error',
        [9, 17],
        "'2024-1-5' is not a valid time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
        [fix('Change to 2024-01-05', [[9, 17, '2024-01-05']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:20240105',
    expected: [
      d(
        'bad-time',
        'error',
        [9, 17],
        "'20240105' is not a valid time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-01-01T25:00:00',
    expected: [
      d(
        'bad-time',
        'error',
        [9, 28],
        "'2024-01-01T25:00:00' is not a real date and time. Times are YYYY-MM-DD or YYYY-MM-DDThh:mm:ss (no time zone), or relative to now: -7d (days), -2w (weeks), -12h (hours).",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'register:-7d',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'register:2024-01-01..2024-01-01',
    expected: [],
  },
  {
    dialect: 'tokens',
    text: 'LIX token_state:ACTIVE',
    expected: [
      d(
        'free-term-ignored',
        'warning',
        [0, 3],
        "Enrollment token queries ignore words without a field, so 'LIX' does not narrow the list. Use device_type: or token_state:.",
        [fix('Remove the word', [[0, 4, '']])],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:Active',
    expected: [
      d(
        'enum-case',
        'warning',
        [12, 18],
        "The API documents this value as 'ACTIVE' and the query is sent with that spelling (stricter servers refuse others); write it that way.",
        [fix("Change to 'ACTIVE'", [[12, 18, 'ACTIVE']], true)],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'token_state:',
    expected: [
      d('empty-value', 'error', [0, 12], "'token_state' has no value: write token_state:VALUE with no space after ':'.", [
        fix('Remove the empty term', [[0, 12, '']]),
      ]),
    ],
  },
  {
    dialect: 'tokens',
    text: 'device_type:chrome_browser device_type:CHROME_BROWSER',
    expected: [
      d(
        'enum-case',
        'warning',
        [12, 26],
        "The API documents this value as 'CHROME_BROWSER' and the query is sent with that spelling (stricter servers refuse others); write it that way.",
        [fix("Change to 'CHROME_BROWSER'", [[12, 26, 'CHROME_BROWSER']], true)],
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'machine_name:LAB',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 12],
        "'machine_name' is a field of Chrome browser queries, not of enrollment token queries (a .cbcmq file picks its dialect with a first line '# dialect: browsers').",
      ),
    ],
  },
  {
    dialect: 'tokens',
    text: 'org_unit_path:/Sales/East',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 13],
        "'org_unit_path' is not a query field. The org unit is not part of the query: select an org unit in the CBCM Explorer tree (it becomes the orgUnitPath parameter).",
        [fix('Remove the term', [[0, 25, '']])],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'org_unit_path:/Sales',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 13],
        "'org_unit_path' is not a query field. The org unit is not part of the query: select an org unit in the CBCM Explorer tree (it becomes the orgUnitPath parameter).",
        [fix('Remove the term', [[0, 20, '']])],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'org_unit:/Sales',
    expected: [
      d(
        'unknown-field',
        'error',
        [0, 8],
        "'org_unit' is not a query field. The org unit is not part of the query: select an org unit in the CBCM Explorer tree (it becomes the orgUnitPath parameter).",
        [fix('Remove the term', [[0, 15, '']])],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:LAB*',
    recentValues: { machine_name: ['LAB-machine-01', 'labyrinth', 'LABEL', 'lab'] },
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 17],
        "The API has no wildcards and matches whole words only (case-insensitive): 'LAB*' is searched as 'LAB' and will not match longer words.",
        [
          fix("Use the whole word 'labyrinth' (seen in the fleet)", [[13, 17, 'labyrinth']]),
          fix("Use the whole word 'label' (seen in the fleet)", [[13, 17, 'label']]),
          fix("Remove the wildcard (search for 'LAB')", [[13, 17, 'LAB']]),
        ],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:*',
    recentValues: { machine_name: ['LAB-1'] },
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 14],
        "The API has no wildcards and matches whole words only (case-insensitive): '*' is searched as nothing and will not match longer words.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:"la*"',
    recentValues: { machine_name: ['label lab'] },
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 18],
        "The API has no wildcards and matches whole words only (case-insensitive): 'la*' is searched as 'la' and will not match longer words.",
        [
          fix("Use the whole word 'label' (seen in the fleet)", [[13, 18, 'label']]),
          fix("Use the whole word 'lab' (seen in the fleet)", [[13, 18, 'lab']]),
          fix("Remove the wildcard (search for 'la')", [[13, 18, 'la']]),
        ],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:lab',
    recentValues: { machine_name: ['label', 'Labyrinth', 'lab-x', 'laboratory', 'labs'] },
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:"lab"',
    recentValues: { machine_name: ['label'] },
    expected: [
      d(
        'partial-word',
        'info',
        [13, 18],
        "'lab' is only the start of 'label' (seen in the fleet); the API matches whole words, so it will not match it.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'lab',
    recentValues: { machine_name: ['label'], user: ['laborer'], num_extensions: ['lab3'] },
    expected: [
      d(
        'partial-word',
        'info',
        [0, 3],
        "'lab' is only the start of 'label', 'laborer' (seen in the fleet); the API matches whole words, so it will not match them.",
        [fix("Use 'label'", [[0, 3, 'label']], true), fix("Use 'laborer'", [[0, 3, 'laborer']])],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:lab-pc',
    recentValues: { machine_name: ['lab-pcs'] },
    expected: [
      d(
        'partial-word',
        'info',
        [17, 19],
        "'pc' is only the start of 'pcs' (seen in the fleet); the API matches whole words, so it will not match it.",
        [fix("Use 'pcs'", [[17, 19, 'pcs']], true)],
      ),
      d(
        'word-split',
        'hint',
        [13, 19],
        "The API splits 'lab-pc' at punctuation and spaces into lab, pc and matches each as a whole word, ignoring case.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:a.b',
    expected: [
      d('word-split', 'hint', [13, 16], "The API splits 'a.b' at punctuation and spaces into a, b and matches each as a whole word, ignoring case."),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:"a b"',
    expected: [],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:"a-b c"',
    expected: [
      d(
        'word-split',
        'hint',
        [13, 20],
        "The API splits 'a-b c' at punctuation and spaces into a, b, c and matches each as a whole word, ignoring case.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:-LAB',
    expected: [
      d('word-split', 'hint', [13, 17], "The API splits '-LAB' at punctuation and spaces into LAB and matches each as a whole word, ignoring case."),
    ],
  },
  {
    dialect: 'browsers',
    text: 'machine_name:***',
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 16],
        "The API has no wildcards and matches whole words only (case-insensitive): '***' is searched as nothing and will not match longer words.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'm?ch',
    expected: [
      d(
        'partial-word',
        'warning',
        [0, 4],
        "The API has no wildcards and matches whole words only (case-insensitive): 'm?ch' is searched as 'm ch' and will not match longer words.",
        [fix("Remove the wildcard (search for 'm ch')", [[0, 4, '"m ch"']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'ma%',
    expected: [
      d(
        'partial-word',
        'warning',
        [0, 3],
        "The API has no wildcards and matches whole words only (case-insensitive): 'ma%' is searched as 'ma' and will not match longer words.",
        [fix("Remove the wildcard (search for 'ma')", [[0, 3, 'ma']], true)],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: '*',
    expected: [
      d(
        'partial-word',
        'warning',
        [0, 1],
        "The API has no wildcards and matches whole words only (case-insensitive): '*' is searched as nothing and will not match longer words.",
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: '-',
    expected: [d('word-split', 'warning', [0, 1], "'-' has no letter or digit: the API ignores punctuation, so this term cannot match as intended.")],
  },
  {
    dialect: 'browsers',
    text: '"-LAB"',
    expected: [
      d('word-split', 'hint', [0, 6], "The API splits '-LAB' at punctuation and spaces into LAB and matches each as a whole word, ignoring case."),
    ],
  },
  {
    dialect: 'browsers',
    text: '-(LAB)',
    expected: [
      d(
        'grouping-unsupported',
        'warning',
        [0, 6],
        "The API has no parentheses or grouping: they are punctuation, so '-(LAB)' is searched as the word 'LAB' in any field. Every term must match anyway; remove them.",
        [fix('Remove the parentheses', [[0, 6, '-LAB']], true)],
      ),
    ],
  },
  // At most three fleet words are offered; a word with no longer fleet word gets no hint; spaces inside quotes split.
  {
    dialect: 'browsers',
    text: 'machine_name:lab*',
    recentValues: { machine_name: ['label', 'labs', 'labrador', 'laboratory'] },
    expected: [
      d(
        'partial-word',
        'warning',
        [13, 17],
        "The API has no wildcards and matches whole words only (case-insensitive): 'lab*' is searched as 'lab' and will not match longer words.",
        [
          fix("Use the whole word 'label' (seen in the fleet)", [[13, 17, 'label']]),
          fix("Use the whole word 'labs' (seen in the fleet)", [[13, 17, 'labs']]),
          fix("Use the whole word 'labrador' (seen in the fleet)", [[13, 17, 'labrador']]),
          fix("Remove the wildcard (search for 'lab')", [[13, 17, 'lab']]),
        ],
      ),
    ],
  },
  {
    dialect: 'browsers',
    text: 'lab',
    recentValues: { machine_name: ['label', 'labs'], user: ['labrador', 'laboratory'] },
    expected: [
      d(
        'partial-word',
        'info',
        [0, 3],
        "'lab' is only the start of 'label', 'labs', 'labrador' (seen in the fleet); the API matches whole words, so it will not match them.",
        [fix("Use 'label'", [[0, 3, 'label']], true), fix("Use 'labs'", [[0, 3, 'labs']]), fix("Use 'labrador'", [[0, 3, 'labrador']])],
      ),
    ],
  },
  { dialect: 'browsers', text: 'machine_name:xyz', recentValues: { machine_name: ['label'] }, expected: [] },
  {
    dialect: 'browsers',
    text: 'machine_name:" lab "',
    expected: [
      d('word-split', 'hint', [13, 20], "The API splits ' lab ' at punctuation and spaces into lab and matches each as a whole word, ignoring case."),
    ],
  },
];

describe('query diagnostics: exact output of each rule', () => {
  for (const row of ROWS) {
    it(`${row.dialect}: ${row.text}${row.recentValues ? ' (with fleet values)' : ''}`, () => {
      // Fresh copies each time: the rules cache fleet words per values object, and a cache filled by an earlier run
      // would hide a change in how it is filled.
      const recentValues = row.recentValues && Object.fromEntries(Object.entries(row.recentValues).map(([k, v]) => [k, [...v]]));
      assert.deepStrictEqual(diagnose(row.text, row.dialect, { recentValues }), row.expected);
    });
  }
});
