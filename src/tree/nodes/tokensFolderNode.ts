import * as vscode from 'vscode';
import { redactSecrets } from '../../api/errors';
import type { EnrollmentToken } from '../../api/types';
import { withCreatorEmails } from '../../api/userEmails';
import { queryFor } from '../explorerState';
import { ROOT_OU_PATH } from '../orgUnitTree';
import { compareTokens, DEFAULT_TOKEN_ORDER, TOKEN_ORDER_WORDS } from '../tokenText';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { type ListingPage, PagedFolderNode, toListingPages } from './pagedFolderNode';
import { TokenNode } from './tokenNode';

/**
 * "Enrollment tokens" created on one OU (orgUnitPath set), or every token of the account (orgUnitPath undefined:
 * the list request then carries no org unit, which the reference defines as "all enrollment tokens of this
 * customer"). Neither API sorts tokens, so the folder loads up to ten pages at once and orders them by creation time.
 */
export class TokensFolderNode extends PagedFolderNode<EnrollmentToken, TokenNode> {
  protected readonly pagesPerLoad = 10;

  constructor(
    parent: ExplorerNode,
    ctx: NodeContext,
    readonly orgUnitPath: string | undefined,
    private readonly label = vscode.l10n.t('Enrollment tokens'),
  ) {
    super(parent, `${parent.id}/tokens`, ctx);
  }

  get query(): string | undefined {
    return queryFor(this.ctx.state, 'tokens', this.orgUnitPath);
  }

  private get order() {
    return this.ctx.state.tokenOrder ?? DEFAULT_TOKEN_ORDER;
  }

  protected openListing(signal: AbortSignal): AsyncIterable<ListingPage<EnrollmentToken>> | undefined {
    const backend = this.ctx.backend();
    if (!backend) return undefined;
    const listed = backend.listTokens({ orgUnitPath: this.orgUnitPath, query: this.query, pageSize: this.ctx.pageSize() }, signal);
    // Creators as e-mail addresses where the account was signed in with a users scope (else the backend has none).
    const pages = withCreatorEmails(listed, backend.userEmail?.bind(backend), signal);
    if (this.orgUnitPath === undefined) return toListingPages(pages, (p) => p.tokens);
    // "Only list enrollment tokens created on a specific organization unit": kept exact here whatever the server does.
    return toListingPages(pages, (p) => p.tokens.filter((t) => !t.orgUnitPath || t.orgUnitPath === this.orgUnitPath));
  }

  protected toNode(token: EnrollmentToken): TokenNode {
    return new TokenNode(this, token, this.orgUnitPath === undefined);
  }

  protected sortItems(items: TokenNode[]): void {
    const compare = compareTokens(this.order);
    items.sort((a, b) => compare(a.token, b.token));
  }

  /** The order changed: re-sort what is loaded, no new request. */
  resort(): void {
    this.sortItems(this.items);
  }

  protected emptyMessage(): string {
    if (this.query) return vscode.l10n.t('No token matches the filter');
    return this.orgUnitPath === undefined
      ? vscode.l10n.t('No enrollment tokens in this account')
      : vscode.l10n.t('No enrollment tokens created on this org unit');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.query ? 'filter' : 'key');
    const where = this.orgUnitPath === ROOT_OU_PATH ? vscode.l10n.t('on / only') : undefined;
    const loaded = this.loadedDescription();
    item.description =
      [
        loaded,
        where,
        loaded ? TOKEN_ORDER_WORDS[this.order] : undefined,
        this.query ? vscode.l10n.t('filter: {0}', redactSecrets(this.query)) : undefined,
      ]
        .filter(Boolean)
        .join(' · ') || undefined;
    item.tooltip = [
      this.orgUnitPath === undefined
        ? vscode.l10n.t('Every enrollment token of the account, whatever org unit it was created on.')
        : this.orgUnitPath === ROOT_OU_PATH
          ? vscode.l10n.t(
              'Enrollment tokens created on the org unit {0} itself (not on its sub-units). "All enrollment tokens" at the top lists every org unit’s.',
              this.orgUnitPath,
            )
          : vscode.l10n.t('Enrollment tokens created on the org unit {0} itself (not on its sub-units).', this.orgUnitPath),
      this.loadedTooltip('enrollment token'),
      this.isComplete
        ? vscode.l10n.t('Sorted by creation date, {0}.', TOKEN_ORDER_WORDS[this.order])
        : vscode.l10n.t('Sorted by creation date, {0}, among the loaded ones (the API cannot sort tokens).', TOKEN_ORDER_WORDS[this.order]),
      this.query ? vscode.l10n.t('Filter: {0}', redactSecrets(this.query)) : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = 'tokens';
    return item;
  }
}
