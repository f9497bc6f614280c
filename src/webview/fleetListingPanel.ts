// The lifecycle the fleet overview and the extension inventory share: one panel of one scope (the account or an
// org unit) that lists the fleet and shows what it counts as it streams in. The state lives here, in the
// extension host, since the webview is recreated whenever it becomes visible again (no retainContextWhenHidden);
// it is patched with `update` and sent after each `ready`. Here too: reveal, dispose (which stops the running
// listing), refresh (a new listing stops the one running), cancel, the account change (another account never
// sees this one's data: cleared, with a message), the progress throttle and the snapshot files' dialogs. A panel
// adds what it lists (`list`), what it forgets on an account change, and how its state reaches the webview.
import * as vscode from 'vscode';
import type { CbcmBackend } from '../api/backend';
import type { Services } from '../services';
import { describeError } from '../util/errors';
import type { CopyMessage, ReadyMessage } from './messageGuards';
import { PanelHost, type PanelPage } from './panelHost';
import type { PanelScope, ScopedPanel } from './scopedPanels';

/** Progress messages at most this often (a 100k listing yields ~1,000 batches). */
const PROGRESS_EVERY_MS = 250;

export interface ListingProgress {
  browsers: number;
  pages: number;
}

/** What every listing panel's state holds besides its data. */
export interface ListingPanelState {
  scope: PanelScope;
  /** A listing runs: what it has counted so far. */
  loading?: ListingProgress;
  error?: string;
  /** The comparison with a snapshot file, while shown. */
  diff?: unknown;
}

/** One listing of a panel, handed to `list`. */
export interface ListingRun {
  readonly signal: AbortSignal;
  /** Still the panel's listing: not replaced by a newer one, not cleared by an account change. */
  readonly current: boolean;
  /** `current`, and the panel is still open: its result may be shown. */
  readonly live: boolean;
  /** Progress of the listing, sent to the webview at most every 250 ms (and never after a cancel). */
  progress(p: ListingProgress): void;
}

export interface ListingPanelOptions<In extends { type: string }> {
  /** Its name in the log ("Fleet overview"). */
  name: string;
  page: PanelPage;
  /** The protocol's guard for webview messages: undefined drops the message. */
  parse(raw: unknown): In | undefined;
  /** Why the panel needs an account: the sign-in offer after `ready` while a listing failed. */
  signInReason: string;
  /** The error shown when no account is signed in. */
  signedOutMessage: string;
}

/** The error a panel shows after the account (or an endpoint setting) changed under it. */
const accountChanged = (): string => vscode.l10n.t('The account or its settings changed. Refresh to list the fleet of the account now signed in.');

export abstract class FleetListingPanel<S extends ListingPanelState, In extends { type: string }, Out> implements ScopedPanel, vscode.Disposable {
  protected readonly disposables: vscode.Disposable[] = [];
  protected readonly host: PanelHost<In, Out>;
  protected disposed = false;
  protected state: S;
  private abort: AbortController | undefined;
  private lastProgressAt = 0;
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;
  /** The running load, for tests and the commands that need its result. */
  loading: Promise<void> | undefined;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly services: Services,
    readonly scope: PanelScope,
    initialState: S,
    private readonly options: ListingPanelOptions<In>,
  ) {
    this.state = initialState;
    this.disposables.push(
      this.onDidDisposeEmitter,
      // Another account (or endpoint) must never show this one's data; its backend is disposed anyway.
      services.backends.onDidChange(() => this.accountChanged()),
    );
    this.host = new PanelHost(panel, services, {
      name: options.name,
      page: options.page,
      parse: (raw) => options.parse(raw),
      ready: () => this.webviewReady(),
      handle: (msg) => this.handle(msg),
      signInReason: () => (this.state.error ? options.signInReason : undefined),
      closed: () => this.dispose(),
    });
  }

  /** Lists the scope's fleet with `backend` (signed in); shows the result only while `run.live`. */
  protected abstract list(backend: CbcmBackend, run: ListingRun): Promise<void>;

  /** The account changed: drops the panel's copies of the old account's data; returns the state fields to clear. */
  protected abstract forgetAccount(): Partial<S>;

  /** Sends the state to the webview (after each `update` and each `ready`). */
  protected abstract postState(): void;

  /** Every webview message but `ready` and `copy`, which the host answers itself. */
  protected abstract handle(msg: Exclude<In, ReadyMessage | CopyMessage>): Promise<void> | void;

  /** The webview is listening (first load, or shown again): it gets the whole state. */
  protected webviewReady(): void {
    this.postState();
  }

  get currentState(): S {
    return this.state;
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abort?.abort();
    this.onDidDisposeEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.host.dispose();
  }

  /** Lists the fleet again (a running load is cancelled first). */
  refresh(): Promise<void> {
    this.abort?.abort();
    this.loading = this.load();
    return this.loading;
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** Patches the state (a field set to undefined is removed) and sends it. */
  protected update(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const k of Object.keys(patch) as (keyof S)[]) if (patch[k] === undefined) delete this.state[k];
    this.postState();
  }

  private accountChanged(): void {
    this.abort?.abort();
    this.abort = undefined;
    const error = this.services.backends.current ? accountChanged() : this.options.signedOutMessage;
    this.update({ ...this.forgetAccount(), diff: undefined, loading: undefined, error });
  }

  private async load(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    const backend = this.services.backends.current;
    if (!backend) {
      this.update({ loading: undefined, error: this.options.signedOutMessage } as Partial<S>);
      return;
    }
    this.update({ loading: { browsers: 0, pages: 0 }, error: undefined } as Partial<S>);
    const current = () => abort === this.abort;
    const live = () => current() && !this.disposed;
    await this.list(backend, {
      signal: abort.signal,
      get current() {
        return current();
      },
      get live() {
        return live();
      },
      progress: (p) => {
        const now = performance.now();
        if (now - this.lastProgressAt < PROGRESS_EVERY_MS || abort.signal.aborted) return;
        this.lastProgressAt = now;
        this.update({ loading: { browsers: p.browsers, pages: p.pages } } as Partial<S>);
      },
    });
  }

  /** `fleet-snapshots/<prefix>-<scope>-<date>.json` in the first workspace folder (none without a workspace). */
  protected defaultSnapshotUri(prefix: string, generatedAt: string): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return undefined;
    const scope =
      this.scope.kind === 'account' ? 'account' : this.scope.orgUnitPath.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'root';
    return vscode.Uri.joinPath(folder, 'fleet-snapshots', `${prefix}-${scope}-${generatedAt.slice(0, 10)}.json`);
  }

  /** Where to save a snapshot: `target` (automation, tests), else the admin's choice in the save dialog. */
  protected async snapshotSaveUri(
    target: vscode.Uri | undefined,
    dialog: { title: string; defaultUri: vscode.Uri | undefined; filterName: string },
  ): Promise<vscode.Uri | undefined> {
    return (
      target ??
      (await vscode.window.showSaveDialog({
        title: dialog.title,
        defaultUri: dialog.defaultUri,
        filters: { [dialog.filterName]: ['json'] },
        saveLabel: vscode.l10n.t('Save snapshot'),
      }))
    );
  }

  /**
   * Reads a snapshot to compare with: `source`, else the admin's choice in the open dialog. A file that does not
   * parse is reported (undefined then, as when the dialog is cancelled).
   */
  protected async readSnapshot<T>(
    source: vscode.Uri | undefined,
    dialog: { title: string; filterName: string },
    parse: (text: string) => T,
  ): Promise<{ uri: vscode.Uri; snapshot: T } | undefined> {
    const uri =
      source ??
      (
        await vscode.window.showOpenDialog({
          title: dialog.title,
          canSelectMany: false,
          filters: { [dialog.filterName]: ['json'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          openLabel: vscode.l10n.t('Compare'),
        })
      )?.[0];
    if (!uri) return undefined;
    try {
      return { uri, snapshot: parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) };
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', vscode.workspace.asRelativePath(uri), describeError(error)));
      return undefined;
    }
  }
}
