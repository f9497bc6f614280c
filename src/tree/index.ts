import * as vscode from 'vscode';
import { API_VERSION_LABELS, readConfiguration } from '../configuration';
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
  // The API in use first: both look the same in the tree, and v1.1beta1 stops working as of Chrome 166.
  const describe = () => {
    const api = readConfiguration().apiVersion;
    // The reference's date: v1.1beta1 is removed as of Chrome 166.
    const apiText = api === 'v1.1beta1' ? `${API_VERSION_LABELS[api].short} (until Chrome 166)` : API_VERSION_LABELS[api].short;
    view.description = [apiText, provider.description].filter(Boolean).join(' · ');
    void vscode.commands.executeCommand('setContext', 'cbcm.filtered', Boolean(provider.state.browserFilter || provider.state.tokenFilter));
  };
  describe();
  services.context.subscriptions.push(provider, view, provider.onDidChangeViewState(describe), services.backends.onDidChange(describe));
  return { provider, view };
}
