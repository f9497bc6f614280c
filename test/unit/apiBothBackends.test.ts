// One table of cases, two backends: retries, page-token restarts, the parallel fleet listing and batched moves run
// against the v1.1beta1 client and the Chrome Management API v1 client alike (issue 19: the v1 backend's token create
// was retried blindly and its restarts duplicated items without a test noticing). Real HTTP against the emulator.
import * as assert from 'assert';
import { listFleet, TokenBucketLimiter, type ApiError } from '../../src/api';
import { useEmulator } from '../emulator/fixture';
import { collect, rejects } from './apiHarness';
import { BACKENDS, disposeBackends } from './bothBackends';

for (const kind of BACKENDS) {
  describe(`both backends (${kind.name}): retries, restarts, fleet listing, moves`, function () {
    this.timeout(30_000);
    after(disposeBackends);
    const emu = useEmulator({ browsers: 1400, tokens: 30, seed: 23 });
    const statuses = (): number[] => kind.apiRequests(emu).map((r) => r.status);
    const someId = (): string => [...emu.fleet.browsers.keys()][0];
    const allIds = (): string[] => [...emu.fleet.browsers.keys()].sort();
    /** An org unit with no active token (the v1 API allows one active token per org unit). */
    const freeOrgUnit = (): string => {
      const busy = new Set([...emu.fleet.tokens.values()].filter((t) => emu.fleet.tokenState(t) === 'active').map((t) => t.orgUnitPath));
      const ou = emu.fleet.orgUnits
        .list()
        .map((o) => o.orgUnitPath)
        .find((p) => !busy.has(p));
      assert.ok(ou, 'the fleet has an org unit without an active token');
      return ou;
    };

    describe('retries', () => {
      it('503 then 500 then success', async () => {
        const { backend } = kind.make(emu);
        emu.setFaults({ failNext: [{ status: 503 }, { status: 500 }] });
        assert.strictEqual((await backend.getBrowser(someId(), 'BASIC')).deviceId, someId());
        assert.deepStrictEqual(statuses(), [503, 500, 200]);
      });

      it('a connection reset on a read is retried', async () => {
        const { backend } = kind.make(emu);
        emu.setFaults({ failNext: [{ reset: true }] });
        await backend.getBrowser(someId(), 'BASIC');
        assert.deepStrictEqual(statuses(), [0, 200]);
      });

      it('429 is retried after Retry-After', async () => {
        const { backend } = kind.make(emu);
        emu.setFaults({ failNext: [{ status: 429, retryAfter: 0 }] });
        await backend.getBrowser(someId(), 'BASIC');
        assert.deepStrictEqual(statuses(), [429, 200]);
      });

      it('gives up after maxAttempts', async () => {
        const { backend } = kind.make(emu, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
        emu.setFaults({ failNext: [{ status: 503, times: 10 }] });
        const err = (await rejects(backend.getBrowser(someId(), 'BASIC'))) as ApiError;
        assert.strictEqual(err.kind, 'server');
        assert.strictEqual(err.attempts, 3);
        assert.deepStrictEqual(statuses(), [503, 503, 503]);
      });

      it('400 and 404 are not retried', async () => {
        const { backend } = kind.make(emu);
        emu.setFaults({ failNext: [{ status: 400, message: 'Invalid Input: x' }] });
        assert.strictEqual(((await rejects(backend.getBrowser(someId(), 'BASIC'))) as ApiError).kind, 'invalid');
        assert.strictEqual(((await rejects(backend.getBrowser('no-such-device', 'BASIC'))) as ApiError).kind, 'notFound');
        assert.deepStrictEqual(statuses(), [400, 404]);
      });

      it('token create: a 503 is not retried and no token is made', async () => {
        const { backend } = kind.make(emu);
        const before = emu.fleet.tokens.size;
        emu.setFaults({ failNext: [{ status: 503, method: 'POST', pathIncludes: 'nrollmentTokens' }] });
        const err = (await rejects(backend.createToken({ orgUnitPath: freeOrgUnit() }))) as ApiError;
        assert.strictEqual(err.kind, 'server');
        assert.match(err.message, /token list/);
        assert.deepStrictEqual(statuses(), [503]);
        assert.strictEqual(emu.fleet.tokens.size, before);
      });

      it('token create: a connection reset is not retried (the token may exist)', async () => {
        const { backend } = kind.make(emu);
        emu.setFaults({ failNext: [{ reset: true, method: 'POST', pathIncludes: 'nrollmentTokens' }] });
        const err = (await rejects(backend.createToken({ orgUnitPath: freeOrgUnit() }))) as ApiError;
        assert.strictEqual(err.kind, 'network');
        assert.strictEqual(err.delivery, 'maybe');
        assert.deepStrictEqual(statuses(), [0]);
      });

      it('token create: a 429 is retried and makes exactly one token', async () => {
        const { backend } = kind.make(emu);
        const before = emu.fleet.tokens.size;
        emu.setFaults({ failNext: [{ status: 429, retryAfter: 0, method: 'POST', pathIncludes: 'nrollmentTokens' }] });
        await backend.createToken({ orgUnitPath: freeOrgUnit() });
        assert.deepStrictEqual(statuses(), [429, 200]);
        assert.strictEqual(emu.fleet.tokens.size, before + 1);
      });

      it('401: a fresh access token, one retry', async () => {
        const { backend, tokens } = kind.make(emu);
        await backend.getBrowser(someId(), 'BASIC');
        await tokens.revokeCurrent();
        await backend.getBrowser(someId(), 'BASIC');
        assert.deepStrictEqual(statuses(), [200, 401, 200]);
        assert.strictEqual(tokens.invalidations, 1);
      });
    });

    describe('page-token restarts', () => {
      it('a browser listing whose page token expired restarts without duplicates or gaps', async () => {
        const { backend, logLines } = kind.make(emu);
        const ids: string[] = [];
        let pages = 0;
        for await (const page of backend.listBrowsers({ maxResults: 100, orderBy: 'machine_name' })) {
          ids.push(...page.browsers.map((b) => b.deviceId));
          if (++pages === 3) emu.setFaults({ expirePageTokens: 1 });
        }
        assert.strictEqual(new Set(ids).size, ids.length, 'no duplicates');
        assert.deepStrictEqual([...ids].sort(), allIds(), 'nothing missed');
        const listings = kind.apiRequests(emu).filter((r) => !r.path.includes('pageToken='));
        assert.strictEqual(listings.length, 2, 'started twice');
        assert.ok(
          kind.apiRequests(emu).some((r) => r.status === 400),
          'the emulator refused the expired token',
        );
        assert.ok(
          logLines.some((l) => /restarting the listing/.test(l)),
          logLines.join('\n'),
        );
      });

      it('a restart keeps the order of an uninterrupted listing', async () => {
        const { backend } = kind.make(emu);
        const options = { maxResults: 100, orderBy: 'machine_name' as const, sortOrder: 'DESCENDING' as const };
        const uninterrupted = (await collect(backend.listBrowsers(options), (p) => p.browsers)).map((b) => b.deviceId);
        const ids: string[] = [];
        let pages = 0;
        for await (const page of backend.listBrowsers(options)) {
          ids.push(...page.browsers.map((b) => b.deviceId));
          if (++pages === 5) emu.advanceClock(3_600_001); // past the page tokens' one-hour lifetime
        }
        assert.deepStrictEqual(ids, uninterrupted);
      });

      it('a token listing restarts too', async () => {
        const { backend } = kind.make(emu);
        const ids: string[] = [];
        let pages = 0;
        for await (const page of backend.listTokens({ pageSize: 5 })) {
          ids.push(...page.tokens.map((t) => t.tokenPermanentId));
          if (++pages === 2) emu.setFaults({ expirePageTokens: 1 });
        }
        assert.strictEqual(new Set(ids).size, ids.length);
        assert.deepStrictEqual([...ids].sort(), [...emu.fleet.tokens.keys()].sort());
      });

      it('the number of restarts is bounded', async () => {
        const { backend } = kind.make(emu, { maxPageRestarts: 2 });
        emu.setFaults({ expirePageTokens: 100 });
        const err = (await rejects(collect(backend.listBrowsers({ maxResults: 100 }), (p) => p.browsers))) as ApiError;
        assert.strictEqual(err.kind, 'pageTokenExpired');
        assert.strictEqual(kind.apiRequests(emu).length, 6, '3 first pages + 3 refused second pages');
      });
    });

    describe('fleet listing', () => {
      it('listFleet yields exactly the set of one sequential listing, each browser once', async () => {
        const { backend } = kind.make(emu);
        const expected = (await collect(backend.listBrowsers({ maxResults: 100 }), (p) => p.browsers)).map((b) => b.deviceId);
        const ids: string[] = [];
        const limiter = new TokenBucketLimiter({ requestsPerMinute: 600_000 });
        for await (const batch of listFleet(backend, { limiter })) ids.push(...batch.map((b) => b.deviceId));
        assert.strictEqual(new Set(ids).size, ids.length, 'a browser was yielded twice');
        assert.deepStrictEqual([...ids].sort(), [...expected].sort());
        assert.deepStrictEqual([...ids].sort(), allIds());
      });
    });

    describe('moves', () => {
      const movable = (): string[] => [...emu.fleet.browsers.keys()].filter((id) => emu.fleet.browsers.get(id)!.orgUnitPath !== '/Finance');

      it('1,300 ids in batches of at most 600, the one bad id isolated, everything else moved', async () => {
        const { backend, sent } = kind.make(emu);
        const wanted = movable().slice(0, 1300);
        const bad = wanted[777];
        const badOu = emu.fleet.browsers.get(bad)!.orgUnitPath;
        emu.setFaults({ badDeviceIds: [bad] });
        const result = await backend.moveBrowsers(wanted, '/Finance');
        assert.strictEqual(result.moved.length, 1299);
        assert.deepStrictEqual(
          result.failed.map((f) => f.id),
          [bad],
        );
        assert.deepStrictEqual(result.notTried, []);
        for (const id of result.moved) assert.strictEqual(emu.fleet.browsers.get(id)!.orgUnitPath, '/Finance');
        assert.strictEqual(emu.fleet.browsers.get(bad)!.orgUnitPath, badOu);
        const sizes = kind.movedIds(sent).map((b) => b.length);
        assert.deepStrictEqual(sizes.slice(0, 2), [600, 600]);
        assert.ok(sizes.every((n) => n <= 600));
      });

      it('a 503 on a batch is retried (moves are idempotent)', async () => {
        const { backend } = kind.make(emu);
        emu.setFaults({ failNext: [{ status: 503, method: 'POST' }] });
        const result = await backend.moveBrowsers(movable().slice(0, 10), '/Finance');
        assert.strictEqual(result.moved.length, 10);
        assert.deepStrictEqual(statuses(), [503, 200]);
      });

      it('an unknown id fails alone; duplicates are sent once', async () => {
        const { backend, sent } = kind.make(emu);
        const [a, b] = movable();
        const result = await backend.moveBrowsers([a, 'unknown-device', b, a], '/Finance');
        assert.deepStrictEqual([...result.moved].sort(), [a, b].sort());
        assert.deepStrictEqual(
          result.failed.map((f) => f.id),
          ['unknown-device'],
        );
        assert.deepStrictEqual(kind.movedIds(sent)[0], [a, 'unknown-device', b]);
      });

      it('stops at a 403 and reports the rest as not tried', async () => {
        const { backend } = kind.make(emu);
        const result = await backend.moveBrowsers(movable().slice(0, 1300), '/Finance', undefined, (p) => {
          if (p.batchIndex === 0)
            emu.setFaults({ failNext: [{ status: 403, reason: 'forbidden', message: 'Not Authorized to access this resource/api' }] });
        });
        // The first batch goes alone; the other two are then in flight together and one of them meets the 403.
        assert.ok(result.moved.length === 700 || result.moved.length === 1200, `${result.moved.length} moved`);
        assert.strictEqual(result.moved.length + result.notTried.length, 1300);
        assert.strictEqual(result.stoppedBy?.kind, 'permission');
      });
    });
  });
}
