// Acting on what a query matches, in the real VS Code against the emulator: the query file's "in <org unit>" lens
// names the selected org unit, runs there and reveals the filtered listing; "Act on all matching…" (a .cbcmq line,
// a row of the fleet overview) goes through the bulk commands; bulk move and delete default to the harmless button.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { keepButton, keepPlaceButton, type ModalQuestion } from '../../../src/commands/confirmText';
import type { BulkSummary } from '../../../src/operations/bulkRun';
import type { FleetFigures } from '../../../src/overview/figures';
import type { CbcmTestingApi } from '../../../src/testing';
import type { OverviewState } from '../../../src/webview/overview/protocol';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface EmuBrowser {
  deviceId: string;
  orgUnitPath: string;
  machineName?: string;
}

describe('Query actions: lenses and bulk work on what a query matches', function () {
  this.timeout(60_000);
  let api: CbcmTestingApi;
  let dir: string;
  const stamp = Date.now() % 100000;
  const word = `QACT${stamp}`;
  const ou = `/QueryActions${stamp}`;
  const dest = `${ou}-Dest`;
  const overviewOu = `${ou}-Overview`;
  let ids: string[] = [];
  const asked: ModalQuestion[] = [];

  before(async () => {
    api = await testingApi();
    await signInWithEmulatorKey();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcmq-actions-'));
    for (const p of [ou, dest, overviewOu]) await control('orgunits', { path: p });
    ids = [];
    for (let i = 0; i < 3; i++) ids.push((await control<EmuBrowser>('browsers', { machineName: `${word}-${i}`, orgUnitPath: ou })).deviceId);
    // One more with the word elsewhere in its name: the query's word match must take it too (it is in /).
    ids.push((await control<EmuBrowser>('browsers', { machineName: `lab ${word}`, orgUnitPath: '/' })).deviceId);
  });

  afterEach(() => {
    api.modal.answerWith(undefined);
    asked.length = 0;
  });

  after(async () => {
    await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const emuBrowser = (id: string) => control<EmuBrowser>(`browsers/${encodeURIComponent(id)}`);
  const allEmuIds = async () => new Set((await control<{ browsers: EmuBrowser[] }>('browsers')).browsers.map((b) => b.deviceId));
  const selectionId = () => (api.view.selection[0] as { id?: string } | undefined)?.id;
  async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
    for (const deadline = Date.now() + ms; !(await check());) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async function openQueryFile(name: string, content: string): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    return document;
  }
  const lensesOf = async (document: vscode.TextDocument) =>
    vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  const run = (lens: vscode.CodeLens) => vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));

  async function selectOrgUnit(path: string): Promise<void> {
    api.explorer.refresh();
    // The refresh replaces the tree's nodes while the view asks for them again: a node of the tree being replaced
    // cannot be revealed ("Cannot resolve tree item"), so look it up again and retry.
    for (let attempt = 1; ; attempt++) {
      const [account] = await api.explorer.getChildren();
      await api.explorer.getChildren(account);
      const node = api.explorer.accountNode!.findOrgUnit(path);
      assert.ok(node, `org unit ${path} is in the tree`);
      try {
        await api.view.reveal(node, { select: true, focus: false });
        // The renderer reports the selection to the extension host after reveal() resolves.
        await until(`the selection of ${path}`, () => selectionId() === node.id);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  }

  it('the "in <org unit>" lens names the selected org unit, filters it and reveals the filtered listing', async () => {
    await selectOrgUnit(ou);
    const document = await openQueryFile('scoped.cbcmq', `machine_name:${word}\nMachine_Name:${word}`);
    let lens: vscode.CodeLens | undefined;
    await until(`a lens naming ${ou}`, async () => {
      lens = (await lensesOf(document)).find((l) => l.command?.title === `in ${ou}`);
      return lens !== undefined;
    });
    assert.strictEqual(lens!.range.start.line, 0, 'only the line without errors can run in an org unit');
    assert.deepStrictEqual(lens!.command!.arguments?.[0], { query: `machine_name:${word}`, dialect: 'browsers', orgUnitPath: ou });

    // Select something else: the click acts on the org unit the lens named, and the lens follows the selection.
    await selectOrgUnit(dest);
    await until(`the lens to name ${dest}`, async () => (await lensesOf(document)).some((l) => l.command?.title === `in ${dest}`));
    await run(lens!);
    assert.deepStrictEqual(api.explorer.state.browserFilter, { query: `machine_name:${word}`, orgUnitPath: ou });
    await until('the filtered listing to be revealed', () => selectionId() === `ou:${ou}/browsers`);
    const folder = api.explorer.accountNode!.findOrgUnit(ou)!.browsers;
    const listed = (await api.explorer.getChildren(folder)).filter((n) => 'browser' in n).map((n) => (n as unknown as { deviceId: string }).deviceId);
    assert.deepStrictEqual(listed.sort(), ids.slice(0, 3).sort());

    // "Run in CBCM Explorer" (every org unit) reveals the account-wide listing.
    const all = (await lensesOf(document)).find((l) => l.command?.title === 'Run in CBCM Explorer')!;
    await run(all);
    assert.deepStrictEqual(api.explorer.state.browserFilter, { query: `machine_name:${word}`, orgUnitPath: undefined });
    await until('the account-wide listing to be revealed', () => selectionId() === api.explorer.accountNode!.allBrowsers.id);
    await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
  });

  it('"Act on all matching…" is on browser query lines without errors only', async () => {
    const document = await openQueryFile('act.cbcmq', `# ${word}\nmachine_name:${word}\nMachine_Name:${word}`);
    const act = (await lensesOf(document)).filter((l) => l.command?.title === 'Act on all matching…');
    assert.deepStrictEqual(
      act.map((l) => l.range.start.line),
      [1],
    );
    assert.strictEqual(act[0].command!.command, 'cbcm.bulk.actOnMatching');
    assert.deepStrictEqual(act[0].command!.arguments, [{ query: `machine_name:${word}` }]);
    const tokens = await openQueryFile('act-tokens.cbcmq', '# dialect: tokens\ntoken_state:ACTIVE');
    assert.ok(!(await lensesOf(tokens)).some((l) => l.command?.title === 'Act on all matching…'), 'no bulk browser action on a token query');
  });

  it('bulk move and bulk delete of a query default to the harmless button (Enter changes nothing)', async () => {
    api.modal.answerWith((q) => {
      asked.push(q);
      return q.buttons[0];
    });
    const scope = { query: `machine_name:${word}` };
    assert.strictEqual(await vscode.commands.executeCommand('cbcm.bulk.moveMatching', scope, undefined, { destination: dest }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('cbcm.bulk.deleteMatching', scope), undefined);
    assert.deepStrictEqual(
      asked.map((q) => [q.message, q.buttons]),
      [
        [`Move 4 browsers to ${dest}?`, [keepPlaceButton(), 'Move 4']],
        ['Delete 4 browsers?', [keepButton(), 'Delete 4']],
      ],
    );
    assert.match(asked[1].detail, new RegExp(`4 browsers matching "machine_name:${word}" in the whole account`));
    for (const id of ids) assert.notStrictEqual((await emuBrowser(id)).orgUnitPath, dest, 'nothing moved');
    const present = await allEmuIds();
    assert.ok(
      ids.every((id) => present.has(id)),
      'nothing deleted',
    );
  });

  it('a query that would not run is refused before anything is listed', async () => {
    const before = (await control<{ total: number }>('requests')).total;
    assert.strictEqual(
      await vscode.commands.executeCommand('cbcm.bulk.actOnMatching', { query: 'Machine_Name:x', kind: 'delete' }, { confirmed: true }),
      undefined,
    );
    const listings = (await control<{ requests: { path: string }[] }>(`requests?since=${before}`)).requests.filter((r) =>
      /chromebrowsers/i.test(r.path),
    );
    assert.deepStrictEqual(listings, []);
  });

  it('"Act on all matching…" from a .cbcmq line moves, then deletes exactly what the query matches', async () => {
    const document = await openQueryFile('act.cbcmq', `machine_name:${word}`);
    const act = (await lensesOf(document)).find((l) => l.command?.title === 'Act on all matching…')!;
    const others = (await allEmuIds()).size - ids.length;
    const moved = await vscode.commands.executeCommand<BulkSummary>(
      act.command!.command,
      { ...act.command!.arguments![0], kind: 'move' },
      { confirmed: true, destination: dest },
    );
    assert.deepStrictEqual(moved.done.map((t) => t.deviceId).sort(), [...ids].sort());
    for (const id of ids) assert.strictEqual((await emuBrowser(id)).orgUnitPath, dest);

    const deleted = await vscode.commands.executeCommand<BulkSummary>(
      act.command!.command,
      { ...act.command!.arguments![0], kind: 'delete' },
      { confirmed: true },
    );
    assert.deepStrictEqual(deleted.done.map((t) => t.deviceId).sort(), [...ids].sort());
    const left = await allEmuIds();
    assert.ok(!ids.some((id) => left.has(id)), 'the matching browsers are gone');
    assert.strictEqual(left.size, others, 'nothing else was deleted');
  });

  it('the fleet overview\'s "Act on all…" of a row runs the bulk command on exactly that row\'s browsers', async () => {
    const linux = [0, 1].map(
      async (i) => (await control<EmuBrowser>('browsers', { machineName: `${word}-ov-${i}`, orgUnitPath: overviewOu, osPlatform: 'Linux' })).deviceId,
    );
    const linuxIds = await Promise.all(linux);
    const windows = (await control<EmuBrowser>('browsers', { machineName: `${word}-ov-w`, orgUnitPath: overviewOu, osPlatform: 'Windows' })).deviceId;
    await vscode.commands.executeCommand('cbcm.overview.open', { orgUnitPath: overviewOu });
    const state = await vscode.commands.executeCommand<OverviewState | undefined>('cbcm.overview.testing.state', { orgUnitPath: overviewOu });
    const figures = state?.figures as FleetFigures;
    assert.ok(figures?.complete, `complete figures (error: ${state?.error ?? 'none'})`);
    const platforms = figures.charts.find((c) => c.id === 'platforms')!;
    const row = platforms.categories.findIndex((c) => c.key === 'Linux');
    assert.deepStrictEqual(platforms.categories[row].action, {
      kind: 'filter',
      dialect: 'browsers',
      query: 'os_platform:Linux',
      orgUnitPath: overviewOu,
    });

    // The admin's path: a modal stating the exact count, default button harmless.
    api.modal.answerWith((q) => {
      asked.push(q);
      return q.buttons[0];
    });
    await vscode.commands.executeCommand('cbcm.overview.testing.actOnAll', { orgUnitPath: overviewOu }, 'platforms', row, 'delete');
    assert.deepStrictEqual(
      asked.map((q) => [q.message, q.buttons[0]]),
      [['Delete 2 browsers?', keepButton()]],
    );
    assert.match(asked[0].detail, new RegExp(`matching "os_platform:Linux" in ${overviewOu}`));

    const summary = await vscode.commands.executeCommand<BulkSummary>(
      'cbcm.overview.testing.actOnAll',
      { orgUnitPath: overviewOu },
      'platforms',
      row,
      'delete',
      { confirmed: true },
    );
    assert.deepStrictEqual(summary.done.map((t) => t.deviceId).sort(), [...linuxIds].sort());
    const left = await allEmuIds();
    assert.ok(!linuxIds.some((id) => left.has(id)) && left.has(windows), 'the Linux row only');
    await vscode.commands.executeCommand('cbcm.bulk.deleteMatching', { query: '', orgUnitPath: overviewOu }, undefined, { confirmed: true });
  });
});
