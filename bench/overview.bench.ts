// Fleet overview: CPU that aggregating 100,000 browsers adds beyond the listing itself (budget: under 1 s).
//
// 1. In memory: the emulator's 100,000 BASIC browsers (as the API sends them, JSON round-tripped so nothing is
//    shared with the emulator's own objects) are fed to the aggregator in pages of 100, then the final figures,
//    the snapshot (build + serialize) and its size are measured. CPU time = process.cpuUsage (user + system).
// 2. `--end-to-end`: loadOverview over real HTTP against the emulator (the fast concurrent listing), reporting
//    the aggregation's own share (`aggregateMs`, timed around each batch) of the whole load.
// Run: npx tsx bench/overview.bench.ts [--browsers 100000] [--runs 5] [--end-to-end]
import { Emulator } from '../test/emulator';
import { project } from '../test/emulator/browserDetails';
import type { ChromeBrowser } from '../src/api/types';
import { FleetAggregator } from '../src/overview/aggregator';
import { loadOverview } from '../src/overview/loader';
import { buildSnapshot, serializeSnapshot } from '../src/overview/snapshot';
import { clientFor } from './emulatorClient';
import { stat, type BenchRow } from './stats';

export interface OverviewBenchOptions {
  browsers?: number;
  runs?: number;
  endToEnd?: boolean;
  log?: (line: string) => void;
}

const BUDGET_MS = 1000;

function cpuMs(fn: () => void): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
}

export async function benchOverview(o: OverviewBenchOptions = {}): Promise<BenchRow[]> {
  const n = o.browsers ?? 100_000;
  const runs = o.runs ?? 5;
  const log = o.log ?? (() => undefined);
  const emu = await Emulator.start({ browsers: n, seed: 3 });
  try {
    const now = new Date(emu.now());
    // What the client holds after parsing the API's JSON: fresh objects, in pages of 100.
    const pages: ChromeBrowser[][] = [];
    const all = [...emu.fleet.browsers.values()].map((b) => project(b, 'BASIC'));
    for (let i = 0; i < all.length; i += 100) pages.push(JSON.parse(JSON.stringify(all.slice(i, i + 100))) as ChromeBrowser[]);

    const aggregateCpu: number[] = [];
    const snapshotCpu: number[] = [];
    let bytes = 0;
    let heapMb = 0;
    for (let r = 0; r < runs + 1; r++) {
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      let agg!: FleetAggregator;
      const a = cpuMs(() => {
        agg = new FleetAggregator({ scope: { kind: 'account' }, now });
        for (const p of pages) agg.addBrowsers(p);
        agg.figures(true);
      });
      const heap1 = process.memoryUsage().heapUsed;
      const s = cpuMs(() => {
        bytes = serializeSnapshot(buildSnapshot(agg.figures(true), agg.devicesByMajor())).length;
      });
      if (r === 0) continue; // warm-up (JIT)
      aggregateCpu.push(a.cpu);
      snapshotCpu.push(s.cpu);
      heapMb = Math.max(heapMb, (heap1 - heap0) / 1e6);
      log(
        `  run ${r}: aggregate ${a.cpu.toFixed(0)} ms CPU (${a.wall.toFixed(0)} ms wall), snapshot ${s.cpu.toFixed(0)} ms CPU, ${(bytes / 1e6).toFixed(2)} MB`,
      );
    }
    const agg = stat(aggregateCpu);
    const rows: BenchRow[] = [
      {
        name: `overview: aggregate ${n.toLocaleString('en-US')} browsers (CPU)`,
        unit: 'ms',
        ours: agg,
        target: `< ${BUDGET_MS} ms`,
        pass: agg.median < BUDGET_MS,
        note: `retained heap of the aggregate (counters + device ids by major) ≈ ${heapMb.toFixed(1)} MB`,
      },
      {
        name: `overview: snapshot of ${n.toLocaleString('en-US')} browsers (build + JSON)`,
        unit: 'ms',
        ours: stat(snapshotCpu),
        target: '',
        pass: undefined,
        note: `${(bytes / 1e6).toFixed(2)} MB of JSON (${(bytes / n).toFixed(1)} bytes per browser)`,
      },
    ];

    if (o.endToEnd) {
      const client = clientFor(emu);
      try {
        const r = await loadOverview(client, { scope: { kind: 'account' }, now });
        log(
          `  end to end: ${r.figures.totals.browsers} browsers in ${(r.totalMs / 1000).toFixed(1)} s, aggregation ${r.aggregateMs.toFixed(0)} ms of it`,
        );
        rows.push({
          name: `overview: load ${n.toLocaleString('en-US')} browsers over HTTP, aggregation share`,
          unit: 'ms',
          ours: stat([r.aggregateMs]),
          target: `< ${BUDGET_MS} ms`,
          pass: r.aggregateMs < BUDGET_MS,
          note: `whole load ${(r.totalMs / 1000).toFixed(1)} s (listing at the emulator's speed)`,
        });
      } finally {
        client.dispose();
      }
    }
    return rows;
  } finally {
    await emu.stop();
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  void benchOverview({ browsers: arg('--browsers'), runs: arg('--runs'), endToEnd: argv.includes('--end-to-end'), log: console.log }).then((rows) => {
    for (const r of rows) {
      console.log(
        `${r.name}: median ${r.ours.median.toFixed(0)} ${r.unit} (min ${r.ours.min.toFixed(0)}, max ${r.ours.max.toFixed(0)}, ${r.ours.runs} runs)` +
          `${r.target ? `, target ${r.target}: ${r.pass ? 'PASS' : 'FAIL'}` : ''}${r.note ? ` — ${r.note}` : ''}`,
      );
    }
    if (rows.some((r) => r.pass === false)) process.exitCode = 1;
  });
}
