import * as vscode from 'vscode';
import type { OrgUnit } from '../../api/types';
import { count } from '../../util/relativeTime';
import { countAgeText } from '../listingText';
import { ouDisplayName, ROOT_OU_PATH } from '../orgUnitTree';
import { displayLocale } from '../../util/displayLocale';
import { BrowsersFolderNode } from './browsersFolderNode';
import type { ExplorerNode, NodeContext } from './explorerNode';
import { TokensFolderNode } from './tokensFolderNode';

/** Where an OU node finds its sub-OUs (the explorer lists org units once per refresh). */
export interface OrgUnitDirectory {
  childrenOf(path: string): readonly OrgUnit[];
}

/** An org unit: its sub-OUs first, then its own "Browsers" and "Enrollment tokens". */
export class OrgUnitNode implements ExplorerNode {
  readonly id: string;
  readonly browsers: BrowsersFolderNode;
  readonly tokens: TokensFolderNode;
  private subUnits: OrgUnitNode[] | undefined;

  constructor(
    readonly parent: ExplorerNode,
    private readonly ctx: NodeContext,
    private readonly directory: OrgUnitDirectory,
    readonly orgUnitPath: string,
    readonly orgUnit: OrgUnit | undefined,
  ) {
    // Paths are unique and stable: a refresh keeps expansion and reveal finds the node again.
    this.id = `ou:${orgUnitPath}`;
    this.browsers = new BrowsersFolderNode(this, ctx, orgUnitPath);
    this.tokens = new TokensFolderNode(this, ctx, orgUnitPath);
  }

  get subOrgUnits(): OrgUnitNode[] {
    this.subUnits ??= this.directory.childrenOf(this.orgUnitPath).map((u) => new OrgUnitNode(this, this.ctx, this.directory, u.orgUnitPath, u));
    return this.subUnits;
  }

  /** Sub-OU nodes built so far (never forces a build): walking loaded state must not expand the tree. */
  get builtSubOrgUnits(): readonly OrgUnitNode[] {
    return this.subUnits ?? [];
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([...this.subOrgUnits, this.browsers, this.tokens]);
  }

  getTreeItem(): vscode.TreeItem {
    const isRoot = this.orgUnitPath === ROOT_OU_PATH;
    const label = isRoot ? vscode.l10n.t('All org units (/)') : ouDisplayName(this.orgUnitPath);
    const item = new vscode.TreeItem(label, isRoot ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(isRoot ? 'organization' : 'folder');
    const counted = this.ctx.counts.get(this.orgUnitPath);
    // The root's own count is of the browsers in / itself, not of the whole account its label speaks of.
    if (counted) item.description = isRoot ? countAgeText(counted, this.ctx.now()).replace(/ · /, ' in / · ') : countAgeText(counted, this.ctx.now());
    item.tooltip = [
      this.orgUnitPath,
      this.orgUnit?.description,
      counted
        ? vscode.l10n.t(
            '{0} in {1} itself (sub-units not included), counted {2} by a complete listing without a filter.',
            count(counted.browsers, 'browser'),
            this.orgUnitPath,
            new Date(counted.countedAt).toLocaleString(displayLocale()),
          )
        : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    item.contextValue = isRoot ? 'orgUnit root' : 'orgUnit';
    item.resourceUri = undefined;
    return item;
  }
}

/** The org unit a node lives in (itself for an OU), e.g. the drop target of a drag or the scope of a filter. */
export function owningOrgUnit(node: ExplorerNode): OrgUnitNode | undefined {
  for (let n: ExplorerNode | undefined = node; n; n = n.parent) if (n instanceof OrgUnitNode) return n;
  return undefined;
}
