// The "Set Up CBCM Explorer" walkthrough: it opens from the palette, and its "Sign in" step completes on a real
// sign-in (completionEvents onContext:cbcm.signedIn), not on a click. The step's progress is reset first (VS Code
// keeps it across windows) and the window reloaded while signed out, so the step starts open.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { openExplorerFromActivityBar } from './explorerHelpers';
import { signInWithKeyThroughUi, signOutThroughUi } from './signInHelpers';

const step = (id: string) => e2e().page.locator(`[data-step-id$="${id}"]`).first();
const isChecked = async (id: string) => (await step(id).getAttribute('aria-checked')) === 'true';

async function openWalkthrough(): Promise<void> {
  const { runCommand, page } = e2e();
  await runCommand('CBCM: Set Up CBCM Explorer (Walkthrough)');
  await page.locator('.gettingStartedContainer', { hasText: 'Set Up CBCM Explorer' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await step('signIn').waitFor({ state: 'attached', timeout: 20_000 });
}

describe('Setup walkthrough', () => {
  it('opens, and its sign-in step completes when the admin signs in', async function () {
    this.timeout(180_000);
    const { page, runCommand, screenshot } = e2e();
    await openExplorerFromActivityBar(false);
    await signOutThroughUi();
    await runCommand('Developer: Reset Welcome Page Walkthrough Progress');
    const reloaded = page.waitForEvent('framenavigated', { predicate: (fr) => fr === page.mainFrame(), timeout: 60_000 });
    await runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await openExplorerFromActivityBar(false);
    await page.locator('.welcome-view-content', { hasText: 'Sign in to see the Chrome browsers' }).waitFor({ state: 'visible', timeout: 60_000 });

    await openWalkthrough();
    assert.strictEqual(await isChecked('signIn'), false, 'signed out: the sign-in step is not done');
    for (const id of ['cloudProject', 'credentials', 'delegation', 'checkAccess', 'openExplorer']) assert.ok(await step(id).count(), `step ${id}`);
    await screenshot('walkthrough-open');

    await signInWithKeyThroughUi();
    await page
      .waitForFunction(() => document.querySelector('[data-step-id$="signIn"]')?.getAttribute('aria-checked') === 'true', undefined, {
        timeout: 20_000,
      })
      .catch(async () => {
        await openWalkthrough();
        assert.strictEqual(await isChecked('signIn'), true, 'the sign-in step completed on sign-in');
      });
    await screenshot('walkthrough-signed-in');
    await runCommand('View: Close Editor'); // the walkthrough tab only (another file may hold an unsaved editor)
  });
});
