// The context menu of a fleet overview bar, in the real VS Code: its entries are contributed for the overview's
// bars only (bulk ones only for bars that filter browsers, never for read-only accounts), and each entry acts on
// exactly the browsers its bar counts, through the bulk commands (Development mode: automation answers them).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { OverviewScope } from '../../../src/overview/figures';
import type { BulkSummary } from '../../../src/operations/bulkRun';
import { barContext } from '../../../src/webview/overview/barContext';
import type { OverviewState } from '../../../src/webview/overview/protocol';
import { control, EXTENSION_ID, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
}

async function stateOf(scope: OverviewScope): Promise<OverviewState> {
  const arg = scope.kind === 'orgUnit' ? { orgUnitPath: scope.orgUnitPath } : undefined;
  const state = await vscode.commands.executeCommand<OverviewState | undefined>('cbcm.overview.testing.state', arg);
  assert.ok(state?.figures, `no figures for the overview (error: ${state?.error ?? 'no panel'})`);
  return state;
}

describe('Fleet overview bar menu', function () {
  this.timeout(60_000);
  const ou = `/BarMenu${Date.now() % 100000}`;
  const dest = `${ou}-Dest`;
  const scope: OverviewScope = { kind: 'orgUnit', orgUnitPath: ou };
  let on131: string[] = [];
  let on130 = '';

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    await control('orgunits', { path: dest });
    on131 = [];
    for (let i = 0; i < 3; i++) {
      const b = await control<EmuBrowser>('browsers', { machineName: `BARMENU-${i}`, orgUnitPath: ou, browserVersions: ['131.0.6778.86'] });
      on131.push(b.deviceId);
    }
    on130 = (await control<EmuBrowser>('browsers', { machineName: 'BARMENU-OLD', orgUnitPath: ou, browserVersions: ['130.0.6723.92'] })).deviceId;
    await vscode.commands.executeCommand('cbcm.overview.open', { orgUnitPath: ou });
  });

  after(async () => {
    await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const emuBrowser = (id: string) => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);

  it('contributes its entries to the overview bars only, the bulk ones for browser filters and writable accounts', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: { menus: Record<string, { command: string; when?: string }[]> };
    };
    const entries = manifest.contributes.menus['webview/context'] ?? [];
    const when = (command: string) => entries.find((e) => e.command === command)?.when ?? '';
    for (const command of ['cbcm.overview.bar.filter', 'cbcm.overview.bar.moveAll', 'cbcm.overview.bar.annotateAll', 'cbcm.overview.bar.deleteAll']) {
      assert.match(when(command), /webviewId == 'cbcm\.fleetOverview' && webviewSection == overviewBar/, command);
      const palette = manifest.contributes.menus.commandPalette.find((e) => e.command === command);
      assert.strictEqual(palette?.when, 'false', `${command} needs a bar: not in the palette`);
    }
    assert.match(when('cbcm.overview.bar.filter'), /cbcmBarClickable/);
    for (const command of ['cbcm.overview.bar.moveAll', 'cbcm.overview.bar.annotateAll', 'cbcm.overview.bar.deleteAll']) {
      assert.match(when(command), /&& cbcmBarBulk\b/, command);
      assert.match(when(command), /!cbcm\.readOnly/, command);
    }
  });

  it('"Move All Matching…" of a Chrome-version bar moves exactly the browsers the bar counts', async () => {
    const versions = (await stateOf(scope)).figures!.charts.find((c) => c.id === 'versions')!;
    const index = versions.categories.findIndex((c) => c.key === '131');
    assert.ok(index >= 0, `a Chrome 131 bar: ${versions.categories.map((c) => c.key).join(', ')}`);
    assert.strictEqual(versions.categories[index].count, 3);
    const context = barContext(scope, 'versions', index, versions.categories[index].action);
    assert.strictEqual(context.cbcmBarBulk, true);
    // VS Code adds the view type to the context it hands to the command.
    const summary = await vscode.commands.executeCommand<BulkSummary>(
      'cbcm.overview.bar.moveAll',
      { webview: 'cbcm.fleetOverview', ...context },
      { confirmed: true, destination: dest },
    );
    assert.ok(summary, 'the move ran');
    assert.deepStrictEqual(summary.done.map((t) => t.deviceId).sort(), [...on131].sort());
    assert.deepStrictEqual([summary.failed.length, summary.notTried.length], [0, 0]);
    for (const id of on131) assert.strictEqual((await emuBrowser(id)).orgUnitPath, dest);
    assert.strictEqual((await emuBrowser(on130)).orgUnitPath, ou, 'the Chrome 130 browser stays');
    const op = (await (await testingApi()).services.operations.journal.read()).operations.pop()!;
    assert.strictEqual(op.record.action, 'move');
    assert.match(op.record.title, /browser_version:131/);
  });

  it('a bar without a browser filter, or of an overview no longer open, acts on nothing', async () => {
    const requestsBefore = (await control<{ total: number }>('requests')).total;
    const activity = (await stateOf(scope)).figures!.charts.find((c) => c.id === 'activity')!;
    const never = activity.categories.findIndex((c) => c.key === 'never');
    assert.ok(never >= 0, 'the test browsers report no activity: a "never" bar');
    assert.strictEqual(activity.categories[never].action.kind, 'none');
    const forged = { ...barContext(scope, 'activity', never, activity.categories[never].action), cbcmBarBulk: true };
    const a = await vscode.commands.executeCommand('cbcm.overview.bar.deleteAll', forged, { confirmed: true });
    assert.strictEqual(a, undefined);
    const elsewhere = { ...barContext({ kind: 'orgUnit', orgUnitPath: '/NoSuchOverview' }, 'versions', 0, undefined), cbcmBarBulk: true };
    const b = await vscode.commands.executeCommand('cbcm.overview.bar.deleteAll', elsewhere, { confirmed: true });
    assert.strictEqual(b, undefined);
    const c = await vscode.commands.executeCommand('cbcm.overview.bar.deleteAll', { webviewSection: 'somethingElse' }, { confirmed: true });
    assert.strictEqual(c, undefined);
    const deletes = (await control<{ requests: { method: string; path: string }[] }>(`requests?since=${requestsBefore}`)).requests.filter(
      (r) => r.method === 'DELETE',
    );
    assert.deepStrictEqual(deletes, [], 'nothing was deleted');
    assert.strictEqual((await emuBrowser(on130)).orgUnitPath, ou);
  });

  it('"Filter Explorer to This Bar" applies the bar\'s filter, as a click does', async () => {
    const api = await testingApi();
    const versions = (await stateOf(scope)).figures!.charts.find((c) => c.id === 'versions')!;
    const index = versions.categories.findIndex((c) => c.action.kind === 'filter');
    const action = versions.categories[index].action;
    assert.ok(action.kind === 'filter');
    await vscode.commands.executeCommand('cbcm.overview.bar.filter', barContext(scope, 'versions', index, action));
    assert.deepStrictEqual(api.explorer.state.browserFilter, { query: action.query, orgUnitPath: ou });
  });
});
