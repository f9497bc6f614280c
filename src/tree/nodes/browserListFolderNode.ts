import * as vscode from 'vscode';
import type { ChromeBrowser } from '../../api/types';
import { listSelection, noExtensionFilter, type BrowserSelection } from '../../inventory/selection';
import { displayLocale } from '../../util/displayLocale';
import { BrowserNode } from './browserNode';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { type ListingPage, PagedFolderNode } from './pagedFolderNode';

/**
 * Regroups the selection listing's batches (ten browsers fetched by id, or the hits of one scanned page) into
 * pages of `pageSize`, so "Load more" means the same here as in a browsers folder.
 */
async function* pagesOf(batches: AsyncIterable<ChromeBrowser[]>, pageSize: number): AsyncIterable<ListingPage<ChromeBrowser>> {
  let page: ChromeBrowser[] = [];
  for await (const batch of batches) {
    page.push(...batch);
    while (page.length >= pageSize) {
      yield { items: page.slice(0, pageSize), hasMore: true };
      page = page.slice(pageSize);
    }
  }
  yield { items: page, hasMore: false };
}

/**
 * A query-results listing at the top of the account: exactly the browsers of an inventory entry ("Browsers with
 * uBlock Origin"), fetched by their ids because no API query can name an extension or a policy. Its rows are
 * ordinary browser rows, so selecting them reaches the bulk actions, details and export like any other.
 */
export class BrowserListFolderNode extends PagedFolderNode<ChromeBrowser, BrowserNode> {
  /** Selected browsers the API no longer knows (deleted, or moved out of the scope the listing scanned). */
  private notFound = 0;

  constructor(
    parent: ExplorerNode,
    ctx: NodeContext,
    readonly selection: BrowserSelection,
    serial: number,
  ) {
    // A new id per list: VS Code must not take the rows of the previous list for this one's.
    super(parent, `${parent.id}/list-${serial}`, ctx);
  }

  protected openListing(signal: AbortSignal): AsyncIterable<ListingPage<ChromeBrowser>> | undefined {
    const backend = this.ctx.backend();
    if (!backend) return undefined;
    this.notFound = 0;
    const batches = listSelection(backend, this.selection, { projection: 'BASIC', signal, onNotFound: () => this.notFound++ });
    return pagesOf(batches, this.ctx.pageSize());
  }

  /**
   * The selection's order (a policy's problem browsers first): a scan finds the browsers in listing order, so the
   * loaded rows are put back in it. A map of a large selection is built only then, once.
   */
  private order: Map<string, number> | undefined;
  protected sortItems(items: BrowserNode[]): void {
    if (this.selection.listing.kind !== 'scan') return; // by id: already in the selection's order
    const order = (this.order ??= new Map(this.selection.deviceIds.map((id, i) => [id, i])));
    items.sort((a, b) => (order.get(a.deviceId) ?? 0) - (order.get(b.deviceId) ?? 0));
  }

  protected toNode(browser: ChromeBrowser): BrowserNode {
    return new BrowserNode(this, browser, () => this.ctx.browserRowFields());
  }

  protected onPage(browsers: readonly ChromeBrowser[]): void {
    this.ctx.browsersLoaded(browsers);
  }

  protected emptyMessage(): string {
    return this.selection.deviceIds.length === 0 ? vscode.l10n.t('No browser has it') : vscode.l10n.t('None of these browsers exists any more');
  }

  /** Loads every page (a bulk action on the whole list needs all its browsers). */
  async loadAll(): Promise<readonly BrowserNode[]> {
    await this.getChildren();
    while (!this.isComplete) {
      const before = this.loadedCount;
      await this.loadMore();
      if (this.loadedCount === before && !this.isComplete) break; // an error: its message node says what failed
    }
    return this.loadedNodes;
  }

  /** Replaces a loaded browser in place (after an annotation save); returns the nodes to redraw. */
  updateBrowser(browser: ChromeBrowser): BrowserNode[] {
    const hits = this.items.filter((n) => n.deviceId === browser.deviceId);
    for (const node of hits) node.browser = { ...node.browser, ...browser };
    return hits;
  }

  /** Drops browsers that were deleted or moved by a write (the list is by id: a moved browser stays in it). */
  removeBrowsers(deviceIds: ReadonlySet<string>): boolean {
    const before = this.items.length;
    this.items = this.items.filter((n) => !deviceIds.has(n.deviceId));
    return this.items.length !== before;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.selection;
    const item = new vscode.TreeItem(s.description, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('list-filter');
    const shown = s.deviceIds.length.toLocaleString(displayLocale());
    const total = s.deviceIds.length === 1 ? vscode.l10n.t('{0} browser', shown) : vscode.l10n.t('{0} browsers', shown);
    item.description = [
      total,
      s.complete ? undefined : vscode.l10n.t('partial inventory'),
      this.notFound ? vscode.l10n.t('{0} gone', this.notFound) : undefined,
    ]
      .filter(Boolean)
      .join(' · ');

    item.tooltip = [
      s.scope.kind === 'account'
        ? vscode.l10n.t('{0}, from the fleet inventory of the whole account.', s.description)
        : vscode.l10n.t('{0}, from the fleet inventory of the org unit {1}.', s.description, s.scope.orgUnitPath),
      s.complete
        ? undefined
        : vscode.l10n.t('The inventory was partial (still listing, cancelled or failed): browsers it had not listed yet are missing here.'),
      noExtensionFilter(),
      this.loadedTooltip('browser'),
      this.notFound ? vscode.l10n.t('{0} of them no longer exist (deleted or moved since the inventory was taken).', this.notFound) : undefined,
      vscode.l10n.t('Select browsers here for the bulk actions; "Close List" removes this folder.'),
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = 'browserList';
    return item;
  }
}
