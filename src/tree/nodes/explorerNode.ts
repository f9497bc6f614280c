import type * as vscode from 'vscode';
import type { CbcmBackend } from '../../api/backend';
import type { ChromeBrowser } from '../../api/types';
import type { BrowserRowField } from '../browserRow';
import type { ExplorerViewState } from '../explorerState';
import type { OrgUnitCounts } from '../orgUnitCounts';

/** Every tree element: a plain model with a stable hierarchical id, so refresh keeps expansion and reveal works. */
export interface ExplorerNode {
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<ExplorerNode[]>;
}

/** What nodes may use: the backend (never HTTP directly), the view state, and a way to ask for a redraw. */
export interface NodeContext {
  backend(): CbcmBackend | undefined;
  readonly state: ExplorerViewState;
  pageSize(): number;
  /** Redraw `node` (or the whole tree). */
  changed(node?: ExplorerNode): void;
  /** Redraw `node` once no listing under it is still arriving in VS Code (see ExplorerProvider.redrawSoon). */
  redrawSoon(node: ExplorerNode): void;
  /** Every page of browsers as it arrives (feeds the query language's completions with fleet values). */
  browsersLoaded(browsers: readonly ChromeBrowser[]): void;
  /** Records a listing failure for the welcome views (offline / no permission). */
  reportError(error: unknown): void;
  /** The fields of a browser row's description (`cbcm.browserRow.description`), in order. */
  browserRowFields(): readonly BrowserRowField[];
  /** Browser counts per org unit, from complete unfiltered listings. */
  readonly counts: OrgUnitCounts;
  /** Every org unit path of the account (the root included), for a count of the whole account. */
  knownOrgUnitPaths(): readonly string[];
  /** Redraws the org unit nodes whose count changed. */
  countsChanged(orgUnitPaths: readonly string[]): void;
  now(): number;
}
