// listFleet against the emulator over real HTTP: same set as one sequential listing, each browser once, bounded
// concurrency, the shared rate limiter, abort and early stop.
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import type { Emulator } from '../emulator';
import { emulatorPerTest } from '../emulator/fixture';
import { DEFAULT_FLEET_CONCURRENCY, listFleet, TokenBucketLimiter, type ChromeBrowser, type FetchLike, type FleetProgress } from '../../src/api';
import { disposeClients, makeClient, rejects, sleep } from './apiHarness';

async function sequentialIds(emu: Emulator, query?: string): Promise<string[]> {
  const { client } = makeClient(emu);
  const ids: string[] = [];
  for await (const page of client.listBrowsers({ projection: 'BASIC', maxResults: 100, query })) ids.push(...page.browsers.map((b) => b.deviceId));
  return ids;
}

async function fleetIds(batches: AsyncIterable<ChromeBrowser[]>): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of batches) ids.push(...batch.map((b) => b.deviceId));
  return ids;
}

function assertSameSet(actual: string[], expected: string[]): void {
  assert.strictEqual(new Set(actual).size, actual.length, 'a browser was yielded twice');
  assert.deepStrictEqual([...actual].sort(), [...expected].sort());
}

/** A fetch that counts requests in flight over real HTTP. */
function countingFetch(): { fetch: FetchLike; maxInFlight: () => number; total: () => number; urls: string[] } {
  let inFlight = 0;
  let max = 0;
  const urls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    urls.push(url);
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      const res = await (nodeFetch as unknown as FetchLike)(url, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, text: async () => text };
    } finally {
      inFlight--;
    }
  };
  return { fetch, maxInFlight: () => max, total: () => urls.length, urls };
}

describe('listFleet (parallel listing of the whole fleet)', function () {
  this.timeout(30_000);
  afterEach(disposeClients);
  const startEmulator = emulatorPerTest();
  const fast = () => new TokenBucketLimiter({ requestsPerMinute: 600_000 });

  it('returns exactly the set of one sequential listing, each browser once, split by org unit', async () => {
    const emu = await startEmulator({ browsers: 2500, seed: 7 });
    const expected = await sequentialIds(emu);
    const { client } = makeClient(emu);
    let last: FleetProgress | undefined;
    // Org unit parts are the plan when registration-time ranges are not used (by default they are).
    const ids = await fleetIds(listFleet(client, { limiter: fast(), splitByRegistration: false }, undefined, (p) => (last = p)));
    assertSameSet(ids, expected);
    assert.ok(last && last.parts >= emu.fleet.orgUnits.list().length + 1, `expected a part per OU, got ${last?.parts}`);
    assert.strictEqual(last?.listed, expected.length);
  });

  it('splits one big org unit by registration time, exactly, including browsers without a registration time', async () => {
    const emu = await startEmulator({ browsers: 3000, seed: 3, orgUnitPaths: ['/Small'], latencyMs: 20 });
    // Everything in the root but a handful: splitting by OU alone would be one long sequential listing.
    for (const b of emu.fleet.browsers.values()) b.orgUnitPath = '/';
    emu.fleet.version++;
    const unregistered = ['no-reg-1', 'no-reg-2'].map((deviceId) => emu.fleet.addBrowser({ deviceId, orgUnitPath: '/', machineName: deviceId }));
    // Same second as another browser's registration, on both sides of any cut: seconds must not be lost or doubled.
    const some = [...emu.fleet.browsers.values()].slice(0, 50);
    for (const [i, b] of some.entries()) {
      const second = Math.floor(Date.parse(b.lastRegistrationTime!) / 1000) * 1000;
      // Same instant, or the very end of the same second (a boundary second's stragglers).
      const at = i % 2 ? b.lastRegistrationTime : new Date(second + 999).toISOString();
      emu.fleet.addBrowser({ deviceId: `twin-${i}`, orgUnitPath: '/', lastRegistrationTime: at });
    }
    const expected = await sequentialIds(emu);
    assert.ok(expected.includes(unregistered[0].deviceId));
    const counter = countingFetch();
    const { client } = makeClient(emu, { fetch: counter.fetch });
    let last: FleetProgress | undefined;
    const ids = await fleetIds(listFleet(client, { limiter: fast(), concurrency: 6 }, undefined, (p) => (last = p)));
    assertSameSet(ids, expected);
    assert.ok(last && last.parts > 3, `the big OU was not split (parts: ${last?.parts})`);
    assert.ok(
      counter.urls.some((u) => /query=register%3A/.test(u)),
      'no registration-time range was listed',
    );
    assert.ok(counter.maxInFlight() > 2, `expected parallel listings, max in flight ${counter.maxInFlight()}`);
  });

  it('keeps the filter query and never adds a second register range to a query that has one', async () => {
    const emu = await startEmulator({ browsers: 1500, seed: 5 });
    const query = 'os_platform:Windows register:2000-01-01..';
    const expected = await sequentialIds(emu, query);
    assert.ok(expected.length > 0);
    const counter = countingFetch();
    const { client } = makeClient(emu, { fetch: counter.fetch });
    assertSameSet(await fleetIds(listFleet(client, { query, limiter: fast() })), expected);
    const listings = counter.urls.filter((u) => u.includes('/chromebrowsers'));
    assert.ok(listings.every((u) => (u.match(/register%3A/g) ?? []).length === 1 && !u.includes('orderBy=')));
  });

  it('never runs more listings at once than `concurrency`', async () => {
    const emu = await startEmulator({ browsers: 2000, seed: 2, latencyMs: 15 });
    const counter = countingFetch();
    const { client } = makeClient(emu, { fetch: counter.fetch });
    await fleetIds(listFleet(client, { concurrency: 3, limiter: fast() }));
    assert.strictEqual(counter.maxInFlight(), 3);
  });

  it('by default lists more org units at once than 10 (10 × 250 ms is exactly the quota: any slower page left it unused)', async () => {
    const emu = await startEmulator({ browsers: 3000, seed: 2, latencyMs: 15 });
    const counter = countingFetch();
    const { client } = makeClient(emu, { fetch: counter.fetch });
    await fleetIds(listFleet(client, { limiter: fast() }));
    assert.ok(DEFAULT_FLEET_CONCURRENCY > 10, `default concurrency ${DEFAULT_FLEET_CONCURRENCY}`);
    assert.strictEqual(counter.maxInFlight(), DEFAULT_FLEET_CONCURRENCY);
  });

  it('adds no registration-time split while requests wait for the quota (it would only cost extra pages)', async () => {
    // Org unit filters read "subtree": the root part alone lists all 3,000 browsers.
    const emu = await startEmulator({ browsers: 3000, seed: 2, latencyMs: 15, orgUnitScope: 'subtree' });
    const listingsOf = async (limiter: TokenBucketLimiter) => {
      const { client, sent } = makeClient(emu);
      await fleetIds(listFleet(client, { limiter, orgUnitPath: '/' }));
      return sent.filter((r) => r.url.includes('/chromebrowsers?')).length;
    };
    // One part of 30 pages; with a free quota it is split into several ranges, each ending on a partly full page.
    const free = await listingsOf(fast());
    // 40 requests a second with no burst: requests queue for the bucket all the time, so no part is added.
    const saturated = await listingsOf(new TokenBucketLimiter({ requestsPerMinute: 2400, burst: 1 }));
    assert.ok(free > saturated, `${free} requests with a free quota, ${saturated} when saturated`);
  });

  it('spaces requests by the shared limiter', async () => {
    const emu = await startEmulator({ browsers: 600, seed: 4 });
    const { client, sent } = makeClient(emu);
    // 1,200 requests per minute = one per 50 ms, no burst.
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 1200, burst: 1 });
    const started = Date.now();
    // One part per org unit: many listings at once, all spaced by the one limiter.
    await fleetIds(listFleet(client, { concurrency: 8, limiter, splitByRegistration: false }));
    const elapsed = Date.now() - started;
    const n = sent.length;
    assert.ok(n >= 10, `only ${n} requests`);
    assert.ok(elapsed >= (n - 1) * 50 - 20, `${n} requests in ${elapsed} ms: faster than 20/s`);
    const at = sent.map((s) => s.at).sort((a, b) => a - b);
    // Any window of 1 s holds at most ~20 requests (+1 for the burst token, +1 for timer slack).
    for (let i = 0; i < at.length; i++) {
      const inWindow = at.filter((t) => t >= at[i] && t < at[i] + 1000).length;
      assert.ok(inWindow <= 22, `${inWindow} requests within one second`);
    }
  });

  it('stops every listing when the signal aborts, and throws a cancellation', async () => {
    const emu = await startEmulator({ browsers: 5000, seed: 6, latencyMs: 40 });
    const counter = countingFetch();
    const { client } = makeClient(emu, { fetch: counter.fetch });
    const abort = new AbortController();
    const err = await rejects(
      (async () => {
        for await (const _batch of listFleet(client, { concurrency: 4, limiter: fast() }, abort.signal)) abort.abort();
      })(),
    );
    assert.strictEqual((err as { kind?: string }).kind, 'cancelled');
    const after = counter.total();
    await sleep(300);
    assert.strictEqual(counter.total(), after, 'requests went on after the abort');
    assert.ok(after < 30, `${after} requests for a listing aborted after its first batch`);
  });

  it('stops every listing when the consumer stops iterating', async () => {
    const emu = await startEmulator({ browsers: 5000, seed: 8, latencyMs: 40 });
    const counter = countingFetch();
    const { client } = makeClient(emu, { fetch: counter.fetch });
    for await (const _batch of listFleet(client, { concurrency: 4, limiter: fast() })) break;
    const after = counter.total();
    await sleep(300);
    assert.strictEqual(counter.total(), after);
  });

  it('rejects a bad concurrency and aborts on a limiter that was already cancelled', async () => {
    const emu = await startEmulator({ browsers: 10, seed: 1 });
    const { client } = makeClient(emu);
    assert.throws(() => listFleet(client, { concurrency: 0 }), /concurrency/);
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 1 });
    await limiter.acquire();
    const abort = new AbortController();
    const waiting = limiter.acquire(abort.signal);
    abort.abort();
    assert.strictEqual(((await rejects(waiting)) as { kind?: string }).kind, 'cancelled');
  });
});
