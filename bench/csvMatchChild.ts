// Child process of the CSV-match memory benchmark (bench/bulk.bench.ts): what "Import Annotations from CSV"
// holds before the admin confirms — the fleet's targets with annotations (dryRunQuery), the file's text, its
// parsed rows, the index and the preview rows — then prints its peak RSS as JSON on stdout. Bundled and run with
// plain node, so nothing of the runner or tsx is in its memory.
// Usage: node csvMatchChild.js <apiBaseUrl> <customerId> <csvPath>   (access token in CBCM_BENCH_TOKEN)
import * as fs from 'fs';
import { createDirectoryBetaBackend } from '../src/api';
import { dryRunQuery } from '../src/operations/bulkTargets';
import { buildFleetIndex, countByStatus, matchImport, parseAnnotationCsv } from '../src/operations/csvImport';

async function main(): Promise<void> {
  const [baseUrl, customerId, csvPath] = process.argv.slice(2);
  const token = process.env.CBCM_BENCH_TOKEN ?? '';
  const client = createDirectoryBetaBackend({ baseUrl, customerId, tokenSource: { getAccessToken: async () => token } });
  let t0 = performance.now();
  // No latency here: a limiter would only add waiting, which is not what this measures.
  const fleet = await dryRunQuery(client, {}, { withAnnotations: true, listing: { limiter: { acquire: async () => undefined } } });
  const listMs = performance.now() - t0;
  t0 = performance.now();
  const text = fs.readFileSync(csvPath, 'utf8');
  const parsed = parseAnnotationCsv(text);
  const index = buildFleetIndex(fleet.targets);
  const preview = matchImport(parsed, index);
  const counts = countByStatus(preview);
  const matchMs = performance.now() - t0;
  client.dispose();
  const usage = process.resourceUsage();
  const report = {
    targets: fleet.targets.length,
    rows: preview.length,
    counts,
    listMs,
    matchMs,
    maxRssKb: usage.maxRSS,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
