// Issue 19: the exact sentence each input check gives before any request is sent (src/api/validation.ts), and the
// boundaries of each check, worked out by hand: page sizes 1 to 100, the documented orderBy values, sortOrder
// only with orderBy, a token lifetime from 1 s to 10 years or an RFC 3339 UTC expiry in the future, org units as
// a full path or "id:…", and ids that stay one URL path segment.
import * as assert from 'assert';
import { ApiError, BROWSER_SORT_KEYS } from '../../src/api';
import {
  checkCreateToken,
  checkListBrowsers,
  checkListTokens,
  checkOrgUnitPath,
  checkPageSize,
  isRfc3339Utc,
  MAX_TOKEN_TTL_SECONDS,
  requireId,
} from '../../src/api/validation';

function refuses(fn: () => unknown, message: string, operation: string): void {
  assert.throws(fn, (e: ApiError) => {
    assert.ok(e instanceof ApiError);
    assert.deepStrictEqual([e.kind, e.delivery, e.attempts, e.operation, e.message], ['invalid', 'no', 0, operation, message]);
    return true;
  });
}

describe('API input checks: exact refusals', () => {
  it('requireId: empty, "." / "..", slashes, backslashes and control characters', () => {
    const empty = 'A device ID is required to read the Chrome browser; it was empty. Pick the item again from the list.';
    for (const id of ['', '   ', 5, undefined]) refuses(() => requireId('browsers.get', 'device ID', id), empty, 'browsers.get');
    const bad = (shown: string) =>
      `${shown} is not a valid device ID, so nothing was sent to delete the Chrome browser: an id cannot be "." or "..", or contain "/", "\\" or control characters. Pick the item again from the list.`;
    for (const id of ['.', '..', 'a/b', 'a\\b', 'a\u0000', 'a\u001f', 'a\u007f', '\tx'])
      refuses(() => requireId('browsers.delete', 'device ID', id), bad(JSON.stringify(id)), 'browsers.delete');
    refuses(() => requireId('browsers.delete', 'device ID', `${'x'.repeat(81)}/`), bad(JSON.stringify(`${'x'.repeat(80)}…`)), 'browsers.delete');
    refuses(() => requireId('browsers.delete', 'device ID', `${'x'.repeat(79)}/`), bad(JSON.stringify(`${'x'.repeat(79)}/`)), 'browsers.delete');
    for (const id of ['abc-123', 'a.b', '...', 'a b', 'ü', 'x\u0080']) assert.strictEqual(requireId('browsers.get', 'device ID', id), id);
  });

  it('page sizes: whole numbers from 1 to 100', () => {
    for (const v of [undefined, 1, 50, 100]) checkPageSize('browsers.list', 'maxResults', v);
    for (const v of [0, 101, 1.5, -1, Number.NaN])
      refuses(
        () => checkPageSize('browsers.list', 'maxResults', v),
        `maxResults must be a whole number from 1 to 100 (got ${String(v)}).`,
        'browsers.list',
      );
    refuses(() => checkListTokens({ pageSize: 0 }), 'pageSize must be a whole number from 1 to 100 (got 0).', 'tokens.list');
    refuses(() => checkListTokens({ pageToken: '' }), 'pageToken was empty; omit it to start from the first page.', 'tokens.list');
    checkListTokens({ pageSize: 100, pageToken: 'p' });
  });

  it('browser listings: projection, orderBy, sortOrder, pageToken', () => {
    const L = 'browsers.list';
    refuses(() => checkListBrowsers({ maxResults: 0 }), 'maxResults must be a whole number from 1 to 100 (got 0).', L);
    refuses(() => checkListBrowsers({ projection: 'X' as never }), 'projection must be BASIC or FULL (got X).', L);
    refuses(
      () => checkListBrowsers({ orderBy: 'bogus' as never }),
      `orderBy "bogus" is not one of the documented values: ${BROWSER_SORT_KEYS.join(', ')}.`,
      L,
    );
    refuses(() => checkListBrowsers({ orderBy: 'machine_name', sortOrder: 'UP' as never }), 'sortOrder must be ASCENDING or DESCENDING (got UP).', L);
    refuses(
      () => checkListBrowsers({ sortOrder: 'ASCENDING' }),
      'sortOrder only works together with orderBy: choose a column to sort by as well.',
      L,
    );
    refuses(() => checkListBrowsers({ pageToken: '' }), 'pageToken was empty; omit it to start from the first page.', L);
    checkListBrowsers({});
    checkListBrowsers({ projection: 'BASIC', orderBy: 'machine_name', sortOrder: 'DESCENDING', pageToken: 't', maxResults: 100 });
    checkListBrowsers({ projection: 'FULL', orderBy: 'last_sync', sortOrder: 'ASCENDING' });
  });

  it('token create: a lifetime or an expiry, not both; each in range', () => {
    const C = 'tokens.create';
    const now = Date.parse('2026-06-01T00:00:00Z');
    assert.strictEqual(MAX_TOKEN_TTL_SECONDS, 315_360_000);
    refuses(
      () => checkCreateToken({ ttlSeconds: 60, expireTime: '2027-01-01T00:00:00Z' }, now),
      'Give either a lifetime (ttl) or an expiry time (expire_time) for the enrollment token, not both.',
      C,
    );
    for (const ttl of [0, -1, 1.5, MAX_TOKEN_TTL_SECONDS + 1])
      refuses(
        () => checkCreateToken({ ttlSeconds: ttl }, now),
        `The token lifetime must be a whole number of seconds from 1 to 315360000 (10 years) (got ${ttl}). For a token that never expires, give no lifetime at all.`,
        C,
      );
    for (const ttl of [1, MAX_TOKEN_TTL_SECONDS]) checkCreateToken({ ttlSeconds: ttl }, now);
    refuses(
      () => checkCreateToken({ expireTime: '2026-12-31 23:59:59' }, now),
      'The expiry time must be a UTC time in the form yyyy-MM-ddThh:mm:ssZ, e.g. 2026-12-31T23:59:59Z (got "2026-12-31 23:59:59").',
      C,
    );
    for (const past of ['2026-06-01T00:00:00Z', '2026-05-31T23:59:59Z'])
      refuses(
        () => checkCreateToken({ expireTime: past }, now),
        `The expiry time ${past} is not in the future, so the token could never be used. Choose a later time (UTC).`,
        C,
      );
    checkCreateToken({ expireTime: '2026-06-01T00:00:01Z' }, now);
    refuses(
      () => checkCreateToken({ orgUnitPath: 'Sales' }, now),
      'Org unit "Sales" must be a full path starting with "/" (e.g. /Sales) or "id:<orgUnitId>".',
      C,
    );
    refuses(
      () => checkCreateToken({ orgUnitPath: ' ' }, now),
      'An org unit is required to create an enrollment token: give its full path (e.g. /Sales) or "id:<orgUnitId>".',
      C,
    );
    checkCreateToken({ orgUnitPath: '/Sales' }, now);
    assert.strictEqual(checkOrgUnitPath('browsers.move', 'id:03ph8a2z'), 'id:03ph8a2z');
    refuses(
      () => checkOrgUnitPath('browsers.move', undefined),
      'An org unit is required to move Chrome browsers to another org unit: give its full path (e.g. /Sales) or "id:<orgUnitId>".',
      'browsers.move',
    );
  });

  it('isRfc3339Utc: the exact form, a real date and time', () => {
    const CASES: [string, boolean][] = [
      ['2026-02-28T23:59:59Z', true],
      ['2024-02-29T00:00:00Z', true],
      ['2026-02-29T00:00:00Z', false],
      ['2026-02-30T00:00:00Z', false],
      ['2026-13-01T00:00:00Z', false],
      ['2026-01-01T24:00:00Z', false],
      ['2026-01-01T00:60:00Z', false],
      ['2026-01-01T00:00:60Z', false],
      ['2026-01-01T00:00:00+01:00', false],
      ['2026-01-01T00:00:00.5Z', false],
      ['2026-01-01T00:00:00z', false],
      ['x2026-01-01T00:00:00Z', false],
    ];
    for (const [value, want] of CASES) assert.strictEqual(isRfc3339Utc(value), want, value);
  });
});
