// Bad input is rejected with a clear ApiError before any request reaches the emulator.
import * as assert from 'assert';
import { ApiError, type BrowserOrderBy, type DirectoryBetaClient, type SortOrder } from '../../src/api';
import { MAX_TOKEN_TTL_SECONDS } from '../../src/api/validation';
import { apiRequests, collect, makeClient, useApiEmulator } from './apiHarness';
import { clock } from '../../src/util/clock';

describe('api client: input validation', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 10, seed: 2, beforeEachTest: 'clearRequestLog' });
  let client: DirectoryBetaClient;

  before(() => {
    client = makeClient(emu).client;
  });
  afterEach(function () {
    if (this.currentTest?.state === 'passed') assert.strictEqual(apiRequests(emu).length, 0, 'no request was sent');
  });

  async function expectInvalid(run: () => Promise<unknown>, pattern: RegExp): Promise<void> {
    let err: unknown;
    try {
      await run();
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
    assert.strictEqual(err.kind, 'invalid');
    assert.strictEqual(err.status, undefined);
    assert.strictEqual(err.attempts, 0);
    assert.match(err.message, pattern);
  }

  const listAll = (o: Parameters<DirectoryBetaClient['listBrowsers']>[0]) => () => collect(client.listBrowsers(o), (p) => p.browsers);

  for (const maxResults of [0, 101, 1.5, -1, Number.NaN]) {
    it(`maxResults ${maxResults}`, () => expectInvalid(listAll({ maxResults }), /maxResults must be a whole number from 1 to 100/));
  }
  for (const pageSize of [0, 101]) {
    it(`pageSize ${pageSize}`, () =>
      expectInvalid(() => collect(client.listTokens({ pageSize }), (p) => p.tokens), /pageSize must be a whole number from 1 to 100/));
  }
  it('sortOrder without orderBy', () => expectInvalid(listAll({ sortOrder: 'DESCENDING' }), /sortOrder only works together with orderBy/));
  it('an undocumented orderBy', () =>
    expectInvalid(listAll({ orderBy: 'status' as BrowserOrderBy }), /orderBy "status" is not one of the documented values/));
  it('an unknown sortOrder', () => expectInvalid(listAll({ orderBy: 'id', sortOrder: 'UP' as SortOrder }), /ASCENDING or DESCENDING/));

  it('both ttl and expire_time', () =>
    expectInvalid(() => client.createToken({ ttlSeconds: 60, expireTime: '2030-01-01T00:00:00Z' }), /either a lifetime \(ttl\) or an expiry time/));
  // 1e21 used to go out as "1e+21s"; 10 years + 1 s is past the upper bound.
  for (const ttlSeconds of [0, -5, 1.5, MAX_TOKEN_TTL_SECONDS + 1, 1e21, Number.POSITIVE_INFINITY, Number.NaN]) {
    it(`ttl ${ttlSeconds}`, () =>
      expectInvalid(() => client.createToken({ ttlSeconds }), /whole number of seconds from 1 to 315360000 \(10 years\)/));
  }
  it('the longest ttl is accepted', async () => {
    const t = await client.createToken({ ttlSeconds: MAX_TOKEN_TTL_SECONDS });
    assert.ok(t.tokenPermanentId);
    emu.clearRequestLog(); // this one was meant to reach the emulator
  });
  for (const expireTime of ['2020-01-01T00:00:00Z', new Date(clock.now() - 1000).toISOString().slice(0, 19) + 'Z']) {
    it(`an expire_time in the past (${expireTime})`, () => expectInvalid(() => client.createToken({ expireTime }), /is not in the future/));
  }
  for (const expireTime of ['2030-01-01', '2030-01-01 00:00:00Z', '2030-01-01T00:00:00+02:00', '2030-13-01T00:00:00Z', 'tomorrow']) {
    it(`expire_time "${expireTime}"`, () => expectInvalid(() => client.createToken({ expireTime }), /yyyy-MM-ddThh:mm:ssZ/));
  }

  it('empty ids', async () => {
    await expectInvalid(() => client.getBrowser('', 'BASIC'), /device ID is required/);
    await expectInvalid(() => client.updateAnnotations(' ', { annotatedUser: 'x' }), /device ID is required/);
    await expectInvalid(() => client.deleteBrowser(''), /device ID is required/);
    await expectInvalid(() => client.revokeToken(''), /token permanent ID is required/);
    await expectInvalid(() => client.moveBrowsers(['a', ''], '/Sales'), /device ID is required/);
  });

  // URL normalisation turns /chromebrowsers/.. into /devices/: such ids never reach a path.
  for (const id of ['.', '..', 'a/b', '../x', 'a\\b', 'a\nb', '\u0000']) {
    it(`the id ${JSON.stringify(id)}`, async () => {
      await expectInvalid(() => client.deleteBrowser(id), /is not a valid device ID, so nothing was sent/);
      await expectInvalid(() => client.getBrowser(id, 'BASIC'), /is not a valid device ID/);
      await expectInvalid(() => client.updateAnnotations(id, { annotatedUser: 'x' }), /is not a valid device ID/);
      await expectInvalid(() => client.revokeToken(id), /is not a valid token permanent ID/);
      await expectInvalid(() => client.moveBrowsers([id], '/Sales'), /is not a valid device ID/);
    });
  }

  it('move without a usable org unit', async () => {
    await expectInvalid(() => client.moveBrowsers(['a'], ''), /org unit is required.*full path/);
    await expectInvalid(() => client.moveBrowsers(['a'], 'Sales'), /must be a full path starting with "\/"/);
  });

  it('rejects a zero or timer-overflowing timeout, or zero attempts, when the client is built', () => {
    assert.throws(() => makeClient(emu, { timeoutMs: 0 }), /timeoutMs/);
    // Node fires a timer above 2^31-1 ms at once: such a time-out would be no time-out at all.
    for (const timeoutMs of [2 ** 31, 1e12, Number.POSITIVE_INFINITY, Number.NaN])
      assert.throws(() => makeClient(emu, { timeoutMs }), /timeoutMs must be greater than 0 and at most 600000/);
    assert.throws(() => makeClient(emu, { retry: { maxAttempts: 0 } }), /maxAttempts/);
  });
});
