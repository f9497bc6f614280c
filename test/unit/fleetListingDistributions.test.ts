// The fleet listing's registration-time cuts whatever the spread of registration times: a fleet enrolled in one
// burst (the inventory benchmark's: a browser a minute), spread evenly up to now, two waves far apart, and every
// browser in the same second. Each against the real emulator over HTTP, with both backends and both readings of
// orgUnitPath: exactly the fleet, each browser once, and a bounded number of requests. The pace is Google's
// scaled down (10 requests in flight use the whole quota, as at 2,400/min and 250 ms), so the plan is the same.
import * as assert from 'assert';
import type { Emulator } from '../emulator';
import { emulatorPerTest } from '../emulator/fixture';
import { listFleet, TokenBucketLimiter, type ChromeBrowser, type FleetProgress } from '../../src/api';
import { BACKENDS, disposeBackends } from './bothBackends';

const BROWSERS = 3000;
const SEQUENTIAL_PAGES = BROWSERS / 100;
const LATENCY_MS = 40;
/** 10 requests per round-trip of 40 ms. */
const REQUESTS_PER_MINUTE = (10 * 60_000) / LATENCY_MS;
const START = Date.parse('2024-01-01T00:00:00Z');
const MINUTE = 60_000;

interface Distribution {
  name: string;
  registered(i: number): number;
  /** Listing requests allowed, against the 30 pages of one sequential listing. */
  maxRequests: number;
}

const DISTRIBUTIONS: Distribution[] = [
  // Cuts up to now would leave all of them in the first of ten ranges (the cause of the inventory's 4.6×).
  { name: 'clustered in two days (a browser a minute)', registered: (i) => START + i * MINUTE, maxRequests: 38 },
  { name: 'spread evenly up to now', registered: (i) => START + Math.floor((i / BROWSERS) * (Date.now() - START - 86_400_000)), maxRequests: 38 },
  // Half in January 2024, half in June 2025: every range between the waves is empty.
  {
    name: 'bimodal (two waves 17 months apart)',
    registered: (i) => (i % 2 ? Date.parse('2025-06-01T00:00:00Z') : START) + Math.floor(i / 2) * MINUTE,
    // Each empty range between the waves costs its one request: a fixed cost, 1.12× at 20,000 browsers.
    maxRequests: 56,
  },
  // Nothing to cut at second resolution: one sequential listing plus the latest-registration request.
  { name: 'all in the same second', registered: () => START + 500, maxRequests: SEQUENTIAL_PAGES + 1 },
];

async function seed(emu: Emulator, d: Distribution): Promise<void> {
  const paths = ['/', ...emu.fleet.orgUnits.list().map((o) => o.orgUnitPath)];
  for (let i = 0; i < BROWSERS; i++) {
    emu.fleet.addBrowser({
      deviceId: `dist-${String(i).padStart(5, '0')}`,
      machineName: `DIST-${i}`,
      orgUnitPath: paths[i % paths.length],
      lastRegistrationTime: new Date(d.registered(i)).toISOString(),
    });
  }
}

describe('listFleet: registration-time cuts whatever the spread of registration times', function () {
  this.timeout(60_000);
  afterEach(disposeBackends);
  const startEmulator = emulatorPerTest();

  for (const kind of BACKENDS) {
    for (const scope of ['exact', 'subtree'] as const) {
      for (const d of DISTRIBUTIONS) {
        it(`${kind.name}, org unit filters read "${scope}": ${d.name}`, async () => {
          const emu = await startEmulator({ browsers: 0, seed: 21, latencyMs: LATENCY_MS, orgUnitScope: scope });
          await seed(emu, d);
          const { backend } = kind.make(emu);
          const since = kind.apiRequests(emu).length;
          const ids: string[] = [];
          let last: FleetProgress | undefined;
          const limiter = new TokenBucketLimiter({ requestsPerMinute: REQUESTS_PER_MINUTE });
          for await (const batch of listFleet(backend, { limiter }, undefined, (p) => (last = p)))
            ids.push(...batch.map((b: ChromeBrowser) => b.deviceId));
          assert.strictEqual(new Set(ids).size, ids.length, 'a browser was yielded twice');
          assert.deepStrictEqual([...ids].sort(), [...emu.fleet.browsers.keys()].sort());
          const requests = kind.apiRequests(emu).length - since;
          assert.ok(requests <= d.maxRequests, `${requests} requests (${last?.parts} parts) against ${SEQUENTIAL_PAGES} sequential pages`);
          if (d.name.startsWith('all in')) assert.strictEqual(last?.parts, 1, 'a second cannot be cut');
          else assert.ok(last && last.parts >= 6, `only ${last?.parts} parts: the listing was not divided`);
        });
      }
    }
  }

  it('cuts the clustered fleet into ranges of about equal work, not one range holding nearly everything', async () => {
    const emu = await startEmulator({ browsers: 0, seed: 21, latencyMs: LATENCY_MS });
    await seed(emu, DISTRIBUTIONS[0]);
    const kind = BACKENDS[0];
    const { backend, sent } = kind.make(emu);
    const limiter = new TokenBucketLimiter({ requestsPerMinute: REQUESTS_PER_MINUTE });
    for await (const _batch of listFleet(backend, { limiter })) void _batch;
    // Pages per registration-time range (the query's register term names the range).
    const perRange = new Map<string, number>();
    for (const r of sent.filter((s) => s.url.includes('/browsers?') || s.url.includes('/chromebrowsers?'))) {
      const range = /register%3A([^&+%]*)/.exec(r.url)?.[1] ?? 'first';
      perRange.set(range, (perRange.get(range) ?? 0) + 1);
    }
    const largest = Math.max(...perRange.values());
    // 30 pages over about 10 ranges: none should carry more than a third of them (cuts up to now: all but one).
    assert.ok(largest <= 10, `one range took ${largest} of ${SEQUENTIAL_PAGES} pages: ${JSON.stringify([...perRange])}`);
  });
});
