// Chrome browser operations and org units against the emulator over real HTTP.
import * as assert from 'assert';
import { ApiError, BROWSER_ORDER_BY, browsersOf, type ChromeBrowser, type SortOrder } from '../../src/api';
import { apiRequests, collect, makeClient, rejects, useApiEmulator } from './apiHarness';

describe('api client: Chrome browsers', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 300, seed: 7 });

  it('lists every browser once across pages', async () => {
    const { client } = makeClient(emu);
    const pages = [];
    for await (const page of client.listBrowsers({ maxResults: 100 })) pages.push(page);
    assert.strictEqual(pages.length, 3);
    const ids = pages.flatMap((p) => p.browsers.map((b) => b.deviceId));
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.deepStrictEqual([...ids].sort(), [...emu.fleet.browsers.keys()].sort());
    assert.strictEqual(pages[2].nextPageToken, undefined);
    assert.strictEqual(apiRequests(emu).length, 3);
  });

  it('iterates items across pages with browsersOf()', async () => {
    const { client } = makeClient(emu);
    let n = 0;
    for await (const b of browsersOf(client.listBrowsers({ maxResults: 40 }))) {
      assert.ok(emu.fleet.browsers.has(b.deviceId));
      n++;
    }
    assert.strictEqual(n, 300);
  });

  it('asks for the BASIC or FULL projection', async () => {
    const { client } = makeClient(emu);
    const first = async (projection: 'BASIC' | 'FULL'): Promise<ChromeBrowser> => {
      for await (const page of client.listBrowsers({ projection, maxResults: 2 })) return page.browsers[0];
      throw new Error('no page');
    };
    const basic = await first('BASIC');
    const full = await first('FULL');
    assert.strictEqual(basic.browsers, undefined);
    assert.ok(Array.isArray(full.browsers));
    assert.ok(apiRequests(emu).some((r) => r.path.includes('projection=FULL')));
  });

  describe('orderBy: every documented value, against orders written by hand', () => {
    // Four browsers in an org unit of their own, with values chosen so that a text sort of numbers or versions,
    // a case-sensitive sort or the wrong field gives a different order. The expected orders below are worked out
    // by hand from the readings listed in test/emulator/README.md ("Open points of the reference"): text is
    // compared case-insensitively, numbers and versions numerically, ties by deviceId, DESCENDING is the exact
    // reverse.
    const OU = '/Order Test';
    const A = 'order-a',
      B = 'order-b',
      C = 'order-c',
      D = 'order-d';
    beforeEach(() => {
      if (!emu.fleet.orgUnits.resolve(OU)) emu.fleet.orgUnits.add(OU);
      const add = (deviceId: string, f: Record<string, unknown>) => emu.fleet.addBrowser({ deviceId, orgUnitPath: OU, ...f });
      add(A, {
        machineName: 'lab-10',
        extensionCount: 10,
        policyCount: 3,
        safeBrowsingClickThroughCount: 5,
        lastDeviceUser: 'dave',
        annotatedUser: 'x',
        annotatedLocation: 'Room 2',
        annotatedAssetId: 'A-2',
        annotatedNotes: 'm',
        lastActivityTime: '2026-03-01T00:00:00Z',
        lastRegistrationTime: '2024-05-01T00:00:00Z',
        lastPolicyFetchTime: '2026-03-02T00:00:00Z',
        lastStatusReportTime: '2026-03-03T00:00:00Z',
        osPlatform: 'Windows',
        osVersion: '10.0.19045',
        browserVersions: ['120.0.1.2'],
        channels: ['stable'],
      });
      add(B, {
        machineName: 'Lab-9',
        extensionCount: 9,
        policyCount: 30,
        safeBrowsingClickThroughCount: 50,
        lastDeviceUser: 'Alice',
        annotatedUser: 'w',
        annotatedLocation: 'room 10',
        annotatedAssetId: 'A-10',
        annotatedNotes: 'k',
        lastActivityTime: '2026-01-01T00:00:00Z',
        lastRegistrationTime: '2024-01-01T00:00:00Z',
        lastPolicyFetchTime: '2026-04-01T00:00:00Z',
        lastStatusReportTime: '2026-01-02T00:00:00Z',
        osPlatform: 'Mac',
        osVersion: '9.1',
        browserVersions: ['99.0.1.1', '130.0.1.1'],
        channels: ['stable', 'beta'],
      });
      add(C, {
        machineName: 'desk-1',
        extensionCount: 100,
        policyCount: 4,
        safeBrowsingClickThroughCount: 6,
        lastDeviceUser: 'bob',
        annotatedUser: 'z',
        annotatedLocation: 'Hall',
        annotatedAssetId: 'B-1',
        annotatedNotes: 'l',
        lastActivityTime: '2026-02-01T00:00:00Z',
        lastRegistrationTime: '2025-01-01T00:00:00Z',
        lastPolicyFetchTime: '2026-02-02T00:00:00Z',
        lastStatusReportTime: '2026-02-03T00:00:00Z',
        osPlatform: 'Mac',
        osVersion: '14.2.1',
        browserVersions: ['120.0.1.2'],
        channels: ['canary'],
      });
      add(D, {
        machineName: 'LAB-100',
        extensionCount: 0,
        policyCount: 200,
        safeBrowsingClickThroughCount: 1,
        lastDeviceUser: 'carl',
        annotatedUser: 'y',
        annotatedLocation: 'attic',
        annotatedAssetId: 'A-1',
        annotatedNotes: 'n',
        lastActivityTime: '2025-12-01T00:00:00Z',
        lastRegistrationTime: '2023-01-01T00:00:00Z',
        lastPolicyFetchTime: '2025-12-02T00:00:00Z',
        lastStatusReportTime: '2026-05-01T00:00:00Z',
        osPlatform: 'Windows',
        osVersion: '10.0.2',
        browserVersions: ['9.0.0.1'],
        channels: ['stable'],
      });
    });

    const ASCENDING: Record<(typeof BROWSER_ORDER_BY)[number], string[]> = {
      id: [A, B, C, D],
      org_unit: [A, B, C, D], // one org unit for all four (listing by org unit): a tie, broken by id
      machine_name: [C, A, D, B], // desk-1, lab-10, lab-100, lab-9 (text, any case)
      extension_count: [D, B, A, C], // 0, 9, 10, 100
      policy_count: [A, C, B, D], // 3, 4, 30, 200
      save_browsing_clickthrough: [D, A, C, B], // 1, 5, 6, 50
      last_signed_in_user: [B, C, D, A], // alice, bob, carl, dave
      annotated_user: [B, A, D, C], // w, x, y, z
      annotated_location: [D, C, B, A], // attic, hall, room 10, room 2
      annotated_asset_id: [D, B, A, C], // a-1, a-10, a-2, b-1
      notes: [B, C, A, D], // k, l, m, n
      last_activity: [D, B, C, A],
      enrollment_date: [D, B, A, C], // last registration
      last_sync: [C, A, B, D], // latest of registration, policy fetch, status report: 02-03, 03-03, 04-01, 05-01
      os_version: [A, D, C, B], // text: "10.0.19045" < "10.0.2" < "14.2.1" < "9.1"
      os_version_sortable: [B, C, D, A], // platform, then version as numbers: Mac 9.1, Mac 14.2.1, Windows 10.0.2, Windows 10.0.19045
      platform_major_version: [B, C, A, D], // Mac 9, Mac 14, Windows 10 (A and D tie: by id)
      browser_version_sortable: [D, B, A, C], // oldest installed version: 9, 99, 120 (A and C tie: by id)
      browser_version_channel: [D, A, C, B], // newest version, then channel: 9 stable, 120 stable, 120 canary, 130 beta
    };

    it('has a hand-written order for every documented value', () => {
      assert.deepStrictEqual([...BROWSER_ORDER_BY].sort(), Object.keys(ASCENDING).sort());
    });

    for (const orderBy of BROWSER_ORDER_BY) {
      for (const sortOrder of ['ASCENDING', 'DESCENDING'] as SortOrder[]) {
        it(`orders by ${orderBy} ${sortOrder}`, async () => {
          const { client } = makeClient(emu);
          const got = await collect(client.listBrowsers({ orderBy, sortOrder, orgUnitPath: OU, maxResults: 100 }), (p) => p.browsers);
          const expected = sortOrder === 'ASCENDING' ? ASCENDING[orderBy] : [...ASCENDING[orderBy]].reverse();
          assert.deepStrictEqual(
            got.map((b) => b.deviceId),
            expected,
          );
          assert.ok(apiRequests(emu)[0].path.includes(`orderBy=${orderBy}&sortOrder=${sortOrder}`));
        });
      }
    }
  });

  it('passes a query with spaces, colons and ranges through intact', async () => {
    const { client, sent } = makeClient(emu);
    const sample = [...emu.fleet.browsers.values()].find((b) => b.machineName && b.osPlatform)!;
    const query = `machine_name:${sample.machineName} os_platform:${sample.osPlatform} register:2000-01-01T00:00:00..`;
    const got = await collect(client.listBrowsers({ query }), (p) => p.browsers);
    assert.ok(got.some((b) => b.deviceId === sample.deviceId));
    for (const b of got) assert.strictEqual(b.osPlatform, sample.osPlatform);
    const logged = apiRequests(emu)[0].path;
    assert.strictEqual(new URLSearchParams(logged.slice(logged.indexOf('?') + 1)).get('query'), query);
    assert.ok(sent[0].url.includes(`query=${encodeURIComponent(query)}`), sent[0].url);
  });

  it("shows Google's message for a query it rejects, without retrying", async () => {
    const { client } = makeClient(emu);
    const err = (await rejects(collect(client.listBrowsers({ query: 'Machine_Name:x' }), (p) => p.browsers))) as ApiError;
    assert.ok(err instanceof ApiError);
    assert.strictEqual(err.kind, 'invalid');
    assert.strictEqual(err.status, 400);
    assert.ok(err.googleMessage && err.message.includes(err.googleMessage), err.message);
    assert.strictEqual(apiRequests(emu).length, 1);
  });

  it('filters by an org unit path with slashes and spaces', async () => {
    const { client } = makeClient(emu);
    const counts = new Map<string, number>();
    for (const b of emu.fleet.browsers.values()) counts.set(b.orgUnitPath!, (counts.get(b.orgUnitPath!) ?? 0) + 1);
    const path = [...counts.keys()].find((p) => p.includes(' ')) ?? [...counts.keys()].find((p) => p.split('/').length > 2)!;
    const got = await collect(client.listBrowsers({ orgUnitPath: path, maxResults: 100 }), (p) => p.browsers);
    assert.strictEqual(got.length, counts.get(path));
    for (const b of got) assert.strictEqual(b.orgUnitPath, path);
  });

  it('yields one empty page for a listing without results', async () => {
    const { client } = makeClient(emu);
    const pages = [];
    for await (const p of client.listBrowsers({ query: 'machine_name:no-such-machine-zzz' })) pages.push(p);
    assert.deepStrictEqual(
      pages.map((p) => p.browsers.length),
      [0],
    );
  });

  it('gets one browser (BASIC and FULL), encoding the device id', async () => {
    const { client } = makeClient(emu);
    const b = [...emu.fleet.browsers.values()][5];
    const basic = await client.getBrowser(b.deviceId, 'BASIC');
    assert.strictEqual(basic.machineName, b.machineName);
    const full = await client.getBrowser(b.deviceId, 'FULL');
    assert.ok(full.deviceIdentifiersHistory);
    // Characters a URL gives meaning to still reach the API as the id (a "/" is refused: see apiValidation).
    const odd = emu.fleet.addBrowser({ deviceId: 'a b?c#d%e+f', machineName: 'ODD-1' });
    assert.strictEqual((await client.getBrowser(odd.deviceId, 'BASIC')).machineName, 'ODD-1');
  });

  it('answers a vanished browser with a notFound error that says to refresh, without retrying', async () => {
    const { client } = makeClient(emu);
    const err = (await rejects(client.getBrowser('no-such-device', 'BASIC'))) as ApiError;
    assert.strictEqual(err.kind, 'notFound');
    assert.strictEqual(err.status, 404);
    assert.strictEqual(err.operation, 'browsers.get');
    assert.match(err.message, /no longer exists.*Refresh/);
    assert.strictEqual(apiRequests(emu).length, 1);
  });

  it('updates the annotations with a PUT that carries the deviceId', async () => {
    const { client, sent } = makeClient(emu);
    const b = [...emu.fleet.browsers.values()][3];
    const out: ChromeBrowser = await client.updateAnnotations(b.deviceId, {
      annotatedUser: 'jane@example.test',
      annotatedLocation: 'Paris, 3rd floor',
      annotatedAssetId: 'ASSET-42',
      annotatedNotes: 'loaner: back by Friday',
    });
    assert.strictEqual(out.annotatedUser, 'jane@example.test');
    const stored = emu.fleet.browsers.get(b.deviceId)!;
    assert.strictEqual(stored.annotatedLocation, 'Paris, 3rd floor');
    assert.strictEqual(stored.annotatedAssetId, 'ASSET-42');
    assert.strictEqual(stored.annotatedNotes, 'loaner: back by Friday');
    assert.strictEqual(sent[0].method, 'PUT');
    assert.deepStrictEqual(sent[0].body, {
      deviceId: b.deviceId,
      annotatedUser: 'jane@example.test',
      annotatedLocation: 'Paris, 3rd floor',
      annotatedAssetId: 'ASSET-42',
      annotatedNotes: 'loaner: back by Friday',
    });
  });

  it('sends only the annotation fields given', async () => {
    const { client, sent } = makeClient(emu);
    const b = [...emu.fleet.browsers.values()][4];
    await client.updateAnnotations(b.deviceId, { annotatedNotes: 'n' });
    assert.deepStrictEqual(sent[0].body, { deviceId: b.deviceId, annotatedNotes: 'n' });
  });

  it('deletes a browser', async () => {
    const { client } = makeClient(emu);
    const id = [...emu.fleet.browsers.keys()][9];
    await client.deleteBrowser(id);
    assert.ok(!emu.fleet.browsers.has(id));
    const err = (await rejects(client.deleteBrowser(id))) as ApiError;
    assert.strictEqual(err.kind, 'notFound');
  });

  it('lists all org units (type=all) of the customer', async () => {
    const { client } = makeClient(emu);
    const units = await client.listOrgUnits();
    const expected = emu.fleet.orgUnits.list().filter((u) => u.orgUnitPath !== '/');
    assert.deepStrictEqual(units.map((u) => u.orgUnitPath).sort(), expected.map((u) => u.orgUnitPath).sort());
    assert.ok(apiRequests(emu)[0].path.endsWith(`/admin/directory/v1/customer/${emu.customerId}/orgunits?type=all`));
  });

  it('uses my_customer by default', async () => {
    const { client } = makeClient(emu, { customerId: undefined });
    await client.getBrowser([...emu.fleet.browsers.keys()][0], 'BASIC');
    assert.ok(apiRequests(emu)[0].path.startsWith('/admin/directory/v1.1beta1/customer/my_customer/devices/chromebrowsers/'));
  });
});
