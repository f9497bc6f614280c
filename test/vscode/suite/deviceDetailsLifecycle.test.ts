// Issue 20, items 5 and 6, in the real VS Code: the tree's command previews (one reused tab) and a quick second
// run pins; panels close when their account signs out or another becomes active; a browser moved or deleted
// through the backend updates its open panel. What the webview shows (drafts, Ctrl+S, focus) is covered by
// test/vscode/e2e/deviceDetailsLifecycle.e2e.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { authHooks, info, signInOAuthThroughCommand } from './authHelpers';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

const OPEN = 'cbcm.browser.openDetails';
const PREVIEW = 'cbcm.browser.previewDetails';

function detailsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('cbcm.deviceDetails'));
}

const labels = () =>
  detailsTabs()
    .map((t) => t.label)
    .sort();

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; details tabs: ${labels().join(' | ') || 'none'}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the tree passes to its item command: the node, carrying `deviceId` and the listed `browser`. */
const nodeOf = (deviceId: string, machineName: string) => ({ deviceId, browser: { deviceId, machineName } });

describe('Device details panel: preview, account changes, writes elsewhere', function () {
  this.timeout(90_000);
  const stamp = Date.now().toString(36);
  const ids = { a: `suite-lc-a-${stamp}`, b: `suite-lc-b-${stamp}`, c: `suite-lc-c-${stamp}`, d: `suite-lc-d-${stamp}` };

  before(async () => {
    await testingApi();
    await signInWithEmulatorKey();
    await control('orgunits', { path: '/Suite LC target' });
    await control('browsers', { deviceId: ids.a, machineName: 'LC-A', orgUnitPath: '/' });
    await control('browsers', { deviceId: ids.b, machineName: 'LC-B', orgUnitPath: '/' });
    await control('browsers', { deviceId: ids.c, machineName: 'LC-C', orgUnitPath: '/' });
    await control('browsers', { deviceId: ids.d, machineName: 'LC-D', orgUnitPath: '/' });
  });

  afterEach(async () => {
    await vscode.window.tabGroups.close(detailsTabs());
    await sleep(600); // past the double-click interval: the next test's first run is a single click
  });

  it('previews in one reused tab; a quick second run for the same browser pins it', async () => {
    await vscode.commands.executeCommand(PREVIEW, nodeOf(ids.a, 'LC-A'));
    await waitFor('the preview of A', () => labels().join() === 'Browser: LC-A (preview)');
    await sleep(600);
    await vscode.commands.executeCommand(PREVIEW, nodeOf(ids.b, 'LC-B'));
    await waitFor('B in the same preview tab', () => labels().join() === 'Browser: LC-B (preview)');
    await sleep(600);
    // A double click: VS Code runs the item's command on the first click and again on the double click.
    await vscode.commands.executeCommand(PREVIEW, nodeOf(ids.b, 'LC-B'));
    await vscode.commands.executeCommand(PREVIEW, nodeOf(ids.b, 'LC-B'));
    await waitFor('B pinned', () => labels().join() === 'Browser: LC-B');
    await sleep(600);
    // The pinned tab stays; the next single click gets a new preview tab.
    await vscode.commands.executeCommand(PREVIEW, nodeOf(ids.a, 'LC-A'));
    await waitFor('a new preview beside the pinned tab', () => labels().join(' | ') === 'Browser: LC-A (preview) | Browser: LC-B');
    // "Open Browser Details" (menu, palette) pins the preview it finds.
    await vscode.commands.executeCommand(OPEN, ids.a);
    await waitFor('A pinned by the open command', () => labels().join(' | ') === 'Browser: LC-A | Browser: LC-B');
  });

  it('closes the panels of an account that signs out, and those of another account after a switch', async () => {
    const { services } = await testingApi();
    const hooks = await authHooks();
    const saId = services.backends.accountId;
    assert.ok(saId, 'signed in with the service account');
    await vscode.commands.executeCommand(OPEN, ids.a);
    await waitFor('the panel of A', () => labels().join() === 'Browser: LC-A');
    await vscode.commands.executeCommand('cbcm.auth.signOut', saId);
    await waitFor('no details panel after sign-out', () => detailsTabs().length === 0);

    await signInWithEmulatorKey();
    await vscode.commands.executeCommand(OPEN, ids.b);
    await waitFor('the panel of B', () => labels().join() === 'Browser: LC-B');
    const emu = await info();
    const oauth = (await signInOAuthThroughCommand(hooks, emu.oauthClient.clientId, emu.oauthClient.clientSecret, emu.adminEmail)) as { id: string };
    try {
      assert.strictEqual(services.backends.accountId, oauth.id, 'the new account is the active one');
      await waitFor('the service account’s panel closed after the switch', () => detailsTabs().length === 0);
      await vscode.commands.executeCommand(OPEN, ids.c);
      await waitFor('the panel of C (OAuth account)', () => labels().join() === 'Browser: LC-C');
      await vscode.commands.executeCommand('cbcm.auth.switchAccount', saId);
      await waitFor('the OAuth account’s panel closed after switching back', () => detailsTabs().length === 0);
    } finally {
      await vscode.commands.executeCommand('cbcm.auth.signOut', oauth.id);
      if (services.backends.accountId !== saId) await signInWithEmulatorKey();
    }
  });

  it('follows a move and a delete made through the backend by anyone else', async () => {
    const { services } = await testingApi();
    await vscode.commands.executeCommand(OPEN, ids.d);
    await waitFor('the panel of D', () => labels().join() === 'Browser: LC-D');
    const backend = services.backends.current!;
    const { requests: before } = await control<{ requests: { seq: number }[] }>('requests');
    const since = before.at(-1)?.seq ?? 0;
    const moved = await backend.moveBrowsers([ids.d], '/Suite LC target');
    assert.deepStrictEqual(moved.moved, [ids.d]);
    // The panel reads the device again (its org unit comes from the API, not from a guess).
    await waitFor('the panel re-reading D after the move', async () => {
      const { requests } = await control<{ requests: { method: string; path: string; status: number }[] }>(`requests?since=${since}`);
      return requests.some((r) => r.method === 'GET' && r.path.toLowerCase().includes(`/chromebrowsers/${ids.d}`) && r.status === 200);
    });

    await backend.deleteBrowser(ids.d);
    await waitFor('the panel marked deleted', () => labels().join() === 'Browser: LC-D (deleted)');
  });
});
