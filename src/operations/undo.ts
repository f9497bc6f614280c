// Undo of one operation of the change history: what can be put back (annotations, org units, a created
// token), and what cannot (a delete: Google cannot undelete; its FULL records stay in the history to export).
// Running the plan goes through the same conflict-checked writes as any bulk run: a browser changed since the
// operation is reported, never overwritten.
import type { CbcmBackend } from '../api/backend';
import { ANNOTATION_LABELS, type AnnotationValues } from '../model/annotations';
import { runAnnotate, runMove, type BulkSummary, type RunOptions } from './bulkRun';
import { dryRunQuery, type BulkTarget } from './bulkTargets';
import { l10n } from '../util/l10n';
import type { FleetWriter } from './fleetWriter';
import type { JournalOperation } from './journalRecords';

export interface UndoPlan {
  operation: JournalOperation;
  /** Browsers whose annotations go back: `annotations` holds what the operation wrote (the conflict base). */
  annotations: { target: BulkTarget; restore: AnnotationValues }[];
  /** Browsers that go back to an org unit: destination → browsers (their `orgUnitPath` = where the operation put them). */
  moves: Map<string, BulkTarget[]>;
  /** Tokens the operation created: undo revokes them. */
  tokensToRevoke: string[];
  notUndoable: { target: string; reason: string }[];
}

export function planUndo(operation: JournalOperation): UndoPlan {
  const plan: UndoPlan = { operation, annotations: [], moves: new Map(), tokensToRevoke: [], notUndoable: [] };
  for (const item of operation.items) {
    // Nothing happened to a failed one; a move cancelled in flight may have happened (runUndo checks where it is).
    if (!item.ok && !item.uncertain) continue;
    const c = item.change;
    if (c.kind === 'annotations') plan.annotations.push({ target: { deviceId: item.target, annotations: c.after }, restore: c.before });
    else if (c.kind === 'move') {
      if (!c.before) plan.notUndoable.push({ target: item.target, reason: l10n.t('its org unit before the move is not known') });
      else plan.moves.set(c.before, [...(plan.moves.get(c.before) ?? []), { deviceId: item.target, orgUnitPath: c.after }]);
    } else if (c.kind === 'delete') {
      plan.notUndoable.push({
        target: item.target,
        reason: l10n.t('deleted browsers cannot be restored (Google has no undelete); the history keeps its full record to export'),
      });
    } else if (c.kind === 'createToken') plan.tokensToRevoke.push(c.token.tokenPermanentId);
    else plan.notUndoable.push({ target: item.target, reason: l10n.t('a revoked enrollment token cannot be reactivated; create a new one') });
  }
  return plan;
}

export function undoCount(plan: UndoPlan): number {
  return plan.annotations.length + [...plan.moves.values()].reduce((n, l) => n + l.length, 0) + plan.tokensToRevoke.length;
}

const cell = (v: string | undefined) => (v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ⏎ ') || '∅';

/**
 * The undo's preview, opened before its confirmation: per browser what goes back (annotations: what the operation
 * wrote → what it replaced; org units: where the operation put it → where it was), and what cannot be undone.
 */
export function undoPreviewText(plan: UndoPlan): string {
  const lines = [
    l10n.t('# Undo: {0}', plan.operation.record.title),
    '',
    l10n.t('{0} · {1}. Nothing has been sent yet. Review, then confirm in the dialog.', plan.operation.record.at, plan.operation.record.account),
    l10n.t('Each browser is read again first: one changed since the operation is reported and left as it is.'),
    '',
    l10n.t('| Target | Goes back |'),
    '|---|---|',
  ];
  for (const { target, restore } of plan.annotations) {
    const now = target.annotations!;
    const fields = (Object.keys(restore) as (keyof AnnotationValues)[]).filter((k) => restore[k] !== now[k]);
    lines.push(
      `| ${cell(target.deviceId)} | ${fields.map((k) => `${ANNOTATION_LABELS[k]}: ${cell(now[k])} → ${cell(restore[k])}`).join('; ') || l10n.t('unchanged')} |`,
    );
  }
  for (const [back, targets] of plan.moves)
    for (const t of targets) lines.push(`| ${cell(t.deviceId)} | ${l10n.t('Org unit: {0} → {1}', cell(t.orgUnitPath), cell(back))} |`);
  for (const id of plan.tokensToRevoke) lines.push(`| ${cell(id)} | ${l10n.t('Enrollment token it created: revoked')} |`);
  for (const n of plan.notUndoable) lines.push(`| ${cell(n.target)} | ${l10n.t('⚠ not undone: {0}', cell(n.reason))} |`);
  return lines.join('\n') + '\n';
}

/**
 * Runs the plan as one "undo" operation of the history. Annotations go back through the conflict-checked write
 * (the base is what the operation wrote, so a later edit by anyone is a conflict). Org units go back only for
 * browsers still where the operation put them: each of those org units is listed once (cheaper than a read per
 * browser), and a browser no longer there is reported, not moved.
 */
export async function runUndo(writer: FleetWriter, backend: CbcmBackend, plan: UndoPlan, options: RunOptions = {}): Promise<BulkSummary> {
  const op = plan.operation.record;
  const total: BulkSummary = { done: [], unchanged: [], failed: [], notTried: [] };
  const merge = (s: BulkSummary) => {
    total.done.push(...s.done);
    total.unchanged.push(...s.unchanged);
    total.failed.push(...s.failed);
    total.notTried.push(...s.notTried);
    total.stoppedBy ??= s.stoppedBy;
  };
  const result = await writer.operation(
    { action: 'undo', title: l10n.t('Undo: {0}', op.title), planned: undoCount(plan), undoOf: op.op },
    async (within) => {
      const run = { ...options, within };
      if (plan.annotations.length) {
        const restoreOf = new Map(plan.annotations.map((a) => [a.target.deviceId, a.restore]));
        merge(
          await runAnnotate(
            writer,
            plan.annotations.map((a) => a.target),
            (t) => ({ ok: true, values: restoreOf.get(t.deviceId)! }),
            '',
            run,
          ),
        );
      }
      const byCurrentOu = new Map<string, { back: string; target: BulkTarget }[]>();
      for (const [back, targets] of plan.moves) {
        for (const t of targets) byCurrentOu.set(t.orgUnitPath!, [...(byCurrentOu.get(t.orgUnitPath!) ?? []), { back, target: t }]);
      }
      for (const [current, entries] of byCurrentOu) {
        if (options.signal?.aborted || total.stoppedBy) {
          total.notTried.push(...entries.map((e) => e.target));
          continue;
        }
        const members = await dryRunQuery(backend, { orgUnitPath: current }, { withAnnotations: false, signal: options.signal });
        const whereNow = new Map(members.targets.map((t) => [t.deviceId, t.orgUnitPath]));
        const backTo = new Map<string, BulkTarget[]>();
        for (const { back, target } of entries) {
          if (whereNow.get(target.deviceId) === current) backTo.set(back, [...(backTo.get(back) ?? []), target]);
          else total.failed.push({ target, reason: l10n.t('No longer in {0} (moved again or deleted since); left where it is.', current) });
        }
        for (const [back, targets] of backTo) merge(await runMove(writer, targets, back, '', run));
      }
      for (const id of plan.tokensToRevoke) {
        const target = { deviceId: id };
        try {
          await within.revokeToken({ tokenPermanentId: id }, options.signal);
          total.done.push(target);
        } catch (e) {
          total.failed.push({ target, reason: e instanceof Error ? e.message : String(e) });
        }
      }
      return { done: total.done.length, failed: total.failed.length, notTried: total.notTried.length, stoppedBy: total.stoppedBy };
    },
  );
  total.operation = result.operation;
  return total;
}
