// Chrome Management API v1 orderBy: only documented names are sent (chrome-management-api-v1.md §2.1 and its
// December update), last_sync follows the current reference as last_policy_fetch_time, virtual_device_id is
// sortable and filterable, and one table of v1 field names feeds the filter translation, the sort and completions.
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { ChromeManagementClient, DirectoryBetaClient, type FetchLike } from '../../src/api';
import { CM_ORDER_BY } from '../../src/api/chromeManagementBrowsers';
import { BROWSER_SORT_KEYS, type BrowserSortKey } from '../../src/api/types';
import { complete, diagnose } from '../../src/query';
import { CHROME_MANAGEMENT_FIELDS, V1_BROWSER_FIELDS, V1_ORDER_BY_NAMES } from '../../src/query/chromeManagementFields';
import { CHROME_MANAGEMENT_FIELD_OF, convertToChromeManagementFilter } from '../../src/query/chromeManagementFilter';
import { EmuTokenSource, FAST_RETRY } from './apiHarness';

/** The visible start of the current REST page's orderBy list (the rest could not be read). */
const CURRENT = ['browser_permanent_id', 'virtual_device_id', 'last_policy_fetch_time', 'annotated_user'];
/** The older generated client's list, verbatim. */
const OLDER = [
  'browser_permanent_id',
  'last_sync',
  'annotated_user',
  'annotated_location',
  'annotated_asset_id',
  'annotated_notes',
  'org_unit_path',
  'os_version',
  'enrollment_date',
  'extension_count',
  'policy_count',
  'last_signed_in_user',
  'machine_name',
  'browser_version_channel',
  'os_platform_version',
  'last_activity_time',
  'browser_version',
];
/** Documented now: the current names, and the older ones the current list did not visibly rename (last_sync → last_policy_fetch_time). */
const DOCUMENTED = new Set([...CURRENT, ...OLDER.filter((n) => n !== 'last_sync')]);
/** The 22 filter fields of the current reference. */
const FILTER_FIELDS = [
  'browser_permanent_id',
  'virtual_device_id',
  'last_policy_fetch_time',
  'os_platform',
  'os_architecture',
  'os_version',
  'machine_name',
  'annotated_location',
  'annotated_user',
  'annotated_asset_id',
  'annotated_note',
  'org_unit_path',
  'org_unit_id',
  'last_registration_time',
  'os_platform_version',
  'browser_version',
  'last_status_report_time',
  'extension_count',
  'policy_count',
  'last_device_user',
  'last_activity_time',
  'device_id_collision',
];

describe('Chrome Management API v1 field table: orderBy names', () => {
  it('maps every sort key to a documented orderBy name or to nothing, never to last_sync', () => {
    for (const key of BROWSER_SORT_KEYS) {
      const name = CM_ORDER_BY[key];
      if (name !== undefined) assert.ok(DOCUMENTED.has(name), `${key} → ${name} is not a documented v1 orderBy value`);
    }
    assert.ok(![...V1_ORDER_BY_NAMES].includes('last_sync'));
    for (const n of V1_ORDER_BY_NAMES) assert.ok(DOCUMENTED.has(n), n);
    assert.strictEqual(CM_ORDER_BY.last_sync, 'last_policy_fetch_time');
    assert.strictEqual(CM_ORDER_BY.virtual_device_id, 'virtual_device_id');
    assert.strictEqual(CM_ORDER_BY.id, 'browser_permanent_id');
    assert.strictEqual(CM_ORDER_BY.save_browsing_clickthrough, undefined, 'the count was removed in v1');
  });

  it('marks as current exactly the names the current list shows', () => {
    for (const f of V1_BROWSER_FIELDS) {
      if (f.orderBy) assert.strictEqual(f.orderBy.current, CURRENT.includes(f.orderBy.name), f.orderBy.name);
    }
    assert.deepStrictEqual(
      [...CURRENT].filter((n) => !V1_ORDER_BY_NAMES.has(n)),
      [],
      'every current name is offered',
    );
  });

  it('gives the filter dialect exactly the documented filter fields, virtual_device_id included', () => {
    assert.deepStrictEqual(CHROME_MANAGEMENT_FIELDS.map((f) => f.name).sort(), [...FILTER_FIELDS].sort());
    const offered = complete('', 0, 'chromemanagement', { now: new Date('2026-12-01T00:00:00Z') }).map((c) => c.label);
    for (const f of FILTER_FIELDS) assert.ok(offered.includes(f), `completion for ${f}`);
    assert.deepStrictEqual(diagnose('virtual_device_id=vd-1 AND org_unit_path=/Sales', 'chromemanagement'), []);
  });

  it('translates v1.1beta1 query keys only to documented filter fields', () => {
    for (const to of Object.values(CHROME_MANAGEMENT_FIELD_OF)) assert.ok(FILTER_FIELDS.includes(to), to);
    assert.strictEqual(
      convertToChromeManagementFilter('sync:2026-01-01.. note:loaner').filter,
      'last_policy_fetch_time>="2026-01-01T00:00:00Z" AND annotated_note:loaner',
    );
  });
});

describe('Chrome Management API v1 orderBy on the wire', function () {
  this.timeout(30_000);
  const emu = useEmulator({ browsers: 30, tokens: 2, seed: 5 });
  const disposables: { dispose(): void }[] = [];
  after(() => disposables.forEach((d) => d.dispose()));

  function v1(): { client: ChromeManagementClient; sentOrderBy: (string | null)[] } {
    const sentOrderBy: (string | null)[] = [];
    const spy: FetchLike = (url, init) => {
      const u = new URL(url);
      if (u.pathname.endsWith('/chromeBrowsers')) sentOrderBy.push(u.searchParams.get('orderBy'));
      return (nodeFetch as unknown as FetchLike)(url, init);
    };
    const client = new ChromeManagementClient({
      baseUrl: emu.url,
      directoryBaseUrl: emu.url,
      customerId: emu.customerId,
      retry: FAST_RETRY,
      timeoutMs: 5_000,
      fetch: spy,
      tokenSource: new EmuTokenSource(emu, [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly]),
    });
    disposables.push(client);
    return { client, sentOrderBy };
  }

  it('sends, for every sortable key and both directions, exactly a documented name (" desc" for descending)', async () => {
    const { client, sentOrderBy } = v1();
    const sortable = BROWSER_SORT_KEYS.filter((k) => CM_ORDER_BY[k] !== undefined);
    for (const orderBy of sortable) {
      for (const sortOrder of ['ASCENDING', 'DESCENDING'] as const) {
        for await (const page of client.listBrowsers({ orderBy, sortOrder, maxResults: 5 })) {
          assert.ok(page.browsers.length > 0, `${orderBy} lists browsers`);
          break;
        }
      }
    }
    assert.strictEqual(sentOrderBy.length, sortable.length * 2);
    for (const sent of sentOrderBy) {
      const m = /^([a-z_]+)( desc)?$/.exec(sent ?? '');
      assert.ok(m && DOCUMENTED.has(m[1]), `sent orderBy "${sent}" is not documented`);
    }
    assert.ok(sentOrderBy.includes('last_policy_fetch_time desc'));
    assert.ok(sentOrderBy.includes('virtual_device_id'));
    assert.ok(!sentOrderBy.some((s) => s?.startsWith('last_sync')));
  });

  it('sorts by virtual device ID in v1, and the v1.1beta1 backend refuses it before any request', async () => {
    const { client } = v1();
    const ids: string[] = [];
    for await (const page of client.listBrowsers({ orderBy: 'virtual_device_id', maxResults: 100 }))
      ids.push(...page.browsers.map((b) => b.virtualDeviceId ?? ''));
    assert.deepStrictEqual(ids, [...ids].sort());
    const beta = new DirectoryBetaClient({
      baseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, [SCOPES.browsers, SCOPES.orgUnitsReadonly]),
    });
    disposables.push(beta);
    const key: BrowserSortKey = 'virtual_device_id';
    // Listing validates eagerly: the call itself throws, so no request is made.
    assert.throws(() => beta.listBrowsers({ orderBy: key }), /only available in the Chrome Management API v1/);
  });
});
