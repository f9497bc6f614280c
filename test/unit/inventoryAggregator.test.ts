// The inventory aggregation on hand-made FULL records: what counts once per browser and once per profile,
// versions, install types, permissions, states, policies with errors and conflicts, missing and malformed
// fields, the compact id sets, the selection (problems first) and its listing plan, and 100,000 browsers in
// bounded memory.
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import type { BrowserExtension, BrowserProfile, ChromeBrowser, Policy } from '../../src/api/types';
import {
  BrowserIdSet,
  InventoryAggregator,
  MAX_EXTENSIONS,
  isHostPermission,
  planListing,
  selectBrowsers,
  type ExtensionSummary,
  type Inventory,
} from '../../src/inventory';

const ext = (id: string, more: Partial<BrowserExtension> = {}): BrowserExtension => ({
  extensionId: id,
  name: `Ext ${id}`,
  version: '1.0',
  installType: 'NORMAL',
  disabled: false,
  ...more,
});
const profile = (extensions: BrowserExtension[], userPolicies: Policy[] = []): BrowserProfile => ({ extensions, userPolicies });
const browser = (deviceId: string, installs: BrowserProfile[][], more: Partial<ChromeBrowser> = {}): ChromeBrowser => ({
  deviceId,
  orgUnitPath: '/Sales',
  ...more,
  browsers: installs.map((profiles) => ({ profiles })),
});

function inventoryOf(records: ChromeBrowser[]): { agg: InventoryAggregator; inv: Inventory } {
  const agg = new InventoryAggregator({ scope: { kind: 'account' } });
  agg.addBrowsers(records);
  return { agg, inv: agg.inventory(true) };
}

const extension = (inv: Inventory, key: string): ExtensionSummary => {
  const e = inv.extensions.find((x) => x.key === key);
  assert.ok(e, `no extension ${key}`);
  return e;
};

describe('inventory aggregation', () => {
  describe('compact browser id sets', () => {
    it('hold exactly the members added, in both forms, ignoring the last member added again', () => {
      for (const density of [0.001, 0.01, 0.05, 0.5, 1]) {
        const set = new BrowserIdSet();
        const oracle: number[] = [];
        for (let i = 0; i < 20_000; i++) {
          if ((i * 2654435761) % 1000 < density * 1000) {
            set.add(i);
            set.add(i); // a second profile of the same browser
            oracle.push(i);
          }
        }
        assert.strictEqual(set.size, oracle.length, `density ${density}`);
        assert.deepStrictEqual([...set], oracle, `density ${density}`);
        for (const probe of [0, 1, 2, 999, 1000, 19_999, 25_000])
          assert.strictEqual(set.has(probe), oracle.includes(probe), `has(${probe}) at ${density}`);
        // Never much more than the smaller of the two forms (room to grow included).
        const smaller = Math.min(oracle.length * 4, (oracle[oracle.length - 1] + 1) / 8);
        assert.ok(set.bytes <= 3 * smaller + 256, `${set.bytes} bytes for ${oracle.length} members at ${density}`);
      }
    });

    it('go back to the array form when the members turn out far apart', () => {
      const set = new BrowserIdSet();
      for (let i = 0; i < 100; i++) set.add(i);
      for (let i = 1; i <= 100; i++) set.add(i * 10_000);
      assert.strictEqual(set.size, 200);
      assert.ok(set.has(500_000) && set.has(99) && !set.has(100));
      assert.ok(set.bytes <= 200 * 4 * 2, `${set.bytes} bytes: a 1,000,000-bit bitmap would be 125,000`);
    });

    it('refuse members out of order (the aggregator adds browsers in arrival order)', () => {
      const set = new BrowserIdSet();
      set.add(5);
      assert.throws(() => set.add(4), RangeError);
    });
  });

  it('counts an extension in several profiles once per browser and once per profile', () => {
    const { inv } = inventoryOf([
      // Two installs (Stable and Beta), three profiles; X in two of them, and twice in the first.
      browser('b1', [[profile([ext('x'), ext('x'), ext('y')]), profile([ext('x')])], [profile([ext('y')])]]),
      browser('b2', [[profile([ext('x')])]]),
    ]);
    const x = extension(inv, 'x');
    assert.strictEqual(x.browsers, 2);
    assert.strictEqual(x.profiles, 3);
    const y = extension(inv, 'y');
    assert.strictEqual(y.browsers, 1);
    assert.strictEqual(y.profiles, 2);
    assert.strictEqual(inv.totals.profiles, 4);
    assert.strictEqual(inv.totals.browsers, 2);
    assert.deepStrictEqual(
      inv.extensions.map((e) => e.key),
      ['x', 'y'],
      'most browsers first',
    );
  });

  it('counts versions, install types, states and permissions per browser and per profile', () => {
    const { inv } = inventoryOf([
      browser('b1', [
        [
          profile([ext('x', { version: '2.0', installType: 'ADMIN', permissions: ['storage', '<all_urls>'] })]),
          profile([ext('x', { version: '1.0', disabled: true, permissions: ['storage', 'https://*.example.com/*'] })]),
        ],
      ]),
      browser('b2', [[profile([ext('x', { version: '2.0', installType: 'ADMIN', permissions: ['storage'] })])]]),
      browser('b3', [[profile([ext('x', { version: '2.0', installType: 'ADMIN' })]), profile([ext('x', { version: '2.0', installType: 'ADMIN' })])]]),
    ]);
    const x = extension(inv, 'x');
    assert.deepStrictEqual(x.versions, [
      { value: '2.0', browsers: 3, profiles: 4 },
      { value: '1.0', browsers: 1, profiles: 1 },
    ]);
    assert.deepStrictEqual(x.installTypes, [
      { value: 'ADMIN', browsers: 3, profiles: 4 },
      { value: 'NORMAL', browsers: 1, profiles: 1 },
    ]);
    assert.deepStrictEqual(x.states, [
      { value: 'enabled', browsers: 3, profiles: 4 },
      { value: 'disabled', browsers: 1, profiles: 1 },
    ]);
    assert.deepStrictEqual(x.permissions, [
      { value: 'storage', browsers: 2, profiles: 3, host: false },
      { value: '<all_urls>', browsers: 1, profiles: 1, host: true },
      { value: 'https://*.example.com/*', browsers: 1, profiles: 1, host: true },
    ]);
    assert.strictEqual(x.browsers, 3);
    assert.strictEqual(x.profiles, 5);
  });

  it('tells host permissions from API permissions by their form', () => {
    for (const p of ['<all_urls>', '*://*/*', 'https://*.example.com/*', 'http://localhost/', 'file:///*', 'chrome://favicon/'])
      assert.ok(isHostPermission(p), p);
    for (const p of ['storage', 'tabs', 'activeTab', 'declarativeNetRequest', 'enterprise.platformKeys', '']) assert.ok(!isHostPermission(p), p);
  });

  it('takes the name most profiles report, keeps the others, and groups extensions without an id by name', () => {
    const { inv } = inventoryOf([
      browser('b1', [[profile([ext('x', { name: 'Old name' })]), profile([ext('x', { name: 'New name' })])]]),
      browser('b2', [[profile([ext('x', { name: 'New name' }), { name: 'Unpacked tool', version: '0.1' }])]]),
      browser('b3', [[profile([{ name: 'Unpacked tool' }, {}])]]),
    ]);
    const x = extension(inv, 'x');
    assert.strictEqual(x.name, 'New name');
    assert.deepStrictEqual(x.otherNames, ['Old name']);
    const tool = extension(inv, '?Unpacked tool');
    assert.strictEqual(tool.extensionId, undefined);
    assert.strictEqual(tool.browsers, 2);
    assert.deepStrictEqual(tool.versions.map((v) => v.value).sort(), ['', '0.1'], "a missing version is '' (not reported)");
    assert.deepStrictEqual(tool.states, [{ value: '', browsers: 2, profiles: 2 }], 'disabled not reported');
    assert.strictEqual(extension(inv, '?').name, '', 'neither id nor name: one entry, still counted');
  });

  it('survives missing and malformed fields without counting what it cannot list', () => {
    const records = [
      { deviceId: '' },
      { orgUnitPath: '/x' },
      { deviceId: 'basic-only', orgUnitPath: '/Sales', extensionCount: 3 },
      { deviceId: 'garbage', browsers: 'not a list', machinePolicies: [null, 7, { name: 'P', value: 'v' }] },
      {
        deviceId: 'holes',
        browsers: [null, { profiles: [null, { extensions: [null, { extensionId: 'x', permissions: [1, 'tabs'] }], userPolicies: 'x' }] }],
      },
    ] as unknown as ChromeBrowser[];
    const { agg, inv } = inventoryOf(records);
    assert.strictEqual(inv.totals.browsers, 3, 'records without a device id cannot be listed again, so they are left out');
    assert.strictEqual(inv.totals.withoutDetails, 2, 'BASIC-only and a non-list browsers[]');
    assert.ok(
      inv.warnings.some((w) => /2 browser records had no device id/.test(w)),
      inv.warnings.join(' | '),
    );
    assert.deepStrictEqual(
      extension(inv, 'x').permissions.map((p) => p.value),
      ['tabs'],
    );
    assert.strictEqual(inv.policies.find((p) => p.key === 'P')?.browsers, 1);
    assert.deepStrictEqual(agg.orgUnitsOf([0, 1, 2]), [
      { orgUnitPath: '', browsers: 2 },
      { orgUnitPath: '/Sales', browsers: 1 },
    ]);
  });

  describe('policies', () => {
    const pol = (name: string, value: string, source = 'MACHINE_PLATFORM', error?: string): Policy => ({
      name,
      value,
      source,
      ...(error ? { error } : {}),
    });

    it('count browsers, scopes, sources and values once per browser', () => {
      const { inv } = inventoryOf([
        browser('b1', [[profile([], [pol('Home', 'a', 'USER_CLOUD')]), profile([], [pol('Home', 'a', 'USER_CLOUD')])]], {
          machinePolicies: [pol('Sync', 'true')],
        }),
        browser('b2', [[profile([], [pol('Home', 'b', 'USER_CLOUD')])]], {
          machinePolicies: [pol('Sync', 'true'), pol('Home', 'b', 'MACHINE_CLOUD')],
        }),
      ]);
      const home = inv.policies.find((p) => p.key === 'Home')!;
      assert.strictEqual(home.browsers, 2);
      assert.deepStrictEqual(home.scopes, [
        { scope: 'machine', browsers: 1 },
        { scope: 'user', browsers: 2 },
      ]);
      assert.deepStrictEqual(home.sources, [
        { value: 'USER_CLOUD', browsers: 2 },
        { value: 'MACHINE_CLOUD', browsers: 1 },
      ]);
      assert.deepStrictEqual(home.values, [
        { value: 'a', browsers: 1 },
        { value: 'b', browsers: 1 },
      ]);
      assert.strictEqual(home.conflicts, 0, 'the same value from two levels is no conflict');
      assert.strictEqual(inv.policies.find((p) => p.key === 'Sync')!.browsers, 2);
    });

    it('find errors and conflicts, and list those browsers first', () => {
      const records = [
        browser('ok', [[profile([], [pol('Home', 'a', 'USER_CLOUD')])]]),
        // Two users with different user policies: no conflict.
        browser('two-users', [[profile([], [pol('Home', 'a', 'USER_CLOUD')]), profile([], [pol('Home', 'b', 'USER_CLOUD')])]]),
        // Machine policy and user policy disagree: conflict.
        browser('machine-vs-user', [[profile([], [pol('Home', 'b', 'USER_CLOUD')])]], { machinePolicies: [pol('Home', 'a')] }),
        browser('error', [[profile([], [pol('Home', 'a', 'USER_CLOUD', 'This policy is deprecated.')])]]),
        browser('error-says-conflict', [[profile([], [pol('Home', 'a', 'USER_CLOUD', 'Conflict with another source')])]]),
        browser('twice-in-profile', [[profile([], [pol('Home', 'a', 'USER_PLATFORM'), pol('Home', 'c', 'USER_CLOUD')])]]),
      ];
      const { agg, inv } = inventoryOf(records);
      const home = inv.policies.find((p) => p.key === 'Home')!;
      assert.strictEqual(home.browsers, 6);
      assert.strictEqual(home.errors, 2);
      assert.strictEqual(home.conflicts, 3);
      assert.deepStrictEqual(home.errorMessages.map((m) => m.value).sort(), ['Conflict with another source', 'This policy is deprecated.']);
      const all = selectBrowsers(agg, { kind: 'policy', key: 'Home' }, true);
      assert.deepStrictEqual(all.deviceIds, ['machine-vs-user', 'error', 'error-says-conflict', 'twice-in-profile', 'ok', 'two-users']);
      const problems = selectBrowsers(agg, { kind: 'policy', key: 'Home', problems: true }, true);
      assert.deepStrictEqual(problems.deviceIds, ['machine-vs-user', 'error', 'error-says-conflict', 'twice-in-profile']);
      assert.strictEqual(inv.policies[0].key, 'Home', 'policies with problems first');
    });

    it('key extension policies by extension, from profiles and (v1) the machine', () => {
      const { inv } = inventoryOf([
        browser('b1', [[{ extensionPolicies: [{ extensionId: 'x', extensionName: 'X', policies: [pol('Mode', 'a')] }] }]], {
          machineExtensionPolicies: [{ extensionId: 'x', policies: [pol('Mode', 'b')] }],
        }),
      ]);
      const mode = inv.policies.find((p) => p.key === 'x/Mode')!;
      assert.strictEqual(mode.extensionId, 'x');
      assert.strictEqual(mode.extensionName, 'X');
      assert.deepStrictEqual(mode.scopes, [{ scope: 'extension', browsers: 1 }]);
      assert.strictEqual(mode.conflicts, 1, 'machine and profile values of the same extension policy disagree');
    });
  });

  describe('selections', () => {
    const records = [
      browser('a', [[profile([ext('x', { version: '1', permissions: ['tabs'] })])]], { orgUnitPath: '/A' }),
      browser('b', [[profile([ext('x', { version: '2' }), ext('y', { permissions: ['tabs'] })])]], { orgUnitPath: '/B' }),
      browser('c', [[profile([ext('y')])]], { orgUnitPath: '/B' }),
    ];

    it('give the device ids of an extension, a version, a permission, with their org units', () => {
      const { agg } = inventoryOf(records);
      const x = selectBrowsers(agg, { kind: 'extension', key: 'x' }, true);
      assert.deepStrictEqual(x.deviceIds, ['a', 'b']);
      assert.deepStrictEqual(x.orgUnits, [
        { orgUnitPath: '/A', browsers: 1 },
        { orgUnitPath: '/B', browsers: 1 },
      ]);
      assert.strictEqual(x.description, 'Browsers with Ext x');
      assert.deepStrictEqual(selectBrowsers(agg, { kind: 'extension', key: 'x', dimension: 'version', value: '2' }, true).deviceIds, ['b']);
      assert.deepStrictEqual(selectBrowsers(agg, { kind: 'extension', key: 'x', dimension: 'permission', value: 'tabs' }, true).deviceIds, ['a']);
      assert.deepStrictEqual(selectBrowsers(agg, { kind: 'permission', permission: 'tabs' }, true).deviceIds, ['a', 'b']);
      assert.deepStrictEqual(selectBrowsers(agg, { kind: 'extension', key: 'nope' }, true).deviceIds, []);
      assert.strictEqual(
        selectBrowsers(agg, { kind: 'extension', key: 'x' }, false).complete,
        false,
        'a partial inventory gives a partial selection',
      );
    });

    it('plan the cheaper listing: by id for a few browsers, the org units for many', () => {
      const perOu = new Map([
        ['/A', 950],
        ['/B', 5_000],
        ['', 50],
      ]);
      assert.deepStrictEqual(planListing(3, [{ orgUnitPath: '/A' }], perOu), { kind: 'byId', requests: 3 });
      assert.deepStrictEqual(planListing(900, [{ orgUnitPath: '/A' }], perOu), { kind: 'scan', orgUnitPaths: ['/A'], requests: 10 });
      assert.deepStrictEqual(planListing(3_000, [{ orgUnitPath: '/B' }, { orgUnitPath: '/A' }], perOu), {
        kind: 'scan',
        orgUnitPaths: ['/A', '/B'],
        requests: 60,
      });
      // Browsers that report no org unit: only a listing of the whole scope finds them.
      assert.deepStrictEqual(planListing(3_000, [{ orgUnitPath: '' }, { orgUnitPath: '/A' }], perOu), { kind: 'scan', requests: 62 });
      assert.deepStrictEqual(planListing(0, [], perOu), { kind: 'byId', requests: 0 });
    });
  });

  it('caps distinct extensions and says so, still counting the browsers', () => {
    const agg = new InventoryAggregator({ scope: { kind: 'account' } });
    const many = Array.from({ length: MAX_EXTENSIONS + 10 }, (_, i) => ext(`e${i}`));
    agg.addBrowser(browser('b1', [[profile(many)]]));
    agg.addBrowser(browser('b2', [[profile([ext('late-comer')])]]));
    const inv = agg.inventory(true);
    assert.strictEqual(inv.extensions.length, MAX_EXTENSIONS);
    assert.strictEqual(inv.totals.browsers, 2);
    assert.ok(
      inv.warnings.some((w) => /distinct extensions.*on 2 browsers/.test(w)),
      inv.warnings.join(' | '),
    );
  });

  it('marks a partial inventory as such', () => {
    const agg = new InventoryAggregator({ scope: { kind: 'orgUnit', orgUnitPath: '/Sales' } });
    agg.addBrowser(browser('b1', [[profile([ext('x')])]]));
    const inv = agg.inventory(false);
    assert.strictEqual(inv.complete, false);
    assert.deepStrictEqual(inv.scope, { kind: 'orgUnit', orgUnitPath: '/Sales' });
  });

  describe('100,000 browsers', function () {
    this.timeout(180_000);

    /** Deterministic synthetic FULL records: 20 extensions from a pool of 600 (skewed), 40 policies, 1–3 profiles (bench/inventory.bench.ts runs 100 policies). */
    function* pages(count: number): Generator<ChromeBrowser[]> {
      let seed = 12345;
      const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
      for (let start = 0; start < count; start += 100) {
        const page: ChromeBrowser[] = [];
        for (let i = start; i < Math.min(count, start + 100); i++) {
          const profiles: BrowserProfile[] = [];
          const n = 1 + Math.floor(rnd() * 3);
          for (let p = 0; p < n; p++) {
            const extensions: BrowserExtension[] = [];
            for (let e = 0; e < Math.ceil(20 / n); e++) {
              const k = Math.floor(600 * rnd() ** 3);
              extensions.push({
                extensionId: `ext${String(k).padStart(29, 'a')}`,
                name: `Extension ${k}`,
                version: `${k % 7}.${Math.floor(rnd() * 4)}`,
                installType: k % 3 ? 'NORMAL' : 'ADMIN',
                disabled: rnd() < 0.05,
                permissions: ['storage', k % 2 ? '<all_urls>' : 'tabs'],
              });
            }
            profiles.push({
              id: `Profile ${p}`,
              extensions,
              userPolicies: Array.from({ length: 10 }, (_, j) => ({ name: `UserPolicy${j}`, source: 'USER_CLOUD', value: String(j % 3) })),
            });
          }
          const machinePolicies = Array.from({ length: 30 }, (_, j) => ({
            name: `MachinePolicy${j}`,
            source: 'MACHINE_PLATFORM',
            value: j === 0 ? String(i % 5) : 'true',
            ...(rnd() < 0.01 ? { error: 'Ignored: deprecated.' } : {}),
          }));
          page.push({
            deviceId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            orgUnitPath: `/OU${i % 30}`,
            machinePolicies,
            browsers: [{ browserVersion: '131.0.6778.86', profiles }],
          });
        }
        // Fresh objects per page, dropped after it (as the client's parsed pages are).
        yield page;
      }
    }

    it('are aggregated as pages arrive, keeping ids and counts, not records (retained heap bounded)', () => {
      setFlagsFromString('--expose_gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const before = process.memoryUsage().heapUsed;
      const agg = new InventoryAggregator({ scope: { kind: 'account' } });
      for (const page of pages(100_000)) agg.addBrowsers(page);
      gc();
      const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
      const inv = agg.inventory(true);
      assert.strictEqual(inv.totals.browsers, 100_000);
      assert.strictEqual(inv.totals.policies, 40);
      assert.ok(inv.extensions.length > 300 && inv.extensions.length <= 600, `${inv.extensions.length} extensions`);
      const top = inv.extensions[0];
      assert.ok(top.browsers > 50_000 && top.profiles >= top.browsers, `top: ${top.browsers} browsers, ${top.profiles} profiles`);
      // The records alone would be ~3 KB each (300 MB); ids, org units and the id sets take ~12 MB.
      assert.ok(retainedMb < 40, `retained ${retainedMb.toFixed(1)} MB for 100,000 browsers`);
      const selection = selectBrowsers(agg, { kind: 'extension', key: top.key }, true);
      assert.strictEqual(selection.deviceIds.length, top.browsers);
      assert.strictEqual(selection.listing.kind, 'scan', 'most of the fleet: listing it again is cheaper than one get per browser');
    });
  });
});
