import * as vscode from 'vscode';
import { readConfiguration } from '../configuration';
import { type AnnotationField, type ChromeBrowser } from '../api/types';
import { annotationValues, type AnnotationOutcome } from '../operations/fleetWriter';
import { BrowserNode } from '../tree/nodes/browserNode';
import { describeError, isCancellation } from '../util/errors';
import { automationArgs } from './automation';
import { type ExplorerCommandContext, refusedReadOnly, requireBackend, targetsOf } from './commandContext';
import { normalizeAnnotation, validateAnnotation } from '../model/annotations';
import type { CommandTable } from './commandTable';
import { askModal } from './confirm';
import { deleteLogLine, deleteQuestion } from './confirmText';
import { displayLocale } from '../util/displayLocale';

const isBrowserNode = (n: unknown): n is BrowserNode => n instanceof BrowserNode;

const ANNOTATION_LABELS: Record<AnnotationField, string> = {
  annotatedUser: 'User',
  annotatedLocation: 'Location',
  annotatedAssetId: 'Asset ID',
  annotatedNotes: 'Notes',
};

/** The field's name as the admin reads it (ANNOTATION_LABELS stays English: the change history records it). */
function annotationLabel(field: AnnotationField): string {
  switch (field) {
    case 'annotatedUser':
      return vscode.l10n.t('User');
    case 'annotatedLocation':
      return vscode.l10n.t('Location');
    case 'annotatedAssetId':
      return vscode.l10n.t('Asset ID');
    case 'annotatedNotes':
      return vscode.l10n.t('Notes');
  }
}

/** The ids, serial numbers or machine names of the clicked or selected browsers, one a line, to the clipboard. */
async function copyValues(
  c: ExplorerCommandContext,
  pick: (b: ChromeBrowser) => string | undefined,
  nothing: string,
  copied: (n: number) => string,
  clicked: unknown,
  selected: unknown,
): Promise<void> {
  const values = targetsOf(c.view, isBrowserNode, clicked, selected)
    .map((n) => pick(n.browser))
    .filter((v): v is string => !!v);
  if (values.length === 0) {
    void vscode.window.showInformationMessage(nothing);
    return;
  }
  await vscode.env.clipboard.writeText(values.join('\n'));
  vscode.window.setStatusBarMessage(copied(values.length), 3000);
}

function copyDeviceId(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown): Promise<void> {
  return copyValues(
    c,
    (b) => b.deviceId,
    vscode.l10n.t('No device ID to copy: select a browser first.'),
    (n) => (n > 1 ? vscode.l10n.t('Copied {0} device IDs', n) : vscode.l10n.t('Copied 1 device ID')),
    clicked,
    selected,
  );
}

function copySerialNumber(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown): Promise<void> {
  return copyValues(
    c,
    (b) => b.serialNumber,
    vscode.l10n.t('No serial number to copy: select a browser first.'),
    (n) => (n > 1 ? vscode.l10n.t('Copied {0} serial numbers', n) : vscode.l10n.t('Copied 1 serial number')),
    clicked,
    selected,
  );
}

function copyMachineName(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown): Promise<void> {
  return copyValues(
    c,
    (b) => b.machineName,
    vscode.l10n.t('No machine name to copy: select a browser first.'),
    (n) => (n > 1 ? vscode.l10n.t('Copied {0} machine names', n) : vscode.l10n.t('Copied 1 machine name')),
    clicked,
    selected,
  );
}

/**
 * One browser at a time: with several selected it hands over to the bulk annotate (one question for all, with its
 * preview and confirmation) instead of editing one of them silently. `preset` (automation, never in Production)
 * skips the two prompts.
 */
async function editAnnotation(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown, options?: unknown): Promise<unknown> {
  const { services, view } = c;
  const nodes = [...new Map(targetsOf(view, isBrowserNode, clicked, selected).map((n) => [n.deviceId, n])).values()];
  const preset = automationArgs<{ field: AnnotationField; value: string; confirmed?: boolean }>(services.context.extensionMode, options);
  if (nodes.length > 1) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} browsers are selected: their annotations are set together, with a preview before anything is saved.',
        nodes.length.toLocaleString(displayLocale()),
      ),
    );
    // Automation's value becomes a literal template ("{{" and "}}" are braces); the bulk path ignores it in Production.
    const bulkPreset =
      preset && preset.field in ANNOTATION_LABELS && typeof preset.value === 'string'
        ? { confirmed: preset.confirmed, changes: { [preset.field]: preset.value.replace(/[{}]/g, (b) => b + b) } }
        : undefined;
    return vscode.commands.executeCommand('cbcm.bulk.annotateSelected', nodes[0], nodes, bulkPreset);
  }
  const node = nodes[0];
  const backend = await requireBackend(services);
  if (!node || !backend || refusedReadOnly(services, vscode.l10n.t('Edit Annotation'))) return undefined;
  if (preset && preset.field in ANNOTATION_LABELS && typeof preset.value === 'string') {
    // The details panel's validation, for automation too: a value the panel refuses is never sent.
    const problem = validateAnnotation(preset.field, normalizeAnnotation(preset.field, preset.value));
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Annotation not saved: {0}', problem));
      return undefined;
    }
    return saveAnnotation(c, node, preset.field, normalizeAnnotation(preset.field, preset.value));
  }
  const name = node.browser.machineName ?? node.deviceId;
  const field = await vscode.window.showQuickPick(
    (Object.keys(ANNOTATION_LABELS) as AnnotationField[]).map((f) => ({
      label: annotationLabel(f),
      description: node.browser[f] || vscode.l10n.t('(empty)'),
      field: f,
    })),
    { title: vscode.l10n.t('Annotate {0}', name) },
  );
  if (!field) return undefined;
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} of {1}', field.label, name),
    value: node.browser[field.field] ?? '',
    // One validation for the tree and the details panel: length, control and bidi characters, single lines.
    validateInput: (v) => validateAnnotation(field.field, normalizeAnnotation(field.field, v)),
  });
  if (value === undefined) return undefined;
  return saveAnnotation(c, node, field.field, normalizeAnnotation(field.field, value));
}

/** One annotate operation of the change history, with the write path's re-read and conflict check. */
async function saveAnnotation(
  { services }: ExplorerCommandContext,
  node: BrowserNode,
  field: AnnotationField,
  value: string,
): Promise<AnnotationOutcome | undefined> {
  const writer = services.operations.writer();
  if (!writer) return undefined;
  const base = annotationValues(node.browser);
  const mine = { ...base, [field]: value };
  const name = node.browser.machineName ?? node.deviceId;
  try {
    let outcome: AnnotationOutcome | undefined;
    await writer.operation({ action: 'annotate', title: vscode.l10n.t('Set {0} of {1}', ANNOTATION_LABELS[field], name), planned: 1 }, async (op) => {
      outcome = await op.annotate(node.deviceId, base, mine);
      return { done: op.tally.done, failed: op.tally.failed, notTried: 0 };
    });
    if (outcome?.status === 'failed') throw new Error(outcome.reason);
    if (outcome?.status === 'conflict') {
      services.fireBrowserChanged(outcome.browser);
      void vscode.window.showWarningMessage(
        vscode.l10n.t(
          'Not saved: the {0} of {1} was changed by someone else since it was read. Look at it again, then edit it.',
          annotationLabel(field),
          name,
        ),
      );
    }
    return outcome;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not save the annotation: {0}', describeError(error)));
    return undefined;
  }
}

/**
 * `confirmed` is for automation that already asked (like a CLI's --yes), and only outside Production mode: an
 * installed extension always asks. The question names each browser's machine name, serial number and org unit.
 */
async function deleteBrowsers(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown, options?: unknown): Promise<void> {
  const { services, explorer, view } = c;
  const nodes = targetsOf(view, isBrowserNode, clicked, selected);
  const backend = await requireBackend(services);
  if (nodes.length === 0 || !backend || refusedReadOnly(services, vscode.l10n.t('Delete Browser'))) return;
  const browsers = [...new Map(nodes.map((n) => [n.deviceId, n.browser])).values()];
  const skipQuestion = automationArgs<{ confirmed?: boolean }>(services.context.extensionMode, options)?.confirmed === true;
  if (!skipQuestion && !(await askModal(deleteQuestion(browsers)))) return;
  const writer = services.operations.writer();
  if (!writer) return;
  const deleted = new Set<string>();
  const failures: string[] = [];
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: browsers.length === 1 ? vscode.l10n.t('Deleting browser') : vscode.l10n.t('Deleting {0} browsers', browsers.length),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      // One operation of the change history: each browser's FULL record is kept there before it is deleted.
      await writer
        .operation(
          {
            action: 'delete',
            title: browsers.length === 1 ? vscode.l10n.t('Delete browser') : vscode.l10n.t('Delete {0} browsers', browsers.length),
            planned: browsers.length,
          },
          async (op) => {
            for (const b of browsers) {
              if (token.isCancellationRequested) break;
              progress.report({ message: b.machineName ?? b.deviceId, increment: 100 / browsers.length });
              try {
                const r = await op.delete(b.deviceId, abort.signal);
                if (r.ok) deleted.add(b.deviceId);
                else failures.push(`${b.machineName ?? b.deviceId} (${b.deviceId}): ${r.reason}`);
              } catch (error) {
                if (isCancellation(error) || abort.signal.aborted) break;
                failures.push(`${b.machineName ?? b.deviceId} (${b.deviceId}): ${describeError(error)}`);
              }
            }
            const notTried = browsers.length - deleted.size - failures.length;
            return { done: op.tally.done, failed: op.tally.failed, notTried, stoppedBy: notTried > 0 ? 'cancelled' : undefined };
          },
        )
        .catch((error) => {
          failures.push(vscode.l10n.t('Could not record the delete in the change history: {0}', describeError(error)));
        });
    },
  );
  for (const folder of explorer.loadedBrowserFolders()) if (folder.removeBrowsers(deleted)) explorer.redraw(folder);
  const list = explorer.accountNode?.browserList;
  if (list?.removeBrowsers(deleted)) explorer.redraw(list);
  const notTried = browsers.length - deleted.size - failures.length;
  services.log.info(deleteLogLine([...deleted], failures.length, notTried));
  if (failures.length > 0 || notTried > 0) {
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window
      .showWarningMessage(
        notTried
          ? vscode.l10n.t('Deleted {0} of {1}. {2} failed, {3} not tried (cancelled).', deleted.size, browsers.length, failures.length, notTried)
          : vscode.l10n.t('Deleted {0} of {1}. {2} failed.', deleted.size, browsers.length, failures.length),
        { modal: false, detail: failures.join('\n') },
        showLog,
      )
      .then((choice) => choice && services.log.show());
    failures.forEach((f) => services.log.warn(`Delete failed: ${f}`));
  } else {
    void vscode.window.showInformationMessage(
      browsers.length === 1 ? vscode.l10n.t('Deleted browser.') : vscode.l10n.t('Deleted {0} browsers.', browsers.length),
    );
  }
}

async function openInAdminConsole(c: ExplorerCommandContext, clicked?: unknown): Promise<void> {
  const node = targetsOf(c.view, isBrowserNode, clicked, undefined)[0];
  if (!node) return;
  const root = readConfiguration().adminConsoleUrl;
  await vscode.env.openExternal(vscode.Uri.parse(`${root}/ac/chrome/browser-devices/${encodeURIComponent(node.deviceId)}`));
}

export const browserCommands = {
  'cbcm.browser.copyDeviceId': copyDeviceId,
  'cbcm.browser.copySerialNumber': copySerialNumber,
  'cbcm.browser.copyMachineName': copyMachineName,
  'cbcm.browser.editAnnotation': editAnnotation,
  'cbcm.browser.delete': deleteBrowsers,
  'cbcm.browser.openInAdminConsole': openInAdminConsole,
} satisfies CommandTable<ExplorerCommandContext>;
