// "CBCM: Show Change History": every operation this machine made, newest first; one opens to its items, and
// can be undone (same preview-confirm-progress-summary as a bulk run) or have its deleted records exported.
import * as vscode from 'vscode';
import type { JournalOperation } from '../operations/journalRecords';
import { readJournalFile } from '../operations/journal';
import { planUndo, runUndo, undoCount, undoPreviewText } from '../operations/undo';
import { relativeTime } from '../util/relativeTime';
import { openPreview } from './bulkPreview';
import { reportBulk } from './bulkReport';
import { type ExplorerCommandContext, refusedReadOnly, requireBackend } from './commandContext';
import type { CommandTable } from './commandTable';
import type { BulkSummary } from '../operations/bulkRun';
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

const undoButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('discard'), tooltip: vscode.l10n.t('Undo this operation…') };
const exportButton: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('save'),
  tooltip: vscode.l10n.t('Export the full records of the deleted browsers…'),
};

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

async function show({ services }: ExplorerCommandContext): Promise<void> {
  const { operations } = services;
  const { operations: ops, skippedLines } = await operations.journal.read();
  if (skippedLines) services.log.warn(`Change history: ${skippedLines} unreadable line(s) skipped (a write cut short by a crash).`);
  const archives = await operations.journal.archives();
  const qp = vscode.window.createQuickPick<OperationPick>();
  qp.title = vscode.l10n.t('CBCM Change History');
  qp.placeholder = ops.length
    ? vscode.l10n.t('Choose an operation to see its browsers; the buttons undo or export')
    : vscode.l10n.t('Nothing changed from this machine yet');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = [
    ...[...ops].reverse().map(pickOf),
    ...(archives.length
      ? [
          {
            label:
              archives.length > 1
                ? vscode.l10n.t('$(archive) Older operations ({0} archive files)…', archives.length)
                : vscode.l10n.t('$(archive) Older operations (1 archive file)…'),
            archives: true as const,
          },
        ]
      : []),
  ];
  qp.onDidTriggerItemButton(async (e) => {
    qp.hide();
    if (e.button === undoButton && e.item.operation) await undo(services, e.item.operation);
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
}

async function showArchives(files: string[]): Promise<void> {
  const file = await vscode.window.showQuickPick(
    files.map((f) => ({ label: f.split(/[\\/]/).pop()!, f })),
    { title: vscode.l10n.t('Archived change history') },
  );
  if (!file) return;
  const { operations: ops } = await readJournalFile(file.f);
  const pick = await vscode.window.showQuickPick([...ops].reverse().map(pickOf), { title: file.label });
  if (pick?.operation) await showItems(pick.operation);
}

async function showItems(o: JournalOperation): Promise<void> {
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
}

async function undo(services: Services, o: JournalOperation, confirmed = false): Promise<BulkSummary | undefined> {
  const { operations } = services;
  const backend = await requireBackend(services);
  if (backend && refusedReadOnly(services, vscode.l10n.t('Undo Last Change'))) return undefined;
  const writer = operations.writer();
  if (!backend || !writer) return;
  const plan = planUndo(o);
  const n = undoCount(plan);
  if (n === 0) {
    void vscode.window.showInformationMessage(
      plan.notUndoable[0]
        ? vscode.l10n.t('Nothing of "{0}" can be undone: {1}.', o.record.title, plan.notUndoable[0].reason)
        : vscode.l10n.t('Nothing of "{0}" can be undone.', o.record.title),
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
  const button = vscode.l10n.t('Undo {0}', n.toLocaleString(displayLocale()));
  // The same per-browser preview as a bulk run, before the confirmation (automation needs no tab left open).
  if (!confirmed) await openPreview(`undo-${o.record.op}`, undoPreviewText(plan));
  if (
    !confirmed &&
    (await vscode.window.showWarningMessage(vscode.l10n.t('Undo "{0}"?', o.record.title), { modal: true, detail }, button)) !== button
  )
    return;
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Undo: {0}', o.record.title), cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return runUndo(writer, backend, plan, {
        signal: abort.signal,
        onProgress: (p) => progress.report({ message: vscode.l10n.t('{0} of {1}', p.finished, p.total) }),
      });
    },
  );
  await vscode.commands.executeCommand('cbcm.explorer.refresh');
  void reportBulk('Undone', summary, services.log);
  return summary;
}

/** `target` (automation, outside Production) skips the save dialog. Returns the file written. */
async function exportDeleted(o: JournalOperation, target?: vscode.Uri): Promise<string | undefined> {
  const records = o.items
    .filter((i) => i.change.kind === 'delete' && i.change.record)
    .map((i) => JSON.stringify((i.change as { record: unknown }).record));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `cbcm-deleted-${o.record.at.slice(0, 10)}.jsonl`) : undefined,
      filters: { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(records.join('\n') + '\n', 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} deleted browser record(s).', records.length));
  return uri.toString();
}

async function operationById(services: Services, id: unknown): Promise<JournalOperation | undefined> {
  return (await services.operations.journal.read()).operations.find((o) => o.record.op === id);
}

/** The history's export button, by operation id (not in the palette); automation may give the file. */
async function exportDeletedCommand({ services }: ExplorerCommandContext, id?: unknown, file?: unknown): Promise<string | undefined> {
  const o = await operationById(services, id);
  if (!o) return undefined;
  const production = services.context.extensionMode === vscode.ExtensionMode.Production;
  return exportDeleted(o, !production && file instanceof vscode.Uri ? file : undefined);
}

/** Palette: the latest undoable operation; automation may name one (and, outside Production, skip the question). */
async function undoCommand({ services }: ExplorerCommandContext, id?: unknown, auto?: { confirmed?: boolean }): Promise<BulkSummary | undefined> {
  const production = services.context.extensionMode === vscode.ExtensionMode.Production;
  const ops = (await services.operations.journal.read()).operations;
  const target =
    (typeof id === 'string' ? ops.find((o) => o.record.op === id) : undefined) ??
    [...ops].reverse().find((o) => ['annotate', 'move', 'import', 'createToken'].includes(o.record.action));
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing in the change history can be undone.'));
    return undefined;
  }
  return undo(services, target, !production && auto?.confirmed === true);
}

export const historyCommands = {
  'cbcm.history.show': show,
  'cbcm.history.undo': undoCommand,
  'cbcm.history.exportDeleted': exportDeletedCommand,
} satisfies CommandTable<ExplorerCommandContext>;
