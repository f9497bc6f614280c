// Single writes take the one write path too: an annotation edited from the tree and a details-panel save each
// leave exactly one operation in the change history (CBCM: Show Change History), checked against the emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CbcmTestingApi } from '../../../src/testing';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  annotatedUser?: string;
  annotatedNotes?: string;
  annotatedLocation?: string;
  annotatedAssetId?: string;
}

describe('Write path of single edits', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;
  const ou = `/WritePath${Date.now() % 100000}`;
  let id = '';

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    id = (await control<EmuBrowser>('browsers', { machineName: 'WRITEPATH-1', orgUnitPath: ou, annotatedNotes: 'before' })).deviceId;
  });

  const emuBrowser = () => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);
  const history = async () => (await api.services.operations.journal.read()).operations;
  const values = (b: EmuBrowser & Record<string, unknown>) => ({
    annotatedUser: String(b.annotatedUser ?? ''),
    annotatedLocation: String(b.annotatedLocation ?? ''),
    annotatedAssetId: String(b.annotatedAssetId ?? ''),
    annotatedNotes: String(b.annotatedNotes ?? ''),
  });

  async function browserNode() {
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const unit = api.explorer.accountNode!.findOrgUnit(ou);
    assert.ok(unit, `org unit ${ou} is in the tree`);
    const nodes = await api.explorer.getChildren(unit.browsers);
    const node = nodes.find((n) => (n as { deviceId?: string }).deviceId === id);
    assert.ok(node, 'the browser is in its folder');
    return node;
  }

  it('an annotation edited from the tree is one annotate operation of the history', async () => {
    const before = (await history()).length;
    const node = await browserNode();
    await vscode.commands.executeCommand('cbcm.browser.editAnnotation', node, [node], { field: 'annotatedNotes', value: 'from the tree' });
    assert.strictEqual((await emuBrowser()).annotatedNotes, 'from the tree');
    const added = (await history()).slice(before);
    assert.strictEqual(added.length, 1, JSON.stringify(added));
    const [op] = added;
    assert.strictEqual(op.record.action, 'annotate');
    assert.deepStrictEqual(
      op.items.map((i) => [i.target, i.ok]),
      [[id, true]],
    );
    assert.deepStrictEqual(op.items[0].change, {
      kind: 'annotations',
      before: { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: 'before' },
      after: { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: 'from the tree' },
    });
    assert.deepStrictEqual(op.end && [op.end.done, op.end.failed], [1, 0]);
  });

  it('a details-panel save is one annotate operation of the history', async () => {
    await vscode.commands.executeCommand('cbcm.browser.openDetails', id);
    const panel = await waitFor('the details panel', () => api.details?.get(id));
    const base = values((await emuBrowser()) as EmuBrowser & Record<string, unknown>);
    const before = (await history()).length;
    // What the form posts when the admin saves.
    await (panel as unknown as { handle(m: unknown): Promise<void> }).handle({
      type: 'save',
      requestId: 1,
      base,
      annotations: { ...base, annotatedLocation: 'Room 12' },
    });
    assert.strictEqual((await emuBrowser()).annotatedLocation, 'Room 12');
    const added = (await history()).slice(before);
    assert.strictEqual(added.length, 1, JSON.stringify(added));
    assert.strictEqual(added[0].record.action, 'annotate');
    assert.deepStrictEqual(
      added[0].items.map((i) => [i.target, i.ok]),
      [[id, true]],
    );
    assert.deepStrictEqual(added[0].end && [added[0].end.done, added[0].end.failed], [1, 0]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
