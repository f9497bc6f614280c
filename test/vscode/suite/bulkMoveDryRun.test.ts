// The dry run a bulk move shows before its modal question, in the real VS Code: the exact count and where the
// browsers are now, per org unit — all of them, the smallest summed past eight — and answering no moves nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModalQuestion } from '../../../src/commands/confirmText';
import type { BrowserNode } from '../../../src/tree/nodes/browserNode';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
}

describe('Bulk move dry run', function () {
  this.timeout(60_000);
  const root = `/DryRunSuite${Date.now() % 100000}`;
  const dest = `${root}-Dest`;
  const units = Array.from({ length: 10 }, (_, i) => `${root}-${String(i).padStart(2, '0')}`);
  const ids: string[] = [];

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: dest });
    for (const [i, ou] of units.entries()) {
      await control('orgunits', { path: ou });
      // The first org unit holds 3 browsers, the others 1: the largest comes first.
      for (let k = 0; k < (i === 0 ? 3 : 1); k++)
        ids.push((await control<EmuBrowser>('browsers', { machineName: `DRY-${i}-${k}`, orgUnitPath: ou })).deviceId);
    }
  });

  it('states the exact count and every org unit the browsers come from; "no" moves nothing', async () => {
    const api = await testingApi();
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const nodes: BrowserNode[] = [];
    for (const ou of units) {
      const folder = api.explorer.accountNode!.findOrgUnit(ou)!.browsers;
      nodes.push(...((await folder.getChildren()).filter((n) => n.getTreeItem().contextValue === 'browser') as BrowserNode[]));
    }
    assert.strictEqual(nodes.length, 12);
    const asked: ModalQuestion[] = [];
    api.modal.answerWith((q) => {
      asked.push(q);
      return undefined; // "Don't Move"
    });
    try {
      const result = await vscode.commands.executeCommand('cbcm.bulk.moveSelected', undefined, nodes, { destination: dest });
      assert.strictEqual(result, undefined, 'not confirmed: no run');
    } finally {
      api.modal.answerWith(undefined);
    }
    assert.strictEqual(asked.length, 1);
    const q = asked[0];
    assert.match(q.message, /^Move 12 browsers to .*-Dest\?$/);
    assert.ok(q.buttons.includes('Move 12'), q.buttons.join(', '));
    const detail = q.detail ?? '';
    assert.ok(detail.includes(`Now in:\n${units[0]}: 3\n`), detail);
    for (const ou of units.slice(1, 8)) assert.ok(detail.includes(`${ou}: 1`), `${ou} is named: ${detail}`);
    assert.ok(detail.includes('… and 2 more org units: 2'), detail);
    for (const id of ids) assert.notStrictEqual((await control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`)).orgUnitPath, dest);
  });
});
