// The end of every bulk run: one summary (done / unchanged / failed / not tried, with why it stopped), and the
// ways on from there: retry what failed, save the failures as CSV (formula-safe, to fix and import again), or
// open the change history.
import * as vscode from 'vscode';
import type { BulkSummary } from '../operations/bulkRun';
import type { BulkTarget } from '../operations/bulkTargets';
import { csvField } from '../export/csvField';
import { displayLocale } from '../util/displayLocale';
import { clock } from '../util/clock';

const n = (x: number) => x.toLocaleString(displayLocale());

/** What a bulk run did, as the first words of its summary ("Moved 12"). */
export type BulkVerb = 'Moved' | 'Deleted' | 'Annotated' | 'Undone' | 'Imported';

function doneWords(verb: BulkVerb, count: string): string {
  switch (verb) {
    case 'Moved':
      return vscode.l10n.t('Moved {0}', count);
    case 'Deleted':
      return vscode.l10n.t('Deleted {0}', count);
    case 'Annotated':
      return vscode.l10n.t('Annotated {0}', count);
    case 'Undone':
      return vscode.l10n.t('Undone {0}', count);
    case 'Imported':
      return vscode.l10n.t('Imported {0}', count);
  }
}

export function summaryLine(verb: BulkVerb, s: BulkSummary): string {
  const parts = [doneWords(verb, n(s.done.length))];
  if (s.unchanged.length) parts.push(vscode.l10n.t('unchanged {0}', n(s.unchanged.length)));
  parts.push(vscode.l10n.t('failed {0}', n(s.failed.length)), vscode.l10n.t('not tried {0}', n(s.notTried.length)));
  const line = parts.join(' · ');
  return s.stoppedBy ? vscode.l10n.t('{0} (stopped: {1})', line, s.stoppedBy) : line;
}

export function failuresCsv(s: BulkSummary): string {
  const header = ['deviceId', 'machineName', 'serialNumber', 'orgUnitPath', 'result', 'reason'];
  const row = (t: BulkTarget, result: string, reason: string) =>
    [t.deviceId, t.machineName, t.serialNumber, t.orgUnitPath, result, reason].map(csvField).join(',');
  return (
    [
      header.map(csvField).join(','),
      ...s.failed.map((f) => row(f.target, 'failed', f.reason)),
      ...s.notTried.map((t) => row(t, 'not tried', s.stoppedBy ?? '')),
    ].join('\r\n') + '\r\n'
  );
}

export async function saveText(defaultName: string, text: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
    filters: { [vscode.l10n.t('CSV')]: ['csv'] },
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

/**
 * Shows the summary; `retry` reruns the failed and not-tried targets (after its own confirmation).
 * Returns when the admin has chosen (or dismissed) an action.
 */
export async function reportBulk(
  verb: BulkVerb,
  summary: BulkSummary,
  log: vscode.LogOutputChannel,
  retry?: (targets: BulkTarget[]) => Promise<unknown>,
): Promise<void> {
  const line = summaryLine(verb, summary);
  log.info(`${summary.operation?.title ?? verb}: ${line}`);
  for (const f of summary.failed) log.warn(`  ${f.target.deviceId}: ${f.reason}`);
  const leftOver = [...summary.failed.map((f) => f.target), ...summary.notTried];
  const showHistory = vscode.l10n.t('Show Change History');
  if (leftOver.length === 0) {
    const choice = await vscode.window.showInformationMessage(line, showHistory);
    if (choice) await vscode.commands.executeCommand('cbcm.history.show');
    return;
  }
  const retryFailed = vscode.l10n.t('Retry Failed');
  const saveFailed = vscode.l10n.t('Save Failed as CSV…');
  const actions = [...(retry ? [retryFailed] : []), saveFailed, showHistory];
  const first = summary.failed[0];
  const message = first
    ? vscode.l10n.t('{0}. First failure: {1}: {2}', line, first.target.machineName ?? first.target.deviceId, first.reason)
    : vscode.l10n.t('{0}.', line);
  const choice = await vscode.window.showWarningMessage(message, ...actions);
  if (choice === retryFailed && retry) await retry(leftOver);
  else if (choice === saveFailed) await saveText(`cbcm-failed-${clock.date().toISOString().slice(0, 10)}.csv`, failuresCsv(summary));
  else if (choice === showHistory) await vscode.commands.executeCommand('cbcm.history.show');
}
