// The harness starts the CBCM emulator and hands its URL to the extension host (CBCM_EMULATOR_URL) and to the
// extension's settings. This checks that plumbing, without any UI.
import * as assert from 'assert';
import * as vscode from 'vscode';

function emulatorUrl(): string {
  const url = process.env.CBCM_EMULATOR_URL;
  assert.ok(url, 'CBCM_EMULATOR_URL is not set in the extension host (the harness should set it)');
  return url;
}

describe('Emulator wiring', () => {
  it('the emulator is reachable from the extension host', async () => {
    const response = await fetch(`${emulatorUrl()}/__emulator/info`);
    assert.strictEqual(response.status, 200, `GET /__emulator/info answered ${response.status}`);
    const info: unknown = await response.json();
    assert.ok(info !== null && typeof info === 'object', `expected a JSON object, got ${JSON.stringify(info)}`);
  });

  it('the user settings point the extension at the emulator', () => {
    const config = vscode.workspace.getConfiguration('cbcm');
    assert.strictEqual(config.get<string>('apiBaseUrl'), emulatorUrl());
    assert.strictEqual(config.get<string>('oauthTokenUrl'), `${emulatorUrl()}/token`);
  });
});
