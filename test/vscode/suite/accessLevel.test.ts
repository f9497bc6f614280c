// cbcm.accessLevel cannot widen a read-only sign-in: it is application-scoped (no workspace can set it), and a
// signed-in account's token source asks for the scopes of the access level it was signed in with, whatever the
// setting says later.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { readConfiguration } from '../../../src/configuration';
import { authHooks, waitFor } from './authHelpers';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

const READ_ONLY_SCOPE = /\.readonly$/;

describe('Access level (real VS Code settings)', function () {
  this.timeout(60_000);
  const settings = () => vscode.workspace.getConfiguration('cbcm');

  after(async () => {
    await settings().update('accessLevel', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await signInWithEmulatorKey(); // later suites expect a read/write account
  });

  it('is application-scoped: a workspace cannot set it', async () => {
    const manifest = vscode.extensions.getExtension('cbcm-explorer.cbcm-explorer')?.packageJSON as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    assert.strictEqual(manifest.contributes.configuration.properties['cbcm.accessLevel'].scope, 'application');
    await assert.rejects(Promise.resolve(settings().update('accessLevel', 'readWrite', vscode.ConfigurationTarget.Workspace)));
    assert.strictEqual(settings().inspect('accessLevel')?.workspaceValue, undefined);
  });

  it('keeps a read-only sign-in read-only after the setting says readWrite', async () => {
    const hooks = await authHooks();
    const api = await testingApi();
    await settings().update('accessLevel', 'readOnly', vscode.ConfigurationTarget.Global);
    await signInWithEmulatorKey();
    assert.strictEqual(hooks.accounts.activeAccount?.accessLevel, 'readOnly');

    await settings().update('accessLevel', 'readWrite', vscode.ConfigurationTarget.Global);
    assert.strictEqual(readConfiguration().accessLevel, 'readWrite');
    // Any change that rebuilds the token sources; the rebuilt one must still ask for the read-only scopes.
    await settings().update('requestTimeoutSeconds', 29, vscode.ConfigurationTarget.Global);
    const source = await waitFor('the rebuilt token source', () => hooks.accounts.activeTokenSource());
    source.invalidate?.();
    const token = await source.getAccessToken();
    const info = await control<{ scopes: string[] }>('token-info', { token });
    const browserScopes = info.scopes.filter((s) => !s.includes('orgunit'));
    assert.ok(browserScopes.length > 0 && browserScopes.every((s) => READ_ONLY_SCOPE.test(s)), `scopes asked for: ${info.scopes.join(' ')}`);

    // And the API agrees: a write is refused for lack of scope, and the UI knows the account is read-only.
    assert.strictEqual(api.services.backends.readOnly, true);
    const backend = await waitFor('a backend', () => api.services.backends.current);
    let deviceId: string | undefined;
    for await (const page of backend.listBrowsers({ maxResults: 1 })) {
      deviceId = page.browsers[0]?.deviceId;
      break;
    }
    assert.ok(deviceId);
    await assert.rejects(
      backend.updateAnnotations(deviceId, { annotatedNotes: 'widened?' }),
      (e: Error & { kind?: string; status?: number }) => e.status === 403,
    );
  });
});
