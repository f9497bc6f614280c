// Fleet operations as an admin does them in the installed extension (Production: every confirmation is a real
// modal dialog): import a CSV through its preview and undo it, "Delete All Matching…" on an org unit, and a bulk
// move of a multi-selection. The emulator (in this process) is the oracle.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseInFileDialog } from '../harness/uiSignIn';
import { e2e } from '../harness/fixture';
import { eventually, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row, setExpanded } from './explorerHelpers';

describe('Fleet operations', () => {
  const dialog = () => e2e().page.locator('.monaco-dialog-box');
  async function pressDialogButton(label: RegExp): Promise<string> {
    await dialog().waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await dialog().textContent()) ?? '';
    await dialog().locator('.monaco-button', { hasText: label }).first().click();
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    return text;
  }

  it('imports annotations from a CSV through a preview (filtered, one row left out), applies them, and undoes the import', async () => {
    const f = e2e();
    const { page, emulator, runCommand, screenshot } = f;
    // Six rows match; the admin leaves the sixth out in the preview.
    const picked = [...emulator.fleet.browsers.values()].filter((b) => b.serialNumber).slice(0, 6);
    const before = picked.map((b) => [b.annotatedAssetId, b.annotatedLocation]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-e2e-')), 'inventory.csv');
    fs.writeFileSync(
      file,
      '\uFEFFSerial number;Asset ID;Location\r\n' +
        picked.map((b, i) => `${b.serialNumber};E2E-ASSET-${i};"Room ${i}; shelf 2"`).join('\r\n') +
        '\r\nNO-SUCH-SERIAL;X;Y\r\n',
    );

    await openExplorerFromActivityBar();
    await runCommand('CBCM: Import Annotations from CSV…');
    const tab = page.locator('.tab', { hasText: 'Import Preview: inventory.csv' }).first();
    await chooseInFileDialog(f, file, () => tab.isVisible().catch(() => false), 'Preview Import');
    const frame = await f.webview('.row[data-line]', 60_000);
    const filters = (await frame.locator('.toolbar').first().textContent()) ?? '';
    assert.match(filters, /Will change \(6\)/);
    assert.match(filters, /No match \(1\)/);
    await screenshot('import-preview');

    // The status filters: without "Will change", only the row that matches nothing is listed.
    const willChange = frame.locator('.toolbar label', { hasText: 'Will change' }).locator('input');
    await willChange.uncheck();
    await frame.waitForFunction(() => document.querySelectorAll('.row[data-line]').length === 1);
    assert.match((await frame.locator('.row[data-line]').textContent()) ?? '', /NO-SUCH-SERIAL/);
    await willChange.check();
    await frame.waitForFunction(() => document.querySelectorAll('.row[data-line]').length === 7);
    // Leave line 7 (the sixth browser) out: the Apply button counts five.
    await frame.locator('.row[data-line="7"] input[type="checkbox"]').uncheck();
    await frame.locator('.row.excluded[data-line="7"]').waitFor({ timeout: 5_000 });

    await frame.locator('button', { hasText: 'Apply 5 changes' }).click();
    const confirmText = await pressDialogButton(/^Apply 5$/);
    assert.match(confirmText, /Apply 5 rows of inventory\.csv/);
    assert.match(confirmText, /1 rows left out/);
    await eventually(
      'the emulator to hold the imported values',
      () => picked.slice(0, 5).every((b, i) => b.annotatedAssetId === `E2E-ASSET-${i}` && b.annotatedLocation === `Room ${i}; shelf 2`),
      60_000,
    );
    assert.deepStrictEqual([picked[5].annotatedAssetId, picked[5].annotatedLocation], before[5], 'the row left out was not applied');
    await frame.locator('.summary', { hasText: 'Imported 5' }).waitFor({ timeout: 20_000 });
    await screenshot('import-applied');

    await runCommand('CBCM: Undo Last Change…');
    const undoText = await pressDialogButton(/^Undo 5$/);
    assert.match(undoText, /previous annotations back/);
    // Before the question, the undo's per-browser preview opened (read-only, nothing sent yet).
    await page
      .locator('.tab', { hasText: /^undo-.*\.md/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await eventually(
      'the emulator to be back as before',
      () => picked.every((b, i) => b.annotatedAssetId === before[i][0] && b.annotatedLocation === before[i][1]),
      60_000,
    );
    await screenshot('import-undone');
  });

  it('"Delete All Matching…" states the exact count and removes exactly the browsers the org unit lists', async () => {
    const { emulator, screenshot } = e2e();
    const ou = emulator.fleet.orgUnits.add('/E2E Delete Matching');
    const doomed = [0, 1, 2].map((i) => emulator.fleet.addBrowser({ machineName: `E2E-DOOMED-${i}`, orgUnitPath: ou.orgUnitPath }).deviceId);
    const others = emulator.fleet.browsers.size - doomed.length;
    await resetTree();
    await e2e().runCommand('CBCM: Refresh');
    await setExpanded(row('E2E Delete Matching', 3), true);
    const folder = row('Browsers', 4);
    await pickFromContextMenu(folder, 'Delete All Matching…', dialog());
    await screenshot('delete-matching-confirm');
    const text = await pressDialogButton(/^Delete 3$/);
    assert.match(text, /Delete 3 browsers\?/);
    assert.match(text, /E2E-DOOMED-0/);
    await eventually('the three browsers to be deleted', () => doomed.every((id) => !emulator.fleet.browsers.has(id)), 60_000);
    assert.strictEqual(emulator.fleet.browsers.size, others, 'nothing else was deleted');
  });

  it('moves a multi-selection of browsers in one confirmed bulk move', async () => {
    const { emulator, runCommand, quickInput, screenshot } = e2e();
    const from = emulator.fleet.orgUnits.add('/E2E Bulk From');
    const to = emulator.fleet.orgUnits.add('/E2E Bulk To');
    const ids = [0, 1, 2].map((i) => emulator.fleet.addBrowser({ machineName: `E2E-MOVE-${i}`, orgUnitPath: from.orgUnitPath }).deviceId);
    await resetTree();
    await runCommand('CBCM: Refresh');
    await setExpanded(row('E2E Bulk From', 3), true);
    await setExpanded(row('Browsers', 4), true);
    await row('E2E-MOVE-0', 5).click();
    await row('E2E-MOVE-1', 5).click({ modifiers: ['Control'] });
    const picker = e2e().page.locator('.quick-input-widget .quick-input-title', { hasText: 'Move 2 browsers to…' });
    await pickFromContextMenu(row('E2E-MOVE-1', 5), 'Move Selected Browsers…', picker, 'CBCM: Move Selected Browsers…', { keepSelection: true });
    await quickInput.fill(to.orgUnitPath);
    await quickInput.pick(new RegExp(to.orgUnitPath));
    await screenshot('bulk-move-confirm');
    const text = await pressDialogButton(/^Move 2$/);
    assert.match(text, /Move 2 browsers to \/E2E Bulk To\?/);
    await eventually(
      'the two selected browsers to be moved',
      () => ids.slice(0, 2).every((id) => emulator.fleet.browsers.get(id)!.orgUnitPath === to.orgUnitPath),
      60_000,
    );
    assert.strictEqual(emulator.fleet.browsers.get(ids[2])!.orgUnitPath, from.orgUnitPath, 'the unselected one stays');
  });
});
