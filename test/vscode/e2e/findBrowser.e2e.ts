// CBCM: Find Browser… as an admin uses it: type a part of a machine name (one of its words), Enter opens the
// details; the row's button reveals the machine in the explorer.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { deviceFrame } from './detailsHelpers';
import { explorerTree, openExplorerFromActivityBar } from './explorerHelpers';

const stamp = Date.now().toString(36).slice(-4).toUpperCase();
const MACHINE = `FINDME-QZ${stamp}-LT`;

describe('Find Browser', () => {
  let deviceId = '';
  before(() => {
    const { emulator } = e2e();
    const ou = emulator.fleet.orgUnits.list().find((u) => u.parentOrgUnitPath === '/')!;
    deviceId = emulator.fleet.addBrowser({ machineName: MACHINE, annotatedUser: 'vera.find', orgUnitPath: ou.orgUnitPath }).deviceId;
  });
  after(() => {
    e2e().emulator.fleet.deleteBrowser(deviceId);
  });

  const resultRow = () => e2e().page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: MACHINE }).first();

  it('finds a browser by a partial machine name and opens its details with Enter', async () => {
    const { page, runCommand, quickInput, screenshot, emulator } = e2e();
    await openExplorerFromActivityBar();
    await runCommand('CBCM: Find Browser…');
    const since = emulator.requestLog.list().at(-1)?.seq ?? 0;
    await quickInput.waitForOpen();
    // Typed key by key, as an admin does: the debounce sends one query for the word, not one per key.
    await page.locator('.quick-input-widget .quick-input-box input').pressSequentially(`QZ${stamp}`, { delay: 20 });
    await resultRow().waitFor({ state: 'visible', timeout: 20_000 });
    // The row names the org unit and the user next to the machine name, and the last activity below it.
    const text = await resultRow().innerText();
    assert.match(text, /vera\.find/);
    assert.match(text, /Last activity|No activity reported/);
    // Debounced: typing the whole word at once sent one listing, not one per character.
    const listings = emulator.requestLog.list(since).filter((r) => /chromebrowsers$/i.test(r.path.split('?')[0]));
    assert.strictEqual(listings.length, 1, `listings sent: ${listings.map((r) => r.path).join(', ')}`);
    await screenshot('find-browser-results');
    await page.keyboard.press('Enter');
    await deviceFrame(30_000, deviceId);
    await screenshot('find-browser-details');
    await runCommand('View: Close All Editors');
  });

  it('reveals the found browser in the explorer from the row button', async () => {
    const { page, runCommand, quickInput, screenshot } = e2e();
    await runCommand('CBCM: Find Browser…');
    await quickInput.fill(MACHINE);
    await resultRow().waitFor({ state: 'visible', timeout: 20_000 });
    await resultRow().hover();
    await resultRow().locator('.action-label[aria-label="Reveal in the CBCM Explorer"]').click();
    const selected = explorerTree().locator('.monaco-list-row.selected', { hasText: MACHINE });
    await selected.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('find-browser-revealed');
    assert.ok(await page.locator('[id="workbench.view.extension.cbcm"]').isVisible());
  });
});
