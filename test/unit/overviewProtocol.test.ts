// The overview webview's message guards and HTML shell: real figures pass, anything malformed is dropped,
// the webview can only name a bar (never send a query), and the shell has the device panel's CSP.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { FleetAggregator } from '../../src/overview/aggregator';
import { buildSnapshot, diffSnapshots } from '../../src/overview/snapshot';
import { renderShell } from '../../src/webview/html';
import { MAX_COPY_LENGTH } from '../../src/webview/messageGuards';
import {
  isOverviewPanelState,
  parseOverviewExtensionMessage,
  parseOverviewWebviewMessage,
  type OverviewState,
} from '../../src/webview/overview/protocol';

function realState(): OverviewState {
  const a = new FleetAggregator({ scope: { kind: 'account' }, now: new Date('2026-01-01T00:00:00Z') });
  a.addBrowsers([
    {
      deviceId: 'a',
      osPlatform: 'Windows',
      osVersion: '10.0.1',
      browserVersions: ['131.0.1.2'],
      orgUnitPath: '/x',
      extensionCount: 0,
      lastActivityTime: '2025-12-31T00:00:00Z',
    },
    { deviceId: 'b', osPlatform: 'Mac', osVersion: '14.1', browserVersions: ['130.0.1.2'], orgUnitPath: '/y', extensionCount: 7 },
  ]);
  a.tokensListed();
  a.addTokens([{ tokenPermanentId: 't', state: 'active' }]);
  a.setCollisions(1);
  const figures = a.figures(true);
  const snap = buildSnapshot(figures, a.devicesByMajor());
  return { scope: { kind: 'account' }, figures, loading: { browsers: 2, pages: 1 }, diff: { ...diffSnapshots(snap, snap), file: 'x.json' } };
}

/** A deep copy with one change, as a structured clone of a tampered message would be. */
function mutate(state: OverviewState, change: (s: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(state));
  change(copy);
  return { type: 'state', state: copy };
}

describe('overview protocol', () => {
  it('accepts the state the panel really sends (after a structured-clone-like round trip)', () => {
    const state = realState();
    const msg = parseOverviewExtensionMessage(JSON.parse(JSON.stringify({ type: 'state', state })));
    assert.ok(msg);
    assert.deepStrictEqual(msg.state, JSON.parse(JSON.stringify(state)));
  });

  const bad: [string, (s: Record<string, any>) => void][] = [
    ['no scope', (s) => delete s.scope],
    ['relative OU path', (s) => (s.scope = { kind: 'orgUnit', orgUnitPath: 'Sales' })],
    ['negative count', (s) => (s.figures.charts[0].categories[0].count = -1)],
    ['unknown chart', (s) => (s.figures.charts[0].id = 'pie')],
    ['unknown action', (s) => (s.figures.charts[0].categories[0].action = { kind: 'run', command: 'rm' })],
    ['stack of the wrong width', (s) => s.figures.charts[0].stacks.values[0].push(1)],
    ['stable major of an unknown source', (s) => (s.figures.totals.stableMajor.source = 'guess')],
    ['stable major without explanation', (s) => delete s.figures.totals.stableMajor.explanation],
    ['stable major 0', (s) => (s.figures.totals.stableMajor.major = 0)],
    ['label not a string', (s) => (s.figures.charts[1].categories[0].label = { html: '<b>' })],
    ['fractional progress', (s) => (s.loading.browsers = 1.5)],
    ['diff without file', (s) => delete s.diff.file],
    ['diff list with a bad id', (s) => s.diff.lists.new.push({ deviceId: 3 })],
  ];
  for (const [name, change] of bad) {
    it(`drops a state with ${name}`, () => {
      assert.strictEqual(parseOverviewExtensionMessage(mutate(realState(), change)), undefined);
    });
  }

  it('lets the webview name a bar, never a query', () => {
    assert.deepStrictEqual(parseOverviewWebviewMessage({ type: 'activate', chart: 'activity', category: 3 }), {
      type: 'activate',
      chart: 'activity',
      category: 3,
    });
    assert.deepStrictEqual(
      parseOverviewWebviewMessage({ type: 'activate', chart: 'versions', category: 0, series: 2, query: 'x' }),
      { type: 'activate', chart: 'versions', category: 0 },
      'extra keys (a segment, a query) are not passed on: a click acts on the whole bar',
    );
    // "Act on all…" names a bar too: the extension looks up its filter (the webview cannot hand it a query to delete by).
    assert.deepStrictEqual(parseOverviewWebviewMessage({ type: 'actOnAll', chart: 'platforms', category: 1, query: 'x', orgUnitPath: '/' }), {
      type: 'actOnAll',
      chart: 'platforms',
      category: 1,
    });
    for (const m of [
      { type: 'actOnAll', chart: 'platforms', category: -1 },
      { type: 'actOnAll', chart: 'nope', category: 0 },
      { type: 'activate', chart: 'activity', category: -1 },
      { type: 'activate', chart: 'activity', category: 1.5 },
      { type: 'activate', chart: 'nope', category: 0 },
      { type: 'applyFilter', query: 'os_platform:Windows' },
      { type: 'copy', text: 'x'.repeat(MAX_COPY_LENGTH + 1) },
      { type: 'copy' },
      null,
      'ready',
    ]) {
      assert.strictEqual(parseOverviewWebviewMessage(m), undefined, JSON.stringify(m)?.slice(0, 80));
    }
    for (const t of ['ready', 'refresh', 'cancel', 'saveSnapshot', 'compareSnapshot', 'closeDiff', 'filterCollisions', 'openStableMajorSetting']) {
      assert.deepStrictEqual(parseOverviewWebviewMessage({ type: t, extra: 1 }), { type: t });
    }
  });

  it('restores only a valid panel state', () => {
    assert.ok(isOverviewPanelState({ scope: { kind: 'orgUnit', orgUnitPath: '/a b' } }));
    assert.ok(!isOverviewPanelState({ scope: { kind: 'orgUnit' } }));
    assert.ok(!isOverviewPanelState(undefined));
  });

  it('renders a shell with the device panel CSP, a nonce script, no inline code', () => {
    const html = renderShell({
      cspSource: 'https://*.vscode-cdn.net',
      scriptUri: 'https://x.vscode-cdn.net/media/dist/overview.js',
      styleUri: 'https://x.vscode-cdn.net/media/overview.css',
      title: 'Fleet Overview: /<Sales>',
      nonce: 'n0nce',
      loadingText: 'Loading the fleet overview…',
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.strictEqual(
      csp,
      "default-src 'none'; style-src https://*.vscode-cdn.net; img-src https://*.vscode-cdn.net; font-src https://*.vscode-cdn.net; script-src 'nonce-n0nce';",
    );
    assert.match(html, /<script nonce="n0nce" src="https:\/\/x\.vscode-cdn\.net\/media\/dist\/overview\.js"><\/script>/);
    assert.ok(html.includes('<title>Fleet Overview: /&#60;Sales&#62;</title>'));
    assert.ok(!/<style|\sstyle=|\son[a-z]+=|unsafe-/i.test(html));
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
  });

  it('the aggregation and the shared protocol never import vscode (they run in tests, the bench and the webview)', () => {
    const root = path.join(__dirname, '..', '..');
    const files = [
      ...fs.readdirSync(path.join(root, 'src', 'overview')).map((f) => path.join(root, 'src', 'overview', f)),
      path.join(root, 'src', 'webview', 'overview', 'protocol.ts'),
      path.join(root, 'src', 'webview', 'messageGuards.ts'),
    ];
    for (const f of files) {
      assert.ok(!/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(f, 'utf8')), `${path.basename(f)} imports vscode`);
    }
  });
});
