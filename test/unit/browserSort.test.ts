// The sort picker's columns: human labels, what each sorts on, the useful ones first, and only what the API can do.
import * as assert from 'assert';
import { BROWSER_ORDER_BY, ChromeManagementClient, DirectoryBetaClient } from '../../src/api';
import { BROWSER_SORT_KEYS, v1beta1OrderByName } from '../../src/api/types';
import type { CbcmBackend } from '../../src/api/backend';
import { availableSortChoices, describeSort, directionsOf, SORT_CHOICES } from '../../src/tree/browserSort';
import { useEmulator } from '../emulator/fixture';
import { SCOPES } from '../emulator';
import { EmuTokenSource } from './apiHarness';

describe('browser sort choices', () => {
  it('give every documented orderBy value a human label and a line saying what it sorts on', () => {
    assert.deepStrictEqual(SORT_CHOICES.map((c) => c.orderBy).sort(), [...BROWSER_SORT_KEYS].sort());
    for (const c of SORT_CHOICES) {
      assert.doesNotMatch(c.label, /_/, `${c.orderBy} is shown as a raw API name`);
      assert.ok(c.detail.length > 10, `${c.orderBy} says what it sorts on`);
    }
    assert.strictEqual(new Set(SORT_CHOICES.map((c) => c.label)).size, SORT_CHOICES.length, 'labels are unique');
  });

  it('put the useful ones first, not the API order', () => {
    assert.deepStrictEqual(
      SORT_CHOICES.slice(0, 3).map((c) => c.label),
      ['Last activity', 'Machine name', 'Chrome version'],
    );
    assert.strictEqual(SORT_CHOICES[SORT_CHOICES.length - 1].orderBy, 'id', 'the device id (an order without meaning) comes last');
  });

  it('name directions in words that fit the column, the usual one first', () => {
    assert.deepStrictEqual(
      directionsOf('last_activity').map((d) => [d.sortOrder, d.label]),
      [
        ['DESCENDING', 'newest first'],
        ['ASCENDING', 'oldest first'],
      ],
    );
    assert.deepStrictEqual(
      directionsOf('machine_name').map((d) => d.label),
      ['A to Z', 'Z to A'],
    );
    assert.deepStrictEqual(
      directionsOf('browser_version_sortable').map((d) => d.label),
      ['oldest first', 'newest first'],
    );
    assert.strictEqual(describeSort({ orderBy: 'extension_count', sortOrder: 'DESCENDING' }), 'Extension count, most first');
  });

  describe('against each API', function () {
    this.timeout(30_000);
    const emu = useEmulator({ browsers: 60, tokens: 4, seed: 11 });
    const disposables: { dispose(): void }[] = [];
    afterEach(() => disposables.splice(0).forEach((d) => d.dispose()));

    const backends: Record<string, () => CbcmBackend & { dispose(): void }> = {
      'v1.1beta1': () =>
        new DirectoryBetaClient({
          baseUrl: emu.url,
          customerId: emu.customerId,
          tokenSource: new EmuTokenSource(emu, [SCOPES.browsers, SCOPES.orgUnitsReadonly]),
        }),
      'chromemanagement-v1': () =>
        new ChromeManagementClient({
          baseUrl: emu.url,
          directoryBaseUrl: emu.url,
          customerId: emu.customerId,
          tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly]),
        }),
    };
    for (const [version, make] of Object.entries(backends)) {
      it(`${version}: offers only columns the API sorts by, each naming the API's own field, and every one works`, async () => {
        const backend = make();
        disposables.push(backend);
        const choices = availableSortChoices((o) => (backend.orderByName ? backend.orderByName(o) : v1beta1OrderByName(o)));
        const offered = choices.map((c) => c.orderBy);
        if (version === 'chromemanagement-v1') {
          assert.ok(!offered.includes('save_browsing_clickthrough'), 'v1 has no Safe Browsing click-through count to sort by');
          assert.strictEqual(choices.find((c) => c.orderBy === 'last_activity')?.apiName, 'last_activity_time');
          assert.strictEqual(choices.find((c) => c.orderBy === 'last_sync')?.apiName, 'last_policy_fetch_time', 'the current reference name');
          assert.strictEqual(choices.find((c) => c.orderBy === 'virtual_device_id')?.apiName, 'virtual_device_id');
        } else {
          assert.strictEqual(offered.length, BROWSER_ORDER_BY.length);
          assert.ok(!offered.includes('virtual_device_id'), 'v1.1beta1 cannot sort by the virtual device ID');
          assert.strictEqual(choices.find((c) => c.orderBy === 'last_activity')?.apiName, 'last_activity');
        }
        assert.strictEqual(offered[0], 'last_activity');
        for (const c of choices) {
          for await (const page of backend.listBrowsers({ orderBy: c.orderBy, sortOrder: c.first, maxResults: 5 })) {
            assert.ok(page.browsers.length > 0, `${c.label} lists browsers`);
            break;
          }
        }
      });
    }
  });
});
