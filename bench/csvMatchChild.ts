// Child process of the CSV-match memory benchmark (bench/bulk.bench.ts): what "Import Annotations from CSV"
// holds before the admin confirms — the fleet's targets with annotations (dryRunQuery), the file's text (while it
// is parsed), its parsed rows, the index, the preview (importPreview.ts) and the first page of rows the webview asks for — then
// prints its peak RSS as JSON on stdout. Bundled and run with
// plain node, so nothing of the runner or tsx is in its memory.
// Usage: node csvMatchChild.js <apiBaseUrl> <customerId> <csvPath>   (access token in CBCM_BENCH_TOKEN)
import * as fs from 'fs';
import { createDirectoryBetaBackend } from '../src/api';
import { dryRunQuery } from '../src/operations/bulkTargets';
import { buildFleetIndex, parseAnnotationCsv } from '../src/operations/csvImport';
import { matchImport, ROW_STATUSES } from '../src/operations/importPreview';
import { rowView } from '../src/webview/importPreview/rowView';

async function main(): Promise<void> {
  const [baseUrl, customerId, csvPath] = process.argv.slice(2);
  const token = process.env.CBCM_BENCH_TOKEN ?? '';
  const client = createDirectoryBetaBackend({ baseUrl, customerId, tokenSource: { getAccessToken: async () => token } });
  // In the command's order (importCommand.ts): the file is read and parsed first (its text is only an argument
  // of the parse, not kept), then the fleet is listed, then the rows are matched.
  let t0 = performance.now();
  const parsed = parseAnnotationCsv(fs.readFileSync(csvPath, 'utf8'));
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  // No latency here: a limiter would only add waiting, which is not what this measures.
  const fleet = await dryRunQuery(client, {}, { withAnnotations: true, listing: { limiter: { acquire: async () => undefined } } });
  const listMs = performance.now() - t0;
  t0 = performance.now();
  const index = buildFleetIndex(fleet.targets, parsed.key);
  const preview = matchImport(parsed, index);
  const counts = preview.counts;
  // The page the preview's webview asks for first (all statuses shown), as the panel answers it.
  const page = preview.page(ROW_STATUSES, 0, 200).positions.map((i) => rowView(preview.row(i), (id) => index.byId.get(id)?.machineName));
  const matchMs = parseMs + performance.now() - t0;
  client.dispose();
  const usage = process.resourceUsage();
  const report = {
    targets: fleet.targets.length,
    rows: preview.length,
    pageRows: page.length,
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
