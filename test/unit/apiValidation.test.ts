// Bad input is rejected with a clear ApiError before any request reaches the emulator.
import * as assert from 'assert';
import { ApiError, type BrowserOrderBy, type DirectoryBetaClient, type SortOrder } from '../../src/api';
import { apiRequests, collect, makeClient, useApiEmulator } from './apiHarness';

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
  it('an undocumented orderBy', () => expectInvalid(listAll({ orderBy: 'status' as BrowserOrderBy }), /orderBy "status" is not one of the documented values/));
  it('an unknown sortOrder', () => expectInvalid(listAll({ orderBy: 'id', sortOrder: 'UP' as SortOrder }), /ASCENDING or DESCENDING/));

  it('both ttl and expire_time', () =>
    expectInvalid(() => client.createToken({ ttlSeconds: 60, expireTime: '2030-01-01T00:00:00Z' }), /either a lifetime \(ttl\) or an expiry time/));
  for (const ttlSeconds of [0, -5, 1.5]) {
    it(`ttl ${ttlSeconds}`, () => expectInvalid(() => client.createToken({ ttlSeconds }), /whole number of seconds greater than 0/));
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

  it('move without a usable org unit', async () => {
    await expectInvalid(() => client.moveBrowsers(['a'], ''), /org unit is required.*full path/);
    await expectInvalid(() => client.moveBrowsers(['a'], 'Sales'), /must be a full path starting with "\/"/);
  });

  it('rejects a zero timeout or attempts when the client is built', () => {
    assert.throws(() => makeClient(emu, { timeoutMs: 0 }), /timeoutMs/);
    assert.throws(() => makeClient(emu, { retry: { maxAttempts: 0 } }), /maxAttempts/);
  });
});
