// The inventory against the emulator over real HTTP, through both backends: its counts equal an independent
// count computed from the emulator's own data (its FULL projection of every stored browser), its selections
// list exactly the browsers that have the extension (by id and by re-listing), and a cancelled or failed load
// returns the partial inventory, marked as such.
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import { ChromeManagementClient, type CbcmBackend, type ChromeBrowser, type FetchLike } from '../../src/api';
import { listSelection, loadInventory, selectBrowsers, type Inventory, type InventoryScope } from '../../src/inventory';
import { SCOPES } from '../emulator';
import { project } from '../emulator/browserDetails';
import type { FleetBrowser } from '../emulator/fleet';
import { EmuTokenSource, FAST_RETRY, makeClient, useApiEmulator } from './apiHarness';

interface Oracle {
  browsers: number;
  profiles: number;
  /** extension id → device ids, profiles, version → device ids */
  extensions: Map<string, { ids: Set<string>; profiles: number; versions: Map<string, Set<string>> }>;
  /** policy key → device ids, with errors, with conflicts */
  policies: Map<string, { ids: Set<string>; errors: Set<string>; conflicts: Set<string> }>;
}

/** Counted the plain way, from the emulator's side: strings in sets, every record held. */
function oracle(stored: Iterable<FleetBrowser>): Oracle {
  const o: Oracle = { browsers: 0, profiles: 0, extensions: new Map(), policies: new Map() };
  const policy = (key: string) => {
    let p = o.policies.get(key);
    if (!p) o.policies.set(key, (p = { ids: new Set(), errors: new Set(), conflicts: new Set() }));
    return p;
  };
  for (const stored1 of stored) {
    const b = project(stored1, 'FULL');
    o.browsers++;
    const machine = new Map<string, string>();
    for (const p of b.machinePolicies ?? []) {
      const entry = policy(p.name!);
      entry.ids.add(b.deviceId);
      if (p.error) entry.errors.add(b.deviceId);
      if (machine.has(p.name!) && machine.get(p.name!) !== p.value) entry.conflicts.add(b.deviceId);
      machine.set(p.name!, p.value ?? '');
    }
    (b.browsers ?? []).forEach((install) => {
      for (const profile of install.profiles ?? []) {
        o.profiles++;
        const inProfile = new Set<string>();
        for (const e of profile.extensions ?? []) {
          let x = o.extensions.get(e.extensionId!);
          if (!x) o.extensions.set(e.extensionId!, (x = { ids: new Set(), profiles: 0, versions: new Map() }));
          x.ids.add(b.deviceId);
          if (!inProfile.has(e.extensionId!)) x.profiles++;
          inProfile.add(e.extensionId!);
          if (!x.versions.has(e.version!)) x.versions.set(e.version!, new Set());
          x.versions.get(e.version!)!.add(b.deviceId);
        }
        const seen = new Map<string, string>();
        for (const p of profile.userPolicies ?? []) {
          const entry = policy(p.name!);
          entry.ids.add(b.deviceId);
          if (p.error) entry.errors.add(b.deviceId);
          const value = p.value ?? '';
          if ((machine.has(p.name!) && machine.get(p.name!) !== value) || (seen.has(p.name!) && seen.get(p.name!) !== value))
            entry.conflicts.add(b.deviceId);
          if (!seen.has(p.name!)) seen.set(p.name!, value);
        }
        for (const ep of profile.extensionPolicies ?? []) {
          for (const p of ep.policies ?? []) policy(`${ep.extensionId}/${p.name}`).ids.add(b.deviceId);
        }
      }
    });
  }
  return o;
}

function assertMatches(inv: Inventory, o: Oracle, label: string): void {
  assert.strictEqual(inv.complete, true, label);
  assert.strictEqual(inv.totals.browsers, o.browsers, `${label}: browsers`);
  assert.strictEqual(inv.totals.profiles, o.profiles, `${label}: profiles`);
  assert.deepStrictEqual(inv.extensions.map((e) => e.key).sort(), [...o.extensions.keys()].sort(), `${label}: extension ids`);
  for (const e of inv.extensions) {
    const x = o.extensions.get(e.key)!;
    assert.strictEqual(e.browsers, x.ids.size, `${label}: browsers with ${e.key}`);
    assert.strictEqual(e.profiles, x.profiles, `${label}: profiles with ${e.key}`);
    assert.deepStrictEqual(
      Object.fromEntries(e.versions.map((v) => [v.value, v.browsers])),
      Object.fromEntries([...x.versions].map(([v, ids]) => [v, ids.size])),
      `${label}: versions of ${e.key}`,
    );
  }
  assert.deepStrictEqual(inv.policies.map((p) => p.key).sort(), [...o.policies.keys()].sort(), `${label}: policy keys`);
  for (const p of inv.policies) {
    const x = o.policies.get(p.key)!;
    assert.strictEqual(p.browsers, x.ids.size, `${label}: browsers with ${p.key}`);
    assert.strictEqual(p.errors, x.errors.size, `${label}: errors of ${p.key}`);
    assert.strictEqual(p.conflicts, x.conflicts.size, `${label}: conflicts of ${p.key}`);
  }
}

describe('inventory loading (emulator)', function () {
  this.timeout(120_000);
  const emu = useApiEmulator({ browsers: 300, seed: 21, beforeEachTest: 'clearFaults' });
  const disposables: { dispose(): void }[] = [];
  after(() => disposables.forEach((d) => d.dispose()));

  function v1(): ChromeManagementClient {
    const client = new ChromeManagementClient({
      baseUrl: emu.url,
      directoryBaseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly]),
      retry: FAST_RETRY,
      timeoutMs: 5_000,
      fetch: nodeFetch as unknown as FetchLike,
    });
    disposables.push(client);
    return client;
  }
  const backends = (): [string, CbcmBackend][] => [
    ['v1.1beta1', makeClient(emu).client],
    ['v1', v1()],
  ];

  it("matches an independent count from the emulator's own data, through both APIs", async () => {
    const expected = oracle(emu.fleet.browsers.values());
    assert.ok(
      expected.extensions.size > 20 && [...expected.policies.values()].some((p) => p.errors.size > 0),
      'the fleet has extensions and policy errors',
    );
    assert.ok(
      [...expected.policies.values()].some((p) => p.conflicts.size > 0),
      'the fleet has policy conflicts',
    );
    assert.ok(
      [...expected.extensions.values()].some((x) => x.profiles > x.ids.size),
      'some extension is in two profiles of one browser',
    );
    for (const [label, backend] of backends()) {
      const progress: number[] = [];
      const { inventory } = await loadInventory(backend, { scope: { kind: 'account' }, onProgress: (p) => progress.push(p.browsers) });
      assertMatches(inventory, expected, label);
      assert.strictEqual(progress[progress.length - 1], expected.browsers, `${label}: progress reaches the total`);
    }
  });

  it('counts one org unit only when scoped to it', async () => {
    const counts = new Map<string, number>();
    for (const b of emu.fleet.browsers.values()) counts.set(b.orgUnitPath!, (counts.get(b.orgUnitPath!) ?? 0) + 1);
    const [path] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const scope: InventoryScope = { kind: 'orgUnit', orgUnitPath: path };
    const { inventory } = await loadInventory(makeClient(emu).client, { scope });
    assertMatches(inventory, oracle([...emu.fleet.browsers.values()].filter((b) => b.orgUnitPath === path)), path);
    assert.deepStrictEqual(inventory.scope, scope);
  });

  it('lists exactly the browsers that have an extension, by id and by re-listing their org units', async () => {
    const expected = oracle(emu.fleet.browsers.values());
    for (const [label, backend] of backends()) {
      const { aggregator } = await loadInventory(backend, { scope: { kind: 'account' } });
      const [rare] = [...expected.extensions].filter(([, x]) => x.ids.size <= 3)[0];
      const [common] = [...expected.extensions].sort((a, b) => b[1].ids.size - a[1].ids.size)[0];
      for (const key of [rare, common]) {
        const selection = selectBrowsers(aggregator, { kind: 'extension', key }, true);
        assert.deepStrictEqual([...selection.deviceIds].sort(), [...expected.extensions.get(key)!.ids].sort(), `${label}: ids of ${key}`);
        for (const kind of ['byId', 'scan'] as const) {
          const forced = {
            ...selection,
            listing: kind === 'byId' ? { kind, requests: 0 } : { kind, orgUnitPaths: selection.orgUnits.map((o) => o.orgUnitPath), requests: 0 },
          };
          const listed: ChromeBrowser[] = [];
          for await (const batch of listSelection(backend, forced)) listed.push(...batch);
          assert.deepStrictEqual(
            listed.map((b) => b.deviceId).sort(),
            [...selection.deviceIds].sort(),
            `${label} ${kind}: listed browsers of ${key}`,
          );
        }
      }
      assert.strictEqual(selectBrowsers(aggregator, { kind: 'extension', key: rare }, true).listing.kind, 'byId');
      assert.strictEqual(selectBrowsers(aggregator, { kind: 'extension', key: common }, true).listing.kind, 'scan');
    }
  });

  it('reports a browser deleted since the inventory as not found instead of failing', async () => {
    const client = makeClient(emu).client;
    const { aggregator } = await loadInventory(client, { scope: { kind: 'account' } });
    const key = aggregator.inventory(true).extensions[0].key;
    const selection = selectBrowsers(aggregator, { kind: 'extension', key }, true);
    const gone = selection.deviceIds[0];
    emu.fleet.deleteBrowser(gone);
    try {
      for (const listing of [
        { kind: 'byId' as const, requests: 0 },
        { kind: 'scan' as const, requests: 0 },
      ]) {
        const notFound: string[] = [];
        let n = 0;
        for await (const batch of listSelection(client, { ...selection, listing }, { onNotFound: (id) => notFound.push(id) })) n += batch.length;
        assert.deepStrictEqual(notFound, [gone], listing.kind);
        assert.strictEqual(n, selection.deviceIds.length - 1, listing.kind);
      }
    } finally {
      emu.reset();
    }
  });

  it('returns the partial inventory, marked, when cancelled or when the listing fails', async () => {
    const client = makeClient(emu).client;
    emu.setFaults({ latencyMs: 10 });
    const abort = new AbortController();
    const partials: Inventory[] = [];
    const cancelled = await loadInventory(client, {
      scope: { kind: 'account' },
      signal: abort.signal,
      concurrency: 1,
      partialEveryMs: 0,
      onPartial: (inv) => partials.push(inv),
      onProgress: (p) => p.browsers >= 100 && abort.abort(),
    });
    assert.strictEqual(cancelled.inventory.complete, false);
    assert.strictEqual(cancelled.inventory.interruption?.kind, 'cancelled');
    assert.ok(
      cancelled.inventory.totals.browsers >= 100 && cancelled.inventory.totals.browsers < 300,
      `${cancelled.inventory.totals.browsers} browsers`,
    );
    assert.ok(partials.length > 0 && partials.every((p) => !p.complete), 'partial inventories while streaming, none complete');

    emu.setFaults({ failNext: [{ status: 400, reason: 'invalid', pathIncludes: 'chromebrowsers', times: 1000 }] });
    const failed = await loadInventory(client, { scope: { kind: 'account' } });
    assert.strictEqual(failed.inventory.complete, false);
    assert.strictEqual(failed.inventory.interruption?.kind, 'failed');
    assert.match(failed.inventory.interruption.message, /stopped after \d+ browsers/);
  });
});
