// "Switch to Chrome Management API" checks before it switches: with a v1 scope missing from domain-wide delegation it
// refuses and names the scope (cbcm.apiVersion unchanged); with the scopes delegated it switches the setting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEFAULT_DELEGATED_SCOPES, SCOPES } from '../../emulator/auth';
import type { SwitchResult } from '../../../src/commands/apiSwitchCommand';
import { control, signInWithEmulatorKey } from './helpers';

describe('Switch to Chrome Management API', function () {
  this.timeout(60_000);
  const settings = () => vscode.workspace.getConfiguration('cbcm');
  const startedOnV1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';

  before(async function () {
    if (startedOnV1) this.skip(); // the run already uses v1: nothing to switch
    await signInWithEmulatorKey();
  });
  after(async () => {
    if (startedOnV1) return;
    await control('delegated-scopes', { scopes: DEFAULT_DELEGATED_SCOPES });
    await settings().update('apiVersion', undefined, vscode.ConfigurationTarget.Global);
  });

  it('refuses while a Chrome Management scope is not delegated, naming it', async () => {
    await control('delegated-scopes', { scopes: DEFAULT_DELEGATED_SCOPES.filter((s) => s !== SCOPES.cmTokens) });
    const result = await vscode.commands.executeCommand<SwitchResult>('cbcm.api.switchToChromeManagement');
    assert.strictEqual(result?.switched, false);
    assert.match(
      result.summary,
      /missing: Enrollment tokens: read and manage \(https:\/\/www\.googleapis\.com\/auth\/chrome\.management\.enrollmenttokens\)/,
    );
    assert.strictEqual(settings().get('apiVersion'), 'v1.1beta1');
  });

  it('switches once the API answers with every scope', async () => {
    await control('delegated-scopes', { scopes: DEFAULT_DELEGATED_SCOPES });
    const result = await vscode.commands.executeCommand<SwitchResult>('cbcm.api.switchToChromeManagement');
    assert.strictEqual(result?.switched, true, result?.summary);
    assert.strictEqual(settings().get('apiVersion'), 'chromemanagement-v1');
  });
});
