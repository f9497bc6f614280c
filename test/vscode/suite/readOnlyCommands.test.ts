// A read-only sign-in never sends a write: write commands that still run (palette, keybindings, other extensions)
// refuse before any request, so the emulator sees no POST/PUT/PATCH/DELETE at all (not even one it would refuse).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
}

describe('Read-only account commands', function () {
  this.timeout(60_000);
  const settings = () => vscode.workspace.getConfiguration('cbcm');
  after(async () => {
    await settings().update('accessLevel', undefined, vscode.ConfigurationTarget.Global);
    await signInWithEmulatorKey(); // later suites expect a read/write account
  });

  it('refuses token creation and undo without sending a request', async () => {
    await settings().update('accessLevel', 'readOnly', vscode.ConfigurationTarget.Global);
    await signInWithEmulatorKey();
    const api = await testingApi();
    assert.strictEqual(api.services.backends.readOnly, true);
    const before = (await control<{ requests: LoggedRequest[] }>('requests')).requests.at(-1)?.seq ?? 0;
    const created = await vscode.commands.executeCommand('cbcm.token.create', undefined, undefined, { orgUnitPath: '/' });
    assert.strictEqual(created, undefined);
    assert.strictEqual(api.services.operations.writer(), undefined, 'the write path stays closed');
    const { requests } = await control<{ requests: LoggedRequest[] }>(`requests?since=${before}`);
    const writes = requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/token'));
    assert.deepStrictEqual(writes, [], 'no write request reached the API');
  });
});
