// The change history keeps each deleted browser's FULL record (Google cannot undelete) and exports it, in the real
// VS Code: the exported file holds exactly the deleted browsers' records, as read just before the delete.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BulkSummary } from '../../../src/operations/bulkRun';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  machineName?: string;
  annotatedNotes?: string;
}

describe('Change history export of deleted browsers', function () {
  this.timeout(60_000);
  const ou = `/ExportSuite${Date.now() % 100000}`;
  const ids: string[] = [];

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    for (let i = 0; i < 2; i++)
      ids.push(
        (
          await control<EmuBrowser>('browsers', {
            machineName: `EXPORT-${i}`,
            orgUnitPath: ou,
            annotatedNotes: `kept ${i}`,
            browserVersions: ['131.0.1.2'],
          })
        ).deviceId,
      );
  });

  it('exports the FULL records of the browsers an operation deleted', async () => {
    const api = await testingApi();
    const full = await Promise.all(ids.map((id) => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`)));
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const folder = api.explorer.accountNode!.findOrgUnit(ou)!.browsers;
    const summary = await vscode.commands.executeCommand<BulkSummary>('cbcm.bulk.deleteMatching', folder, undefined, { confirmed: true });
    assert.strictEqual(summary.done.length, 2);
    const op = (await api.services.operations.journal.read()).operations.pop()!;
    assert.strictEqual(op.record.action, 'delete');

    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `deleted-${Date.now()}.jsonl`);
    const saved = await vscode.commands.executeCommand<string>('cbcm.history.exportDeleted', op.record.op, file);
    assert.strictEqual(saved, file.toString());
    const lines = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(file))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as EmuBrowser & { browsers?: unknown[] });
    assert.deepStrictEqual(lines.map((r) => r.deviceId).sort(), [...ids].sort());
    for (const r of lines) {
      const before = full.find((b) => b.deviceId === r.deviceId)!;
      assert.strictEqual(r.machineName, before.machineName);
      assert.strictEqual(r.annotatedNotes, before.annotatedNotes);
      assert.ok(Array.isArray(r.browsers) && r.browsers.length > 0, 'the FULL projection (installed browsers) is kept');
    }
    await vscode.workspace.fs.delete(file);
    assert.strictEqual(await vscode.commands.executeCommand('cbcm.history.exportDeleted', 'no-such-operation', file), undefined);
  });
});
