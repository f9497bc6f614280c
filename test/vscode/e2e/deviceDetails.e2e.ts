// The device-details panel in the real VS Code, driven like a user: hostile device data stays inert text,
// each annotation is edited and saved and read back from the emulator, a concurrent change leads to the
// conflict chooser, and the panel comes back after a window reload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { HOSTILE_STRINGS, makeHostileBrowser, makeLargeBrowser } from '../../../bench/webviewFixtures';
import type { AnnotationField } from '../../../src/api/types';
import { e2e } from '../harness/fixture';
import { deviceFrame, findByDeviceIdFromPalette, inputOf, openDetailsFromPalette, waitForAnyFrame } from './detailsHelpers';

const FIELDS: AnnotationField[] = ['annotatedUser', 'annotatedLocation', 'annotatedAssetId', 'annotatedNotes'];
const stamp = Date.now().toString(36);
const HOSTILE_ID = `e2e-hostile-${stamp}`;

async function closeAllEditors(): Promise<void> {
  await e2e().runCommand('View: Close All Editors');
}

const openDetails = openDetailsFromPalette;

/** Runs the command and types the id into its input box (not into the palette that is still closing). */
async function promptForDeviceId(deviceId: string): Promise<void> {
  await findByDeviceIdFromPalette(deviceId);
}

/** The harness signs in automatically at start-up; wait until the extension's first API call succeeded. */
async function waitForSignIn(timeoutMs = 60_000): Promise<void> {
  const { emulator } = e2e();
  const deadline = Date.now() + timeoutMs;
  // v1.1beta1 lists /chromebrowsers, the Chrome Management API v1 /chromeBrowsers.
  while (!emulator.requestLog.list().some((r) => r.path.toLowerCase().includes('/chromebrowsers') && r.status === 200)) {
    if (Date.now() > deadline) throw new Error('the extension did not sign in to the emulator (no successful API call)');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function saveAndWait(frame: Frame): Promise<void> {
  await frame.locator('#save').click();
  await frame.locator('.form-status', { hasText: /^Saved\.$/ }).waitFor({ timeout: 15_000 });
}

describe('Device details panel', function () {
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  before(async () => {
    const { page, emulator } = e2e();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    emulator.fleet.addBrowser({ ...makeHostileBrowser(HOSTILE_ID), orgUnitPath: '/' });
    await closeAllEditors();
    // Activates the extension (its automatic sign-in starts then) without opening a panel yet.
    await e2e().runCommand('CBCM: Show Output Log');
    await waitForSignIn();
    // Hide the Output panel again (Ctrl+J toggles the panel), so screenshots show the whole details panel.
    await e2e().press('Control+J');
    await e2e()
      .page.locator('.monaco-workbench .part.panel')
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .catch(() => undefined);
  });

  it('renders hostile device data as literal text: nothing executes, nothing breaks out', async () => {
    const frame = await openDetails(HOSTILE_ID);
    const machineName = makeHostileBrowser(HOSTILE_ID).machineName!;
    await frame.locator('h1.title bdi').waitFor();
    assert.strictEqual(await frame.locator('h1.title bdi').textContent(), machineName);
    const probe = await frame.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      images: document.querySelectorAll('img').length,
      // VS Code adds its own host script to every webview; ours is the one with a src.
      scripts: Array.from(document.querySelectorAll('script')).filter((x) => x.src).length,
      scriptsWithDeviceData: Array.from(document.querySelectorAll('script')).filter((x) => (x.textContent ?? '').includes('__pwned')).length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      links: document.querySelectorAll('a[href]').length,
      // VS Code adds its theme-variable <style id="_defaultStyles">; no other style may appear.
      styles: Array.from(document.querySelectorAll('style')).filter((x) => x.id !== '_defaultStyles').length,
      bodyVisible: getComputedStyle(document.body).display !== 'none',
      horizontalOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      bidiWarnings: document.querySelectorAll('.bidi-warning').length,
      // The web components are styled (constructable stylesheets work under this CSP).
      buttonStyled: (() => {
        const b = document.querySelector('vscode-button');
        return !!b && (b.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0 && getComputedStyle(b).cursor === 'pointer';
      })(),
    }));
    assert.strictEqual(probe.pwned, undefined, 'a hostile value ran script');
    assert.strictEqual(probe.images, 0, 'a hostile value became an <img>');
    assert.strictEqual(probe.scripts, 1, 'only the nonce script is loaded');
    assert.strictEqual(probe.scriptsWithDeviceData, 0, 'device data never lands in a script');
    assert.strictEqual(probe.handlers, 0);
    assert.strictEqual(probe.links, 0, 'device data never becomes a link');
    assert.strictEqual(probe.styles, 0, 'a hostile value became a <style>');
    assert.ok(probe.bodyVisible);
    assert.ok(probe.horizontalOverflow <= 2, `the page scrolls sideways by ${probe.horizontalOverflow}px`);
    assert.ok(probe.bidiWarnings > 5, 'direction-override characters are flagged');
    assert.ok(probe.buttonStyled, 'vscode-elements are styled under the CSP');
    // The literal hostile strings are on screen as text.
    const text = await frame.evaluate(() => document.body.innerText);
    for (const s of [HOSTILE_STRINGS.script, HOSTILE_STRINGS.img, HOSTILE_STRINGS.js]) assert.ok(text.includes(s), `missing literal ${s}`);
    assert.strictEqual(await inputOf(frame, 'annotatedUser').inputValue(), makeHostileBrowser(HOSTILE_ID).annotatedUser);
    assert.deepStrictEqual(dialogs, []);
    assert.deepStrictEqual(cspViolations, []);
    await e2e().screenshot('deviceDetails-hostile');
  });

  it('edits and saves each annotation; the emulator holds the new values', async () => {
    const { emulator } = e2e();
    const frame = await deviceFrame();
    for (const field of FIELDS) {
      const value = field === 'annotatedNotes' ? `Line 1 ${stamp}\nLine 2 <b>not bold</b>` : `${field} ${stamp} <i>x</i>`;
      await inputOf(frame, field).fill(value);
      await frame.locator('.dirty-badge:not([hidden])').waitFor();
      await saveAndWait(frame);
      assert.strictEqual(emulator.fleet.browsers.get(HOSTILE_ID)?.[field], value, `${field} in the emulator`);
      assert.strictEqual(await frame.locator('.dirty-badge').isHidden(), true);
    }
    // Clearing is a change too: an empty field removes the annotation.
    await inputOf(frame, 'annotatedLocation').fill('');
    await saveAndWait(frame);
    assert.strictEqual(emulator.fleet.browsers.get(HOSTILE_ID)?.annotatedLocation, undefined);
    assert.deepStrictEqual(dialogs, []);
  });

  it('refuses invalid input before saving, with the reason', async () => {
    const frame = await deviceFrame();
    await inputOf(frame, 'annotatedAssetId').fill('x'.repeat(201));
    await frame.locator('#field-annotatedAssetId-message', { hasText: /at most 200/ }).waitFor();
    assert.strictEqual(await frame.locator('#save').evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled), true);
    await frame.locator('#revert').click();
    assert.notStrictEqual(await inputOf(frame, 'annotatedAssetId').inputValue(), 'x'.repeat(201));
  });

  it('shows both values when someone else changed an annotation meanwhile, and saves what the admin chooses', async () => {
    const { emulator, screenshot } = e2e();
    const frame = await deviceFrame();
    // The admin edits user and location; meanwhile someone changes user and asset id.
    await inputOf(frame, 'annotatedUser').fill(`mine ${stamp}`);
    await inputOf(frame, 'annotatedLocation').fill(`my place ${stamp}`);
    emulator.fleet.patchBrowser(HOSTILE_ID, { annotatedUser: `theirs ${stamp}`, annotatedAssetId: `their asset ${stamp}` });
    await frame.locator('#save').click();
    const conflict = frame.locator('.conflict-field[data-field="annotatedUser"]');
    await conflict.waitFor({ timeout: 15_000 });
    assert.strictEqual(await frame.locator('.conflict-field').count(), 1, 'only the field both changed is in conflict');
    assert.ok((await conflict.locator('.yours').textContent())?.includes(`mine ${stamp}`));
    assert.ok((await conflict.locator('.theirs').textContent())?.includes(`theirs ${stamp}`));
    // Nothing was written yet.
    assert.strictEqual(emulator.fleet.browsers.get(HOSTILE_ID)?.annotatedUser, `theirs ${stamp}`);
    // The untouched asset id took the remote value silently.
    assert.strictEqual(await inputOf(frame, 'annotatedAssetId').inputValue(), `their asset ${stamp}`);
    await screenshot('deviceDetails-conflict');

    // Keep theirs for the user; the location (no conflict) is still saved.
    await frame.locator('#choice-annotatedUser-theirs').click();
    await frame.locator('#conflict-apply').click();
    await frame.locator('.form-status', { hasText: /^Saved\.$/ }).waitFor({ timeout: 15_000 });
    const stored = emulator.fleet.browsers.get(HOSTILE_ID)!;
    assert.strictEqual(stored.annotatedUser, `theirs ${stamp}`);
    assert.strictEqual(stored.annotatedLocation, `my place ${stamp}`);
    assert.strictEqual(stored.annotatedAssetId, `their asset ${stamp}`);

    // Second round: keep yours.
    await inputOf(frame, 'annotatedNotes').fill(`my notes ${stamp}`);
    emulator.fleet.patchBrowser(HOSTILE_ID, { annotatedNotes: `their notes ${stamp}` });
    await frame.locator('#save').click();
    await frame.locator('.conflict-field[data-field="annotatedNotes"]').waitFor({ timeout: 15_000 });
    await frame.locator('#conflict-apply').click(); // "Keep yours" is preselected
    await frame.locator('.form-status', { hasText: /^Saved\.$/ }).waitFor({ timeout: 15_000 });
    assert.strictEqual(emulator.fleet.browsers.get(HOSTILE_ID)?.annotatedNotes, `my notes ${stamp}`);
  });

  it('can be used with the keyboard alone: edit, Tab to Save, Enter', async () => {
    const { emulator, page } = e2e();
    const frame = await deviceFrame();
    await inputOf(frame, 'annotatedUser').fill('');
    await inputOf(frame, 'annotatedUser').focus();
    await page.keyboard.type(`keyboard ${stamp}`);
    // Tab through the form until Save has the focus (the fields come first, in reading order).
    const visited: string[] = [];
    for (let i = 0; i < 8 && visited.at(-1) !== 'save'; i++) {
      await page.keyboard.press('Tab');
      visited.push(await frame.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? ''));
    }
    assert.strictEqual(visited.at(-1), 'save', `Tab visited ${visited.join(' → ')}`);
    await page.keyboard.press('Enter');
    await frame.locator('.form-status', { hasText: /^Saved\.$/ }).waitFor({ timeout: 15_000 });
    assert.strictEqual(emulator.fleet.browsers.get(HOSTILE_ID)?.annotatedUser, `keyboard ${stamp}`);
  });

  it("renders a device with 50 extensions and 300 policies: the panel's own work stays under 300 ms beyond the API", async () => {
    const { emulator, page } = e2e();
    const id = `e2e-large-${stamp}`;
    emulator.fleet.addBrowser({ ...makeLargeBrowser(id, 50, 300), orgUnitPath: '/' });
    const samples: { total: number; api: number }[] = [];
    const loggedBefore = panelTimings().length;
    for (let i = 0; i < 3; i++) {
      await closeAllEditors();
      await promptForDeviceId(id);
      const since = emulator.requestLog.list().at(-1)?.seq ?? 0;
      const t0 = Date.now();
      await page.keyboard.press('Enter');
      // Rendered = the last machine-policy row is in the DOM (textContent: off-screen tables are not laid out).
      const frame = await waitForAnyFrame((f) => f.evaluate(() => document.body.textContent?.includes('MachinePolicy149') ?? false), 30_000);
      const total = Date.now() - t0;
      // Where the webview's own time goes: document navigation and our two resources.
      const entries = await frame.evaluate(() =>
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
          const r = e as PerformanceResourceTiming;
          return `${r.name.split('/').pop()?.slice(0, 40)}: start ${Math.round(r.startTime)} fetch ${Math.round(r.fetchStart)} response ${Math.round(r.responseStart)}-${Math.round(r.responseEnd)}`;
        }),
      );
      console.log(`[deviceDetails] webview resource timing: ${entries.join(' | ')}`);
      const api = emulator.requestLog
        .list(since)
        .filter((r) => r.path.toLowerCase().includes(`/chromebrowsers/${id.toLowerCase()}`))
        .reduce((sum, r) => sum + r.durationMs, 0);
      samples.push({ total, api });
    }
    const best = samples.map((s) => s.total - s.api).sort((a, b) => a - b)[0];
    // The log is written asynchronously: give it a moment.
    for (let i = 0; i < 50 && panelTimings().length < loggedBefore + 3; i++) await new Promise((r) => setTimeout(r, 100));
    const panel = panelTimings().slice(loggedBefore);
    console.log(`[deviceDetails] command → rendered (Playwright): ${samples.map((s) => `${s.total} ms (API ${s.api} ms)`).join(', ')}`);
    console.log(`[deviceDetails] the panel's own timings: ${panel.map((t) => t.line).join(' | ') || 'log not found'}`);
    assert.strictEqual(panel.length, 3, 'the panel logs a timing for each open');
    // The budget is for the panel's work (its webview start-up and rendering); VS Code's creation of the
    // webview frame (service-worker start-up, placeholder page) comes on top and is reported above.
    const bestOwn = Math.min(...panel.map((t) => t.own));
    assert.ok(bestOwn < 300, `the panel's own work took ${bestOwn} ms beyond the API`);
    assert.ok(best < 10_000, `opening took ${best} ms beyond the API`);
    await closeAllEditors();
  });

  it('filters extensions and policies as the admin types', async () => {
    const { page } = e2e();
    const frame = await openDetails(`e2e-large-${stamp}`);
    // Extension and policy rows are filterable; other tables (users, history) stay as they are.
    const rows = () =>
      frame.evaluate(() => Array.from(document.querySelectorAll('.sections tr.filterable')).filter((r) => !(r as HTMLElement).hidden).length);
    const all = await rows();
    assert.strictEqual(all, 350, 'every extension and policy row is filterable');
    await frame.locator('#filter input').focus();
    await page.keyboard.type('machinepolicy14');
    await frame.locator('.filter-row [role="status"]', { hasText: /rows match/ }).waitFor();
    // MachinePolicy14 and MachinePolicy140..149
    assert.strictEqual(await rows(), 11);
    await frame.locator('#filter input').fill('');
    assert.strictEqual(await rows(), all);
  });

  it('keeps unsaved edits when the panel is hidden and shown again (its webview is recreated)', async () => {
    const hostile = await openDetails(HOSTILE_ID);
    await inputOf(hostile, 'annotatedLocation').fill(`draft ${stamp}`);
    await new Promise((r) => setTimeout(r, 600)); // the draft is sent to the extension after a short pause
    await openDetails(`e2e-large-${stamp}`); // hides the hostile panel: its webview is destroyed
    const again = await openDetails(HOSTILE_ID); // reveals the existing panel
    assert.strictEqual(await inputOf(again, 'annotatedLocation').inputValue(), `draft ${stamp}`);
    await again.locator('.dirty-badge:not([hidden])').waitFor();
    await again.locator('#revert').click();
    assert.notStrictEqual(await inputOf(again, 'annotatedLocation').inputValue(), `draft ${stamp}`);
    await openDetails(`e2e-large-${stamp}`);
  });

  it('stays readable in a high-contrast theme (borders and text, not colour alone)', async () => {
    const { runCommand, quickInput, screenshot } = e2e();
    const frame = await deviceFrame();
    const pickTheme = async (label: string) => {
      await runCommand('Preferences: Color Theme');
      await quickInput.fill(label);
      await quickInput.pick(label);
    };
    await pickTheme('Dark High Contrast');
    try {
      await frame.waitForFunction(() => document.body.classList.contains('vscode-high-contrast'), undefined, { timeout: 15_000 });
      // (No named functions inside evaluate(): the test bundler would wrap them in a helper the page lacks.)
      const probe = await frame.evaluate(() => {
        const bg = getComputedStyle(document.body).backgroundColor;
        const texts = ['dt', 'td', '.muted', '.absent', 'h1.title', '.field-message'].map((sel) => {
          const el = document.querySelector(sel);
          return { sel, color: el ? getComputedStyle(el).color : 'missing' };
        });
        const errorRow = document.querySelector('tr.has-error td');
        const errorBorder = errorRow ? getComputedStyle(errorRow).borderLeftStyle + ' ' + getComputedStyle(errorRow).borderLeftColor : 'missing';
        const errorLabel = document.querySelector('tr.has-error .error-text')?.textContent ?? '';
        return { bg, texts, errorBorder, errorLabel };
      });
      for (const t of probe.texts) {
        const ratio = contrastRatio(t.color, probe.bg);
        assert.ok(ratio >= 4.5, `${t.sel}: ${t.color} on ${probe.bg} has contrast ${ratio.toFixed(1)}:1 (WCAG AA needs 4.5:1)`);
      }
      assert.match(probe.errorBorder, /^solid rgb/, 'a policy error is marked by a border');
      assert.match(probe.errorLabel, /^Error: /, 'and by a text label');
      await screenshot('deviceDetails-high-contrast');
    } finally {
      await pickTheme('Light Modern');
    }
    await closeAllEditors();
  });

  it('comes back after "Developer: Reload Window"', async () => {
    const { runCommand, page } = e2e();
    await openDetails(HOSTILE_ID);
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
    await runCommand('Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    // The serializer brings the panel back with only the device id and fetches the device again.
    const frame = await e2e().webview('#annotations', 60_000);
    await frame.locator('h1.title bdi').waitFor({ timeout: 30_000 });
    const loaded = frame.locator('.sections vscode-collapsible').first();
    const failed = frame.locator('.load-error:not([hidden])');
    await loaded.or(failed).waitFor({ timeout: 30_000 });
    await e2e().screenshot('deviceDetails-restored');
    if (await failed.isVisible()) {
      assert.strictEqual(await frame.locator('h1.title bdi').textContent(), HOSTILE_ID, 'the restored panel knows its device');
      assert.fail(`the panel was restored, but loading the device failed: ${await failed.textContent()}`);
    }
    const machineName = makeHostileBrowser(HOSTILE_ID).machineName!;
    assert.strictEqual(await frame.locator('h1.title bdi').textContent(), machineName);
    assert.strictEqual(await inputOf(frame, 'annotatedUser').inputValue(), `keyboard ${stamp}`);
    await closeAllEditors();
  });
});

/** "Browser details rendered in …" lines of the extension's log (VS Code writes it under the user data folder). */
function panelTimings(): { line: string; own: number }[] {
  const root = path.join(e2e().workspaceDir, '..');
  const files: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 6 || !fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (e.name.endsWith('CBCM Explorer.log')) files.push(full);
    }
  };
  walk(root, 0);
  const out: { line: string; own: number }[] = [];
  for (const f of files) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/Browser details rendered in .*panel's own work (\d+) ms\)\./g)) {
      out.push({ line: m[0], own: Number(m[1]) });
    }
  }
  return out;
}

/** WCAG contrast ratio of a CSS rgb()/rgba() colour drawn over an opaque background. */
function contrastRatio(fg: string, bg: string): number {
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const [br, bgG, bb] = parse(bg);
  const [r, g, b, a = 1] = parse(fg);
  const blend = [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
  const lum = (rgb: number[]) => {
    const [R, G, B] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const [l1, l2] = [lum(blend), lum([br, bgG, bb])].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
