// What an E2E test (test/vscode/e2e/*.e2e.ts) works with: the Playwright page showing the real VS Code
// workbench (the .vsix installed, signed in to the emulator), the emulator object, and helpers that drive the
// workbench the way a user does. Get it with `e2e()` inside a test or hook.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';
import type { Emulator } from '../../emulator';
import { screenshotsDir } from './paths';
import type { StartupFacts } from './uiSignIn';

export interface E2eFixture {
  page: Page;
  emulator: Emulator;
  /** http://127.0.0.1:<port> of the VS Code server. */
  origin: string;
  /** The folder the workbench has open (throw-away). */
  workspaceDir: string;

  /** Runs a command through the command palette (F1), by its full title as shown there, e.g. "CBCM: Show Output Log". */
  runCommand(title: string): Promise<void>;
  /** Opens a view by its name through "View: Open View" quick access, e.g. "Browsers". */
  openView(name: string): Promise<void>;
  /** A tree row (any tree: CBCM views, Explorer...) whose label is exactly `label` (or matches the RegExp). */
  treeItem(label: string | RegExp): Locator;
  waitForTreeItem(label: string | RegExp, timeoutMs?: number): Promise<Locator>;
  clickTreeItem(label: string | RegExp, options?: { double?: boolean; button?: 'left' | 'right' }): Promise<Locator>;
  /** The visible quick pick / input box. */
  quickInput: {
    waitForOpen(timeoutMs?: number): Promise<Locator>;
    /** Types into the quick input (replacing its text), optionally pressing Enter. */
    fill(text: string, options?: { submit?: boolean }): Promise<void>;
    /** Picks the item whose label is exactly `label` (or matches the RegExp). */
    pick(label: string | RegExp): Promise<void>;
  };
  /** A notification toast containing `text`. */
  waitForNotification(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** Waits until `text` is visible anywhere on the workbench. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /**
   * The frame of a webview (VS Code nests each webview's content two iframes deep) that contains an element
   * matching `selector`; use its locator(), evaluate()...
   */
  webview(selector: string, timeoutMs?: number): Promise<Frame>;
  /** Keyboard: `press('Control+Shift+P')`, `type('hello')`. */
  press(keys: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Waits until the workbench is usable: activity bar and status bar rendered, no window reload under way. */
  waitForWorkbench(timeoutMs?: number): Promise<void>;
  /** "Developer: Reload Window", then waits for the new workbench (the page navigates and renders again). */
  reloadWindow(): Promise<void>;
  /** What the session saw while signing in through the UI (uiSignIn.ts). */
  startup?: StartupFacts;
}

let current: E2eFixture | undefined;

/** The running workbench; only valid inside the E2E harness (npm run test:e2e). */
export function e2e(): E2eFixture {
  if (!current) throw new Error('e2e() is only available in tests run by the E2E harness: npm run test:e2e');
  return current;
}

export function setFixture(fixture: E2eFixture | undefined): void {
  current = fixture;
}

export function exactly(label: string | RegExp): RegExp {
  return typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function screenshotName(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'screenshot'
  );
}

export function createFixture(init: { page: Page; emulator: Emulator; origin: string; workspaceDir: string }): E2eFixture {
  const { page } = init;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const rows = widget.locator('.quick-input-list .monaco-list-row');

  const quickInput: E2eFixture['quickInput'] = {
    async waitForOpen(timeoutMs = 10_000) {
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      return widget;
    },
    async fill(text, options) {
      await quickInput.waitForOpen();
      await input.fill(text);
      if (options?.submit) await input.press('Enter');
    },
    async pick(label) {
      const row = rows.filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click();
    },
  };

  async function waitForWorkbench(timeoutMs = 60_000): Promise<void> {
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /**
   * Opens the command palette (F1) and types `prefixedText`. F1 can be lost: a webview's iframe holds the focus (its
   * document gets the key), or the workbench is still starting after a reload (keybindings not registered yet). So
   * the focus is taken back from any iframe, and F1 is pressed again until the palette shows or 20 s have passed.
   */
  async function openQuickAccess(prefixedText: string): Promise<void> {
    // Escape first: F1 toggles nothing if a quick input is already open, but typing would go into it.
    if (await widget.isVisible()) await page.keyboard.press('Escape');
    const deadline = Date.now() + 20_000;
    for (let attempt = 1; ; attempt++) {
      await waitForWorkbench(Math.max(1_000, deadline - Date.now()));
      await page.evaluate(() => {
        const focused = document.activeElement;
        if (focused instanceof HTMLIFrameElement) focused.blur();
      });
      await page.keyboard.press('F1');
      // The palette can open and close again at once: a webview or editor that was still settling takes the focus,
      // and a quick input closes when it loses the focus. So typing is part of the attempt, and it is retried.
      const typed = await input
        .waitFor({ state: 'visible', timeout: 2_000 })
        .then(() => input.fill(prefixedText, { timeout: 3_000 }))
        .then(
          () => true,
          () => false,
        );
      if (typed) return;
      if (Date.now() > deadline)
        throw new Error(`the command palette did not open and take "${prefixedText}" within 20 s (F1 pressed ${attempt} times)`);
    }
  }

  /**
   * Quick access lists are computed when the text is typed and not refreshed: right after start-up the
   * extension's contributions may not be registered yet, so reopen and retry until the item shows up.
   */
  async function quickAccess(prefixedText: string, label: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const row = rows.filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
    for (;;) {
      await openQuickAccess(prefixedText);
      const shown = await row.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      );
      // The palette may close between finding the row and clicking it (see openQuickAccess): then start again.
      if (
        shown &&
        (await row.click({ timeout: 3_000 }).then(
          () => true,
          () => false,
        ))
      ) {
        await waitUntilQuickInputLeaves(prefixedText);
        return;
      }
      if (Date.now() > deadline)
        throw new Error(`"${label}" did not appear in the quick access list for "${prefixedText}" within ${timeoutMs / 1000} s`);
      await page.keyboard.press('Escape');
    }
  }

  /**
   * After picking, the same widget closes or is reused by the command (an input box, a quick pick). Typing before
   * that would go into the old palette, so wait until it no longer shows the text we typed.
   */
  async function waitUntilQuickInputLeaves(typed: string): Promise<void> {
    await page.waitForFunction(
      (text) => {
        const box = document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input');
        return !box || box.offsetParent === null || box.value !== text;
      },
      typed,
      { timeout: 10_000 },
    );
  }

  const treeItem = (label: string | RegExp) =>
    page
      .locator('.monaco-list-row[role="treeitem"]')
      .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
      .first();

  return {
    ...init,
    async runCommand(title) {
      await quickAccess(`>${title}`, title, 20_000);
    },
    async openView(name) {
      await quickAccess(`view ${name}`, name, 20_000);
    },
    treeItem,
    async waitForTreeItem(label, timeoutMs = 15_000) {
      const item = treeItem(label);
      await item.waitFor({ state: 'visible', timeout: timeoutMs });
      return item;
    },
    async clickTreeItem(label, options) {
      const item = treeItem(label);
      await item.waitFor({ state: 'visible', timeout: 15_000 });
      if (options?.double) await item.dblclick();
      else await item.click({ button: options?.button ?? 'left' });
      return item;
    },
    quickInput,
    async waitForNotification(text, timeoutMs = 15_000) {
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
      if (
        await toast.waitFor({ state: 'visible', timeout: timeoutMs }).then(
          () => true,
          () => false,
        )
      )
        return toast;
      // VS Code does not always raise a toast (another one may be showing, or the window lost focus); the notification
      // is then only in the notification center, where an admin would find it.
      await quickAccess('>Notifications: Show Notifications', 'Notifications: Show Notifications', 10_000);
      const entry = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
      await entry.waitFor({ state: 'visible', timeout: 5_000 });
      return entry;
    },
    async waitForText(text, timeoutMs = 15_000) {
      const found = page.getByText(text).first();
      await found.waitFor({ state: 'visible', timeout: timeoutMs });
      return found;
    },
    async webview(selector, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame() || frame.isDetached()) continue;
          const found = await frame.$(selector).catch(() => null);
          if (found) return frame;
        }
        if (Date.now() > deadline) throw new Error(`no webview contains ${selector} after ${timeoutMs / 1000} s`);
        await page.waitForTimeout(200);
      }
    },
    waitForWorkbench,
    async reloadWindow() {
      const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
      await quickAccess('>Developer: Reload Window', 'Developer: Reload Window', 20_000);
      await navigated;
      await page.waitForLoadState('domcontentloaded');
      await waitForWorkbench();
    },
    press: (keys) => page.keyboard.press(keys),
    type: (text) => page.keyboard.type(text),
    async screenshot(name) {
      fs.mkdirSync(screenshotsDir, { recursive: true });
      const file = path.join(screenshotsDir, `${screenshotName(name)}.png`);
      await page.screenshot({ path: file });
      return file;
    },
  };
}
