// Issue 13, item 1, in the mode users run: another installed extension (test/vscode/e2e/callerExtension) calls
// "Create Enrollment Token" with automation arguments (an org unit and a lifetime), "Delete Browser" as if already
// confirmed, and the fleet export and the overview snapshot with a file of its own. The installed CBCM Explorer
// (Production mode) must ignore them — the admin is asked as usual — and must not hand the token value back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { e2e } from '../harness/fixture';
import { eventually, openExplorerFromActivityBar, resetTree, row, setExpanded } from './explorerHelpers';

describe('Another extension calling our commands (Production)', () => {
  it('is asked like the admin, and gets the created token without its value', async () => {
    const { page, emulator, runCommand, quickInput, waitForNotification, screenshot, workspaceDir } = e2e();
    const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
    const hasActive = (p: string) =>
      [...emulator.fleet.tokens.values()].some((t) => t.orgUnitPath === p && emulator.fleet.tokenState(t) === 'active');
    // Not '/', the org unit the caller names: where the token lands shows whose choice counted.
    const ou = emulator.fleet.orgUnits.list().find((u) => u.parentOrgUnitPath === '/' && (!v1 || !hasActive(u.orgUnitPath)))!;
    const resultFile = path.join(workspaceDir, 'caller-result.json');
    fs.rmSync(resultFile, { force: true });
    const before = new Set(emulator.fleet.tokens.keys());
    await openExplorerFromActivityBar();

    await runCommand('Other Extension: Create Token with Automation Arguments');
    // The caller's org unit and lifetime did not skip the prompts: the org unit picker is open.
    await quickInput.waitForOpen();
    await screenshot('caller-asked-for-org-unit');
    assert.strictEqual(before.size, emulator.fleet.tokens.size, 'nothing was created before the admin answered');
    await quickInput.fill(ou.orgUnitPath);
    await page.keyboard.press('Enter');
    if (!v1) await quickInput.pick('7 days');
    await waitForNotification(`Enrollment token created for ${ou.orgUnitPath}`);

    let created: string | undefined;
    await eventually('the emulator to hold the new token', () => {
      created = [...emulator.fleet.tokens.keys()].find((id) => !before.has(id));
      return created !== undefined;
    });
    const token = emulator.fleet.tokens.get(created!)!;
    assert.strictEqual(token.orgUnitPath, ou.orgUnitPath, 'created where the admin chose, not where the caller said');

    await eventually('the caller to write what it got back', () => fs.existsSync(resultFile));
    const text = fs.readFileSync(resultFile, 'utf8');
    const outcome = JSON.parse(text) as { returned?: { tokenPermanentId?: string; token?: string } };
    assert.strictEqual(outcome.returned?.tokenPermanentId, token.tokenPermanentId, `the caller got the token's identifiers: ${text}`);
    assert.ok(!('token' in (outcome.returned ?? {})), 'no value field');
    assert.ok(!text.includes(token.token), 'the token value never reaches the caller');
  });

  it('cannot delete without the question, nor choose the file of an export or a snapshot', async () => {
    const { page, emulator, runCommand, quickInput, screenshot, workspaceDir } = e2e();
    const ou = emulator.fleet.orgUnits.add('/E2E Caller Delete');
    const b = emulator.fleet.addBrowser({ orgUnitPath: ou.orgUnitPath, machineName: 'E2E-CALLER-KEEP' });
    await openExplorerFromActivityBar();
    await runCommand('CBCM: Refresh');
    await resetTree();
    await setExpanded(row(ou.name, 3), true);
    await setExpanded(row('Browsers', 4), true);
    const target = row('E2E-CALLER-KEEP', 5);
    await target.waitFor({ state: 'visible', timeout: 20_000 });
    await target.click();

    // "confirmed: true" from another extension: the admin still gets the modal question, and Escape keeps the browser.
    await runCommand('Other Extension: Delete the Selected Browser with Automation Arguments');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await dialog.innerText(), /E2E-CALLER-KEEP/);
    await screenshot('caller-delete-asked');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.ok(emulator.fleet.browsers.has(b.deviceId), 'the caller deleted nothing');

    // An export to the caller's file: the format is asked, and nothing is written when the admin declines.
    const exportFile = path.join(workspaceDir, 'caller-export.csv');
    fs.rmSync(exportFile, { force: true });
    await runCommand('Other Extension: Export Browsers to a File with Automation Arguments');
    await quickInput.waitForOpen(20_000);
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 1_500));
    assert.ok(!fs.existsSync(exportFile), 'the export did not go to the file the caller chose');

    // A snapshot of a complete overview to the caller's file: the save dialog opens instead.
    const snapshotFile = path.join(workspaceDir, 'caller-snapshot.json');
    fs.rmSync(snapshotFile, { force: true });
    await runCommand('CBCM: Open Fleet Overview');
    await completeOverview();
    await runCommand('Other Extension: Save an Overview Snapshot to a File with Automation Arguments');
    await quickInput.waitForOpen(20_000);
    await screenshot('caller-snapshot-asked');
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 1_500));
    assert.ok(!fs.existsSync(snapshotFile), 'the snapshot did not go to the file the caller chose');
    await runCommand('View: Close All Editors');
  });
});

/** Waits until an overview webview has complete figures (a snapshot needs them). */
async function completeOverview(): Promise<void> {
  const { page } = e2e();
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await page.waitForTimeout(200)) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      if (await frame.evaluate(() => document.body?.dataset.state === 'complete').catch(() => false)) return;
    }
  }
  throw new Error('the fleet overview did not complete');
}
