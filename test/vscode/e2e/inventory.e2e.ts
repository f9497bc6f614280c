// The extension inventory as an admin uses it: open it from the explorer's title bar, see the table, filter it,
// open an extension's details, click "List browsers" and find exactly the browsers that have it listed in the
// explorer; then export one row per extension and check the file. What is expected is computed here from the
// emulator's own fleet (its FULL records), not from the product's aggregator.
import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import type { BrowserExtension } from '../../../src/api/types';
import type { Inventory } from '../../../src/inventory/model';
import { project } from '../../emulator/browserDetails';
import { e2e } from '../harness/fixture';
import { explorerTree, openExplorerFromActivityBar, pickFromContextMenu, row } from './explorerHelpers';

const RUN = Date.now() % 100_000;
const PROBE_ID =
  'ppppooooeeee' +
  String(RUN)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])
    .padEnd(20, 'k');
const PROBE_NAME = `CBCM Probe E2E ${RUN}`;
const NAMES = [`INV-E2E-A-${RUN}`, `INV-E2E-B-${RUN}`, `INV-E2E-C-${RUN}`];

function probe(version: string): BrowserExtension {
  return { extensionId: PROBE_ID, name: PROBE_NAME, version, installType: 'NORMAL', disabled: false, permissions: ['storage'] };
}

/** Every extension occurrence (browser × profile × extension) of the emulator's fleet, as the FULL listing reports it. */
function fleetExtensions(): { deviceId: string; machineName: string; extension: BrowserExtension }[] {
  const out: { deviceId: string; machineName: string; extension: BrowserExtension }[] = [];
  for (const b of e2e().emulator.fleet.browsers.values()) {
    const full = project(b, 'FULL');
    for (const install of full.browsers ?? []) {
      for (const profile of install.profiles ?? []) {
        for (const extension of profile.extensions ?? []) out.push({ deviceId: b.deviceId, machineName: b.machineName ?? b.deviceId, extension });
      }
    }
  }
  return out;
}

/** Labels of the rows directly under the explorer's browser list (the level-2 row with that label). */
async function listRows(label: string): Promise<string[]> {
  return explorerTree().evaluate((tree, wanted) => {
    const labels: string[] = [];
    let inside = false;
    for (const r of tree.querySelectorAll('.monaco-list-row')) {
      const text = r.querySelector('.label-name')?.textContent ?? '';
      const level = r.getAttribute('aria-level');
      if (level === '2') inside = text === wanted;
      else if (inside && level === '3' && !/^Load more/.test(text)) labels.push(text);
    }
    return labels;
  }, label);
}

async function eventually<T>(what: string, probeValue: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probeValue();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function inventoryFrame(): Promise<Frame> {
  return e2e().webview('body[data-state="complete"] #extensions-table', 120_000);
}

/** The complete inventory webview whose heading names `text`. */
async function inventoryFrameFor(text: string, timeoutMs = 120_000): Promise<Frame> {
  const { page } = e2e();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      const ok = await frame
        .evaluate(
          (t) =>
            document.body?.dataset.state === 'complete' &&
            document.getElementById('extensions-table') !== null &&
            (document.querySelector('h1')?.textContent ?? '').includes(t),
          text,
        )
        .catch(() => false);
      if (ok) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no complete inventory of ${text} after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(200);
  }
}

describe('Extension inventory', function () {
  // A FULL listing of the fleet (the inventory, the export) takes a few seconds, much longer on a loaded machine.
  this.timeout(180_000);
  const ids: string[] = [];

  before(() => {
    const { emulator } = e2e();
    // Three browsers with the probe (the first in two profiles), so the list is small enough to read in full.
    NAMES.forEach((machineName, i) => {
      const profiles = (i === 0 ? [[probe('1.0.0')], [probe('1.0.0')]] : [[probe(i === 1 ? '1.0.0' : '2.0.0')]]).map((extensions, j) => ({
        id: `P${j}`,
        name: `Person ${j + 1}`,
        extensions,
      }));
      const b = emulator.fleet.addBrowser({
        machineName,
        orgUnitPath: '/',
        osPlatform: 'Linux',
        browserVersions: ['131.0.6778.86'],
        browsers: [{ browserVersion: '131.0.6778.86', channel: 'stable', profiles }],
      });
      ids.push(b.deviceId);
    });
  });

  after(async () => {
    const { page, emulator, runCommand } = e2e();
    // The list folder stays at the top of the account until closed: later files expect the usual tree.
    const list = explorerTree()
      .locator('.monaco-list-row[aria-level="2"]')
      .filter({ has: page.locator('.label-name', { hasText: /^Browsers with / }) })
      .first();
    if (await list.isVisible().catch(() => false)) {
      await list.hover();
      await list.locator('.action-label[aria-label="Close List"]').click();
      await list.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    }
    assert.strictEqual(await list.isVisible().catch(() => false), false, 'the browser list is closed');
    for (const id of ids) emulator.fleet.deleteBrowser(id);
    await runCommand('View: Close All Editors').catch(() => undefined);
  });

  it('opens from the explorer title bar; a click on an extension lists exactly the browsers that have it', async () => {
    const { page, emulator, screenshot, runCommand } = e2e();
    await openExplorerFromActivityBar();
    await page.locator('.part.sidebar a.action-label[aria-label="Show Extension Inventory"]').first().click();
    const frame = await inventoryFrame();
    const summaryText = await frame.locator('.summary').first().textContent();
    assert.ok(summaryText?.includes(emulator.fleet.browsers.size.toLocaleString('en-US')), summaryText ?? '');
    await screenshot('inventory-extensions');

    // Expected, from the emulator's records: the browsers whose FULL record lists the probe in some profile.
    const expected = [
      ...new Set(
        fleetExtensions()
          .filter((o) => o.extension.extensionId === PROBE_ID)
          .map((o) => o.machineName),
      ),
    ].sort();
    assert.deepStrictEqual(expected, [...NAMES].sort());

    await frame.locator('#filter-name').fill(PROBE_NAME);
    const probeRow = frame.locator(`tr[data-key="${PROBE_ID}"]`);
    await probeRow.waitFor({ state: 'visible', timeout: 10_000 });
    assert.strictEqual(await frame.locator('#extensions-table tbody tr').count(), 1, 'the filter leaves the probe alone');
    const cells = await probeRow.locator('td.num').allTextContents();
    assert.deepStrictEqual(cells.slice(-2), ['3', '4'], 'three browsers, four profiles');

    // The detail pane through the keyboard: the name is a button.
    await probeRow.locator('button[data-role="details"]').focus();
    await page.keyboard.press('Enter');
    const detail = frame.locator('#extension-detail');
    await detail.waitFor({ state: 'visible', timeout: 5_000 });
    await frame.locator('#detail-org-units').waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await detail.textContent()) ?? '', /1\.0\.0: 2 browsers, 3 profiles/);
    // With the detail pane open every column header reads in full: none is cut ("Vers…"), in any of its lines.
    const headers = await frame.locator('#extensions-table thead th button.sort').evaluateAll((buttons) =>
      buttons.map((b) => {
        const th = b.parentElement!;
        return { text: b.textContent, button: [b.scrollWidth, b.clientWidth], th: [th.scrollWidth, th.clientWidth] };
      }),
    );
    assert.ok(headers.length >= 8, `${headers.length} headers`);
    for (const h of headers) {
      assert.ok(h.button[0] <= h.button[1] && h.th[0] <= h.th[1], `header "${h.text}" is cut: ${JSON.stringify(h)}`);
    }
    await screenshot('inventory-detail');

    await probeRow.locator('button[data-role="list"]').click();
    const label = `Browsers with ${PROBE_NAME}`;
    await row(label, 2).waitFor({ state: 'visible', timeout: 30_000 });
    const listed = await eventually(
      'the listed browsers',
      () => listRows(label),
      (rows) => rows.length >= expected.length,
    );
    assert.deepStrictEqual([...listed].sort(), expected);
    // With the detail pane open, the table fits its box: no sideways scroll, Name and ID in view after the click.
    const layout = await frame.evaluate(() => {
      const table = document.getElementById('extensions-table')!;
      const wrap = table.parentElement!;
      const box = wrap.getBoundingClientRect();
      const [name, id] = [...table.querySelectorAll('tbody tr')[0].children].map((c) => c.getBoundingClientRect());
      const detail = document.getElementById('extension-detail')!.getBoundingClientRect();
      return { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth, scrollLeft: wrap.scrollLeft, box, name, id, detail };
    });
    assert.ok(layout.scrollWidth <= layout.clientWidth, `the table is ${layout.scrollWidth} px wide in a ${layout.clientWidth} px box`);
    assert.strictEqual(layout.scrollLeft, 0, 'not scrolled sideways');
    for (const [what, r] of [
      ['Name', layout.name],
      ['ID', layout.id],
    ] as const) {
      assert.ok(
        r.left >= layout.box.left - 1 && r.right <= layout.box.right + 1,
        `${what} cell ${r.left}–${r.right} inside ${layout.box.left}–${layout.box.right}`,
      );
    }
    assert.ok(layout.box.right <= layout.detail.left, 'the table ends before the detail pane');
    // The README shows this one: without the sign-in toasts over the detail pane.
    await runCommand('Notifications: Clear All Notifications').catch(() => undefined);
    await screenshot('inventory-explorer-list');

    // A version lists only its browsers.
    await page.locator('.tab', { hasText: 'Extension Inventory' }).first().click();
    const again = await inventoryFrame();
    await again.locator('#extension-detail li[data-dimension="version"] button[data-value="2.0.0"]').click();
    const v2 = `Browsers with ${PROBE_NAME} version 2.0.0`;
    await row(v2, 2).waitFor({ state: 'visible', timeout: 30_000 });
    const v2Rows = await eventually(
      'the version list',
      () => listRows(v2),
      (rows) => rows.length >= 1,
    );
    assert.deepStrictEqual(v2Rows, [NAMES[2]]);
  });

  it('exports one row per extension, and the file holds every extension of every profile', async () => {
    const { page, quickInput, workspaceDir } = e2e();
    await page.locator('.tab', { hasText: 'Extension Inventory' }).first().click();
    const frame = await inventoryFrameFor('whole account');
    await frame.locator('#export-extensions').click();
    await quickInput.pick('One row per extension');
    // The columns picker opens with the remembered (default) columns ticked: accept them.
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Columns to export' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The web workbench's save dialog: a quick input holding a path.
    const file = path.join(workspaceDir, `inventory-per-extension-${RUN}.csv`);
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 15_000 });
    await eventually(
      'the save dialog to take the path',
      async () => {
        const value = await page.evaluate(() => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value ?? '');
        if (value !== file) await quickInput.fill(file);
        return page.evaluate(() => document.querySelector<HTMLInputElement>('.quick-input-widget .quick-input-box input')?.value ?? '');
      },
      (v) => v === file,
      20_000,
    );
    await page.keyboard.press('Enter');
    await eventually('the export file', async () => fs.existsSync(file), Boolean, 60_000);

    const records = parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { columns: true });
    const expected = fleetExtensions();
    assert.strictEqual(records.length, expected.length, 'one row per extension of every profile');
    assert.ok(records.length > 0 && 'extension.extensionId' in records[0] && 'deviceId' in records[0], Object.keys(records[0] ?? {}).join(','));
    const probeRows = records.filter((r) => r['extension.extensionId'] === PROBE_ID);
    assert.deepStrictEqual(probeRows.map((r) => r.deviceId).sort(), [ids[0], ids[0], ids[1], ids[2]].sort());
    assert.deepStrictEqual(probeRows.map((r) => r['extension.version']).sort(), ['1.0.0', '1.0.0', '1.0.0', '2.0.0']);
    fs.rmSync(file, { force: true });
  });

  it('opens for an org unit from its context menu; the policies tab lists errors first, a click lists that policy’s browsers', async () => {
    const { page, emulator, screenshot } = e2e();
    const ou = '/Engineering';
    await openExplorerFromActivityBar();
    await pickFromContextMenu(
      row('Engineering', 3),
      'Show Extension Inventory',
      page.locator('.tab', { hasText: `Extension Inventory: ${ou}` }).first(),
      'CBCM: Show Extension Inventory',
    );
    const frame = await inventoryFrameFor(`org unit ${ou}`);
    const inv = await frame.evaluate(() =>
      (window as unknown as { cbcmInventory: { inventory(): Inventory | undefined } }).cbcmInventory.inventory(),
    );
    assert.ok(inv);
    const own = [...emulator.fleet.browsers.values()].filter((b) => b.orgUnitPath === ou);
    assert.strictEqual(inv.totals.browsers, own.length);

    await frame.locator('#tab-extensions').focus();
    await page.keyboard.press('ArrowRight');
    await frame.locator('#policies-table').waitFor({ state: 'visible', timeout: 5_000 });
    assert.strictEqual(await frame.locator('#tab-policies').getAttribute('aria-selected'), 'true', 'the arrow key moved to the policies tab');
    // Errors and conflicts first: no row with a problem after one without.
    const classes = await frame.locator('#policies-table tbody tr').evaluateAll((rows) => rows.map((r) => r.classList.contains('problem')));
    assert.ok(classes.indexOf(false) < 0 || !classes.slice(classes.indexOf(false)).includes(true), 'problems first');
    await screenshot('inventory-policies');

    // A machine or user policy few browsers have, so its whole list fits in one page of the tree.
    const policy = inv.policies
      .filter((p) => p.extensionId === undefined && p.browsers >= 2 && p.browsers <= 40)
      .sort((a, b) => a.browsers - b.browsers)[0];
    assert.ok(policy, 'a policy on 2 to 40 browsers');
    const expected = own
      .filter((b) => {
        const full = project(b, 'FULL');
        const names = [
          ...(full.machinePolicies ?? []),
          ...(full.browsers ?? []).flatMap((i) => (i.profiles ?? []).flatMap((p) => p.userPolicies ?? [])),
        ].map((p) => p.name);
        return names.includes(policy.name);
      })
      .map((b) => b.machineName ?? b.deviceId)
      .sort();
    assert.strictEqual(expected.length, policy.browsers, 'the tab counts what the emulator holds');
    await frame.locator('#filter-policy').fill(policy.name);
    await frame.locator(`#policies-table tr[data-key="${policy.key}"] button[data-role="list"]`).click();
    const label = `Browsers with ${policy.name}`;
    await row(label, 2).waitFor({ state: 'visible', timeout: 30_000 });
    const listed = await eventually(
      'the policy’s browsers',
      () => listRows(label),
      (rows) => rows.length >= expected.length,
    );
    assert.deepStrictEqual([...listed].sort(), expected);
  });
});
