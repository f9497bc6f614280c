// Issue 19: the exact hover text (markdown) and range for keywords, free terms, operators, fields and values.
// `|` marks the cursor; `undefined` means no hover. The v1 filter's comparison operators and AND are left out on
// purpose: hover.ts still describes them with the v1.1beta1 wording (see the issue 19 report).
import * as assert from 'assert';
import { hover, type Dialect } from '../../src/query';

const ROWS: { dialect: Dialect; at: string; expected: [string, number, number] | undefined }[] = [
  {
    dialect: 'browsers',
    at: 'a |OR b',
    expected: ['**OR is not supported.** Every term of a query must match; run one query per alternative.', 2, 4],
  },
  {
    dialect: 'browsers',
    at: 'a AN|D b',
    expected: ['**AND is implicit.** Terms separated by spaces must all match; the word AND is not an operator.', 2, 5],
  },
  { dialect: 'browsers', at: '|NOT a', expected: ['**NOT is not supported.** The API cannot exclude terms.', 0, 3] },
  {
    dialect: 'browsers',
    at: 'a |&& b',
    expected: ['**AND is implicit.** Terms separated by spaces must all match; the word AND is not an operator.', 2, 4],
  },
  {
    dialect: 'browsers',
    at: '|LAB',
    expected: [
      '**Free term** `LAB`: matches browsers that have this word in any indexed text field (whole words, case-insensitive; punctuation separates words).',
      0,
      3,
    ],
  },
  {
    dialect: 'browsers',
    at: 'LAB|',
    expected: [
      '**Free term** `LAB`: matches browsers that have this word in any indexed text field (whole words, case-insensitive; punctuation separates words).',
      0,
      3,
    ],
  },
  {
    dialect: 'browsers',
    at: '|"front desk"',
    expected: [
      '**Free term** `front desk`: matches browsers that have these words in any indexed text field (whole words, case-insensitive; punctuation separates words).',
      0,
      12,
    ],
  },
  {
    dialect: 'tokens',
    at: '|LAB',
    expected: ['**Word without a field.** enrollment token queries ignore it; use a field such as `device_type:`.', 0, 3],
  },
  {
    dialect: 'browsers',
    at: 'machine_name|:LAB',
    expected: [
      '**`field:value`**: the only operator. Text fields match whole words of the value, ignoring case; time fields take a date, a time or a range (`a..b`, `a..`, `..b`); number fields take one exact number.',
      12,
      13,
    ],
  },
  {
    dialect: 'browsers',
    at: 'mach|ine_name:LAB',
    expected: [
      '**machine_name** (text)\n\nThe machine name of the device. Matches whole words, case-insensitive.\n\nExample: `machine_name:CLIENT2012`',
      0,
      12,
    ],
  },
  {
    dialect: 'browsers',
    at: 'machine_name:|LAB',
    expected: ['**machine_name** (text)\n\nMatches when machine_name contains the word `LAB` (whole words, case-insensitive).', 13, 16],
  },
  {
    dialect: 'browsers',
    at: 'machine_name:LAB-|PC',
    expected: ['**machine_name** (text)\n\nMatches when machine_name contains the words of `LAB-PC` (whole words, case-insensitive).', 13, 19],
  },
  { dialect: 'browsers', at: 'machine_name|=LAB', expected: ['**`=` is not supported** by this query language. Use `field:value`.', 12, 13] },
  {
    dialect: 'browsers',
    at: 'register|>=2024-01-01',
    expected: ['**`>=` is not supported** by this query language. Use a range: `register:a..`.', 8, 10],
  },
  {
    dialect: 'browsers',
    at: 'register|<2024-01-01',
    expected: ['**`<` is not supported** by this query language. Use a range: `register:..b`.', 8, 9],
  },
  { dialect: 'browsers', at: 'register|=2024-01-01', expected: ['**`=` is not supported** by this query language. Use `field:value`.', 8, 9] },
  { dialect: 'browsers', at: 'register|!=2024-01-01', expected: ['**`!=` is not supported** by this query language. Use `field:value`.', 8, 10] },
  { dialect: 'browsers', at: 'machine_name|!=LAB', expected: ['**`!=` is not supported** by this query language. Use `field:value`.', 12, 14] },
  {
    dialect: 'browsers',
    at: 'colour|:red',
    expected: [
      '**`field:value`**: the only operator. Text fields match whole words of the value, ignoring case; time fields take a date, a time or a range (`a..b`, `a..`, `..b`); number fields take one exact number.',
      6,
      7,
    ],
  },
  { dialect: 'browsers', at: 'col|our:red', expected: ['**colour** is not a field of Chrome browser queries.', 0, 6] },
  {
    dialect: 'browsers',
    at: '|:red',
    expected: [
      '**`field:value`**: the only operator. Text fields match whole words of the value, ignoring case; time fields take a date, a time or a range (`a..b`, `a..`, `..b`); number fields take one exact number.',
      0,
      1,
    ],
  },
  { dialect: 'browsers', at: 'register:|2024-01-01', expected: ['**register** (time)\n\nregister exactly on `2024-01-01` (the whole day).', 9, 19] },
  {
    dialect: 'browsers',
    at: 'register:|2024-01-01T10:00:00',
    expected: ['**register** (time)\n\nregister exactly on `2024-01-01T10:00:00`.', 9, 28],
  },
  {
    dialect: 'browsers',
    at: 'register:|2024-01-01..2024-02-01',
    expected: ['**register** (time)\n\nregister from `2024-01-01` to `2024-02-01`, both included.', 9, 31],
  },
  { dialect: 'browsers', at: 'register:|2024-01-01..', expected: ['**register** (time)\n\nregister on or after `2024-01-01`.', 9, 21] },
  { dialect: 'browsers', at: 'register:|..2024-02-01', expected: ['**register** (time)\n\nregister on or before `2024-02-01`.', 9, 21] },
  { dialect: 'browsers', at: 'register:|..', expected: ['**register** (time)\n\nA range needs at least one end: `a..b`, `a..` or `..b`.', 9, 11] },
  {
    dialect: 'browsers',
    at: 'num_extensions:|3',
    expected: ['**num_extensions** (number)\n\nnum_extensions is exactly 3 (no ranges on numbers).', 15, 16],
  },
  {
    dialect: 'browsers',
    at: 'has_device_id_collision:|true',
    expected: ['**has_device_id_collision** (boolean: true | false)\n\nhas_device_id_collision is `true`.', 24, 28],
  },
  {
    dialect: 'tokens',
    at: 'token_state:|ACTIVE',
    expected: ['**token_state** (enum: ACTIVE | EXPIRED | REVOKED)\n\ntoken_state is `ACTIVE`.', 12, 18],
  },
  {
    dialect: 'tokens',
    at: 'tok|en_state:ACTIVE',
    expected: [
      '**token_state** (enum: ACTIVE | EXPIRED | REVOKED)\n\nThe state of the token: `ACTIVE`, `EXPIRED` or `REVOKED`.\n\nExample: `token_state:ACTIVE`',
      0,
      11,
    ],
  },
  {
    dialect: 'chromemanagement',
    at: 'machine_name=|LAB*',
    expected: ['**machine_name** (text)\n\nMatches machine_name by the wildcard `LAB*` (prefix*, *suffix, *part*, or * for "has a value").', 13, 17],
  },
  {
    dialect: 'chromemanagement',
    at: 'machine_name=|LAB',
    expected: [
      '**machine_name** (text)\n\nCompares machine_name with `LAB`; the reference does not say whether as a whole word, the whole value, a prefix or a substring.',
      13,
      16,
    ],
  },
  {
    dialect: 'chromemanagement',
    at: 'extension_count=|3',
    expected: ['**extension_count** (number)\n\nextension_count is exactly 3 (no ranges on numbers).', 16, 17],
  },
  { dialect: 'browsers', at: 'a  | b', expected: undefined },
  { dialect: 'browsers', at: '|', expected: undefined },
  {
    dialect: 'browsers',
    at: 'machine_name:|',
    expected: [
      '**machine_name** (text)\n\nThe machine name of the device. Matches whole words, case-insensitive.\n\nExample: `machine_name:CLIENT2012`',
      0,
      12,
    ],
  },
  {
    dialect: 'browsers',
    at: 'machine_name|',
    expected: [
      '**Free term** `machine_name`: matches browsers that have this word in any indexed text field (whole words, case-insensitive; punctuation separates words).',
      0,
      12,
    ],
  },
  {
    dialect: 'browsers',
    at: 'user:"a b|"',
    expected: ['**user** (text)\n\nMatches when user contains the words of `a b` (whole words, case-insensitive).', 5, 10],
  },
];

describe('query hover: exact markdown and range', () => {
  for (const row of ROWS) {
    it(`${row.dialect}: ${row.at}`, () => {
      const got = hover(row.at.replace('|', ''), row.at.indexOf('|'), row.dialect);
      const want = row.expected && { contents: row.expected[0], range: { start: row.expected[1], end: row.expected[2] } };
      assert.deepStrictEqual(got, want);
    });
  }
});
