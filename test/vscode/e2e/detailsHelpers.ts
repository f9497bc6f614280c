// Shared by the details-panel E2E files: finding the panel's webview frame, its fields, and the editor tabs.
import type { Frame } from 'playwright-core';
import type { AnnotationField } from '../../../src/api/types';
import { e2e } from '../harness/fixture';

export function inputOf(frame: Frame, field: AnnotationField) {
  return frame.locator(`#field-${field} ${field === 'annotatedNotes' ? 'textarea' : 'input'}`);
}

/** Polls every frame of the page every 50 ms (the fixture's webview() polls every 200 ms, too coarse for timing). */
export async function waitForAnyFrame(test: (f: Frame) => Promise<boolean>, timeoutMs: number): Promise<Frame> {
  const { page } = e2e();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const f of page.frames()) {
      if (f === page.mainFrame() || f.isDetached()) continue;
      if (await test(f).catch(() => false)) return f;
    }
    if (Date.now() > deadline) throw new Error('no frame matched in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The frame of the visible details panel once a device is shown (of `deviceId`, when given). */
export async function deviceFrame(timeoutMs = 30_000, deviceId?: string): Promise<Frame> {
  return waitForAnyFrame(
    (f) =>
      f.evaluate(
        (id) =>
          !!document.querySelector('#annotations') &&
          !!document.querySelector('.sections vscode-collapsible') &&
          (id === null || (document.querySelector('.sections')?.textContent ?? '').includes(id)),
        deviceId ?? null,
      ),
    timeoutMs,
  );
}

/** Titles of the open details tabs ("Browser: …"), in tab order. */
export async function detailsTabTitles(): Promise<string[]> {
  const titles = await e2e().page.locator('.part.editor .tabs-container .tab .label-name').allInnerTexts();
  return titles.map((t) => t.trim()).filter((t) => t.includes('Browser: '));
}

/** Waits until the details tabs are exactly `expected` (any order), and says what they were otherwise. */
export async function waitForDetailsTabs(expected: string[], timeoutMs = 20_000): Promise<void> {
  const want = [...expected].sort().join(' | ');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = (await detailsTabTitles()).sort().join(' | ');
    if (seen === want) return;
    if (Date.now() > deadline) throw new Error(`details tabs: expected [${want}], saw [${seen}]`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the details tab of `machineName` has exactly the title `expected` (other tabs may be open). */
export async function waitForDetailsTab(machineName: string, expected: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = (await detailsTabTitles()).filter((t) => t.includes(`Browser: ${machineName}`));
    if (mine.length === 1 && mine[0] === expected) return;
    if (Date.now() > deadline) throw new Error(`the tab of ${machineName}: expected "${expected}", saw [${mine.join(' | ')}]`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where the workbench's keyboard focus is: in the CBCM tree, in a webview, or elsewhere. */
export async function focusIsIn(): Promise<'tree' | 'webview' | 'elsewhere'> {
  return e2e().page.evaluate(() => {
    const a = document.activeElement;
    if (a?.closest('[id="workbench.view.extension.cbcm"]')) return 'tree';
    if (a instanceof HTMLIFrameElement || a?.closest('.webview')) return 'webview';
    return 'elsewhere';
  });
}

/**
 * Runs "CBCM: Open Browser Details" (which opens Find Browser), types the id and waits until the search found it;
 * Enter is left to the caller.
 */
export async function findByDeviceIdFromPalette(deviceId: string): Promise<void> {
  const { runCommand, quickInput, page } = e2e();
  await runCommand('CBCM: Open Browser Details');
  await page.locator('.quick-input-widget', { hasText: 'Find Browser' }).waitFor({ state: 'visible', timeout: 10_000 });
  await quickInput.fill(deviceId);
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /Find Browser: 1 match$/ }).waitFor({ state: 'visible', timeout: 20_000 });
}

/** Opens the device's details through Find Browser; returns the webview frame once the device is shown. */
export async function openDetailsFromPalette(deviceId: string): Promise<Frame> {
  await findByDeviceIdFromPalette(deviceId);
  await e2e().page.keyboard.press('Enter');
  return deviceFrame(30_000, deviceId);
}
