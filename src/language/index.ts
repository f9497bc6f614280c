// The cbcm-query language: thin VS Code adapters over src/query.
import * as vscode from 'vscode';
import type { Dialect } from '../query';
import { registerCodeActions } from './codeActions';
import { registerCodeLens, runQuery, RUN_COMMAND, type ApplyFilterArgs, type SelectedOrgUnit } from './codeLens';
import { registerCompletions } from './completionProvider';
import { registerDiagnostics } from './diagnostics';
import { registerFormatter } from './formatter';
import { registerHover } from './hoverProvider';
import { newQueryFile, NEW_QUERY_FILE_COMMAND } from './newQueryFile';

export { recentValuesFromBrowsers } from './fleetValues';
export { setRecentValuesProvider, InMemoryRecentValues, type RecentValuesStore } from './recentValues';
export { APPLY_FILTER_COMMAND, type ApplyFilterArgs, type SelectedOrgUnit } from './codeLens';
export { LANGUAGE_ID } from './queryDocument';

/** Registers every language feature. The caller adds the returned disposables to `context.subscriptions`. */
export function registerQueryLanguage(deps: { log: vscode.LogOutputChannel; selectedOrgUnit: SelectedOrgUnit }): vscode.Disposable[] {
  return [
    ...registerDiagnostics(),
    ...registerCompletions(),
    ...registerHover(),
    ...registerCodeActions(),
    ...registerFormatter(),
    ...registerCodeLens(deps.selectedOrgUnit),
    vscode.commands.registerCommand(RUN_COMMAND, (args?: ApplyFilterArgs) =>
      runQuery(args, deps.log).catch((err: unknown) => {
        deps.log.error(`Running a query failed: ${err instanceof Error ? err.message : String(err)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('CBCM Explorer could not run this query. See "CBCM: Show Output Log" for details.'));
      }),
    ),
    vscode.commands.registerCommand(NEW_QUERY_FILE_COMMAND, (dialect?: Dialect) => newQueryFile(dialect === 'tokens' ? 'tokens' : 'browsers')),
  ];
}
