// Wires the fleet overview into VS Code: the `cbcm.overview.open` command (palette, the explorer's title
// bar, the org-unit context menu), the panel serializer, and hidden commands for snapshots and tests.
import * as vscode from 'vscode';
import { OverviewCache } from '../../overview/cache';
import { STABLE_MAJOR_SETTING } from '../../overview/stableMajor';
import { scopeKey, type ChartId, type OverviewScope } from '../../overview/figures';
import type { Services } from '../../services';
import { offerSignIn } from '../../auth/signInGate';
import { lazyModule } from '../../util/lazyModule';
import type { FleetOverviewPanel, OverviewDeps } from './overviewPanel';
import { isOverviewPanelState, OVERVIEW_SIGN_IN_REASON, OVERVIEW_VIEW_TYPE } from './protocol';

/** The panel's host code loads when the first overview opens, not at activation. */
const panelModule = lazyModule(() => import('./overviewPanel'));

export const OPEN_OVERVIEW_COMMAND = 'cbcm.overview.open';
/** The org unit context menu's entry. A separate command because VS Code (1.9x) hands the *focused* tree item to
 *  view/title commands too, so `cbcm.overview.open` in the title bar could not tell "the account" from "this OU". */
export const OPEN_ORG_UNIT_OVERVIEW_COMMAND = 'cbcm.overview.openOrgUnit';

/** The scope `{ orgUnitPath }` names (an org unit node has one too); anything else is the account. */
export function scopeFromArgument(arg: unknown): OverviewScope {
  if (typeof arg === 'object' && arg !== null) {
    const path = (arg as { orgUnitPath?: unknown }).orgUnitPath;
    if (typeof path === 'string' && path.startsWith('/')) return { kind: 'orgUnit', orgUnitPath: path };
  }
  return { kind: 'account' };
}

/** For `cbcm.overview.open`: tree nodes (the title bar's focused item) are ignored; `{ orgUnitPath }` is honoured. */
function scopeOfOpenArgument(arg: unknown): OverviewScope {
  const isTreeNode = typeof arg === 'object' && arg !== null && typeof (arg as { getTreeItem?: unknown }).getTreeItem === 'function';
  return isTreeNode ? { kind: 'account' } : scopeFromArgument(arg);
}

class OverviewRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, FleetOverviewPanel>();
  /** The panel the hidden snapshot commands act on. */
  private last: FleetOverviewPanel | undefined;

  constructor(private readonly deps: OverviewDeps) {}

  get(scope: OverviewScope): FleetOverviewPanel | undefined {
    return this.panels.get(scopeKey(scope));
  }

  /** The panel opened or focused last (a panel's `active` flag lags behind `reveal()` until its view-state event). */
  get active(): FleetOverviewPanel | undefined {
    return this.last ?? [...this.panels.values()].find((p) => p.panel.active);
  }

  async open(scope: OverviewScope): Promise<FleetOverviewPanel> {
    const { FleetOverviewPanel } = await panelModule();
    const existing = this.get(scope);
    if (existing) {
      existing.reveal();
      this.last = existing;
      return existing;
    }
    return this.track(FleetOverviewPanel.create(this.deps, scope));
  }

  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { FleetOverviewPanel } = await panelModule();
    if (!isOverviewPanelState(state) || this.get(state.scope)) {
      panel.dispose();
      return;
    }
    this.track(FleetOverviewPanel.restore(panel, this.deps, state.scope));
  }

  all(): FleetOverviewPanel[] {
    return [...this.panels.values()];
  }

  private track(p: FleetOverviewPanel): FleetOverviewPanel {
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

function uriArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  return undefined;
}

/** The overview's commands, serializer and listeners; the caller adds them to `context.subscriptions`. */
export function registerFleetOverview(services: Services): vscode.Disposable[] {
  const cache = new OverviewCache();
  const registry = new OverviewRegistry({ services, cache });
  const noPanel = () => {
    void vscode.window.showInformationMessage('Open the fleet overview first (CBCM: Open Fleet Overview).');
    return undefined;
  };
  const open = async (scope: OverviewScope): Promise<undefined> => {
    if (!services.backends.current) {
      await offerSignIn(OVERVIEW_SIGN_IN_REASON);
      if (!services.backends.current) return undefined;
    }
    await registry.open(scope);
    // Resolves to nothing: the panel is not a serialisable result.
    return undefined;
  };
  const disposables: vscode.Disposable[] = [
    registry,
    // Figures of another account must never show up after switching.
    services.backends.onDidChange(() => cache.clear()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(STABLE_MAJOR_SETTING)) return;
      for (const panel of registry.all()) panel.stableMajorSettingChanged();
    }),
    vscode.commands.registerCommand(OPEN_OVERVIEW_COMMAND, (arg?: unknown) => open(scopeOfOpenArgument(arg))),
    vscode.commands.registerCommand(OPEN_ORG_UNIT_OVERVIEW_COMMAND, (node?: unknown) => open(scopeFromArgument(node))),
    // Not contributed (no palette entry): the panel's buttons send messages; these serve keybindings and tests.
    vscode.commands.registerCommand('cbcm.overview.refresh', () => registry.active?.refresh() ?? noPanel()),
    vscode.commands.registerCommand('cbcm.overview.saveSnapshot', async (arg?: unknown) => {
      const panel = registry.active;
      if (!panel) return noPanel();
      return (await panel.saveSnapshot(uriArgument(arg)))?.toString();
    }),
    vscode.commands.registerCommand('cbcm.overview.compareSnapshot', async (arg?: unknown) => {
      const panel = registry.active;
      if (!panel) return noPanel();
      return panel.compareSnapshot(uriArgument(arg));
    }),
    vscode.window.registerWebviewPanelSerializer(OVERVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => registry.restore(panel, state),
    }),
  ];
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    // Tests in the real VS Code: wait for the load of a scope and read its state; click a bar by its indices.
    disposables.push(
      vscode.commands.registerCommand('cbcm.overview.testing.state', async (arg?: unknown) => {
        const panel = registry.get(scopeFromArgument(arg));
        await panel?.loading;
        return panel ? (JSON.parse(JSON.stringify(panel.currentState)) as unknown) : undefined;
      }),
      vscode.commands.registerCommand('cbcm.overview.testing.activate', async (arg: unknown, chart: ChartId, category: number) => {
        const panel = registry.get(scopeFromArgument(arg));
        return panel ? panel.activate(chart, category) : undefined;
      }),
      vscode.commands.registerCommand(
        'cbcm.overview.testing.actOnAll',
        async (arg: unknown, chart: ChartId, category: number, kind: string, automation?: unknown) => {
          const panel = registry.get(scopeFromArgument(arg));
          return panel ? panel.actOnAll(chart, category, { kind, automation }) : undefined;
        },
      ),
    );
  }
  return disposables;
}
