// Fleet operations in the real VS Code (Development mode, so automation answers the questions): bulk annotate,
// move and delete on what a folder lists, CSV import, the change history and undo, checked in the emulator.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { BulkSummary } from '../../../src/operations/bulkRun';
import type { CbcmTestingApi } from '../../../src/testing';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
  serialNumber?: string;
  annotatedNotes?: string;
  annotatedAssetId?: string;
}

describe('Fleet operations', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;
  const ou = `/BulkSuite${Date.now() % 100000}`;
  const dest = `${ou}-Dest`;
  let ids: string[] = [];

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    await control('orgunits', { path: dest });
    ids = [];
    for (let i = 0; i < 6; i++) {
      const b = await control<EmuBrowser>('browsers', {
        machineName: `BULK-${i}`,
        serialNumber: `BULKSN${i}`,
        orgUnitPath: ou,
        annotatedNotes: `note ${i}`,
      });
      ids.push(b.deviceId);
    }
  });

  const emuBrowser = (id: string) => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);
  async function folder() {
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const node = api.explorer.accountNode!.findOrgUnit(ou);
    assert.ok(node, `org unit ${ou} is in the tree`);
    return node.browsers;
  }
  const history = async () => (await api.services.operations.journal.read()).operations;

  it('sets annotations from a template on everything a folder lists, then undo restores them', async () => {
    const summary = await vscode.commands.executeCommand<BulkSummary>('cbcm.bulk.annotateMatching', await folder(), undefined, {
      confirmed: true,
      changes: { annotatedAssetId: '{serialNumber}', annotatedNotes: '{notes} / checked' },
    });
    assert.strictEqual(summary.done.length, 6);
    for (const [i, id] of ids.entries()) {
      const b = await emuBrowser(id);
      assert.deepStrictEqual([b.annotatedAssetId, b.annotatedNotes], [`BULKSN${i}`, `note ${i} / checked`]);
    }
    const op = (await history()).pop()!;
    assert.strictEqual(op.record.action, 'annotate');
    assert.strictEqual(op.items.filter((i) => i.ok).length, 6);

    const undone = await vscode.commands.executeCommand<BulkSummary>('cbcm.history.undo', op.record.op, { confirmed: true });
    assert.strictEqual(undone.done.length, 6);
    for (const [i, id] of ids.entries()) assert.strictEqual((await emuBrowser(id)).annotatedNotes, `note ${i}`);
  });

  it('imports annotations from a CSV file (";" separated, BOM, CRLF) and records it', async () => {
    const file = path.join(os.tmpdir(), `cbcm-import-${Date.now()}.csv`);
    fs.writeFileSync(file, '\uFEFFSerial number;Asset ID\r\n' + ids.map((_, i) => `BULKSN${i};IMPORTED-${i}`).join('\r\n') + '\r\nNOPE;X\r\n');
    const summary = await vscode.commands.executeCommand<BulkSummary>('cbcm.annotations.importCsv', { uri: vscode.Uri.file(file), confirmed: true });
    assert.strictEqual(summary.done.length, 6);
    for (const [i, id] of ids.entries()) assert.strictEqual((await emuBrowser(id)).annotatedAssetId, `IMPORTED-${i}`);
    assert.strictEqual((await history()).pop()!.record.action, 'import');
  });

  it('moves everything a folder lists to another org unit, and undo moves them back', async () => {
    const summary = await vscode.commands.executeCommand<BulkSummary>('cbcm.bulk.moveMatching', await folder(), undefined, {
      confirmed: true,
      destination: dest,
    });
    assert.strictEqual(summary.done.length, 6);
    for (const id of ids) assert.strictEqual((await emuBrowser(id)).orgUnitPath, dest);
    const op = (await history()).pop()!;
    await vscode.commands.executeCommand('cbcm.history.undo', op.record.op, { confirmed: true });
    for (const id of ids) assert.strictEqual((await emuBrowser(id)).orgUnitPath, ou);
  });

  it('deletes exactly what a folder lists, keeping each full record in the history', async () => {
    const summary = await vscode.commands.executeCommand<BulkSummary>('cbcm.bulk.deleteMatching', await folder(), undefined, { confirmed: true });
    assert.deepStrictEqual(summary.done.map((t) => t.deviceId).sort(), [...ids].sort());
    const { browsers } = await control<{ browsers: EmuBrowser[] }>('browsers');
    assert.ok(!browsers.some((b) => ids.includes(b.deviceId)));
    const op = (await history()).pop()!;
    assert.strictEqual(op.record.action, 'delete');
    for (const item of op.items) assert.ok(item.change.kind === 'delete' && (item.change.record as { deviceId: string }).deviceId === item.target);
    const text = fs.readFileSync(api.services.operations.journal.filePath, 'utf8');
    // Token operations (earlier suites created and revoked tokens) keep the token's ids under "token": {…}, never
    // its value (a string) — and no value the emulator issued appears anywhere in the file.
    assert.ok(!/"token"\s*:\s*"/.test(text), 'no token values in the history file');
    const { tokens } = await control<{ tokens: { token?: string }[] }>('tokens');
    for (const t of tokens) if (t.token) assert.ok(!text.includes(t.token), 'an enrollment-token value is in the history file');
  });
});
