// Shared by the explorer E2E files: rows of the CBCM tree by label and depth, and waiting on the emulator.
import type { Locator } from 'playwright-core';
import { e2e, exactly } from '../harness/fixture';

/** The explorer's tree (not the file explorer's). */
export function explorerTree(): Locator {
  return e2e().page.locator('[id="workbench.view.extension.cbcm"] .monaco-list[role="tree"]').first();
}

/** A row of the CBCM tree; `level` is the aria-level (1 = account, 2 = root OU, 3 = top-level OUs…). */
export function row(label: string | RegExp, level?: number): Locator {
  const { page } = e2e();
  const rows = explorerTree().locator(level ? `.monaco-list-row[aria-level="${level}"]` : '.monaco-list-row');
  return rows.filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/** Clicks the activity bar item unless the view is already showing (a second click would close the side bar). */
export async function openExplorerFromActivityBar(waitForTree = true): Promise<void> {
  const { page } = e2e();
  const view = page.locator('[id="workbench.view.extension.cbcm"]');
  if (!(await view.isVisible().catch(() => false))) {
    await page.locator('.activitybar .action-item a[aria-label^="Chrome Browsers"]').first().click();
    await page.mouse.move(700, 500); // away from the activity bar, so no tooltip covers the tree
  }
  await view.waitFor({ state: 'visible', timeout: 15_000 });
  if (waitForTree) await row('All org units (/)').waitFor({ state: 'visible', timeout: 30_000 });
}

export async function isExpanded(r: Locator): Promise<boolean> {
  return (await r.getAttribute('aria-expanded')) === 'true';
}

/** Clicks a collapsible row until it has the wanted state (a click toggles it). */
export async function setExpanded(r: Locator, expanded: boolean): Promise<void> {
  await r.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await isExpanded(r)) !== expanded) await r.click();
  await e2e().page.waitForFunction(
    ([el, want]) => (el as Element).getAttribute('aria-expanded') === String(want),
    [await r.elementHandle(), expanded] as const,
    { timeout: 15_000 },
  );
}

/** Polls until `check` holds (the emulator object lives in this process). */
export async function eventually(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Collapses everything, then shows the account's two top rows: a known starting point for each test. */
export async function resetTree(): Promise<void> {
  const { page } = e2e();
  await openExplorerFromActivityBar(false);
  const view = page.locator('[id="workbench.view.extension.cbcm"]');
  await view.hover();
  await page.locator('.part.sidebar a.action-label[aria-label="Collapse All"]:visible').first().click();
  const account = explorerTree().locator('.monaco-list-row[aria-level="1"]').first();
  await setExpanded(account, true);
  await setExpanded(row('All org units (/)', 2), true);
}

/**
 * Reveals the last row of the tree: focus the list, press End. (The list renders only what is on screen, and the
 * mouse wheel is unreliable there: a row's hover card takes the wheel events.)
 */
export async function revealEndUntil(target: Locator, timeoutMs = 20_000): Promise<void> {
  const { page } = e2e();
  const deadline = Date.now() + timeoutMs;
  await page.mouse.move(700, 500);
  // A page may still be loading: the end moves, so reveal it again until the row shows.
  while (!(await target.isVisible().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('the row did not appear at the end of the tree');
    await explorerTree().focus();
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
  }
}

/**
 * Runs a context-menu entry of a tree row and waits for `shows` (the dialog or input it opens).
 * Mouse clicks on code-server's context menu sometimes land while the menu is still animating and never reach the
 * command, so the row is selected and the menu driven from the keyboard (Shift+F10, arrows, Enter); should VS Code
 * still not react, the same command runs from the palette on the selected row, as an admin at the keyboard would.
 * `keepSelection`: the rows are already selected (a multi-selection) and focused; do not click.
 */
export async function pickFromContextMenu(
  target: Locator,
  entry: string,
  shows: Locator,
  paletteTitle = entry,
  options: { keepSelection?: boolean } = {},
): Promise<void> {
  const { page, runCommand } = e2e();
  const appeared = (ms: number) =>
    shows.waitFor({ state: 'visible', timeout: ms }).then(
      () => true,
      () => false,
    );
  for (let attempt = 0; attempt < 2; attempt++) {
    // A click would replace a multi-selection; the focused row of the selection opens the menu for all of it.
    if (!options.keepSelection) await target.click();
    await page.keyboard.press('Shift+F10');
    const menu = page.locator('.context-view .monaco-menu');
    if (
      !(await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const count = await menu.locator('.action-item:not(.disabled) .action-label:not(.separator)').count();
    for (let i = 0; i < count + 1; i++) {
      await page.keyboard.press('ArrowDown');
      const focused = await menu
        .locator('.action-item.focused')
        .textContent()
        .catch(() => '');
      if (focused?.includes(entry)) {
        await page.keyboard.press('Enter');
        break;
      }
    }
    if (await appeared(5_000)) return;
    await page.keyboard.press('Escape');
  }
  if (!options.keepSelection) await target.click();
  await runCommand(paletteTitle);
  if (!(await appeared(10_000))) throw new Error(`"${entry}" did not open what it should, neither from the context menu nor from the palette`);
}

/** The labels of a tree row's context menu (Shift+F10 on the selected row, as pickFromContextMenu opens it); closes it. */
export async function contextMenuLabels(target: Locator): Promise<string[]> {
  const { page } = e2e();
  const menu = page.locator('.context-view .monaco-menu');
  for (let attempt = 0; attempt < 3; attempt++) {
    await target.click();
    await page.keyboard.press('Shift+F10');
    if (
      !(await menu.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const labels = (await menu.locator('.action-item .action-label:not(.separator)').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await page.keyboard.press('Escape');
    if (labels.length > 0) return labels;
  }
  throw new Error('the context menu did not open');
}
