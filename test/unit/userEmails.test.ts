// Token creators as e-mail addresses (issue 20 item 9): Directory API v1 users.get against the emulator, only
// where the account was signed in with a users scope; a failure shows the id; each id is asked once.
import * as assert from 'assert';
import { SCOPES } from '../emulator';
import type { TokenListPage } from '../../src/api/types';
import { canReadUsers, USERS_READONLY_SCOPE, USERS_SCOPE, userPath, withCreatorEmails } from '../../src/api/userEmails';
import { tokenSummary } from '../../src/tree/tokenText';
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

describe('token pages with creators’ e-mail addresses', () => {
  async function* pages(): AsyncIterable<TokenListPage> {
    yield { tokens: [{ tokenPermanentId: 't1', creatorId: '1' }, { tokenPermanentId: 't2', creatorId: '2' }, { tokenPermanentId: 't3' }] };
    yield { tokens: [{ tokenPermanentId: 't4', creatorId: '1' }] };
  }

  it('adds the e-mail where the lookup finds one, keeps the id otherwise, one lookup per creator and page', async () => {
    const asked: string[] = [];
    const lookup = async (id: string) => {
      asked.push(id);
      return id === '1' ? 'admin@example.com' : undefined;
    };
    const out = await collect(withCreatorEmails(pages(), lookup), (p) => p.tokens);
    assert.deepStrictEqual(
      out.map((t) => [t.tokenPermanentId, t.creatorId, t.creatorEmail]),
      [
        ['t1', '1', 'admin@example.com'],
        ['t2', '2', undefined],
        ['t3', undefined, undefined],
        ['t4', '1', 'admin@example.com'],
      ],
    );
    assert.deepStrictEqual(asked, ['1', '2', '1']);
    assert.match(tokenSummary(out[0]), /by admin@example\.com$/);
    assert.match(tokenSummary(out[1]), /by user id 2$/);
  });

  it('passes the pages unchanged without a lookup (the account may not read users)', async () => {
    const out = await collect(withCreatorEmails(pages(), undefined), (p) => p.tokens);
    assert.ok(out.every((t) => t.creatorEmail === undefined));
  });
});
