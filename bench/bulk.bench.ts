// Bulk operations (issue 14's budgets), on the production code paths against the emulator in its own process
// over real HTTP, with the backend built as the extension builds it (every request waits for the account's
// request budget, src/api/rateLimiter.ts accountRequestBudget):
// 1. Importing annotations for N browsers from CSV at 250 ms per request: list the fleet for matching
//    (dryRunQuery), parse + match (csvImport.ts), then runImport (bulkRun.ts) through the FleetWriter. The
//    requests it needs: one page per 100 browsers for the listing, then per browser one re-read (GET: the
//    three-way conflict check must see what Google holds now, not what the listing saw) and one write (PUT).
//    Baseline: those requests at 2,400 a minute plus one round-trip (computed).
// 2. Matching + previewing a 100,000-row CSV against a 100,000-browser fleet: peak RSS of a plain Node process
//    that holds the fleet's targets and runs parse + index + match + counts (bench/csvMatchChild.ts).
// 3. A query-wide move of N browsers at 250 ms per request: dryRunQuery + runMove (MoveApi batches of 600).
//    Baseline: its listing pages and move calls at 2,400 a minute plus one round-trip for each phase (the move
//    can only start once the listing has ended: the admin confirms the exact count).
// Run alone: npx tsx bench/bulk.bench.ts [--quick]
import { execFile } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SCOPES } from '../test/emulator';
import { accountRequestBudget, createDirectoryBetaBackend, MOVE_BATCH_SIZE, type CbcmBackend } from '../src/api';
import { runImport, runMove } from '../src/operations/bulkRun';
import { dryRunQuery } from '../src/operations/bulkTargets';
import { buildFleetIndex, countByStatus, matchImport, parseAnnotationCsv } from '../src/operations/csvImport';
import { FleetWriter } from '../src/operations/fleetWriter';
import { ChangeJournal } from '../src/operations/journal';
import { startEmulatorProcess, type EmulatorProcess } from './emulatorProcess';
import { quotaBoundSeconds } from './fleetListing.bench';
import { computedBaseline, stat, type BenchRow } from './stats';

export const TIME_TARGET = 1.15;
export const MATCH_MEMORY_BUDGET_MB = 200;

export interface BulkBenchOptions {
  importBrowsers?: number;
  matchRows?: number;
  moveBrowsers?: number;
  latencyMs?: number;
  runs?: number;
  log?: (line: string) => void;
}

function productionBackend(emu: EmulatorProcess): CbcmBackend & { dispose(): void } {
  return createDirectoryBetaBackend({
    baseUrl: emu.url,
    customerId: emu.customerId,
    tokenSource: { getAccessToken: async () => emu.accessToken },
    limiter: accountRequestBudget(),
  });
}

const apiRequests = async (emu: EmulatorProcess) =>
  ((await (await fetch(`${emu.url}/__emulator/requests?since=999999999`)).json()) as { apiTotal: number }).apiTotal;

async function withJournal<T>(fn: (writer: (b: CbcmBackend) => FleetWriter) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bench-bulk-'));
  try {
    return await fn((b) => new FleetWriter(b, new ChangeJournal({ directory: dir }), 'bench@example.com'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A CSV as an admin would fill it in: asset tag and location for each browser of `targets`, keyed by serial
 * number (browsers without one are rows that match nothing) or by device id (every row matches).
 */
function annotationCsv(targets: readonly { serialNumber?: string; deviceId: string }[], tag: string, key: 'serialNumber' | 'deviceId'): string {
  const lines = [`${key},annotatedAssetId,annotatedLocation`];
  // A browser without a serial number stands for a row of a machine that left the fleet: it matches nothing.
  targets.forEach((t, i) =>
    lines.push(`${key === 'serialNumber' ? (t.serialNumber ?? `RETIRED-${i}`) : t.deviceId},${tag}-${i},"Room ${i % 500}, building ${tag}"`),
  );
  return `${lines.join('\r\n')}\r\n`;
}

async function benchImport(browsers: number, latencyMs: number, runs: number, log: (l: string) => void): Promise<BenchRow> {
  const emu = await startEmulatorProcess(
    ['--browsers', String(browsers), '--seed', '31', '--latency', String(latencyMs)],
    [SCOPES.browsers, SCOPES.orgUnitsReadonly],
  );
  const backend = productionBackend(emu);
  try {
    return await withJournal(async (writerFor) => {
      const writer = writerFor(backend);
      const seconds: number[] = [];
      const requests: number[] = [];
      const needed: number[] = [];
      for (let r = 0; r < runs; r++) {
        // Each run writes new values, so every row is a change.
        const first = await dryRunQuery(backend, {}, { withAnnotations: true });
        const csv = annotationCsv(first.targets, `R${r}`, 'deviceId');
        const r0 = await apiRequests(emu);
        const t0 = performance.now();
        const fleet = await dryRunQuery(backend, {}, { withAnnotations: true });
        const index = buildFleetIndex(fleet.targets);
        const preview = matchImport(parseAnnotationCsv(csv), index);
        const counts = countByStatus(preview);
        const summary = await runImport(writer, preview, (id) => index.byId.get(id), `bench import ${r}`);
        seconds.push((performance.now() - t0) / 1000);
        requests.push((await apiRequests(emu)) - r0);
        if (counts.change !== browsers || summary.done.length !== browsers) {
          throw new Error(
            `import run ${r + 1}: ${counts.change} rows to change, ${summary.done.length} done, ${summary.failed.length} failed of ${browsers}`,
          );
        }
        needed.push(Math.ceil(browsers / 100) + 2 * browsers);
        const detail = `${summary.done.length} written`;
        log(
          `  import run ${r + 1}/${runs}: ${seconds[r].toFixed(1)} s for ${requests[r]} requests (needed ${needed[r]}, quota-bound ${quotaBoundSeconds(needed[r], latencyMs).toFixed(1)} s), ${detail}`,
        );
      }
      const ideal = quotaBoundSeconds(needed[0], latencyMs);
      const ours = stat(seconds);
      return {
        name: `9a. CSV import of annotations for ${browsers.toLocaleString('en')} browsers, ${latencyMs} ms/request`,
        unit: 's',
        ours,
        baseline: computedBaseline(`quota-bound time of the ${needed[0].toLocaleString('en')} requests it needs`, ideal),
        ratio: ours.median / ideal,
        target: `≤ ${TIME_TARGET}× quota-bound, no more requests`,
        pass: ours.median / ideal <= TIME_TARGET && stat(requests).median <= needed[0],
        note:
          `requests sent: ${requests.join(', ')} (needed ${needed[0]} = ${Math.ceil(browsers / 100)} listing pages + 2 per browser: one re-read, ` +
          'because the three-way conflict check must compare with what Google holds at write time, and one write); listing, parse, match and writes timed together',
      };
    });
  } finally {
    backend.dispose();
    await emu.stop();
  }
}

async function benchMove(browsers: number, latencyMs: number, runs: number, log: (l: string) => void): Promise<BenchRow> {
  const emu = await startEmulatorProcess(
    ['--browsers', String(browsers), '--seed', '32', '--latency', String(latencyMs)],
    [SCOPES.browsers, SCOPES.orgUnitsReadonly],
  );
  const backend = productionBackend(emu);
  try {
    return await withJournal(async (writerFor) => {
      const writer = writerFor(backend);
      const units = (await backend.listOrgUnits()).map((u) => u.orgUnitPath).filter((p) => p !== '/');
      const seconds: number[] = [];
      const ratios: number[] = [];
      const requests: number[] = [];
      const ideals: number[] = [];
      for (let r = 0; r < runs; r++) {
        // Alternate destinations so every run moves (almost) the whole fleet.
        const to = units[r % 2];
        const r0 = await apiRequests(emu);
        const t0 = performance.now();
        const dry = await dryRunQuery(backend, {}, { withAnnotations: false });
        const tListed = performance.now();
        const listRequests = (await apiRequests(emu)) - r0;
        const summary = await runMove(writer, dry.targets, to, `bench move ${r}`);
        const t1 = performance.now();
        seconds.push((t1 - t0) / 1000);
        const sent = (await apiRequests(emu)) - r0 - 1; // minus the request count read in between
        requests.push(sent);
        if (dry.targets.length !== browsers || summary.done.length + summary.unchanged.length !== browsers) {
          throw new Error(
            `move run ${r + 1}: listed ${dry.targets.length}, moved ${summary.done.length}, unchanged ${summary.unchanged.length}, failed ${summary.failed.length}`,
          );
        }
        const moveCalls = Math.ceil(summary.done.length / MOVE_BATCH_SIZE);
        const ideal = quotaBoundSeconds(Math.ceil(browsers / 100), latencyMs) + quotaBoundSeconds(moveCalls, latencyMs);
        ideals.push(ideal);
        ratios.push(seconds[r] / ideal);
        log(
          `  move run ${r + 1}/${runs}: ${seconds[r].toFixed(1)} s (listing ${((tListed - t0) / 1000).toFixed(1)} s, ${listRequests} requests; ` +
            `moving ${summary.done.length} in ${((t1 - tListed) / 1000).toFixed(1)} s), ideal ${ideal.toFixed(1)} s, ×${(seconds[r] / ideal).toFixed(2)}`,
        );
      }
      const ours = stat(seconds);
      const ideal = stat(ideals);
      return {
        name: `9c. Query-wide move of ${browsers.toLocaleString('en')} browsers, ${latencyMs} ms/request`,
        unit: 's',
        ours,
        baseline: computedBaseline(
          `quota-bound time of its ${Math.ceil(browsers / 100)} listing pages + ${Math.ceil(browsers / MOVE_BATCH_SIZE)} move calls`,
          ideal.median,
        ),
        ratio: stat(ratios).median,
        target: `≤ ${TIME_TARGET}× quota-bound`,
        pass: stat(ratios).median <= TIME_TARGET,
        note: `dry-run listing + move batches of ${MOVE_BATCH_SIZE}, requests per run ${requests.join(', ')}; baseline: pages and calls at 2,400/min plus one round-trip per phase (the move starts after the confirmed listing)`,
      };
    });
  } finally {
    backend.dispose();
    await emu.stop();
  }
}

interface MatchChildReport {
  targets: number;
  rows: number;
  counts: Record<string, number>;
  listMs: number;
  matchMs: number;
  maxRssKb: number;
  heapUsedMB: number;
}

async function benchMatchMemory(rows: number, runs: number, log: (l: string) => void): Promise<BenchRow> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bench-match-'));
  const script = path.join(dir, 'csvMatchChild.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'csvMatchChild.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    alias: { 'whatwg-url': path.join(__dirname, '..', 'src', 'shims', 'whatwgUrl.js') },
  });
  const emu = await startEmulatorProcess(['--browsers', String(rows), '--seed', '33'], [SCOPES.browsers, SCOPES.orgUnitsReadonly]);
  const backend = createDirectoryBetaBackend({
    baseUrl: emu.url,
    customerId: emu.customerId,
    tokenSource: { getAccessToken: async () => emu.accessToken },
  });
  try {
    // The admin's file: one row per browser of the fleet (written here, read by the child as the command reads it).
    const fleet = await dryRunQuery(backend, {}, { withAnnotations: false, listing: { limiter: { acquire: async () => undefined } } });
    const csvFile = path.join(dir, 'annotations.csv');
    fs.writeFileSync(csvFile, annotationCsv(fleet.targets, 'M', 'serialNumber'));
    const rss: number[] = [];
    let last: MatchChildReport | undefined;
    for (let r = 0; r < runs; r++) {
      last = await new Promise<MatchChildReport>((resolve, reject) => {
        execFile(
          process.execPath,
          [script, emu.url, emu.customerId, csvFile],
          { env: { ...process.env, CBCM_BENCH_TOKEN: emu.accessToken }, maxBuffer: 1 << 20 },
          (err, stdout, stderr) => {
            if (err) return reject(new Error(`match child failed: ${stderr || err.message}`));
            resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as MatchChildReport);
          },
        );
      });
      if (last.targets !== rows || last.rows !== rows) throw new Error(`match child saw ${last.targets} browsers and ${last.rows} rows, not ${rows}`);
      rss.push(last.maxRssKb / 1024);
      log(
        `  match run ${r + 1}/${runs}: peak RSS ${(last.maxRssKb / 1024).toFixed(0)} MB, listing ${(last.listMs / 1000).toFixed(1)} s, parse + match + preview counts ${last.matchMs.toFixed(0)} ms (${JSON.stringify(last.counts)})`,
      );
    }
    const s = stat(rss);
    return {
      name: `9b. Peak RSS matching + previewing a ${rows.toLocaleString('en')}-row CSV against ${rows.toLocaleString('en')} browsers`,
      unit: 'MB',
      ours: s,
      baseline: computedBaseline('budget', MATCH_MEMORY_BUDGET_MB),
      ratio: s.median / MATCH_MEMORY_BUDGET_MB,
      target: `< ${MATCH_MEMORY_BUDGET_MB} MB`,
      pass: s.median < MATCH_MEMORY_BUDGET_MB,
      note: last
        ? `a plain Node process holding the fleet's targets (listed with annotations) + the CSV text + parsed rows + index + preview rows; ` +
          `parse + match took ${last.matchMs.toFixed(0)} ms; heap after ${last.heapUsedMB.toFixed(0)} MB`
        : undefined,
    };
  } finally {
    backend.dispose();
    await emu.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchBulk(o: BulkBenchOptions = {}): Promise<BenchRow[]> {
  const latencyMs = o.latencyMs ?? 250;
  const runs = o.runs ?? 1;
  const log = o.log ?? (() => undefined);
  const rows: BenchRow[] = [];
  const step = async (name: string, fn: () => Promise<BenchRow>) => {
    try {
      rows.push(await fn());
    } catch (e) {
      log(`  ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      rows.push({
        name,
        unit: 's',
        ours: { median: NaN, min: NaN, max: NaN, runs: 0 },
        target: '',
        pass: false,
        note: `benchmark failed: ${String(e)}`,
      });
    }
  };
  await step('9a. CSV import', () => benchImport(o.importBrowsers ?? 2_000, latencyMs, runs, log));
  await step('9b. CSV match memory', () => benchMatchMemory(o.matchRows ?? 100_000, runs, log));
  await step('9c. Query-wide move', () => benchMove(o.moveBrowsers ?? 20_000, latencyMs, Math.max(runs, 2), log));
  return rows;
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  void benchBulk(quick ? { importBrowsers: 200, matchRows: 10_000, moveBrowsers: 2_000, log: console.log } : { log: console.log }).then((rows) =>
    console.log(JSON.stringify(rows, null, 2)),
  );
}
