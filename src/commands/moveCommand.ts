import * as vscode from 'vscode';
import type { MoveResult } from '../api/types';
import { BrowserNode } from '../tree/nodes/browserNode';
import { describeError, isCancellation } from '../util/errors';
import { count } from '../util/relativeTime';
import { type ExplorerCommandContext, refusedReadOnly, requireBackend, targetsOf } from './commandContext';
import { automationArgs } from './automation';
import type { CommandTable } from './commandTable';
import { confirmMove } from './confirm';
import { pickOrgUnit } from './orgUnitPicker';
import { displayLocale } from '../util/displayLocale';

const isBrowserNode = (n: unknown): n is BrowserNode => n instanceof BrowserNode;

/** One line for the summary: "Moved 1,299 · failed 1 · not tried 0". */
export function summarizeMove(r: MoveResult): string {
  const n = (x: number) => x.toLocaleString(displayLocale());
  return vscode.l10n.t('Moved {0} · failed {1} · not tried {2}', n(r.moved.length), n(r.failed.length), n(r.notTried.length));
}

/** A browser to move, and the org unit it is in now (so the move can be undone). */
export interface MoveItem {
  deviceId: string;
  from?: string;
}

/**
 * Moves browsers in batches of at most 600 with per-batch progress. Afterwards the tree shows where each browser
 * really is: moved ones leave their old folders and the destination lists again; failed ones stay put.
 */
export async function moveBrowsers(c: ExplorerCommandContext, items: readonly MoveItem[], destination: string): Promise<MoveResult | undefined> {
  // Through the one write path: one move operation of the change history, undoable (each item's `from`).
  const writer = c.services.operations.writer();
  if (!writer) return undefined;
  let result: MoveResult | undefined;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Moving {0} to {1}', count(items.length, 'browser'), destination),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let done = 0;
      try {
        await writer.operation(
          {
            action: 'move',
            title:
              items.length === 1
                ? vscode.l10n.t('Move 1 browser to {0}', destination)
                : vscode.l10n.t('Move {0} browsers to {1}', items.length.toLocaleString(displayLocale()), destination),
            planned: items.length,
          },
          async (op) => {
            const r = await op.move(items, destination, abort.signal, (p) => {
              const increment = ((p.moved + p.failed - done) / items.length) * 100;
              done = p.moved + p.failed;
              progress.report({ message: vscode.l10n.t('batch {0} of {1} · {2} moved', p.batchIndex + 1, p.batchCount, p.moved), increment });
            });
            result = r;
            return {
              done: r.moved.length,
              failed: r.failed.length,
              notTried: r.notTried.length,
              stoppedBy: r.notTried.length ? 'cancelled' : undefined,
            };
          },
        );
      } catch (error) {
        if (!isCancellation(error)) void vscode.window.showErrorMessage(vscode.l10n.t('Move failed: {0}', describeError(error)));
      }
    },
  );
  if (!result) return undefined;
  updateTreeAfterMove(c, result, destination);
  c.services.log.info(`Move to ${destination}: ${summarizeMove(result)}`);
  for (const f of result.failed) c.services.log.warn(`Not moved ${f.id}: ${f.reason}`);
  return result;
}

function updateTreeAfterMove(c: ExplorerCommandContext, result: MoveResult, destination: string): void {
  const moved = new Set(result.moved);
  if (moved.size === 0) return;
  for (const folder of c.explorer.loadedBrowserFolders()) {
    if (folder.orgUnitPath === undefined) {
      // The account-wide listing keeps them; only their OU changed.
      for (const node of folder.loadedNodes) {
        if (moved.has(node.deviceId)) {
          node.browser = { ...node.browser, orgUnitPath: destination };
          c.explorer.redraw(node);
        }
      }
    } else if (folder.orgUnitPath === destination) {
      c.explorer.refreshNode(folder);
    } else if (folder.removeBrowsers(moved)) {
      c.explorer.redraw(folder);
    }
  }
}

/** Summary with "Retry Failed" while anything failed or was not tried. */
async function reportMove(
  c: ExplorerCommandContext,
  from: ReadonlyMap<string, string | undefined>,
  result: MoveResult,
  destination: string,
): Promise<void> {
  const leftover = [...result.failed.map((f) => f.id), ...result.notTried];
  if (leftover.length === 0) {
    void vscode.window.showInformationMessage(`${summarizeMove(result)} → ${destination}`);
    return;
  }
  const reasons = [...new Set(result.failed.map((f) => f.reason))].slice(0, 5).join('\n');
  const retryFailed = vscode.l10n.t('Retry Failed');
  const showLog = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showWarningMessage(
    `${summarizeMove(result)} → ${destination}`,
    { detail: reasons || vscode.l10n.t('The move was cancelled before every batch was sent.') },
    retryFailed,
    showLog,
  );
  if (choice === showLog) c.services.log.show();
  if (choice === retryFailed) {
    const retry = await moveBrowsers(
      c,
      leftover.map((deviceId) => ({ deviceId, from: from.get(deviceId) })),
      destination,
    );
    if (retry) await reportMove(c, from, retry, destination);
  }
}

/** Automation (tests, F5 debugging; never in Production): a destination skips the picker, `confirmed` the question. */
export interface MoveOptions {
  destination?: string;
  confirmed?: boolean;
}

/** The internal command drag and drop runs: the drop chose the destination; the question is still asked. */
export const MOVE_DROPPED_COMMAND = 'cbcm.browser.moveDropped';

/** Asks for the destination (unless chosen), then the same question every move asks, then moves. */
async function move(
  c: ExplorerCommandContext,
  nodes: BrowserNode[],
  chosen: string | undefined,
  skipQuestion: boolean,
): Promise<MoveResult | undefined> {
  const backend = await requireBackend(c.services);
  if (backend && refusedReadOnly(c.services, vscode.l10n.t('Move to Org Unit'))) return undefined;
  if (nodes.length === 0 || !backend) {
    if (nodes.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more browsers in the CBCM Explorer first.'));
    return undefined;
  }
  const browsers = [...new Map(nodes.map((n) => [n.deviceId, n.browser])).values()];
  const ids = browsers.map((b) => b.deviceId);
  const destination =
    chosen ??
    (await pickOrgUnit(backend, {
      title: vscode.l10n.t('Move {0} to…', count(ids.length, 'browser')),
      known: c.explorer.accountNode?.orgUnits,
    }));
  if (!destination) return undefined;
  // Every move asks the same question, however the destination was chosen: a stray drop or click moves nothing.
  if (!skipQuestion && !(await confirmMove(browsers, destination))) return undefined;
  const from = new Map(browsers.map((b) => [b.deviceId, b.orgUnitPath]));
  const result = await moveBrowsers(
    c,
    browsers.map((b) => ({ deviceId: b.deviceId, from: b.orgUnitPath })),
    destination,
  );
  // The summary waits for the admin; the command resolves with the result at once.
  if (result) void reportMove(c, from, result, destination);
  return result;
}

function moveToOu(c: ExplorerCommandContext, clicked?: unknown, selected?: unknown, options?: unknown): Promise<MoveResult | undefined> {
  const auto = automationArgs<MoveOptions>(c.services.context.extensionMode, options);
  return move(c, targetsOf(c.view, isBrowserNode, clicked, selected), auto?.destination, auto?.confirmed === true);
}

function moveDropped(c: ExplorerCommandContext, nodes?: unknown, destination?: unknown): Promise<MoveResult | undefined> {
  return move(
    c,
    Array.isArray(nodes) ? nodes.filter(isBrowserNode) : [],
    typeof destination === 'string' && destination ? destination : undefined,
    false,
  );
}

export const moveCommands = {
  'cbcm.browser.moveToOu': moveToOu,
  [MOVE_DROPPED_COMMAND]: moveDropped,
} satisfies CommandTable<ExplorerCommandContext>;
