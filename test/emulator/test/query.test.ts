// The emulator's chromebrowsers query language and the enrollment-token dialect, over real HTTP.
import * as assert from 'node:assert/strict';
import { SCOPES } from '..';
import { useEmulator } from '../fixture';
import { browsersPath, call, listAllIds, tokensPath } from '../testing';

describe('emulator: query language', function () {
  const emu = useEmulator({ browsers: 0, tokens: 30, seed: 3, beforeEachTest: 'nothing' });
  let token: string;

  before(() => {
    token = emu.issueAccessToken([SCOPES.browsersReadonly]);
    emu.fleet.addBrowser({
      deviceId: 'dev-a',
      machineName: 'LIX-01',
      osPlatform: 'Windows',
      osVersion: '10.0.19045.1',
      osArchitecture: 'x86_64',
      browserVersions: ['73.0.3683.86'],
      annotatedUser: 'Jane Doe',
      annotatedLocation: 'Zürich lab',
      lastActivityTime: '2024-03-10T12:00:00.000Z',
      lastRegistrationTime: '2023-01-05T08:00:00.000Z',
      extensionCount: 5,
      policyCount: 10,
      lastDeviceUser: 'jdoe',
      orgUnitPath: '/Sales',
      enrollmentToken: 'tok-abc-123',
    });
    emu.fleet.addBrowser({
      deviceId: 'dev-b',
      machineName: 'machine_name',
      osPlatform: 'Mac',
      osVersion: '14.6.1',
      osArchitecture: 'arm64',
      browserVersions: ['73.0.0.0'],
      annotatedNotes: 'Loaner; return by Q3',
      lastActivityTime: '2024-03-11T00:00:00.000Z',
      lastRegistrationTime: '2024-03-01T00:00:00.000Z',
      extensionCount: 6,
      policyCount: 0,
      orgUnitPath: '/Engineering',
      deviceIdentifiersHistory: { records: [], has_device_id_collision: 'true' },
    });
    emu.fleet.addBrowser({
      deviceId: 'dev-c',
      machineName: 'MACHINE-LIXA',
      osPlatform: 'Linux',
      osVersion: '6.8.0-49-generic',
      osArchitecture: 'arm64',
      browserVersions: ['130.0.6723.58'],
      lastRegistrationTime: '2022-06-01T00:00:00.000Z',
      orgUnitPath: '/Sales/EMEA',
    });
  });

  const ids = async (query: string, extra: Record<string, string> = {}): Promise<string[]> =>
    (await listAllIds(emu, token, { query, ...extra })).sort();
  const rejects = async (query: string, pattern: RegExp): Promise<void> => {
    const r = await call(emu, token, 'GET', browsersPath(), { query: { query } });
    assert.equal(r.status, 400, `${query} should be refused`);
    assert.equal(r.json.error.code, 400);
    assert.match(r.json.error.message, pattern);
  };

  it('matches whole words only (no partial words), case-insensitively', async () => {
    assert.deepEqual(await ids('mach'), []);
    assert.deepEqual(await ids('machine'), ['dev-b', 'dev-c']);
    assert.deepEqual(await ids('MACHINE 73'), ['dev-b']);
    assert.deepEqual(await ids('machine_name:lix'), ['dev-a'], 'LIXA is another word');
    assert.deepEqual(await ids('location:ZÜRICH'), ['dev-a']);
    assert.deepEqual(await ids('note:loaner'), ['dev-b']);
  });

  it('needs every term (AND) and treats OR as a plain word', async () => {
    assert.deepEqual(await ids('machine_name:lix os_platform:windows'), ['dev-a']);
    assert.deepEqual(await ids('machine_name:lix os_platform:mac'), []);
    assert.deepEqual(await ids('machine_name:lix OR machine_name:machine'), []);
  });

  it('multi-word values must appear as adjacent words in order', async () => {
    assert.deepEqual(await ids('machine_name:LIX-01'), ['dev-a']);
    assert.deepEqual(await ids('machine_name:"lix 01"'), ['dev-a']);
    assert.deepEqual(await ids('machine_name:01-LIX'), []);
    assert.deepEqual(await ids('"jane doe"'), ['dev-a']);
    assert.deepEqual(await ids('user:"doe jane"'), []);
  });

  it('free terms search the visible text fields, org unit path included', async () => {
    assert.deepEqual(await ids('sales'), ['dev-a', 'dev-c']);
    assert.deepEqual(await ids('arm64'), ['dev-b', 'dev-c']);
    assert.deepEqual(await ids('jdoe'), ['dev-a']);
  });

  it('supports the documented fields', async () => {
    assert.deepEqual(await ids('os:"Windows 10"'), ['dev-a']);
    assert.deepEqual(await ids('os:"Mac 14"'), ['dev-b']);
    assert.deepEqual(await ids('browser_version:73'), ['dev-a', 'dev-b']);
    assert.deepEqual(await ids('browser_version:7'), []);
    assert.deepEqual(await ids('arch:arm64'), ['dev-b', 'dev-c']);
    assert.deepEqual(await ids('os_version:10.0.19045.1'), ['dev-a']);
    assert.deepEqual(await ids('machine_user:jdoe'), ['dev-a']);
    assert.deepEqual(await ids('enrollment_token:tok-abc-123'), ['dev-a']);
    assert.ok(!JSON.stringify(emu.requests).includes('tok-abc-123'), 'token values are masked in the request log');
    assert.deepEqual(await ids('num_extensions:5'), ['dev-a']);
    assert.deepEqual(await ids('num_policies:0'), ['dev-b']);
    assert.deepEqual(await ids('has_device_id_collision:true'), ['dev-b']);
    assert.deepEqual(await ids('has_device_id_collision:FALSE'), ['dev-a', 'dev-c']);
  });

  it('field names are case-sensitive; unknown fields are refused', async () => {
    await rejects('Machine_Name:lix', /case-sensitive.*machine_name/);
    await rejects('colour:red', /unknown query field "colour"/);
    await rejects('machine_name:', /needs a value/);
  });

  it('time fields take a day, a second, closed and open ranges (inclusive)', async () => {
    assert.deepEqual(await ids('last_activity:2024-03-10'), ['dev-a']);
    assert.deepEqual(await ids('last_activity:2024-03-10T12:00:00'), ['dev-a']);
    assert.deepEqual(await ids('last_activity:2024-03-10T12:00:01'), []);
    assert.deepEqual(await ids('last_activity:2024-03-10..2024-03-11'), ['dev-a', 'dev-b']);
    assert.deepEqual(await ids('last_activity:2024-03-11..'), ['dev-b']);
    assert.deepEqual(await ids('last_activity:..2024-03-10T12:00:00'), ['dev-a']);
    assert.deepEqual(await ids('last_activity:2024-03-10T12:00:01..'), ['dev-b']);
    assert.deepEqual(await ids('register:..2023-12-31'), ['dev-a', 'dev-c']);
    assert.deepEqual(await ids('machine_name:lix register:2011-04-26..'), ['dev-a']);
  });

  it('refuses malformed times and numeric ranges', async () => {
    await rejects('last_activity:2024-13-01', /not a valid time/);
    await rejects('last_activity:2024-02-30', /not a valid time/);
    await rejects('last_activity:..', /not a valid time/);
    await rejects('register:yesterday', /not a valid time/);
    await rejects('num_extensions:3..7', /range queries for numerical values are not supported/);
    await rejects('num_policies:>5', /range queries for numerical values are not supported/);
    await rejects('num_extensions:many', /whole number/);
    await rejects('has_device_id_collision:maybe', /true or false/);
    await rejects('machine_name:"lix', /unbalanced quote/);
  });

  it('orgUnitPath filters to exactly that org unit (not its children), by path or id', async () => {
    assert.deepEqual(await ids('', { orgUnitPath: '/Sales' }), ['dev-a']);
    const emea = emu.fleet.orgUnits.resolve('/Sales/EMEA')!;
    assert.deepEqual(await ids('', { orgUnitPath: emea.orgUnitId }), ['dev-c']);
    const r = await call(emu, token, 'GET', browsersPath(), { query: { orgUnitPath: '/Nope' } });
    assert.equal(r.status, 400);
  });

  describe('enrollment-token dialect', () => {
    const tokenIds = async (query: string): Promise<{ status: number; items: any[]; json: any }> => {
      const r = await call(emu, token, 'GET', tokensPath(), { query: { query, pageSize: 100 } });
      return { status: r.status, items: r.json.chrome_enrollment_tokens ?? [], json: r.json };
    };

    it('filters by token_state (case-insensitive value) and device_type', async () => {
      const all = await tokenIds('');
      assert.equal(all.items.length, 30);
      for (const state of ['active', 'expired', 'revoked']) {
        const r = await tokenIds(`device_type:CHROME_BROWSER token_state:${state.toUpperCase()}`);
        assert.ok(r.items.length > 0, `some ${state} tokens`);
        assert.ok(r.items.every((t) => t.state === state));
        assert.equal(r.items.length, all.items.filter((t) => t.state === state).length);
      }
      assert.equal((await tokenIds('token_state:revoked')).items.length, all.items.filter((t) => t.state === 'revoked').length);
    });

    it('refuses unknown fields, wrong-case fields and unknown values', async () => {
      assert.equal((await tokenIds('Token_state:ACTIVE')).status, 400);
      assert.equal((await tokenIds('state:ACTIVE')).status, 400);
      assert.equal((await tokenIds('token_state:PENDING')).status, 400);
      assert.equal((await tokenIds('device_type:CHROME_OS')).status, 400);
    });
  });
});
