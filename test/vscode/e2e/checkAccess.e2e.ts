// CBCM: Check Access as an admin runs it after setting up domain-wide delegation: a scope left out of the
// delegation is named, with the pre-filled delegation page offered; with it added back, every check works.
import * as assert from 'assert';
import { DEFAULT_DELEGATED_SCOPES, SCOPES } from '../../emulator/auth';
import { e2e } from '../harness/fixture';
import { openExplorerFromActivityBar } from './explorerHelpers';

describe('Check Access', () => {
  afterEach(() => e2e().emulator.setDelegatedScopes(DEFAULT_DELEGATED_SCOPES));

  it('names the scope domain-wide delegation lacks and offers the delegation page', async () => {
    const { emulator, runCommand, waitForNotification, screenshot } = e2e();
    await openExplorerFromActivityBar();
    emulator.setDelegatedScopes(DEFAULT_DELEGATED_SCOPES.filter((s) => s !== SCOPES.orgUnitsReadonly));
    await runCommand('CBCM: Check Access');
    const toast = await waitForNotification(
      /Check Access: .*missing: Org units: read \(https:\/\/www\.googleapis\.com\/auth\/admin\.directory\.orgunit\.readonly\)/,
      30_000,
    );
    await screenshot('check-access-missing-scope');
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Open Delegation Page' }).isVisible());
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Copy Client ID' }).isVisible());
  });

  it('says every check works once delegation lists every scope', async () => {
    const { runCommand, waitForNotification, screenshot } = e2e();
    await runCommand('CBCM: Check Access');
    await waitForNotification(/Check Access: 4 of 4 work\./, 30_000);
    await screenshot('check-access-all-work');
  });
});
