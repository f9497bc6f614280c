// Issue 13, item 1, in the mode users run: another installed extension (test/vscode/e2e/callerExtension) calls
// "Create Enrollment Token" with automation arguments (an org unit and a lifetime). The installed CBCM Explorer
// (Production mode) must ignore them — the admin is asked as usual — and must not hand the token value back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { e2e } from '../harness/fixture';
import { eventually, openExplorerFromActivityBar } from './explorerHelpers';

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
});
