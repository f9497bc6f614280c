// "CBCM: Show Change History": every operation this machine made, newest first; one opens to its items, and
// can be undone (same preview-confirm-progress-summary as a bulk run) or have its deleted records exported.
import * as vscode from 'vscode';
import type { JournalOperation } from '../operations/journalRecords';
import { readJournalFile } from '../operations/journal';
import { planUndo, runUndo, undoCount, undoPreviewText } from '../operations/undo';
import { relativeTime } from '../util/relativeTime';
import { openPreview } from './bulkPreview';
import { reportBulk } from './bulkReport';
import { refusedReadOnly, requireBackend } from './commandContext';
import type { Services } from '../services';
import { displayLocale } from '../util/displayLocale';

const ICONS: Record<string, string> = {
  annotate: 'edit',
  move: 'arrow-swap',
  delete: 'trash',
  createToken: 'key',
  revokeToken: 'circle-slash',
  import: 'table',
  undo: 'discard',
};

interface OperationPick extends vscode.QuickPickItem {
  operation?: JournalOperation;
  archives?: true;
}

const undoButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('discard'), tooltip: 'Undo this operation…' };
const exportButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('save'), tooltip: 'Export the full records of the deleted browsers…' };

function resultOf(o: JournalOperation): string {
  if (!o.end) return 'stopped before it ended (the extension closed): items show what was done';
  const e = o.end;
  return `done ${e.done} · failed ${e.failed} · not tried ${e.notTried}${e.stoppedBy ? ` · stopped: ${e.stoppedBy}` : ''}`;
}

function pickOf(o: JournalOperation): OperationPick {
  const r = o.record;
  return {
    label: `$(${ICONS[r.action] ?? 'history'}) ${r.title}`,
    description: `${relativeTime(r.at) ?? r.at} · ${r.account}`,
    detail: resultOf(o),
    operation: o,
    buttons: [
      ...(r.action !== 'delete' && r.action !== 'undo' && r.action !== 'revokeToken' ? [undoButton] : []),
      ...(o.items.some((i) => i.change.kind === 'delete') ? [exportButton] : []),
    ],
  };
}

export function registerHistoryCommands(services: Services): vscode.Disposable[] {
  const { operations } = services;
  // Automation (tests, F5 debugging) may skip the confirmation, never in Production.
  const production = services.context.extensionMode === vscode.ExtensionMode.Production;
  const show = async () => {
    const { operations: ops, skippedLines } = await operations.journal.read();
    if (skippedLines) services.log.warn(`Change history: ${skippedLines} unreadable line(s) skipped (a write cut short by a crash).`);
    const archives = await operations.journal.archives();
    const qp = vscode.window.createQuickPick<OperationPick>();
    qp.title = 'CBCM Change History';
    qp.placeholder = ops.length ? 'Choose an operation to see its browsers; the buttons undo or export' : 'Nothing changed from this machine yet';
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.items = [
      ...[...ops].reverse().map(pickOf),
      ...(archives.length
        ? [{ label: `$(archive) Older operations (${archives.length} archive file${archives.length > 1 ? 's' : ''})…`, archives: true as const }]
        : []),
    ];
    qp.onDidTriggerItemButton(async (e) => {
      qp.hide();
      if (e.button === undoButton && e.item.operation) await undo(e.item.operation);
      if (e.button === exportButton && e.item.operation) await exportDeleted(e.item.operation);
    });
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0];
      qp.hide();
      if (item?.operation) await showItems(item.operation);
      if (item?.archives) await showArchives(archives);
    });
    qp.onDidHide(() => qp.dispose());
    qp.show();
  };

  const showArchives = async (files: string[]) => {
    const file = await vscode.window.showQuickPick(
      files.map((f) => ({ label: f.split(/[\\/]/).pop()!, f })),
      { title: 'Archived change history' },
    );
    if (!file) return;
    const { operations: ops } = await readJournalFile(file.f);
    const pick = await vscode.window.showQuickPick([...ops].reverse().map(pickOf), { title: file.label });
    if (pick?.operation) await showItems(pick.operation);
  };

  const showItems = async (o: JournalOperation) => {
    const lines = [
      `# ${o.record.title}`,
      '',
      `${o.record.at} · ${o.record.account} · ${resultOf(o)}`,
      '',
      '| Target | Result | Change |',
      '|---|---|---|',
    ];
    for (const i of o.items) {
      const c = i.change;
      const change =
        c.kind === 'move'
          ? `${c.before ?? '?'} → ${c.after}`
          : c.kind === 'annotations'
            ? Object.keys(c.after)
                .filter((k) => c.after[k as keyof typeof c.after] !== c.before[k as keyof typeof c.before])
                .map((k) => `${k}: ${c.before[k as keyof typeof c.before] || '∅'} → ${c.after[k as keyof typeof c.after] || '∅'}`)
                .join('; ')
            : c.kind === 'delete'
              ? 'deleted (full record kept)'
              : `${c.kind} ${c.token.orgUnitPath ?? ''}`;
      lines.push(
        `| ${i.target} | ${i.pending ? 'may have been sent (no answer recorded)' : i.ok ? 'done' : `failed: ${i.reason ?? ''}`} | ${change.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
      );
    }
    await openPreview(`history-${o.record.op}`, lines.join('\n') + '\n');
  };

  const undo = async (o: JournalOperation, confirmed = false) => {
    const backend = await requireBackend(services);
    if (backend && refusedReadOnly(services, 'Undo Last Change')) return;
    const writer = operations.writer();
    if (!backend || !writer) return;
    const plan = planUndo(o);
    const n = undoCount(plan);
    if (n === 0) {
      void vscode.window.showInformationMessage(
        `Nothing of "${o.record.title}" can be undone${plan.notUndoable[0] ? `: ${plan.notUndoable[0].reason}` : ''}.`,
      );
      return;
    }
    const moves = [...plan.moves].map(([back, ts]) => `${ts.length} back to ${back}`).join('\n');
    const detail = [
      plan.annotations.length ? `${plan.annotations.length} browser(s) get their previous annotations back.` : '',
      moves ? `Org units:\n${moves}` : '',
      plan.tokensToRevoke.length ? `${plan.tokensToRevoke.length} enrollment token(s) it created are revoked.` : '',
      plan.notUndoable.length ? `${plan.notUndoable.length} cannot be undone: ${plan.notUndoable[0].reason}.` : '',
      'A browser someone changed since is reported and left as it is.',
    ]
      .filter(Boolean)
      .join('\n\n');
    const button = `Undo ${n.toLocaleString(displayLocale())}`;
    // The same per-browser preview as a bulk run, before the confirmation (automation needs no tab left open).
    if (!confirmed) await openPreview(`undo-${o.record.op}`, undoPreviewText(plan));
    if (!confirmed && (await vscode.window.showWarningMessage(`Undo "${o.record.title}"?`, { modal: true, detail }, button)) !== button) return;
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Undo: ${o.record.title}`, cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runUndo(writer, backend, plan, {
          signal: abort.signal,
          onProgress: (p) => progress.report({ message: `${p.finished} of ${p.total}` }),
        });
      },
    );
    await vscode.commands.executeCommand('cbcm.explorer.refresh');
    void reportBulk('Undone', summary, services.log);
    return summary;
  };

  /** `target` (automation, outside Production) skips the save dialog. */
  const exportDeleted = async (o: JournalOperation, target?: vscode.Uri) => {
    const records = o.items
      .filter((i) => i.change.kind === 'delete' && i.change.record)
      .map((i) => JSON.stringify((i.change as { record: unknown }).record));
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, `cbcm-deleted-${o.record.at.slice(0, 10)}.jsonl`) : undefined,
        filters: { 'JSON Lines': ['jsonl'] },
      }));
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(records.join('\n') + '\n', 'utf8'));
    void vscode.window.showInformationMessage(`Saved ${records.length} deleted browser record(s).`);
    return uri.toString();
  };

  const byId = async (id: unknown) => (await operations.journal.read()).operations.find((o) => o.record.op === id);
  return [
    vscode.commands.registerCommand('cbcm.history.show', show),
    // The history's export button, by operation id (not in the palette); automation may give the file.
    vscode.commands.registerCommand('cbcm.history.exportDeleted', async (id?: unknown, file?: unknown) => {
      const o = await byId(id);
      if (!o) return undefined;
      return exportDeleted(o, !production && file instanceof vscode.Uri ? file : undefined);
    }),
    // Palette: the latest undoable operation; automation may name one.
    vscode.commands.registerCommand('cbcm.history.undo', async (id?: unknown, auto?: { confirmed?: boolean }) => {
      const ops = (await operations.journal.read()).operations;
      const target =
        (typeof id === 'string' ? await byId(id) : undefined) ??
        [...ops].reverse().find((o) => ['annotate', 'move', 'import', 'createToken'].includes(o.record.action));
      if (!target) {
        void vscode.window.showInformationMessage('Nothing in the change history can be undone.');
        return;
      }
      return undo(target, !production && auto?.confirmed === true);
    }),
  ];
}
