// Writes ask before they act, in the real VS Code against the emulator: every move (command or drop) asks the same
// question naming the org unit and the count; a delete names each browser and does not delete on Enter; editing an
// annotation with several browsers selected sets it on all of them through the bulk path, never on one silently.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ModalQuestion } from '../../../src/commands/confirmText';
import { keepButton } from '../../../src/commands/confirmText';
import type { CbcmTestingApi } from '../../../src/testing';
import type { BrowserNode } from '../../../src/tree/nodes/browserNode';
import type { ExplorerNode } from '../../../src/tree/nodes/explorerNode';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
  machineName?: string;
  serialNumber?: string;
  annotatedLocation?: string;
}

const isBrowser = (n: ExplorerNode): n is BrowserNode => 'browser' in n;

describe('Admin safety: confirmations of writes', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;
  const stamp = Date.now() % 100000;
  const ou = `/SafetySuite${stamp}`;
  const dest = `${ou}-Dest`;
  const asked: ModalQuestion[] = [];
  /** Answers every modal question with `answer` and records it. */
  const answer = (choice: string | undefined) =>
    api.modal.answerWith((q) => {
      asked.push(q);
      return choice;
    });

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    await control('orgunits', { path: dest });
    for (let i = 0; i < 4; i++) {
      await control<EmuBrowser>('browsers', { machineName: `SAFE-${stamp}-${i}`, serialNumber: `SAFESN${stamp}${i}`, orgUnitPath: ou });
    }
  });

  afterEach(() => {
    api.modal.answerWith(undefined);
    asked.length = 0;
  });

  const emuBrowser = (id: string) => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);
  async function nodes(): Promise<BrowserNode[]> {
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const node = api.explorer.accountNode!.findOrgUnit(ou);
    assert.ok(node, `org unit ${ou} is in the tree`);
    return (await api.explorer.getChildren(node.browsers)).filter(isBrowser);
  }

  it('the Move command asks first, naming the org unit and the count; answering no moves nothing', async () => {
    const selection = (await nodes()).slice(0, 2);
    answer(undefined);
    const result = await vscode.commands.executeCommand('cbcm.browser.moveToOu', selection[0], selection, { destination: dest });
    assert.strictEqual(result, undefined);
    assert.strictEqual(asked.length, 1, 'one question');
    assert.strictEqual(asked[0].message, `Move 2 browsers to ${dest}?`);
    assert.match(asked[0].detail, new RegExp(`${selection[0].browser.machineName} — ${selection[0].browser.serialNumber} — ${ou}`));
    for (const n of selection) assert.strictEqual((await emuBrowser(n.deviceId)).orgUnitPath, ou, 'not moved');
  });

  it('a drop asks the same question as the Move command, and moves after Move', async () => {
    const selection = (await nodes()).slice(0, 1);
    answer('Move');
    const result = await vscode.commands.executeCommand<{ moved: string[] }>('cbcm.browser.moveDropped', selection, dest);
    assert.deepStrictEqual(
      asked.map((q) => q.message),
      [`Move 1 browser to ${dest}?`],
    );
    assert.deepStrictEqual(result?.moved, [selection[0].deviceId]);
    assert.strictEqual((await emuBrowser(selection[0].deviceId)).orgUnitPath, dest);
  });

  it('a delete names machine name, serial number and org unit, defaults to not deleting, and deletes only on Delete', async () => {
    const [victim] = await nodes();
    answer(keepButton());
    await vscode.commands.executeCommand('cbcm.browser.delete', victim, [victim]);
    assert.strictEqual(asked.length, 1);
    const q = asked[0];
    assert.strictEqual(q.message, 'Delete browser?');
    assert.match(q.detail, new RegExp(`• ${victim.browser.machineName} — ${victim.browser.serialNumber} — ${ou}`));
    assert.notStrictEqual(q.buttons[0], 'Delete', 'the default (first) button must not delete');
    assert.strictEqual((await emuBrowser(victim.deviceId)).deviceId, victim.deviceId, 'still there after the default answer');

    answer('Delete');
    await vscode.commands.executeCommand('cbcm.browser.delete', victim, [victim]);
    const res = await fetch(`${process.env.CBCM_EMULATOR_URL}/__emulator/browsers/${encodeURIComponent(victim.deviceId)}`);
    assert.strictEqual(res.status, 404, 'deleted after Delete');
  });

  it('Edit Annotation with several browsers selected sets all of them (the bulk path), not only the last', async () => {
    const selection = (await nodes()).slice(0, 2);
    assert.strictEqual(selection.length, 2);
    const value = `Desk {${stamp}}`;
    await vscode.commands.executeCommand('cbcm.browser.editAnnotation', selection[1], selection, {
      field: 'annotatedLocation',
      value,
      confirmed: true,
    });
    for (const n of selection) assert.strictEqual((await emuBrowser(n.deviceId)).annotatedLocation, value, `${n.deviceId} annotated, braces kept`);
  });

  it("Edit Annotation from the tree applies the details panel's validation: a bidi control or an overlong value is not sent", async () => {
    const [one] = await nodes();
    const before = (await emuBrowser(one.deviceId)).annotatedLocation;
    for (const value of [`Desk \u202E${stamp}`, 'x'.repeat(5000), `Tab\there ${stamp}`]) {
      await vscode.commands.executeCommand('cbcm.browser.editAnnotation', one, [one], { field: 'annotatedLocation', value });
      assert.strictEqual((await emuBrowser(one.deviceId)).annotatedLocation, before, `${JSON.stringify(value.slice(0, 20))} was refused`);
    }
  });

  it('Edit Annotation on one browser still edits that one', async () => {
    const [one] = await nodes();
    const value = `Single ${stamp}`;
    await vscode.commands.executeCommand('cbcm.browser.editAnnotation', one, [one], { field: 'annotatedLocation', value });
    assert.strictEqual((await emuBrowser(one.deviceId)).annotatedLocation, value);
  });
});
