// The canary: a full session of sign-ins (failures included) with a key carrying a unique marker, then every
// surface the extension can write to is searched for the marker and for each real secret value (key body,
// access tokens, refresh token, client secrets). Proves secrets stay in SecretStorage only.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AccountInfo } from '../../../src/auth/accountStore';
import type { AuthTestingHooks } from '../../../src/auth/testingHooks';
import { signInWithEmulatorKey, testingApi } from './helpers';
import { assertNowhere, authHooks, everySurface, info, logRoot, serviceAccountKey, signInOAuthThroughCommand, Surface, waitFor } from './authHelpers';

describe('Secrets canary (real VS Code, emulator)', function () {
  this.timeout(90_000);
  const marker = `CBCMCANARY${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  let hooks: AuthTestingHooks;
  const errorTexts: Surface[] = [];

  /** Runs a command expected to fail and keeps everything its error carries. */
  async function failing(command: string, args: unknown): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, args);
    } catch (e) {
      const err = e as Error;
      errorTexts.push({ name: `error of ${command}`, text: `${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}` });
      return;
    }
    assert.fail(`${command} was expected to fail`);
  }

  before(async () => {
    hooks = await authHooks();
    await hooks.autoSignInDone;
  });

  after(async () => {
    await signInWithEmulatorKey();
  });

  it('leaves no key, token, secret or marker in logs, settings, globalState or error messages', async () => {
    const emu = await info();
    const key = await serviceAccountKey();
    // The marker rides in the key (an extra field and the key id): any copy of the key would carry it.
    const markedKey = { ...key, private_key_id: `${marker}-kid`, canary_note: marker };
    const keyJson = JSON.stringify(markedKey);
    const privateKeyBody = String(key.private_key)
      .split('\n')
      .filter((l) => l && !l.startsWith('-----'))[3];
    const wrongSecret = `GOCSPX-${marker}-wrong`;

    // Failures first: broken key text, unknown admin, non-admin, wrong OAuth client secret.
    await failing('cbcm.auth.signInServiceAccount', { keyJson: keyJson.slice(0, keyJson.length - 40), adminEmail: emu.adminEmail });
    await failing('cbcm.auth.signInServiceAccount', {
      keyJson: JSON.stringify({ ...markedKey, type: 'authorized_user' }),
      adminEmail: emu.adminEmail,
    });
    await failing('cbcm.auth.signInServiceAccount', { keyJson, adminEmail: 'nobody@example.test' });
    await failing('cbcm.auth.signInServiceAccount', { keyJson, adminEmail: emu.nonAdminEmail });
    try {
      await signInOAuthThroughCommand(hooks, emu.oauthClient.clientId, wrongSecret, emu.adminEmail);
      assert.fail('a wrong client secret must fail');
    } catch (e) {
      errorTexts.push({
        name: 'error of OAuth with a wrong secret',
        text: `${(e as Error).message}\n${(e as Error).stack ?? ''}\n${JSON.stringify(e)}`,
      });
    }

    // Then a full session: both accounts, real listings, a switch, a forced token refresh, sign-outs.
    const sa = await vscode.commands.executeCommand<AccountInfo>('cbcm.auth.signInServiceAccount', { keyJson, adminEmail: emu.adminEmail });
    const saToken = await hooks.accounts.tokenSourceFor(sa).getAccessToken();
    const listOnce = async () => {
      const backend = await waitFor('backend', async () => (await testingApi()).services.backends.current);
      for await (const page of backend.listBrowsers({ maxResults: 3, projection: 'FULL' })) return page;
      return undefined;
    };
    assert.ok(await listOnce());
    const oauth = (await signInOAuthThroughCommand(hooks, emu.oauthClient.clientId, emu.oauthClient.clientSecret, emu.adminEmail)) as AccountInfo;
    const [oauthSecretKey, refreshKey] = hooks.secretKeysOf(oauth.id).filter((k) => !k.endsWith('serviceAccountKey'));
    assert.ok(oauthSecretKey && refreshKey);
    const refreshToken = (await hooks.readSecret(hooks.secretKeysOf(oauth.id).find((k) => k.endsWith('oauthRefreshToken')) ?? '')) ?? '';
    assert.ok(refreshToken.length > 10, 'the refresh token is in SecretStorage');
    const oauthSource = hooks.accounts.tokenSourceFor(oauth);
    const oauthToken1 = await oauthSource.getAccessToken();
    oauthSource.invalidate?.();
    const oauthToken2 = await oauthSource.getAccessToken();
    assert.ok(await listOnce());
    await vscode.commands.executeCommand('cbcm.auth.switchAccount', sa.id);
    assert.ok(await listOnce());
    await vscode.commands.executeCommand('cbcm.auth.signOut', oauth.id);
    await vscode.commands.executeCommand('cbcm.auth.signOut', sa.id);

    // The log output channel writes asynchronously: wait until our own last line is on disk, which also proves
    // the scan reads the channel's file.
    const surfaces = await waitFor(
      'the sign-out line in the log files',
      () => {
        const all = everySurface(hooks, errorTexts);
        return all.some((s) => s.name.startsWith(logRoot(hooks)) && s.text.includes(`Signed out of ${sa.label}`)) ? all : undefined;
      },
      15_000,
    );
    assert.ok(errorTexts.length === 5, `collected ${errorTexts.length} error messages`);
    assert.ok(surfaces.some((s) => s.name === 'globalState'));
    assert.ok(
      surfaces.some((s) => s.name.endsWith('settings.json') && s.text.includes('cbcm.oauthTokenUrl')),
      'the user settings file was scanned',
    );

    assertNowhere(surfaces, [
      { what: 'the canary marker', value: marker },
      { what: 'a line of the private key', value: privateKeyBody },
      { what: 'the service-account access token', value: saToken },
      { what: 'an OAuth access token', value: oauthToken1 },
      { what: 'the refreshed OAuth access token', value: oauthToken2 },
      { what: 'the refresh token', value: refreshToken },
      { what: 'the OAuth client secret', value: emu.oauthClient.clientSecret },
      { what: 'the wrong client secret', value: wrongSecret },
    ]);
  });
});
