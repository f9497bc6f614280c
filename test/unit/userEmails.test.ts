// Token creators as e-mail addresses (issue 20 item 9): Directory API v1 users.get against the emulator, only
// where the account was signed in with a users scope; a failure shows the id; each id is asked once.
import * as assert from 'assert';
import { SCOPES } from '../emulator';
import { canReadUsers, USERS_READONLY_SCOPE, USERS_SCOPE, userPath } from '../../src/api/userEmails';
import { apiRequests, collect, makeClient, useApiEmulator } from './apiHarness';

const BASE = [SCOPES.browsers, SCOPES.orgUnitsReadonly];

describe('token creators as e-mail addresses (users.get)', () => {
  const emu = useApiEmulator({ browsers: 20, tokens: 5, seed: 3 });
  const usersRequests = () => apiRequests(emu).filter((r) => r.path.startsWith('/admin/directory/v1/users/'));

  beforeEach(() => emu.clearRequestLog());

  it('knows which scopes read users', () => {
    assert.strictEqual(canReadUsers([USERS_READONLY_SCOPE]), true);
    assert.strictEqual(canReadUsers([USERS_SCOPE]), true);
    assert.strictEqual(canReadUsers(BASE), false);
    assert.strictEqual(userPath('a/b'), '/admin/directory/v1/users/a%2Fb');
  });

  it('reads the creator’s primary e-mail with fields=primaryEmail, once per id', async () => {
    const scopes = [...BASE, SCOPES.usersReadonly];
    const { client } = makeClient(emu, { scopes, grantedScopes: scopes });
    const [token] = await collect(client.listTokens({ pageSize: 100 }), (p) => p.tokens);
    const admin = emu.fleet.users.find((u) => u.id === token.creatorId);
    assert.ok(admin, 'the creator is a user of the emulator');
    assert.strictEqual(await client.userEmail(token.creatorId!), admin.email);
    assert.strictEqual(await client.userEmail(token.creatorId!), admin.email);
    assert.deepStrictEqual(
      usersRequests().map((r) => [r.path, r.status]),
      [[`/admin/directory/v1/users/${token.creatorId}?fields=primaryEmail`, 200]],
    );
  });

  it('asks nothing when the account was not signed in with a users scope', async () => {
    const { client } = makeClient(emu, { scopes: BASE, grantedScopes: BASE });
    assert.strictEqual(await client.userEmail(emu.fleet.adminUser().id), undefined);
    assert.deepStrictEqual(usersRequests(), []);
  });

  it('falls back to the id, logged at debug only, when the token lacks the scope (403) or the user is gone (404)', async () => {
    // Signed in with the scope, but the grant no longer carries it (delegation changed): 403.
    const lines: string[] = [];
    const { client } = makeClient(emu, { scopes: BASE, grantedScopes: [...BASE, USERS_READONLY_SCOPE], log: (l) => lines.push(l) });
    assert.strictEqual(await client.userEmail(emu.fleet.adminUser().id), undefined);
    const withScope = makeClient(emu, { scopes: [...BASE, SCOPES.usersReadonly], grantedScopes: [...BASE, USERS_READONLY_SCOPE] }).client;
    assert.strictEqual(await withScope.userEmail('999999999999'), undefined);
    assert.deepStrictEqual(
      usersRequests().map((r) => r.status),
      [403, 404],
    );
    assert.ok(lines.some((l) => /Could not read user/.test(l)));
  });
});
