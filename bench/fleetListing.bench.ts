// 1. Fleet listing at 250 ms per request: sequential paging through one listing (what command-line tools do)
//    versus listFleet (org units + registration-time ranges listed concurrently under the 2,400/min limiter).
//    Both must return the same set of device ids, each once. The emulator runs in its own process, like Google's
//    servers, so its work does not compete with the client's. Run alone: npx tsx bench/fleetListing.bench.ts
import { SCOPES } from '../test/emulator';
import { createDirectoryBetaBackend, listFleet, TokenBucketLimiter, type CbcmBackend } from '../src/api';
import { startEmulatorProcess } from './emulatorProcess';
import { stat, type BenchRow } from './stats';

export interface FleetListingBenchOptions {
  browsers?: number;
  latencyMs?: number;
  runs?: number;
  /** How the emulator reads an org unit filter: its own browsers (default) or its whole subtree. */
  orgUnitScope?: 'exact' | 'subtree';
  log?: (line: string) => void;
}

async function sequentialIds(client: CbcmBackend): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of client.listBrowsers({ projection: 'BASIC', maxResults: 100 })) for (const b of page.browsers) ids.push(b.deviceId);
  return ids;
}

async function parallelIds(client: CbcmBackend): Promise<{ ids: string[]; parts: number; pages: number }> {
  const ids: string[] = [];
  let parts = 0;
  let pages = 0;
  // A fresh bucket per run, so one run's debt does not slow the next.
  const limiter = new TokenBucketLimiter();
  for await (const batch of listFleet(client, { projection: 'BASIC', limiter }, undefined, (p) => ({ parts, pages } = p))) {
    for (const b of batch) ids.push(b.deviceId);
  }
  return { ids, parts, pages };
}

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length || new Set(a).size !== a.length) return false;
  const sb = new Set(b);
  return a.every((id) => sb.has(id));
}

export async function benchFleetListing(o: FleetListingBenchOptions = {}): Promise<BenchRow> {
  const browsers = o.browsers ?? 20_000;
  const latencyMs = o.latencyMs ?? 250;
  const runs = o.runs ?? 3;
  const log = o.log ?? (() => undefined);
  const scope = o.orgUnitScope ?? 'exact';
  const emu = await startEmulatorProcess(['--browsers', String(browsers), '--seed', '11', '--latency', String(latencyMs), '--org-unit-scope', scope],
    [SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]);
  const client = createDirectoryBetaBackend({ baseUrl: emu.url, customerId: emu.customerId, tokenSource: { getAccessToken: async () => emu.accessToken } });
  const apiRequests = async () => ((await (await fetch(`${emu.url}/__emulator/requests?since=999999999`)).json()) as { apiTotal: number }).apiTotal;
  try {
    const seqTimes: number[] = [];
    const ourTimes: number[] = [];
    let identical = true;
    let detail = '';
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      const seq = await sequentialIds(client);
      seqTimes.push(performance.now() - t0);
      const seqRequests = await apiRequests();
      t0 = performance.now();
      const ours = await parallelIds(client);
      ourTimes.push(performance.now() - t0);
      const ourRequests = (await apiRequests()) - seqRequests;
      const same = sameSet(ours.ids, seq) && seq.length === browsers;
      identical &&= same;
      detail = `${ours.parts} parts, ${ours.pages} pages (sequential: ${Math.ceil(browsers / 100)} pages)`;
      log(`  fleet listing run ${i + 1}/${runs}: sequential ${(seqTimes[i] / 1000).toFixed(2)} s, ours ${(ourTimes[i] / 1000).toFixed(2)} s, ` +
        `${detail}, requests ${ourRequests}, identical set: ${same}`);
    }
    const ours = stat(ourTimes.map((t) => t / 1000));
    const baseline = stat(seqTimes.map((t) => t / 1000));
    const speedup = baseline.median / ours.median;
    return {
      name: `1. Fleet listing, ${browsers.toLocaleString('en')} browsers, ${latencyMs} ms/request, org unit filter read "${scope}"`,
      unit: 's',
      ours,
      baseline: { name: 'sequential paging', ...baseline },
      ratio: ours.median / baseline.median,
      ratioText: `${speedup.toFixed(1)}× faster`,
      target: '≥ 6× faster, identical set',
      pass: speedup >= 6 && identical,
      note: `${detail}; identical de-duplicated set in every run: ${identical ? 'yes' : 'NO'}` +
        (scope === 'subtree' ? '; the first run learns the reading, later runs list the account once' : ''),
    };
  } finally {
    client.dispose();
    await emu.stop();
  }
}

if (require.main === module) {
  void benchFleetListing({ runs: Number(process.env.RUNS ?? 1), log: console.log }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
