// The welcome views an admin sees instead of an empty tree. Runs last among the explorer files: it signs out.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { openExplorerFromActivityBar, row } from './explorerHelpers';

describe('Explorer welcome views', () => {
  afterEach(() => e2e().emulator.clearFaults());

  it('says what to do when the account may not read Chrome browsers, and recovers with "Try Again"', async () => {
    const { page, emulator, runCommand, waitForText, screenshot } = e2e();
    await openExplorerFromActivityBar();
    emulator.setFaults({ failNext: [{ status: 403, reason: 'forbidden', pathIncludes: '/orgunits', times: 3 }] });
    await runCommand('CBCM: Refresh');
    await waitForText('may not read Chrome browsers', 20_000);
    await screenshot('welcome-no-permission');
    emulator.clearFaults();
    await page.locator('.welcome-view-content .monaco-button', { hasText: 'Try Again' }).first().click();
    await row('All org units (/)').waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('says Google could not be reached when the network fails', async () => {
    const { emulator, runCommand, waitForText, screenshot } = e2e();
    await openExplorerFromActivityBar();
    emulator.setFaults({ failNext: [{ reset: true, pathIncludes: '/orgunits', times: 10 }] });
    await runCommand('CBCM: Refresh');
    await waitForText('could not be reached', 40_000);
    await screenshot('welcome-offline');
    emulator.clearFaults();
    await runCommand('CBCM: Refresh');
    await row('All org units (/)').waitFor({ state: 'visible', timeout: 20_000 });
  });

  it('offers both sign-in methods once signed out', async () => {
    const { page, runCommand, quickInput, waitForText, screenshot } = e2e();
    await openExplorerFromActivityBar();
    await runCommand('CBCM: Sign Out…');
    // With one account the command may still ask which one; take the first.
    const asked = await quickInput.waitForOpen(3_000).then(
      () => true,
      () => false,
    );
    if (asked) await page.keyboard.press('Enter');
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Sign Out$/ });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await waitForText('Sign in to see the Chrome browsers', 20_000);
    const buttons = await page.locator('.welcome-view-content .monaco-button').allInnerTexts();
    assert.ok(
      buttons.some((b) => /Service Account Key/.test(b)),
      `buttons: ${buttons.join(' | ')}`,
    );
    assert.ok(
      buttons.some((b) => /OAuth/.test(b)),
      `buttons: ${buttons.join(' | ')}`,
    );
    await screenshot('welcome-signed-out');
  });
});
