// A relative-date query run from the filter box against the emulator: `register:-2d..` is sent as the date two
// days ago (the API knows only absolute times) and lists the browser registered yesterday, not the old one.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { openExplorerFromActivityBar, resetTree, row, setExpanded } from './explorerHelpers';

const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const NEW = `RELDATE-NEW-${stamp}`;
const OLD = `RELDATE-OLD-${stamp}`;

describe('Relative dates in queries', () => {
  const ids: string[] = [];
  before(() => {
    const { emulator } = e2e();
    const day = 86_400_000;
    ids.push(
      emulator.fleet.addBrowser({ machineName: NEW, orgUnitPath: '/', lastRegistrationTime: new Date(Date.now() - day).toISOString() }).deviceId,
    );
    ids.push(
      emulator.fleet.addBrowser({ machineName: OLD, orgUnitPath: '/', lastRegistrationTime: new Date(Date.now() - 400 * day).toISOString() })
        .deviceId,
    );
  });
  after(async () => {
    const { emulator, runCommand } = e2e();
    for (const id of ids) emulator.fleet.deleteBrowser(id);
    await runCommand('CBCM: Clear Filter').catch(() => undefined);
    // "All browsers" open pushes the org units out of sight; the files after this one start from the usual tree.
    await resetTree();
  });

  it('runs register:-2d.. as an absolute date and lists only the recent browser', async () => {
    const { page, emulator, runCommand, quickInput, screenshot } = e2e();
    await openExplorerFromActivityBar();
    const since = emulator.requestLog.list().at(-1)?.seq ?? 0;
    await runCommand('CBCM: Filter Browsers…');
    const widget = await quickInput.waitForOpen();
    if (
      await widget
        .locator('.quick-input-title', { hasText: 'recent queries' })
        .isVisible()
        .catch(() => false)
    )
      await quickInput.pick(/New query/);
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Filter browsers' }).waitFor({ state: 'visible', timeout: 10_000 });
    await quickInput.fill(`machine_name:RELDATE register:-2d..`, { submit: true });
    await resetTree();
    await setExpanded(row('All browsers', 2), true);
    await row(NEW, 3).waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('relative-date-filter');
    assert.strictEqual(await row(OLD, 3).count(), 0, 'the browser registered 400 days ago is not listed');
    const sent = emulator.requestLog
      .list(since)
      .map((r) => decodeURIComponent(r.path.replace(/\+/g, ' ')))
      .filter((p) => /chromebrowsers/i.test(p) && p.includes('RELDATE'));
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    assert.ok(sent.length > 0, 'a filtered listing was sent');
    for (const p of sent) {
      assert.ok(!p.includes('-2d'), `the relative time reached the API: ${p}`);
      assert.ok(p.includes(twoDaysAgo), `expected ${twoDaysAgo} in ${p}`);
    }
  });
});
