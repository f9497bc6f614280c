// Both sign-in flows in the real VS Code against the emulator: real JWT exchange, real consent + loopback +
// PKCE, secrets only in SecretStorage, a real listing, switching, sign-out deleting every secret.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AccountInfo } from '../../../src/auth/accountStore';
import type { AuthError } from '../../../src/auth/tokenErrors';
import type { AuthTestingHooks } from '../../../src/auth/testingHooks';
import { signInWithEmulatorKey, testingApi } from './helpers';
import { authHooks, EmulatorInfo, info, serviceAccountKey, signInOAuthThroughCommand, waitFor } from './authHelpers';

async function firstPageOfBrowsers(): Promise<number> {
  const backend = await waitFor('a backend for the active account', async () => (await testingApi()).services.backends.current);
  for await (const page of backend.listBrowsers({ maxResults: 5, projection: 'BASIC' })) return page.browsers.length;
  return 0;
}

async function signOutEverything(hooks: AuthTestingHooks): Promise<void> {
  for (const a of [...hooks.accounts.accounts]) await vscode.commands.executeCommand('cbcm.auth.signOut', a.id);
}

describe('Sign-in flows (real VS Code, emulator)', function () {
  this.timeout(60_000);
  let hooks: AuthTestingHooks;
  let emu: EmulatorInfo;
  let keyJson: string;
  let saAccount: AccountInfo;
  let oauthAccount: AccountInfo;

  before(async () => {
    hooks = await authHooks();
    await hooks.autoSignInDone;
    emu = await info();
    keyJson = JSON.stringify(await serviceAccountKey());
    await signOutEverything(hooks);
  });

  after(async () => {
    // Later suites expect the emulator's service account to be signed in.
    await signInWithEmulatorKey();
  });

  it('refuses a key file over 64 KiB from its size, with a clear message, and stores nothing', async () => {
    const big = path.join(os.tmpdir(), `cbcm-big-key-${process.pid}.json`);
    fs.writeFileSync(big, JSON.stringify({ ...JSON.parse(keyJson), padding: 'x'.repeat(200 * 1024) }));
    try {
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('cbcm.auth.signInServiceAccount', { keyFile: big, adminEmail: emu.adminEmail })),
        (e: AuthError) => e.code === 'invalidKey' && /This file is 2\d\d KB; a service-account key file is about 2 KB/.test(e.message),
      );
    } finally {
      fs.rmSync(big, { force: true });
    }
    assert.strictEqual(hooks.accounts.accounts.length, 0);
  });

  it('rejects a truncated key with a clear message and stores nothing', async () => {
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand('cbcm.auth.signInServiceAccount', { keyJson: keyJson.slice(0, 200), adminEmail: emu.adminEmail }),
      ),
      (e: AuthError) => e.code === 'invalidKey' && /not valid JSON/.test(e.message),
    );
    assert.strictEqual(hooks.accounts.accounts.length, 0);
  });

  it('refuses to impersonate an unknown admin (invalid_grant) and stores nothing', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('cbcm.auth.signInServiceAccount', { keyJson, adminEmail: 'nobody@example.test' })),
      (e: AuthError) => e.code === 'unknownAdmin' && e.message.includes('nobody@example.test'),
    );
    assert.strictEqual(hooks.accounts.accounts.length, 0);
  });

  it('refuses a user who is not an admin (403 on the proof call)', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('cbcm.auth.signInServiceAccount', { keyJson, adminEmail: emu.nonAdminEmail })),
      (e: AuthError) => e.code === 'notAdmin',
    );
    assert.strictEqual(hooks.accounts.accounts.length, 0);
  });

  it('signs in with a service-account key file; the key is in SecretStorage only and a real listing succeeds', async () => {
    const { serviceAccountKeyPath } = (await info()) as EmulatorInfo & { serviceAccountKeyPath: string };
    saAccount = await vscode.commands.executeCommand<AccountInfo>('cbcm.auth.signInServiceAccount', {
      keyFile: serviceAccountKeyPath,
      adminEmail: emu.adminEmail,
    });
    assert.strictEqual(saAccount.kind, 'serviceAccount');
    assert.strictEqual(saAccount.email, emu.adminEmail);
    assert.strictEqual(hooks.accounts.activeAccount?.id, saAccount.id);
    const [keySecret] = hooks.secretKeysOf(saAccount.id);
    const stored = JSON.parse((await hooks.readSecret(keySecret)) ?? '{}') as { private_key?: string; client_email?: string };
    assert.strictEqual(stored.private_key, (JSON.parse(keyJson) as { private_key: string }).private_key);
    // Only what sign-in needs is stored: not token_uri, auth_uri, the cert URLs or anything else in the file.
    assert.deepStrictEqual(Object.keys(stored).sort(), ['client_email', 'client_id', 'private_key', 'private_key_id', 'project_id', 'type']);
    assert.ok(!JSON.stringify(hooks.globalStateEntries()).includes('PRIVATE KEY'), 'no key in globalState');
    assert.ok((await firstPageOfBrowsers()) > 0, 'the listing returned browsers');
  });

  it('reloads credentials another window changed (SecretStorage.onDidChange)', async () => {
    const invalidated = () =>
      new Promise<void>((resolve) => {
        const sub = hooks.accounts.onDidInvalidateTokenSources(() => (sub.dispose(), resolve()));
      });
    const [keySecret] = hooks.secretKeysOf(saAccount.id);
    const saved = await hooks.readSecret(keySecret);
    assert.ok(saved);
    let changed = invalidated();
    await hooks.secretStorage.delete(keySecret); // as another window signing out would
    await changed;
    await assert.rejects(
      hooks.accounts.activeTokenSource()?.getAccessToken() ?? Promise.resolve(),
      (e: AuthError) => e.code === 'missingCredentials',
    );
    changed = invalidated();
    await hooks.secretStorage.store(keySecret, saved);
    await changed;
    assert.ok(((await hooks.accounts.activeTokenSource()?.getAccessToken()) ?? '').length > 10);
  });

  it('restricts endpoint settings in untrusted workspaces and keeps them out of workspace settings', () => {
    const manifest = vscode.extensions.getExtension('cbcm-explorer.cbcm-explorer')?.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    // cbcm.apiVersion decides which API (and scopes) the credentials are used for, so it is restricted too.
    const endpoints = ['cbcm.apiBaseUrl', 'cbcm.apiVersion', 'cbcm.oauthTokenUrl', 'cbcm.oauthAuthUrl', 'cbcm.adminConsoleUrl'];
    assert.deepStrictEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [...endpoints].sort());
    for (const id of endpoints) assert.strictEqual(manifest.contributes.configuration.properties[id].scope, 'application', id);
  });

  it('shows the account in the Accounts menu through the authentication provider', async () => {
    const sessions = await hooks.authenticationSessions();
    assert.strictEqual(sessions.length, 1);
    assert.strictEqual(sessions[0].id, saAccount.id);
    assert.strictEqual(sessions[0].account.label, emu.adminEmail);
    assert.ok(sessions[0].accessToken.length > 10, 'a session carries a real access token');
    // Registered under the id package.json declares, so VS Code can list it (and activate us on request).
    const manifest = vscode.extensions.getExtension('cbcm-explorer.cbcm-explorer')?.packageJSON as {
      contributes: { authentication: { id: string }[] };
    };
    assert.deepStrictEqual(
      manifest.contributes.authentication.map((a) => a.id),
      ['cbcm'],
    );
  });

  it('signs in with Google (OAuth, PKCE, loopback); client secret and refresh token are in SecretStorage', async () => {
    let authorizeUrl = '';
    const sub = hooks.accounts.onDidStartOAuthFlow((e) => (authorizeUrl = e.authorizeUrl));
    try {
      oauthAccount = (await signInOAuthThroughCommand(hooks, emu.oauthClient.clientId, emu.oauthClient.clientSecret, emu.adminEmail)) as AccountInfo;
    } finally {
      sub.dispose();
    }
    // The extension runs on the server side of this web workbench: the browser reaches the loopback listener through
    // the address asExternalUri gives (code-server's /proxy/<port>/), and that is the redirect URI sent to Google.
    const redirect = new URL(authorizeUrl).searchParams.get('redirect_uri') ?? '';
    const port = /\/proxy\/(\d+)\/$/.exec(redirect)?.[1];
    assert.ok(port, `redirect_uri ${redirect} is not the forwarded address`);
    assert.strictEqual(redirect, (await vscode.env.asExternalUri(vscode.Uri.parse(`http://127.0.0.1:${port}/`))).toString(true));
    assert.strictEqual(oauthAccount.kind, 'oauth');
    assert.strictEqual(oauthAccount.clientId, emu.oauthClient.clientId);
    assert.strictEqual(hooks.accounts.activeAccount?.id, oauthAccount.id);
    const keys = hooks.secretKeysOf(oauthAccount.id);
    const values = await Promise.all(keys.map((k) => hooks.readSecret(k)));
    assert.ok(values.includes(emu.oauthClient.clientSecret), 'client secret stored');
    assert.ok(
      values.some((v) => v?.startsWith('1//')),
      'refresh token stored',
    );
    assert.ok(!JSON.stringify(hooks.globalStateEntries()).includes(emu.oauthClient.clientSecret), 'no client secret in globalState');
    assert.ok((await firstPageOfBrowsers()) > 0, 'the listing returned browsers with the OAuth account');
  });

  it('keeps both accounts side by side and switches the active one', async () => {
    assert.deepStrictEqual(hooks.accounts.accounts.map((a) => a.id).sort(), [oauthAccount.id, saAccount.id].sort());
    const changed = new Promise<AccountInfo | undefined>((resolve) => {
      const sub = hooks.accounts.onDidChangeActiveAccount((a) => (sub.dispose(), resolve(a)));
    });
    await vscode.commands.executeCommand('cbcm.auth.switchAccount', saAccount.id);
    assert.strictEqual((await changed)?.id, saAccount.id);
    assert.ok(hooks.statusBarItem.text.includes(emu.adminEmail), hooks.statusBarItem.text);
    assert.strictEqual(
      typeof hooks.statusBarItem.command === 'string' ? hooks.statusBarItem.command : hooks.statusBarItem.command?.command,
      'cbcm.auth.switchAccount',
    );
    assert.ok((await firstPageOfBrowsers()) > 0);
  });

  it('signs out: every secret of that account is deleted, the other account stays', async () => {
    await vscode.commands.executeCommand('cbcm.auth.signOut', oauthAccount.id);
    for (const key of hooks.secretKeysOf(oauthAccount.id)) assert.strictEqual(await hooks.readSecret(key), undefined, key);
    assert.deepStrictEqual(
      hooks.accounts.accounts.map((a) => a.id),
      [saAccount.id],
    );

    await vscode.commands.executeCommand('cbcm.auth.signOut', { accountId: saAccount.id });
    for (const key of hooks.secretKeysOf(saAccount.id)) assert.strictEqual(await hooks.readSecret(key), undefined, key);
    assert.strictEqual(hooks.accounts.activeAccount, undefined);
    assert.match(hooks.statusBarItem.text, /CBCM: Sign in/);
    assert.strictEqual((await testingApi()).services.backends.current, undefined, 'no backend while signed out');
  });
});
