// 5b. Peak RSS while exporting 100,000 browsers to CSV: a separate node process (bundled like the extension)
//     runs the export against an emulator in this process and reports process.resourceUsage().maxRSS.
//     Run alone: npx tsx bench/exportMemory.bench.ts
import { execFile } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Emulator, SCOPES } from '../test/emulator';
import { stat, type BenchRow } from './stats';

interface ChildReport {
  written: number;
  ms: number;
  maxRssKb: number;
  bytes: number;
}

function runChild(script: string, args: string[], token: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, ...args], { env: { ...process.env, CBCM_BENCH_TOKEN: token }, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`export child failed: ${stderr || err.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildReport);
    });
  });
}

export async function benchExportMemory(o: { browsers?: number; runs?: number; log?: (l: string) => void } = {}): Promise<BenchRow> {
  const browsers = o.browsers ?? 100_000;
  const runs = o.runs ?? 3;
  const log = o.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-bench-export-'));
  const script = path.join(dir, 'exportChild.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'exportChild.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    alias: { 'whatwg-url': path.join(__dirname, '..', 'src', 'shims', 'whatwgUrl.js') },
  });
  const emu = await Emulator.start({ browsers, seed: 13 });
  try {
    const token = emu.issueAccessToken([SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]);
    const rss: number[] = [];
    let last: ChildReport | undefined;
    for (let i = 0; i < runs; i++) {
      const csv = path.join(dir, `export-${i}.csv`);
      last = await runChild(script, [emu.url, emu.customerId, csv], token);
      if (last.written !== browsers) throw new Error(`export wrote ${last.written} of ${browsers} browsers`);
      rss.push(last.maxRssKb / 1024);
      fs.rmSync(csv, { force: true });
      log(
        `  export run ${i + 1}/${runs}: ${last.written} rows, ${(last.bytes / 1048576).toFixed(1)} MB CSV in ${(last.ms / 1000).toFixed(1)} s, peak RSS ${(last.maxRssKb / 1024).toFixed(0)} MB`,
      );
    }
    const s = stat(rss);
    return {
      name: `5b. Peak RSS exporting ${browsers.toLocaleString('en')} browsers to CSV`,
      unit: 'MB',
      ours: s,
      target: '< 200 MB',
      pass: s.median < 200,
      note: last ? `CSV ${(last.bytes / 1048576).toFixed(1)} MB, ${(last.ms / 1000).toFixed(1)} s per export at 0 ms latency` : undefined,
    };
  } finally {
    await emu.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchExportMemory({ runs: Number(process.env.RUNS ?? 1), log: console.log }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
