// Wires the fleet overview into VS Code: the `cbcm.overview.open` command (palette, the explorer's title
// bar, the org-unit context menu), the panel serializer, and hidden commands for snapshots and tests.
import * as vscode from 'vscode';
import { OverviewCache } from '../../overview/cache';
import { STABLE_MAJOR_SETTING } from '../../overview/stableMajor';
import type { ChartId } from '../../overview/figures';
import type { Services } from '../../services';
import { lazyModule } from '../../util/lazyModule';
import type { FleetOverviewPanel, OverviewDeps } from './overviewPanel';
import { isOverviewPanelState, overviewSignInReason, OVERVIEW_VIEW_TYPE } from './protocol';
import { lazyPanelFactory, registerScopedPanelCommands, scopeFromArgument, scopeOfOpenArgument, ScopedPanels } from '../scopedPanels';
import { registerBarMenu } from './barMenu';

/** The panel's host code loads when the first overview opens, not at activation. */
const panelModule = lazyModule(() => import('./overviewPanel'));

export const OPEN_OVERVIEW_COMMAND = 'cbcm.overview.open';
/** The org unit context menu's entry. A separate command because VS Code (1.9x) hands the *focused* tree item to
 *  view/title commands too, so `cbcm.overview.open` in the title bar could not tell "the account" from "this OU". */
export const OPEN_ORG_UNIT_OVERVIEW_COMMAND = 'cbcm.overview.openOrgUnit';

/** The overview's commands, serializer and listeners; the caller adds them to `context.subscriptions`. */
export function registerFleetOverview(services: Services): vscode.Disposable[] {
  const cache = new OverviewCache();
  const deps: OverviewDeps = { services, cache };
  const registry = new ScopedPanels<FleetOverviewPanel>(
    lazyPanelFactory(async () => (await panelModule()).FleetOverviewPanel, deps, isOverviewPanelState),
  );
  const { open, disposables: panelCommands } = registerScopedPanelCommands(services, registry, {
    prefix: 'cbcm.overview',
    viewType: OVERVIEW_VIEW_TYPE,
    signInReason: overviewSignInReason(),
    noPanelMessage: vscode.l10n.t('Open the fleet overview first (CBCM: Open Fleet Overview).'),
  });
  const disposables: vscode.Disposable[] = [
    registry,
    ...panelCommands,
    // Figures of another account must never show up after switching.
    services.backends.onDidChange(() => cache.clear()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(STABLE_MAJOR_SETTING)) return;
      for (const panel of registry.all()) panel.stableMajorSettingChanged();
    }),
    vscode.commands.registerCommand(OPEN_OVERVIEW_COMMAND, (arg?: unknown) => open(scopeOfOpenArgument(arg))),
    vscode.commands.registerCommand(OPEN_ORG_UNIT_OVERVIEW_COMMAND, (node?: unknown) => open(scopeFromArgument(node))),
    // A bar's context menu: filter, or act on every browser it counts.
    ...registerBarMenu((scope) => registry.get(scope)),
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
