// Bulk work from a fleet overview bar, as an admin does it in the installed extension (Production: a real modal
// confirmation): choose a bar with the keyboard, open its context menu, "Move All Matching…", confirm the exact
// count; the emulator (in this process) holds the result. A right-click on a bar offers the same entries.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { eventually, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row } from './explorerHelpers';
import { barCenterIn, figuresIn, overviewFrameFor } from './overviewHelpers';

describe('Fleet overview bulk actions', () => {
  const dialog = () => e2e().page.locator('.monaco-dialog-box');

  after(async () => {
    await e2e()
      .runCommand('View: Close All Editors')
      .catch(() => undefined);
  });

  it('moves every browser of a Chrome-version bar from its context menu, chosen with the keyboard', async () => {
    const { page, emulator, quickInput, screenshot } = e2e();
    const from = emulator.fleet.orgUnits.add('/E2E Bar Bulk');
    const to = emulator.fleet.orgUnits.add('/E2E Bar Bulk Dest');
    const on131 = [0, 1, 2].map(
      (i) => emulator.fleet.addBrowser({ machineName: `E2E-BAR-${i}`, orgUnitPath: from.orgUnitPath, browserVersions: ['131.0.6778.86'] }).deviceId,
    );
    const on130 = emulator.fleet.addBrowser({
      machineName: 'E2E-BAR-OLD',
      orgUnitPath: from.orgUnitPath,
      browserVersions: ['130.0.6723.92'],
    }).deviceId;

    await openExplorerFromActivityBar();
    await resetTree();
    await e2e().runCommand('CBCM: Refresh');
    const tab = page.locator('.tab', { hasText: `Fleet Overview: ${from.orgUnitPath}` }).first();
    await pickFromContextMenu(row('E2E Bar Bulk', 3), 'Open Fleet Overview', tab, 'CBCM: Open Fleet Overview');
    const frame = await overviewFrameFor(from.orgUnitPath);
    const figures = await figuresIn(frame);
    const versions = figures.charts.find((c) => c.id === 'versions')!;
    const index = versions.categories.findIndex((c) => c.key === '131');
    assert.ok(index >= 0 && versions.categories[index].count === 3, `a Chrome 131 bar of 3: ${JSON.stringify(versions.categories)}`);

    // A right-click on the bar offers the bulk entries (VS Code's own menu, in the theme's colours).
    const canvas = frame.locator('canvas[data-chart="versions"]');
    await canvas.scrollIntoViewIfNeeded();
    const center = await barCenterIn(frame, 'versions', index);
    assert.ok(center, 'the bar is drawn');
    await canvas.click({ button: 'right', position: center });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const labels = (await menu.locator('.action-item .action-label:not(.separator)').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await screenshot('overview-bar-context-menu');
    await page.keyboard.press('Escape');
    assert.deepStrictEqual(labels, ['Filter Explorer to This Bar', 'Move All Matching…', 'Set Annotations on All Matching…', 'Delete All Matching…']);

    // The keyboard: focus the chart, choose the bar with the arrow keys (announced), Shift+F10 opens its menu.
    await canvas.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
    await frame.waitForFunction((i) => document.querySelector('canvas[data-chart="versions"]')?.getAttribute('data-selected') === String(i), index, {
      timeout: 10_000,
    });
    const announced = (await frame.locator(`#chart-versions [role="status"]`).textContent()) ?? '';
    assert.match(announced, /^Chrome 131: 3 browsers\. .*Shift\+F10/);
    const picker = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Move 3 browsers to…' });
    // The palette fallback names a hidden command on purpose: the entry must come from the bar's menu.
    await pickFromContextMenu(canvas, 'Move All Matching…', picker, 'CBCM: Filter Explorer to This Bar', { keepSelection: true });
    await quickInput.fill(to.orgUnitPath);
    await quickInput.pick(new RegExp(to.orgUnitPath));
    await dialog().waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await dialog().textContent()) ?? '';
    await screenshot('overview-bar-move-confirm');
    assert.match(text, /Move 3 browsers to \/E2E Bar Bulk Dest\?/);
    assert.match(text, /\/E2E Bar Bulk: 3/);
    await dialog()
      .locator('.monaco-button', { hasText: /^Move 3$/ })
      .first()
      .click();
    await eventually(
      'the three Chrome 131 browsers to be moved',
      () => on131.every((id) => emulator.fleet.browsers.get(id)!.orgUnitPath === to.orgUnitPath),
      60_000,
    );
    assert.strictEqual(emulator.fleet.browsers.get(on130)!.orgUnitPath, from.orgUnitPath, 'the Chrome 130 browser stays');
  });
});
