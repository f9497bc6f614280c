// The extension inventory inside the real VS Code: the commands open a panel that lists the emulator's fleet
// FULL; a click on an extension, a version, a permission or a policy lists exactly those browsers in the
// explorer, where the bulk actions apply to them; the org unit scope, cancellation (partial, marked), and
// snapshots saved into the workspace and compared. The browsers expected are the ones this suite seeds into the
// emulator with known extensions and policies, not what the product's aggregator says.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BrowserExtension, BrowserInstall, Policy } from '../../../src/api/types';
import type { Inventory } from '../../../src/inventory/model';
import type { InventoryTarget } from '../../../src/inventory/selection';
import type { InventoryDiff } from '../../../src/inventory/snapshot';
import type { BulkSummary } from '../../../src/operations/bulkRun';
import type { CbcmTestingApi } from '../../../src/testing';
import type { InventoryViewState } from '../../../src/webview/inventory/inventoryProtocol';
import type { SelectionResult } from '../../../src/webview/inventory/inventoryPanel';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

const run = Date.now() % 100_000;
/** Extension ids are 32 letters a–p; this one is not among the generated fleet's (they are random per browser). */
const PROBE_ID = `cbcmprobe${String(run).padStart(5, 'a')}`
  .replace(/[^a-p]/g, 'a')
  .padEnd(32, 'p')
  .slice(0, 32);
const NEW_ID = PROBE_ID.replace(/^./, 'o');
const HOST = `https://probe${run}.example/*`;
const POLICY = `CbcmProbePolicy${run}`;

function ext(version: string, o: Partial<BrowserExtension> = {}): BrowserExtension {
  return { extensionId: PROBE_ID, name: 'CBCM Probe', version, installType: 'NORMAL', disabled: false, permissions: ['storage'], ...o };
}

function installs(profiles: BrowserExtension[][], machinePolicies?: Policy[]): { browsers: BrowserInstall[]; machinePolicies?: Policy[] } {
  return {
    browsers: [
      {
        browserVersion: '131.0.6778.86',
        channel: 'stable',
        profiles: profiles.map((extensions, i) => ({ id: `P${i}`, name: `Person ${i + 1}`, extensions })),
      },
    ],
    ...(machinePolicies ? { machinePolicies } : {}),
  };
}

/** PATCH or DELETE on the emulator's control API (control() does GET and POST). */
async function emu(method: 'PATCH' | 'DELETE', route: string, body?: unknown): Promise<void> {
  const res = await fetch(`${process.env.CBCM_EMULATOR_URL}/__emulator/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `emulator ${method} ${route} answered ${res.status}`);
}

async function stateOf(arg?: unknown): Promise<InventoryViewState> {
  const state = await vscode.commands.executeCommand<InventoryViewState | undefined>('cbcm.inventory.testing.state', arg);
  assert.ok(state, 'no inventory panel for that scope');
  return state;
}

function inventoryOf(state: InventoryViewState): Inventory {
  assert.ok(state.inventory, `no inventory (error: ${state.error ?? 'none'})`);
  return state.inventory;
}

describe('Extension inventory', function () {
  this.timeout(90_000);
  let api: CbcmTestingApi;
  const ou = `/InventorySuite${run}`;
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    const seed = async (name: string, fields: object) =>
      (
        await control<{ deviceId: string }>('browsers', {
          machineName: name,
          orgUnitPath: ou,
          osPlatform: 'Linux',
          browserVersions: ['131.0.6778.86'],
          ...fields,
        })
      ).deviceId;
    // A: the probe in two profiles (one browser, two profiles), forced by the admin, with a host permission.
    ids.a = await seed(
      `INV-A-${run}`,
      installs([
        [ext('1.0.0', { installType: 'ADMIN', permissions: ['storage', HOST] })],
        [ext('1.0.0', { installType: 'ADMIN', permissions: ['storage', HOST] })],
      ]),
    );
    ids.b = await seed(`INV-B-${run}`, installs([[ext('1.0.0')]]));
    // C: another version, disabled; a policy that fails.
    ids.c = await seed(
      `INV-C-${run}`,
      installs([[ext('2.0.0', { disabled: true })]], [{ name: POLICY, source: 'MACHINE_CLOUD', value: 'true', error: 'Probe failure' }]),
    );
    // D: no probe; the same policy without error, another value.
    ids.d = await seed(
      `INV-D-${run}`,
      installs(
        [[{ extensionId: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', name: 'Other', version: '1', installType: 'NORMAL' }]],
        [{ name: POLICY, source: 'MACHINE_CLOUD', value: 'false' }],
      ),
    );
    api.explorer.refresh();
  });

  after(async () => {
    for (const id of Object.values(ids)) if (id) await emu('DELETE', `browsers/${encodeURIComponent(id)}`).catch(() => undefined);
    await vscode.commands.executeCommand('cbcm.explorer.closeBrowserList');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.explorer.refresh();
  });

  /** Clicks an entry of the account's inventory; resolves to the device ids the explorer's list then holds. */
  async function listed(target: InventoryTarget): Promise<{ result: SelectionResult; deviceIds: string[] }> {
    const result = await vscode.commands.executeCommand<SelectionResult>('cbcm.inventory.testing.select', undefined, target);
    assert.ok(result, 'the click listed nothing');
    const list = api.explorer.accountNode?.browserList;
    assert.ok(list, 'the explorer shows a browser list');
    assert.strictEqual(list.getTreeItem().label, result.description);
    const nodes = await list.loadAll();
    return { result, deviceIds: nodes.map((n) => n.deviceId) };
  }

  it('opens for the account and counts every browser, extension, version and profile', async () => {
    await vscode.commands.executeCommand('cbcm.inventory.open');
    const state = await stateOf();
    const inv = inventoryOf(state);
    const info = await control<{ browsers: number }>('info');
    assert.strictEqual(inv.complete, true);
    assert.strictEqual(inv.totals.browsers, info.browsers);
    assert.ok(state.loadedAt, 'the panel shows when the inventory was loaded');
    assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Extension Inventory');
    const probe = inv.extensions.find((e) => e.key === PROBE_ID);
    assert.ok(probe, 'the probe extension is in the inventory');
    assert.deepStrictEqual([probe.name, probe.browsers, probe.profiles], ['CBCM Probe', 3, 4]);
    assert.deepStrictEqual(
      probe.versions.map((v) => [v.value, v.browsers, v.profiles]),
      [
        ['1.0.0', 2, 3],
        ['2.0.0', 1, 1],
      ],
    );
    assert.deepStrictEqual(
      probe.installTypes.map((v) => [v.value, v.browsers]),
      [
        ['NORMAL', 2],
        ['ADMIN', 1],
      ],
    );
    assert.deepStrictEqual(
      probe.states.map((v) => [v.value, v.browsers]),
      [
        ['enabled', 2],
        ['disabled', 1],
      ],
    );
    assert.deepStrictEqual(
      probe.permissions.map((p) => [p.value, p.browsers, p.host]),
      [
        ['storage', 3, false],
        [HOST, 1, true],
      ],
    );
    const places = await vscode.commands.executeCommand<{ orgUnitPath: string; browsers: number }[]>(
      'cbcm.inventory.testing.describe',
      undefined,
      PROBE_ID,
    );
    assert.deepStrictEqual(places, [{ orgUnitPath: ou, browsers: 3 }]);
  });

  it('reopening shows the cached inventory with its time, without listing again', async () => {
    const before = await stateOf();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.strictEqual(await vscode.commands.executeCommand('cbcm.inventory.testing.state'), undefined, 'the panel is closed');
    const since = (await control<{ total: number }>('requests')).total;
    await vscode.commands.executeCommand('cbcm.inventory.open');
    const after = await stateOf();
    assert.strictEqual(after.loadedAt, before.loadedAt, 'the cache time is shown');
    assert.strictEqual(inventoryOf(after).generatedAt, inventoryOf(before).generatedAt);
    const listings = (await control<{ requests: { path: string }[] }>(`requests?since=${since}`)).requests.filter((r) =>
      /chromebrowsers/i.test(r.path),
    );
    assert.deepStrictEqual(listings, [], 'no new listing');
  });

  it('a click on an extension, a version or a permission lists exactly those browsers in the explorer', async () => {
    const all = await listed({ kind: 'extension', key: PROBE_ID });
    assert.strictEqual(all.result.browsers, 3);
    assert.deepStrictEqual([...all.deviceIds].sort(), [ids.a, ids.b, ids.c].sort());
    assert.match(all.result.description, /CBCM Probe/);

    const v2 = await listed({ kind: 'extension', key: PROBE_ID, dimension: 'version', value: '2.0.0' });
    assert.deepStrictEqual(v2.deviceIds, [ids.c]);
    const disabled = await listed({ kind: 'extension', key: PROBE_ID, dimension: 'state', value: 'disabled' });
    assert.deepStrictEqual(disabled.deviceIds, [ids.c]);
    const host = await listed({ kind: 'permission', permission: HOST });
    assert.deepStrictEqual(host.deviceIds, [ids.a]);
    // The list is one folder at the top of the account, above "All browsers".
    const [account] = await api.explorer.getChildren();
    const children = await api.explorer.getChildren(account);
    assert.strictEqual(children[0], api.explorer.accountNode?.browserList);
  });

  it('policies: errors first, a click lists the browsers with it (those with problems first)', async () => {
    const inv = inventoryOf(await stateOf());
    const probe = inv.policies.find((p) => p.key === POLICY);
    assert.ok(probe, 'the probe policy is in the inventory');
    assert.deepStrictEqual([probe.browsers, probe.errors, probe.values.length], [2, 1, 2]);
    const firstClean = inv.policies.findIndex((p) => p.errors + p.conflicts === 0);
    assert.ok(firstClean < 0 || inv.policies.slice(firstClean).every((p) => p.errors + p.conflicts === 0), 'every policy with a problem comes first');
    const problems = await listed({ kind: 'policy', key: POLICY, problems: true });
    assert.deepStrictEqual(problems.deviceIds, [ids.c]);
    const all = await listed({ kind: 'policy', key: POLICY });
    assert.deepStrictEqual(all.deviceIds, [ids.c, ids.d]);
  });

  it('the bulk actions apply to the listed browsers, and only to them', async () => {
    await listed({ kind: 'extension', key: PROBE_ID });
    const list = api.explorer.accountNode!.browserList!;
    const summary = await vscode.commands.executeCommand<BulkSummary>('cbcm.bulk.annotateMatching', list, undefined, {
      confirmed: true,
      changes: { annotatedNotes: `has probe ${run}` },
    });
    assert.strictEqual(summary.done.length, 3);
    for (const key of ['a', 'b', 'c', 'd'] as const) {
      const b = await control<{ annotatedNotes?: string }>(`browsers/${encodeURIComponent(ids[key])}`);
      assert.strictEqual(b.annotatedNotes, key === 'd' ? undefined : `has probe ${run}`, `browser ${key}`);
    }
  });

  it('opens for an org unit from its context menu command, counting only its browsers', async () => {
    await vscode.commands.executeCommand('cbcm.inventory.openOrgUnit', { orgUnitPath: ou });
    const inv = inventoryOf(await stateOf({ orgUnitPath: ou }));
    assert.deepStrictEqual(inv.scope, { kind: 'orgUnit', orgUnitPath: ou });
    assert.strictEqual(inv.totals.browsers, 4);
    assert.deepStrictEqual(inv.extensions.map((e) => [e.key, e.browsers]).sort(), [
      ['bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 1],
      [PROBE_ID, 3],
    ]);
    // The hidden commands below act on the panel in front: leave only the account's open.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.strictEqual(
      await vscode.commands.executeCommand('cbcm.inventory.testing.peek', { orgUnitPath: ou }),
      undefined,
      'the org unit panel is closed',
    );
  });

  it("an org unit's export button exports that org unit only", async () => {
    await vscode.commands.executeCommand('cbcm.inventory.openOrgUnit', { orgUnitPath: ou });
    await stateOf({ orgUnitPath: ou });
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, `inventory-ou-export-${run}.csv`);
    const since = (await control<{ total: number }>('requests')).total;
    const result = await vscode.commands.executeCommand<{ outcome: string } | undefined>(
      'cbcm.inventory.testing.export',
      { orgUnitPath: ou },
      {
        shape: 'extension',
        columns: ['deviceId', 'extension.extensionId'],
        uri: file,
      },
    );
    assert.strictEqual(result?.outcome, 'done');
    const rows = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(file))
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.replace(/"/g, ''))
      .sort();
    // The seeded org unit's four browsers: A has the probe in two profiles, B and C once, D another extension.
    const expected = [
      `${ids.a},${PROBE_ID}`,
      `${ids.a},${PROBE_ID}`,
      `${ids.b},${PROBE_ID}`,
      `${ids.c},${PROBE_ID}`,
      `${ids.d},bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`,
    ].sort();
    assert.deepStrictEqual(rows, expected);
    const listings = (await control<{ requests: { path: string }[] }>(`requests?since=${since}`)).requests.filter((r) =>
      /chromebrowsers/i.test(r.path),
    );
    assert.ok(listings.length > 0, 'the export listed the fleet');
    for (const r of listings) {
      const query = new URL(r.path, 'http://x').searchParams;
      // v1.1beta1 has an orgUnitPath parameter; the Chrome Management API v1 filters by org_unit_path=… instead.
      const sent = query.get('orgUnitPath') ?? /(?:^|\s)org_unit_path\s*=\s*"?([^"\s]+)"?/.exec(query.get('filter') ?? '')?.[1] ?? null;
      assert.strictEqual(sent, ou, r.path);
    }
    await vscode.workspace.fs.delete(file);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('while the listing streams, a click lists the browsers counted so far, marked partial', async () => {
    await vscode.commands.executeCommand('cbcm.inventory.open');
    await stateOf();
    await control('faults', { latencyMs: 2_500 });
    try {
      const refreshing = vscode.commands.executeCommand('cbcm.inventory.refresh');
      let partial: InventoryViewState | undefined;
      for (let i = 0; i < 600 && !partial; i++) {
        const now = await vscode.commands.executeCommand<InventoryViewState>('cbcm.inventory.testing.peek');
        if (now?.loading && now.inventory && !now.inventory.complete && now.inventory.extensions.length > 0) partial = now;
        else await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(partial?.inventory, 'a partial inventory while the listing runs');
      const entry = partial.inventory.extensions[0];
      const result = await vscode.commands.executeCommand<SelectionResult>('cbcm.inventory.testing.select', undefined, {
        kind: 'extension',
        key: entry.key,
      });
      assert.ok(result, 'the click listed browsers while the listing ran');
      // Complete only if the listing had ended before the click: partial says it was taken from the stream.
      assert.strictEqual(result.complete, false, 'marked partial');
      assert.ok(result.browsers >= entry.browsers && result.browsers > 0, `${result.browsers} browsers, ${entry.browsers} in the partial`);
      const list = api.explorer.accountNode?.browserList;
      assert.ok(list, 'the explorer shows a browser list');
      assert.match(String(list.getTreeItem().description), /partial inventory/);
      await vscode.commands.executeCommand('cbcm.inventory.testing.cancel');
      await refreshing;
    } finally {
      await control('faults', { clear: true });
    }
    await vscode.commands.executeCommand('cbcm.explorer.closeBrowserList');
    await vscode.commands.executeCommand('cbcm.inventory.refresh');
    assert.strictEqual(inventoryOf(await stateOf()).complete, true);
  });

  it('a cancelled listing keeps what it counted, marked partial', async () => {
    await vscode.commands.executeCommand('cbcm.inventory.open');
    await stateOf();
    await control('faults', { latencyMs: 2_500 });
    try {
      const refreshing = vscode.commands.executeCommand('cbcm.inventory.refresh');
      // Cancel once some pages have arrived, long before the last one (three rounds of ten pages at 2.5 s each,
      // so a loaded machine still has seconds between the first page and the last).
      for (let i = 0; i < 400; i++) {
        const now = await vscode.commands.executeCommand<InventoryViewState>('cbcm.inventory.testing.peek');
        if ((now?.loading?.browsers ?? 0) > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await vscode.commands.executeCommand('cbcm.inventory.testing.cancel');
      await refreshing;
      const state = await stateOf();
      const inv = inventoryOf(state);
      assert.strictEqual(inv.complete, false);
      assert.strictEqual(inv.interruption?.kind, 'cancelled');
      assert.match(state.error ?? '', /Cancelled after/);
      const info = await control<{ browsers: number }>('info');
      assert.ok(inv.totals.browsers < info.browsers, `${inv.totals.browsers} of ${info.browsers} listed`);
      const saved = await vscode.commands.executeCommand(
        'cbcm.inventory.saveSnapshot',
        vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'fleet-snapshots', `partial-${run}.json`),
      );
      assert.strictEqual(saved, undefined, 'no snapshot of a partial inventory');
    } finally {
      await control('faults', { clear: true });
    }
    await vscode.commands.executeCommand('cbcm.inventory.refresh');
    assert.strictEqual(inventoryOf(await stateOf()).complete, true);
  });

  it('saves a snapshot into the workspace and compares: new extension, version changes', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the harness opens a workspace folder');
    await vscode.commands.executeCommand('cbcm.inventory.open');
    await stateOf();
    const target = vscode.Uri.joinPath(folder, 'fleet-snapshots', `inventory-${run}.json`);
    const saved = await vscode.commands.executeCommand<string>('cbcm.inventory.saveSnapshot', target);
    assert.strictEqual(saved, target.toString());
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.strictEqual(json.format, 'cbcm-fleet-inventory-snapshot');
    assert.deepStrictEqual(json.extensions[PROBE_ID].versions, { '1.0.0': 2, '2.0.0': 1 });
    assert.ok(!JSON.stringify(json).includes(ids.a), 'a snapshot holds counts, no device ids');

    await emu('PATCH', `browsers/${encodeURIComponent(ids.c)}`, installs([[ext('3.0.0')]]));
    await emu('PATCH', `browsers/${encodeURIComponent(ids.d)}`, installs([[{ extensionId: NEW_ID, name: 'Newcomer', version: '0.1' }]]));
    await vscode.commands.executeCommand('cbcm.inventory.refresh');
    const diff = await vscode.commands.executeCommand<InventoryDiff>('cbcm.inventory.compareSnapshot', target);
    assert.ok(diff, 'a comparison');
    assert.deepStrictEqual(
      diff.extensions.added.map((e) => e.key),
      [NEW_ID],
    );
    assert.ok(diff.extensions.removed.some((e) => e.key === 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'));
    const probe = diff.extensions.versionChanges.find((v) => v.key === PROBE_ID);
    assert.ok(probe, 'the probe changed versions');
    assert.deepStrictEqual(
      probe.added.map((c) => c.value),
      ['3.0.0'],
    );
    assert.deepStrictEqual(
      probe.removed.map((c) => c.value),
      ['2.0.0'],
    );
    const state = await stateOf();
    assert.strictEqual(state.diff?.file, vscode.workspace.asRelativePath(target));
    await vscode.workspace.fs.delete(target);
  });
});
