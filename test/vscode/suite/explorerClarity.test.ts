// What the explorer says about itself, in the real VS Code against the emulator: which API, which sort, how much
// is loaded, how many browsers an org unit holds, what a row shows, every enrollment token of the account.
import * as assert from 'assert';
import { parse } from 'csv-parse/sync';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CbcmTestingApi } from '../../../src/testing';
import type { BrowserNode } from '../../../src/tree/nodes/browserNode';
import type { ExplorerNode } from '../../../src/tree/nodes/explorerNode';
import type { OrgUnitNode } from '../../../src/tree/nodes/orgUnitNode';
import type { TokenNode } from '../../../src/tree/nodes/tokenNode';
import { control, plainText, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
  machineName?: string;
}
interface EmuToken {
  tokenPermanentId: string;
  orgUnitPath: string;
  createTime: string;
  state: string;
}

const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
const isBrowser = (n: ExplorerNode): n is BrowserNode => 'browser' in n;
const isToken = (n: ExplorerNode): n is TokenNode => 'token' in n;
const description = (n: ExplorerNode) => String(n.getTreeItem().description ?? '');

/** Runs a command that opens quick picks and accepts the highlighted item of each, `picks` times. */
async function acceptQuickPicks(command: string, picks: number): Promise<void> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand(command)).finally(() => {
    settled = true;
  });
  for (let accepted = 0; !settled && accepted < picks * 20; accepted++) {
    await new Promise((r) => setTimeout(r, 150));
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  await run;
}

describe('Explorer clarity', function () {
  this.timeout(90_000);
  let api: CbcmTestingApi;

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
  });

  async function account() {
    api.explorer.refresh();
    const [node] = await api.explorer.getChildren();
    assert.ok(node, `the tree is empty (state ${api.explorer.currentTreeState})`);
    await api.explorer.getChildren(node);
    return api.explorer.accountNode!;
  }

  it('names the active API in the status bar tooltip and the view description', async () => {
    await account();
    const tooltip = plainText(api.auth!.statusBarItem.tooltip);
    if (v1) {
      assert.match(tooltip, /API: Chrome Management API v1/);
      assert.match(api.view.description ?? '', /^Chrome Management v1/);
    } else {
      assert.match(tooltip, /API: Admin SDK Directory API v1\.1beta1 \(works until Chrome 166/);
      assert.match(api.view.description ?? '', /^Admin SDK v1\.1beta1/);
    }
  });

  it('sorts from the picker by its first, most useful column and says so in each browser folder and the view', async () => {
    await vscode.commands.executeCommand('cbcm.explorer.sort', {});
    try {
      await acceptQuickPicks('cbcm.explorer.sort', 2);
      assert.deepStrictEqual(api.explorer.state.sort, { orderBy: 'last_activity', sortOrder: 'DESCENDING' }, 'Last activity, newest first');
      const acc = await account();
      const nodes = (await api.explorer.getChildren(acc.allBrowsers)).filter(isBrowser);
      const times = nodes.map((n) => Date.parse(n.browser.lastActivityTime ?? '') || 0);
      assert.ok(
        times.every((t, i) => i === 0 || times[i - 1] >= t),
        'newest activity first',
      );
      assert.match(description(acc.allBrowsers), /^100 loaded, more… · Last activity, newest first$/);
      assert.match(plainText(acc.allBrowsers.getTreeItem().tooltip), /Sorted by Last activity, newest first: the latest of status report/);
      assert.match(description(acc.root!.browsers), /Last activity, newest first/, 'a folder not loaded yet names the sort too');
      assert.match(api.view.description ?? '', /sorted by Last activity, newest first/);
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.sort', {});
    }
    assert.doesNotMatch(description((await account()).allBrowsers), /Last activity/);
  });

  it('says how many browsers a folder loaded, and shows an org unit’s count and its age once a listing counted it', async () => {
    const { browsers } = await control<{ browsers: EmuBrowser[] }>('browsers');
    const byOu = new Map<string, number>();
    for (const b of browsers) byOu.set(b.orgUnitPath, (byOu.get(b.orgUnitPath) ?? 0) + 1);
    const [ouPath, n] = [...byOu.entries()].filter(([p, c]) => p !== '/' && c <= 100).sort((a, b) => b[1] - a[1])[0];
    const acc = await account();
    const ou = acc.findOrgUnit(ouPath) as OrgUnitNode;
    await api.explorer.getChildren(ou.browsers);
    assert.strictEqual(description(ou.browsers), n.toLocaleString('en'), 'a complete listing says how many');
    assert.strictEqual(description(ou), `${n} browser${n === 1 ? '' : 's'} · just now`);
    assert.match(plainText(ou.getTreeItem().tooltip), new RegExp(`${n} browsers? in ${ouPath.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')} itself`));

    // A browser deleted here leaves the count at once.
    const victim = (await api.explorer.getChildren(ou.browsers)).filter(isBrowser)[0];
    await vscode.commands.executeCommand('cbcm.browser.delete', victim, [victim], { confirmed: true });
    assert.strictEqual(description(ou), `${n - 1} browser${n - 1 === 1 ? '' : 's'} · just now`);
    assert.strictEqual(description(ou.browsers), (n - 1).toLocaleString('en'));
  });

  it('shows the row fields chosen in cbcm.browserRow.description, in that order, without listing again', async () => {
    const config = vscode.workspace.getConfiguration('cbcm');
    const acc = await account();
    const node = (await api.explorer.getChildren(acc.allBrowsers)).filter(isBrowser).find((b) => b.browser.lastDeviceUser && b.browser.osPlatform)!;
    assert.ok(node, 'a browser with a last user and an OS');
    const before = (await control<{ apiTotal: number }>('requests')).apiTotal;
    try {
      await config.update('browserRow.description', ['lastUser', 'os'], vscode.ConfigurationTarget.Global);
      const b = node.browser;
      const os = b.osPlatformVersion || [b.osPlatform, b.osVersion].filter(Boolean).join(' ');
      assert.strictEqual(description(node), `${b.lastDeviceUser} · ${os}`);
      assert.ok(api.explorer.accountNode === acc, 'the tree was not rebuilt');
      assert.strictEqual((await control<{ apiTotal: number }>('requests')).apiTotal, before, 'no API request for a display setting');
    } finally {
      await config.update('browserRow.description', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.match(description(node), /^(\d+ \w+ ago|just now|yesterday|last \w+) · Chrome /);
  });

  it('lists every enrollment token of the account, newest first, rows with state, created date and org unit', async () => {
    const tokens = (await control<{ tokens: EmuToken[] }>('tokens')).tokens;
    assert.ok(new Set(tokens.map((t) => t.orgUnitPath)).size > 1, 'the fleet has tokens on several org units');
    const acc = await account();
    const children = await api.explorer.getChildren(acc);
    assert.deepStrictEqual(
      children.map((c) => plainText(c.getTreeItem().label)),
      ['All browsers', 'All enrollment tokens', 'All org units (/)'],
    );
    const rows = (await api.explorer.getChildren(acc.allTokens)).filter(isToken);
    const newestFirst = [...tokens].sort(
      (a, b) => Date.parse(b.createTime) - Date.parse(a.createTime) || (a.tokenPermanentId < b.tokenPermanentId ? -1 : 1),
    );
    assert.deepStrictEqual(
      rows.map((r) => r.token.tokenPermanentId),
      newestFirst.map((t) => t.tokenPermanentId),
    );
    for (const row of rows.slice(0, 5)) {
      const t = row.token;
      assert.ok(description(row).startsWith(`${t.state} · created ${t.createTime!.slice(0, 10)} · ${t.orgUnitPath}`), description(row));
    }
    assert.match(description(acc.allTokens), new RegExp(`^${tokens.length} · newest first$`));

    // The root org unit's own folder lists the tokens created on / only, and says so.
    const rootRows = (await api.explorer.getChildren(acc.root!.tokens)).filter(isToken);
    assert.deepStrictEqual(
      rootRows.map((r) => r.token.tokenPermanentId).sort(),
      tokens
        .filter((t) => t.orgUnitPath === '/')
        .map((t) => t.tokenPermanentId)
        .sort(),
    );
    assert.match(description(acc.root!.tokens), /on \/ only/);

    try {
      await vscode.commands.executeCommand('cbcm.explorer.sortTokens', 'oldestFirst');
      const again = (await api.explorer.getChildren(acc.allTokens)).filter(isToken);
      const times = again.map((r) => Date.parse(r.token.createTime!));
      assert.ok(
        times.every((t, i) => i === 0 || times[i - 1] <= t),
        'oldest first',
      );
      assert.match(description(acc.allTokens), /oldest first/);
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.sortTokens', 'newestFirst');
    }
  });

  it('exports "x.csv.csv" as x.csv, in the explorer’s sort order, and counts every org unit from an unfiltered export', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-export-'));
    await account();
    try {
      await vscode.commands.executeCommand('cbcm.explorer.sort', { orderBy: 'machine_name', sortOrder: 'DESCENDING' });
      const done = await vscode.commands.executeCommand<{ outcome: string; path: string }>('cbcm.browser.export', undefined, undefined, {
        format: 'csv',
        uri: vscode.Uri.file(path.join(dir, 'x.csv.csv')),
      });
      assert.strictEqual(done?.outcome, 'done');
      assert.deepStrictEqual(fs.readdirSync(dir), ['x.csv']);
      const rows = parse<{ machineName: string }>(fs.readFileSync(path.join(dir, 'x.csv'), 'utf8'), { columns: true });
      assert.strictEqual(rows.length, (await control<{ browsers: EmuBrowser[] }>('browsers')).browsers.length, 'the whole account');
      const names = rows.map((r) => r.machineName.toLowerCase());
      assert.ok(
        names.every((v, i) => i === 0 || names[i - 1] >= v),
        `machine names Z to A: ${names.slice(0, 4).join(', ')}…`,
      );
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.sort', {});
    }
    const { browsers } = await control<{ browsers: EmuBrowser[] }>('browsers');
    const units = (await control<{ orgUnits: { orgUnitPath: string }[] }>('orgunits')).orgUnits;
    const acc = api.explorer.accountNode!;
    for (const unit of units.slice(0, 6)) {
      const n = browsers.filter((b) => b.orgUnitPath === unit.orgUnitPath).length;
      assert.strictEqual(api.explorer.counts.get(unit.orgUnitPath)?.browsers, n, unit.orgUnitPath);
      const node = acc.findOrgUnit(unit.orgUnitPath);
      if (node) assert.match(description(node), new RegExp(`^${n} browsers? · just now$`));
    }
  });
});
