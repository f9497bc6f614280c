import * as assert from 'assert';
import { dialectFromDocument, format, hover, parseQuery, serialize, validateQueryInput, type Dialect } from '../../src/query';
import { recentValuesFromBrowsers } from '../../src/language/fleetValues';
import { validateQueryInputDetailed } from '../../src/query';

const SERIALIZE: { name: string; text: string; expected: string }[] = [
  { name: 'a simple term is unchanged', text: 'machine_name:LIX', expected: 'machine_name:LIX' },
  {
    name: 'extra spaces are normalised',
    text: '   machine_name:LIX     register:2011-04-26..   ',
    expected: 'machine_name:LIX register:2011-04-26..',
  },
  { name: 'tabs and newlines become one space', text: 'a\t\tb\n c', expected: 'a b c' },
  { name: 'quotes are kept around a phrase', text: 'os:"Windows 10"   location:"front desk"', expected: 'os:"Windows 10" location:"front desk"' },
  { name: 'quotes are kept around punctuation', text: 'machine_name:"LAB-PC"', expected: 'machine_name:"LAB-PC"' },
  { name: 'quotes around one plain word are dropped', text: 'machine_name:"LIX"  "word"', expected: 'machine_name:LIX word' },
  { name: 'an unclosed quote is closed', text: 'note:"loaner laptop', expected: 'note:"loaner laptop"' },
  { name: 'times keep their colons', text: 'last_activity:2011-04-26T14:23:05..', expected: 'last_activity:2011-04-26T14:23:05..' },
  { name: 'the empty query is empty', text: '   ', expected: '' },
  {
    name: 'tokens example of the reference',
    text: 'device_type:CHROME_BROWSER  token_state:REVOKED',
    expected: 'device_type:CHROME_BROWSER token_state:REVOKED',
  },
];

const FORMAT: { name: string; text: string; expected: string; dialect?: Dialect }[] = [
  { name: 'trims and collapses spaces', text: '  machine_name:LIX    user:alice  ', expected: 'machine_name:LIX user:alice' },
  { name: "joins 'field: value'", text: 'machine_name: LIX', expected: 'machine_name:LIX' },
  { name: "joins 'field :value'", text: 'machine_name :LIX', expected: 'machine_name:LIX' },
  { name: "joins 'field : value'", text: 'machine_name : LIX register:2024-01-01..', expected: 'machine_name:LIX register:2024-01-01..' },
  { name: 'leaves unknown fields alone', text: 'colour: red', expected: 'colour: red' },
  { name: 'keeps quotes as written', text: 'user:"alice"   os:"Windows 10"', expected: 'user:"alice" os:"Windows 10"' },
  { name: 'joins in the tokens dialect', text: 'token_state:  ACTIVE', expected: 'token_state:ACTIVE', dialect: 'tokens' },
  { name: 'is idempotent on formatted text', text: 'machine_name:LIX OR x', expected: 'machine_name:LIX OR x' },
];

const HOVER: { name: string; text: string; at: string; dialect?: Dialect; matches: RegExp; range: [number, number] }[] = [
  {
    name: 'field name: docs and type',
    text: 'machine_name:LIX',
    at: 'mach',
    matches: /\*\*machine_name\*\* \(text\)[\s\S]*machine name/,
    range: [0, 12],
  },
  { name: 'operator', text: 'machine_name:LIX', at: ':', matches: /only operator/, range: [12, 13] },
  { name: 'unsupported operator on a time', text: 'register>=2024-01-01', at: '>=', matches: /not supported[\s\S]*register:a\.\./, range: [8, 10] },
  {
    name: 'closed time range',
    text: 'register:2024-01-01..2024-02-01',
    at: '..',
    matches: /from `2024-01-01` to `2024-02-01`, both included/,
    range: [9, 31],
  },
  { name: 'open time range', text: 'sync:2024-01-01..', at: '2024', matches: /on or after `2024-01-01`/, range: [5, 17] },
  {
    name: 'enum field',
    text: 'token_state:ACTIVE',
    at: 'token',
    dialect: 'tokens',
    matches: /token_state\*\* \(enum: ACTIVE \| EXPIRED \| REVOKED\)/,
    range: [0, 11],
  },
  { name: 'free term', text: 'machine 73', at: '73', matches: /Free term/, range: [8, 10] },
  { name: 'free term in tokens is ignored', text: 'foo', at: 'foo', dialect: 'tokens', matches: /ignore/, range: [0, 3] },
  { name: 'OR', text: 'a OR b', at: 'OR', matches: /OR is not supported/, range: [2, 4] },
  { name: 'unknown field', text: 'colour:red', at: 'col', matches: /not a field of Chrome browser queries/, range: [0, 6] },
];

describe('query serializer', () => {
  for (const c of SERIALIZE) {
    it(c.name, () => {
      assert.strictEqual(serialize(c.text, 'browsers'), c.expected);
      assert.strictEqual(serialize(parseQuery(c.text, 'browsers')), c.expected, 'from a ParsedQuery too');
    });
  }
  it('is stable: serializing its own output changes nothing', () => {
    for (const c of SERIALIZE) assert.strictEqual(serialize(c.expected), c.expected);
  });
  it('produces what URLSearchParams encodes as the reference shows (space as +)', () => {
    const query = serialize('device_type:CHROME_BROWSER   token_state:REVOKED', 'tokens');
    assert.strictEqual(new URLSearchParams({ query }).toString(), 'query=device_type%3ACHROME_BROWSER+token_state%3AREVOKED');
  });
});

describe('query formatter', () => {
  for (const c of FORMAT) {
    it(c.name, () => {
      const once = format(c.text, c.dialect ?? 'browsers');
      assert.strictEqual(once, c.expected);
      assert.strictEqual(format(once, c.dialect ?? 'browsers'), once, 'idempotent');
    });
  }
});

describe('query hover', () => {
  for (const c of HOVER) {
    it(c.name, () => {
      const h = hover(c.text, c.text.indexOf(c.at), c.dialect ?? 'browsers');
      assert.ok(h, 'a hover');
      assert.match(h.contents, c.matches);
      assert.deepStrictEqual([h.range.start, h.range.end], c.range);
    });
  }
  it('has nothing to say about blank space', () => assert.strictEqual(hover('a   b', 2, 'browsers'), undefined));
});

describe('query dialect and input validation', () => {
  const DIALECTS: { first: string; file: string; expected: Dialect }[] = [
    { first: '# dialect: tokens', file: 'x.cbcmq', expected: 'tokens' },
    { first: '#dialect:TOKENS', file: '', expected: 'tokens' },
    { first: '# dialect: browsers', file: 'a.tokens.cbcmq', expected: 'browsers' },
    { first: 'machine_name:LIX', file: '/home/me/stale.cbcmq', expected: 'browsers' },
    { first: '', file: '/home/me/revoked.tokens.cbcmq', expected: 'tokens' },
    { first: '', file: 'C:\\queries\\tokens.cbcmq', expected: 'tokens' },
    { first: '# dialect: unknown', file: 'x.cbcmq', expected: 'browsers' },
    { first: '# a comment about tokens', file: 'x.cbcmq', expected: 'browsers' },
  ];
  for (const c of DIALECTS) {
    it(`${JSON.stringify(c.first)} in ${JSON.stringify(c.file)} is ${c.expected}`, () =>
      assert.strictEqual(dialectFromDocument(c.first, c.file), c.expected));
  }

  it('validateQueryInput returns the first error, and nothing for warnings or valid queries', () => {
    assert.strictEqual(validateQueryInput('machine_name:LIX register:2011-04-26..', 'browsers'), undefined);
    assert.strictEqual(validateQueryInput('a AND b', 'browsers'), undefined);
    assert.match(validateQueryInput('machine_name:LIX OR register:2011-13-01', 'browsers') ?? '', /OR/);
    assert.match(validateQueryInput('token_state:GONE', 'tokens') ?? '', /Supported values: ACTIVE, EXPIRED, REVOKED/);
  });

  it('validateQueryInputDetailed also reports warnings', () => {
    assert.deepStrictEqual(validateQueryInputDetailed('a AND b', 'browsers')?.severity, 'warning');
    assert.strictEqual(validateQueryInputDetailed('a b', 'browsers'), undefined);
  });

  it('recentValuesFromBrowsers maps listed browsers to query fields', () => {
    const values = recentValuesFromBrowsers([
      {
        deviceId: '1',
        machineName: 'LAB-1',
        osPlatform: 'Windows',
        browserVersions: ['120.0.6099.109'],
        extensionCount: 3,
        annotatedLocation: 'Montreal',
      },
      { deviceId: '2', machineName: 'LAB-2', osPlatform: 'Windows', browserVersions: ['121.0.1'] },
    ]);
    assert.deepStrictEqual(values, {
      machine_name: ['LAB-1', 'LAB-2'],
      os_platform: ['Windows'],
      location: ['Montreal'],
      browser_version: ['120', '121'],
      num_extensions: ['3'],
    });
  });

  it('recentValuesFromBrowsers gives os as platform and major OS version (what the os field matches), not osPlatformVersion', () => {
    const values = recentValuesFromBrowsers([
      { deviceId: '1', osPlatform: 'Mac', osVersion: '15.1.1', osPlatformVersion: 'macOS 15.1.1' },
      { deviceId: '2', osPlatform: 'Windows', osVersion: '10.0.19045.1087', osPlatformVersion: 'Windows 10 Pro' },
    ]);
    assert.deepStrictEqual(values.os, ['Mac 15', 'Windows 10']);
  });
});
