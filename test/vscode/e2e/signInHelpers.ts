// Signing in again from the palette, step by step, as harness/uiSignIn.ts does from the welcome view.
import { e2e } from '../harness/fixture';
import { chooseInFileDialog } from '../harness/uiSignIn';

/** The service-account sign-in through its two steps (key file, admin e-mail); waits for the toast. */
export async function signInWithKeyThroughUi(
  start: () => Promise<void> = () => e2e().runCommand('CBCM: Sign In with a Service Account Key…'),
): Promise<void> {
  const f = e2e();
  const { emulator, quickInput, page } = f;
  await start();
  await page.locator('.quick-input-widget .quick-input-title', { hasText: '(1/2)' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await quickInput.pick(/Choose the JSON key file/);
  const step2 = page.locator('.quick-input-widget .quick-input-title', { hasText: '(2/2)' }).first();
  await chooseInFileDialog(f, emulator.serviceAccountKeyPath, () => step2.isVisible().catch(() => false), 'Use This Key');
  await quickInput.fill(emulator.adminEmail, { submit: true });
  await f.waitForNotification(`signed in as ${emulator.adminEmail}`, 60_000);
  await page.keyboard.press('Escape');
}

/** "CBCM: Sign Out…" and its confirmation (one account: no pick). */
export async function signOutThroughUi(): Promise<void> {
  const { page, runCommand } = e2e();
  await runCommand('CBCM: Sign Out…');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  await dialog.locator('.monaco-button', { hasText: /^Sign Out$/ }).click();
  await page.locator('.welcome-view-content', { hasText: 'Sign in to see the Chrome browsers' }).waitFor({ state: 'visible', timeout: 30_000 });
}
