// Panels with one instance per scope (the account, or one org unit): the fleet overview and the extension
// inventory. Opening a scope that has a panel reveals it; VS Code's restored panels are adopted only when their
// saved state names a scope without one; "the active panel" (the one opened or focused last) is what the
// hidden refresh/snapshot commands act on. Also the arguments those commands take, read the same way for both.
import * as vscode from 'vscode';
import { offerSignIn } from '../auth/signInGate';
import { scopeKey, type OverviewScope } from '../overview/figures';
import type { Services } from '../services';

/** The account, or one org unit (the overview's and the inventory's scope). */
export type PanelScope = OverviewScope;

/**
 * A panel's scope as the first argument of a command it runs (the extension inventory's export button): that org
 * unit or the account, as the panel counted it, so without the explorer's filter. A plain object, never a tree
 * node. Declared here, with the panels, so a panel runs the command by name without importing its module.
 */
export interface ViewScopeArgument {
  viewScope: PanelScope;
}

/** What the registry needs of a panel. */
export interface ScopedPanel {
  readonly scope: PanelScope;
  readonly panel: vscode.WebviewPanel;
  readonly onDidDispose: vscode.Event<void>;
  reveal(): void;
  dispose(): void;
}

/** How a feature makes its panels. */
export interface ScopedPanelFactory<P extends ScopedPanel> {
  /** Loads the panel's host code (a chunk of its own, loaded on first use); create and restore run after it. */
  load?(): Promise<void>;
  create(scope: PanelScope): P;
  /** Adopts a panel VS Code restored after a reload. */
  restore(panel: vscode.WebviewPanel, scope: PanelScope): P;
  /** The guard of the state the webview saved (`{ scope }`). */
  isPanelState(state: unknown): state is { scope: PanelScope };
}

/** What a panel class offers the registry: its static `create` and `restore`. */
export interface ScopedPanelClass<P extends ScopedPanel, D> {
  create(deps: D, scope: PanelScope): P;
  restore(panel: vscode.WebviewPanel, deps: D, scope: PanelScope): P;
}

/**
 * A factory whose panel class lives in a chunk loaded on first use (`loadClass` wraps the `import()`), so
 * activation loads none of the panel's host code.
 */
export function lazyPanelFactory<P extends ScopedPanel, D>(
  loadClass: () => Promise<ScopedPanelClass<P, D>>,
  deps: D,
  isPanelState: (state: unknown) => state is { scope: PanelScope },
): ScopedPanelFactory<P> {
  let panelClass: ScopedPanelClass<P, D> | undefined;
  const loaded = (): ScopedPanelClass<P, D> => {
    if (!panelClass) throw new Error('The panel code is not loaded yet.');
    return panelClass;
  };
  return {
    load: async () => {
      panelClass = await loadClass();
    },
    create: (scope) => loaded().create(deps, scope),
    restore: (panel, scope) => loaded().restore(panel, deps, scope),
    isPanelState,
  };
}

/** The scope `{ orgUnitPath }` names (an org unit node has one too); anything else is the account. */
export function scopeFromArgument(arg: unknown): PanelScope {
  if (typeof arg === 'object' && arg !== null) {
    const path = (arg as { orgUnitPath?: unknown }).orgUnitPath;
    if (typeof path === 'string' && path.startsWith('/')) return { kind: 'orgUnit', orgUnitPath: path };
  }
  return { kind: 'account' };
}

/**
 * For the title-bar commands (`….open`): VS Code (1.9x) hands them the *focused* tree item too, so a tree node
 * means "the account"; a plain `{ orgUnitPath }` (automation, tests) is honoured.
 */
export function scopeOfOpenArgument(arg: unknown): PanelScope {
  const isTreeNode = typeof arg === 'object' && arg !== null && typeof (arg as { getTreeItem?: unknown }).getTreeItem === 'function';
  return isTreeNode ? { kind: 'account' } : scopeFromArgument(arg);
}

/** A file argument of the snapshot commands: a Uri or its string form. */
export function uriArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  return undefined;
}

export class ScopedPanels<P extends ScopedPanel> implements vscode.Disposable {
  private readonly panels = new Map<string, P>();
  /** The panel the hidden commands act on. */
  private last: P | undefined;

  constructor(private readonly factory: ScopedPanelFactory<P>) {}

  get(scope: PanelScope): P | undefined {
    return this.panels.get(scopeKey(scope));
  }

  /** The panel opened or focused last (a panel's `active` flag lags behind `reveal()` until its view-state event). */
  get active(): P | undefined {
    return this.last ?? [...this.panels.values()].find((p) => p.panel.active);
  }

  all(): P[] {
    return [...this.panels.values()];
  }

  async open(scope: PanelScope): Promise<P> {
    await this.factory.load?.();
    // Checked after the load: two opens of one scope while the code was loading still make one panel.
    const existing = this.get(scope);
    if (existing) {
      existing.reveal();
      this.last = existing;
      return existing;
    }
    return this.track(this.factory.create(scope));
  }

  /** For the serializer: a state of another shape, or of a scope already open, closes the restored panel. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.factory.load?.();
    if (!this.factory.isPanelState(state) || this.get(state.scope)) {
      panel.dispose();
      return;
    }
    this.track(this.factory.restore(panel, state.scope));
  }

  private track(p: P): P {
    const key = scopeKey(p.scope);
    this.panels.set(key, p);
    this.last = p;
    p.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.last = p;
    });
    p.onDidDispose(() => {
      if (this.panels.get(key) === p) this.panels.delete(key);
      if (this.last === p) this.last = undefined;
    });
    return p;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

/** What the hidden refresh and snapshot commands call on the active panel. */
export interface SnapshotPanel extends ScopedPanel {
  refresh(): Promise<void>;
  saveSnapshot(target?: vscode.Uri): Promise<vscode.Uri | undefined>;
  compareSnapshot(source?: vscode.Uri): Promise<unknown>;
}

export interface ScopedPanelCommands {
  /** `cbcm.overview`, `cbcm.inventory`: the prefix of `.refresh`, `.saveSnapshot`, `.compareSnapshot`. */
  prefix: string;
  viewType: string;
  /** Why a panel needs an account (the sign-in offer's text). */
  signInReason: string;
  /** Said when a hidden command finds no panel ("Open the fleet overview first…"). */
  noPanelMessage: string;
}

/**
 * Opens a scope's panel after the sign-in offer when no account is active (resolves to nothing: a panel is not
 * a serialisable result), and registers the serializer and the hidden refresh/snapshot commands (not in the
 * palette: the panel's buttons send messages; these serve keybindings and tests).
 */
export function registerScopedPanelCommands<P extends SnapshotPanel>(
  services: Services,
  registry: ScopedPanels<P>,
  o: ScopedPanelCommands,
): { open: (scope: PanelScope) => Promise<undefined>; disposables: vscode.Disposable[] } {
  const automatedUri = (arg: unknown) => (services.context.extensionMode !== vscode.ExtensionMode.Production ? uriArgument(arg) : undefined);
  const noPanel = () => {
    void vscode.window.showInformationMessage(o.noPanelMessage);
    return undefined;
  };
  const open = async (scope: PanelScope): Promise<undefined> => {
    if (!services.backends.current) {
      await offerSignIn(o.signInReason);
      if (!services.backends.current) return undefined;
    }
    await registry.open(scope);
    return undefined;
  };
  const disposables = [
    vscode.commands.registerCommand(`${o.prefix}.refresh`, () => registry.active?.refresh() ?? noPanel()),
    // A file argument is automation (tests, F5): in Production another extension must not choose where a snapshot
    // is written (or which file is read) without the admin's dialog.
    vscode.commands.registerCommand(`${o.prefix}.saveSnapshot`, async (arg?: unknown) => {
      const panel = registry.active;
      if (!panel) return noPanel();
      return (await panel.saveSnapshot(automatedUri(arg)))?.toString();
    }),
    vscode.commands.registerCommand(`${o.prefix}.compareSnapshot`, async (arg?: unknown) => {
      const panel = registry.active;
      if (!panel) return noPanel();
      return panel.compareSnapshot(automatedUri(arg));
    }),
    vscode.window.registerWebviewPanelSerializer(o.viewType, {
      deserializeWebviewPanel: (panel, state: unknown) => registry.restore(panel, state),
    }),
  ];
  return { open, disposables };
}
