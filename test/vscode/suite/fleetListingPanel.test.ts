// The webview kit's FleetListingPanel (the lifecycle the fleet overview and the extension inventory share), in a
// real VS Code against the emulator: a small panel of the kit that counts the browsers of its scope, page by page,
// with the real backend of the signed-in account. Refresh, a refresh over a running one, cancel, an account (or
// endpoint setting) change, closing the tab, reveal.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CbcmBackend } from '../../../src/api/backend';
import type { Services } from '../../../src/services';
import { FleetListingPanel, type ListingPanelState, type ListingRun } from '../../../src/webview/fleetListingPanel';
import { createWebviewPanel } from '../../../src/webview/panelHost';
import type { PanelScope } from '../../../src/webview/scopedPanels';
import { control, signInWithEmulatorKey, testingApi } from './helpers';

interface CountState extends ListingPanelState {
  browsers?: number;
}

type Message = { type: 'ready' };

const SIGNED_OUT = 'You are signed out (listing test).';

/** Counts the browsers of its scope; records every state it sends and every listing it ran. */
class CountingPanel extends FleetListingPanel<CountState, Message, { type: 'state'; state: CountState }> {
  readonly sent: CountState[] = [];
  readonly runs: ListingRun[] = [];
  /** Called after each page with the listing's run (a test cancels or closes there, mid-listing). */
  onPage: ((run: ListingRun) => void) | undefined;

  static open(services: Services, scope: PanelScope): CountingPanel {
    return new CountingPanel(createWebviewPanel(services, 'cbcm.test.listingPanel', 'Listing test'), services, scope);
  }

  private constructor(panel: vscode.WebviewPanel, services: Services, scope: PanelScope) {
    super(
      panel,
      services,
      scope,
      { scope },
      {
        name: 'Listing test',
        // The overview's script: it says `ready`; the states it is sent are not its protocol and are dropped.
        page: { script: 'overview', loadingText: 'Listing…' },
        parse: (raw) => ((raw as { type?: unknown } | null)?.type === 'ready' ? { type: 'ready' } : undefined),
        signInReason: 'The listing test needs an account.',
        signedOutMessage: SIGNED_OUT,
      },
    );
  }

  protected async list(backend: CbcmBackend, run: ListingRun): Promise<void> {
    this.runs.push(run);
    let browsers = 0;
    let pages = 0;
    try {
      const scope = this.scope.kind === 'orgUnit' ? { orgUnitPath: this.scope.orgUnitPath } : {};
      for await (const page of backend.listBrowsers({ ...scope, maxResults: 100 }, run.signal)) {
        browsers += page.browsers.length;
        pages++;
        run.progress({ browsers, pages });
        this.onPage?.(run);
      }
      if (run.live) this.update({ browsers, loading: undefined });
    } catch (error) {
      if (run.live) this.update({ loading: undefined, error: run.signal.aborted ? 'Cancelled.' : String(error) });
    }
  }

  protected forgetAccount(): Partial<CountState> {
    return { browsers: undefined };
  }

  protected postState(): void {
    this.sent.push({ ...this.state });
    this.host.post({ type: 'state', state: this.state });
  }

  protected handle(): void {}
}

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Webview kit: the listing panel lifecycle', function () {
  this.timeout(60_000);
  let services: Services;
  let fleet: number;
  const opened: CountingPanel[] = [];
  const open = (scope: PanelScope = { kind: 'account' }) => {
    const p = CountingPanel.open(services, scope);
    opened.push(p);
    return p;
  };

  before(async () => {
    services = (await testingApi()).services;
    await signInWithEmulatorKey();
    fleet = (await control<{ browsers: number }>('info')).browsers;
  });

  afterEach(() => {
    for (const p of opened.splice(0)) p.dispose();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refresh lists with the signed-in account, shows progress while it runs, then the result alone', async () => {
    const p = open();
    await p.refresh();
    assert.deepStrictEqual(p.currentState, { scope: { kind: 'account' }, browsers: fleet });
    assert.deepStrictEqual(p.sent[0], { scope: { kind: 'account' }, loading: { browsers: 0, pages: 0 } }, 'the start is sent at once');
    assert.ok(
      p.sent.every((s) => s.browsers !== undefined || s.loading !== undefined),
      'every state before the result says that it is loading',
    );
    assert.strictEqual(p.runs.length, 1);
    assert.strictEqual(p.runs[0].live, true, 'the finished listing is still the panel’s');
  });

  it('a refresh over a running listing stops it; only the newest result is shown', async () => {
    const p = open();
    let second: Promise<void> | undefined;
    p.onPage = (run) => {
      if (p.runs.length === 1 && run === p.runs[0]) second = p.refresh();
    };
    const first = p.refresh();
    await first;
    await until('the second refresh', () => second !== undefined);
    p.onPage = undefined;
    await second;
    assert.strictEqual(p.runs.length, 2);
    assert.strictEqual(p.runs[0].signal.aborted, true, 'the first listing was aborted');
    assert.strictEqual(p.runs[0].current, false);
    assert.strictEqual(p.runs[1].signal.aborted, false);
    assert.deepStrictEqual(p.currentState, { scope: { kind: 'account' }, browsers: fleet }, 'the second listing’s count, no "Cancelled."');
    assert.strictEqual(p.loading, second, '`loading` is the newest listing');
  });

  it('cancel aborts the running listing; the panel says so and stops loading', async () => {
    const p = open();
    p.onPage = () => p.cancel();
    await p.refresh();
    assert.strictEqual(p.runs[0].signal.aborted, true);
    assert.deepStrictEqual(p.currentState, { scope: { kind: 'account' }, error: 'Cancelled.' });
  });

  it('an account or endpoint setting change stops the listing and clears the data, with the reason', async () => {
    const p = open();
    await p.refresh();
    assert.strictEqual(p.currentState.browsers, fleet);
    const settings = vscode.workspace.getConfiguration('cbcm');
    try {
      // A setting the backend is built from: the backend is rebuilt, as after an account switch.
      await settings.update('requestTimeoutSeconds', 45, vscode.ConfigurationTarget.Global);
      await until('the account change', () => p.currentState.error !== undefined);
      assert.deepStrictEqual(p.currentState, {
        scope: { kind: 'account' },
        error: 'The account or its settings changed. Refresh to list the fleet of the account now signed in.',
      });
      // A listing running when it changes is stopped and its result never shown.
      let changing: Thenable<void> | undefined;
      p.onPage = () => {
        changing ??= settings.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
      };
      await p.refresh();
      await changing;
      await until('the second change', () => p.runs[1].signal.aborted);
      assert.strictEqual(p.runs[1].current, false);
      assert.strictEqual(p.currentState.browsers, undefined, 'the stopped listing showed no count');
      assert.match(p.currentState.error ?? '', /account or its settings changed/);
    } finally {
      await settings.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
    await p.refresh();
    assert.strictEqual(p.currentState.browsers, fleet, 'a refresh lists with the rebuilt backend');
  });

  it('closing the tab disposes the panel once and stops its listing, whose result is not shown', async () => {
    const p = open();
    let disposed = 0;
    p.onDidDispose(() => disposed++);
    p.onPage = () => p.panel.dispose();
    await p.refresh();
    await until('the panel disposed', () => disposed > 0);
    assert.strictEqual(disposed, 1);
    assert.strictEqual(p.runs[0].signal.aborted, true);
    assert.strictEqual(p.runs[0].live, false);
    assert.strictEqual(p.currentState.error, undefined, 'nothing was shown after the close');
    p.dispose();
    assert.strictEqual(disposed, 1, 'a second dispose does nothing');
  });

  it('reveal brings the panel back to the front', async () => {
    const p = open({ kind: 'orgUnit', orgUnitPath: '/' });
    const other = open();
    // `active` follows the view-state events, which come a little after the change.
    await until('the second panel in front', () => other.panel.active && !p.panel.active);
    p.reveal();
    await until('the first panel in front again', () => p.panel.active && !other.panel.active);
  });
});
