// The explorer as an admin uses it: activity bar, expanding, "Load more", drag and drop onto an org unit.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { eventually, explorerTree, openExplorerFromActivityBar, resetTree, revealEndUntil, row, setExpanded } from './explorerHelpers';

describe('Explorer view', () => {
  beforeEach(async () => {
    await openExplorerFromActivityBar();
    await resetTree();
  });

  it('opens from the activity bar with the account, its org units and the account-wide listing', async () => {
    const { emulator, screenshot } = e2e();
    await openExplorerFromActivityBar();
    await row('All browsers', 2).waitFor({ state: 'visible' });
    const topLevel = emulator.fleet.orgUnits.list().filter((u) => u.parentOrgUnitPath === '/');
    for (const ou of topLevel.slice(0, 3)) await row(ou.name, 3).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('explorer-org-units');
  });

  it('pages the account’s browsers with "Load more"', async () => {
    const { screenshot } = e2e();
    // With the org units collapsed, "Load more" is the row just above the end of the tree.
    await setExpanded(row('All org units (/)', 2), false);
    await setExpanded(row('All browsers', 2), true);
    await row(/./, 3).waitFor({ state: 'visible', timeout: 20_000 });
    const more = row('Load more…', 3);
    await revealEndUntil(more);
    assert.match(await more.innerText(), /100 loaded/);
    await more.click();
    // The "Load more" row, not the folder's own row (its description says "200 loaded, more…" too).
    const more200 = explorerTree().locator('.monaco-list-row[aria-level="3"]', { hasText: /Load more…\s*200 loaded/ });
    await revealEndUntil(more200);
    await screenshot('explorer-load-more');
  });

  it('moves a browser by dragging it onto another org unit', async () => {
    const { page, emulator, runCommand, screenshot } = e2e();
    // A fresh OU holding only the dragged browser, so it is the first row under that OU's "Browsers".
    const from = emulator.fleet.orgUnits.add('/A E2E drag source');
    const to = emulator.fleet.orgUnits.list().filter((u) => u.parentOrgUnitPath === '/' && u.orgUnitPath !== from.orgUnitPath)[0];
    const dragged = emulator.fleet.addBrowser({ orgUnitPath: from.orgUnitPath, machineName: 'E2E-DRAG-ME' });
    await runCommand('CBCM: Refresh');
    await resetTree();
    await setExpanded(row(from.name, 3), true);
    await setExpanded(row('Browsers', 4), true);
    const source = row('E2E-DRAG-ME', 5);
    await source.waitFor({ state: 'visible', timeout: 20_000 });
    await source.dragTo(row(to.name, 3));
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await dialog.innerText(), new RegExp(`Move 1 browser to ${to.orgUnitPath}`));
    await screenshot('explorer-drag-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Move$/ }).click();
    await eventually('the emulator to hold the moved browser', () => emulator.fleet.browsers.get(dragged.deviceId)?.orgUnitPath === to.orgUnitPath);
    await source.waitFor({ state: 'detached', timeout: 15_000 });
    await screenshot('explorer-after-drop');
  });
});
