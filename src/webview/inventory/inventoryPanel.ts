// One fleet inventory panel of one scope (the account or one org unit): lists the fleet FULL through the fast
// fleet listing (src/inventory/loader.ts), shows the extensions and policies as they stream in, and turns a
// click on an entry into the explorer's browser list. Its lifecycle is the kit's FleetListingPanel, as the
// overview's: the webview is recreated when it becomes visible again, so the panel keeps the state and resends it.
import * as vscode from 'vscode';
import type { CbcmBackend } from '../../api/backend';
import { scopeLabel } from '../../overview/figures';
import type { CachedInventory, InventoryCache } from '../../inventory/cache';
import { loadInventory } from '../../inventory/loader';
import type { Inventory, InventoryScope } from '../../inventory/model';
import { selectBrowsers, type BrowserSelection, type InventoryTarget } from '../../inventory/selection';
import {
  buildInventorySnapshot,
  diffInventorySnapshots,
  parseInventorySnapshot,
  serializeInventorySnapshot,
  type InventoryDiff,
} from '../../inventory/snapshot';
import type { Services } from '../../services';
import { displayLocale } from '../../util/displayLocale';
import { describeError } from '../../util/errors';
import { FleetListingPanel, type ListingRun } from '../fleetListingPanel';
import { adoptRestoredPanel, createWebviewPanel, type PanelPage } from '../panelHost';
import type { ViewScopeArgument } from '../scopedPanels';
import {
  parseInventoryWebviewMessage,
  type InventoryExtensionMessage,
  type InventoryViewState,
  type InventoryWebviewMessage,
} from './inventoryProtocol';

import { inventorySignInReason, INVENTORY_VIEW_TYPE } from './inventoryProtocol';
export { INVENTORY_VIEW_TYPE };
const inventoryPage = (): PanelPage => ({ script: 'inventory', loadingText: vscode.l10n.t('Loading the extension inventory…') });
const SHOW_BROWSER_LIST_COMMAND = 'cbcm.explorer.showBrowserList';

export function inventoryTitle(scope: InventoryScope): string {
  return scope.kind === 'account' ? vscode.l10n.t('Extension Inventory') : vscode.l10n.t('Extension Inventory: {0}', scope.orgUnitPath);
}

export interface InventoryDeps {
  services: Services;
  cache: InventoryCache;
}

/** What a click listed, for tests and the log (the device ids stay in the explorer's list). */
export interface SelectionResult {
  description: string;
  browsers: number;
  complete: boolean;
}

export class FleetInventoryPanel extends FleetListingPanel<InventoryViewState, InventoryWebviewMessage, InventoryExtensionMessage> {
  /** The finished (or stopped) inventory and the aggregator behind it; kept while a refresh streams. */
  private current: CachedInventory | undefined;
  /** While a listing streams: the partial shown and its live aggregator, so its rows can be clicked already. */
  private streaming: Pick<CachedInventory, 'inventory' | 'aggregator'> | undefined;
  /** The inventory object the webview has (sent again only when it changes, or to a new webview). */
  private sentInventory: Inventory | undefined;

  static create(deps: InventoryDeps, scope: InventoryScope): FleetInventoryPanel {
    const panel = createWebviewPanel(deps.services, INVENTORY_VIEW_TYPE, inventoryTitle(scope));
    return new FleetInventoryPanel(panel, deps, scope, true);
  }

  /** Adopts a panel VS Code restored after a reload; it shows the cached inventory or waits for "Refresh". */
  static restore(panel: vscode.WebviewPanel, deps: InventoryDeps, scope: InventoryScope): FleetInventoryPanel {
    return new FleetInventoryPanel(adoptRestoredPanel(deps.services, panel), deps, scope, false);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: InventoryDeps,
    scope: InventoryScope,
    loadIfNotCached: boolean,
  ) {
    super(
      panel,
      deps.services,
      scope,
      { scope },
      {
        name: 'Extension inventory',
        page: inventoryPage(),
        parse: parseInventoryWebviewMessage,
        signInReason: inventorySignInReason(),
        signedOutMessage: vscode.l10n.t('You are signed out. Sign in to CBCM to see the extension inventory.'),
      },
    );
    const cached = deps.cache.get(scope);
    if (cached) {
      this.current = cached;
      this.state = { scope, inventory: cached.inventory, loadedAt: cached.loadedAt.toISOString() };
    }
    if (!cached && loadIfNotCached) void this.refresh();
  }

  get inventory(): Inventory | undefined {
    return this.state.inventory;
  }

  protected webviewReady(): void {
    // A fresh document has nothing: the inventory goes again.
    this.sentInventory = undefined;
    this.postState();
  }

  /** Another account must never show this one's extensions. */
  protected forgetAccount(): Partial<InventoryViewState> {
    this.current = undefined;
    this.streaming = undefined;
    return { inventory: undefined, loadedAt: undefined };
  }

  refresh(): Promise<void> {
    // The last listing's partial is gone once a new one starts (signed in or not).
    this.streaming = undefined;
    return super.refresh();
  }

  protected async list(backend: CbcmBackend, run: ListingRun): Promise<void> {
    const { services, cache } = this.deps;
    try {
      const result = await loadInventory(backend, {
        scope: this.scope,
        signal: run.signal,
        // A partial of a large fleet is megabytes to send and draw: every 2 s is enough to watch it grow.
        partialEveryMs: 2_000,
        onProgress: (p) => run.progress(p),
        // Shown as it streams, marked partial by the webview (`complete: false`); a click lists the browsers
        // counted so far, and the explorer's list says it is partial.
        onPartial: (inventory, aggregator) => {
          if (run.signal.aborted) return;
          this.streaming = { inventory, aggregator };
          this.update({ inventory });
        },
      });
      if (run.current) this.streaming = undefined;
      if (!run.live) return;
      // A cancelled or failed listing keeps what it counted: cached too, its selections marked partial.
      const entry = cache.set(this.scope, result.inventory, result.aggregator);
      const inv = result.inventory;
      services.log.info(
        `Extension inventory of ${scopeLabel(this.scope)}: ${inv.totals.browsers} browsers, ${inv.totals.extensions} extensions, ` +
          `${inv.totals.policies} policies in ${Math.round(result.totalMs)} ms (aggregation ${Math.round(result.aggregateMs)} ms of CPU)` +
          `${inv.complete ? '' : `, partial: ${inv.interruption?.message ?? ''}`}.`,
      );
      for (const w of inv.warnings) services.log.warn(`Extension inventory: ${w}`);
      this.current = entry;
      const error = inv.interruption ? vscode.l10n.t('{0} Refresh to list it again.', inv.interruption.message) : undefined;
      this.update({ inventory: inv, loadedAt: entry.loadedAt.toISOString(), loading: undefined, error });
    } catch (error) {
      // loadInventory reports interruptions in its result; this is a bug or a failure before the listing started.
      if (!run.live) return;
      services.log.warn(`Extension inventory of ${scopeLabel(this.scope)} failed: ${describeError(error)}`);
      this.update({ loading: undefined, error: vscode.l10n.t('The fleet could not be listed: {0}', describeError(error)) });
    }
  }

  protected postState(): void {
    if (this.disposed) return;
    const { inventory, ...rest } = this.state;
    if (inventory && inventory !== this.sentInventory) this.post({ type: 'inventory', inventory });
    this.sentInventory = inventory;
    this.post({ type: 'state', state: rest, hasInventory: inventory !== undefined });
  }

  private post(msg: InventoryExtensionMessage): void {
    if (!this.disposed) this.host.post(msg);
  }

  protected async handle(msg: Exclude<InventoryWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (msg.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'select':
        await this.select(msg.target);
        return;
      case 'describe':
        this.describe(msg.key);
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
      case 'exportExtensions':
        await this.exportExtensions();
        return;
    }
  }

  /**
   * The inventory the webview shows and its aggregator: the streaming partial while a listing runs and has sent
   * one, else the last finished (or stopped) one.
   */
  private shown(): Pick<CachedInventory, 'inventory' | 'aggregator'> | undefined {
    const streamed = this.streaming;
    return streamed && this.state.inventory === streamed.inventory ? streamed : this.current;
  }

  /** The selection of an entry, without showing it (tests compare it with the explorer's list). */
  selection(target: InventoryTarget): BrowserSelection | undefined {
    const entry = this.shown();
    if (!entry) return undefined;
    // A partial (still streaming, cancelled or failed) lists the browsers counted so far, marked partial.
    return selectBrowsers(entry.aggregator, target, entry.inventory.complete);
  }

  /** Lists the browsers of an entry in the explorer; undefined when nothing is loaded yet. */
  async select(target: InventoryTarget): Promise<SelectionResult | undefined> {
    const selection = this.selection(target);
    if (!selection) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(info) Nothing is listed yet: wait for the first browsers, then click again.'), 5000);
      return undefined;
    }
    if (selection.deviceIds.length === 0) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(info) {0}: none in this inventory.', selection.description), 5000);
      return { description: selection.description, browsers: 0, complete: selection.complete };
    }
    await vscode.commands.executeCommand(SHOW_BROWSER_LIST_COMMAND, selection);
    this.deps.services.log.info(`Extension inventory: listed ${selection.deviceIds.length} browsers in the explorer (${selection.description}).`);
    return { description: selection.description, browsers: selection.deviceIds.length, complete: selection.complete };
  }

  /** Where one extension is installed, for its detail pane. */
  describe(key: string): { orgUnitPath: string; browsers: number }[] | undefined {
    const entry = this.shown();
    const e = entry?.aggregator.extension(key);
    if (!entry || !e) return undefined;
    const orgUnits = entry.aggregator.orgUnitsOf(e.all.browsers);
    this.post({ type: 'places', places: { key, orgUnits } });
    return orgUnits;
  }

  /** The complete inventory behind the panel, or undefined after saying why snapshots need one. */
  private completeInventory(incomplete: string): Inventory | undefined {
    const inv = this.current?.inventory;
    if (!inv?.complete || this.state.loading || this.state.inventory !== inv) {
      void vscode.window.showWarningMessage(incomplete);
      return undefined;
    }
    return inv;
  }

  /** Writes the inventory's counts (no device ids) as JSON into the workspace; `target` skips the save dialog. */
  async saveSnapshot(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const inv = this.completeInventory(
      vscode.l10n.t('Saving a snapshot needs a complete inventory. Refresh it, let the listing finish, then try again.'),
    );
    if (!inv) return undefined;
    const uri = await this.snapshotSaveUri(target, {
      title: vscode.l10n.t('Save inventory snapshot'),
      defaultUri: this.defaultSnapshotUri('inventory', inv.generatedAt),
      filterName: vscode.l10n.t('Inventory snapshot (JSON)'),
    });
    if (!uri) return undefined;
    const json = serializeInventorySnapshot(buildInventorySnapshot(inv));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(json));
    this.deps.services.log.info(
      `Extension inventory: saved a snapshot (${json.length.toLocaleString(displayLocale())} bytes) to ${uri.toString(true)}.`,
    );
    vscode.window.setStatusBarMessage(vscode.l10n.t('Inventory snapshot saved: {0}', vscode.workspace.asRelativePath(uri)), 5000);
    return uri;
  }

  /** Compares the inventory with a snapshot file (new and removed extensions, version changes, policies). */
  async compareSnapshot(source?: vscode.Uri): Promise<InventoryDiff | undefined> {
    const inv = this.completeInventory(vscode.l10n.t('Comparing needs a complete inventory. Refresh it, let the listing finish, then try again.'));
    if (!inv) return undefined;
    const read = await this.readSnapshot(
      source,
      { title: vscode.l10n.t('Compare with inventory snapshot'), filterName: vscode.l10n.t('Inventory snapshot (JSON)') },
      parseInventorySnapshot,
    );
    if (!read) return undefined;
    const { uri, snapshot: before } = read;
    const diff = diffInventorySnapshots(before, buildInventorySnapshot(inv));
    this.update({ diff: { ...diff, file: vscode.workspace.asRelativePath(uri) } });
    return diff;
  }

  /**
   * The column export of this panel's scope (the admin picks "one row per extension" and the columns there), of
   * all its browsers as the inventory counted them: the explorer's filter does not apply. `preset`: the export
   * command's automation argument (honoured outside Production only, by the command).
   */
  async exportExtensions(preset?: unknown): Promise<unknown> {
    const scope: ViewScopeArgument = { viewScope: this.scope };
    return vscode.commands.executeCommand('cbcm.browser.exportColumns', scope, undefined, preset);
  }
}
