import * as vscode from 'vscode';
import type { EnrollmentToken } from '../../api/types';
import { queryFor } from '../explorerState';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { type ListingPage, PagedFolderNode, toListingPages } from './pagedFolderNode';
import { TokenNode } from './tokenNode';

/** "Enrollment tokens" created on one OU. */
export class TokensFolderNode extends PagedFolderNode<EnrollmentToken, TokenNode> {
  constructor(
    parent: ExplorerNode,
    ctx: NodeContext,
    readonly orgUnitPath: string,
  ) {
    super(parent, `${parent.id}/tokens`, ctx);
  }

  get query(): string | undefined {
    return queryFor(this.ctx.state, 'tokens', this.orgUnitPath);
  }

  protected openListing(signal: AbortSignal): AsyncIterable<ListingPage<EnrollmentToken>> | undefined {
    const backend = this.ctx.backend();
    if (!backend) return undefined;
    const pages = backend.listTokens({ orgUnitPath: this.orgUnitPath, query: this.query, pageSize: this.ctx.pageSize() }, signal);
    // The API lists tokens of sub-OUs too when given a parent OU; keep only this OU's own tokens.
    return toListingPages(pages, (p) => p.tokens.filter((t) => !t.orgUnitPath || t.orgUnitPath === this.orgUnitPath));
  }

  protected toNode(token: EnrollmentToken): TokenNode {
    return new TokenNode(this, token);
  }

  protected emptyMessage(): string {
    return this.query ? 'No token matches the filter' : 'No enrollment tokens';
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Enrollment tokens', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.query ? 'filter' : 'key');
    item.description = this.query ? `filter: ${this.query}` : undefined;
    item.contextValue = 'tokens';
    return item;
  }
}
