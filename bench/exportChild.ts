// Child process of the export-memory benchmark: exports the whole fleet to CSV the way the export command does
// (listFleet + writeBrowserExport + the production client), then prints its peak RSS as JSON on stdout.
// Bundled by exportMemory.bench.ts and run with plain node, so nothing of the runner or tsx is in its memory.
// Usage: node exportChild.js <apiBaseUrl> <customerId> <csvPath>   (access token in CBCM_BENCH_TOKEN)
import * as fs from 'fs';
import { createDirectoryBetaBackend, listFleet, TokenBucketLimiter } from '../src/api';
import { writeBrowserExport } from '../src/export/browserExport';

async function main(): Promise<void> {
  const [baseUrl, customerId, csvPath] = process.argv.slice(2);
  const token = process.env.CBCM_BENCH_TOKEN ?? '';
  const client = createDirectoryBetaBackend({ baseUrl, customerId, tokenSource: { getAccessToken: async () => token } });
  const out = fs.createWriteStream(csvPath, { encoding: 'utf8' });
  const t0 = performance.now();
  // No latency here: the limiter would only add waiting, which is not what this measures.
  const batches = listFleet(client, { projection: 'BASIC', limiter: new TokenBucketLimiter({ requestsPerMinute: 1e7 }) });
  const pages = (async function* () {
    for await (const browsers of batches) yield { browsers };
  })();
  const written = await writeBrowserExport(pages, out, 'csv');
  await new Promise<void>((resolve) => out.end(resolve));
  client.dispose();
  const ms = performance.now() - t0;
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ written, ms, maxRssKb: usage.maxRSS, heapUsed: process.memoryUsage().heapUsed, bytes: fs.statSync(csvPath).size })}\n`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
