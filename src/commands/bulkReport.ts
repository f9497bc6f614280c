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

export function summaryLine(verb: string, s: BulkSummary): string {
  const parts = [`${verb} ${n(s.done.length)}`];
  if (s.unchanged.length) parts.push(`unchanged ${n(s.unchanged.length)}`);
  parts.push(`failed ${n(s.failed.length)}`, `not tried ${n(s.notTried.length)}`);
  return parts.join(' · ') + (s.stoppedBy ? ` (stopped: ${s.stoppedBy})` : '');
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
    filters: { CSV: ['csv'] },
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
  verb: string,
  summary: BulkSummary,
  log: vscode.LogOutputChannel,
  retry?: (targets: BulkTarget[]) => Promise<unknown>,
): Promise<void> {
  const line = summaryLine(verb, summary);
  log.info(`${summary.operation?.title ?? verb}: ${line}`);
  for (const f of summary.failed) log.warn(`  ${f.target.deviceId}: ${f.reason}`);
  const leftOver = [...summary.failed.map((f) => f.target), ...summary.notTried];
  if (leftOver.length === 0) {
    const choice = await vscode.window.showInformationMessage(line, 'Show Change History');
    if (choice) await vscode.commands.executeCommand('cbcm.history.show');
    return;
  }
  const actions = [...(retry ? ['Retry Failed'] : []), 'Save Failed as CSV…', 'Show Change History'];
  const first = summary.failed[0];
  const why = first ? ` First failure: ${first.target.machineName ?? first.target.deviceId}: ${first.reason}` : '';
  const choice = await vscode.window.showWarningMessage(`${line}.${why}`, ...actions);
  if (choice === 'Retry Failed' && retry) await retry(leftOver);
  else if (choice === 'Save Failed as CSV…') await saveText(`cbcm-failed-${clock.date().toISOString().slice(0, 10)}.csv`, failuresCsv(summary));
  else if (choice === 'Show Change History') await vscode.commands.executeCommand('cbcm.history.show');
}
