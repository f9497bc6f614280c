// "Move / Delete / Set annotations on all matching…" (a browsers folder with or without a filter, or the
// explorer's current filter from the palette) and the same on a multi-selection. Every run: a dry run with the
// exact count, a modal confirmation that states it, progress with Cancel, a summary with Retry / Save failed.
// The work itself is src/operations (no vscode); this file only asks and shows.
import * as vscode from 'vscode';
import type { CbcmBackend } from '../api/backend';
import { ANNOTATION_FIELDS, type AnnotationField } from '../api/types';
import { runAnnotate, runDelete, runMove, planAnnotations, type AnnotationChanges, type BulkSummary, type RunOptions } from '../operations/bulkRun';
import { parseTemplate } from '../operations/templates';
import { dryRunOf, dryRunQuery, rereadTargets, toTarget, type BulkTarget, type DryRun, type QueryScope } from '../operations/bulkTargets';
import type { FleetWriter } from '../operations/fleetWriter';
import { validateQueryInput } from '../query';
import { BrowserListFolderNode } from '../tree/nodes/browserListFolderNode';
import { BrowserNode } from '../tree/nodes/browserNode';
import { BrowsersFolderNode } from '../tree/nodes/browsersFolderNode';
import { describeError, isCancellation } from '../util/errors';
import { count } from '../util/relativeTime';
import { automationArgs } from './automation';
import { askAnnotationChanges } from './bulkPrompts';
import { annotationPreviewText, openPreview } from './bulkPreview';
import { reportBulk } from './bulkReport';
import { requireBackend, targetsOf, type ExplorerCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';
import { askModal } from './confirm';
import { bulkDeleteQuestion, bulkMoveQuestion } from './confirmText';
import { pickOrgUnit } from './orgUnitPicker';
import { displayLocale } from '../util/displayLocale';
import { clock } from '../util/clock';

type BulkKind = 'move' | 'delete' | 'annotate';
type Source = { kind: 'query'; scope: QueryScope } | { kind: 'selection'; nodes: BrowserNode[] };

/** Automation (tests, F5 debugging) may answer the questions, never in Production (see README, Security). */
interface BulkAutomation {
  confirmed?: boolean;
  destination?: string;
  /** Per annotation field: a template, or null to clear it. */
  changes?: Partial<Record<AnnotationField, string | null>>;
  /** Press "Retry Failed" once after the run; the command then returns the retry's summary. */
  retryFailed?: boolean;
}

const isFolder = (n: unknown): n is BrowsersFolderNode => n instanceof BrowsersFolderNode;
const isBrowser = (n: unknown): n is BrowserNode => n instanceof BrowserNode;

function automation(c: ExplorerCommandContext, a: unknown): BulkAutomation {
  return automationArgs<BulkAutomation>(c.services.context.extensionMode, a) ?? {};
}

/** Every browser a folder lists (or a caller's query, or the explorer's filter) matches. */
async function runOnMatching(c: ExplorerCommandContext, kind: BulkKind, node: unknown, auto: unknown): Promise<BulkSummary | undefined> {
  // The inventory's list has no query (the API cannot name an extension): it acts on every browser listed.
  if (node instanceof BrowserListFolderNode) return runBulk(c, kind, { kind: 'selection', nodes: [...(await node.loadAll())] }, automation(c, auto));
  const scope = scopeOf(c, node);
  return scope && runBulk(c, kind, { kind: 'query', scope }, automation(c, auto));
}

/** The browsers clicked or selected in the tree. */
function runOnSelected(c: ExplorerCommandContext, kind: BulkKind, node: unknown, nodes: unknown, auto: unknown): Promise<BulkSummary | undefined> {
  return runBulk(c, kind, { kind: 'selection', nodes: targetsOf(c.view, isBrowser, node, nodes) }, automation(c, auto));
}

function moveMatching(c: ExplorerCommandContext, node?: unknown, _selected?: unknown, auto?: unknown): Promise<BulkSummary | undefined> {
  return runOnMatching(c, 'move', node, auto);
}

function deleteMatching(c: ExplorerCommandContext, node?: unknown, _selected?: unknown, auto?: unknown): Promise<BulkSummary | undefined> {
  return runOnMatching(c, 'delete', node, auto);
}

function annotateMatching(c: ExplorerCommandContext, node?: unknown, _selected?: unknown, auto?: unknown): Promise<BulkSummary | undefined> {
  return runOnMatching(c, 'annotate', node, auto);
}

function annotateSelected(c: ExplorerCommandContext, node?: unknown, nodes?: unknown, auto?: unknown): Promise<BulkSummary | undefined> {
  return runOnSelected(c, 'annotate', node, nodes, auto);
}

function moveSelected(c: ExplorerCommandContext, node?: unknown, nodes?: unknown, auto?: unknown): Promise<BulkSummary | undefined> {
  return runOnSelected(c, 'move', node, nodes, auto);
}

function deleteSelected(c: ExplorerCommandContext, node?: unknown, nodes?: unknown, auto?: unknown): Promise<BulkSummary | undefined> {
  return runOnSelected(c, 'delete', node, nodes, auto);
}

/** A query file's lens and the fleet overview: `{ query, orgUnitPath? }`, then a pick of the three (or `kind`). */
async function actOnMatching(_c: ExplorerCommandContext, scope?: unknown, auto?: unknown): Promise<unknown> {
  const kind = (scope as { kind?: unknown } | undefined)?.kind;
  const chosen = isBulkKind(kind) ? kind : await pickBulkKind(scope);
  return chosen && vscode.commands.executeCommand(MATCHING_COMMANDS[chosen], scope, undefined, auto);
}

export const bulkCommands = {
  'cbcm.bulk.moveMatching': moveMatching,
  'cbcm.bulk.deleteMatching': deleteMatching,
  'cbcm.bulk.annotateMatching': annotateMatching,
  'cbcm.bulk.annotateSelected': annotateSelected,
  'cbcm.bulk.moveSelected': moveSelected,
  'cbcm.bulk.deleteSelected': deleteSelected,
  'cbcm.bulk.actOnMatching': actOnMatching,
} satisfies CommandTable<ExplorerCommandContext>;

const MATCHING_COMMANDS: Record<BulkKind, string> = {
  move: 'cbcm.bulk.moveMatching',
  delete: 'cbcm.bulk.deleteMatching',
  annotate: 'cbcm.bulk.annotateMatching',
};
const isBulkKind = (k: unknown): k is BulkKind => k === 'move' || k === 'delete' || k === 'annotate';

/** A query given by a caller (a .cbcmq lens, the overview): `{ query, orgUnitPath? }`, not a tree node. */
function isGivenScope(v: unknown): v is { query: string; orgUnitPath?: string } {
  if (typeof v !== 'object' || v === null || 'getTreeItem' in v) return false;
  const s = v as Record<string, unknown>;
  return typeof s.query === 'string' && (s.orgUnitPath === undefined || (typeof s.orgUnitPath === 'string' && s.orgUnitPath.startsWith('/')));
}

async function pickBulkKind(scope: unknown): Promise<BulkKind | undefined> {
  const where = isGivenScope(scope) ? describeScope(scope) : vscode.l10n.t('the explorer filter shows');
  const items: (vscode.QuickPickItem & { bulk: BulkKind })[] = [
    { label: vscode.l10n.t('Move all matching…'), description: vscode.l10n.t('to an org unit you choose'), bulk: 'move' },
    { label: vscode.l10n.t('Set annotations on all matching…'), description: vscode.l10n.t('user, location, asset ID, notes'), bulk: 'annotate' },
    { label: vscode.l10n.t('Delete all matching…'), description: vscode.l10n.t('cannot be undone in Google'), bulk: 'delete' },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Act on every browser {0}', where),
    placeHolder: vscode.l10n.t('Each starts with a dry run: the exact count and a sample, then a confirmation'),
    // Opened from a webview's button, which keeps (and may take back) the focus: only Escape dismisses it.
    ignoreFocusOut: true,
  });
  return pick?.bulk;
}

/** A folder's listing, a query a caller gave, or (from the palette) what the explorer's browser filter shows. */
function scopeOf(c: ExplorerCommandContext, node: unknown): QueryScope | undefined {
  if (isFolder(node)) return { orgUnitPath: node.orgUnitPath, query: node.query };
  if (isGivenScope(node)) {
    // Another caller's query is checked as the explorer's filter box checks it: a bad one is never listed.
    const problem = validateQueryInput(node.query, 'browsers');
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was done: the API would not run this query as written: {0}', problem));
      return undefined;
    }
    return { orgUnitPath: node.orgUnitPath, query: node.query.trim() || undefined };
  }
  const filter = c.explorer.state.browserFilter;
  return { orgUnitPath: filter?.orgUnitPath, query: filter?.query };
}

function describeScope(scope: QueryScope): string {
  const where = scope.orgUnitPath ? vscode.l10n.t('in {0}', scope.orgUnitPath) : vscode.l10n.t('in the whole account');
  return scope.query ? vscode.l10n.t('matching "{0}" {1}', scope.query, where) : where;
}

async function findTargets(backend: CbcmBackend, source: Source, withAnnotations: boolean): Promise<DryRun | undefined> {
  if (source.kind === 'selection') return dryRunOf(source.nodes.map((n) => toTarget(n.browser, withAnnotations)));
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Finding the browsers {0}', describeScope(source.scope)),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      try {
        return await dryRunQuery(backend, source.scope, {
          withAnnotations,
          signal: abort.signal,
          onProgress: (n) => progress.report({ message: vscode.l10n.t('{0} so far', n.toLocaleString(displayLocale())) }),
        });
      } catch (e) {
        if (!isCancellation(e) && !abort.signal.aborted)
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not list the browsers to act on: {0}. Nothing was changed.', describeError(e)));
        return undefined;
      }
    },
  );
}

function sampleLines(dry: DryRun): string {
  const lines = dry.sample.map((t) => `• ${t.machineName ?? '(no name)'} — ${t.serialNumber ?? t.deviceId} — ${t.orgUnitPath ?? ''}`);
  const more = dry.targets.length - dry.sample.length;
  return lines.join('\n') + (more > 0 ? `\n… and ${more.toLocaleString(displayLocale())} more` : '');
}

/** Where the browsers of a move are now, largest first; past 8 org units the rest are summed, never left out. */
function fromLines(dry: DryRun): string {
  const sorted = [...dry.byOrgUnit].sort((a, b) => b[1] - a[1]);
  const lines = sorted.slice(0, 8).map(([ou, n]) => `${ou || '(unknown)'}: ${n.toLocaleString(displayLocale())}`);
  const rest = sorted.slice(8);
  if (rest.length)
    lines.push(
      `… and ${rest.length.toLocaleString(displayLocale())} more org units: ${rest.reduce((t, [, n]) => t + n, 0).toLocaleString(displayLocale())}`,
    );
  return lines.join('\n');
}

async function confirm(auto: BulkAutomation, message: string, detail: string, button: string): Promise<boolean> {
  if (auto.confirmed) return true;
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
}

async function runBulk(
  c: ExplorerCommandContext,
  kind: BulkKind,
  source: Source,
  auto: BulkAutomation,
  retryOf?: BulkTarget[],
  retryChanges?: AnnotationChanges,
): Promise<BulkSummary | undefined> {
  const backend = await requireBackend(c.services);
  if (!backend) return undefined;
  if (c.services.backends.readOnly) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('This account was signed in read-only. Sign in again with "Read and write" access to change browsers.'),
    );
    return undefined;
  }
  const writer = c.services.operations.writer();
  if (!writer) return undefined;
  if (source.kind === 'selection' && source.nodes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more browsers in the explorer first.'));
    return undefined;
  }
  // A retried annotate run starts from what Google holds now, with the same changes (asked once).
  const dry = retryOf
    ? dryRunOf(kind === 'annotate' ? await rereadTargets(backend, retryOf) : retryOf)
    : await findTargets(backend, source, kind === 'annotate');
  if (!dry) return undefined;
  const n = dry.targets.length;
  const what = source.kind === 'query' ? describeScope(source.scope) : vscode.l10n.t('selected');
  if (n === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No browser {0}. Nothing to do.', what));
    return undefined;
  }
  let changesUsed: AnnotationChanges | undefined;
  const again = (targets: BulkTarget[]) => runBulk(c, kind, source, { ...auto, retryFailed: false }, targets, changesUsed);
  const summary =
    kind === 'move'
      ? await bulkMove(backend, writer, dry, what, auto)
      : kind === 'delete'
        ? await bulkDelete(writer, dry, what, auto)
        : await bulkAnnotate(writer, dry, what, auto, retryChanges, (used) => (changesUsed = used));
  if (!summary) return undefined;
  c.explorer.refresh();
  if (auto.retryFailed) return again([...summary.failed.map((f) => f.target), ...summary.notTried]);
  // Not awaited: the command's result is the summary; the message waits for the admin as long as it likes.
  void reportBulk(kind === 'move' ? 'Moved' : kind === 'delete' ? 'Deleted' : 'Annotated', summary, c.services.log, again);
  return summary;
}

async function withRunProgress(title: string, run: (o: RunOptions) => Promise<BulkSummary>): Promise<BulkSummary> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    let last = 0;
    return run({
      signal: abort.signal,
      onProgress: (p) => {
        progress.report({
          message: vscode.l10n.t('{0} of {1}', p.finished.toLocaleString(displayLocale()), p.total.toLocaleString(displayLocale())),
          increment: ((p.finished - last) / p.total) * 100,
        });
        last = p.finished;
      },
    });
  });
}

async function bulkMove(
  backend: CbcmBackend,
  writer: FleetWriter,
  dry: DryRun,
  what: string,
  auto: BulkAutomation,
): Promise<BulkSummary | undefined> {
  const n = dry.targets.length;
  const destination =
    auto.destination ??
    (await pickOrgUnit(backend, {
      title: vscode.l10n.t('Move {0} to…', count(n, 'browser')),
      placeHolder: vscode.l10n.t('The {0} {1}: type to search org units', count(n, 'browser'), what),
    }));
  if (!destination) return undefined;
  const already = dry.byOrgUnit.get(destination) ?? 0;
  const ok =
    auto.confirmed ||
    (await askModal(
      bulkMoveQuestion(
        n,
        destination,
        `${count(n, 'browser')} ${what}.\n\nNow in:\n${fromLines(dry)}${already ? `\n(${already} already in ${destination}: left as they are)` : ''}\n\n${sampleLines(dry)}\n\nThe change history records where each one was; Undo moves them back.`,
      ),
    ));
  if (!ok) return undefined;
  const title = `Move ${count(n, 'browser')} ${what} to ${destination}`;
  return withRunProgress(title, (o) => runMove(writer, dry.targets, destination, title, o));
}

async function bulkDelete(writer: FleetWriter, dry: DryRun, what: string, auto: BulkAutomation): Promise<BulkSummary | undefined> {
  const n = dry.targets.length;
  const ok =
    auto.confirmed ||
    (await askModal(
      bulkDeleteQuestion(
        n,
        `${count(n, 'browser')} ${what}.\n\n${sampleLines(dry)}\n\nGoogle cannot undelete: each browser's full record is saved in the change history first (it can be exported). A machine that still runs managed Chrome enrolls again.`,
      ),
    ));
  if (!ok) return undefined;
  const title = `Delete ${count(n, 'browser')} ${what}`;
  return withRunProgress(title, (o) => runDelete(writer, dry.targets, title, o));
}

function presetChanges(preset: NonNullable<BulkAutomation['changes']>): AnnotationChanges {
  return Object.fromEntries(
    ANNOTATION_FIELDS.map((f) => {
      const v = preset[f];
      return [f, v === undefined ? { mode: 'keep' } : v === null ? { mode: 'clear' } : { mode: 'set', template: parseTemplate(v) }];
    }),
  ) as AnnotationChanges;
}

async function bulkAnnotate(
  writer: FleetWriter,
  dry: DryRun,
  what: string,
  auto: BulkAutomation,
  reuse?: AnnotationChanges,
  used?: (changes: AnnotationChanges) => void,
): Promise<BulkSummary | undefined> {
  const n = dry.targets.length;
  const changes = reuse ?? (auto.changes ? presetChanges(auto.changes) : await askAnnotationChanges(n));
  if (!changes) return undefined;
  used?.(changes);
  const now = clock.date();
  const plan = (t: BulkTarget) => planAnnotations(t, changes, now);
  const title = `Set annotations on ${count(n, 'browser')} ${what}`;
  const preview = annotationPreviewText(dry.targets, plan, title);
  // Automation (outside Production) answers the confirmation itself and needs no preview tab left open.
  if (!auto.confirmed) await openPreview(`annotations-${Date.now()}`, preview.text);
  const ok = await confirm(
    auto,
    vscode.l10n.t('Set annotations on {0}?', count(n, 'browser')),
    `${preview.writes.toLocaleString(displayLocale())} will change, ${(n - preview.writes - preview.invalid).toLocaleString(displayLocale())} already hold these values${preview.invalid ? `, ${preview.invalid} will be skipped (invalid value)` : ''}. The preview shows each one.\n\nEach browser is read again just before it is written; a value someone else changed meanwhile is reported, not overwritten. Undo restores the previous values.`,
    vscode.l10n.t('Set on {0}', n.toLocaleString(displayLocale())),
  );
  if (!ok) return undefined;
  return withRunProgress(title, (o) => runAnnotate(writer, dry.targets, plan, title, o));
}
