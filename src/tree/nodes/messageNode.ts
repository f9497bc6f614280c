import * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';

/** An inline state (empty listing, error with what to do next) shown where the items would be. */
export class MessageNode implements ExplorerNode {
  constructor(
    readonly parent: ExplorerNode | undefined,
    readonly id: string,
    private readonly message: string,
    private readonly icon: 'info' | 'error' | 'warning' = 'info',
    private readonly command?: vscode.Command,
    private readonly tooltip?: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'message';
    const color =
      this.icon === 'error'
        ? new vscode.ThemeColor('list.errorForeground')
        : this.icon === 'warning'
          ? new vscode.ThemeColor('list.warningForeground')
          : undefined;
    item.iconPath = new vscode.ThemeIcon(this.icon, color);
    item.command = this.command;
    item.tooltip = this.tooltip ?? this.message;
    return item;
  }
}
