// The Chrome Management API v1 backend against the emulator, with the v1.1beta1 backend on the same fleet as the
// oracle: the UI must not see a difference except where the new API has none to offer (token expiry).
import * as assert from 'assert';
import nodeFetch from 'node-fetch';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import {
  ApiError,
  ChromeManagementClient,
  DirectoryBetaClient,
  hasDeviceIdCollision,
  type ChromeBrowser,
  type FetchLike,
  type ListBrowsersOptions,
} from '../../src/api';
import { EmuTokenSource, FAST_RETRY, collect, rejects, type SentRequest } from './apiHarness';

const CM_SCOPES: string[] = [SCOPES.cmBrowsers, SCOPES.cmTokens, SCOPES.orgUnitsReadonly];
const BETA_SCOPES = [SCOPES.browsers, SCOPES.orgUnitsReadonly];

describe('api client: Chrome Management API v1 backend', function () {
  this.timeout(30_000);
  const disposables: { dispose(): void }[] = [];
  after(() => disposables.forEach((d) => d.dispose()));
  const emu = useEmulator({ browsers: 400, tokens: 40, seed: 7 });

  function v1(scopes = CM_SCOPES): { client: ChromeManagementClient; sent: SentRequest[]; logLines: string[] } {
    const sent: SentRequest[] = [];
    const logLines: string[] = [];
    const spy: FetchLike = (url, init) => {
      sent.push({ method: init.method, url, body: init.body === undefined ? undefined : JSON.parse(init.body), at: Date.now() });
      return (nodeFetch as unknown as FetchLike)(url, init);
    };
    const client = new ChromeManagementClient({
      baseUrl: emu.url,
      directoryBaseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, scopes),
      retry: FAST_RETRY,
      timeoutMs: 5_000,
      fetch: spy,
      log: (l) => logLines.push(l),
    });
    disposables.push(client);
    return { client, sent, logLines };
  }

  function beta(): DirectoryBetaClient {
    const client = new DirectoryBetaClient({
      baseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource: new EmuTokenSource(emu, BETA_SCOPES),
      retry: FAST_RETRY,
    });
    disposables.push(client);
    return client;
  }

  const ids = (bs: ChromeBrowser[]): string[] => bs.map((b) => b.deviceId);
  /** Listing validates eagerly (throws on the call), like the v1.1beta1 client. */
  const collectNow = async (start: () => AsyncIterable<{ browsers: ChromeBrowser[] }>) => collect(start(), (p) => p.browsers);
  const cmRequests = (sent: SentRequest[]): SentRequest[] => sent.filter((r) => new URL(r.url).pathname.startsWith('/v1/'));

  it('lists every browser once, mapped to the domain type (deviceId, orgUnitPath, numbers)', async () => {
    const { client, sent } = v1();
    const all = await collect(client.listBrowsers({ maxResults: 100 }), (p) => p.browsers);
    assert.strictEqual(all.length, emu.fleet.browsers.size);
    assert.strictEqual(new Set(ids(all)).size, all.length);
    for (const b of all) {
      const stored = emu.fleet.browsers.get(b.deviceId)!;
      assert.ok(stored, 'browserPermanentId → deviceId');
      assert.strictEqual(b.orgUnitPath, stored.orgUnitPath, 'orgUnitId → orgUnitPath');
      // proto3 JSON cannot tell "0" from "not reported": an absent counter reads as 0.
      assert.strictEqual(b.extensionCount, stored.extensionCount ?? 0, 'int64 string → number');
      assert.strictEqual(b.machineName, stored.machineName);
      assert.strictEqual(b.browsers, undefined, 'BASIC rows carry no details');
    }
    const first = new URL(cmRequests(sent)[0].url);
    assert.strictEqual(first.pathname, `/v1/customers/${emu.customerId}/chromeBrowsers`);
    assert.strictEqual(first.searchParams.get('pageSize'), '100');
    assert.ok(first.searchParams.get('fields')?.startsWith('nextPageToken,chromeBrowsers('));
  });

  const oracleCases: ListBrowsersOptions[] = [
    { orgUnitPath: '/Sales' },
    { query: 'os_platform:Windows' },
    { query: 'register:2025-06-01..', orgUnitPath: '/Engineering' },
    { query: 'last_activity:..2026-01-15' },
    { query: 'num_extensions:0 os_platform:Mac' },
    { query: 'has_device_id_collision:true' },
  ];
  for (const options of oracleCases) {
    it(`finds the same browsers as v1.1beta1 for ${JSON.stringify(options)}`, async () => {
      const want = ids(await collect(beta().listBrowsers(options), (p) => p.browsers)).sort();
      const got = ids(await collect(v1().client.listBrowsers(options), (p) => p.browsers)).sort();
      assert.deepStrictEqual(got, want);
    });
  }

  it('keeps a range bound inclusive of its whole last second (timestamps with fractions)', async () => {
    const edge = emu.fleet.addBrowser({ machineName: 'EDGE-1', lastRegistrationTime: '2020-06-30T23:59:59.500Z', orgUnitPath: '/HR' });
    const options: ListBrowsersOptions = { query: 'register:2020-06-30..2020-06-30', orgUnitPath: '/HR' };
    assert.deepStrictEqual(ids(await collect(beta().listBrowsers(options), (p) => p.browsers)), [edge.deviceId]);
    assert.deepStrictEqual(ids(await collect(v1().client.listBrowsers(options), (p) => p.browsers)), [edge.deviceId]);
  });

  it('sends the translated filter and "field desc" orderBy, in the same order as v1.1beta1', async () => {
    const { client, sent } = v1();
    const options: ListBrowsersOptions = {
      query: 'sync:2025-01-01..2026-12-31',
      orgUnitPath: '/Sales/EMEA',
      orderBy: 'machine_name',
      sortOrder: 'DESCENDING',
    };
    const got = ids(await collect(client.listBrowsers(options), (p) => p.browsers));
    const url = new URL(cmRequests(sent)[0].url);
    assert.strictEqual(
      url.searchParams.get('filter'),
      'org_unit_path=/Sales/EMEA AND last_policy_fetch_time>="2025-01-01T00:00:00Z" AND last_policy_fetch_time<="2026-12-31T23:59:59.999Z"',
    );
    assert.strictEqual(url.searchParams.get('orderBy'), 'machine_name desc');
    assert.deepStrictEqual(got, ids(await collect(beta().listBrowsers(options), (p) => p.browsers)));
  });

  it('refuses, before any request, a query or sort the v1 API cannot express', async () => {
    const { client, sent } = v1();
    const secret = 'c0ffee-enrollment-value';
    const e = (await rejects(collectNow(() => client.listBrowsers({ query: `enrollment_token:${secret}` })))) as ApiError;
    assert.ok(e instanceof ApiError);
    assert.strictEqual(e.kind, 'invalid');
    assert.match(e.message, /enrollment_token/);
    assert.ok(!e.message.includes(secret), 'the token value never appears in messages');
    const s = (await rejects(collectNow(() => client.listBrowsers({ orderBy: 'save_browsing_clickthrough' })))) as ApiError;
    assert.strictEqual(s.kind, 'invalid');
    assert.strictEqual(sent.length, 0);
  });

  it('gets FULL details mapped back to the v1.1beta1 names', async () => {
    const id = [...emu.fleet.browsers.values()].find((b) => (b.extensionCount ?? 0) > 2 && (b.browserVersions?.length ?? 0) > 0)!.deviceId;
    const got = await v1().client.getBrowser(id, 'FULL');
    const want = await beta().getBrowser(id, 'FULL');
    assert.strictEqual(got.deviceId, want.deviceId);
    assert.strictEqual(got.orgUnitPath, want.orgUnitPath);
    assert.strictEqual(got.policyCount, want.policyCount);
    assert.deepStrictEqual(
      got.browsers?.map((i) => [i.browserVersion, i.channel]),
      want.browsers?.map((i) => [i.browserVersion, i.channel]),
    );
    const profileNames = (b: ChromeBrowser) => b.browsers?.flatMap((i) => i.profiles?.map((p) => p.name) ?? []);
    assert.deepStrictEqual(profileNames(got), profileNames(want));
    const extNames = (b: ChromeBrowser) => b.browsers?.flatMap((i) => i.profiles?.flatMap((p) => p.extensions?.map((x) => x.name) ?? []) ?? []);
    assert.deepStrictEqual(extNames(got), extNames(want));
    assert.deepStrictEqual(
      got.machinePolicies?.map((p) => p.name),
      want.machinePolicies?.map((p) => p.name),
    );
    assert.strictEqual(hasDeviceIdCollision(got), hasDeviceIdCollision(want));
    assert.deepStrictEqual(got.lastDeviceUsers, want.lastDeviceUsers);
  });

  it('updates annotations with PATCH and an updateMask of exactly the given fields', async () => {
    const { client, sent } = v1();
    const id = [...emu.fleet.browsers.keys()][3];
    emu.fleet.patchBrowser(id, { annotatedLocation: 'Paris', annotatedNotes: 'keep me' });
    const b = await client.updateAnnotations(id, { annotatedUser: 'jdoe', annotatedLocation: '' });
    const req = cmRequests(sent).find((r) => r.method === 'PATCH')!;
    assert.strictEqual(new URL(req.url).searchParams.get('updateMask'), 'annotatedUser,annotatedLocation');
    assert.deepStrictEqual(req.body, { annotatedUser: 'jdoe', annotatedLocation: '' });
    assert.strictEqual(b.annotatedUser, 'jdoe');
    assert.strictEqual(b.annotatedLocation, undefined, 'cleared');
    assert.strictEqual(emu.fleet.browsers.get(id)!.annotatedNotes, 'keep me', 'untouched');
  });

  it('moves by org unit path through :move with the bare destination id, bisecting a rejected batch', async () => {
    const { client, sent } = v1();
    const all = [...emu.fleet.browsers.keys()].slice(0, 10);
    const bad = all[6];
    emu.setFaults({ badDeviceIds: [bad] });
    const result = await client.moveBrowsers(all, '/Sales/APAC/Tokyo');
    assert.deepStrictEqual(
      result.failed.map((f) => f.id),
      [bad],
    );
    assert.deepStrictEqual([...result.moved].sort(), all.filter((x) => x !== bad).sort());
    for (const id of result.moved) assert.strictEqual(emu.fleet.browsers.get(id)!.orgUnitPath, '/Sales/APAC/Tokyo');
    const moves = cmRequests(sent).filter((r) => r.url.endsWith('/chromeBrowsers:move'));
    assert.ok(moves.length > 1, 'bisected');
    const dest = emu.fleet.orgUnits.resolve('/Sales/APAC/Tokyo')!.orgUnitId.replace(/^id:/, '');
    assert.deepStrictEqual(moves[0].body, { destinationOrgUnitId: dest, resourceIds: all });

    const unknown = await client.moveBrowsers(all.slice(0, 1), '/No/Such/Unit');
    assert.deepStrictEqual(unknown.notTried, all.slice(0, 1));
    assert.strictEqual(unknown.stoppedBy?.kind, 'invalid');
    assert.match(unknown.stoppedBy.message, /\/No\/Such\/Unit was not found/);
  });

  it('deletes a browser', async () => {
    const { client } = v1();
    const id = [...emu.fleet.browsers.keys()][5];
    await client.deleteBrowser(id);
    assert.strictEqual(emu.fleet.browsers.has(id), false);
    const e = await rejects(client.getBrowser(id, 'BASIC'));
    assert.ok(e instanceof ApiError && e.kind === 'notFound');
  });

  it('lists tokens mapped (state, org unit path), with query and org unit translated into the filter', async () => {
    const { client, sent } = v1();
    const all = await collect(client.listTokens({ pageSize: 15 }), (p) => p.tokens);
    assert.strictEqual(all.length, emu.fleet.tokens.size);
    for (const t of all) {
      const stored = emu.fleet.tokens.get(t.tokenPermanentId)!;
      assert.strictEqual(t.state, emu.fleet.tokenState(stored));
      assert.strictEqual(t.orgUnitPath, stored.orgUnitPath);
      assert.strictEqual(t.tokenType, 'chromeBrowser');
    }
    const ou = [...emu.fleet.tokens.values()][0].orgUnitPath;
    sent.length = 0;
    const revoked = await collect(client.listTokens({ query: 'device_type:CHROME_BROWSER token_state:REVOKED', orgUnitPath: ou }), (p) => p.tokens);
    const want = [...emu.fleet.tokens.values()].filter((t) => t.orgUnitPath === ou && emu.fleet.tokenState(t) === 'revoked');
    assert.deepStrictEqual(revoked.map((t) => t.tokenPermanentId).sort(), want.map((t) => t.tokenPermanentId).sort());
    assert.match(
      new URL(cmRequests(sent)[0].url).searchParams.get('filter')!,
      /^org_unit_path=.+ AND device_type=CHROME_BROWSER AND token_state=REVOKED$/,
    );
  });

  it('creates a token without expiry, refuses a lifetime before any request, and revokes', async () => {
    const { client, sent } = v1();
    emu.fleet.orgUnits.add('/Kiosk Lab');
    for (const bad of [{ ttlSeconds: 3600 }, { expireTime: '2030-01-01T00:00:00Z' }]) {
      const e = (await rejects(client.createToken({ orgUnitPath: '/Kiosk Lab', ...bad }))) as ApiError;
      assert.strictEqual(e.kind, 'invalid');
      assert.match(e.message, /do not expire/);
    }
    assert.strictEqual(cmRequests(sent).length, 0);
    const t = await client.createToken({ orgUnitPath: '/Kiosk Lab' });
    assert.strictEqual(t.orgUnitPath, '/Kiosk Lab');
    assert.strictEqual(t.state, 'active');
    assert.strictEqual(t.expireTime, undefined);
    const post = cmRequests(sent).find((r) => r.method === 'POST')!;
    assert.deepStrictEqual(post.body, {
      tokenType: 'ENROLLMENT_TOKEN_TYPE_CHROME_BROWSER',
      orgUnitId: emu.fleet.orgUnits.resolve('/Kiosk Lab')!.orgUnitId.replace(/^id:/, ''),
    });

    const second = (await rejects(client.createToken({ orgUnitPath: '/Kiosk Lab' }))) as ApiError;
    assert.strictEqual(second.kind, 'invalid');
    assert.match(second.message, /already has an active enrollment token/);

    await client.revokeToken(t.tokenPermanentId);
    assert.strictEqual(emu.fleet.tokenState(emu.fleet.tokens.get(t.tokenPermanentId)!), 'revoked');
    const again = await client.createToken({ orgUnitPath: '/Kiosk Lab' });
    assert.notStrictEqual(again.tokenPermanentId, t.tokenPermanentId);
  });

  it('names the chrome.management scope when the token lacks it', async () => {
    const { client } = v1([SCOPES.cmBrowsersReadonly, SCOPES.orgUnitsReadonly]);
    const id = [...emu.fleet.browsers.keys()][0];
    const e = (await rejects(client.deleteBrowser(id))) as ApiError;
    assert.strictEqual(e.kind, 'permission');
    assert.match(e.message, /chrome\.management\.browsers \(full/);
    const t = (await rejects(collect(client.listTokens({}), (p) => p.tokens))) as ApiError;
    assert.match(t.message, /chrome\.management\.enrollmenttokens\.readonly/);
  });
});
