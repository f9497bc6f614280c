// Enrollment tokens as an admin handles them: create one from the palette, revoke it from the tree.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { eventually, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row, setExpanded } from './explorerHelpers';

describe('Enrollment tokens', () => {
  it('creates a token (with a 7-day lifetime where the API has one), then revokes it from the tree', async () => {
    const { page, emulator, runCommand, quickInput, waitForNotification, screenshot } = e2e();
    // The Chrome Management API v1 has no token expiry (no prompt) and allows one active token per org unit.
    const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
    const hasActive = (path: string) => [...emulator.fleet.tokens.values()].some((t) => t.orgUnitPath === path && emulator.fleet.tokenState(t) === 'active');
    const ou = emulator.fleet.orgUnits.list().find((u) => u.parentOrgUnitPath === '/' && (!v1 || !hasActive(u.orgUnitPath)))!;
    const before = new Set(emulator.fleet.tokens.keys());
    await openExplorerFromActivityBar();

    await runCommand('CBCM: Create Enrollment Token…');
    await quickInput.fill(ou.orgUnitPath);
    await screenshot('token-pick-org-unit');
    await page.keyboard.press('Enter');
    if (!v1) await quickInput.pick('7 days');
    await waitForNotification(`Enrollment token created for ${ou.orgUnitPath}`);
    await screenshot('token-created');
    let created: string | undefined;
    await eventually('the emulator to hold the new token', () => {
      created = [...emulator.fleet.tokens.keys()].find((id) => !before.has(id));
      return created !== undefined;
    });
    const token = emulator.fleet.tokens.get(created!)!;
    assert.strictEqual(token.orgUnitPath, ou.orgUnitPath);
    assert.strictEqual(emulator.fleet.tokenState(token), 'active');

    await resetTree();
    await setExpanded(row(ou.name, 3), true);
    await setExpanded(row('Enrollment tokens', 4), true);
    const tokenRow = row(`Token ${created!.slice(0, 8)}`, 5);
    await tokenRow.waitFor({ state: 'visible', timeout: 20_000 });
    const dialog = page.locator('.monaco-dialog-box');
    await pickFromContextMenu(tokenRow, 'Revoke Enrollment Token…', dialog, 'CBCM: Revoke Enrollment Token…');
    await screenshot('token-revoke-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Revoke$/ }).click();
    await eventually('the emulator to show the token revoked', () => emulator.fleet.tokenState(emulator.fleet.tokens.get(created!)!) === 'revoked');
    await page.waitForFunction((id) => [...document.querySelectorAll('.monaco-list-row')]
      .some((r) => r.textContent?.includes(`Token ${id}`) && r.textContent.includes('revoked')), created!.slice(0, 8), { timeout: 15_000 });
    await screenshot('token-revoked');
  });
});
