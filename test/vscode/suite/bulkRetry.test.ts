// "Retry Failed" of a bulk annotate run, in the real VS Code (automation presses it once): a browser someone else
// changed is reported as a conflict and left alone; the retry reads it again, applies the same changes to what it
// holds now (no questions asked twice), and touches nothing that already succeeded.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BulkSummary } from '../../../src/operations/bulkRun';
import { control, emulatorUrl, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  annotatedNotes?: string;
}

describe('Bulk retry of failed browsers', function () {
  this.timeout(60_000);
  const ou = `/RetrySuite${Date.now() % 100000}`;
  const ids: string[] = [];

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: ou });
    for (let i = 0; i < 3; i++)
      ids.push((await control<EmuBrowser>('browsers', { machineName: `RETRY-${i}`, orgUnitPath: ou, annotatedNotes: `n${i}` })).deviceId);
  });

  const emuBrowser = (id: string) => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);

  it('a conflict is not overwritten; "Retry Failed" re-reads it and applies the same template to its current value', async () => {
    const api = await testingApi();
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    await api.explorer.getChildren(account);
    const folder = api.explorer.accountNode!.findOrgUnit(ou)!.browsers;
    const nodes = (await folder.getChildren()).filter((n) => n.getTreeItem().contextValue === 'browser');
    assert.strictEqual(nodes.length, 3);
    // A colleague edits the second browser after the tree listed it.
    const res = await fetch(`${emulatorUrl()}/__emulator/browsers/${encodeURIComponent(ids[1])}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ annotatedNotes: 'colleague' }),
    });
    assert.ok(res.ok);

    const retried = await vscode.commands.executeCommand<BulkSummary>('cbcm.bulk.annotateSelected', undefined, nodes, {
      confirmed: true,
      changes: { annotatedNotes: '{notes} +r' },
      retryFailed: true,
    });
    const ops = (await api.services.operations.journal.read()).operations.slice(-2);
    assert.deepStrictEqual(
      ops.map((o) => o.record.action),
      ['annotate', 'annotate'],
    );
    const conflict = ops[0].items.find((i) => !i.ok);
    assert.strictEqual(conflict?.target, ids[1], 'the first run reported the conflict');
    assert.match(conflict.reason ?? '', /changed by someone else/);
    assert.deepStrictEqual(
      retried.done.map((t) => t.deviceId),
      [ids[1]],
      'the retry acted on the failed browser only',
    );
    assert.deepStrictEqual(
      await Promise.all(ids.map(async (id) => (await emuBrowser(id)).annotatedNotes)),
      ['n0 +r', 'colleague +r', 'n2 +r'],
      "applied once each; the retry started from the colleague's value",
    );
  });
});
