// Multi-step inputs as an admin meets them: the sign-in and the token creation say which step they are on
// ("(2/2)") and have a Back button that returns to the step before, keeping the flow open.
import { e2e } from '../harness/fixture';
import { chooseInFileDialog } from '../harness/uiSignIn';
import { openExplorerFromActivityBar } from './explorerHelpers';

const title = (text: string) => e2e().page.locator('.quick-input-widget .quick-input-title', { hasText: text }).first();

async function pressBack(): Promise<void> {
  const { page } = e2e();
  await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click();
}

describe('Multi-step inputs', () => {
  it('sign-in: step 2 of 2 goes back to the key with Back', async () => {
    const f = e2e();
    const { emulator, runCommand, page, screenshot } = f;
    await openExplorerFromActivityBar(false);
    await runCommand('CBCM: Sign In with a Service Account Key…');
    await title('Sign in with a service account key (1/2)').waitFor({ state: 'visible', timeout: 20_000 });
    await f.quickInput.pick(/Choose the JSON key file/);
    const step2 = title('Sign in with a service account key (2/2)');
    await chooseInFileDialog(f, emulator.serviceAccountKeyPath, () => step2.isVisible().catch(() => false), 'Use This Key');
    await screenshot('multistep-sign-in-step-2');
    await pressBack();
    await title('Sign in with a service account key (1/2)').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
  });

  it('token creation: org unit, then lifetime, and Back returns to the org unit', async () => {
    const { emulator, runCommand, quickInput, page, screenshot } = e2e();
    const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
    const ou = emulator.fleet.orgUnits.list().find((u) => u.parentOrgUnitPath === '/')!;
    const before = emulator.fleet.tokens.size;
    await runCommand('CBCM: Create Enrollment Token…');
    await title(v1 ? '(1/1)' : 'Create an enrollment token for… (1/2)').waitFor({ state: 'visible', timeout: 20_000 });
    if (v1) {
      await page.keyboard.press('Escape'); // no lifetime step on v1: one step, nothing to go back to
      return;
    }
    await quickInput.fill(ou.orgUnitPath);
    await page.keyboard.press('Enter');
    await title('Create an enrollment token (2/2)').waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot('multistep-token-lifetime');
    await pressBack();
    await title('Create an enrollment token for… (1/2)').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
    if (emulator.fleet.tokens.size !== before) throw new Error('a token was created although the flow was left');
  });
});
