// The fleet overview counts org units for the explorer, in the real VS Code against the emulator: once an
// overview of the account or of an org unit has listed it completely, the org unit nodes show the count and its
// age, as after a listing in the tree. An org unit's overview counts its sub-units only where the API is known to
// list sub-units with their parent ('subtree'); under the 'exact' reading it counts the org unit alone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CbcmTestingApi } from '../../../src/testing';
import type { ExplorerNode } from '../../../src/tree/nodes/explorerNode';
import type { OverviewState } from '../../../src/webview/overview/protocol';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
}

const description = (n: ExplorerNode) => String(n.getTreeItem().description ?? '');

describe('Overview counts org units for the explorer', function () {
  this.timeout(90_000);
  let api: CbcmTestingApi;

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await control('orgunitscope', { scope: 'exact' });
    await freshBackend();
  });

  /**
   * A new backend (a setting change rebuilds it): no counts, no cached overview, no learnt org unit reading.
   * Waits for the tree it reloads, so the next step does not meet nodes being replaced. The tree may count again
   * what it lists itself (a folder an earlier suite left expanded); none of `checked` may be counted before the overview.
   */
  async function freshBackend(checked: readonly string[] = []): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const config = vscode.workspace.getConfiguration('cbcm');
    const timeout = config.get<number>('requestTimeoutSeconds');
    await config.update('requestTimeoutSeconds', (timeout ?? 30) + 1, vscode.ConfigurationTarget.Global);
    await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await new Promise((r) => setTimeout(r, 500));
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    if (account) await api.explorer.getChildren(account);
    await new Promise((r) => setTimeout(r, 500));
    const counted = api.explorer.counts.paths();
    assert.deepStrictEqual(
      checked.filter((p) => counted.includes(p)),
      [],
      'no count of these org units before the overview',
    );
  }

  async function overview(orgUnitPath?: string): Promise<void> {
    await vscode.commands.executeCommand('cbcm.overview.open', orgUnitPath ? { orgUnitPath } : undefined);
    const state = await vscode.commands.executeCommand<OverviewState | undefined>(
      'cbcm.overview.testing.state',
      orgUnitPath ? { orgUnitPath } : undefined,
    );
    assert.ok(state?.figures?.complete, `the overview did not complete (error: ${state?.error ?? 'none'})`);
  }

  /** A parent org unit with two browsers of its own and three in a sub-unit (made once). */
  let made: string | undefined;
  async function parentWithBrowsersBelow(): Promise<string> {
    if (made) return made;
    const path = '/Z Overview counts';
    await control('orgunits', { path: `${path}/Child` });
    const add = (orgUnitPath: string, i: number) => control('browsers', { orgUnitPath, machineName: `OVC-${i}`, osPlatform: 'Linux' });
    for (const i of [1, 2]) await add(path, i);
    for (const i of [3, 4, 5]) await add(`${path}/Child`, i);
    return (made = path);
  }

  it('an overview of the account counts every org unit, and their nodes show the count and its age', async () => {
    const units = (await control<{ orgUnits: { orgUnitPath: string }[] }>('orgunits')).orgUnits;
    await freshBackend(units.slice(0, 6).map((u) => u.orgUnitPath));
    await overview();
    const { browsers } = await control<{ browsers: EmuBrowser[] }>('browsers');
    const acc = api.explorer.accountNode!;
    for (const unit of units.slice(0, 6)) {
      const n = browsers.filter((b) => b.orgUnitPath === unit.orgUnitPath).length;
      assert.strictEqual(api.explorer.counts.get(unit.orgUnitPath)?.browsers, n, unit.orgUnitPath);
      const node = acc.findOrgUnit(unit.orgUnitPath);
      if (node) assert.match(description(node), new RegExp(`^${n} browsers? · just now$`), unit.orgUnitPath);
    }
  });

  it('an org unit’s overview under the exact reading counts that org unit only, never its sub-units', async () => {
    await control('orgunitscope', { scope: 'exact' });
    const path = await parentWithBrowsersBelow();
    await freshBackend([path, `${path}/Child`]);
    await overview(path);
    assert.strictEqual(api.explorer.counts.get(path)?.browsers, 2);
    assert.strictEqual(api.explorer.counts.get(`${path}/Child`), undefined, 'the sub-unit was not listed');
    const node = api.explorer.accountNode!.findOrgUnit(path)!;
    assert.strictEqual(description(node), '2 browsers · just now');
  });

  it('an org unit’s overview under the subtree reading counts the org unit and each sub-unit, each with its own browsers', async () => {
    await control('orgunitscope', { scope: 'subtree' });
    const path = await parentWithBrowsersBelow();
    await freshBackend([path, `${path}/Child`]);
    await overview(path);
    assert.strictEqual(api.explorer.counts.get(path)?.browsers, 2, 'the parent’s own browsers, not its subtree');
    assert.strictEqual(api.explorer.counts.get(`${path}/Child`)?.browsers, 3);
  });
});
