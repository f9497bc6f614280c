import * as vscode from 'vscode';
import type { OrgUnit } from '../../api/types';
import { buildOrgUnitChildren, ROOT_OU_PATH } from '../orgUnitTree';
import type { BrowserSelection } from '../../inventory/selection';
import { BrowserListFolderNode } from './browserListFolderNode';
import { BrowsersFolderNode } from './browsersFolderNode';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { type OrgUnitDirectory, OrgUnitNode } from './orgUnitNode';
import { TokensFolderNode } from './tokensFolderNode';

/** The signed-in account: the account-wide browser and token listings, then the org unit tree from the root. */
export class AccountNode implements ExplorerNode, OrgUnitDirectory {
  readonly id = 'account';
  readonly parent = undefined;
  readonly allBrowsers: BrowsersFolderNode;
  readonly allTokens: TokensFolderNode;
  private children = new Map<string, OrgUnit[]>();
  private units: OrgUnit[] = [];
  private rootOu: OrgUnitNode | undefined;
  /** The inventory's query-results listing, shown first while set. */
  private list: BrowserListFolderNode | undefined;

  constructor(
    private readonly ctx: NodeContext,
    private readonly label: string,
  ) {
    this.allBrowsers = new BrowsersFolderNode(this, ctx, undefined, vscode.l10n.t('All browsers'));
    this.allTokens = new TokensFolderNode(this, ctx, undefined, vscode.l10n.t('All enrollment tokens'));
  }

  /** Loads the org units; throws what the API threw so the provider can pick a welcome view. */
  async load(signal?: AbortSignal): Promise<void> {
    const backend = this.ctx.backend();
    if (!backend) return;
    this.units = await backend.listOrgUnits(signal);
    this.children = buildOrgUnitChildren(this.units);
    this.rootOu = new OrgUnitNode(this, this.ctx, this, ROOT_OU_PATH, undefined);
  }

  childrenOf(path: string): readonly OrgUnit[] {
    return this.children.get(path) ?? [];
  }

  get orgUnits(): readonly OrgUnit[] {
    return this.units;
  }

  get root(): OrgUnitNode | undefined {
    return this.rootOu;
  }

  /** Finds (creating on the way) the node of an OU path, for reveal and for redraws after a move. */
  findOrgUnit(path: string): OrgUnitNode | undefined {
    let node = this.rootOu;
    if (!node || path === ROOT_OU_PATH) return node;
    for (const part of path.split('/').filter(Boolean)) {
      const prefix: string = node.orgUnitPath === ROOT_OU_PATH ? '' : node.orgUnitPath;
      node = node.subOrgUnits.find((c) => c.orgUnitPath === `${prefix}/${part}`);
      if (!node) return undefined;
    }
    return node;
  }

  get browserList(): BrowserListFolderNode | undefined {
    return this.list;
  }

  /** Shows (or with undefined removes) a list of given browsers above the listings; `serial` makes its id unique. */
  setBrowserList(selection: BrowserSelection | undefined, serial: number): BrowserListFolderNode | undefined {
    this.list?.dispose();
    this.list = selection ? new BrowserListFolderNode(this, this.ctx, selection, serial) : undefined;
    return this.list;
  }

  getChildren(): Promise<ExplorerNode[]> {
    const listings: ExplorerNode[] = [...(this.list ? [this.list] : []), this.allBrowsers, this.allTokens];
    return Promise.resolve(this.rootOu ? [...listings, this.rootOu] : listings);
  }

  /** Stops every listing still running under this account (after a refresh or sign-out). */
  dispose(): void {
    this.allBrowsers.dispose();
    this.allTokens.dispose();
    this.list?.dispose();
    const visit = (ou: OrgUnitNode) => {
      ou.browsers.dispose();
      ou.tokens.dispose();
      ou.builtSubOrgUnits.forEach(visit);
    };
    if (this.rootOu) visit(this.rootOu);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('account');
    item.contextValue = 'account';
    return item;
  }
}
