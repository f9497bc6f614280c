// Numeric settings out of range, written to the real user settings: a huge cbcm.requestTimeoutSeconds used to
// overflow Node's timer (it fires at once when above 2^31-1 ms), so every request "timed out" immediately.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { readConfiguration } from '../../../src/configuration';
import { signInWithEmulatorKey, testingApi } from './helpers';
import { waitFor } from './authHelpers';

describe('Setting bounds (real VS Code settings)', function () {
  this.timeout(60_000);
  const settings = () => vscode.workspace.getConfiguration('cbcm');

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
  });
  afterEach(async () => {
    await settings().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
  });

  it('clamps a time-out that would overflow the timer, and requests still get an answer', async () => {
    await settings().update('requestTimeoutSeconds', 1e12, vscode.ConfigurationTarget.Global);
    const config = readConfiguration();
    assert.strictEqual(config.requestTimeoutMs, 300_000);
    assert.ok(
      config.notes.some((n) => /cbcm\.requestTimeoutSeconds.*so 300 is used/.test(n)),
      config.notes.join(' | '),
    );
    const api = await testingApi();
    const backend = await waitFor('a backend built with the new setting', () => api.services.backends.current);
    const units = await backend.listOrgUnits();
    assert.ok(units.length > 0, 'the listing answered');
  });

  it('clamps the page size and ignores a value that is not a number', async () => {
    await settings().update('pageSize', 5000, vscode.ConfigurationTarget.Global);
    assert.strictEqual(readConfiguration().pageSize, 100);
    await settings().update('pageSize', 0, vscode.ConfigurationTarget.Global);
    assert.strictEqual(readConfiguration().pageSize, 1);
    await settings().update('requestTimeoutSeconds', 'soon', vscode.ConfigurationTarget.Global);
    assert.strictEqual(readConfiguration().requestTimeoutMs, 30_000);
  });
});
