import * as vscode from 'vscode';
import { readConfiguration } from '../configuration';
import { type AnnotationField, type ChromeBrowser } from '../api/types';
import { annotationValues, type AnnotationOutcome } from '../operations/fleetWriter';
import { BrowserNode } from '../tree/nodes/browserNode';
import { describeError, isCancellation } from '../util/errors';
import { automationArgs } from './automation';
import { type ExplorerCommandContext, refusedReadOnly, requireBackend, targetsOf } from './commandContext';
import { normalizeAnnotation, validateAnnotation } from '../model/annotations';
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

export function registerBrowserCommands(c: ExplorerCommandContext): vscode.Disposable[] {
  const { services, explorer, view } = c;
  const copy = (pick: (b: ChromeBrowser) => string | undefined, what: string) => async (clicked?: unknown, selected?: unknown) => {
    const values = targetsOf(view, isBrowserNode, clicked, selected)
      .map((n) => pick(n.browser))
      .filter((v): v is string => !!v);
    if (values.length === 0) {
      void vscode.window.showInformationMessage(`No ${what} to copy: select a browser first.`);
      return;
    }
    await vscode.env.clipboard.writeText(values.join('\n'));
    vscode.window.setStatusBarMessage(`Copied ${values.length} ${what}${values.length > 1 ? 's' : ''}`, 3000);
  };

  /**
   * One browser at a time: with several selected it hands over to the bulk annotate (one question for all, with its
   * preview and confirmation) instead of editing one of them silently. `preset` (automation, never in Production)
   * skips the two prompts.
   */
  const editAnnotation = async (clicked?: unknown, selected?: unknown, options?: unknown): Promise<unknown> => {
    const nodes = [...new Map(targetsOf(view, isBrowserNode, clicked, selected).map((n) => [n.deviceId, n])).values()];
    const preset = automationArgs<{ field: AnnotationField; value: string; confirmed?: boolean }>(services.context.extensionMode, options);
    if (nodes.length > 1) {
      void vscode.window.showInformationMessage(
        `${nodes.length.toLocaleString(displayLocale())} browsers are selected: their annotations are set together, with a preview before anything is saved.`,
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
    if (!node || !backend || refusedReadOnly(services, 'Edit Annotation')) return undefined;
    if (preset && preset.field in ANNOTATION_LABELS && typeof preset.value === 'string') {
      // The details panel's validation, for automation too: a value the panel refuses is never sent.
      const problem = validateAnnotation(preset.field, normalizeAnnotation(preset.field, preset.value));
      if (problem) {
        void vscode.window.showErrorMessage(`Annotation not saved: ${problem}`);
        return undefined;
      }
      return saveAnnotation(node, preset.field, normalizeAnnotation(preset.field, preset.value));
    }
    const field = await vscode.window.showQuickPick(
      (Object.keys(ANNOTATION_LABELS) as AnnotationField[]).map((f) => ({
        label: ANNOTATION_LABELS[f],
        description: node.browser[f] || '(empty)',
        field: f,
      })),
      { title: `Annotate ${node.browser.machineName ?? node.deviceId}` },
    );
    if (!field) return undefined;
    const value = await vscode.window.showInputBox({
      title: `${field.label} of ${node.browser.machineName ?? node.deviceId}`,
      value: node.browser[field.field] ?? '',
      // One validation for the tree and the details panel: length, control and bidi characters, single lines.
      validateInput: (v) => validateAnnotation(field.field, normalizeAnnotation(field.field, v)),
    });
    if (value === undefined) return undefined;
    return saveAnnotation(node, field.field, normalizeAnnotation(field.field, value));
  };

  /** One annotate operation of the change history, with the write path's re-read and conflict check. */
  const saveAnnotation = async (node: BrowserNode, field: AnnotationField, value: string) => {
    const writer = services.operations.writer();
    if (!writer) return undefined;
    const base = annotationValues(node.browser);
    const mine = { ...base, [field]: value };
    const name = node.browser.machineName ?? node.deviceId;
    try {
      let outcome: AnnotationOutcome | undefined;
      await writer.operation({ action: 'annotate', title: `Set ${ANNOTATION_LABELS[field]} of ${name}`, planned: 1 }, async (op) => {
        outcome = await op.annotate(node.deviceId, base, mine);
        return { done: op.tally.done, failed: op.tally.failed, notTried: 0 };
      });
      if (outcome?.status === 'failed') throw new Error(outcome.reason);
      if (outcome?.status === 'conflict') {
        services.fireBrowserChanged(outcome.browser);
        void vscode.window.showWarningMessage(
          `Not saved: the ${ANNOTATION_LABELS[field]} of ${name} was changed by someone else since it was read. Look at it again, then edit it.`,
        );
      }
      return outcome;
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not save the annotation: ${describeError(error)}`);
      return undefined;
    }
  };

  /**
   * `confirmed` is for automation that already asked (like a CLI's --yes), and only outside Production mode: an
   * installed extension always asks. The question names each browser's machine name, serial number and org unit.
   */
  const deleteBrowsers = async (clicked?: unknown, selected?: unknown, options?: unknown) => {
    const nodes = targetsOf(view, isBrowserNode, clicked, selected);
    const backend = await requireBackend(services);
    if (nodes.length === 0 || !backend || refusedReadOnly(services, 'Delete Browser')) return;
    const browsers = [...new Map(nodes.map((n) => [n.deviceId, n.browser])).values()];
    const noun = browsers.length === 1 ? 'browser' : `${browsers.length} browsers`;
    const skipQuestion = automationArgs<{ confirmed?: boolean }>(services.context.extensionMode, options)?.confirmed === true;
    if (!skipQuestion && !(await askModal(deleteQuestion(browsers)))) return;
    const writer = services.operations.writer();
    if (!writer) return;
    const deleted = new Set<string>();
    const failures: string[] = [];
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deleting ${noun}`, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        // One operation of the change history: each browser's FULL record is kept there before it is deleted.
        await writer
          .operation({ action: 'delete', title: `Delete ${noun}`, planned: browsers.length }, async (op) => {
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
          })
          .catch((error) => {
            failures.push(`Could not record the delete in the change history: ${describeError(error)}`);
          });
      },
    );
    for (const folder of explorer.loadedBrowserFolders()) if (folder.removeBrowsers(deleted)) explorer.redraw(folder);
    const list = explorer.accountNode?.browserList;
    if (list?.removeBrowsers(deleted)) explorer.redraw(list);
    const notTried = browsers.length - deleted.size - failures.length;
    services.log.info(deleteLogLine([...deleted], failures.length, notTried));
    if (failures.length > 0 || notTried > 0) {
      void vscode.window
        .showWarningMessage(
          `Deleted ${deleted.size} of ${browsers.length}. ${failures.length} failed${notTried ? `, ${notTried} not tried (cancelled)` : ''}.`,
          { modal: false, detail: failures.join('\n') },
          'Show Log',
        )
        .then((c) => c && services.log.show());
      failures.forEach((f) => services.log.warn(`Delete failed: ${f}`));
    } else {
      void vscode.window.showInformationMessage(`Deleted ${noun}.`);
    }
  };

  return [
    vscode.commands.registerCommand(
      'cbcm.browser.copyDeviceId',
      copy((b) => b.deviceId, 'device ID'),
    ),
    vscode.commands.registerCommand(
      'cbcm.browser.copySerialNumber',
      copy((b) => b.serialNumber, 'serial number'),
    ),
    vscode.commands.registerCommand(
      'cbcm.browser.copyMachineName',
      copy((b) => b.machineName, 'machine name'),
    ),
    vscode.commands.registerCommand('cbcm.browser.editAnnotation', editAnnotation),
    vscode.commands.registerCommand('cbcm.browser.delete', deleteBrowsers),
    vscode.commands.registerCommand('cbcm.browser.openInAdminConsole', async (clicked?: unknown) => {
      const node = targetsOf(view, isBrowserNode, clicked, undefined)[0];
      if (!node) return;
      const root = readConfiguration().adminConsoleUrl;
      await vscode.env.openExternal(vscode.Uri.parse(`${root}/ac/chrome/browser-devices/${encodeURIComponent(node.deviceId)}`));
    }),
  ];
}
