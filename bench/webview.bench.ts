// Benchmark of the device-details panel's own work for a device with 50 extensions and 300 policies:
// the extension side (HTML shell, message validation, structured clone of the device message) and the
// webview's model building. Run: npx tsx bench/webview.bench.ts
//
// The end-to-end number (command → panel painted, minus the API round-trip) needs the real VS Code: the
// panel measures it itself (`DeviceDetailsPanel.lastTiming`, logged as "Browser details rendered in …")
// and test/vscode/e2e/deviceDetailsSpeed.e2e.ts asserts it under 300 ms.
import { performance } from 'perf_hooks';
import { buildDetailsModel } from '../src/webview/details/detailsModel';
import { renderShell } from '../src/webview/html';
import { parseExtensionMessage, parseWebviewMessage } from '../src/webview/details/protocol';
import { makeLargeBrowser } from './webviewFixtures';

export interface PanelBenchResult {
  iterations: number;
  /** Median milliseconds of one full pass. */
  medianMs: number;
  p95Ms: number;
  extensions: number;
  policies: number;
}

/** Everything the panel does in JavaScript for one open, minus DOM building (which only a browser can time). */
export function renderPanelModelOnce(extensions = 50, policies = 300): { extensions: number; policies: number } {
  const browser = makeLargeBrowser('bench-1', extensions, policies);
  renderShell({ cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x/details.js', styleUri: 'https://x/details.css', title: 'Browser' });
  // postMessage structured-clones the device; a JSON round trip is a close upper bound.
  const cloned: unknown = JSON.parse(JSON.stringify({ type: 'device', browser, loadedAt: Date.now() }));
  const msg = parseExtensionMessage(cloned);
  if (msg?.type !== 'device') throw new Error('device message did not validate');
  const model = buildDetailsModel(msg.browser);
  parseWebviewMessage({ type: 'rendered', loadedAt: msg.loadedAt, renderMs: 1, bootMs: 1 });
  return { extensions: model.extensionTotal, policies: model.policyTotal };
}

export function benchPanelModel(iterations = 200, extensions = 50, policies = 300): PanelBenchResult {
  for (let i = 0; i < 20; i++) renderPanelModelOnce(extensions, policies); // warm-up (JIT, Intl caches)
  const times: number[] = [];
  let counts = { extensions: 0, policies: 0 };
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    counts = renderPanelModelOnce(extensions, policies);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    iterations,
    medianMs: times[Math.floor(times.length / 2)],
    p95Ms: times[Math.floor(times.length * 0.95)],
    ...counts,
  };
}

if (require.main === module) {
  const r = benchPanelModel();
  console.log(
    `details panel model, ${r.extensions} extensions / ${r.policies} policies: median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms over ${r.iterations} runs (budget: 300 ms end to end beyond the API)`,
  );
}
