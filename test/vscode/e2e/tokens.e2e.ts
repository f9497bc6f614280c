// Enrollment tokens as an admin handles them: create one from the palette, revoke it from the tree.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { eventually, explorerTree, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row, setExpanded } from './explorerHelpers';

describe('Enrollment tokens', () => {
  it('creates a token (with a 7-day lifetime where the API has one), then revokes it from the tree', async () => {
    const { page, emulator, runCommand, quickInput, waitForNotification, screenshot } = e2e();
    // The Chrome Management API v1 has no token expiry (no prompt) and allows one active token per org unit.
    const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
    const hasActive = (path: string) =>
      [...emulator.fleet.tokens.values()].some((t) => t.orgUnitPath === path && emulator.fleet.tokenState(t) === 'active');
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
    await page.waitForFunction(
      (id) =>
        [...document.querySelectorAll('.monaco-list-row')].some((r) => r.textContent?.includes(`Token ${id}`) && r.textContent.includes('revoked')),
      created!.slice(0, 8),
      { timeout: 15_000 },
    );
    await screenshot('token-revoked');
  });

  it('lists every token of the account under "All enrollment tokens" with state, created date and org unit; revoking names them', async () => {
    const { page, emulator, runCommand, screenshot } = e2e();
    const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
    const hasActive = (path: string) =>
      [...emulator.fleet.tokens.values()].some((t) => t.orgUnitPath === path && emulator.fleet.tokenState(t) === 'active');
    // A token created just now, on a nested org unit, is the newest of the account: the first row.
    const ou = emulator.fleet.orgUnits.list().find((u) => u.orgUnitPath.split('/').length === 3 && (!v1 || !hasActive(u.orgUnitPath)))!;
    const token = emulator.fleet.addToken({ orgUnitPath: ou.orgUnitPath });
    const created = token.createTime.slice(0, 10);
    const label = `Token ${token.tokenPermanentId.slice(0, 8)}`;

    await resetTree();
    await runCommand('CBCM: Refresh');
    // As an admin would: wait until the refreshed tree is back (its org units listed) before expanding.
    const topLevel = emulator.fleet.orgUnits.list().filter((u) => u.parentOrgUnitPath === '/')[0];
    await row(topLevel.name, 3).waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(1_000);
    const folder = row('All enrollment tokens', 2);
    await setExpanded(folder, true);
    const first = row(label, 3);
    await first.waitFor({ state: 'visible', timeout: 20_000 });
    const firstUnder = explorerTree().locator('.monaco-list-row[aria-level="3"]').first();
    assert.strictEqual((await firstUnder.locator('.label-name').textContent())?.trim(), label, 'the newest token comes first');
    const text = (await first.textContent()) ?? '';
    assert.ok(text.includes(`active · created ${created} · ${ou.orgUnitPath}`), `the row shows state, created date and org unit: ${text}`);
    const all = [...emulator.fleet.tokens.values()].length;
    // The count arrives with the first page; the row is redrawn a moment later.
    await page.waitForFunction(
      ([el, want]) => new RegExp(want).test((el as Element).textContent ?? ''),
      [await folder.elementHandle(), `All enrollment tokens\\s*${all.toLocaleString('en')} · newest first`] as const,
      { timeout: 10_000 },
    );
    assert.ok(await first.isVisible(), 'the redraw keeps the folder open');
    await screenshot('tokens-all-org-units');

    const dialog = page.locator('.monaco-dialog-box');
    await pickFromContextMenu(first, 'Revoke Enrollment Token…', dialog, 'CBCM: Revoke Enrollment Token…');
    const question = (await dialog.textContent()) ?? '';
    assert.ok(question.includes(`Revoke the enrollment token of ${ou.orgUnitPath}, created ${created}?`), question);
    assert.ok(question.includes(`org unit ${ou.orgUnitPath}, created ${created}`) && question.includes(token.tokenPermanentId), question);
    await screenshot('token-revoke-names-org-unit');
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.strictEqual(emulator.fleet.tokenState(emulator.fleet.tokens.get(token.tokenPermanentId)!), 'active', 'Cancel revokes nothing');
    // Leave the tree as the next files expect it: the root org unit on screen.
    await setExpanded(folder, false);
  });
});
