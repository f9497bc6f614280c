// Issue 20 in the real VS Code, as an admin works: a single click in the tree previews (one reused tab, the focus
// stays in the tree), a double click or Enter pins (item 6); Ctrl+S saves from the panel, the tab marks unsaved
// edits, the focus stays in the field, and unsaved edits come back after closing the tab or reloading (items 1,
// 19); a move, an edit and a delete made in the tree update the open panel, and signing out closes it (item 5).
import * as assert from 'assert';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { e2e } from '../harness/fixture';
import { signInThroughUi } from '../harness/uiSignIn';
import {
  deviceFrame,
  detailsTabTitles,
  focusIsIn,
  inputOf,
  openDetailsFromPalette,
  waitForAnyFrame,
  waitForDetailsTab,
  waitForDetailsTabs,
} from './detailsHelpers';
import { eventually, explorerTree, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row, setExpanded } from './explorerHelpers';

const stamp = Date.now().toString(36);
// "A …" sorts them among the first org units, so their rows are on screen without scrolling.
const OU = `A E2E details lifecycle ${stamp}`;
const TARGET_OU = `/A E2E details target ${stamp}`;
const ids = { one: `e2e-lc-one-${stamp}`, two: `e2e-lc-two-${stamp}`, move: `e2e-lc-move-${stamp}`, del: `e2e-lc-del-${stamp}` };
const NAMES = { one: 'E2E-LC-ONE', two: 'E2E-LC-TWO', move: 'E2E-LC-MOVE', del: 'E2E-LC-DEL' };

/** A browser row of the lifecycle org unit (level 5: account › / › OU › Browsers › browser). */
const browserRow = (name: string) => row(name, 5);

async function showLifecycleBrowsers(): Promise<void> {
  await openExplorerFromActivityBar();
  await resetTree();
  await setExpanded(row(OU, 3), true);
  await setExpanded(row('Browsers', 4), true);
  await browserRow(NAMES.one).waitFor({ state: 'visible', timeout: 20_000 });
}

async function closeAllEditors(): Promise<void> {
  await e2e().runCommand('View: Close All Editors');
  await waitForDetailsTabs([]);
}

/** The visible panel's "Organizational unit" in its overview. */
async function orgUnitShown(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const dt = Array.from(document.querySelectorAll('.fields dt')).find((d) => d.textContent === 'Organizational unit');
    return dt?.nextElementSibling?.textContent ?? '';
  });
}

describe('Device details panel: preview, save, drafts, changes elsewhere', function () {
  before(async () => {
    const { emulator, runCommand } = e2e();
    emulator.fleet.orgUnits.add(`/${OU}`);
    emulator.fleet.orgUnits.add(TARGET_OU);
    // ONE has a machine policy with an error: the header's warning badge.
    emulator.fleet.addBrowser({
      deviceId: ids.one,
      machineName: NAMES.one,
      orgUnitPath: `/${OU}`,
      machinePolicies: [{ name: 'BrokenPolicy', value: '1', source: 'MACHINE_PLATFORM', error: 'Unknown policy.' }],
    });
    emulator.fleet.addBrowser({ deviceId: ids.two, machineName: NAMES.two, orgUnitPath: `/${OU}` });
    emulator.fleet.addBrowser({ deviceId: ids.move, machineName: NAMES.move, orgUnitPath: `/${OU}` });
    emulator.fleet.addBrowser({ deviceId: ids.del, machineName: NAMES.del, orgUnitPath: `/${OU}` });
    await runCommand('View: Close All Editors');
    await runCommand('CBCM: Refresh');
    await showLifecycleBrowsers();
  });

  it('previews on a single click with the focus left in the tree; double click and Enter pin', async () => {
    const { page, screenshot } = e2e();
    await browserRow(NAMES.one).click();
    await waitForDetailsTabs([`Browser: ${NAMES.one} (preview)`]);
    await deviceFrame(30_000, ids.one);
    assert.strictEqual(await focusIsIn(), 'tree', 'a preview leaves the focus in the tree');
    await screenshot('details-lifecycle-preview');

    // The keyboard still works in the tree: move down and press Enter → pinned, and the panel takes the focus.
    // (Which browser is next depends on the API's listing order, which differs between the API versions.)
    await page.keyboard.press('ArrowDown');
    const next = (await explorerTree().locator('.monaco-list-row.focused .label-name').innerText()).trim();
    assert.ok([NAMES.two, NAMES.move, NAMES.del].includes(next), `ArrowDown focused ${next}`);
    await page.keyboard.press('Enter');
    const pinned = [`Browser: ${NAMES.one} (preview)`, `Browser: ${next}`];
    // On a loaded machine the workbench can take the key before the tree's focus context has settled after the
    // preview opened, and drop it: if nothing opened and the tree still has the row focused, press Enter again.
    if (
      !(await waitForDetailsTabs(pinned, 5_000).then(
        () => true,
        () => false,
      ))
    ) {
      const focused = (await explorerTree().locator('.monaco-list-row.focused .label-name').innerText()).trim();
      assert.strictEqual(focused, next, 'Enter moved the tree focus instead of opening the browser');
      console.log('    (Enter was dropped once; pressed again)');
      await page.keyboard.press('Enter');
      await waitForDetailsTabs(pinned);
    }
    await page.waitForFunction(
      () => document.activeElement instanceof HTMLIFrameElement || !!document.activeElement?.closest('.webview'),
      undefined,
      { timeout: 10_000 },
    );
    assert.strictEqual(await focusIsIn(), 'webview', 'Enter opens the browser pinned and focused');

    // Another single click reuses the preview tab.
    const other = [NAMES.two, NAMES.move].find((n) => n !== next)!;
    await page.waitForTimeout(600); // not a double click with the click before
    await browserRow(other).click();
    // With the focus in the webview, the first click on the tree is sometimes taken as focusing it only (seen on
    // a loaded machine): click once more, as an admin would, if the preview did not change.
    await waitForDetailsTabs([`Browser: ${other} (preview)`, `Browser: ${next}`], 8_000).catch(async () => {
      console.log('    (the click on the tree was dropped once; clicked again)');
      await page.waitForTimeout(600);
      await browserRow(other).click();
      await waitForDetailsTabs([`Browser: ${other} (preview)`, `Browser: ${next}`]);
    });
    assert.strictEqual(await focusIsIn(), 'tree');

    // A double click pins (the preview tab becomes ONE's own tab) and moves the focus to it.
    await page.waitForTimeout(600);
    await browserRow(NAMES.one).dblclick();
    await waitForDetailsTabs([`Browser: ${NAMES.one}`, `Browser: ${next}`]);
    await deviceFrame(30_000, ids.one);
    await page.waitForFunction(
      () => document.activeElement instanceof HTMLIFrameElement || !!document.activeElement?.closest('.webview'),
      undefined,
      { timeout: 10_000 },
    );
    await screenshot('details-lifecycle-pinned');
  });

  it('saves with Ctrl+S from a field, marks unsaved edits in the tab, and leaves the focus in the field', async () => {
    const { emulator, page, screenshot } = e2e();
    const frame = await deviceFrame(30_000, ids.one);
    const value = `ctrl-s ${stamp}`;
    await inputOf(frame, 'annotatedUser').fill(value);
    await waitForDetailsTab(NAMES.one, `● Browser: ${NAMES.one}`);
    await page.keyboard.press('Control+S');
    await frame.locator('.form-status', { hasText: /^Saved\.$/ }).waitFor({ timeout: 15_000 });
    assert.strictEqual(emulator.fleet.browsers.get(ids.one)?.annotatedUser, value);
    await waitForDetailsTab(NAMES.one, `Browser: ${NAMES.one}`);
    // Item 19: the focus is back where the admin was (the field), not on the page.
    await frame.waitForFunction(() => document.activeElement?.id === 'field-annotatedUser', undefined, { timeout: 5_000 });
    assert.strictEqual(await focusIsIn(), 'webview');
    // Ctrl+S with nothing to save says so instead of doing nothing.
    await page.keyboard.press('Control+S');
    await frame.locator('.form-status', { hasText: 'No unsaved changes.' }).waitFor({ timeout: 10_000 });
    // Saved with the Save button, which is then disabled (nothing left to save) and cannot hold the focus: the
    // result line right below it takes it, not the page.
    await inputOf(frame, 'annotatedUser').fill(`${value} 2`);
    await frame.locator('#save').click();
    await frame.locator('.form-status', { hasText: /^Saved\.$/ }).waitFor({ timeout: 15_000 });
    await frame.waitForFunction(() => document.activeElement?.classList.contains('form-status') ?? false, undefined, { timeout: 5_000 });
    await screenshot('details-lifecycle-saved');
  });

  it('marks the policy error with a warning badge: theme warning colours, an icon and words', async () => {
    const frame = await deviceFrame(30_000, ids.one);
    const probe = await frame.evaluate(() => {
      const badge = document.querySelector('.status-badge.warning');
      const icon = badge?.querySelector('svg');
      // What the theme's warning colours resolve to here (CSSOM, which the CSP allows, unlike style attributes).
      const ref = document.createElement('span');
      ref.style.color = 'var(--vscode-editorWarning-foreground)';
      ref.style.borderTopColor = 'var(--vscode-inputValidation-warningBorder)';
      ref.style.borderTopStyle = 'solid';
      document.body.appendChild(ref);
      const want = { color: getComputedStyle(ref).color, border: getComputedStyle(ref).borderTopColor };
      ref.remove();
      return {
        text: badge?.textContent ?? '',
        iconColor: icon ? getComputedStyle(icon).color : 'no icon',
        border: badge ? getComputedStyle(badge).borderTopColor : 'no badge',
        borderStyle: badge ? getComputedStyle(badge).borderTopStyle : '',
        want,
      };
    });
    assert.match(probe.text, /Warning: 1 policy error/);
    assert.strictEqual(probe.iconColor, probe.want.color, 'the icon has the theme warning colour');
    assert.strictEqual(probe.border, probe.want.border, 'the badge has the theme warning border');
    assert.strictEqual(probe.borderStyle, 'solid');
    // The header's count says what it counts, next to the overview's reported total.
    assert.match(await frame.locator('.badges .summary').innerText(), /listed below$/);
  });

  it('keeps unsaved edits after the tab is closed and after a reload, and offers them back (Restore / Discard)', async () => {
    const { emulator, page, screenshot } = e2e();
    const saved = emulator.fleet.browsers.get(ids.one)?.annotatedLocation ?? '';
    const draft = `draft ${stamp}`;
    let frame = await deviceFrame(30_000, ids.one);
    await inputOf(frame, 'annotatedLocation').fill(draft);
    await waitForDetailsTab(NAMES.one, `● Browser: ${NAMES.one}`);
    await closeAllEditors();

    // Open it again: the draft is offered, the form is locked until the admin chooses.
    frame = await openDetailsFromPalette(ids.one);
    const offer = frame.locator('.draft-offer:not([hidden])');
    await offer.waitFor({ timeout: 15_000 });
    assert.match(await offer.innerText(), /Unsaved changes from before[\s\S]*Location/);
    assert.strictEqual(await inputOf(frame, 'annotatedLocation').inputValue(), saved);
    assert.strictEqual(await inputOf(frame, 'annotatedLocation').isDisabled(), true);
    await screenshot('details-lifecycle-draft-offer');
    await frame.locator('#draft-restore').click();
    assert.strictEqual(await inputOf(frame, 'annotatedLocation').inputValue(), draft);
    await waitForDetailsTabs([`● Browser: ${NAMES.one}`]);

    // "Developer: Reload Window": the restored panel offers the draft again.
    await e2e().reloadWindow();
    frame = await deviceFrame(60_000, ids.one);
    await frame.locator('.draft-offer:not([hidden])').waitFor({ timeout: 30_000 });
    await frame.locator('#draft-discard').click();
    assert.strictEqual(await inputOf(frame, 'annotatedLocation').inputValue(), saved);
    await waitForDetailsTabs([`Browser: ${NAMES.one}`]);
    assert.strictEqual(emulator.fleet.browsers.get(ids.one)?.annotatedLocation ?? '', saved, 'nothing was saved by restoring or discarding');

    // Discarded means gone: opening it again offers nothing.
    await closeAllEditors();
    frame = await openDetailsFromPalette(ids.one);
    await page.waitForTimeout(500);
    assert.strictEqual(await frame.locator('.draft-offer:not([hidden])').count(), 0);
    await closeAllEditors();
  });

  it('follows an edit, a move and a delete made in the tree', async () => {
    const { page, emulator, quickInput, screenshot } = e2e();
    await showLifecycleBrowsers();
    await browserRow(NAMES.move).dblclick();
    let frame = await deviceFrame(30_000, ids.move);
    assert.strictEqual(await orgUnitShown(frame), `/${OU}`);

    // Edit Annotation in the tree → the panel's form shows the new value.
    const edited = `edited in the tree ${stamp}`;
    await pickFromContextMenu(browserRow(NAMES.move), 'Edit Annotation…', page.locator('.quick-input-widget', { hasText: 'Annotate' }));
    await quickInput.pick('Location');
    await quickInput.fill(edited, { submit: true });
    await eventually('the emulator to hold the edit', () => emulator.fleet.browsers.get(ids.move)?.annotatedLocation === edited);
    frame = await deviceFrame(30_000, ids.move);
    // (The control's <input> is in its shadow root; the host element carries the value.)
    await frame.waitForFunction((v) => document.querySelector<HTMLInputElement>('#field-annotatedLocation')?.value === v, edited, {
      timeout: 15_000,
    });

    // Move to Org Unit in the tree → the panel shows the new org unit.
    await pickFromContextMenu(browserRow(NAMES.move), 'Move to Org Unit…', page.locator('.quick-input-widget', { hasText: 'Move 1 browser' }));
    await quickInput.pick(TARGET_OU);
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Move$/ });
    if (
      await confirm.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      await confirm.click();
    await eventually('the emulator to hold the move', () => emulator.fleet.browsers.get(ids.move)?.orgUnitPath === TARGET_OU);
    await waitForAnyFrame(async (f) => (await orgUnitShown(f)) === TARGET_OU, 20_000);
    await screenshot('details-lifecycle-moved');

    // Delete Browser in the tree → its panel says so and shows nothing of the device any more.
    await browserRow(NAMES.del).dblclick();
    await deviceFrame(30_000, ids.del);
    await pickFromContextMenu(browserRow(NAMES.del), 'Delete Browser…', page.locator('.monaco-dialog-box'));
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Delete$/ }).click();
    await eventually('the emulator to lose the browser', () => !emulator.fleet.browsers.has(ids.del));
    await waitForDetailsTabs([`Browser: ${NAMES.move}`, `Browser: ${NAMES.del} (deleted)`]);
    const blank = await waitForAnyFrame(
      (f) => f.evaluate(() => /Browser deleted/.test(document.querySelector('.load-error:not([hidden])')?.textContent ?? '')),
      20_000,
    );
    assert.strictEqual(await blank.locator('.sections vscode-collapsible').count(), 0, 'no device data stays on the page');
    assert.strictEqual(await blank.locator('#annotations').isHidden(), true);
    await screenshot('details-lifecycle-deleted');
  });

  it('closes the panels on sign-out; unsaved edits wait as a draft for the next sign-in', async () => {
    const { page, emulator, runCommand, quickInput, waitForText, workspaceDir } = e2e();
    await closeAllEditors();
    let frame = await openDetailsFromPalette(ids.two);
    await inputOf(frame, 'annotatedAssetId').fill(`asset ${stamp}`);
    await waitForDetailsTabs([`● Browser: ${NAMES.two}`]);

    await runCommand('CBCM: Sign Out…');
    if (
      await quickInput.waitForOpen(3_000).then(
        () => true,
        () => false,
      )
    )
      await page.keyboard.press('Enter');
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Sign Out$/ });
    if (
      await confirm.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      await confirm.click();
    await waitForDetailsTabs([], 20_000);
    assert.deepStrictEqual(await detailsTabTitles(), []);
    await waitForText('Sign in to see the Chrome browsers', 20_000);

    // Sign in again as the same admin: the draft is offered back.
    await signInThroughUi(e2e(), emulator, path.dirname(workspaceDir));
    frame = await openDetailsFromPalette(ids.two);
    await frame.locator('.draft-offer:not([hidden])').waitFor({ timeout: 15_000 });
    await frame.locator('#draft-discard').click();
    await closeAllEditors();
  });
});
