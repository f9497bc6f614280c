// 1. Fleet listing at 250 ms per request against the quota-bound ideal: the fewest pages a listing can take
//    (one per 100 browsers, what sequential paging sends) at 2,400 requests a minute, plus the one round-trip
//    the last page needs — ceil(N / 100) / 40 s + 250 ms. Nothing can list the fleet faster without breaking the
//    quota, so the ideal is computed, not run. Ours: listFleet (org units + registration-time ranges listed
//    concurrently under the 2,400/min token bucket). Its requests are compared with sequential paging's, which
//    are exactly ceil(N / 100). The emulator runs in its own process, like Google's servers, so its work does not
//    compete with the client's. Every run must return each of the N device ids once.
//    Run alone: npx tsx bench/fleetListing.bench.ts [--browsers 20000] [--runs 1] [--scope exact|subtree]
import { SCOPES } from '../test/emulator';
import { createDirectoryBetaBackend, listFleet, TokenBucketLimiter, USER_REQUESTS_PER_MINUTE } from '../src/api';
import { startEmulatorProcess } from './emulatorProcess';
import { computedBaseline, stat, type BenchRow } from './stats';

export interface FleetListingBenchOptions {
  browsers?: number;
  latencyMs?: number;
  runs?: number;
  /** How the emulator reads an org unit filter: its own browsers (default) or its whole subtree. */
  orgUnitScope?: 'exact' | 'subtree';
  /** Row label prefix, e.g. "1a". */
  label?: string;
  log?: (line: string) => void;
}

export const TIME_TARGET = 1.15;
export const REQUEST_TARGET = 1.05;

/** Seconds the quota allows for `requests` requests, plus one round-trip for the last answer. */
export function quotaBoundSeconds(requests: number, latencyMs: number): number {
  return (requests / USER_REQUESTS_PER_MINUTE) * 60 + latencyMs / 1000;
}

export async function benchFleetListing(o: FleetListingBenchOptions = {}): Promise<BenchRow[]> {
  const browsers = o.browsers ?? 20_000;
  const latencyMs = o.latencyMs ?? 250;
  const runs = o.runs ?? 3;
  const log = o.log ?? (() => undefined);
  const scope = o.orgUnitScope ?? 'exact';
  const label = o.label ?? '1';
  const pages = Math.ceil(browsers / 100);
  const ideal = quotaBoundSeconds(pages, latencyMs);
  const emu = await startEmulatorProcess(
    ['--browsers', String(browsers), '--seed', '11', '--latency', String(latencyMs), '--org-unit-scope', scope],
    [SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly],
  );
  // One client for every run, as in the extension: under "subtree" the first run learns the reading.
  const client = createDirectoryBetaBackend({
    baseUrl: emu.url,
    customerId: emu.customerId,
    tokenSource: { getAccessToken: async () => emu.accessToken },
  });
  const apiRequests = async () => ((await (await fetch(`${emu.url}/__emulator/requests?since=999999999`)).json()) as { apiTotal: number }).apiTotal;
  try {
    const seconds: number[] = [];
    const requests: number[] = [];
    let detail = '';
    for (let i = 0; i < runs; i++) {
      const r0 = await apiRequests();
      const ids = new Set<string>();
      let count = 0;
      let progress = { parts: 0, pages: 0 };
      const t0 = performance.now();
      // A fresh bucket per run, so one run's debt does not slow the next.
      for await (const batch of listFleet(client, { projection: 'BASIC', limiter: new TokenBucketLimiter() }, undefined, (p) => (progress = p))) {
        for (const b of batch) ids.add(b.deviceId);
        count += batch.length;
      }
      seconds.push((performance.now() - t0) / 1000);
      requests.push((await apiRequests()) - r0);
      if (ids.size !== browsers || count !== browsers) throw new Error(`run ${i + 1} listed ${count} browsers (${ids.size} distinct) of ${browsers}`);
      detail = `${progress.parts} parts, ${progress.pages} pages`;
      log(
        `  ${label} run ${i + 1}/${runs}: ${seconds[i].toFixed(2)} s (ideal ${ideal.toFixed(2)} s, ×${(seconds[i] / ideal).toFixed(2)}), ` +
          `${requests[i]} requests (sequential ${pages}), ${detail}, every browser once`,
      );
    }
    const ours = stat(seconds);
    const req = stat(requests);
    const name = `${label}. Fleet listing, ${browsers.toLocaleString('en')} browsers, ${latencyMs} ms/request, org unit filter read "${scope}"`;
    // The listing sends no org unit filter, so the reading changes nothing; the first run is shown all the same.
    const learnt =
      scope === 'subtree' ? `; first run: ${seconds[0].toFixed(2)} s, ${requests[0]} requests (no org unit filter is sent: nothing to learn)` : '';
    return [
      {
        name: `${name}: time`,
        unit: 's',
        ours,
        baseline: computedBaseline(`quota-bound ideal (${pages} pages ÷ 2,400/min + ${latencyMs} ms)`, ideal),
        ratio: ours.median / ideal,
        target: `≤ ${TIME_TARGET}× ideal, every browser once`,
        pass: ours.median / ideal <= TIME_TARGET,
        note: `${detail} in the last run; every run returned each browser exactly once${learnt}`,
      },
      {
        name: `${name}: requests`,
        unit: 'req',
        ours: req,
        baseline: computedBaseline('sequential paging (one request per 100 browsers)', pages),
        ratio: req.median / pages,
        target: `≤ ${REQUEST_TARGET}× sequential`,
        pass: req.median / pages <= REQUEST_TARGET,
        note: 'API requests the emulator answered during the listing (org units + every page, retries included)',
      },
    ];
  } finally {
    client.dispose();
    await emu.stop();
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  void benchFleetListing({
    browsers: Number(arg('--browsers') ?? 20_000),
    runs: Number(arg('--runs') ?? 1),
    orgUnitScope: (arg('--scope') ?? 'exact') as 'exact' | 'subtree',
    log: console.log,
  }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
