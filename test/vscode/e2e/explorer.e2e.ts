// The explorer as an admin uses it: activity bar, expanding, "Load more", drag and drop onto an org unit, the Move
// command's and Delete's questions (the installed extension, Production mode: no automation answers them).
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import {
  eventually,
  explorerTree,
  openExplorerFromActivityBar,
  pickFromContextMenu,
  resetTree,
  revealEndUntil,
  row,
  setExpanded,
} from './explorerHelpers';

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

  it('the Move command asks in a modal naming the org unit and the count, like a drop; Cancel moves nothing', async () => {
    const { page, emulator, runCommand, quickInput, screenshot } = e2e();
    const from = emulator.fleet.orgUnits.add('/A E2E move source');
    const to = emulator.fleet.orgUnits.add('/A E2E move target');
    const b = emulator.fleet.addBrowser({ orgUnitPath: from.orgUnitPath, machineName: 'E2E-MOVE-CMD', serialNumber: 'E2EMOVESN' });
    await runCommand('CBCM: Refresh');
    await resetTree();
    await setExpanded(row(from.name, 3), true);
    await setExpanded(row('Browsers', 4), true);
    const source = row('E2E-MOVE-CMD', 5);
    await source.waitFor({ state: 'visible', timeout: 20_000 });
    const picker = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Move 1 browser to…' });
    await pickFromContextMenu(source, 'Move to Org Unit…', picker, 'CBCM: Move to Org Unit…');
    await quickInput.fill(to.orgUnitPath);
    await quickInput.pick(new RegExp(to.orgUnitPath));
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await dialog.innerText();
    assert.match(text, new RegExp(`Move 1 browser to ${to.orgUnitPath}\\?`));
    assert.match(text, /E2E-MOVE-CMD — E2EMOVESN — \/A E2E move source/);
    await screenshot('explorer-move-command-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.strictEqual(emulator.fleet.browsers.get(b.deviceId)?.orgUnitPath, from.orgUnitPath, 'Cancel moved nothing');
  });

  it('Delete asks with serial number and org unit, and its default button does not delete', async () => {
    const { page, emulator, runCommand, screenshot } = e2e();
    const ou = emulator.fleet.orgUnits.add('/A E2E delete question');
    const b = emulator.fleet.addBrowser({ orgUnitPath: ou.orgUnitPath, machineName: 'E2E-KEEP-ME', serialNumber: 'E2EKEEPSN' });
    await runCommand('CBCM: Refresh');
    await resetTree();
    await setExpanded(row(ou.name, 3), true);
    await setExpanded(row('Browsers', 4), true);
    const target = row('E2E-KEEP-ME', 5);
    await target.waitFor({ state: 'visible', timeout: 20_000 });
    const dialog = page.locator('.monaco-dialog-box');
    await pickFromContextMenu(target, 'Delete Browser…', dialog, 'CBCM: Delete Browser…');
    const text = await dialog.innerText();
    assert.match(text, /Delete browser\?/);
    assert.match(text, /E2E-KEEP-ME — E2EKEEPSN — \/A E2E delete question/);
    await screenshot('explorer-delete-confirm');
    // Enter presses the focused (default) button: it must not be Delete.
    const focused = (await dialog.locator('.monaco-button:focus').innerText()).trim();
    assert.notStrictEqual(focused, 'Delete', 'Delete must not be the default button');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.ok(emulator.fleet.browsers.has(b.deviceId), 'Enter deleted nothing');
  });
});
