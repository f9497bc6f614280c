import * as vscode from 'vscode';
import { BrowserNode } from './nodes/browserNode';
import type { ExplorerNode } from './nodes/explorerNode';
import { owningOrgUnit } from './nodes/orgUnitNode';

const MIME = 'application/vnd.code.tree.cbcm.explorer';

/** Drag browsers onto an org unit (or anything inside it) to move them there. */
export class BrowserDragAndDrop implements vscode.TreeDragAndDropController<ExplorerNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];
  private dragged: BrowserNode[] = [];

  handleDrag(source: readonly ExplorerNode[], data: vscode.DataTransfer): void {
    this.dragged = source.filter((n): n is BrowserNode => n instanceof BrowserNode);
    if (this.dragged.length > 0) data.set(MIME, new vscode.DataTransferItem(this.dragged.map((n) => n.deviceId)));
  }

  async handleDrop(target: ExplorerNode | undefined, data: vscode.DataTransfer): Promise<void> {
    if (!data.get(MIME) || this.dragged.length === 0) return;
    const ou = target ? owningOrgUnit(target) : undefined;
    const nodes = this.dragged;
    this.dragged = [];
    if (!ou) return;
    // Not cbcm.browser.moveToOu's destination preset: that is automation, ignored in Production. This one still asks.
    await vscode.commands.executeCommand('cbcm.browser.moveDropped', nodes, ou.orgUnitPath);
  }
}
