// The org unit the explorer's selection belongs to, and when it changes: what the query file's "in <org unit>"
// lens names. Wired to the language in extension.ts, so neither imports the other.
import * as vscode from 'vscode';
import type { ExplorerNode } from './nodes/explorerNode';
import { owningOrgUnit } from './nodes/orgUnitNode';

export interface SelectedOrgUnitSource extends vscode.Disposable {
  /** The org unit of the first selected row (an org unit, or anything inside one); undefined otherwise. */
  readonly path: string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export function selectedOrgUnitOf(view: vscode.TreeView<ExplorerNode>): SelectedOrgUnitSource {
  const changed = new vscode.EventEmitter<void>();
  let path = view.selection[0] ? owningOrgUnit(view.selection[0])?.orgUnitPath : undefined;
  const listener = view.onDidChangeSelection((e) => {
    const next = e.selection[0] ? owningOrgUnit(e.selection[0])?.orgUnitPath : undefined;
    if (next === path) return;
    path = next;
    changed.fire();
  });
  return {
    get path() {
      return path;
    },
    onDidChange: changed.event,
    dispose: () => {
      listener.dispose();
      changed.dispose();
    },
  };
}
