// 2. Client overhead at zero latency: the production client's listing of 100,000 browsers (transport, retry
//    policy, restartable paging, validation) versus a bare node-fetch loop over the same pages with the same
//    keep-alive agent. The emulator runs in its own process, like Google's servers, so only client work differs.
//    Run alone: npx tsx bench/clientOverhead.bench.ts
import * as http from 'http';
import nodeFetch from 'node-fetch';
import { SCOPES } from '../test/emulator';
import { createDirectoryBetaBackend } from '../src/api';
import { startEmulatorProcess } from './emulatorProcess';
import { measuredBaseline, stat, type BenchRow } from './stats';

const CPU_TARGET = 1.1;

interface Wire {
  browsers?: { deviceId: string }[];
  nextPageToken?: string;
}

export async function benchClientOverhead(o: { browsers?: number; runs?: number; log?: (l: string) => void } = {}): Promise<BenchRow> {
  const browsers = o.browsers ?? 100_000;
  const runs = o.runs ?? 9;
  const log = o.log ?? (() => undefined);
  const emu = await startEmulatorProcess(['--browsers', String(browsers), '--seed', '12'], [SCOPES.browsersReadonly]);
  const token = emu.accessToken;
  const client = createDirectoryBetaBackend({ baseUrl: emu.url, customerId: emu.customerId, tokenSource: { getAccessToken: async () => token } });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const listUrl = `${emu.url}/admin/directory/v1.1beta1/customer/${emu.customerId}/devices/chromebrowsers?projection=BASIC&maxResults=100`;

  const bare = async (): Promise<number> => {
    let count = 0;
    let pageToken: string | undefined;
    do {
      const res = await nodeFetch(pageToken ? `${listUrl}&pageToken=${encodeURIComponent(pageToken)}` : listUrl, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        agent,
      });
      if (res.status !== 200) throw new Error(`bare loop: HTTP ${res.status}`);
      const wire = JSON.parse(await res.text()) as Wire;
      count += wire.browsers?.length ?? 0;
      pageToken = wire.nextPageToken;
    } while (pageToken);
    return count;
  };
  const ours = async (): Promise<number> => {
    let count = 0;
    for await (const page of client.listBrowsers({ projection: 'BASIC', maxResults: 100 })) count += page.browsers.length;
    return count;
  };

  try {
    await bare(); // warm-up: JIT, sockets, the emulator's caches
    await ours();
    // Wall time is mostly the emulator's work and whatever else the machine runs; the client's own cost is the
    // CPU time of this process (the emulator runs in another one), so that is the figure compared.
    const wall = { ours: [] as number[], bare: [] as number[] };
    const cpu = { ours: [] as number[], bare: [] as number[] };
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first so drift (GC, other processes) hits both alike.
      const order =
        i % 2 === 0
          ? ([
              ['ours', ours],
              ['bare', bare],
            ] as const)
          : ([
              ['bare', bare],
              ['ours', ours],
            ] as const);
      for (const [name, fn] of order) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const n = await fn();
        const ms = performance.now() - t0;
        const used = process.cpuUsage(c0);
        if (n !== browsers) throw new Error(`${name} listed ${n} of ${browsers}`);
        wall[name].push(ms);
        cpu[name].push((used.user + used.system) / 1000);
      }
      log(
        `  client overhead run ${i + 1}/${runs}: CPU ours ${cpu.ours[i].toFixed(0)} ms, bare loop ${cpu.bare[i].toFixed(0)} ms; ` +
          `wall ours ${wall.ours[i].toFixed(0)} ms, bare loop ${wall.bare[i].toFixed(0)} ms`,
      );
    }
    const s = stat(cpu.ours);
    const b = stat(cpu.bare);
    // Each pair ran back to back, so its ratio cancels most of the machine's drift; the median of those is the figure.
    const ratio = stat(cpu.ours.map((c, i) => c / cpu.bare[i])).median;
    const wallRatio = stat(wall.ours.map((w, i) => w / wall.bare[i])).median;
    return {
      name: `2. Client overhead, ${browsers.toLocaleString('en')} browsers, 0 ms latency (client CPU time)`,
      unit: 'ms',
      ours: s,
      baseline: measuredBaseline('bare fetch loop', b),
      ratio,
      target: `≤ ${CPU_TARGET}× bare loop (median of paired runs)`,
      pass: ratio <= CPU_TARGET,
      note: `ratio = median of the ${runs} paired runs' CPU ratios (${cpu.ours.map((c, i) => (c / cpu.bare[i]).toFixed(2)).join(', ')}); wall time (mostly the emulator, in its own process): ours median ${stat(wall.ours).median.toFixed(0)} ms, bare loop ${stat(wall.bare).median.toFixed(0)} ms, median ratio of paired runs ${wallRatio.toFixed(2)}×`,
    };
  } finally {
    agent.destroy();
    client.dispose();
    await emu.stop();
  }
}

if (require.main === module) {
  void benchClientOverhead({ runs: Number(process.env.RUNS ?? 3), log: console.log }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
