import * as vscode from 'vscode';
import { redactSecrets } from '../../api/errors';
import { knownOrgUnitScope, pageShowsSubtree, rememberOrgUnitScope } from '../../api/orgUnitScope';
import type { ChromeBrowser } from '../../api/types';
import { describeSort, sortChoice } from '../browserSort';
import { queryFor } from '../explorerState';
import { BrowserNode } from './browserNode';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { type ListingPage, PagedFolderNode, toListingPages } from './pagedFolderNode';

/** "Browsers" under an OU (orgUnitPath set) or the account-wide listing (orgUnitPath undefined). */
export class BrowsersFolderNode extends PagedFolderNode<ChromeBrowser, BrowserNode> {
  constructor(
    parent: ExplorerNode,
    ctx: NodeContext,
    readonly orgUnitPath: string | undefined,
    private readonly label = vscode.l10n.t('Browsers'),
  ) {
    super(parent, `${parent.id}/browsers`, ctx);
  }

  get query(): string | undefined {
    return queryFor(this.ctx.state, 'browsers', this.orgUnitPath);
  }

  protected openListing(signal: AbortSignal): AsyncIterable<ListingPage<ChromeBrowser>> | undefined {
    const backend = this.ctx.backend();
    if (!backend) return undefined;
    const sort = this.ctx.state.sort;
    const pages = backend.listBrowsers(
      {
        projection: 'BASIC',
        orgUnitPath: this.orgUnitPath,
        query: this.query,
        orderBy: sort?.orderBy,
        sortOrder: sort?.sortOrder,
        maxResults: this.ctx.pageSize(),
      },
      signal,
    );
    return toListingPages(pages, (p) => p.browsers);
  }

  protected toNode(browser: ChromeBrowser): BrowserNode {
    return new BrowserNode(this, browser, () => this.ctx.browserRowFields());
  }

  protected onPage(browsers: readonly ChromeBrowser[]): void {
    // A sub-unit's browser in this org unit's listing: the API's org unit filter includes sub-units. Remembered
    // for the backend, so this folder says so and the fleet listing plans for it.
    const backend = this.ctx.backend();
    if (backend && this.orgUnitPath !== undefined && pageShowsSubtree(this.orgUnitPath, browsers)) rememberOrgUnitScope(backend, 'subtree');
    this.ctx.browsersLoaded(browsers);
  }

  /** True once the API showed that an org unit's listing includes the browsers of its sub-units. */
  private get includesSubUnits(): boolean {
    const backend = this.ctx.backend();
    return this.orgUnitPath !== undefined && backend !== undefined && knownOrgUnitScope(backend) === 'subtree';
  }

  /** A complete listing without a filter has counted its org unit (or, account-wide, every org unit). */
  protected onComplete(): void {
    if (this.query) return;
    const browsers = this.items.map((n) => n.browser);
    const now = this.ctx.now();
    if (this.orgUnitPath !== undefined) {
      // The org unit's own browsers, under either reading of the API's org unit filter.
      const own = browsers.filter((b) => b.orgUnitPath === undefined || b.orgUnitPath === this.orgUnitPath);
      this.ctx.counts.countOrgUnit(this.orgUnitPath, own, now);
      this.ctx.countsChanged([this.orgUnitPath]);
    } else {
      this.ctx.countsChanged(this.ctx.counts.countAccount(this.ctx.knownOrgUnitPaths(), browsers, now));
    }
  }

  protected emptyMessage(): string {
    return this.query ? vscode.l10n.t('No browser matches the filter') : vscode.l10n.t('No browsers in this org unit');
  }

  /** Replaces a loaded browser in place (after an annotation save); returns the nodes to redraw. */
  updateBrowser(browser: ChromeBrowser): BrowserNode[] {
    const hits = this.items.filter((n) => n.deviceId === browser.deviceId);
    for (const node of hits) node.browser = { ...node.browser, ...browser };
    return hits;
  }

  /** Drops browsers that left this listing (deleted, or moved to another OU); org unit counts follow. */
  removeBrowsers(deviceIds: ReadonlySet<string>): boolean {
    const before = this.items.length;
    this.items = this.items.filter((n) => !deviceIds.has(n.deviceId));
    const changed = this.ctx.counts.remove(deviceIds);
    if (changed.length) this.ctx.countsChanged(changed);
    return this.items.length !== before;
  }

  getTreeItem(): vscode.TreeItem {
    const subUnits = this.includesSubUnits;
    const item = new vscode.TreeItem(
      subUnits ? vscode.l10n.t('{0} (including sub-units)', this.label) : this.label,
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.query ? 'filter' : 'browser');
    const sort = this.ctx.state.sort;
    // Most telling first: a narrow sidebar cuts the end off, and the tooltip has it all.
    item.description =
      [
        this.loadedDescription(),
        sort ? describeSort(sort) : undefined,
        this.query ? vscode.l10n.t('filter: {0}', redactSecrets(this.query)) : undefined,
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
    item.tooltip = [
      this.orgUnitPath === undefined
        ? vscode.l10n.t('Every browser of the account.')
        : subUnits
          ? vscode.l10n.t('Browsers in the org unit {0} and its sub-units (the API lists sub-units with their parent).', this.orgUnitPath)
          : vscode.l10n.t('Browsers the API lists for the org unit {0}.', this.orgUnitPath),
      this.loadedTooltip('browser'),
      sort
        ? vscode.l10n.t('Sorted by {0}: {1}.', describeSort(sort), sortChoice(sort.orderBy).detail.toLowerCase())
        : vscode.l10n.t('In the API’s default order.'),
      this.query ? vscode.l10n.t('Filter: {0}', redactSecrets(this.query)) : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = this.query ? 'browsers filtered' : 'browsers';
    return item;
  }
}
