// The lenses above each query line: "Run in CBCM Explorer", the same in the org unit selected in the explorer
// (named in the lens), and "Act on all matching…" (move, delete or annotate everything the query matches, through
// the bulk commands). The lenses call commands only: src/language never imports the tree.
import * as vscode from 'vscode';
import { diagnose, parseQuery, resolveRelativeDates, serialize, validateQueryInput, type Dialect } from '../query';
import { documentDialect, queryLines, SELECTOR } from './queryDocument';

export const RUN_COMMAND = 'cbcm.query.run';
/** Implemented by the tree (the lead); argument `{ query, dialect }`. */
export const APPLY_FILTER_COMMAND = 'cbcm.explorer.applyFilter';
/** Implemented by the tree: selects and expands the listing a filter was applied to. */
export const REVEAL_LISTING_COMMAND = 'cbcm.explorer.revealListing';
/** Implemented by the bulk commands: a quick pick of Move / Delete / Set annotations on all matching. */
export const ACT_ON_MATCHING_COMMAND = 'cbcm.bulk.actOnMatching';

export interface ApplyFilterArgs {
  query: string;
  dialect: Dialect;
  /** The org unit to filter (the lens names the one selected when it was drawn); absent: every OU. */
  orgUnitPath?: string;
  /** 'selectedOrgUnit': only the org unit selected in the explorer; otherwise every OU and the account listing. */
  scope?: 'account' | 'selectedOrgUnit';
}

/** The org unit of the explorer's selection, as the wiring in extension.ts reports it (no tree import here). */
export interface SelectedOrgUnit {
  readonly path: string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export function registerCodeLens(selected: SelectedOrgUnit): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      // The "in <org unit>" lens names the selection: redraw when it changes.
      onDidChangeCodeLenses: selected.onDidChange,
      provideCodeLenses(document) {
        const dialect = documentDialect(document);
        // The explorer takes v1.1beta1 queries (translated for the v1 backend); v1 filter files are for reference.
        if (dialect === 'chromemanagement') return [];
        const orgUnitPath = selected.path;
        return queryLines(document).flatMap((q) => {
          const parsed = parseQuery(q.text, dialect);
          const args: ApplyFilterArgs = { query: serialize(parsed), dialect };
          const errors = diagnose(parsed, dialect).filter((d) => d.severity === 'error').length;
          const range = new vscode.Range(q.line, 0, q.line, q.text.length);
          const lenses = [
            new vscode.CodeLens(range, {
              title:
                errors === 0
                  ? vscode.l10n.t('Run in CBCM Explorer')
                  : errors > 1
                    ? vscode.l10n.t('Run in CBCM Explorer (fix {0} errors first)', errors)
                    : vscode.l10n.t('Run in CBCM Explorer (fix {0} error first)', errors),
              tooltip:
                dialect === 'tokens'
                  ? vscode.l10n.t('Filter the enrollment tokens listing of every org unit with: {0}', args.query)
                  : vscode.l10n.t('Filter the browsers listing of every org unit with: {0}', args.query),
              command: RUN_COMMAND,
              arguments: [args],
            }),
          ];
          // Relative times run as the dates they stand for today: show that, so the admin sees what is sent.
          const resolved = dialect === 'browsers' ? resolveRelativeDates(args.query) : args.query;
          if (errors === 0 && resolved !== args.query) {
            lenses.push(
              new vscode.CodeLens(range, {
                title: vscode.l10n.t('runs as: {0}', resolved),
                tooltip: vscode.l10n.t('Relative times are turned into dates each time the query runs.'),
                command: '',
              }),
            );
          }
          if (errors > 0) return lenses;
          // The lens carries the org unit it names, so the click acts there even if the selection moved meanwhile.
          lenses.push(
            new vscode.CodeLens(
              range,
              orgUnitPath
                ? {
                    title: vscode.l10n.t('in {0}', orgUnitPath),
                    tooltip: vscode.l10n.t('Filter only {0} (the org unit selected in the CBCM Explorer) with: {1}', orgUnitPath, args.query),
                    command: RUN_COMMAND,
                    arguments: [{ ...args, orgUnitPath }],
                  }
                : {
                    title: vscode.l10n.t('in selected org unit (none selected)'),
                    tooltip: vscode.l10n.t('Select an org unit (or anything inside one) in the CBCM Explorer to run this query there only.'),
                    command: RUN_COMMAND,
                    arguments: [{ ...args, scope: 'selectedOrgUnit' }],
                  },
            ),
          );
          if (dialect === 'browsers') {
            lenses.push(
              new vscode.CodeLens(range, {
                title: vscode.l10n.t('Act on all matching…'),
                tooltip: vscode.l10n.t(
                  'Move, delete or set annotations on every browser of the account that matches: {0} (a dry run with the exact count and a confirmation come first)',
                  args.query,
                ),
                command: ACT_ON_MATCHING_COMMAND,
                arguments: [{ query: args.query }],
              }),
            );
          }
          return lenses;
        });
      },
    }),
  ];
}

/** What the tree's apply-filter command returns when it applied the filter (undefined: it did not). */
interface AppliedFilter {
  orgUnitPath?: string;
}

export async function runQuery(args: ApplyFilterArgs | undefined, log: vscode.LogOutputChannel): Promise<void> {
  if (!args || typeof args.query !== 'string') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Use the "Run in CBCM Explorer" link above a query line in a .cbcmq file.'));
    return;
  }
  const error = validateQueryInput(args.query, args.dialect);
  if (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This query was not sent because the API would not run it as written: {0}', error));
    return;
  }
  const commands = await vscode.commands.getCommands(true);
  if (!commands.includes(APPLY_FILTER_COMMAND)) {
    const open = vscode.l10n.t('Open CBCM Explorer');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The CBCM Explorer view is not ready to run queries yet. Open it (and sign in), then click "Run in CBCM Explorer" again.'),
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('cbcm.explorer.focus').then(undefined, () => undefined);
    return;
  }
  log.info(
    `Running a ${args.dialect} query from a .cbcmq file (${args.query.length} characters)${args.orgUnitPath ? ` in ${args.orgUnitPath}` : ''}.`,
  );
  const applied = await vscode.commands.executeCommand<AppliedFilter | undefined>(APPLY_FILTER_COMMAND, args);
  // Show the admin where the filtered listing is: the org unit's folder, or the account-wide one.
  if (applied) await vscode.commands.executeCommand(REVEAL_LISTING_COMMAND, { dialect: args.dialect, orgUnitPath: applied.orgUnitPath });
}
