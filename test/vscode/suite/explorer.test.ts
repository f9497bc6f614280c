// The explorer tree and its commands in the real VS Code, against the emulator the harness started.
import * as assert from 'assert';
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

const labelOf = (n: ExplorerNode) => plainText(n.getTreeItem().label);
const isLoadMore = (n: ExplorerNode) => n.getTreeItem().contextValue === 'loadMore';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
  machineName?: string;
}
interface EmuOrgUnit {
  orgUnitPath: string;
}

describe('Explorer tree', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
  });

  async function rootOu(): Promise<OrgUnitNode> {
    api.explorer.refresh();
    const [account] = await api.explorer.getChildren();
    assert.ok(account, `the tree is empty (state ${api.explorer.currentTreeState}: ${api.explorer.lastErrorMessage ?? ''})`);
    const children = await api.explorer.getChildren(account);
    const root = children.find((n) => n.id === 'ou:/') as OrgUnitNode | undefined;
    assert.ok(root, `no root OU among ${children.map(labelOf).join(', ')}`);
    return root;
  }

  /** The OU with the most browsers (at most `limit` of them). */
  async function busiestOu(limit = Infinity): Promise<{ path: string; ids: string[] }> {
    const { browsers } = await control<{ browsers: EmuBrowser[] }>('browsers');
    const byOu = new Map<string, string[]>();
    for (const b of browsers) byOu.set(b.orgUnitPath, [...(byOu.get(b.orgUnitPath) ?? []), b.deviceId]);
    const [path, ids] = [...byOu.entries()].filter(([, list]) => list.length <= limit).sort((a, b) => b[1].length - a[1].length)[0];
    return { path, ids };
  }

  it('nests the emulator’s org units under the root, as in the account', async () => {
    const root = await rootOu();
    const units = (await control<{ orgUnits: EmuOrgUnit[] }>('orgunits')).orgUnits;
    const topLevel = units
      .filter((u) => u.orgUnitPath.split('/').length === 2)
      .map((u) => u.orgUnitPath)
      .sort();
    const children = await api.explorer.getChildren(root);
    const childOus = children
      .filter((n) => n.getTreeItem().contextValue === 'orgUnit')
      .map((n) => (n as OrgUnitNode).orgUnitPath)
      .sort();
    assert.deepStrictEqual(childOus, topLevel);
    assert.deepStrictEqual(children.slice(-2).map(labelOf), ['Browsers', 'Enrollment tokens']);
    const nested = units.find((u) => u.orgUnitPath.split('/').length === 3);
    assert.ok(nested, 'the generated fleet has nested OUs');
    const node = api.explorer.accountNode?.findOrgUnit(nested.orgUnitPath);
    assert.strictEqual(node?.orgUnitPath, nested.orgUnitPath);
    assert.strictEqual(api.explorer.getParent(node)?.id, `ou:${nested.orgUnitPath.slice(0, nested.orgUnitPath.lastIndexOf('/'))}`);
  });

  it('renders a browser row from its data, with device text escaped in the tooltip', async () => {
    const ouPath = '/Z Render check';
    await control('orgunits', { path: ouPath });
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1))';
    const lastActivityTime = new Date(Date.now() - 3 * 86400_000 - 60_000).toISOString();
    await control('browsers', {
      orgUnitPath: ouPath,
      machineName: hostile,
      osPlatform: 'Linux',
      browserVersions: ['131.0.6778.85'],
      lastActivityTime,
      annotatedUser: '**bold**',
    });
    await rootOu();
    const ou = api.explorer.accountNode!.findOrgUnit(ouPath)!;
    const [node] = (await api.explorer.getChildren(ou.browsers)) as BrowserNode[];
    const item = node.getTreeItem();
    assert.strictEqual(item.label, hostile, 'the label is the raw text (tree labels are never rendered as HTML)');
    assert.strictEqual(item.description, '3 days ago · Chrome 131.0.6778.85', 'the default row: last activity first (a narrow sidebar cuts the end)');
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'terminal-linux');
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.strictEqual(tooltip.isTrusted, false);
    assert.ok(!tooltip.supportHtml, 'no HTML in tooltips');
    assert.ok(!tooltip.value.includes('](javascript:'), `a device value became a link: ${tooltip.value}`);
    assert.ok(!tooltip.value.includes('**bold**'), 'Markdown in a device value is escaped');
    assert.match(tooltip.value, /Annotated user: /);
  });

  it('pages browsers in 100 at a time with "Load more", without duplicates', async () => {
    const { browsers } = await control<{ browsers: EmuBrowser[] }>('browsers');
    assert.ok(browsers.length > 200, `need more than 200 browsers, the fleet has ${browsers.length}`);
    await rootOu();
    const all = api.explorer.accountNode!.allBrowsers;
    const first = await api.explorer.getChildren(all);
    assert.strictEqual(first.filter((n) => !isLoadMore(n)).length, 100);
    assert.ok(isLoadMore(first[first.length - 1]), 'the last child is "Load more"');
    await vscode.commands.executeCommand('cbcm.explorer.loadMore', first[first.length - 1]);
    const second = await api.explorer.getChildren(all);
    const loaded = second.filter((n): n is BrowserNode => !isLoadMore(n)).map((n) => n.deviceId);
    assert.strictEqual(loaded.length, 200);
    assert.strictEqual(new Set(loaded).size, loaded.length, 'no duplicates across pages');
    const known = new Set(browsers.map((b) => b.deviceId));
    assert.ok(
      loaded.every((id) => known.has(id)),
      'only browsers of the fleet',
    );
  });

  it('lists only the browsers of an org unit under it', async () => {
    const { path: ouPath, ids } = await busiestOu(100);
    await rootOu();
    const ou = api.explorer.accountNode!.findOrgUnit(ouPath)!;
    const nodes = (await api.explorer.getChildren(ou.browsers)).filter((n): n is BrowserNode => !isLoadMore(n));
    assert.deepStrictEqual(nodes.map((n) => n.deviceId).sort(), [...ids].sort());
    assert.ok(nodes.every((n) => n.browser.orgUnitPath === ouPath));
  });

  it('lists an OU’s enrollment tokens with their state', async () => {
    const tokens = (await control<{ tokens: { orgUnitPath: string; tokenPermanentId: string; state: string }[] }>('tokens')).tokens;
    const target = tokens[0];
    await rootOu();
    const ou = api.explorer.accountNode!.findOrgUnit(target.orgUnitPath)!;
    const children = (await api.explorer.getChildren(ou.tokens)) as TokenNode[];
    const mine = tokens
      .filter((t) => t.orgUnitPath === target.orgUnitPath)
      .map((t) => t.tokenPermanentId)
      .sort();
    assert.deepStrictEqual(children.map((n) => n.token.tokenPermanentId).sort(), mine);
    assert.match(String(children[0].getTreeItem().description), /^(active|expired|revoked)/);
  });

  it('filters browsers with a query and shows it in the view', async () => {
    await rootOu();
    await vscode.commands.executeCommand('cbcm.explorer.applyFilter', { query: 'os_platform:Linux', dialect: 'browsers' });
    try {
      const all = api.explorer.accountNode!.allBrowsers;
      const nodes = (await api.explorer.getChildren(all)).filter((n): n is BrowserNode => 'browser' in n);
      assert.ok(nodes.length > 0, 'some Linux browsers');
      assert.ok(
        nodes.every((n) => n.browser.osPlatform === 'Linux'),
        'only Linux browsers',
      );
      assert.match(api.view.description ?? '', /os_platform:Linux/);
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    }
    assert.doesNotMatch(api.view.description ?? '', /os_platform/);
  });

  it('does not run a query the API would not run as typed without "Run anyway" (issue 13)', async function () {
    const win = vscode.window as unknown as { showWarningMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = win.showWarningMessage;
    const asked: unknown[][] = [];
    let answer: string | undefined;
    const stub = async (...args: unknown[]) => {
      asked.push(args);
      return answer;
    };
    try {
      win.showWarningMessage = stub;
    } catch {
      this.skip();
    }
    if (win.showWarningMessage !== stub) this.skip();
    await rootOu();
    try {
      await vscode.commands.executeCommand('cbcm.explorer.applyFilter', { query: 'machine_name:DESK*', dialect: 'browsers' });
      assert.strictEqual(asked.length, 1, 'asked once');
      assert.deepStrictEqual((asked[0][1] as { modal?: boolean }).modal, true);
      assert.ok(asked[0].includes('Run anyway'));
      assert.strictEqual(api.explorer.state.browserFilter, undefined, 'dismissed: not run');
      answer = 'Run anyway';
      await vscode.commands.executeCommand('cbcm.explorer.applyFilter', { query: 'machine_name:DESK*', dialect: 'browsers' });
      assert.deepStrictEqual(api.explorer.state.browserFilter, { query: 'machine_name:DESK*', orgUnitPath: undefined });
      asked.length = 0;
      await vscode.commands.executeCommand('cbcm.explorer.applyFilter', { query: 'os_platform:Linux', dialect: 'browsers' });
      assert.strictEqual(asked.length, 0, 'a plain query is not questioned');
    } finally {
      win.showWarningMessage = original;
      await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    }
  });

  it('runs a query in the org unit selected in the view only', async () => {
    const { path: ouPath } = await busiestOu(100);
    await rootOu();
    // A refresh still under way (an earlier test's clean-up) can replace the nodes while the view resolves them: look
    // the org unit up again and reveal it again until the view reports it selected.
    let ou = api.explorer.accountNode!.findOrgUnit(ouPath)!;
    for (let attempt = 1; attempt <= 5; attempt++) {
      ou = api.explorer.accountNode!.findOrgUnit(ouPath)!;
      await api.view.reveal(ou.browsers, { select: true, focus: false }).then(undefined, () => undefined);
      // The selection reaches the extension host a moment after reveal resolves.
      for (let i = 0; i < 30 && !api.view.selection.some((n) => n.id === ou.browsers.id); i++) await new Promise((r) => setTimeout(r, 100));
      if (api.view.selection.some((n) => n.id === ou.browsers.id)) break;
      await rootOu();
    }
    assert.ok(
      api.view.selection.some((n) => n.id === ou.browsers.id),
      'the OU’s Browsers folder is selected',
    );
    try {
      await vscode.commands.executeCommand('cbcm.explorer.applyFilter', {
        query: 'os_platform:Linux',
        dialect: 'browsers',
        scope: 'selectedOrgUnit',
      });
      assert.deepStrictEqual(api.explorer.state.browserFilter, { query: 'os_platform:Linux', orgUnitPath: ouPath });
      assert.strictEqual(ou.browsers.query, 'os_platform:Linux');
      assert.strictEqual(api.explorer.accountNode!.allBrowsers.query, undefined, 'the account-wide listing is not filtered');
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    }
  });

  it('sorts browsers by a documented field, both ways, and says so in the view', async () => {
    const names = async () => {
      const all = api.explorer.accountNode!.allBrowsers;
      return ((await api.explorer.getChildren(all)) as BrowserNode[])
        .filter((n) => 'browser' in n)
        .map((n) => (n.browser.machineName ?? '').toLowerCase());
    };
    const isSorted = (list: string[]) => list.every((v, i) => i === 0 || list[i - 1] <= v);
    await rootOu();
    try {
      await vscode.commands.executeCommand('cbcm.explorer.sort', { orderBy: 'machine_name', sortOrder: 'ASCENDING' });
      const up = await names();
      assert.ok(isSorted(up), `ascending: ${up.slice(0, 5).join(', ')}…`);
      assert.match(api.view.description ?? '', /sorted by Machine name, A to Z/);
      await vscode.commands.executeCommand('cbcm.explorer.sort', { orderBy: 'machine_name', sortOrder: 'DESCENDING' });
      const down = await names();
      assert.ok(isSorted([...down].reverse()), `descending: ${down.slice(0, 5).join(', ')}…`);
      assert.notStrictEqual(up[0], down[0]);
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.sort', {});
    }
    assert.doesNotMatch(api.view.description ?? '', /sorted/);
  });

  it('moves browsers, and after a partial failure shows where each one really is', async () => {
    const { path: from, ids } = await busiestOu();
    const units = (await control<{ orgUnits: EmuOrgUnit[] }>('orgunits')).orgUnits;
    const to = units.find((u) => u.orgUnitPath !== from)!.orgUnitPath;
    await rootOu();
    const source = api.explorer.accountNode!.findOrgUnit(from)!.browsers;
    const nodes = ((await api.explorer.getChildren(source)) as BrowserNode[]).filter((n) => 'browser' in n).slice(0, 5);
    const bad = nodes[2].deviceId;
    await control('faults', { badDeviceIds: [bad] });
    try {
      const result = await vscode.commands.executeCommand<{ moved: string[]; failed: { id: string }[]; notTried: string[] }>(
        'cbcm.browser.moveToOu',
        nodes[0],
        nodes,
        { destination: to, confirmed: true },
      );
      assert.ok(result, 'the move returns its result');
      assert.deepStrictEqual(
        result.failed.map((f) => f.id),
        [bad],
      );
      assert.strictEqual(result.moved.length, 4);
      const after = ((await api.explorer.getChildren(source)) as BrowserNode[]).map((n) => n.deviceId);
      assert.ok(after.includes(bad), 'the browser that failed stays in its OU');
      for (const id of result.moved) {
        assert.ok(!after.includes(id), `${id} left the source OU`);
        const remote = await control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);
        assert.strictEqual(remote.orgUnitPath, to);
      }
    } finally {
      await control('faults', { badDeviceIds: [] });
    }
    assert.ok(ids.length > 0);
  });

  it('creates a token (with a TTL where the API has one), then revokes it', async () => {
    await rootOu();
    // The Chrome Management API v1 has no token expiry and allows one active token per org unit.
    const v1 = process.env.CBCM_API_VERSION === 'chromemanagement-v1';
    const active = new Set(
      (await control<{ tokens: { orgUnitPath: string; state: string }[] }>('tokens')).tokens
        .filter((t) => t.state === 'active')
        .map((t) => t.orgUnitPath),
    );
    const ouPath = (await control<{ orgUnits: EmuOrgUnit[] }>('orgunits')).orgUnits.find((ou) => !v1 || !active.has(ou.orgUnitPath))!.orgUnitPath;
    const created = await vscode.commands.executeCommand<{ tokenPermanentId: string; expireTime?: string }>(
      'cbcm.token.create',
      undefined,
      undefined,
      v1 ? { orgUnitPath: ouPath } : { orgUnitPath: ouPath, ttlSeconds: 3600 },
    );
    assert.ok(created?.tokenPermanentId, 'the command returns the new token');
    const ou = api.explorer.accountNode!.findOrgUnit(ouPath)!;
    const nodes = (await api.explorer.getChildren(ou.tokens)) as TokenNode[];
    const node = nodes.find((n) => n.token?.tokenPermanentId === created.tokenPermanentId);
    assert.ok(node, 'the new token appears under its OU');
    await vscode.commands.executeCommand('cbcm.token.revoke', node, [node], { confirmed: true });
    const remote = (await control<{ tokens: { tokenPermanentId: string; state: string }[] }>('tokens')).tokens.find(
      (t) => t.tokenPermanentId === created.tokenPermanentId,
    );
    assert.strictEqual(remote?.state, 'revoked');
    assert.strictEqual(node.token.state, 'revoked');
  });

  it('copies device IDs, serial numbers and machine names of the selected browsers', async () => {
    await rootOu();
    const nodes = ((await api.explorer.getChildren(api.explorer.accountNode!.allBrowsers)) as BrowserNode[]).slice(0, 3);
    await vscode.commands.executeCommand('cbcm.browser.copyDeviceId', nodes[0], nodes);
    assert.strictEqual(await vscode.env.clipboard.readText(), nodes.map((n) => n.deviceId).join('\n'));
    await vscode.commands.executeCommand('cbcm.browser.copyMachineName', nodes[1], [nodes[1]]);
    assert.strictEqual(await vscode.env.clipboard.readText(), nodes[1].browser.machineName);
    const withSerial = nodes.find((n) => n.browser.serialNumber)!;
    await vscode.commands.executeCommand('cbcm.browser.copySerialNumber', withSerial, [withSerial]);
    assert.strictEqual(await vscode.env.clipboard.readText(), withSerial.browser.serialNumber);
  });

  it('edits an annotation and updates the row in place', async () => {
    await rootOu();
    const all = api.explorer.accountNode!.allBrowsers;
    const node = ((await api.explorer.getChildren(all)) as BrowserNode[])[1];
    const value = `Front desk ${Date.now()}`;
    await vscode.commands.executeCommand('cbcm.browser.editAnnotation', node, undefined, { field: 'annotatedLocation', value });
    const remote = await control<{ annotatedLocation?: string }>(`browsers/${encodeURIComponent(node.deviceId)}`);
    assert.strictEqual(remote.annotatedLocation, value);
    assert.strictEqual(node.browser.annotatedLocation, value, 'the tree node shows the new value without a reload');
  });

  it('deletes a browser after confirmation and drops it from the tree', async () => {
    await rootOu();
    const all = api.explorer.accountNode!.allBrowsers;
    const node = ((await api.explorer.getChildren(all)) as BrowserNode[])[0];
    await vscode.commands.executeCommand('cbcm.browser.delete', node, [node], { confirmed: true });
    const res = await fetch(`${process.env.CBCM_EMULATOR_URL}/__emulator/browsers/${encodeURIComponent(node.deviceId)}`);
    assert.strictEqual(res.status, 404, 'the emulator no longer has it');
    assert.ok(!all.loadedNodes.some((n) => n.deviceId === node.deviceId));
  });

  it('exports the listing to CSV, and a cancelled export leaves no file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-export-'));
    const { path: ouPath, ids } = await busiestOu();
    await rootOu();
    const ou = api.explorer.accountNode!.findOrgUnit(ouPath)!;
    const target = vscode.Uri.file(path.join(dir, 'fleet.csv'));
    const done = await vscode.commands.executeCommand<{ outcome: string; written: number }>('cbcm.browser.export', ou.browsers, undefined, {
      format: 'csv',
      uri: target,
    });
    assert.strictEqual(done?.outcome, 'done');
    const lines = fs.readFileSync(target.fsPath, 'utf8').trim().split('\n');
    assert.strictEqual(lines.length - 1, ids.length, 'one row per browser of the OU plus a header');

    const abort = new AbortController();
    await control('faults', { latencyMs: 300 });
    try {
      const cancelledTarget = vscode.Uri.file(path.join(dir, 'cancelled.csv'));
      setTimeout(() => abort.abort(), 450);
      const cancelled = await vscode.commands.executeCommand<{ outcome: string }>('cbcm.browser.export', undefined, undefined, {
        format: 'csv',
        uri: cancelledTarget,
        signal: abort.signal,
      });
      assert.strictEqual(cancelled?.outcome, 'cancelled');
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['fleet.csv'], 'neither a cancelled file nor a .partial is left');
    } finally {
      await control('faults', { latencyMs: 0 });
    }
  });
});
