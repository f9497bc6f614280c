import * as vscode from 'vscode';
import { readOverviewStableMajor } from '../../configuration';
import { collisionsAction } from '../../overview/aggregator';
import { actionAt, scopeLabel, type ChartId, type FleetFigures, type ItemAction, type OverviewScope } from '../../overview/figures';
import type { OverviewCache } from '../../overview/cache';
import { loadOverview } from '../../overview/loader';
import { STABLE_MAJOR_SETTING } from '../../overview/stableMajor';
import { buildSnapshot, diffSnapshots, parseSnapshot, serializeSnapshot, type SnapshotDiff } from '../../overview/snapshot';
import type { Services } from '../../services';
import { describeError, isCancellation } from '../../util/errors';
import { adoptRestoredPanel, createWebviewPanel, PanelHost, type PanelPage } from '../panelHost';
import {
  overviewSignInReason,
  OVERVIEW_VIEW_TYPE,
  parseOverviewWebviewMessage,
  type OverviewExtensionMessage,
  type OverviewState,
  type OverviewWebviewMessage,
} from './protocol';
import { displayLocale } from '../../util/displayLocale';

export { OVERVIEW_VIEW_TYPE };
const overviewPage = (): PanelPage => ({ script: 'overview', loadingText: vscode.l10n.t('Loading the fleet overview…') });
export { overviewSignInReason };
/** Progress messages at most this often (a 100k listing yields ~1,000 batches). */
const PROGRESS_EVERY_MS = 250;

export function overviewTitle(scope: OverviewScope): string {
  return scope.kind === 'account' ? vscode.l10n.t('Fleet Overview') : vscode.l10n.t('Fleet Overview: {0}', scope.orgUnitPath);
}

export interface OverviewDeps {
  services: Services;
  cache: OverviewCache;
}

/** What a click did (the action of the bar), for tests and the log. */
export type ActivationResult = ItemAction;

/**
 * One overview of one scope (the account or one org unit). The webview is recreated whenever it becomes
 * visible again (no retainContextWhenHidden), so the panel keeps the state and sends it after each `ready`.
 */
export class FleetOverviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly host: PanelHost<OverviewWebviewMessage, OverviewExtensionMessage>;
  private disposed = false;
  private abort: AbortController | undefined;
  private state: OverviewState;
  private lastProgressAt = 0;
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;
  private readonly onDidChangeStateEmitter = new vscode.EventEmitter<OverviewState>();
  /** Fires after each load finished, failed or was cancelled, and after a comparison. */
  readonly onDidChangeState = this.onDidChangeStateEmitter.event;
  /** The running load, for tests and the commands that need its result. */
  loading: Promise<void> | undefined;

  static create(deps: OverviewDeps, scope: OverviewScope): FleetOverviewPanel {
    const panel = createWebviewPanel(deps.services, OVERVIEW_VIEW_TYPE, overviewTitle(scope));
    return new FleetOverviewPanel(panel, deps, scope, true);
  }

  /** Adopts a panel VS Code restored after a reload; it shows cached figures or waits for "Load". */
  static restore(panel: vscode.WebviewPanel, deps: OverviewDeps, scope: OverviewScope): FleetOverviewPanel {
    return new FleetOverviewPanel(adoptRestoredPanel(deps.services, panel), deps, scope, false);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: OverviewDeps,
    readonly scope: OverviewScope,
    loadIfNotCached: boolean,
  ) {
    this.state = { scope };
    const cached = this.figuresFromCache();
    if (cached) this.state.figures = cached;
    this.disposables.push(
      this.onDidDisposeEmitter,
      this.onDidChangeStateEmitter,
      // Another account (or endpoint) must never show this one's figures; its backend is disposed anyway.
      deps.services.backends.onDidChange(() => this.accountChanged()),
    );
    this.host = new PanelHost(panel, deps.services, {
      name: 'Fleet overview',
      page: overviewPage(),
      parse: parseOverviewWebviewMessage,
      ready: () => this.post({ type: 'state', state: this.state }),
      handle: (msg) => this.handle(msg),
      signInReason: () => (this.state.error ? overviewSignInReason() : undefined),
      closed: () => this.dispose(),
    });
    if (!cached && loadIfNotCached) void this.refresh();
  }

  /**
   * The cached listing's figures under the current stable-major setting: recomputed from its aggregator (cheap, no
   * listing), since the setting may have changed while no panel showed them. The cache gets the same object, which
   * snapshots check.
   */
  private figuresFromCache(): FleetFigures | undefined {
    const cached = this.deps.cache.get(this.scope);
    if (!cached?.aggregator) return cached?.figures;
    const figures = cached.aggregator.figures(cached.figures.complete, new Date(cached.figures.generatedAt));
    this.deps.cache.set(this.scope, { ...cached, figures });
    return figures;
  }

  /** `cbcm.overview.stableMajor` changed: redraw the figures without listing again (a running load reads it itself). */
  stableMajorSettingChanged(): void {
    if (this.state.loading || !this.state.figures) return;
    const cached = this.deps.cache.get(this.scope);
    if (cached?.figures !== this.state.figures) return; // partial figures of a cancelled load: their aggregator is gone
    const figures = this.figuresFromCache();
    if (!figures) return;
    this.update({ figures });
    this.onDidChangeStateEmitter.fire(this.state);
  }

  get figures(): FleetFigures | undefined {
    return this.state.figures;
  }

  get currentState(): OverviewState {
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

  private accountChanged(): void {
    this.abort?.abort();
    this.abort = undefined;
    const error = this.deps.services.backends.current
      ? vscode.l10n.t('The account or its settings changed. Refresh to list the fleet of the account now signed in.')
      : vscode.l10n.t('You are signed out. Sign in to CBCM to see the fleet overview.');
    this.update({ figures: undefined, diff: undefined, loading: undefined, error });
  }

  private async load(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    const { services, cache } = this.deps;
    const backend = services.backends.current;
    if (!backend) {
      this.update({ loading: undefined, error: vscode.l10n.t('You are signed out. Sign in to CBCM to see the fleet overview.') });
      return;
    }
    this.update({ loading: { browsers: 0, pages: 0 }, error: undefined });
    let partial: FleetFigures | undefined;
    try {
      const result = await loadOverview(backend, {
        scope: this.scope,
        signal: abort.signal,
        stableMajorSetting: readOverviewStableMajor,
        onProgress: (p) => {
          const now = performance.now();
          if (now - this.lastProgressAt < PROGRESS_EVERY_MS || abort.signal.aborted) return;
          this.lastProgressAt = now;
          this.update({ loading: { browsers: p.browsers, pages: p.pages } });
        },
        onPartial: (f) => {
          partial = f;
          if (!abort.signal.aborted) this.update({ figures: f });
        },
      });
      if (abort !== this.abort || this.disposed) return;
      cache.set(this.scope, { figures: result.figures, aggregator: result.aggregator });
      services.log.info(
        `Fleet overview of ${scopeLabel(this.scope)}: ${result.figures.totals.browsers} browsers in ${Math.round(result.totalMs)} ms ` +
          `(aggregation ${Math.round(result.aggregateMs)} ms of CPU).`,
      );
      for (const w of result.figures.warnings) services.log.warn(`Fleet overview: ${w}`);
      this.update({ figures: result.figures, loading: undefined, error: undefined });
    } catch (error) {
      if (abort !== this.abort || this.disposed) return;
      const shown = partial ?? this.state.figures;
      const message =
        isCancellation(error) || abort.signal.aborted
          ? partial
            ? vscode.l10n.t(
                'Cancelled after {0} browsers: the figures cover only part of the fleet. Refresh to list it again.',
                partial.totals.browsers.toLocaleString(displayLocale()),
              )
            : vscode.l10n.t('Cancelled. Refresh to list it again.')
          : vscode.l10n.t('The fleet could not be listed: {0}', describeError(error));
      if (!isCancellation(error)) services.log.warn(`Fleet overview of ${scopeLabel(this.scope)} failed: ${describeError(error)}`);
      this.update({ figures: shown, loading: undefined, error: message });
    } finally {
      if (abort === this.abort) this.onDidChangeStateEmitter.fire(this.state);
    }
  }

  private update(patch: Partial<OverviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const k of Object.keys(patch) as (keyof OverviewState)[]) if (patch[k] === undefined) delete this.state[k];
    this.post({ type: 'state', state: this.state });
  }

  private post(msg: OverviewExtensionMessage): void {
    this.host.post(msg);
  }

  /** A message of the webview (the host answered `ready` and `copy`). */
  private async handle(msg: Exclude<OverviewWebviewMessage, { type: 'ready' | 'copy' }>): Promise<void> {
    switch (msg.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'activate':
        await this.activate(msg.chart, msg.category);
        return;
      case 'actOnAll':
        await this.actOnAll(msg.chart, msg.category);
        return;
      case 'openStableMajorSetting':
        await vscode.commands.executeCommand('workbench.action.openSettings', STABLE_MAJOR_SETTING);
        return;
      case 'filterCollisions':
        await this.run(collisionsAction(this.scope));
        return;
      case 'saveSnapshot':
        await this.saveSnapshot();
        return;
      case 'compareSnapshot':
        await this.compareSnapshot();
        return;
      case 'closeDiff':
        this.update({ diff: undefined });
        return;
    }
  }

  /** Runs the action of a bar (the whole bar: a stacked bar's segments share it); the webview only names the bar. */
  async activate(chart: ChartId, category: number): Promise<ActivationResult> {
    const action: ItemAction | undefined = this.state.figures && actionAt(this.state.figures, chart, category);
    if (!action) return { kind: 'none', reason: 'unknown bar' };
    return this.run(action);
  }

  /**
   * "Act on all…" of a bar whose filter lists browsers: the bulk commands' pick of move / delete / annotate, each
   * with its dry run, exact count and confirmation. `choice` (tests) names the operation and its automation.
   */
  async actOnAll(chart: ChartId, category: number, choice?: { kind: string; automation?: unknown }): Promise<unknown> {
    const action: ItemAction | undefined = this.state.figures && actionAt(this.state.figures, chart, category);
    if (action?.kind !== 'filter' || action.dialect !== 'browsers') {
      vscode.window.setStatusBarMessage(vscode.l10n.t('This bar has no browser filter to act on.'), 5000);
      return undefined;
    }
    return vscode.commands.executeCommand(
      'cbcm.bulk.actOnMatching',
      { query: action.query, orgUnitPath: action.orgUnitPath, kind: choice?.kind },
      choice?.automation,
    );
  }

  private async run(action: ItemAction): Promise<ActivationResult> {
    if (action.kind === 'none') {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Not a filter: {0}', action.reason), 5000);
      return action;
    }
    if (action.kind === 'revealOrgUnit') {
      await this.revealBrowsers(action.orgUnitPath);
      return action;
    }
    await vscode.commands.executeCommand('cbcm.explorer.applyFilter', {
      query: action.query,
      dialect: action.dialect,
      orgUnitPath: action.orgUnitPath,
    });
    // Show where the filtered listing is: the org unit's folder, or the account-wide "All browsers".
    if (action.dialect === 'browsers') await this.revealBrowsers(action.orgUnitPath);
    this.deps.services.log.info(
      `Fleet overview: filtered the explorer with ${action.dialect} query "${action.query}"${action.orgUnitPath ? ` in ${action.orgUnitPath}` : ''}.`,
    );
    return action;
  }

  /** Selects and expands the browsers folder of an org unit (undefined: the account-wide folder), by command. */
  private async revealBrowsers(orgUnitPath: string | undefined): Promise<void> {
    await vscode.commands.executeCommand('cbcm.explorer.revealBrowsers', orgUnitPath === undefined ? {} : { orgUnitPath });
  }

  /** Writes the figures (and device ids by major) as JSON; `target` skips the save dialog. */
  async saveSnapshot(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const cached = this.deps.cache.get(this.scope);
    if (!cached?.aggregator || !this.state.figures?.complete || cached.figures !== this.state.figures) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Snapshots need a complete overview. Refresh it, let the listing finish, then save again.'),
      );
      return undefined;
    }
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Save fleet snapshot'),
        defaultUri: this.defaultSnapshotUri(cached.figures),
        filters: { [vscode.l10n.t('Fleet snapshot (JSON)')]: ['json'] },
        saveLabel: vscode.l10n.t('Save snapshot'),
      }));
    if (!uri) return undefined;
    const json = serializeSnapshot(buildSnapshot(cached.figures, cached.aggregator.devicesByMajor()));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(json));
    this.deps.services.log.info(`Fleet overview: saved a snapshot (${json.length.toLocaleString(displayLocale())} bytes) to ${uri.toString(true)}.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Fleet snapshot saved: {0}', vscode.workspace.asRelativePath(uri)), 5000);
    return uri;
  }

  private defaultSnapshotUri(figures: FleetFigures): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return undefined;
    const scope =
      this.scope.kind === 'account' ? 'account' : this.scope.orgUnitPath.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'root';
    return vscode.Uri.joinPath(folder, 'fleet-snapshots', `fleet-${scope}-${figures.generatedAt.slice(0, 10)}.json`);
  }

  /** Compares the current overview with a snapshot file; `source` skips the open dialog. */
  async compareSnapshot(source?: vscode.Uri): Promise<SnapshotDiff | undefined> {
    const cached = this.deps.cache.get(this.scope);
    if (!cached?.aggregator || !this.state.figures?.complete || cached.figures !== this.state.figures) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Comparing needs a complete overview. Refresh it, let the listing finish, then compare again.'),
      );
      return undefined;
    }
    const uri =
      source ??
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Compare with fleet snapshot'),
          canSelectMany: false,
          filters: { [vscode.l10n.t('Fleet snapshot (JSON)')]: ['json'] },
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          openLabel: vscode.l10n.t('Compare'),
        })
      )?.[0];
    if (!uri) return undefined;
    let before;
    try {
      before = parseSnapshot(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', vscode.workspace.asRelativePath(uri), describeError(error)));
      return undefined;
    }
    const diff = diffSnapshots(before, buildSnapshot(cached.figures, cached.aggregator.devicesByMajor()));
    this.update({ diff: { ...diff, file: vscode.workspace.asRelativePath(uri) } });
    this.onDidChangeStateEmitter.fire(this.state);
    return diff;
  }
}
