// The cbcm-query language: thin VS Code adapters over src/query.
import * as vscode from 'vscode';
import type { Dialect } from '../query';
import { lazyModule } from '../util/lazyModule';
import type { ApplyFilterArgs, SelectedOrgUnit } from './codeLens';
import { newQueryFile, NEW_QUERY_FILE_COMMAND } from './newQueryFile';
import { LANGUAGE_ID } from './queryDocument';

export { recentValuesFromBrowsers } from './fleetValues';
export { setRecentValuesProvider, InMemoryRecentValues, type RecentValuesStore } from './recentValues';
export type { ApplyFilterArgs, SelectedOrgUnit } from './codeLens';
export { LANGUAGE_ID } from './queryDocument';

/** cbcm.query.run (the "Run in CBCM Explorer" lens); fixed here so activation need not load codeLens.ts. */
const RUN_COMMAND = 'cbcm.query.run';
const providers = lazyModule(() => import('./providers'));
const codeLens = lazyModule(() => import('./codeLens'));

/**
 * Registers every language feature. The commands exist from activation; the providers (diagnostics, completions,
 * hover, code actions, formatting, lenses) register when the first cbcm-query document opens, or at once when one
 * is open already, so activation does not load them. The caller adds the returned disposables to
 * `context.subscriptions`.
 */
export function registerQueryLanguage(deps: { log: vscode.LogOutputChannel; selectedOrgUnit: SelectedOrgUnit }): vscode.Disposable[] {
  const registered: vscode.Disposable[] = [];
  let state: 'waiting' | 'loading' | 'disposed' = 'waiting';
  const load = () => {
    if (state !== 'waiting') return;
    state = 'loading';
    opened.dispose();
    void providers().then((m) => {
      if (state !== 'disposed') registered.push(...m.registerQueryProviders(deps.selectedOrgUnit));
    });
  };
  // A document whose language becomes cbcm-query is closed and opened again, so this sees it too.
  const opened = vscode.workspace.onDidOpenTextDocument((d) => {
    if (d.languageId === LANGUAGE_ID) load();
  });
  if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) load();
  return [
    opened,
    new vscode.Disposable(() => {
      state = 'disposed';
      for (const d of registered.splice(0)) d.dispose();
    }),
    vscode.commands.registerCommand(RUN_COMMAND, async (args?: ApplyFilterArgs) =>
      (await codeLens()).runQuery(args, deps.log).catch((err: unknown) => {
        deps.log.error(`Running a query failed: ${err instanceof Error ? err.message : String(err)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('CBCM Explorer could not run this query. See "CBCM: Show Output Log" for details.'));
      }),
    ),
    vscode.commands.registerCommand(NEW_QUERY_FILE_COMMAND, (dialect?: Dialect) => newQueryFile(dialect === 'tokens' ? 'tokens' : 'browsers')),
  ];
}
