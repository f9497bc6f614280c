// Wires the fleet inventory into VS Code: `cbcm.inventory.open` (palette, the explorer's title bar) for the
// account, `cbcm.inventory.openOrgUnit` on an org unit's context menu, the panel serializer, and hidden commands
// for snapshots, keybindings and tests. Mirrors src/webview/overviewRegistration.ts.
import * as vscode from 'vscode';
import { InventoryCache } from '../../inventory/cache';
import type { InventoryScope } from '../../inventory/model';
import { scopeKey } from '../../overview/figures';
import type { Services } from '../../services';
import { scopeFromArgument } from '../overview/overviewRegistration';
import { lazyModule } from '../../util/lazyModule';
import type { FleetInventoryPanel, InventoryDeps } from './inventoryPanel';
import { INVENTORY_VIEW_TYPE, isInventoryPanelState, isInventoryTarget } from './inventoryProtocol';

/** The panel's host code loads when the first inventory opens, not at activation. */
const panelModule = lazyModule(() => import('./inventoryPanel'));

export const OPEN_INVENTORY_COMMAND = 'cbcm.inventory.open';
/** A separate command for the org unit menu: title-bar commands get the focused tree item too (see the overview's). */
export const OPEN_ORG_UNIT_INVENTORY_COMMAND = 'cbcm.inventory.openOrgUnit';

/** For `cbcm.inventory.open`: tree nodes (the title bar's focused item) are ignored; `{ orgUnitPath }` is honoured. */
function scopeOfOpenArgument(arg: unknown): InventoryScope {
  const isTreeNode = typeof arg === 'object' && arg !== null && typeof (arg as { getTreeItem?: unknown }).getTreeItem === 'function';
  return isTreeNode ? { kind: 'account' } : scopeFromArgument(arg);
}

class InventoryRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, FleetInventoryPanel>();
  private last: FleetInventoryPanel | undefined;

  constructor(private readonly deps: InventoryDeps) {}

  get(scope: InventoryScope): FleetInventoryPanel | undefined {
    return this.panels.get(scopeKey(scope));
  }

  /** The panel opened or focused last. */
  get active(): FleetInventoryPanel | undefined {
    return this.last ?? [...this.panels.values()].find((p) => p.panel.active);
  }

  async open(scope: InventoryScope): Promise<FleetInventoryPanel> {
    const { FleetInventoryPanel } = await panelModule();
    const existing = this.get(scope);
    if (existing) {
      existing.reveal();
      this.last = existing;
      return existing;
    }
    return this.track(FleetInventoryPanel.create(this.deps, scope));
  }

  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const { FleetInventoryPanel } = await panelModule();
    if (!isInventoryPanelState(state) || this.get(state.scope)) {
      panel.dispose();
      return;
    }
    this.track(FleetInventoryPanel.restore(panel, this.deps, state.scope));
  }

  private track(p: FleetInventoryPanel): FleetInventoryPanel {
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

export function registerFleetInventory(services: Services): vscode.Disposable[] {
  const cache = new InventoryCache();
  const registry = new InventoryRegistry({ services, cache });
  const noPanel = () => {
    void vscode.window.showInformationMessage('Open the extension inventory first (CBCM: Show Extension Inventory).');
    return undefined;
  };
  const open = async (scope: InventoryScope): Promise<undefined> => {
    if (!services.backends.current) {
      const choice = await vscode.window.showWarningMessage('Sign in to CBCM to see the extension inventory.', 'Sign in');
      if (choice === 'Sign in') await vscode.commands.executeCommand('cbcm.auth.signInServiceAccount');
      if (!services.backends.current) return undefined;
    }
    await registry.open(scope);
    return undefined;
  };
  const disposables: vscode.Disposable[] = [
    registry,
    // Another account's extensions (and device ids) must never show up after switching.
    services.backends.onDidChange(() => cache.clear()),
    vscode.commands.registerCommand(OPEN_INVENTORY_COMMAND, (arg?: unknown) => open(scopeOfOpenArgument(arg))),
    vscode.commands.registerCommand(OPEN_ORG_UNIT_INVENTORY_COMMAND, (node?: unknown) => open(scopeFromArgument(node))),
    // Not in the palette: the panel's buttons send messages; these serve keybindings and tests.
    vscode.commands.registerCommand('cbcm.inventory.refresh', () => registry.active?.refresh() ?? noPanel()),
    vscode.commands.registerCommand('cbcm.inventory.saveSnapshot', async (arg?: unknown) => {
      const panel = registry.active;
      if (!panel) return noPanel();
      return (await panel.saveSnapshot(uriArgument(arg)))?.toString();
    }),
    vscode.commands.registerCommand('cbcm.inventory.compareSnapshot', async (arg?: unknown) => {
      const panel = registry.active;
      if (!panel) return noPanel();
      return panel.compareSnapshot(uriArgument(arg));
    }),
    vscode.window.registerWebviewPanelSerializer(INVENTORY_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state: unknown) => registry.restore(panel, state),
    }),
  ];
  if (services.context.extensionMode !== vscode.ExtensionMode.Production) {
    // Tests in the real VS Code: wait for a scope's load and read its state; click an entry; cancel a load.
    services.context.subscriptions.push(
      vscode.commands.registerCommand('cbcm.inventory.testing.state', async (arg?: unknown) => {
        const panel = registry.get(scopeFromArgument(arg));
        await panel?.loading;
        return panel ? (JSON.parse(JSON.stringify(panel.currentState)) as unknown) : undefined;
      }),
      // The state now, without waiting for a running load (progress, partial inventories).
      vscode.commands.registerCommand('cbcm.inventory.testing.peek', (arg?: unknown) => {
        const panel = registry.get(scopeFromArgument(arg));
        return panel ? (JSON.parse(JSON.stringify(panel.currentState)) as unknown) : undefined;
      }),
      vscode.commands.registerCommand('cbcm.inventory.testing.select', async (arg: unknown, target: unknown) => {
        const panel = registry.get(scopeFromArgument(arg));
        return panel && isInventoryTarget(target) ? panel.select(target) : undefined;
      }),
      vscode.commands.registerCommand('cbcm.inventory.testing.describe', (arg: unknown, key: unknown) => {
        const panel = registry.get(scopeFromArgument(arg));
        return panel && typeof key === 'string' ? panel.describe(key) : undefined;
      }),
      vscode.commands.registerCommand('cbcm.inventory.testing.cancel', (arg?: unknown) => registry.get(scopeFromArgument(arg))?.cancel()),
    );
  }
  return disposables;
}
