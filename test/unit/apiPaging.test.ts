// Listings as async iterators: cancellation (no request after abort) and page-token expiry (restart without
// duplicates or gaps).
import * as assert from 'assert';
import { ApiError, isAbortError, type BrowserListPage } from '../../src/api';
import { apiRequests, collect, makeClient, rejects, sleep, useApiEmulator } from './apiHarness';

describe('api client: paging', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 250, tokens: 60, seed: 5 });

  describe('cancellation', () => {
    it('aborting mid-listing aborts the in-flight request, throws promptly and sends nothing more', async () => {
      const { client, sent } = makeClient(emu);
      emu.setFaults({ latencyMs: 150 });
      const ac = new AbortController();
      const it = client.listBrowsers({ maxResults: 10 }, ac.signal)[Symbol.asyncIterator]();
      for (let i = 0; i < 3; i++) assert.strictEqual((await it.next()).done, false);
      const pending = it.next();
      await sleep(30);
      ac.abort();
      const err = await rejects(pending);
      // Thrown before the emulator answered the request in flight (it holds each one 150 ms): the abort reached it.
      assert.strictEqual(apiRequests(emu).length, 3, 'the fourth request was still unanswered when the listing threw');
      assert.ok(isAbortError(err), String(err));
      assert.strictEqual((err as ApiError).kind, 'cancelled');
      assert.strictEqual((err as Error).name, 'AbortError');
      await rejects(it.next().then((r) => (r.done ? Promise.reject(new Error('done')) : r)));
      await sleep(300);
      assert.strictEqual(sent.length, 4);
      assert.strictEqual(apiRequests(emu).length, 4, 'three pages plus the one in flight; nothing after the abort');
    });

    it('aborting during a Retry-After wait stops at once', async () => {
      const { client } = makeClient(emu);
      // Retry-After 60 s is longer than this test's 20 s time-out: waiting it out fails the test.
      emu.setFaults({ failNext: [{ status: 429, retryAfter: 60 }] });
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 50);
      const err = await rejects(collect(client.listBrowsers({}, ac.signal), (p) => p.browsers));
      assert.ok(isAbortError(err));
      assert.strictEqual(apiRequests(emu).length, 1);
    });

    it('an already aborted signal sends no request', async () => {
      const { client } = makeClient(emu);
      const ac = new AbortController();
      ac.abort();
      assert.ok(isAbortError(await rejects(collect(client.listTokens({}, ac.signal), (p) => p.tokens))));
      assert.ok(isAbortError(await rejects(client.getBrowser('x', 'BASIC', ac.signal))));
      assert.strictEqual(apiRequests(emu).length, 0);
    });
  });

  describe('page-token expiry', () => {
    const allIds = (): string[] => [...emu.fleet.browsers.keys()].sort();

    it('restarts a listing whose page token expired (forced), without duplicates or gaps', async () => {
      const { client, logLines } = makeClient(emu);
      const ids: string[] = [];
      let pages = 0;
      for await (const page of client.listBrowsers({ maxResults: 30, orderBy: 'machine_name' })) {
        ids.push(...page.browsers.map((b) => b.deviceId));
        if (++pages === 3) emu.setFaults({ expirePageTokens: 1 });
      }
      assert.strictEqual(new Set(ids).size, ids.length, 'no duplicates');
      assert.deepStrictEqual([...ids].sort(), allIds(), 'nothing missed');
      const log = apiRequests(emu);
      assert.ok(
        log.some((r) => r.status === 400),
        'the emulator refused the expired token',
      );
      assert.strictEqual(log.filter((r) => !r.path.includes('pageToken=')).length, 2, 'started twice');
      assert.ok(logLines.some((l) => /restarting the listing/.test(l)));
    });

    it('restarts after the one-hour lifetime passes (emulator clock), keeping the order', async () => {
      const { client } = makeClient(emu);
      const ids: string[] = [];
      let pages = 0;
      for await (const page of client.listBrowsers({ maxResults: 50, orderBy: 'last_activity', sortOrder: 'DESCENDING' })) {
        ids.push(...page.browsers.map((b) => b.deviceId));
        if (++pages === 2) emu.advanceClock(3_600_001);
      }
      assert.strictEqual(new Set(ids).size, ids.length);
      assert.deepStrictEqual([...ids].sort(), allIds());
      const fresh = await collect(client.listBrowsers({ maxResults: 100, orderBy: 'last_activity', sortOrder: 'DESCENDING' }), (p) => p.browsers);
      assert.deepStrictEqual(
        ids,
        fresh.map((b) => b.deviceId),
        'same order as an uninterrupted listing',
      );
    });

    it('restarts an enrollment-token listing too', async () => {
      const { client } = makeClient(emu);
      const ids: string[] = [];
      let pages = 0;
      for await (const page of client.listTokens({ pageSize: 10 })) {
        ids.push(...page.tokens.map((t) => t.tokenPermanentId));
        if (++pages === 2) emu.setFaults({ expirePageTokens: 1 });
      }
      assert.strictEqual(new Set(ids).size, ids.length);
      assert.deepStrictEqual([...ids].sort(), [...emu.fleet.tokens.keys()].sort());
    });

    it('bounds the number of restarts', async () => {
      const { client } = makeClient(emu, { maxPageRestarts: 2 });
      emu.setFaults({ expirePageTokens: 100 });
      const err = (await rejects(collect(client.listBrowsers({ maxResults: 100 }), (p) => p.browsers))) as ApiError;
      assert.strictEqual(err.kind, 'pageTokenExpired');
      assert.match(err.message, /page token expired.*narrow it with an org unit or a query/);
      assert.strictEqual(apiRequests(emu).length, 6, '3 first pages + 3 refused second pages');
    });

    it('does not restart a listing that began at a caller-supplied (expired) token', async () => {
      const { client } = makeClient(emu);
      let token: string | undefined;
      for await (const page of client.listBrowsers({ maxResults: 100 })) {
        token = page.nextPageToken;
        break;
      }
      emu.setFaults({ expirePageTokens: 1 });
      const err = (await rejects(
        collect(client.listBrowsers({ maxResults: 100, pageToken: token }), (p: BrowserListPage) => p.browsers),
      )) as ApiError;
      assert.strictEqual(err.kind, 'pageTokenExpired');
    });
  });
});
