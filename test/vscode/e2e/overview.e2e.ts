// The fleet overview as an admin uses it: open it from the explorer's title bar, see the charts, click a bar and
// find the explorer filtered to exactly those browsers; the same through the keyboard, via the tables.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { STABLE_MAJOR } from '../../emulator/fleetGenerator';
import { e2e } from '../harness/fixture';
import { explorerTree, openExplorerFromActivityBar, pickFromContextMenu, resetTree, row } from './explorerHelpers';
import { barCenterIn, figuresIn, overviewFrameFor, type OverviewHook } from './overviewHelpers';

function hook(frame: Frame) {
  return {
    offBarPoint: (chart: string, i: number) =>
      frame.evaluate(([c, n]) => (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview.offBarPoint(c, n), [chart, i] as const),
    barLength: (chart: string, i: number) =>
      frame.evaluate(([c, n]) => (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview.barLength(c, n), [chart, i] as const),
    barCenter: (chart: string, i: number, series: number) => barCenterIn(frame, chart, i, series),
    seriesColor: (chart: string, name: string) =>
      frame.evaluate(([c, n]) => (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview.seriesColor(c, n), [chart, name] as const),
  };
}

/** Windows builds of the NT 10.0 family: 22000 and later are Windows 11. */
function windowsRelease(osVersion: string | undefined): 10 | 11 | undefined {
  const m = /^10\.0\.(\d+)/.exec(osVersion ?? '');
  return m ? (Number(m[1]) >= 22000 ? 11 : 10) : undefined;
}

/** Every listing request since `since` that carried a `query` (v1.1beta1) or `filter` (v1). */
function queriesSince(since: number): string[] {
  return e2e()
    .emulator.requests.filter((r) => r.seq > since && /chromebrowsers|chromeBrowsers/.test(r.path))
    .map((r) => new URL(r.path, 'http://x').searchParams)
    .map((p) => p.get('query') ?? p.get('filter') ?? '');
}

/** The account's overview in front (opened if no earlier test left it open), with complete figures. */
async function focusOverviewTab(): Promise<Frame> {
  await e2e().runCommand('CBCM: Open Fleet Overview');
  return overviewFrameFor('whole account');
}

async function openTables(frame: Frame): Promise<void> {
  const toggle = frame.locator('#toggle-tables');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
}

/** Polls `check` (after `refresh`, if given) until it holds. */
async function eventually(what: string, check: () => boolean, timeoutMs = 15_000, refresh?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The API listings the emulator answered with this exact query since `since`. Against the Chrome Management API
 * v1 the client translates the query into that API's `filter`, so only the tree is checked there.
 */
function listedWith(query: string, since: number): boolean {
  if (process.env.CBCM_API_VERSION === 'chromemanagement-v1') return true;
  const { emulator } = e2e();
  return emulator.requests.some(
    (r) => r.seq > since && r.path.includes('/chromebrowsers') && r.status === 200 && new URL(r.path, 'http://x').searchParams.get('query') === query,
  );
}

/** Labels of the browser rows shown under "All browsers" (level 3 rows before the root org unit). */
async function allBrowsersRows(): Promise<string[]> {
  return explorerTree().evaluate((tree) => {
    const labels: string[] = [];
    let inside = false;
    for (const r of tree.querySelectorAll('.monaco-list-row')) {
      const label = r.querySelector('.label-name')?.textContent ?? '';
      const level = r.getAttribute('aria-level');
      if (level === '2') inside = label === 'All browsers';
      else if (inside && level === '3' && !/^Load more/.test(label)) labels.push(label);
    }
    return labels;
  });
}

/** The explorer's "All browsers" row shows the filter it lists with (its description, `filter: <query>`). */
async function waitForFilteredFolder(query: string): Promise<void> {
  const folder = row('All browsers', 2);
  await folder.waitFor({ state: 'visible', timeout: 15_000 });
  // Located afresh each time: the tree may replace the row's element when the filter changes.
  let text = '';
  await eventually(
    `"filter: ${query}" on All browsers`,
    () => text.includes(`filter: ${query}`),
    15_000,
    async () => {
      text = (await folder.textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; the row shows "${text}"`);
  });
}

function lastSeq(): number {
  const log = e2e().emulator.requests;
  return log.length ? log[log.length - 1].seq : 0;
}

describe('Fleet overview', () => {
  after(async () => {
    const { runCommand } = e2e();
    await runCommand('CBCM: Clear Filter').catch(() => undefined);
    await runCommand('View: Close All Editors');
  });

  it('opens from the explorer title bar, and a bar click filters the explorer to those browsers', async () => {
    const { page, emulator, webview, screenshot } = e2e();
    await openExplorerFromActivityBar();
    // With an org unit focused: the title bar still opens the whole account's overview.
    await row('All org units (/)', 2).click();
    await page.locator('.part.sidebar a.action-label[aria-label="Open Fleet Overview"]').first().click();
    const frame = await webview('body[data-state="complete"]', 60_000);
    const figures = await figuresIn(frame);
    assert.deepStrictEqual(figures.scope, { kind: 'account' });
    assert.strictEqual(figures.totals.browsers, emulator.fleet.browsers.size);
    for (const id of ['versions', 'platforms', 'osVersions', 'activity', 'orgUnits', 'extensions', 'tokens']) {
      await frame.locator(`canvas[data-chart="${id}"]`).waitFor({ state: 'visible', timeout: 5_000 });
    }
    const summaryText = await frame.locator('.summary').first().textContent();
    assert.ok(summaryText?.includes(emulator.fleet.browsers.size.toLocaleString('en-US')), summaryText ?? '');
    await screenshot('overview-charts');

    // The "> 90 days" bar: browsers silent for more than 90 days.
    const activity = figures.charts.find((c) => c.id === 'activity')!;
    const index = activity.categories.findIndex((c) => c.key === 'older');
    const bar = activity.categories[index];
    assert.ok(bar.action.kind === 'filter' && bar.count > 0);
    const query = bar.action.query;
    const edge = Date.parse(`${query.slice('last_activity:..'.length)}Z`) + 999;
    const expected = [...emulator.fleet.browsers.values()].filter((b) => b.lastActivityTime && Date.parse(b.lastActivityTime) <= edge);
    assert.strictEqual(expected.length, bar.count, 'the bar counts what the emulator holds');

    const center = await barCenterIn(frame, 'activity', index);
    assert.ok(center, 'the bar is drawn');
    const since = lastSeq();
    const canvas = frame.locator('canvas[data-chart="activity"]');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.hover({ position: center });
    await screenshot('overview-bar-tooltip');
    await canvas.click({ position: center });

    await eventually(`a listing with ${query}`, () => listedWith(query, since), 20_000);
    await waitForFilteredFolder(query);
    let rows: string[] = [];
    await eventually(
      'browser rows under All browsers',
      () => rows.length > 0,
      20_000,
      async () => {
        rows = await allBrowsersRows();
      },
    );
    assert.ok(rows.length > 0, 'the filtered listing shows browsers');
    const names = new Set(expected.map((b) => b.machineName || b.deviceId));
    for (const label of rows) assert.ok(names.has(label), `${label} is not silent for more than 90 days`);
    await screenshot('overview-explorer-filtered');
  });

  it('the tables offer every clickable bar to the keyboard', async () => {
    const { page, webview, screenshot } = e2e();
    await page.locator('.tab', { hasText: 'Fleet Overview' }).first().click();
    const frame = await webview('body[data-state="complete"]', 30_000);
    const figures = await figuresIn(frame);
    const platforms = figures.charts.find((c) => c.id === 'platforms')!;
    const first = platforms.categories[0];
    assert.strictEqual(first.action.kind, 'filter');
    const query = (first.action as { query: string }).query;

    await frame.locator('#toggle-tables').click();
    const button = frame.locator('#act-platforms-0');
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    await button.focus();
    await screenshot('overview-tables');
    const since = lastSeq();
    await page.keyboard.press('Enter');
    await eventually(`a listing with ${query}`, () => listedWith(query, since), 20_000);
    await waitForFilteredFolder(query);
    await screenshot('overview-keyboard-filtered');
  });

  it('measures "on stable or the major before" against the stable major, not the canary, and says how it was chosen', async () => {
    const { emulator, screenshot } = e2e();
    const frame = await focusOverviewTab();
    const newest = [...emulator.fleet.browsers.values()]
      .map((b) => Math.max(...(b.browserVersions ?? []).map((v) => parseInt(v, 10))))
      .filter((m) => Number.isFinite(m));
    const seenTop = Math.max(...newest);
    assert.ok(seenTop >= STABLE_MAJOR + 2, 'the emulator fleet has beta, dev or canary majors above stable');
    const expected = newest.filter((m) => m >= STABLE_MAJOR - 1).length / newest.length;
    const stat = frame.locator('#stat-stable');
    const text = (await stat.textContent()) ?? '';
    const shown = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(expected);
    assert.ok(text.includes(shown), `${shown} in ${text}`);
    assert.ok(expected > 0.6, `a healthy fleet looks healthy (${shown})`);
    assert.match((await frame.locator('#stable-major').textContent()) ?? '', new RegExp(`^Stable major ${STABLE_MAJOR}, assumed from the fleet: `));
    assert.match(text, new RegExp(`Chrome ${STABLE_MAJOR - 1} or newer`));
    await screenshot('overview-stable-major-assumed');
  });

  it('"Set stable major…" opens the setting, and a major set there is used and named', async () => {
    const { page, screenshot } = e2e();
    let frame = await focusOverviewTab();
    await frame.locator('#set-stable-major').click();
    const input = page.locator('.settings-editor .setting-item-contents input').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const set = async (value: string) => {
      await input.click();
      await input.fill(value);
      await page.keyboard.press('Tab');
    };
    try {
      await set(String(STABLE_MAJOR + 3));
      frame = await focusOverviewTab();
      await frame.locator('#stable-major[data-source="setting"]').waitFor({ state: 'attached', timeout: 15_000 });
      assert.strictEqual(
        await frame.locator('#stable-major').textContent(),
        `Stable major ${STABLE_MAJOR + 3}, set in settings (cbcm.overview.stableMajor).`,
      );
      await screenshot('overview-stable-major-set');
    } finally {
      // 0: assumed from the fleet again.
      await page.locator('.tab', { hasText: 'Settings' }).first().click();
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await set('0');
      await page.locator('.tab', { hasText: 'Settings' }).first().hover();
      await e2e().runCommand('View: Close Editor');
    }
    frame = await focusOverviewTab();
    await frame.locator('#stable-major[data-source="fleet"]').waitFor({ state: 'attached', timeout: 15_000 });
  });

  it("a click anywhere in a bar's column filters on the whole bar: small bars and stacked segments alike", async () => {
    const { screenshot } = e2e();
    let frame = await focusOverviewTab();
    const figures = await figuresIn(frame);
    const versions = figures.charts.find((c) => c.id === 'versions')!;
    // The smallest clickable bar: a sliver of a few pixels, too thin to hit on the bar itself.
    const small = versions.categories
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.count > 0 && c.action.kind === 'filter')
      .sort((a, b) => a.c.count - b.c.count)[0];
    assert.ok(small, 'a clickable version bar');
    const length = await hook(frame).barLength('versions', small.i);
    assert.ok(length !== undefined && length < 10, `Chrome ${small.c.label} is drawn ${length} px long`);
    const point = await hook(frame).offBarPoint('versions', small.i);
    assert.ok(point);
    const query = (small.c.action as { query: string }).query;
    let since = lastSeq();
    const canvas = frame.locator('canvas[data-chart="versions"]');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.hover({ position: point });
    await screenshot('overview-small-bar-hover');
    await canvas.click({ position: point });
    await eventually(`a listing with ${query}`, () => listedWith(query, since), 20_000);
    await waitForFilteredFolder(query);

    // The Linux segment of the stable bar: the filter is the whole bar's, with no platform added.
    frame = await focusOverviewTab();
    const stable = versions.categories.findIndex((c) => c.key === String(STABLE_MAJOR));
    const linux = versions.stacks!.series.indexOf('Linux');
    assert.ok(stable >= 0 && linux >= 0 && versions.stacks!.values[linux][stable] > 0, 'the stable bar has a Linux segment');
    const stableQuery = (versions.categories[stable].action as { query: string }).query;
    const segment = await hook(frame).barCenter('versions', stable, linux);
    assert.ok(segment);
    since = lastSeq();
    await canvas.click({ position: segment });
    await eventually(`a listing with ${stableQuery}`, () => listedWith(stableQuery, since), 20_000);
    await waitForFilteredFolder(stableQuery);
    assert.ok(!queriesSince(since).some((q) => /os_platform/.test(q)), `no platform filter: ${queriesSince(since).join(' | ')}`);

    // The table offers the small bar too, under its own name.
    frame = await focusOverviewTab();
    await openTables(frame);
    const button = frame.getByRole('button', { name: `Filter explorer to Chrome ${small.c.label}`, exact: true });
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    await button.focus();
    since = lastSeq();
    await e2e().page.keyboard.press('Enter');
    await eventually(`a listing with ${query}`, () => listedWith(query, since), 20_000);
  });

  it('counts Windows 11 machines as Windows 11, and filters Windows 10 without them', async () => {
    const { emulator, screenshot } = e2e();
    const frame = await focusOverviewTab();
    const figures = await figuresIn(frame);
    const os = figures.charts.find((c) => c.id === 'osVersions')!;
    const windows = [...emulator.fleet.browsers.values()].filter((b) => b.osPlatform === 'Windows');
    const eleven = windows.filter((b) => windowsRelease(b.osVersion) === 11);
    const ten = windows.filter((b) => windowsRelease(b.osVersion) === 10);
    assert.ok(eleven.length > 100 && ten.length > 100);
    assert.strictEqual(os.categories.find((c) => c.key === 'Windows 11')?.count, eleven.length);
    assert.strictEqual(os.categories.find((c) => c.key === 'Windows 10')?.count, ten.length);

    await openTables(frame);
    const card = frame.locator('#chart-osVersions');
    await card.scrollIntoViewIfNeeded();
    await screenshot('overview-windows-11');
    // Windows 11 runs several builds and the `os` field reads it as "Windows 10": no button, a reason instead.
    assert.strictEqual(await card.getByRole('button', { name: 'Filter explorer to Windows 11' }).count(), 0);
    assert.match((await card.locator('tr', { hasText: 'Windows 11' }).textContent()) ?? '', /several builds/);
    const win10 = os.categories.find((c) => c.key === 'Windows 10')!;
    assert.strictEqual(win10.action.kind, 'filter');
    const query = (win10.action as { query: string }).query;
    const since = lastSeq();
    await card.getByRole('button', { name: 'Filter explorer to Windows 10', exact: true }).focus();
    await e2e().page.keyboard.press('Enter');
    await eventually(`a listing with ${query}`, () => listedWith(query, since), 20_000);
    await waitForFilteredFolder(query);
    let rows: string[] = [];
    await eventually(
      'browser rows under All browsers',
      () => rows.length > 0,
      20_000,
      async () => {
        rows = await allBrowsersRows();
      },
    );
    const names = new Set(ten.map((b) => b.machineName || b.deviceId));
    for (const label of rows) assert.ok(names.has(label), `${label} is not a Windows 10 machine`);
  });

  it('names every table button after its row', async () => {
    const frame = await focusOverviewTab();
    await openTables(frame);
    const figures = await figuresIn(frame);
    const buttons = frame.locator('details.table tbody button[id^="act-"]');
    const names = await buttons.evaluateAll((list) => list.map((b) => b.getAttribute('aria-label') ?? ''));
    const clickable = figures.charts.flatMap((c) => c.categories).filter((c) => c.action.kind !== 'none').length;
    assert.strictEqual(names.length, clickable, 'one button per clickable bar');
    // Rows that filter browsers also offer "Act on all…" (bulk move / annotate / delete), named after the row too.
    const bulkNames = await frame
      .locator('details.table tbody button[id^="bulk-"]')
      .evaluateAll((list) => list.map((b) => b.getAttribute('aria-label') ?? ''));
    const browserFilters = figures.charts
      .flatMap((c) => c.categories)
      .filter((c) => c.action.kind === 'filter' && c.action.dialect === 'browsers').length;
    assert.strictEqual(bulkNames.length, browserFilters, 'one "Act on all…" per browser filter');
    for (const n of bulkNames) assert.match(n, /^Move, annotate or delete all [\d,]+ browsers of .+$/);
    assert.strictEqual(new Set(bulkNames).size, bulkNames.length, `bulk names are unique: ${bulkNames.join(', ')}`);
    assert.ok(names.length >= 25, `${names.length} buttons`);
    for (const n of names) assert.match(n, /^(Filter explorer to .+|Show .+ in explorer)$/);
    assert.strictEqual(new Set(names).size, names.length, `names are unique: ${names.join(', ')}`);
    assert.ok(names.includes('Filter explorer to last activity > 90 days') || names.some((n) => /^Filter explorer to last activity /.test(n)));
    assert.strictEqual(await frame.getByRole('button', { name: 'Filter explorer to device-id collisions' }).count(), 1);
  });

  it('shows progress while listing, and Cancel keeps the partial figures with a clear note', async () => {
    const { page, emulator, webview, screenshot } = e2e();
    await page.locator('.tab', { hasText: 'Fleet Overview' }).first().click();
    const frame = await webview('body[data-state="complete"]', 30_000);
    emulator.setFaults({ latencyMs: 800 });
    try {
      await frame.locator('#refresh').click();
      await frame.locator('body[data-state="loading"]').waitFor({ state: 'attached', timeout: 10_000 });
      await frame.locator('.status', { hasText: /Listing… [\d,]+ browsers so far/ }).waitFor({ timeout: 10_000 });
      // Partial figures arrive while the listing streams (the summary says "so far").
      await frame.locator('.stat-detail', { hasText: 'so far' }).waitFor({ timeout: 15_000 });
      await screenshot('overview-loading');
      await frame.locator('#cancel').click();
      const error = frame.locator('.error');
      await error.waitFor({ state: 'visible', timeout: 10_000 });
      assert.match((await error.textContent()) ?? '', /^Cancelled after [\d,]+ browsers: the figures cover only part of the fleet/);
      assert.strictEqual(await frame.locator('#save-snapshot').isDisabled(), true, 'a partial overview cannot be saved as a snapshot');
      await screenshot('overview-cancelled');
    } finally {
      emulator.clearFaults();
    }
  });

  it('opens for one org unit from its context menu', async () => {
    const { page, emulator, screenshot } = e2e();
    await resetTree();
    const ou = emulator.fleet.orgUnits
      .list()
      .filter((u) => u.parentOrgUnitPath === '/')
      .map((u) => ({ u, n: [...emulator.fleet.browsers.values()].filter((b) => b.orgUnitPath === u.orgUnitPath).length }))
      .sort((a, b) => b.n - a.n)[0];
    const ouRow = row(ou.u.name, 3);
    const tab = page.locator('.tab', { hasText: `Fleet Overview: ${ou.u.orgUnitPath}` }).first();
    await pickFromContextMenu(ouRow, 'Open Fleet Overview', tab, 'CBCM: Open Fleet Overview');
    await tab.waitFor({ timeout: 5_000 });
    const frame = await overviewFrameFor(ou.u.orgUnitPath);
    const figures = await figuresIn(frame);
    assert.deepStrictEqual(figures.scope, { kind: 'orgUnit', orgUnitPath: ou.u.orgUnitPath });
    assert.strictEqual(figures.totals.browsers, ou.n);
    await screenshot('overview-org-unit');
  });

  it('draws in the colours of the current theme, and follows a theme change', async () => {
    const { runCommand, quickInput, screenshot } = e2e();
    const frame = await overviewFrameFor('Fleet overview');
    const pickTheme = async (label: string) => {
      await runCommand('Preferences: Color Theme');
      await quickInput.fill(label);
      await quickInput.pick(label);
    };
    // The "≤ 7 days" bar is drawn in the theme's --vscode-charts-green.
    const colours = () =>
      frame.evaluate(() => ({
        bar: (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview.barColor('activity', 0),
        green: getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-green').trim(),
        light: document.body.classList.contains('vscode-light'),
      }));
    const before = await colours();
    assert.ok(before.green, 'the webview has the theme variable');
    const beforeWindows = await hook(frame).seriesColor('versions', 'Windows');
    assert.strictEqual(beforeWindows?.color.toLowerCase(), beforeWindows?.token.toLowerCase());
    assert.strictEqual(before.bar?.toLowerCase(), before.green.toLowerCase());
    // Switch to a theme of the other kind (an earlier test may have left a light one), then back.
    const [other, back] = before.light ? ['Dark Modern', 'Light Modern'] : ['Light Modern', 'Dark Modern'];
    await pickTheme(other);
    try {
      await frame.waitForFunction((wasLight) => document.body.classList.contains('vscode-light') !== wasLight, before.light, { timeout: 15_000 });
      await frame.waitForFunction(
        () => {
          const hook = (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview;
          const green = getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-green').trim().toLowerCase();
          return hook.barColor('activity', 0)?.toLowerCase() === green;
        },
        undefined,
        { timeout: 10_000 },
      );
      const after = await colours();
      assert.notStrictEqual(after.green.toLowerCase(), before.green.toLowerCase(), `${other} has another green`);
      // The platform segments take the Okabe-Ito tokens of the theme's kind: Linux and ChromeOS clearly apart.
      const linux = await hook(frame).seriesColor('versions', 'Linux');
      const chromeos = await hook(frame).seriesColor('versions', 'ChromeOS');
      const windows = await hook(frame).seriesColor('versions', 'Windows');
      assert.ok(linux && chromeos && windows, 'the version bars stack Linux, ChromeOS and Windows');
      for (const s of [linux, chromeos, windows]) assert.strictEqual(s.color.toLowerCase(), s.token.toLowerCase());
      assert.notStrictEqual(linux.color.toLowerCase(), chromeos.color.toLowerCase());
      assert.notStrictEqual(windows.color.toLowerCase(), beforeWindows?.color.toLowerCase(), 'Windows follows the theme');
      await screenshot(`overview-${other.toLowerCase().replace(/\s+/g, '-')}-theme`);
    } finally {
      await pickTheme(back);
    }
  });

  it('comes back after "Developer: Reload Window" and lists again on Refresh', async () => {
    const { emulator, runCommand, screenshot } = e2e();
    await runCommand('View: Close All Editors');
    await runCommand('CBCM: Open Fleet Overview');
    await overviewFrameFor('whole account');
    await e2e().reloadWindow();
    // The serializer restores the panel with its scope; a new window has no figures until the admin refreshes
    // (listing a large fleet again is not something to do unasked at start-up).
    const frame = await e2e().webview('body[data-state="empty"] #refresh', 60_000);
    assert.match((await frame.locator('h1').textContent()) ?? '', /whole account/);
    await screenshot('overview-restored');
    await frame.locator('#refresh').click();
    await frame.locator('body[data-state="complete"]').waitFor({ state: 'attached', timeout: 60_000 });
    assert.strictEqual((await figuresIn(frame)).totals.browsers, emulator.fleet.browsers.size);
  });
});
