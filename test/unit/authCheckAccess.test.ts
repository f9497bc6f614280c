// Check Access against the emulator: a JWT per scope tests domain-wide delegation scope by scope, so a scope the
// delegation lacks is named (with the pre-filled delegation page), and a read-only sign-in does not test writes.
import * as assert from 'assert';
import { DEFAULT_DELEGATED_SCOPES, SCOPES } from '../emulator/auth';
import { useEmulator } from '../emulator/fixture';
import { checkAccess, summarize, type AccessCheckSettings } from '../../src/auth/accessCheck';
import { JwtTokenSource } from '../../src/auth/jwtTokenSource';
import type { ApiVersion } from '../../src/api/types';

describe('Check Access', function () {
  this.timeout(30_000);
  const emu = useEmulator({ browsers: 50, seed: 3 });
  afterEach(() => emu.setDelegatedScopes(DEFAULT_DELEGATED_SCOPES));

  const settings = (apiVersion: ApiVersion): AccessCheckSettings => ({
    apiVersion,
    apiBaseUrl: emu.url,
    chromeManagementBaseUrl: emu.url,
    adminConsoleUrl: 'https://admin.example.test',
    oauthTokenUrl: emu.tokenUrl,
    requestTimeoutMs: 5_000,
  });
  const perScope = (scopes: readonly string[]) =>
    new JwtTokenSource({
      key: emu.serviceAccountKey,
      subject: emu.adminEmail,
      scopes,
      tokenUrl: emu.tokenUrl,
      adminConsoleUrl: 'https://admin.example.test',
    });
  const account = (accessLevel: 'readWrite' | 'readOnly') => ({
    kind: 'serviceAccount' as const,
    accessLevel,
    clientId: emu.serviceAccountKey.client_id,
    subject: emu.adminEmail,
  });

  for (const api of ['v1.1beta1', 'chromemanagement-v1'] as const) {
    it(`${api}: everything works when delegation lists every scope`, async () => {
      const report = await checkAccess(account('readWrite'), settings(api), perScope, emu.customerId);
      assert.deepStrictEqual(
        report.results.map((r) => [r.capability.id, r.status]),
        [
          ['browsersRead', 'works'],
          ['browsersWrite', 'works'],
          ['tokens', 'works'],
          ['orgUnits', 'works'],
        ],
      );
      assert.strictEqual(report.delegationUrl, undefined);
    });

    it(`${api}: names the scope delegation lacks and links the pre-filled delegation page`, async () => {
      emu.setDelegatedScopes(DEFAULT_DELEGATED_SCOPES.filter((s) => s !== SCOPES.orgUnitsReadonly));
      const report = await checkAccess(account('readWrite'), settings(api), perScope, emu.customerId);
      const orgUnits = report.results.find((r) => r.capability.id === 'orgUnits')!;
      assert.strictEqual(orgUnits.status, 'missing');
      assert.match(orgUnits.message, /admin\.directory\.orgunit\.readonly/);
      // v1 names org units by id: its browser and token reads cannot be tested without the org units scope.
      const others = api === 'v1.1beta1' ? 'works' : 'notTested';
      assert.ok(report.results.filter((r) => r.capability.id !== 'orgUnits').every((r) => r.status === others));
      const url = new URL(report.delegationUrl!);
      assert.strictEqual(url.searchParams.get('clientIdToAdd'), emu.serviceAccountKey.client_id);
      assert.deepStrictEqual(url.searchParams.get('clientScopeToAdd')!.split(','), report.neededScopes);
      assert.ok(report.neededScopes.includes(SCOPES.orgUnitsReadonly));
      assert.match(
        summarize(report),
        api === 'v1.1beta1'
          ? /^3 of 4 work; missing: Org units: read \(https:\/\/www\.googleapis\.com\/auth\/admin\.directory\.orgunit\.readonly\)\.$/
          : /^0 of 1 work; missing: Org units: read \(.*\); not tested: Browsers: read, Browsers: write \(annotate, move, delete\), Enrollment tokens: read and manage\.$/,
      );
    });
  }

  it('a write scope missing from delegation is missing even though reads work', async () => {
    emu.setDelegatedScopes(DEFAULT_DELEGATED_SCOPES.filter((s) => s !== SCOPES.cmBrowsers));
    const report = await checkAccess(account('readWrite'), settings('chromemanagement-v1'), perScope, emu.customerId);
    const statuses = Object.fromEntries(report.results.map((r) => [r.capability.id, r.status]));
    // Read and write share the full scope when signed in read-write: both need it.
    assert.deepStrictEqual(statuses, { browsersRead: 'missing', browsersWrite: 'missing', tokens: 'works', orgUnits: 'works' });
  });

  it('a read-only sign-in tests the read-only scopes and does not test writes', async () => {
    emu.setDelegatedScopes([SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]);
    const report = await checkAccess(account('readOnly'), settings('v1.1beta1'), perScope, emu.customerId);
    const statuses = Object.fromEntries(report.results.map((r) => [r.capability.id, r.status]));
    assert.deepStrictEqual(statuses, { browsersRead: 'works', browsersWrite: 'notRequested', tokens: 'works', orgUnits: 'works' });
  });
});
