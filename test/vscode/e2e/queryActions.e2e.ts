// Acting on what a query matches, as an admin does it in the installed extension (Production: real modal dialogs,
// no automation): a .cbcmq line's "in <org unit>" lens names the selected org unit and reveals the filtered listing;
// its "Act on all matching…" → "Delete all matching…" states the count, defaults to not deleting, and deletes exactly
// those browsers; Edit Annotation on a multi-selection goes to the bulk path and sets every selected browser.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { eventually, explorerTree, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row, setExpanded } from './explorerHelpers';
import { overviewFrameFor } from './overviewHelpers';

describe('Query actions', () => {
  const dialog = () => e2e().page.locator('.monaco-dialog-box');
  const lens = (title: string | RegExp) => e2e().page.locator('.monaco-editor .codelens-decoration a', { hasText: title }).first();

  /** A new query file holding only `query` (below its dialect line), its lenses drawn. */
  async function queryFile(query: string): Promise<void> {
    const { page, runCommand } = e2e();
    await runCommand('CBCM: New Filter Query');
    const editor = page.locator('.monaco-editor[data-uri^="untitled"]').first();
    await editor.waitFor({ state: 'visible', timeout: 15_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`# dialect: browsers\n${query}`);
    await page.keyboard.press('Escape');
    await lens('Run in CBCM Explorer').waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** Closes the (unsaved, untitled) query file without a save question, so later tests find no dirty editor. */
  async function closeQueryFile(): Promise<void> {
    const { page, runCommand } = e2e();
    await page.keyboard.press('Escape');
    await runCommand('View: Revert and Close Editor');
    await page
      .locator('.tab', { hasText: /^browser-queries/ })
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 });
  }

  it('the "in <org unit>" lens names the org unit selected in the explorer and reveals its filtered listing', async () => {
    const { emulator, runCommand, screenshot } = e2e();
    const ou = emulator.fleet.orgUnits.add('/E2E Lens Scope');
    const match = emulator.fleet.addBrowser({ machineName: 'E2EQLENS-1', orgUnitPath: ou.orgUnitPath });
    emulator.fleet.addBrowser({ machineName: 'E2E-OTHER-1', orgUnitPath: ou.orgUnitPath });
    await openExplorerFromActivityBar();
    await resetTree();
    await runCommand('CBCM: Refresh');
    await row('E2E Lens Scope', 3).click();
    await queryFile('machine_name:E2EQLENS');
    const scoped = lens(`in ${ou.orgUnitPath}`);
    await scoped.waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('query-lens-names-org-unit');
    await scoped.click();
    // The listing is revealed: the org unit's "Browsers" folder, selected and expanded, showing only the match.
    const folder = explorerTree().locator('.monaco-list-row[aria-level="4"][aria-selected="true"]', { hasText: 'Browsers' });
    await folder.waitFor({ state: 'visible', timeout: 20_000 });
    assert.strictEqual(await folder.getAttribute('aria-expanded'), 'true');
    await row(match.machineName!, 5).waitFor({ state: 'visible', timeout: 20_000 });
    assert.strictEqual(await row('E2E-OTHER-1', 5).count(), 0, 'the filter applies in that org unit');
    await screenshot('query-lens-revealed');
    await runCommand('CBCM: Clear Filter');
    await closeQueryFile();
  });

  it('"Act on all matching…" → "Delete all matching…" on a .cbcmq line states the count and deletes exactly those browsers', async () => {
    const { emulator, quickInput, runCommand, screenshot } = e2e();
    const a = emulator.fleet.orgUnits.add('/E2E Query Delete A');
    const b = emulator.fleet.orgUnits.add('/E2E Query Delete B');
    const doomed = [a, a, b].map((ou, i) => emulator.fleet.addBrowser({ machineName: `E2EQDOOM-${i}`, orgUnitPath: ou.orgUnitPath }).deviceId);
    const spared = emulator.fleet.addBrowser({ machineName: 'E2EQDOOMX-spared', orgUnitPath: a.orgUnitPath }).deviceId;
    const others = emulator.fleet.browsers.size - doomed.length;
    await openExplorerFromActivityBar();
    await runCommand('CBCM: Refresh');
    await queryFile('machine_name:E2EQDOOM');
    await lens('Act on all matching…').click();
    await quickInput.pick('Delete all matching…');
    await dialog().waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await dialog().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /Delete 3 browsers\?/);
    assert.match(text, /3 browsers matching "machine_name:E2EQDOOM" in the whole account/);
    assert.match(text, /E2EQDOOM-0/);
    await screenshot('query-delete-all-matching-confirm');
    // As for a single delete, Enter (the focused, default button) must not delete.
    assert.strictEqual((await dialog().locator('.monaco-button:focus').innerText()).trim(), "Don't Delete");
    await dialog()
      .locator('.monaco-button', { hasText: /^Delete 3$/ })
      .click();
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    await eventually('the three matching browsers to be deleted', () => doomed.every((id) => !emulator.fleet.browsers.has(id)), 60_000);
    assert.ok(emulator.fleet.browsers.has(spared), 'a browser whose name only starts with the word stays');
    assert.strictEqual(emulator.fleet.browsers.size, others, 'nothing else was deleted');
    await screenshot('query-delete-all-matching-done');
    await closeQueryFile();
  });

  it('the fleet overview\'s "Act on all…" of a row moves exactly that row\'s browsers, after a confirmation that defaults to not moving', async () => {
    const { page, emulator, quickInput, runCommand, screenshot } = e2e();
    const ou = emulator.fleet.orgUnits.add('/E2E Overview Bulk');
    const to = emulator.fleet.orgUnits.add('/E2E Overview Bulk Target');
    const linux = [0, 1].map(
      (i) => emulator.fleet.addBrowser({ machineName: `E2E-OVB-L${i}`, orgUnitPath: ou.orgUnitPath, osPlatform: 'Linux' }).deviceId,
    );
    const windows = emulator.fleet.addBrowser({ machineName: 'E2E-OVB-W', orgUnitPath: ou.orgUnitPath, osPlatform: 'Windows' }).deviceId;
    await openExplorerFromActivityBar();
    await resetTree();
    await runCommand('CBCM: Refresh');
    const tab = page.locator('.tab', { hasText: `Fleet Overview: ${ou.orgUnitPath}` }).first();
    await pickFromContextMenu(row('E2E Overview Bulk', 3), 'Open Fleet Overview', tab, 'CBCM: Open Fleet Overview');
    const frame = await overviewFrameFor(ou.orgUnitPath);
    const toggle = frame.locator('#toggle-tables');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    const act = frame.getByRole('button', { name: 'Move, annotate or delete all 2 browsers of Linux', exact: true });
    await act.click();
    await quickInput.pick('Move all matching…');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Move 2 browsers to…' }).waitFor({ timeout: 30_000 });
    await quickInput.fill(to.orgUnitPath);
    await quickInput.pick(new RegExp(to.orgUnitPath));
    await dialog().waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await dialog().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, new RegExp(`Move 2 browsers to ${to.orgUnitPath}\\?`));
    assert.match(text, new RegExp(`matching "os_platform:Linux" in ${ou.orgUnitPath}`));
    await screenshot('overview-act-on-all-move-confirm');
    assert.strictEqual((await dialog().locator('.monaco-button:focus').innerText()).trim(), "Don't Move", 'Enter must not move');
    await dialog()
      .locator('.monaco-button', { hasText: /^Move 2$/ })
      .click();
    await eventually(
      "the Linux row's browsers to be moved",
      () => linux.every((id) => emulator.fleet.browsers.get(id)?.orgUnitPath === to.orgUnitPath),
      60_000,
    );
    assert.strictEqual(emulator.fleet.browsers.get(windows)?.orgUnitPath, ou.orgUnitPath, 'the other row stays');
    await runCommand('View: Close All Editors');
  });

  it('Edit Annotation on a multi-selection goes to the bulk path and sets every selected browser', async () => {
    const { page, emulator, quickInput, runCommand, waitForNotification, screenshot } = e2e();
    const ou = emulator.fleet.orgUnits.add('/E2E Multi Annotate');
    const picked = [0, 1, 2].map((i) =>
      emulator.fleet.addBrowser({ machineName: `E2E-ANNOT-${i}`, orgUnitPath: ou.orgUnitPath, annotatedAssetId: `OLD-${i}` }),
    );
    await openExplorerFromActivityBar();
    await resetTree();
    await runCommand('CBCM: Refresh');
    await setExpanded(row('E2E Multi Annotate', 3), true);
    await setExpanded(row('Browsers', 4), true);
    await row('E2E-ANNOT-0', 5).click();
    await row('E2E-ANNOT-2', 5).click({ modifiers: ['Control'] });
    const fields = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Set annotations on 2 browsers (1/2): fields' });
    await pickFromContextMenu(row('E2E-ANNOT-2', 5), 'Edit Annotation…', fields, 'CBCM: Edit Annotation…', { keepSelection: true });
    await quickInput.pick('Asset ID');
    await page.keyboard.press('Enter');
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Set annotations on 2 browsers (2/2): Asset ID' })
      .waitFor({ timeout: 10_000 });
    await quickInput.fill('E2E-BULK-TAG', { submit: true });
    await dialog().waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog().innerText(), /Set annotations on 2 browsers\?/);
    await screenshot('multi-edit-annotation-confirm');
    await dialog()
      .locator('.monaco-button', { hasText: /^Set on 2$/ })
      .click();
    await eventually(
      'both selected browsers to hold the new asset ID',
      () => [picked[0], picked[2]].every((b) => emulator.fleet.browsers.get(b.deviceId)?.annotatedAssetId === 'E2E-BULK-TAG'),
      60_000,
    );
    assert.strictEqual(emulator.fleet.browsers.get(picked[1].deviceId)?.annotatedAssetId, 'OLD-1', 'the unselected one is untouched');
    // Not silently: the admin was told that all the selected browsers are edited together.
    await waitForNotification('2 browsers are selected: their annotations are set together');
    await screenshot('multi-edit-annotation-done');
  });
});
