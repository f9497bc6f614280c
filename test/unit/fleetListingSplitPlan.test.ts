// How many parts the fleet listing cuts the fleet into: every part ends on a page it does not fill, so parts cost
// requests; only as many as keep the quota busy, and a cut only where it brings the end forward. The planner's
// arithmetic alone, then the listing against the emulator over real HTTP under both readings of orgUnitPath.
import * as assert from 'assert';
import { emulatorPerTest } from '../emulator/fixture';
import { listFleet, TokenBucketLimiter, type FleetProgress } from '../../src/api';
import { bestSplit, cutDistance, finishMs, PAGES_LOST_PER_CUT, type ListingPace } from '../../src/api/fleetSplitPlan';
import { apiRequests, disposeClients, makeClient } from './apiHarness';

// 2,400 requests a minute, 250 ms a page: 10 requests in flight use the whole quota.
const GOOGLE: ListingPace = { latencyMs: 250, requestsPerMs: 0.04, tokensAvailable: 0 };

describe('fleet listing: how many parts (fleetSplitPlan)', () => {
  it('estimates the end as the latest of the quota, the round-trips of the parts running and the longest part', () => {
    // 10 parts of 20 pages: 200 pages at 40 a second (5 s) and 20 round-trips (5 s) agree.
    assert.strictEqual(finishMs(Array(10).fill(20), GOOGLE), 5000);
    // 5 parts of 20: the round-trips bound it (they use half the quota).
    assert.strictEqual(finishMs(Array(5).fill(20), GOOGLE), 5000);
    // 20 parts of 10 pages: the quota bounds it, whatever the round-trips would allow.
    assert.strictEqual(finishMs(Array(20).fill(10), GOOGLE), 5000);
    // One part left with 12 pages while the others have 2: it alone sets the end.
    assert.strictEqual(finishMs([12, 2, 2, 2], GOOGLE), 3000);
    // Tokens already in the bucket go out at once.
    assert.strictEqual(finishMs(Array(20).fill(10), { ...GOOGLE, tokensAvailable: 40 }), 4000);
  });

  it('does not cut while the quota is the bound (a cut would only cost requests)', () => {
    assert.strictEqual(bestSplit(Array(12).fill(20), GOOGLE, 250), undefined);
    assert.strictEqual(bestSplit(Array(16).fill(3), GOOGLE, 250), undefined);
  });

  it('cuts the part left alone with most pages, and several equally long ones when together they pay', () => {
    const alone = bestSplit([12, 2, 2, 2], GOOGLE, 250);
    assert.deepStrictEqual(alone && { index: alone.index }, { index: 0 });
    assert.ok(alone!.gainMs >= 250);
    // Four parts of 20 pages use 40 % of the quota: one cut alone gains nothing (three others still take 5 s),
    // cutting all four halves the time, which pays per cut.
    const together = bestSplit([20, 20, 20, 20], GOOGLE, 250);
    assert.ok(together, 'no cut although the listing uses 40 % of the quota');
    // A part that may not be cut (too short a time range) is passed over.
    const other = bestSplit([12, 2, 2, 2], GOOGLE, 250, (i) => i !== 0);
    assert.strictEqual(other, undefined);
  });

  it('does not cut a part whose pages are nearly done (the cut would waste more than it gains)', () => {
    assert.strictEqual(bestSplit([2, 1, 1], GOOGLE, 250), undefined);
    assert.ok(PAGES_LOST_PER_CUT > 0);
  });

  it('cuts halfway through what a part has left once it has seen as much, nearer when it has seen little of a long range', () => {
    const DAY = 86_400_000;
    // Covered as much as is left: the browsers seen stand for the rest, halfway.
    assert.strictEqual(cutDistance(10 * DAY, 10 * DAY, 10_000), 5 * DAY);
    // 100 minutes seen of a month left (a cluster in a sliver of the range): the geometric mean, about 2 days.
    const near = cutDistance(100 * 60_000, 30 * DAY, 10_000);
    assert.ok(near > DAY && near < 3 * DAY, `${near / DAY} days`);
    // Never under the shortest range, never past the end.
    assert.strictEqual(Math.round(cutDistance(0, 60_000, 10_000)), 24_495);
    assert.strictEqual(cutDistance(5_000, 8_000, 10_000), 8_000);
    assert.strictEqual(cutDistance(DAY, 0, 10_000), 0);
  });
});

describe('fleet listing: requests against sequential paging (emulator over HTTP)', function () {
  this.timeout(60_000);
  afterEach(disposeClients);
  const startEmulator = emulatorPerTest();

  for (const scope of ['exact', 'subtree'] as const) {
    it(`lists 4,000 browsers in about the pages of one sequential listing, read "${scope}"`, async () => {
      // 100 ms a page under 2,400 a minute: 4 requests in flight use the quota; 40 pages sequentially.
      const emu = await startEmulator({ browsers: 4000, seed: 12, latencyMs: 100, orgUnitScope: scope });
      const { client } = makeClient(emu);
      const since = apiRequests(emu).length;
      const ids = new Set<string>();
      let count = 0;
      let last: FleetProgress | undefined;
      // No burst: the listing is longer than one (a burst of 40 would hold the whole of it).
      const limiter = new TokenBucketLimiter({ requestsPerMinute: 2400, burst: 1 });
      for await (const batch of listFleet(client, { limiter }, undefined, (p) => (last = p))) {
        for (const b of batch) ids.add(b.deviceId);
        count += batch.length;
      }
      assert.strictEqual(count, 4000);
      assert.strictEqual(ids.size, 4000);
      const requests = apiRequests(emu).length - since;
      // One part per org unit (29 here), each cut again while the quota had room, cost 62–64 requests; cut by
      // registration time into what the quota can use, the extra is half a page per part (44–47 here; the
      // parts follow the measured round-trip, so a slow machine adds a few).
      assert.ok(requests <= 50, `${requests} requests for 40 pages (${last?.parts} parts)`);
      assert.ok(last && last.parts >= 3, `${last?.parts} parts: not listed in parallel`);
    });
  }
});
