// Issue 19: exact values of the time checks (src/query/time.ts), relative times (relativeDates.ts), the .cbcmq
// document rules (document.ts) and the v1 whole-word narrowing (chromeManagementWordMatch.ts). Expected values are
// worked out by hand from the reference's time forms (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss, no zone) and the
// extension's own relative forms (-7d, -2w, -12h), with "now" fixed at 2026-11-25T18:04:05Z.
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api';
import { checkTime, isoDate, isoDateTime, repairTime } from '../../src/query/time';
import {
  describeRelativeTime,
  dialectFromDocument,
  dialectFromLine,
  isCommentOrBlank,
  resolveRelativeDates,
  resolveRelativeTime,
} from '../../src/query';
import { canNarrow, matchesWholeWords, substringWords, wholeWordFilter } from '../../src/query/chromeManagementWordMatch';

const now = new Date('2026-11-25T18:04:05Z');
const day = (d: string) => ({ ok: true, start: `${d}T00:00:00`, end: `${d}T23:59:59` });
const at = (t: string) => ({ ok: true, start: t, end: t });
const notReal = (t: string, what = 'date') => ({ ok: false, reason: `'${t}' is not a real ${what}` });
const notValid = (t: string, suggestion?: string) => ({ ok: false, reason: `'${t}' is not a valid time`, suggestion });

describe('query time: checkTime', () => {
  const CASES: [string, object][] = [
    ['-12h', at('2026-11-25T06:04:05')],
    ['-1h', at('2026-11-25T17:04:05')],
    ['-0d', day('2026-11-25')],
    ['-1d', day('2026-11-24')],
    ['-30d', day('2026-10-26')],
    ['-2w', day('2026-11-11')],
    ['2024-01-31', day('2024-01-31')],
    ['2024-02-29', day('2024-02-29')],
    ['2024-02-29T23:59:59', at('2024-02-29T23:59:59')],
    ['2024-12-01T00:00:00', at('2024-12-01T00:00:00')],
    ['2025-02-29', notReal('2025-02-29')],
    ['2024-04-31', notReal('2024-04-31')],
    ['2024-00-10', notReal('2024-00-10')],
    ['2024-13-10', notReal('2024-13-10')],
    ['2024-01-00', notReal('2024-01-00')],
    ['2024-01-01T24:00:00', notReal('2024-01-01T24:00:00', 'date and time')],
    ['2024-01-01T23:60:00', notReal('2024-01-01T23:60:00', 'date and time')],
    ['2024-01-01T23:59:60', notReal('2024-01-01T23:59:60', 'date and time')],
    ['2024/1/5', notValid('2024/1/5', '2024-01-05')],
    ['2024.01.05', notValid('2024.01.05', '2024-01-05')],
    ['2024-01-05 10:00', notValid('2024-01-05 10:00', '2024-01-05T10:00:00')],
    ['2024-1-5t9:5:7.123+02:00', notValid('2024-1-5t9:5:7.123+02:00', '2024-01-05T09:05:07')],
    ['2024-01-05T10:00:00Z', notValid('2024-01-05T10:00:00Z', '2024-01-05T10:00:00')],
    ['2024/13/5', notValid('2024/13/5')],
    ['2024/2/30', notValid('2024/2/30')],
    ['2024/1/5 23:59:60', notValid('2024/1/5 23:59:60')],
    // Near misses of a relative time.
    ['-7 d', notValid('-7 d', '-7d')],
    ['7days', notValid('7days', '-7d')],
    ['- 2 weeks ago', notValid('- 2 weeks ago', '-2w')],
    ['12H', notValid('12H', '-12h')],
    ['-7D', notValid('-7D', '-7d')],
    ['3 hours', notValid('3 hours', '-3h')],
    [' -7d ', notValid(' -7d ')],
    ['-123456d', notValid('-123456d')],
    ['x7d', notValid('x7d')],
    ['7dx', notValid('7dx')],
    ['yesterday', notValid('yesterday')],
  ];
  for (const [text, want] of CASES) it(`'${text}'`, () => assert.deepStrictEqual(checkTime(text, now), want));

  it('repairTime and the UTC formatters', () => {
    assert.strictEqual(repairTime('2024-01-05'), '2024-01-05');
    assert.strictEqual(repairTime('x'), undefined);
    assert.strictEqual(isoDate(now), '2026-11-25');
    assert.strictEqual(isoDate(now, 365), '2025-11-25');
    assert.strictEqual(isoDate(new Date('0999-03-04T00:00:00Z')), '0999-03-04');
    assert.strictEqual(isoDateTime(new Date('2026-01-02T03:04:05.678Z')), '2026-01-02T03:04:05');
  });
});

describe('query relative times', () => {
  it('describes and resolves -Nd, -Nw, -Nh', () => {
    assert.deepStrictEqual(['-1d', '-2d', '-1w', '-2w', '-1h', '-12h', '-01d', '7d', '-7x'].map(describeRelativeTime), [
      '1 day ago',
      '2 days ago',
      '1 week ago',
      '2 weeks ago',
      '1 hour ago',
      '12 hours ago',
      '1 day ago',
      undefined,
      undefined,
    ]);
    assert.deepStrictEqual(
      ['-7d', '-1w', '-3h', '7d'].map((t) => resolveRelativeTime(t, now)),
      ['2026-11-18', '2026-11-18', '2026-11-25T15:04:05', undefined],
    );
  });

  it('resolves every unquoted relative bound of a time field, and nothing else', () => {
    const CASES: [string, string][] = [
      ['register:-7d.. x -3', 'register:2026-11-18.. x -3'],
      ['sync:..-1w', 'sync:..2026-11-18'],
      ['report:-7d', 'report:2026-11-18'],
      ['last_activity:-12h..-1h', 'last_activity:2026-11-25T06:04:05..2026-11-25T17:04:05'],
      ['register:-2d..  sync:..-3d', 'register:2026-11-23..  sync:..2026-11-22'],
      ['register:"-7d"', 'register:"-7d"'],
      ['machine_name:-7d', 'machine_name:-7d'],
      ['-7d', '-7d'],
      ['register:2024-01-01..', 'register:2024-01-01..'],
    ];
    for (const [query, want] of CASES) assert.strictEqual(resolveRelativeDates(query, now), want, query);
  });
});

describe('query documents: dialect lines, file names, comments', () => {
  it('reads the dialect line', () => {
    const CASES: [string, string | undefined][] = [
      ['# dialect: tokens', 'tokens'],
      ['#dialect:token', 'tokens'],
      ['  # Dialect : EnrollmentTokens  ', 'tokens'],
      ['# dialect: browser', 'browsers'],
      ['# dialect: browsers', 'browsers'],
      ['# dialect: chrome_management', 'chromemanagement'],
      ['# dialect: filter', 'chromemanagement'],
      ['# dialect: ChromeManagement', 'chromemanagement'],
      ['# dialect: other', undefined],
      ['# dialect: tokens x', undefined],
      ['dialect: tokens', undefined],
      ['', undefined],
    ];
    for (const [line, want] of CASES) assert.strictEqual(dialectFromLine(line), want, line);
  });

  it('falls back to the file name, then to browsers', () => {
    assert.strictEqual(dialectFromDocument('', 'C:\\q\\My.Tokens.cbcmq'), 'tokens');
    assert.strictEqual(dialectFromDocument('', '/a/tokens.cbcmq'), 'tokens');
    assert.strictEqual(dialectFromDocument('', 'a/mytokens.cbcmq'), 'browsers');
    assert.strictEqual(dialectFromDocument('# dialect: browsers', 'x.tokens.cbcmq'), 'browsers');
    assert.strictEqual(dialectFromDocument('# dialect: filter', 'x.tokens.cbcmq'), 'chromemanagement');
    assert.strictEqual(dialectFromDocument('machine_name:x'), 'browsers');
    assert.strictEqual(dialectFromDocument('machine_name:x', 'tokens.cbcmq.bak'), 'browsers');
  });

  it('comment and blank lines', () => {
    assert.deepStrictEqual(['', '   ', '  # x', '#', 'a # b', 'a#', 'x'].map(isCommentOrBlank), [true, true, true, true, false, false, false]);
  });
});

describe('query v1 whole-word narrowing', () => {
  it('matchesWholeWords: every word, in order, adjacent, ignoring case', () => {
    const CASES: [string, string | undefined, boolean][] = [
      ['', 'x', true],
      ['-', undefined, true], // no word: nothing to check
      ['lab', undefined, false],
      ['LAB pc', 'my-lab-PC', true],
      ['lab pc', 'pc lab', false],
      ['lab pc', 'lab x pc', false],
      ['lab', 'labs', false],
      ['a b', 'a', false],
      ['b', 'a b', true],
    ];
    for (const [value, text, want] of CASES) assert.strictEqual(matchesWholeWords(value, text), want, `${value} in ${text}`);
  });

  it('substringWords: each word once, none contained in another', () => {
    assert.deepStrictEqual(substringWords('LAB lab'), ['LAB']);
    assert.deepStrictEqual(substringWords('a ab'), ['ab']);
    assert.deepStrictEqual(substringWords('ab a'), ['ab']);
    assert.deepStrictEqual(substringWords('lab pc'), ['lab', 'pc']);
  });

  it('wholeWordFilter: every condition on a field it can see, any of a field’s values', () => {
    assert.strictEqual(wholeWordFilter([]), undefined);
    assert.strictEqual(wholeWordFilter([{ field: 'last_device_user', value: 'x' }]), undefined);
    assert.strictEqual(canNarrow('os_platform_version'), false);
    const b = (f: Partial<ChromeBrowser>) => f as ChromeBrowser;
    const keep = wholeWordFilter([
      { field: 'machine_name', value: 'lab' },
      { field: 'browser_version', value: '120' },
      { field: 'last_device_user', value: 'never checked' },
    ])!;
    assert.strictEqual(keep(b({ machineName: 'LAB-1', browserVersions: ['99.1', '120.0'] })), true);
    assert.strictEqual(keep(b({ machineName: 'LAB-1', browserVersions: ['99.1'] })), false);
    assert.strictEqual(keep(b({ machineName: 'LABS-1', browserVersions: ['120.0'] })), false);
    assert.strictEqual(keep(b({ machineName: 'LAB-1' })), false, 'no versions listed');
    const FIELDS: [string, Partial<ChromeBrowser>][] = [
      ['annotated_asset_id', { annotatedAssetId: 'A-42' }],
      ['annotated_user', { annotatedUser: 'x 42' }],
      ['annotated_location', { annotatedLocation: 'Room 42' }],
      ['annotated_note', { annotatedNotes: 'see 42' }],
      ['os_platform', { osPlatform: 'Win 42' }],
      ['os_architecture', { osArchitecture: 'x86 42' }],
      ['os_version', { osVersion: '10.42' }],
    ];
    for (const [field, row] of FIELDS) {
      const f = wholeWordFilter([{ field, value: '42' }])!;
      assert.strictEqual(f(b(row)), true, field);
      assert.strictEqual(f(b({})), false, `${field} absent`);
    }
  });
});
