// The v1 client's BASIC listing asks for its columns with `fields` (partial response), and the emulator, like Google,
// leaves out whatever the mask does not name. So every column of a v1.1beta1 BASIC row must come back equal from
// the v1 backend on the same fleet: a field dropped from the mask fails here.
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api';
import { useEmulator } from '../emulator/fixture';
import { collect } from './apiHarness';
import { BACKENDS, disposeBackends } from './bothBackends';

/** Columns only one API has, or spells differently by design (see the README's v1 section). */
const NOT_COMPARED = new Set(['kind', 'etag', 'deviceIdentifiersHistory', 'safeBrowsingClickThroughCount']);

describe('v1 BASIC listing: the fields mask names every BASIC column', function () {
  this.timeout(30_000);
  after(disposeBackends);
  const emu = useEmulator({ browsers: 150, seed: 41 });

  it('each v1.1beta1 BASIC column comes back equal from the v1 backend', async () => {
    const [beta, v1] = BACKENDS.map((k) => k.make(emu));
    const byId = async (b: typeof beta): Promise<Map<string, ChromeBrowser>> =>
      new Map((await collect(b.backend.listBrowsers({ projection: 'BASIC', maxResults: 100 }), (p) => p.browsers)).map((x) => [x.deviceId, x]));
    const want = await byId(beta);
    const got = await byId(v1);
    assert.deepStrictEqual([...got.keys()].sort(), [...want.keys()].sort());
    const columns = new Set<string>();
    for (const [id, w] of want) {
      const g = got.get(id)!;
      for (const [k, v] of Object.entries(w)) {
        if (NOT_COMPARED.has(k) || v === undefined) continue;
        columns.add(k);
        assert.deepStrictEqual((g as unknown as Record<string, unknown>)[k], v, `${k} of ${id}`);
      }
    }
    // The fleet is varied enough that every BASIC column the v1 mask must carry was actually compared.
    for (const k of [
      'machineName',
      'annotatedUser',
      'annotatedLocation',
      'annotatedAssetId',
      'annotatedNotes',
      'orgUnitPath',
      'osPlatform',
      'osVersion',
      'lastPolicyFetchTime',
      'lastRegistrationTime',
      'lastStatusReportTime',
      'lastActivityTime',
      'extensionCount',
      'policyCount',
      'lastDeviceUser',
      'browserVersions',
      'serialNumber',
    ]) {
      assert.ok(columns.has(k), `no browser had ${k}: the comparison proves nothing for it`);
    }
    const url = new URL(v1.sent.find((r) => r.url.includes('/chromeBrowsers'))!.url);
    assert.ok(url.searchParams.get('fields')?.startsWith('nextPageToken,chromeBrowsers('), 'the listing used a fields mask');
  });
});
