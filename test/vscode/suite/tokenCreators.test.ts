// Enrollment-token creators in the real VS Code against the emulator (issue 20 item 9): an e-mail only where the
// account was signed in with a Directory users scope. CBCM Explorer's sign-ins never ask for one (no sign-in is
// widened for it), so a token row's tooltip names the creator by user id and no users.get request is sent, even
// when the domain-wide delegation would allow users.
import * as assert from 'assert';
import type { CbcmTestingApi } from '../../../src/testing';
import type { ExplorerNode } from '../../../src/tree/nodes/explorerNode';
import type { TokenNode } from '../../../src/tree/nodes/tokenNode';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

const isToken = (n: ExplorerNode): n is TokenNode => 'token' in n;
const USERS_READONLY = 'https://www.googleapis.com/auth/admin.directory.user.readonly';

describe('Token creators', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;
  let delegated: string[] = [];

  before(async () => {
    api = await testingApi();
    delegated = (await control<{ scopes: string[] }>('delegated-scopes')).scopes;
    await control('delegated-scopes', { scopes: [...delegated, USERS_READONLY] });
    await signInWithEmulatorKey();
  });

  after(async () => {
    await control('delegated-scopes', { scopes: delegated });
  });

  it('names the creator by user id, and reads no user, when the sign-in has no users scope', async () => {
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const rows = (await api.explorer.getChildren(api.explorer.accountNode!.allTokens)).filter(isToken);
    const row = rows.find((r) => r.token.creatorId)!;
    assert.ok(row, 'a token with a creator');
    assert.strictEqual(row.token.creatorEmail, undefined);
    const tooltip = (row.getTreeItem().tooltip as { value: string }).value;
    assert.match(tooltip, new RegExp(`Creator \\(user id\\): ${row.token.creatorId}`));
    const { requests } = await control<{ requests: { path: string }[] }>('requests');
    assert.deepStrictEqual(
      requests.filter((r) => r.path.startsWith('/admin/directory/v1/users/')),
      [],
      'no users.get without a users scope in the sign-in',
    );
  });
});
