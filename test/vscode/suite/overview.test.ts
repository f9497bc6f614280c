// The fleet overview inside the real VS Code: the command opens a panel that lists the emulator's fleet, a bar
// applies its filter to the explorer, an org unit bar reveals the org unit, snapshots are written to the
// workspace and compared.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FleetFigures } from '../../../src/overview/figures';
import type { SnapshotDiff } from '../../../src/overview/snapshot';
import type { OverviewState } from '../../../src/webview/overview/protocol';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface Info {
  browsers: number;
}

async function stateOf(arg?: unknown): Promise<OverviewState> {
  const state = await vscode.commands.executeCommand<OverviewState | undefined>('cbcm.overview.testing.state', arg);
  assert.ok(state, 'no overview panel for that scope');
  return state;
}

function figuresOf(state: OverviewState): FleetFigures {
  assert.ok(state.figures, `no figures (error: ${state.error ?? 'none'})`);
  return state.figures;
}

describe('Fleet overview', function () {
  this.timeout(60_000);

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
  });

  after(async () => {
    await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens for the account and counts the whole fleet', async () => {
    await vscode.commands.executeCommand('cbcm.overview.open');
    const f = figuresOf(await stateOf());
    const info = await control<Info>('info');
    assert.strictEqual(f.complete, true);
    assert.strictEqual(f.totals.browsers, info.browsers);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.strictEqual(tab?.label, 'Fleet Overview');
  });

  it('a bar applies its exact filter to the explorer', async () => {
    const api = await testingApi();
    const f = figuresOf(await stateOf());
    const activity = f.charts.find((c) => c.id === 'activity')!;
    const older = activity.categories.findIndex((c) => c.key === 'older');
    const action = activity.categories[older].action;
    assert.strictEqual(action.kind, 'filter');
    await vscode.commands.executeCommand('cbcm.overview.testing.activate', undefined, 'activity', older);
    assert.deepStrictEqual(api.explorer.state.browserFilter, { query: action.query, orgUnitPath: undefined });
    // The listing the tree now shows is the one the bar counted.
    const folder = api.explorer.accountNode!.allBrowsers;
    for (let i = 0; i < 200; i++) {
      const children = await folder.getChildren();
      if (!children.some((n) => n.getTreeItem().contextValue === 'loadMore')) break;
      await folder.loadMore();
    }
    assert.strictEqual(folder.loadedCount, activity.categories[older].count);
  });

  it('a "never" bar is not clickable and leaves the filter alone', async () => {
    const api = await testingApi();
    const before = api.explorer.state.browserFilter;
    const f = figuresOf(await stateOf());
    const never = f.charts.find((c) => c.id === 'activity')!.categories.findIndex((c) => c.key === 'never');
    const result = await vscode.commands.executeCommand<{ kind: string }>('cbcm.overview.testing.activate', undefined, 'activity', never);
    assert.strictEqual(result?.kind, 'none');
    assert.deepStrictEqual(api.explorer.state.browserFilter, before);
  });

  it('an org unit bar reveals that org unit, and the org unit scope counts its browsers', async () => {
    const api = await testingApi();
    const f = figuresOf(await stateOf());
    const ous = f.charts.find((c) => c.id === 'orgUnits')!;
    const top = ous.categories[0];
    await vscode.commands.executeCommand('cbcm.overview.testing.activate', undefined, 'orgUnits', 0);
    // The renderer reports the new selection to the extension host after reveal() resolves: wait for it.
    const want = `ou:${top.key}/browsers`;
    for (const deadline = Date.now() + 10_000; (api.view.selection[0] as { id?: string } | undefined)?.id !== want && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.strictEqual((api.view.selection[0] as { id?: string } | undefined)?.id, want);

    await vscode.commands.executeCommand('cbcm.overview.open', { orgUnitPath: top.key });
    const scoped = figuresOf(await stateOf({ orgUnitPath: top.key }));
    assert.strictEqual(scoped.totals.browsers, top.count);
    assert.deepStrictEqual(scoped.scope, { kind: 'orgUnit', orgUnitPath: top.key });
  });

  it('measures against the stable-major setting when set, without listing again or losing the figures', async () => {
    await vscode.commands.executeCommand('cbcm.overview.open');
    const assumed = figuresOf(await stateOf());
    assert.strictEqual(assumed.totals.stableMajor?.source, 'fleet');
    const config = vscode.workspace.getConfiguration('cbcm');
    const before = (await control<{ total: number }>('requests')).total;
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cbcm.overview.stableMajor')) {
          sub.dispose();
          resolve();
        }
      });
    });
    const major = (assumed.totals.stableMajor?.major ?? 131) + 2;
    await config.update('overview.stableMajor', major, vscode.ConfigurationTarget.Global);
    try {
      await changed;
      let f = figuresOf(await stateOf());
      for (let i = 0; i < 50 && f.totals.stableMajor?.source !== 'setting'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        f = figuresOf(await stateOf());
      }
      assert.deepStrictEqual(f.totals.stableMajor, {
        major,
        source: 'setting',
        explanation: `Stable major ${major}, set in settings (cbcm.overview.stableMajor).`,
      });
      assert.ok(f.totals.onCurrentMajors < assumed.totals.onCurrentMajors, 'fewer browsers are current against a newer stable major');
      assert.strictEqual(f.generatedAt, assumed.generatedAt, 'the same listing, recomputed');
      assert.strictEqual(f.totals.browsers, assumed.totals.browsers);
      const listings = (await control<{ requests: { path: string }[] }>(`requests?since=${before}`)).requests
        .map((r) => r.path)
        .filter((p) => /chromebrowsers|enrollmenttokens/i.test(p));
      assert.deepStrictEqual(listings, [], 'no new listing');
      const saved = await vscode.commands.executeCommand<string | undefined>(
        'cbcm.overview.saveSnapshot',
        vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'fleet-snapshots', `setting-${Date.now()}.json`),
      );
      assert.ok(saved, 'the recomputed figures can still be saved as a snapshot');
      await vscode.workspace.fs.delete(vscode.Uri.parse(saved));
    } finally {
      await config.update('overview.stableMajor', undefined, vscode.ConfigurationTarget.Global);
    }
    let f = figuresOf(await stateOf());
    for (let i = 0; i < 50 && f.totals.stableMajor?.source !== 'fleet'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      f = figuresOf(await stateOf());
    }
    assert.deepStrictEqual(f.totals.stableMajor, assumed.totals.stableMajor, 'back to the assumed major');
  });

  it('saves a snapshot into the workspace and compares with it', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the harness opens a workspace folder');
    await vscode.commands.executeCommand('cbcm.overview.open');
    await stateOf();
    const target = vscode.Uri.joinPath(folder, 'fleet-snapshots', `integration-${Date.now()}.json`);
    const saved = await vscode.commands.executeCommand<string>('cbcm.overview.saveSnapshot', target);
    assert.strictEqual(saved, target.toString());
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    const count = Object.values(json.devices as Record<string, string[]>).reduce((n, ids) => n + ids.length, 0);
    const f = figuresOf(await stateOf());
    assert.strictEqual(count, f.totals.browsers);

    // Take one device out of the snapshot and move another to an older major: they show as new and upgraded.
    const [major, ids] = Object.entries(json.devices as Record<string, string[]>).find(([k, v]) => k !== 'none' && v.length >= 2)!;
    const removed = ids.shift()!;
    const downgraded = ids.shift()!;
    (json.devices[String(Number(major) - 100)] ??= []).push(downgraded);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(json)));
    const diff = await vscode.commands.executeCommand<SnapshotDiff>('cbcm.overview.compareSnapshot', target);
    assert.deepStrictEqual(diff.counts.new, 1);
    assert.deepStrictEqual(
      diff.lists.new.map((d) => d.deviceId),
      [removed],
    );
    assert.deepStrictEqual(
      diff.lists.upgraded.map((d) => d.deviceId),
      [downgraded],
    );
    assert.strictEqual(diff.counts.gone, 0);
    const state = await stateOf();
    assert.strictEqual(state.diff?.counts.new, 1);
    await vscode.workspace.fs.delete(target);
  });
});
