// The device-details panel's lifecycle in the real VS Code: command arguments, one panel per device,
// the tab title from API data. The webview's content (rendering, saving, conflicts, reload) is covered by
// test/vscode/e2e/deviceDetails.e2e.ts, which can look inside the webview.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

const OPEN = 'cbcm.browser.openDetails';

function detailsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cbcm.deviceDetails'));
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Device details panel', function () {
  this.timeout(60_000);
  const stamp = Date.now().toString(36);
  const idA = `suite-details-a-${stamp}`;
  const idB = `suite-details-b-${stamp}`;

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    await control('browsers', { deviceId: idA, machineName: 'SUITE-PC-A', orgUnitPath: '/' });
    // A machine name that tries to disguise itself: the tab title must not carry the override character.
    await control('browsers', { deviceId: idB, machineName: 'report\u202Efdp.exe', orgUnitPath: '/' });
  });

  afterEach(async () => {
    await vscode.window.tabGroups.close(detailsTabs());
  });

  it('opens a panel for a device id and titles it with the machine name from the API', async () => {
    await vscode.commands.executeCommand(OPEN, idA);
    const tab = await waitFor('the titled details tab', () => detailsTabs().find((t) => t.label === 'Browser: SUITE-PC-A'));
    assert.ok(tab.isActive);
  });

  it('keeps one panel per device: opening it again (id or tree node) reveals the same panel', async () => {
    await vscode.commands.executeCommand(OPEN, idA);
    await waitFor('the first tab', () => detailsTabs().length === 1);
    await vscode.commands.executeCommand(OPEN, idB);
    await waitFor('the second tab', () => detailsTabs().length === 2);
    // A tree node carries `deviceId` and `browser`.
    await vscode.commands.executeCommand(OPEN, { deviceId: idA, browser: { deviceId: idA, machineName: 'SUITE-PC-A' } });
    await new Promise((r) => setTimeout(r, 500));
    const tabs = detailsTabs();
    assert.strictEqual(tabs.length, 2);
    const active = tabs.find((t) => t.isActive);
    assert.strictEqual(active?.label, 'Browser: SUITE-PC-A');
  });

  it('strips direction-override characters from the tab title', async () => {
    await vscode.commands.executeCommand(OPEN, idB);
    const tab = await waitFor('the titled tab', () => detailsTabs().find((t) => t.label.startsWith('Browser: report')));
    assert.strictEqual(tab.label, 'Browser: reportfdp.exe');
  });

  it('opens nothing for an argument that is not a device', async () => {
    await vscode.commands.executeCommand(OPEN, 'not/a device');
    await vscode.commands.executeCommand(OPEN, { name: 'no id' });
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(detailsTabs().length, 0);
  });
});
