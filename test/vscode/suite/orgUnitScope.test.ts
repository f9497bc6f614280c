// Both readings of the API's org unit filter in the real VS Code: the reference does not say whether an org
// unit's listing includes its sub-units. Under 'subtree' the explorer's folder says so and counts only the org
// unit's own browsers; under 'exact' it stays "Browsers".
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CbcmTestingApi } from '../../../src/testing';
import type { BrowserNode } from '../../../src/tree/nodes/browserNode';
import type { BrowsersFolderNode } from '../../../src/tree/nodes/browsersFolderNode';
import type { ExplorerNode } from '../../../src/tree/nodes/explorerNode';
import { control, plainText, signInWithEmulatorKey, testingApi } from './helpers';

describe('Org unit listings under both readings of orgUnitPath', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
  });

  after(async () => {
    await control('orgunitscope', { scope: 'exact' });
    // The learnt reading belongs to the backend: a rebuilt backend (a setting change) starts unknowing again.
    const config = vscode.workspace.getConfiguration('cbcm');
    const timeout = config.get<number>('requestTimeoutSeconds');
    await config.update('requestTimeoutSeconds', (timeout ?? 30) + 1, vscode.ConfigurationTarget.Global);
    await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    // The rebuilt backend reloads the tree: let that finish here, not under the next suite's feet (a reveal there
    // would meet nodes that are being replaced).
    await new Promise((r) => setTimeout(r, 500));
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    if (account) await api.explorer.getChildren(account);
    await new Promise((r) => setTimeout(r, 500));
  });

  /** A parent org unit with two browsers of its own and three in a sub-unit (made once). */
  let made: { path: string; own: string[]; subtree: string[] } | undefined;
  async function parentWithBrowsersBelow(): Promise<{ path: string; own: string[]; subtree: string[] }> {
    if (made) return made;
    const path = '/Z Scope check';
    await control('orgunits', { path: `${path}/Child` });
    const add = async (orgUnitPath: string, i: number) =>
      (await control<{ deviceId: string }>('browsers', { orgUnitPath, machineName: `SCOPE-${i}`, osPlatform: 'Linux' })).deviceId;
    const own = [await add(path, 1), await add(path, 2)];
    const child = [await add(`${path}/Child`, 3), await add(`${path}/Child`, 4), await add(`${path}/Child`, 5)];
    return (made = { path, own, subtree: [...own, ...child] });
  }

  async function browsersFolder(path: string): Promise<BrowsersFolderNode> {
    api.explorer.refresh();
    await api.explorer.getChildren();
    const ou = api.explorer.accountNode?.findOrgUnit(path);
    assert.ok(ou, `no node for ${path}`);
    const folder = (await api.explorer.getChildren(ou)).find((n: ExplorerNode) => n.id.endsWith('/browsers')) as BrowsersFolderNode | undefined;
    assert.ok(folder, `no Browsers folder under ${path}`);
    return folder;
  }

  const ids = async (folder: BrowsersFolderNode) =>
    (await api.explorer.getChildren(folder))
      .filter((n) => n.getTreeItem().contextValue?.startsWith('browser'))
      .map((n) => (n as BrowserNode).deviceId)
      .sort();

  it('says "Browsers" and lists the org unit\'s own browsers when the API reads it exactly', async () => {
    await control('orgunitscope', { scope: 'exact' });
    const { path, own } = await parentWithBrowsersBelow();
    const folder = await browsersFolder(path);
    assert.deepStrictEqual(await ids(folder), [...own].sort());
    assert.strictEqual(plainText(folder.getTreeItem().label), 'Browsers');
  });

  it('says "Browsers (including sub-units)" once the API lists sub-units with their parent', async () => {
    await control('orgunitscope', { scope: 'subtree' });
    const { path, subtree } = await parentWithBrowsersBelow();
    const folder = await browsersFolder(path);
    assert.deepStrictEqual(await ids(folder), [...subtree].sort(), 'the folder holds what the API lists');
    const item = folder.getTreeItem();
    assert.strictEqual(plainText(item.label), 'Browsers (including sub-units)');
    assert.match(plainText(item.tooltip), /and its sub-units/);
  });
});
