// A read-only sign-in as an admin makes it: cbcm.accessLevel = readOnly in the user settings (JSON), then the sign-in
// through the UI. The explorer's context menu then offers no write command (edit, move, delete); copying and
// opening stay. Signed in again read-write at the end, so the files after this one keep a writable account.
import * as assert from 'assert';
import { e2e } from '../harness/fixture';
import { explorerTree, contextMenuLabels, resetTree, row, setExpanded } from './explorerHelpers';
import { signInWithKeyThroughUi } from './signInHelpers';

const WRITE_ENTRIES = ['Edit Annotation…', 'Move to Org Unit…', 'Delete Browser…'];

/**
 * Edits the user settings as an admin does: "Preferences: Open User Settings (JSON)", a line inserted after the
 * opening brace (readOnly), or that line deleted again (readWrite, the default), then save.
 */
async function setAccessLevel(level: 'readOnly' | 'readWrite'): Promise<void> {
  const { page, runCommand } = e2e();
  await runCommand('Preferences: Open User Settings (JSON)');
  const editor = page.locator('.part.editor .monaco-editor').first();
  await editor.waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator('.part.editor .tabs-container .tab.active', { hasText: 'settings.json' }).waitFor({ state: 'visible', timeout: 20_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Home');
  if (level === 'readOnly') {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('"cbcm.accessLevel": "readOnly",');
  } else {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  await page
    .locator('.part.editor .tabs-container .tab.active.dirty')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // Only this editor: "Close All" would stop at a save question for an unsaved file another test left open.
  await runCommand('View: Close Editor');
}

async function firstBrowserRow() {
  await resetTree();
  // Only "All browsers" open: its first child row is a browser (the org units below stay closed).
  await setExpanded(row('All org units (/)', 2), false);
  await setExpanded(row('All browsers', 2), true);
  const first = explorerTree()
    .locator('.monaco-list-row[aria-level="3"]')
    .filter({ hasNot: e2e().page.locator('.label-name', { hasText: /^Load more/ }) })
    .first();
  await first.waitFor({ state: 'visible', timeout: 30_000 });
  return first;
}

describe('Read-only account', () => {
  after(async function () {
    this.timeout(120_000);
    await setAccessLevel('readWrite');
    await signInWithKeyThroughUi();
    // "All browsers" open pushes the org units out of sight; the files after this one start from the usual tree.
    await resetTree();
  });

  it('has no write commands in the explorer context menu', async function () {
    this.timeout(120_000);
    const { screenshot } = e2e();
    // Before: the writable account sees them (so their absence below means something).
    const before = await contextMenuLabels(await firstBrowserRow());
    for (const entry of WRITE_ENTRIES) assert.ok(before.includes(entry), `read-write menu lacks ${entry}: ${before.join(', ')}`);

    await setAccessLevel('readOnly');
    await signInWithKeyThroughUi();
    let after: string[] = [];
    const deadline = Date.now() + 20_000;
    do {
      after = await contextMenuLabels(await firstBrowserRow());
    } while (WRITE_ENTRIES.some((e) => after.includes(e)) && Date.now() < deadline);
    await screenshot('read-only-context-menu');
    for (const entry of WRITE_ENTRIES) assert.ok(!after.includes(entry), `read-only menu still offers ${entry}: ${after.join(', ')}`);
    assert.ok(after.includes('Copy Device ID'), `read-only menu lost the copy entries: ${after.join(', ')}`);
    assert.ok(after.includes('Open Browser Details'));
  });
});
