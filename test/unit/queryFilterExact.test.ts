// Issue 19: the exact v1 filter, notes, caveats and untranslatable sentences the conversion from a v1.1beta1 query
// gives (src/query/chromeManagementFilter.ts; the v1 reference's filter grammar: `=`/`:` on strings, integers and
// booleans, `>=`/`<=` on RFC 3339 timestamps, conditions joined by AND, `"*…*"` documented as a substring match on
// machine_name, annotated_asset_id and browser_version), and the Convert document built from it. Relative dates are
// left out here (they resolve against the clock; relativeDates is tested with a fixed "now").
import * as assert from 'assert';
import {
  chromeManagementFilterDocument,
  convertToChromeManagementFilter,
  convertTokenQueryToChromeManagementFilter,
  type FilterConversion,
} from '../../src/query';
import { quote } from '../../src/query/chromeManagementFilter';

const BROWSER_ROWS: [string, Partial<FilterConversion> & { filter: string }][] = [
  [
    'machine_name:LAB',
    {
      filter: 'machine_name:"*LAB*"',
      wholeWords: [{ field: 'machine_name', value: 'LAB' }],
      notes: [
        'machine_name:LAB is sent as machine_name:"*LAB*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where LAB is a whole word.',
      ],
    },
  ],
  [
    'machine_name:"LAB PC"',
    {
      filter: 'machine_name:"*LAB*" AND machine_name:"*PC*"',
      wholeWords: [{ field: 'machine_name', value: 'LAB PC' }],
      notes: [
        'machine_name:"LAB PC" is sent as machine_name:"*LAB*" AND machine_name:"*PC*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where LAB PC is a whole word.',
      ],
    },
  ],
  [
    'machine_name:LAB-PC',
    {
      filter: 'machine_name:"*LAB*" AND machine_name:"*PC*"',
      wholeWords: [{ field: 'machine_name', value: 'LAB-PC' }],
      notes: [
        'machine_name:LAB-PC is sent as machine_name:"*LAB*" AND machine_name:"*PC*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where LAB-PC is a whole word.',
      ],
    },
  ],
  [
    'user:alice',
    {
      filter: 'annotated_user:alice',
      wholeWords: [{ field: 'annotated_user', value: 'alice' }],
      caveats: [
        'user:alice is sent as annotated_user:alice. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose annotated_user only contains alice among other words is not found, and annotated_user has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'user:"a b"',
    {
      filter: 'annotated_user:"a b"',
      wholeWords: [{ field: 'annotated_user', value: 'a b' }],
      caveats: [
        'user:"a b" is sent as annotated_user:"a b". The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose annotated_user only contains a b among other words is not found, and annotated_user has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'location:Room',
    {
      filter: 'annotated_location:Room',
      wholeWords: [{ field: 'annotated_location', value: 'Room' }],
      caveats: [
        'location:Room is sent as annotated_location:Room. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose annotated_location only contains Room among other words is not found, and annotated_location has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'os_platform:Windows',
    {
      filter: 'os_platform:Windows',
      wholeWords: [{ field: 'os_platform', value: 'Windows' }],
      caveats: [
        'os_platform:Windows is sent as os_platform:Windows. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose os_platform only contains Windows among other words is not found, and os_platform has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'arch:x86_64',
    {
      filter: 'os_architecture:x86_64',
      wholeWords: [{ field: 'os_architecture', value: 'x86_64' }],
      caveats: [
        'arch:x86_64 is sent as os_architecture:x86_64. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose os_architecture only contains x86_64 among other words is not found, and os_architecture has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'note:x',
    {
      filter: 'annotated_note:x',
      wholeWords: [{ field: 'annotated_note', value: 'x' }],
      caveats: [
        'note:x is sent as annotated_note:x. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose annotated_note only contains x among other words is not found, and annotated_note has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'asset_id:A-1',
    {
      filter: 'annotated_asset_id:"*A*" AND annotated_asset_id:"*1*"',
      wholeWords: [{ field: 'annotated_asset_id', value: 'A-1' }],
      notes: [
        'asset_id:A-1 is sent as annotated_asset_id:"*A*" AND annotated_asset_id:"*1*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where A-1 is a whole word.',
      ],
    },
  ],
  [
    'browser_version:120.0.6099',
    {
      filter: 'browser_version:"*120*" AND browser_version:"*6099*"',
      wholeWords: [{ field: 'browser_version', value: '120.0.6099' }],
      notes: [
        'browser_version:120.0.6099 is sent as browser_version:"*120*" AND browser_version:"*6099*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where 120.0.6099 is a whole word.',
      ],
    },
  ],
  [
    'os_version:10',
    {
      filter: 'os_version:10',
      wholeWords: [{ field: 'os_version', value: '10' }],
      caveats: [
        'os_version:10 is sent as os_version:10. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose os_version only contains 10 among other words is not found, and os_version has no documented wildcard to ask for it.',
      ],
    },
  ],
  ['register:2024-01-01', { filter: 'last_registration_time>="2024-01-01T00:00:00Z" AND last_registration_time<="2024-01-01T23:59:59.999Z"' }],
  [
    'register:2024-01-01..2024-02-01',
    { filter: 'last_registration_time>="2024-01-01T00:00:00Z" AND last_registration_time<="2024-02-01T23:59:59.999Z"' },
  ],
  ['sync:..2024-02-01', { filter: 'last_policy_fetch_time<="2024-02-01T23:59:59.999Z"' }],
  ['report:2024-01-01T10:00:00..', { filter: 'last_status_report_time>="2024-01-01T10:00:00Z"' }],
  [
    'register:2024-13-01',
    { filter: '', untranslatable: ["register:2024-13-01: '2024-13-01' is not a real date; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss."] },
  ],
  ['register:..', { filter: '', untranslatable: ['register:..: a range is written a..b, a.. or ..b.'] }],
  ['register:a..b..c', { filter: '', untranslatable: ['register:a..b..c: a range is written a..b, a.. or ..b.'] }],
  [
    'register:2024-01-01..bad',
    { filter: '', untranslatable: ["register:2024-01-01..bad: 'bad' is not a valid time; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss."] },
  ],
  [
    'register:bad..2024-01-01',
    { filter: '', untranslatable: ["register:bad..2024-01-01: 'bad' is not a valid time; use YYYY-MM-DD or YYYY-MM-DDThh:mm:ss."] },
  ],
  ['num_extensions:3', { filter: 'extension_count=3' }],
  ['num_extensions:x', { filter: '', untranslatable: ['num_extensions:x: num_extensions takes a whole number (neither API has numeric ranges).'] }],
  ['num_policies:0', { filter: 'policy_count=0' }],
  ['has_device_id_collision:true', { filter: 'device_id_collision=true' }],
  ['has_device_id_collision:TRUE', { filter: 'device_id_collision=true' }],
  ['has_device_id_collision:yes', { filter: '', untranslatable: ['has_device_id_collision:yes: has_device_id_collision takes true or false.'] }],
  ['colour:red', { filter: '', untranslatable: ['colour:red: "colour" is not a Chrome browser query field, so there is nothing to translate.'] }],
  ['machine_name=LAB', { filter: '', untranslatable: ['machine_name=LAB: v1.1beta1 queries only use ":"; fix the query first.'] }],
  ['machine_name:', { filter: '', untranslatable: ['machine_name:: the term has no value.'] }],
  ['machine_name:""', { filter: '', untranslatable: ['machine_name:"": the term has no value.'] }],
  [
    'machine_name:LAB*',
    {
      filter: '',
      untranslatable: [
        'machine_name:LAB*: "*" would become a wildcard in the Chrome Management filter; remove it or write the wildcard deliberately.',
      ],
    },
  ],
  ['LAB', { filter: 'LAB' }],
  ['"LAB PC"', { filter: '"LAB PC"' }],
  ['LAB*', { filter: '', untranslatable: ['LAB*: "*" has a meaning in the Chrome Management filter that it did not have before.'] }],
  ['AND', { filter: '' }],
  ['a OR b', { filter: 'a AND b', untranslatable: ['OR: neither API supports OR; the filter combines conditions with AND only.'] }],
  ['NOT a', { filter: 'a', untranslatable: ['NOT: neither API supports NOT; the filter combines conditions with AND only.'] }],
  [
    'machine_user:bob',
    {
      filter: 'last_device_user:bob',
      caveats: [
        'machine_user:bob is sent as last_device_user:bob. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose last_device_user only contains bob among other words is not found, and last_device_user has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'os:Windows',
    {
      filter: 'os_platform_version:Windows',
      caveats: [
        'os:Windows is sent as os_platform_version:Windows. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose os_platform_version only contains Windows among other words is not found, and os_platform_version has no documented wildcard to ask for it.',
      ],
    },
  ],
  [
    'enrollment_token:abc',
    { filter: '', untranslatable: ['enrollment_token: the Chrome Management API cannot filter browsers by the enrollment token they used.'] },
  ],
  [
    'machine_name:AND',
    {
      filter: 'machine_name:"*AND*"',
      wholeWords: [{ field: 'machine_name', value: 'AND' }],
      notes: [
        'machine_name:AND is sent as machine_name:"*AND*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where AND is a whole word.',
      ],
    },
  ],
  ['machine_name:#', { filter: '' }],
  [
    'machine_name:LAB user:bob',
    {
      filter: 'machine_name:"*LAB*" AND annotated_user:bob',
      wholeWords: [
        { field: 'machine_name', value: 'LAB' },
        { field: 'annotated_user', value: 'bob' },
      ],
      notes: [
        'machine_name:LAB is sent as machine_name:"*LAB*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where LAB is a whole word.',
      ],
      caveats: [
        'user:bob is sent as annotated_user:bob. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose annotated_user only contains bob among other words is not found, and annotated_user has no documented wildcard to ask for it.',
      ],
    },
  ],
  ['', { filter: '' }],
];

const TOKEN_ROWS: [string, string, string[]][] = [
  ['token_state:ACTIVE', 'token_state=ACTIVE', []],
  ['token_state:revoked', 'token_state=REVOKED', []],
  ['device_type:CHROME_BROWSER', 'device_type=CHROME_BROWSER', []],
  ['token_state:ACTIVE device_type:CHROME_BROWSER', 'token_state=ACTIVE AND device_type=CHROME_BROWSER', []],
  ['LAB', '', []],
  ['token_state:', '', ['token_state:: not an enrollment-token filter (use device_type:CHROME_BROWSER or token_state:ACTIVE|EXPIRED|REVOKED).']],
  [
    'token_state=ACTIVE',
    '',
    ['token_state=ACTIVE: not an enrollment-token filter (use device_type:CHROME_BROWSER or token_state:ACTIVE|EXPIRED|REVOKED).'],
  ],
  ['colour:x', '', ['colour:x: not an enrollment-token filter (use device_type:CHROME_BROWSER or token_state:ACTIVE|EXPIRED|REVOKED).']],
];

const DOCUMENT_ROWS: [string, string[]][] = [
  [
    'machine_name:LAB register:2024-01-01..',
    [
      '# dialect: chromemanagement',
      '# Converted from a v1.1beta1 query by CBCM Explorer: the last line is the filter exactly as the explorer sends it',
      '# (listing one org unit puts org_unit_path=... in front).',
      '# Everything was translated.',
      '# Rewritten: machine_name:LAB is sent as machine_name:"*LAB*": the reference documents "*…*" as a substring match, so it finds every browser the whole-word query found whatever a plain ":" means; CBCM Explorer then keeps only those where LAB is a whole word.',
      '# Kept to whole words by the explorer (v1.1beta1 meaning): machine_name.',
      'machine_name:"*LAB*" AND last_registration_time>="2024-01-01T00:00:00Z"',
      '',
    ],
  ],
  [
    'colour:red',
    [
      '# dialect: chromemanagement',
      '# Converted from a v1.1beta1 query by CBCM Explorer: the last line is the filter exactly as the explorer sends it',
      '# (listing one org unit puts org_unit_path=... in front).',
      '# Not translated: colour:red: "colour" is not a Chrome browser query field, so there is nothing to translate.',
      '# (nothing left to filter on)',
      '',
    ],
  ],
  [
    '',
    [
      '# dialect: chromemanagement',
      '# Converted from a v1.1beta1 query by CBCM Explorer: the last line is the filter exactly as the explorer sends it',
      '# (listing one org unit puts org_unit_path=... in front).',
      '# Everything was translated.',
      '# (nothing left to filter on)',
      '',
    ],
  ],
  [
    'user:bob',
    [
      '# dialect: chromemanagement',
      '# Converted from a v1.1beta1 query by CBCM Explorer: the last line is the filter exactly as the explorer sends it',
      '# (listing one org unit puts org_unit_path=... in front).',
      '# Everything was translated.',
      '# Kept to whole words by the explorer (v1.1beta1 meaning): annotated_user.',
      '# May find fewer: user:bob is sent as annotated_user:bob. The reference does not say what a plain ":" matches: if it compares whole values (or prefixes), a browser whose annotated_user only contains bob among other words is not found, and annotated_user has no documented wildcard to ask for it.',
      'annotated_user:bob',
      '',
    ],
  ],
];

describe('v1 filter conversion: exact output', () => {
  for (const [query, want] of BROWSER_ROWS) {
    it(`browsers: ${query || '(empty)'}`, () => {
      assert.deepStrictEqual(convertToChromeManagementFilter(query), { untranslatable: [], wholeWords: [], notes: [], caveats: [], ...want });
    });
  }
  for (const [query, filter, untranslatable] of TOKEN_ROWS) {
    it(`tokens: ${query}`, () => {
      assert.deepStrictEqual(convertTokenQueryToChromeManagementFilter(query), { filter, untranslatable, wholeWords: [], notes: [], caveats: [] });
    });
  }
  for (const [query, lines] of DOCUMENT_ROWS) {
    it(`Convert document: ${query || '(empty)'}`, () => assert.deepStrictEqual(chromeManagementFilterDocument(query).split('\n'), lines));
  }
  it('quote: bare when the filter grammar reads it as one value, else in double quotes', () => {
    const CASES: [string, string][] = [
      ['abc', 'abc'],
      ['a-b', 'a-b'],
      ['a.b', 'a.b'],
      ['a_b/c@d', 'a_b/c@d'],
      ['and', 'and'],
      ['a b', '"a b"'],
      ['AND', '"AND"'],
      ['OR', '"OR"'],
      ['NOT', '"NOT"'],
      ['a:b', '"a:b"'],
      ['', '""'],
    ];
    for (const [value, want] of CASES) assert.strictEqual(quote(value), want, value);
  });
});
