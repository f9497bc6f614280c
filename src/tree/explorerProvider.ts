import * as vscode from 'vscode';
import { readBrowserRowDescription, readConfiguration } from '../configuration';
import type { ChromeBrowser } from '../api/types';
import type { Services } from '../services';
import { describeError, isCancellation } from '../util/errors';
import { type BrowserRowField, browserRowFields } from './browserRow';
import { describeState, persistableState, type ExplorerViewState } from './explorerState';
import { OrgUnitCounts, type CountedBrowser } from './orgUnitCounts';
import { ROOT_OU_PATH } from './orgUnitTree';
import type { BrowserSelection } from '../inventory/selection';
import { AccountNode } from './nodes/accountNode';
import type { BrowserListFolderNode } from './nodes/browserListFolderNode';
import { BrowsersFolderNode } from './nodes/browsersFolderNode';
import type { ExplorerNode, NodeContext } from './nodes/explorerNode';
import type { OrgUnitNode } from './nodes/orgUnitNode';
import type { PagedFolderNode } from './nodes/pagedFolderNode';
import type { TokensFolderNode } from './nodes/tokensFolderNode';
import { clock } from '../util/clock';

const VIEW_STATE_KEY = 'cbcm.explorer.viewState';
/** How long VS Code may take to take in children after a listing returned them (see redrawSoon): redrawing at once left rows that reached no node in the E2E runs; 2 s held on a busy machine. */
const SETTLE_MS = 2000;

/** Welcome view shown instead of an empty tree; mirrors the `cbcm.treeState` context key. */
export type TreeState = 'ok' | 'signedOut' | 'noPermission' | 'offline' | 'empty';

/** Failures that say "you may not", as opposed to "we could not reach Google". */
function stateForError(error: unknown): TreeState | undefined {
  const kind = (error as { kind?: string } | undefined)?.kind;
  if (kind === 'permission' || kind === 'auth') return 'noPermission';
  if (kind === 'network' || kind === 'timeout') return 'offline';
  return undefined;
}

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the filter or sort changes (the view description follows it). */
  readonly onDidChangeViewState = this.stateEmitter.event;
  private readonly loadedEmitter = new vscode.EventEmitter<readonly ChromeBrowser[]>();
  /** Each page of browsers the tree loaded. */
  readonly onDidLoadBrowsers = this.loadedEmitter.event;
  private account: AccountNode | undefined;
  private accountLoad: Promise<AccountNode | undefined> | undefined;
  private treeState: TreeState | undefined;
  private lastError: string | undefined;
  readonly state: ExplorerViewState;
  /** Browsers per org unit, from complete unfiltered listings and exports. */
  readonly counts = new OrgUnitCounts();
  private rowFields: readonly BrowserRowField[] | undefined;
  /** Nodes waiting for redrawSoon, with when the redraw was asked for. */
  private readonly pendingRedraws = new Map<ExplorerNode, number>();
  /** When VS Code last asked for each node's row, and what it got: a row drawn since, or the same, needs nothing. */
  private readonly drawn = new WeakMap<ExplorerNode, { at: number; description: vscode.TreeItem['description'] }>();
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ctx: NodeContext;
  /** The inventory's browser list (kept across refreshes, which rebuild the account node), and a counter for its ids. */
  private browserList: BrowserSelection | undefined;
  private browserListSerial = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly services: Services,
    private readonly accountLabel: () => string | undefined,
  ) {
    this.state = services.context.workspaceState.get<ExplorerViewState>(VIEW_STATE_KEY) ?? {};
    this.ctx = {
      backend: () => services.backends.current,
      state: this.state,
      pageSize: () => readConfiguration().pageSize,
      changed: (node) => this.emitter.fire(node),
      redrawSoon: (node) => this.redrawSoon([node]),
      browsersLoaded: (browsers) => this.loadedEmitter.fire(browsers),
      reportError: (error) => services.log.warn(`Listing failed: ${describeError(error)}`),
      browserRowFields: () => (this.rowFields ??= browserRowFields(readBrowserRowDescription())),
      counts: this.counts,
      knownOrgUnitPaths: () => [ROOT_OU_PATH, ...(this.account?.orgUnits.map((u) => u.orgUnitPath) ?? [])],
      countsChanged: (paths) => this.redrawOrgUnits(paths),
      now: () => clock.now(),
    };
    // Ages ("5 minutes ago") must not freeze: redraw counted org units once a minute.
    const ageTimer = setInterval(() => this.redrawOrgUnits(this.counts.paths()), 60_000);
    this.disposables.push(
      services.backends.onDidChange(() => {
        this.counts.clear(); // counts belong to the account (and API) they were taken with
        this.browserList = undefined; // so do the device ids of an inventory list
        this.refresh();
      }),
      services.onDidChangeBrowser((b) => this.updateBrowser(b)),
      services.onDidCompleteFleetListing((l) => {
        if (l.accountId !== services.backends.accountId) return; // listed for an account no longer signed in
        this.recordCompleteListing(l.orgUnitPath, l.browsers, { includesSubUnits: l.includesSubUnits });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('cbcm.browserRow')) return;
        this.rowFields = undefined;
        this.emitter.fire();
      }),
      { dispose: () => clearInterval(ageTimer) },
    );
    void this.setTreeState(services.backends.current ? 'ok' : 'signedOut');
  }

  get description(): string | undefined {
    return describeState(this.state);
  }

  get currentTreeState(): TreeState | undefined {
    return this.treeState;
  }

  /** The last failure that emptied the tree, for the welcome view's text. */
  get lastErrorMessage(): string | undefined {
    return this.lastError;
  }

  get accountNode(): AccountNode | undefined {
    return this.account;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    this.drawn.set(node, { at: Date.now(), description: item.description });
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    if (!this.services.backends.current) {
      this.account = undefined;
      this.accountLoad = undefined;
      await this.setTreeState('signedOut');
      return [];
    }
    // The view and a command may ask at the same time: both must get the same account node.
    this.accountLoad ??= this.loadAccount();
    const account = await this.accountLoad;
    if (!account) return [];
    await this.setTreeState((await this.isEmptyAccount(account)) ? 'empty' : 'ok');
    return this.treeState === 'empty' ? [] : [account];
  }

  private async loadAccount(): Promise<AccountNode | undefined> {
    const account = new AccountNode(this.ctx, this.accountLabel() ?? 'Account');
    try {
      await account.load();
      if (this.browserList) account.setBrowserList(this.browserList, ++this.browserListSerial);
      this.account = account;
      return account;
    } catch (error) {
      this.accountLoad = undefined;
      if (isCancellation(error)) return undefined;
      this.lastError = describeError(error);
      this.services.log.error(`Could not list org units: ${this.lastError}`);
      await this.setTreeState(stateForError(error) ?? 'offline');
      return undefined;
    }
  }

  /** No org unit below the root and no browser at all: show the "empty" welcome view with its help. */
  private async isEmptyAccount(account: AccountNode): Promise<boolean> {
    if (account.orgUnits.length > 0 || this.state.browserFilter) return false;
    await account.allBrowsers.getChildren();
    return account.allBrowsers.loadedCount === 0;
  }

  /** Rebuilds everything (org units and listings) from the API. */
  refresh(): void {
    this.pendingRedraws.clear();
    this.account?.dispose();
    this.account = undefined;
    this.accountLoad = undefined;
    this.emitter.fire();
  }

  /**
   * Shows exactly these browsers in a list folder at the top of the account (replacing any earlier list) and
   * resolves to it once the account is loaded; undefined while signed out or when the org units cannot be listed.
   */
  async showBrowserList(selection: BrowserSelection): Promise<BrowserListFolderNode | undefined> {
    this.browserList = selection;
    await this.getChildren();
    const folder = this.account?.setBrowserList(selection, ++this.browserListSerial);
    if (this.account) this.emitter.fire(this.account);
    return folder;
  }

  /** Removes the list folder. */
  closeBrowserList(): void {
    this.browserList = undefined;
    if (!this.account?.browserList) return;
    this.account.setBrowserList(undefined, 0);
    this.emitter.fire(this.account);
  }

  /** Reloads one node: paged folders list again from the first page; other nodes redraw. */
  refreshNode(node: ExplorerNode | undefined): void {
    if (!node || node === this.account) return this.refresh();
    if (isPagedFolder(node)) node.reset();
    // Browsers may have arrived that no count saw (a move into it): no count until it is listed again.
    if (node instanceof BrowsersFolderNode && node.orgUnitPath !== undefined && this.counts.forget(node.orgUnitPath)) {
      this.redrawOrgUnits([node.orgUnitPath]);
    }
    this.emitter.fire(node);
  }

  /**
   * A complete, unfiltered listing made elsewhere (an export) counted one org unit, or with `orgUnitPath`
   * undefined the whole account; `browsers` needs only `deviceId` and `orgUnitPath`. With `includesSubUnits` the
   * listing of an org unit is known to hold its sub-units as well (an overview under the 'subtree' reading).
   */
  recordCompleteListing(orgUnitPath: string | undefined, browsers: readonly CountedBrowser[], o: { includesSubUnits?: boolean } = {}): void {
    if (orgUnitPath !== undefined && o.includesSubUnits) {
      // The listing held the sub-units too (the API's 'subtree' reading): each is counted, with its own browsers.
      this.redrawOrgUnits(this.counts.countSubtree(orgUnitPath, this.ctx.knownOrgUnitPaths(), browsers, clock.now()));
    } else if (orgUnitPath !== undefined) {
      // Only the org unit's own browsers: whether its sub-units were listed is not known.
      this.counts.countOrgUnit(orgUnitPath, browsers, clock.now());
      this.redrawOrgUnits([orgUnitPath]);
    } else {
      this.redrawOrgUnits(this.counts.countAccount(this.ctx.knownOrgUnitPaths(), browsers, clock.now()));
    }
  }

  /** Redraws the loaded nodes of these org units (their count or its age changed). */
  redrawOrgUnits(paths: readonly string[]): void {
    if (paths.length === 0) return;
    const wanted = new Set(paths);
    this.redrawSoon(this.loadedOrgUnitNodes().filter((ou) => wanted.has(ou.orgUnitPath)));
  }

  /**
   * Redraws nodes whose row changed (a description) but not their children, once no listing under them is still
   * arriving. Why wait: redrawing a node makes VS Code drop the children it cached for it, while the view joins
   * a fetch of those children still under way instead of fetching again; rows drawn from that fetch then point at
   * nothing, and commands on them do nothing. So a node waits while a folder in it (or it) fetched within the last
   * SETTLE_MS.
   */
  private redrawSoon(nodes: readonly ExplorerNode[]): void {
    const now = Date.now();
    for (const n of nodes) this.pendingRedraws.set(n, now);
    if (this.redrawTimer || this.pendingRedraws.size === 0) return;
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      const at = Date.now();
      const settling = [...this.loadedBrowserFolders(), ...this.loadedTokenFolders()].filter((f) => f.settling(at, SETTLE_MS));
      for (const [node, askedAt] of [...this.pendingRedraws]) {
        const busy = settling.some((f) => {
          for (let n: ExplorerNode | undefined = f; n; n = n.parent) if (n === node) return true;
          return false;
        });
        if (busy) continue;
        this.pendingRedraws.delete(node);
        // Never drawn (VS Code asks when it shows it), drawn since (another redraw came first; two close together
        // are what leaves rows pointing at nothing), or drawn with this very text ("3 hours ago" for an hour).
        const drawn = this.drawn.get(node);
        if (!drawn || drawn.at >= askedAt || drawn.description === node.getTreeItem().description) continue;
        this.emitter.fire(node);
      }
      if (this.pendingRedraws.size) this.redrawSoon([]);
    }, SETTLE_MS);
  }

  redraw(node?: ExplorerNode): void {
    this.emitter.fire(node);
  }

  async saveViewState(): Promise<void> {
    await this.services.context.workspaceState.update(VIEW_STATE_KEY, persistableState(this.state));
    this.stateEmitter.fire();
  }

  /** Every browser folder built so far, the account-wide one first. */
  loadedBrowserFolders(): BrowsersFolderNode[] {
    if (!this.account) return [];
    const folders: BrowsersFolderNode[] = [this.account.allBrowsers];
    const visit = (ou: OrgUnitNode) => {
      folders.push(ou.browsers);
      ou.builtSubOrgUnits.forEach(visit);
    };
    if (this.account.root) visit(this.account.root);
    return folders;
  }

  loadedOrgUnitNodes(): OrgUnitNode[] {
    const nodes: OrgUnitNode[] = [];
    const visit = (ou: OrgUnitNode) => {
      nodes.push(ou);
      ou.builtSubOrgUnits.forEach(visit);
    };
    if (this.account?.root) visit(this.account.root);
    return nodes;
  }

  /** Resets every listing (filter or sort changed) while keeping the org units and the expansion. */
  resetListings(): void {
    for (const ou of this.loadedOrgUnitNodes()) {
      ou.browsers.reset();
      ou.tokens.reset();
    }
    this.account?.allBrowsers.reset();
    this.account?.allTokens.reset();
    this.emitter.fire();
  }

  /** Every token folder built so far, the account-wide one first. */
  loadedTokenFolders(): TokensFolderNode[] {
    return this.account ? [this.account.allTokens, ...this.loadedOrgUnitNodes().map((ou) => ou.tokens)] : [];
  }

  private updateBrowser(browser: ChromeBrowser): void {
    const list = this.account?.browserList;
    for (const folder of [...this.loadedBrowserFolders(), ...(list ? [list] : [])]) {
      for (const node of folder.updateBrowser(browser)) this.emitter.fire(node);
    }
  }

  private async setTreeState(state: TreeState): Promise<void> {
    if (state !== 'offline' && state !== 'noPermission') this.lastError = undefined;
    if (this.treeState === state) return;
    this.treeState = state;
    await vscode.commands.executeCommand('setContext', 'cbcm.treeState', state);
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.emitter.dispose();
    this.stateEmitter.dispose();
    this.loadedEmitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isPagedFolder(node: ExplorerNode): node is PagedFolderNode<unknown, ExplorerNode> {
  return typeof (node as { reset?: unknown }).reset === 'function' && typeof (node as { loadMore?: unknown }).loadMore === 'function';
}
