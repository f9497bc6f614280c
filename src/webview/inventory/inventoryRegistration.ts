// Wires the fleet inventory into VS Code: `cbcm.inventory.open` (palette, the explorer's title bar) for the
// account, `cbcm.inventory.openOrgUnit` on an org unit's context menu, the panel serializer, and hidden commands
// for snapshots, keybindings and tests. The one-panel-per-scope registry is src/webview/scopedPanels.ts, as for the overview.
import * as vscode from 'vscode';
import { InventoryCache } from '../../inventory/cache';
import type { Services } from '../../services';
import { lazyModule } from '../../util/lazyModule';
import { lazyPanelFactory, registerScopedPanelCommands, scopeFromArgument, scopeOfOpenArgument, ScopedPanels } from '../scopedPanels';
import type { FleetInventoryPanel, InventoryDeps } from './inventoryPanel';
import { inventorySignInReason, INVENTORY_VIEW_TYPE, isInventoryPanelState, isInventoryTarget } from './inventoryProtocol';

/** The panel's host code loads when the first inventory opens, not at activation. */
const panelModule = lazyModule(() => import('./inventoryPanel'));

export const OPEN_INVENTORY_COMMAND = 'cbcm.inventory.open';
/** A separate command for the org unit menu: title-bar commands get the focused tree item too (see the overview's). */
export const OPEN_ORG_UNIT_INVENTORY_COMMAND = 'cbcm.inventory.openOrgUnit';

export function registerFleetInventory(services: Services): vscode.Disposable[] {
  const cache = new InventoryCache();
  const deps: InventoryDeps = { services, cache };
  const registry = new ScopedPanels<FleetInventoryPanel>(
    lazyPanelFactory(async () => (await panelModule()).FleetInventoryPanel, deps, isInventoryPanelState),
  );
  const { open, disposables: panelCommands } = registerScopedPanelCommands(services, registry, {
    prefix: 'cbcm.inventory',
    viewType: INVENTORY_VIEW_TYPE,
    signInReason: inventorySignInReason(),
    noPanelMessage: vscode.l10n.t('Open the extension inventory first (CBCM: Show Extension Inventory).'),
  });
  const disposables: vscode.Disposable[] = [
    registry,
    ...panelCommands,
    // Another account's extensions (and device ids) must never show up after switching.
    services.backends.onDidChange(() => cache.clear()),
    vscode.commands.registerCommand(OPEN_INVENTORY_COMMAND, (arg?: unknown) => open(scopeOfOpenArgument(arg))),
    vscode.commands.registerCommand(OPEN_ORG_UNIT_INVENTORY_COMMAND, (node?: unknown) => open(scopeFromArgument(node))),
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
      // The panel's "Export one row per extension…" button, with the export command's automation preset.
      vscode.commands.registerCommand('cbcm.inventory.testing.export', (arg: unknown, preset?: unknown) =>
        registry.get(scopeFromArgument(arg))?.exportExtensions(preset),
      ),
    );
  }
  return disposables;
}
