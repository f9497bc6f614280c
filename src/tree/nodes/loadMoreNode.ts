import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

/** Implemented by paged folders; "Load more" asks its folder for the next page. */
export interface PagedFolder extends ExplorerNode {
  loadMore(): Promise<void>;
  readonly loadedCount: number;
}

export class LoadMoreNode implements ExplorerNode {
  readonly id: string;
  constructor(readonly parent: PagedFolder) {
    this.id = `${parent.id}/~more`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} loaded', this.parent.loadedCount);
    item.iconPath = new vscode.ThemeIcon('fold-down');
    item.contextValue = 'loadMore';
    item.command = { command: 'cbcm.explorer.loadMore', title: vscode.l10n.t('Load more'), arguments: [this] };
    return item;
  }
}
