// The fleet listing under both readings of `orgUnitPath` (the reference does not say whether sub-units are
// included): the emulator's switch serves each, and the listing must give exactly the fleet under both, without
// paying for the same browsers again and again when the server includes sub-units.
import * as assert from 'assert';
import type { Emulator } from '../emulator';
import { emulatorPerTest } from '../emulator/fixture';
import { listFleet, TokenBucketLimiter, type ChromeBrowser } from '../../src/api';
import { isBelowOrgUnit, knownOrgUnitScope, pageShowsSubtree } from '../../src/api/orgUnitScope';
import { apiRequests, disposeClients, makeClient } from './apiHarness';

async function fleetIds(batches: AsyncIterable<ChromeBrowser[]>): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of batches) ids.push(...batch.map((b) => b.deviceId));
  return ids;
}

function assertExactly(actual: string[], emu: Emulator, where?: (b: { orgUnitPath: string }) => boolean): void {
  const expected = [...emu.fleet.browsers.values()].filter((b) => !where || where(b as { orgUnitPath: string })).map((b) => b.deviceId);
  assert.strictEqual(new Set(actual).size, actual.length, 'a browser was yielded twice');
  assert.deepStrictEqual([...actual].sort(), expected.sort());
}

/** Browser listing requests (org units and OAuth left out). */
const listings = (emu: Emulator, since: number) =>
  apiRequests(emu)
    .slice(since)
    .filter((r) => /\/chromebrowsers|\/browsers/.test(r.path) && r.method === 'GET');

describe('listFleet under both readings of orgUnitPath', function () {
  this.timeout(60_000);
  afterEach(disposeClients);
  const startEmulator = emulatorPerTest();
  const fast = () => new TokenBucketLimiter({ requestsPerMinute: 600_000 });

  it('tells sub-units from their parents (case-insensitively) and spots a sub-unit browser on a page', () => {
    assert.ok(isBelowOrgUnit('/Engineering/Web', '/Engineering'));
    assert.ok(isBelowOrgUnit('/engineering/web', '/Engineering'));
    assert.ok(isBelowOrgUnit('/Sales', '/'));
    assert.ok(!isBelowOrgUnit('/Engineering', '/Engineering'));
    assert.ok(!isBelowOrgUnit('/EngineeringX', '/Engineering'));
    assert.ok(pageShowsSubtree('/', [{ deviceId: 'a', orgUnitPath: '/Sales' }]));
    assert.ok(!pageShowsSubtree('/Sales', [{ deviceId: 'a', orgUnitPath: '/Sales' }]));
  });

  for (const scope of ['exact', 'subtree'] as const) {
    it(`lists exactly the fleet, each browser once, when org unit filters are read "${scope}"`, async () => {
      const emu = await startEmulator({ browsers: 1500, seed: 3, orgUnitScope: scope });
      const { client } = makeClient(emu);
      const since = apiRequests(emu).length;
      assertExactly(await fleetIds(listFleet(client, { limiter: fast() })), emu);
      // By default the account is cut by registration time, never by org unit: the reading cannot matter.
      const sent = listings(emu, since);
      assert.ok(
        sent.every((r) => !new URL(r.path, 'http://x').searchParams.has('orgUnitPath')),
        'an org unit filter was sent',
      );
      assert.ok(sent.length <= 15 + 16, `${sent.length} listing requests (one sequential listing: 15)`);
    });

    it(`lists exactly the fleet by org unit parts when org unit filters are read "${scope}"`, async () => {
      const emu = await startEmulator({ browsers: 1500, seed: 3, orgUnitScope: scope });
      const { client } = makeClient(emu);
      const since = apiRequests(emu).length;
      assertExactly(await fleetIds(listFleet(client, { limiter: fast(), splitByRegistration: false })), emu);
      const pages = listings(emu, since).length;
      // One sequential listing needs 15 pages; the org unit plan pays extra last pages for its speed (42 here
      // under 'exact'). Under 'subtree' every org unit part would list its subtree again (82 requests without
      // the detection); once a page shows the reading they are dropped, so it costs no more than 'exact'.
      if (scope === 'subtree') {
        assert.strictEqual(knownOrgUnitScope(client), 'subtree');
        assert.ok(pages <= 45, `${pages} listing requests under 'subtree'`);
        // The next listing knows it from the start: the root part only.
        const again = apiRequests(emu).length;
        assertExactly(await fleetIds(listFleet(client, { limiter: fast(), concurrency: 1, splitByRegistration: false })), emu);
        const paths = listings(emu, again).map((r) => new URL(r.path, 'http://x').searchParams.get('orgUnitPath'));
        assert.deepStrictEqual([...new Set(paths)], ['/'], 'only the root was listed');
        assert.strictEqual(paths.length, 15);
      } else {
        assert.strictEqual(knownOrgUnitScope(client), undefined);
      }
    });

    it(`lists one org unit as the server reads it ("${scope}")`, async () => {
      const emu = await startEmulator({ browsers: 800, seed: 4, orgUnitScope: scope });
      const parent = emu.fleet.orgUnits
        .list()
        .map((o) => o.orgUnitPath)
        .find((p) => p !== '/' && emu.fleet.orgUnits.list().some((o) => isBelowOrgUnit(o.orgUnitPath, p)))!;
      const { client } = makeClient(emu);
      const ids = await fleetIds(listFleet(client, { limiter: fast(), orgUnitPath: parent }));
      assertExactly(ids, emu, (b) => b.orgUnitPath === parent || (scope === 'subtree' && isBelowOrgUnit(b.orgUnitPath, parent)));
    });
  }

  it('the sequential listing cost is the baseline: "exact" needs no more than one extra page per org unit', async () => {
    const emu = await startEmulator({ browsers: 1500, seed: 3, orgUnitScope: 'exact' });
    const { client } = makeClient(emu);
    const since = apiRequests(emu).length;
    await fleetIds(listFleet(client, { limiter: fast(), splitByRegistration: false }));
    const units = emu.fleet.orgUnits.list().length + 1;
    assert.ok(listings(emu, since).length <= 15 + units * 2, `${listings(emu, since).length} listing requests`);
  });
});
