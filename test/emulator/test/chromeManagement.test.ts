// The emulator's Chrome Management API v1 endpoints, over real HTTP, against the same fleet as v1.1beta1.
import * as assert from 'assert';
import { SCOPES } from '..';
import { useEmulator } from '../fixture';
import { call } from '../testing';

const CM_ALL = [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly];
const browsers = (c = 'my_customer'): string => `/v1/customers/${c}/chromeBrowsers`;
const tokens = (c = 'my_customer'): string => `/v1/customers/${c}/enrollmentTokens`;

describe('emulator: Chrome Management API v1', function () {
  this.timeout(20_000);
  const emu = useEmulator({ browsers: 250, tokens: 30, seed: 11 });
  let token: string;

  beforeEach(() => {
    token = emu.issueAccessToken(CM_ALL);
  });

  async function listAll(filter?: string, orderBy?: string): Promise<any[]> {
    const out: any[] = [];
    let pageToken: string | undefined;
    do {
      const r = await call(emu, token, 'GET', browsers(), { query: { filter, orderBy, pageSize: 100, pageToken } });
      assert.strictEqual(r.status, 200, JSON.stringify(r.json));
      out.push(...(r.json.chromeBrowsers ?? []));
      pageToken = r.json.nextPageToken;
    } while (pageToken);
    return out;
  }

  it('lists the same fleet in the v1 shape: chromeBrowsers, int64 strings, orgUnitId, no kind/etag', async () => {
    const r = await call(emu, token, 'GET', browsers(emu.customerId), { query: { pageSize: 5 } });
    assert.strictEqual(r.status, 200);
    assert.deepStrictEqual(Object.keys(r.json).sort(), ['chromeBrowsers', 'nextPageToken']);
    const b = r.json.chromeBrowsers[0];
    const stored = emu.fleet.browsers.get(b.browserPermanentId)!;
    assert.ok(stored, 'browserPermanentId is the fleet deviceId');
    assert.strictEqual(b.name, `customers/${emu.customerId}/chromeBrowsers/${stored.deviceId}`);
    assert.strictEqual(b.deviceId, undefined);
    assert.strictEqual(b.orgUnitPath, undefined);
    assert.strictEqual(b.orgUnitId, emu.fleet.orgUnits.resolve(stored.orgUnitPath!)!.orgUnitId.replace(/^id:/, ''));
    if (stored.extensionCount !== undefined) assert.strictEqual(b.extensionCount, String(stored.extensionCount));
    const all = await listAll();
    assert.strictEqual(all.length, emu.fleet.browsers.size);
    // Default order: last_status_report_time, newest first.
    const times = all.map((x) => Date.parse(x.lastStatusReportTime ?? '1970-01-01T00:00:00Z'));
    for (let i = 1; i < times.length; i++) assert.ok(times[i - 1] >= times[i], 'newest report first');
  });

  it('rejects pageSize over 100 and the old parameters', async () => {
    assert.strictEqual((await call(emu, token, 'GET', browsers(), { query: { pageSize: 101 } })).status, 400);
    assert.strictEqual((await call(emu, token, 'GET', browsers(), { query: { query: 'machine_name:x' } })).status, 400);
    assert.strictEqual((await call(emu, token, 'GET', browsers(), { query: { orgUnitPath: '/Sales' } })).status, 400);
  });

  it('filters by org_unit_path (that unit only), wildcard, integer and quoted timestamp ranges', async () => {
    const inSales = await listAll('org_unit_path=/Sales');
    const expected = [...emu.fleet.browsers.values()].filter((b) => b.orgUnitPath === '/Sales');
    assert.deepStrictEqual(inSales.map((b) => b.browserPermanentId).sort(), expected.map((b) => b.deviceId).sort());

    const name = [...emu.fleet.browsers.values()].find((b) => b.machineName && b.machineName.length > 4)!.machineName!;
    const prefix = name.slice(0, 3);
    const byPrefix = await listAll(`machine_name:${prefix}*`);
    const want = [...emu.fleet.browsers.values()].filter((b) => b.machineName?.toLowerCase().startsWith(prefix.toLowerCase()));
    assert.strictEqual(byPrefix.length, want.length);
    assert.ok(byPrefix.length > 0);

    const zero = await listAll('extension_count=0 AND org_unit_path=/Sales');
    assert.ok(zero.every((b) => (b.extensionCount ?? '0') === '0'));

    const from = '2026-01-01T00:00:00Z';
    const ranged = await listAll(`last_activity_time>="${from}" AND last_activity_time<="2026-12-31T23:59:59Z"`);
    const wantRanged = [...emu.fleet.browsers.values()].filter(
      (b) =>
        b.lastActivityTime &&
        Date.parse(b.lastActivityTime) >= Date.parse(from) &&
        Date.parse(b.lastActivityTime) <= Date.parse('2026-12-31T23:59:59Z'),
    );
    assert.strictEqual(ranged.length, wantRanged.length);
  });

  it('switches what a plain string value matches (POST /__emulator/colonmatch); wildcards and ids are unaffected', async () => {
    emu.fleet.addBrowser({ machineName: 'HQ-LT-0001', annotatedUser: 'Mary Alice' });
    emu.fleet.addBrowser({ machineName: 'LT', annotatedUser: 'alice' });
    emu.fleet.addBrowser({ machineName: 'LTX-9', annotatedUser: 'Alice Smith' });
    emu.fleet.addBrowser({ machineName: 'DESKTOP-ALT1', annotatedUser: 'Malice' });
    const ADDED = new Set(['HQ-LT-0001', 'LT', 'LTX-9', 'DESKTOP-ALT1']);
    const names = async (filter: string): Promise<string[]> =>
      (await listAll(filter))
        .map((b) => b.machineName)
        .filter((n) => ADDED.has(n))
        .sort();
    const expected: Record<string, string[]> = {
      word: ['HQ-LT-0001', 'LT'],
      exact: ['LT'],
      prefix: ['LT', 'LTX-9'],
      substring: ['DESKTOP-ALT1', 'HQ-LT-0001', 'LT', 'LTX-9'],
    };
    try {
      for (const [match, want] of Object.entries(expected)) {
        const r = await fetch(`${emu.url}/__emulator/colonmatch`, { method: 'POST', body: JSON.stringify({ match }) });
        assert.deepStrictEqual(await r.json(), { match });
        assert.deepStrictEqual(await names('machine_name:LT'), want, `machine_name:LT under ${match}`);
        assert.deepStrictEqual(await names('machine_name=LT'), want, `'=' follows the same reading (${match})`);
        assert.deepStrictEqual(await names('machine_name:"*LT*"'), expected.substring, `a wildcard does not depend on the reading (${match})`);
      }
      const id = [...emu.fleet.browsers.keys()][0];
      assert.strictEqual((await listAll(`browser_permanent_id:${id.slice(0, 8)}`)).length, 0, 'ids compare whole values');
      assert.strictEqual((await fetch(`${emu.url}/__emulator/colonmatch`, { method: 'POST', body: JSON.stringify({ match: 'fuzzy' }) })).status, 400);
    } finally {
      emu.setColonMatch('word');
    }
  });

  it('rejects what the filter language does not have', async () => {
    for (const filter of [
      'machine_name:a OR machine_name:b',
      'os_platform:Win*',
      'extension_count>=3',
      'bogus_field=1',
      'last_activity_time>=2026-01-01',
      'report:2026-01-01',
    ]) {
      const r = await call(emu, token, 'GET', browsers(), { query: { filter } });
      assert.strictEqual(r.status, 400, filter);
    }
  });

  it('orders by "field desc"', async () => {
    const asc = await listAll(undefined, 'machine_name');
    const desc = await listAll(undefined, 'machine_name desc');
    assert.deepStrictEqual(
      desc.map((b) => b.browserPermanentId),
      asc.map((b) => b.browserPermanentId).reverse(),
    );
    assert.strictEqual((await call(emu, token, 'GET', browsers(), { query: { orderBy: 'last_sync,machine_name' } })).status, 400);
  });

  it('patches annotations with updateMask and clears a masked field', async () => {
    const id = [...emu.fleet.browsers.keys()][0];
    const r = await call(emu, token, 'PATCH', `${browsers()}/${id}`, {
      query: { updateMask: 'annotatedUser,annotatedNotes' },
      body: { annotatedUser: 'jdoe', annotatedNotes: '', annotatedLocation: 'ignored: not in the mask' },
    });
    assert.strictEqual(r.status, 200, JSON.stringify(r.json));
    const stored = emu.fleet.browsers.get(id)!;
    assert.strictEqual(stored.annotatedUser, 'jdoe');
    assert.strictEqual(stored.annotatedNotes, undefined);
    assert.notStrictEqual(stored.annotatedLocation, 'ignored: not in the mask');
    const bad = await call(emu, token, 'PATCH', `${browsers()}/${id}`, { query: { updateMask: 'orgUnitId' }, body: {} });
    assert.strictEqual(bad.status, 400);
  });

  it('moves all or nothing by destinationOrgUnitId and deletes', async () => {
    const ids = [...emu.fleet.browsers.keys()].slice(0, 3);
    const dest = emu.fleet.orgUnits.resolve('/Sales/EMEA')!.orgUnitId.replace(/^id:/, '');
    const before = ids.map((id) => emu.fleet.browsers.get(id)!.orgUnitPath);
    const bad = await call(emu, token, 'POST', `${browsers()}:move`, { body: { destinationOrgUnitId: dest, resourceIds: [...ids, 'nope'] } });
    assert.strictEqual(bad.status, 400);
    assert.deepStrictEqual(
      ids.map((id) => emu.fleet.browsers.get(id)!.orgUnitPath),
      before,
      'nothing moved',
    );
    const ok = await call(emu, token, 'POST', `${browsers()}:move`, { body: { destinationOrgUnitId: dest, resourceIds: ids } });
    assert.strictEqual(ok.status, 200);
    assert.deepStrictEqual(ok.json, {});
    for (const id of ids) assert.strictEqual(emu.fleet.browsers.get(id)!.orgUnitPath, '/Sales/EMEA');
    const del = await call(emu, token, 'DELETE', `${browsers()}/${ids[0]}`);
    assert.strictEqual(del.status, 200);
    assert.strictEqual(emu.fleet.browsers.has(ids[0]), false);
    assert.strictEqual((await call(emu, token, 'GET', `${browsers()}/${ids[0]}`)).status, 404);
  });

  it('checks the chrome.management scopes: read-only cannot write, old scopes do not work', async () => {
    const id = [...emu.fleet.browsers.keys()][0];
    const ro = emu.issueAccessToken([SCOPES.cmBrowsersReadonly, SCOPES.cmTokensReadonly]);
    assert.strictEqual((await call(emu, ro, 'GET', `${browsers()}/${id}`)).status, 200);
    const w = await call(emu, ro, 'DELETE', `${browsers()}/${id}`);
    assert.strictEqual(w.status, 403);
    assert.match(w.json.error.message, /chrome\.management\.browsers\.readonly/);
    assert.strictEqual((await call(emu, ro, 'POST', tokens(), { body: {} })).status, 403);
    const old = emu.issueAccessToken([SCOPES.browsers, SCOPES.orgUnitsReadonly]);
    assert.strictEqual((await call(emu, old, 'GET', browsers())).status, 403);
    assert.strictEqual((await call(emu, token, 'GET', '/admin/directory/v1.1beta1/customer/my_customer/devices/chromebrowsers')).status, 403);
  });

  it('tokens: create (one active per org unit, no expiry), get, list with filter, revoke returns the token', async () => {
    const ou = emu.fleet.orgUnits.add('/Fresh');
    const bareId = ou.orgUnitId.replace(/^id:/, '');
    const ttl = await call(emu, token, 'POST', tokens(), { body: { orgUnitId: bareId, ttl: '3600s' } });
    assert.strictEqual(ttl.status, 400, 'no ttl in v1');
    const created = await call(emu, token, 'POST', tokens(), { body: { tokenType: 'ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER', orgUnitId: bareId } });
    assert.strictEqual(created.status, 200, JSON.stringify(created.json));
    assert.strictEqual(created.json.state, 'ENROLLMENT_TOKEN_STATE_ACTIVE');
    assert.strictEqual(created.json.orgUnitId, bareId);
    assert.strictEqual(created.json.expireTime, undefined);
    const second = await call(emu, token, 'POST', tokens(), { body: { orgUnitId: bareId } });
    assert.strictEqual(second.status, 400);
    assert.match(second.json.error.message, /already has an active enrollment token/);

    const id = created.json.tokenPermanentId;
    const got = await call(emu, token, 'GET', `${tokens()}/${id}`);
    assert.strictEqual(got.json.name, `customers/my_customer/enrollmentTokens/${id}`);
    const listed = await call(emu, token, 'GET', tokens(), { query: { filter: 'token_state=ACTIVE AND org_unit_path=/Fresh' } });
    assert.deepStrictEqual(
      listed.json.enrollmentTokens.map((t: any) => t.tokenPermanentId),
      [id],
    );

    const revoked = await call(emu, token, 'POST', `${tokens()}/${id}:revoke`);
    assert.strictEqual(revoked.status, 200);
    assert.strictEqual(revoked.json.state, 'ENROLLMENT_TOKEN_STATE_REVOKED');
    assert.ok(revoked.json.revokeTime);
    const again = await call(emu, token, 'POST', `${tokens()}/${id}:revoke`);
    assert.strictEqual(again.status, 400);
    const all = await call(emu, token, 'GET', tokens(), { query: { filter: 'token_state=REVOKED' } });
    const want = [...emu.fleet.tokens.values()].filter((t) => emu.fleet.tokenState(t) === 'revoked').length;
    assert.strictEqual(all.json.enrollmentTokens.length, want);
  });
});
