// "Run in CBCM Explorer" above each query line. The lens calls our own command, which refuses
// queries with errors (so no bad request is sent) and explains when the tree's command is absent.
import * as vscode from 'vscode';
import { diagnose, parseQuery, resolveRelativeDates, serialize, validateQueryInput, type Dialect } from '../query';
import { documentDialect, queryLines, SELECTOR } from './queryDocument';

export const RUN_COMMAND = 'cbcm.query.run';
/** Implemented by the tree (the lead); argument `{ query, dialect }`. */
export const APPLY_FILTER_COMMAND = 'cbcm.explorer.applyFilter';

export interface ApplyFilterArgs {
  query: string;
  dialect: Dialect;
  /** 'selectedOrgUnit': only the org unit selected in the explorer; otherwise every OU and the account listing. */
  scope?: 'account' | 'selectedOrgUnit';
}

export function registerCodeLens(): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(SELECTOR, {
    provideCodeLenses(document) {
      const dialect = documentDialect(document);
      // The explorer takes v1.1beta1 queries (translated for the v1 backend); v1 filter files are for reference.
      if (dialect === 'chromemanagement') return [];
      const target = dialect === 'tokens' ? 'enrollment tokens' : 'browsers';
      return queryLines(document).flatMap((q) => {
        const parsed = parseQuery(q.text, dialect);
        const args: ApplyFilterArgs = { query: serialize(parsed), dialect };
        const errors = diagnose(parsed, dialect).filter((d) => d.severity === 'error').length;
        const range = new vscode.Range(q.line, 0, q.line, q.text.length);
        const lenses = [new vscode.CodeLens(range, {
          title: errors === 0 ? 'Run in CBCM Explorer' : `Run in CBCM Explorer (fix ${errors} error${errors > 1 ? 's' : ''} first)`,
          tooltip: `Filter the ${target} listing of every org unit with: ${args.query}`,
          command: RUN_COMMAND,
          arguments: [args],
        })];
        // Relative times run as the dates they stand for today: show that, so the admin sees what is sent.
        const resolved = dialect === 'browsers' ? resolveRelativeDates(args.query) : args.query;
        if (errors === 0 && resolved !== args.query) {
          lenses.push(new vscode.CodeLens(range, { title: `runs as: ${resolved}`, tooltip: 'Relative times are turned into dates each time the query runs.', command: '' }));
        }
        if (errors === 0) {
          lenses.push(new vscode.CodeLens(range, {
            title: 'in selected org unit',
            tooltip: `Filter only the org unit selected in the CBCM Explorer with: ${args.query}`,
            command: RUN_COMMAND,
            arguments: [{ ...args, scope: 'selectedOrgUnit' }],
          }));
        }
        return lenses;
      });
    },
  });
}

export async function runQuery(args: ApplyFilterArgs | undefined, log: vscode.LogOutputChannel): Promise<void> {
  if (!args || typeof args.query !== 'string') {
    void vscode.window.showInformationMessage('Use the "Run in CBCM Explorer" link above a query line in a .cbcmq file.');
    return;
  }
  const error = validateQueryInput(args.query, args.dialect);
  if (error) {
    void vscode.window.showErrorMessage(`This query was not sent because the API would not run it as written: ${error}`);
    return;
  }
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(APPLY_FILTER_COMMAND)) {
    const open = 'Open CBCM Explorer';
    const choice = await vscode.window.showInformationMessage(
      'The CBCM Explorer view is not ready to run queries yet. Open it (and sign in), then click "Run in CBCM Explorer" again.', open);
    if (choice === open) await vscode.commands.executeCommand('cbcm.explorer.focus').then(undefined, () => undefined);
    return;
  }
  log.info(`Running a ${args.dialect} query from a .cbcmq file (${args.query.length} characters).`);
  await vscode.commands.executeCommand(APPLY_FILTER_COMMAND, args);
}
