import * as vscode from 'vscode';
import type { Services } from '../services';
import { BrowserDragAndDrop } from './dragAndDrop';
import { ExplorerProvider } from './explorerProvider';
import type { ExplorerNode } from './nodes/explorerNode';

export interface ExplorerView {
  readonly provider: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
}

/** Creates the "Explorer" view of the "Chrome Browsers" container. */
export function createExplorerView(services: Services, accountLabel: () => string | undefined): ExplorerView {
  const provider = new ExplorerProvider(services, accountLabel);
  const view = vscode.window.createTreeView('cbcm.explorer', {
    treeDataProvider: provider,
    dragAndDropController: new BrowserDragAndDrop(),
    canSelectMany: true,
    showCollapseAll: true,
  });
  const describe = () => {
    view.description = provider.description;
    void vscode.commands.executeCommand('setContext', 'cbcm.filtered', Boolean(provider.state.browserFilter || provider.state.tokenFilter));
  };
  describe();
  services.context.subscriptions.push(provider, view, provider.onDidChangeViewState(describe));
  return { provider, view };
}
