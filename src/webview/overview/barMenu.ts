// The commands of an overview bar's context menu (package.json `webview/context`, hidden from the palette):
// "Filter Explorer" (what a click does) and the bulk actions on every browser the bar counts, through the bulk
// commands (dry run, exact count, modal confirmation, progress, summary). Reached with a right-click on a bar,
// or from the keyboard: arrow keys choose a bar on the focused chart, Shift+F10 or the menu key opens the menu.
import * as vscode from 'vscode';
import type { OverviewScope } from '../../overview/figures';
import { parseBarContext } from './barContext';
import type { FleetOverviewPanel } from './overviewPanel';

export const BAR_MENU_COMMANDS = {
  filter: 'cbcm.overview.bar.filter',
  move: 'cbcm.overview.bar.moveAll',
  annotate: 'cbcm.overview.bar.annotateAll',
  delete: 'cbcm.overview.bar.deleteAll',
} as const;

export function registerBarMenu(panelOf: (scope: OverviewScope) => FleetOverviewPanel | undefined): vscode.Disposable[] {
  /** The bar the menu was opened on; nothing when the context is not a bar or its overview is closed. */
  const target = (context: unknown) => {
    const bar = parseBarContext(context);
    const panel = bar && panelOf(bar.scope);
    if (!bar || !panel) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('That overview bar is no longer shown.'), 5000);
      return undefined;
    }
    return { bar, panel };
  };
  const bulk = (kind: 'move' | 'annotate' | 'delete') =>
    // `automation` (second argument) answers the questions in tests; the bulk commands ignore it in Production.
    vscode.commands.registerCommand(BAR_MENU_COMMANDS[kind], (context?: unknown, automation?: unknown) => {
      const t = target(context);
      return t && t.panel.actOnAll(t.bar.chart, t.bar.category, { kind, automation });
    });
  return [
    vscode.commands.registerCommand(BAR_MENU_COMMANDS.filter, (context?: unknown) => {
      const t = target(context);
      return t && t.panel.activate(t.bar.chart, t.bar.category);
    }),
    bulk('move'),
    bulk('annotate'),
    bulk('delete'),
  ];
}
