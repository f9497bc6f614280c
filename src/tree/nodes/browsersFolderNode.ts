import * as vscode from 'vscode';
import type { ChromeBrowser } from '../../api/types';
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
    private readonly label = 'Browsers',
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
    const pages = backend.listBrowsers({
      projection: 'BASIC',
      orgUnitPath: this.orgUnitPath,
      query: this.query,
      orderBy: sort?.orderBy,
      sortOrder: sort?.sortOrder,
      maxResults: this.ctx.pageSize(),
    }, signal);
    return toListingPages(pages, (p) => p.browsers);
  }

  protected toNode(browser: ChromeBrowser): BrowserNode {
    return new BrowserNode(this, browser);
  }

  protected onPage(browsers: readonly ChromeBrowser[]): void {
    this.ctx.browsersLoaded(browsers);
  }

  protected emptyMessage(): string {
    return this.query ? 'No browser matches the filter' : 'No browsers in this org unit';
  }

  /** Replaces a loaded browser in place (after an annotation save); returns the nodes to redraw. */
  updateBrowser(browser: ChromeBrowser): BrowserNode[] {
    const hits = this.items.filter((n) => n.deviceId === browser.deviceId);
    for (const node of hits) node.browser = { ...node.browser, ...browser };
    return hits;
  }

  /** Drops browsers that left this listing (deleted, or moved to another OU). */
  removeBrowsers(deviceIds: ReadonlySet<string>): boolean {
    const before = this.items.length;
    this.items = this.items.filter((n) => !deviceIds.has(n.deviceId));
    return this.items.length !== before;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.query ? 'filter' : 'browser');
    item.description = this.query ? `filter: ${this.query}` : undefined;
    item.contextValue = this.query ? 'browsers filtered' : 'browsers';
    return item;
  }
}
