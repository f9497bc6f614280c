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
import type { CbcmBackend } from '../../api/backend';
import { FleetListingPanel, type ListingRun } from '../fleetListingPanel';
import { adoptRestoredPanel, createWebviewPanel, type PanelPage } from '../panelHost';
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
 * One overview of one scope (the account or one org unit). The lifecycle (state kept here and sent after each
 * `ready`, refresh, cancel, account change, dispose) is the kit's FleetListingPanel.
 */
export class FleetOverviewPanel extends FleetListingPanel<OverviewState, OverviewWebviewMessage, OverviewExtensionMessage> {
  private readonly onDidChangeStateEmitter = new vscode.EventEmitter<OverviewState>();
  /** Fires after each load finished, failed or was cancelled, and after a comparison. */
  readonly onDidChangeState = this.onDidChangeStateEmitter.event;

  static create(deps: OverviewDeps, scope: OverviewScope): FleetOverviewPanel {
    const panel = createWebviewPanel(deps.services, OVERVIEW_VIEW_TYPE, overviewTitle(scope));
    return new FleetOverviewPanel(panel, deps, scope, true);
  }

  /** Adopts a panel VS Code restored after a reload; it shows cached figures or waits for "Load". */
  static restore(panel: vscode.WebviewPanel, deps: OverviewDeps, scope: OverviewScope): FleetOverviewPanel {
    return new FleetOverviewPanel(adoptRestoredPanel(deps.services, panel), deps, scope, false);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: OverviewDeps,
    scope: OverviewScope,
    loadIfNotCached: boolean,
  ) {
    super(
      panel,
      deps.services,
      scope,
      { scope },
      {
        name: 'Fleet overview',
        page: overviewPage(),
        parse: parseOverviewWebviewMessage,
        signInReason: overviewSignInReason(),
        signedOutMessage: vscode.l10n.t('You are signed out. Sign in to CBCM to see the fleet overview.'),
      },
    );
    const cached = this.figuresFromCache();
    if (cached) this.state.figures = cached;
    this.disposables.push(this.onDidChangeStateEmitter);
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

  protected forgetAccount(): Partial<OverviewState> {
    return { figures: undefined };
  }

  protected async list(backend: CbcmBackend, run: ListingRun): Promise<void> {
    const { services, cache } = this.deps;
    let partial: FleetFigures | undefined;
    try {
      const result = await loadOverview(backend, {
        scope: this.scope,
        signal: run.signal,
        stableMajorSetting: readOverviewStableMajor,
        onProgress: (p) => run.progress(p),
        onPartial: (f) => {
          partial = f;
          if (!run.signal.aborted) this.update({ figures: f });
        },
      });
      if (!run.live) return;
      cache.set(this.scope, { figures: result.figures, aggregator: result.aggregator });
      // A complete, unfiltered listing: the explorer's org unit nodes show what it counted.
      services.fireFleetListingCompleted({
        accountId: services.backends.accountId,
        orgUnitPath: this.scope.kind === 'orgUnit' ? this.scope.orgUnitPath : undefined,
        includesSubUnits: result.includesSubUnits,
        browsers: result.listed,
      });
      services.log.info(
        `Fleet overview of ${scopeLabel(this.scope)}: ${result.figures.totals.browsers} browsers in ${Math.round(result.totalMs)} ms ` +
          `(aggregation ${Math.round(result.aggregateMs)} ms of CPU).`,
      );
      for (const w of result.figures.warnings) services.log.warn(`Fleet overview: ${w}`);
      this.update({ figures: result.figures, loading: undefined, error: undefined });
    } catch (error) {
      if (!run.live) return;
      const shown = partial ?? this.state.figures;
      const message =
        isCancellation(error) || run.signal.aborted
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
      if (run.current) this.onDidChangeStateEmitter.fire(this.state);
    }
  }

  protected postState(): void {
    this.host.post({ type: 'state', state: this.state });
  }

  /** A message of the webview (the host answered `ready` and `copy`). */
  protected async handle(msg: Exclude<OverviewWebviewMessage, { type: 'ready' | 'copy' }>): Promise<void> {
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
    const uri = await this.snapshotSaveUri(target, {
      title: vscode.l10n.t('Save fleet snapshot'),
      defaultUri: this.defaultSnapshotUri('fleet', cached.figures.generatedAt),
      filterName: vscode.l10n.t('Fleet snapshot (JSON)'),
    });
    if (!uri) return undefined;
    const json = serializeSnapshot(buildSnapshot(cached.figures, cached.aggregator.devicesByMajor()));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(json));
    this.deps.services.log.info(`Fleet overview: saved a snapshot (${json.length.toLocaleString(displayLocale())} bytes) to ${uri.toString(true)}.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Fleet snapshot saved: {0}', vscode.workspace.asRelativePath(uri)), 5000);
    return uri;
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
    const read = await this.readSnapshot(
      source,
      { title: vscode.l10n.t('Compare with fleet snapshot'), filterName: vscode.l10n.t('Fleet snapshot (JSON)') },
      parseSnapshot,
    );
    if (!read) return undefined;
    const { uri, snapshot: before } = read;
    const diff = diffSnapshots(before, buildSnapshot(cached.figures, cached.aggregator.devicesByMajor()));
    this.update({ diff: { ...diff, file: vscode.workspace.asRelativePath(uri) } });
    this.onDidChangeStateEmitter.fire(this.state);
    return diff;
  }
}
