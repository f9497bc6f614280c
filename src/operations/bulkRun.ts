// Runs a confirmed bulk operation over its dry run's targets: within the quota (the backend's limiter), with
// progress and cancellation, each write through the FleetWriter (journalled, conflict-checked). Ends with a
// summary where every target is in exactly one list: done, unchanged, failed (with its reason) or not tried.
import { normalizeAnnotation, validateAnnotation } from '../model/annotations';
import { ANNOTATION_KEYS, type AnnotationValues } from '../model/annotations';
import { l10n } from '../util/l10n';
import type { BulkTarget } from './bulkTargets';
import type { PreviewRow } from './csvImport';
import { maybeMoved, type FleetWriter, type WriteOperation } from './fleetWriter';
import type { OperationAction, OperationRecord } from './journalRecords';
import type { AnnotationTemplate } from './templates';

/** Why a run stopped when the admin cancelled it (the summary's "(stopped: Cancelled)"). */
const cancelled = (): string => l10n.t('Cancelled');

/** `user is now "ana"; notes is now ""`: what someone else wrote meanwhile. */
function conflictWords(conflicts: readonly { field: string; theirs: string }[]): string {
  return conflicts.map((c) => l10n.t('{0} is now "{1}"', c.field, c.theirs)).join('; ');
}

export interface BulkSummary {
  done: BulkTarget[];
  unchanged: BulkTarget[];
  failed: { target: BulkTarget; reason: string }[];
  notTried: BulkTarget[];
  /** Why the run stopped before trying everything. */
  stoppedBy?: string;
  operation?: OperationRecord;
}

export interface BulkProgress {
  finished: number;
  total: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: BulkProgress) => void;
  /** Requests in flight; the limiter keeps them within the quota (default 10: 40 per second at 250 ms each). */
  concurrency?: number;
  /** Run as part of this operation of the history instead of starting one (undo combines several runs). */
  within?: WriteOperation;
  now?: () => Date;
}

/** Per field: leave it, clear it, or set it from a template. */
export type FieldChange = { mode: 'keep' } | { mode: 'clear' } | { mode: 'set'; template: AnnotationTemplate };
export type AnnotationChanges = Record<keyof AnnotationValues, FieldChange>;

export type PlannedAnnotations = { ok: true; values: AnnotationValues } | { ok: false; reason: string };

/** What a target's annotations become; the same validation as the details panel. */
export function planAnnotations(target: BulkTarget, changes: AnnotationChanges, now: Date): PlannedAnnotations {
  const base = target.annotations ?? { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };
  const values = { ...base };
  for (const k of ANNOTATION_KEYS) {
    const c = changes[k];
    if (c.mode === 'keep') continue;
    const raw = c.mode === 'clear' ? '' : c.template.render({ ...target, ...base }, now);
    const v = normalizeAnnotation(k, raw);
    const problem = validateAnnotation(k, v);
    if (problem) return { ok: false, reason: problem };
    values[k] = v;
  }
  return { ok: true, values };
}

function emptySummary(): BulkSummary {
  return { done: [], unchanged: [], failed: [], notTried: [] };
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Calls `each` for every target, `concurrency` at a time, until done or cancelled. A thrown error (not a
 * per-target failure, which `each` reports itself) stops the run: the targets not started are "not tried".
 */
async function pool(
  targets: readonly BulkTarget[],
  summary: BulkSummary,
  options: RunOptions,
  each: (t: BulkTarget) => Promise<void>,
): Promise<void> {
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < targets.length && !summary.stoppedBy) {
      if (options.signal?.aborted) {
        summary.stoppedBy = cancelled();
        break;
      }
      const t = targets[next++];
      try {
        await each(t);
      } catch (e) {
        if (options.signal?.aborted) summary.stoppedBy = cancelled();
        else summary.stoppedBy ??= reasonOf(e);
        summary.notTried.push(t);
      }
      options.onProgress?.({ finished: ++finished, total: targets.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 10, targets.length) }, worker));
  summary.notTried.push(...targets.slice(next));
}

async function asOperation(
  writer: FleetWriter,
  spec: { action: OperationAction; title: string; planned: number },
  options: RunOptions,
  work: (op: WriteOperation, summary: BulkSummary) => Promise<void>,
): Promise<BulkSummary> {
  const summary = emptySummary();
  if (options.within) {
    await work(options.within, summary);
    return summary;
  }
  const result = await writer.operation(spec, async (op) => {
    await work(op, summary);
    return { done: summary.done.length, failed: summary.failed.length, notTried: summary.notTried.length, stoppedBy: summary.stoppedBy };
  });
  summary.operation = result.operation;
  return summary;
}

export function runAnnotate(
  writer: FleetWriter,
  targets: readonly BulkTarget[],
  plan: (t: BulkTarget) => PlannedAnnotations,
  title: string,
  options: RunOptions = {},
): Promise<BulkSummary> {
  return asOperation(writer, { action: 'annotate', title, planned: targets.length }, options, (op, summary) =>
    pool(targets, summary, options, async (t) => {
      const planned = plan(t);
      if (!planned.ok) {
        summary.failed.push({ target: t, reason: planned.reason });
        return;
      }
      const base = t.annotations ?? planned.values;
      const outcome = await op.annotate(t.deviceId, base, planned.values, options.signal);
      if (outcome.status === 'written') summary.done.push(t);
      else if (outcome.status === 'unchanged') summary.unchanged.push(t);
      else if (outcome.status === 'conflict') {
        const fields = conflictWords(outcome.conflicts);
        summary.failed.push({ target: t, reason: l10n.t('Changed by someone else since it was read ({0}); not overwritten.', fields) });
      } else summary.failed.push({ target: t, reason: outcome.reason });
    }),
  );
}

/** Browsers already in `orgUnitPath` are "unchanged" and cost no request. */
export function runMove(
  writer: FleetWriter,
  targets: readonly BulkTarget[],
  orgUnitPath: string,
  title: string,
  options: RunOptions = {},
): Promise<BulkSummary> {
  return asOperation(writer, { action: 'move', title, planned: targets.length }, options, async (op, summary) => {
    const toMove = targets.filter((t) => t.orgUnitPath !== orgUnitPath);
    summary.unchanged.push(...targets.filter((t) => t.orgUnitPath === orgUnitPath));
    const byId = new Map(toMove.map((t) => [t.deviceId, t]));
    const result = await op.move(
      toMove.map((t) => ({ deviceId: t.deviceId, from: t.orgUnitPath })),
      orgUnitPath,
      options.signal,
      (p) => options.onProgress?.({ finished: p.moved + p.failed + summary.unchanged.length, total: targets.length }),
    );
    summary.done.push(...result.moved.map((id) => byId.get(id)!));
    summary.failed.push(...result.failed.map((f) => ({ target: byId.get(f.id)!, reason: f.reason })));
    // Sent but unanswered: may have moved, so not "not tried" (a retry is still safe: a move is idempotent).
    const uncertain = new Set(result.uncertain);
    summary.failed.push(...[...uncertain].map((id) => ({ target: byId.get(id)!, reason: maybeMoved() })));
    summary.notTried.push(...result.notTried.filter((id) => !uncertain.has(id)).map((id) => byId.get(id)!));
    if (result.stoppedBy) summary.stoppedBy = result.stoppedBy.kind === 'cancelled' ? cancelled() : result.stoppedBy.message;
  });
}

export function runDelete(writer: FleetWriter, targets: readonly BulkTarget[], title: string, options: RunOptions = {}): Promise<BulkSummary> {
  return asOperation(writer, { action: 'delete', title, planned: targets.length }, options, (op, summary) =>
    pool(targets, summary, options, async (t) => {
      const r = await op.delete(t.deviceId, options.signal);
      if (r.ok) summary.done.push(t);
      else summary.failed.push({ target: t, reason: r.reason });
    }),
  );
}

/**
 * Applies the preview rows the admin kept (status "change"): annotations through the conflict-checked write,
 * org units grouped by destination in the backend's move batches; one operation in the history.
 */
export function runImport(
  writer: FleetWriter,
  rows: Iterable<PreviewRow>,
  targetOf: (deviceId: string) => BulkTarget | undefined,
  title: string,
  options: RunOptions = {},
): Promise<BulkSummary> {
  // One pass over the rows (an ImportPreview builds each on demand), keeping only what the writes need.
  const chosen: string[] = [];
  const annotateTargets: BulkTarget[] = [];
  const afterOf = new Map<string, AnnotationValues>();
  const moveTo = new Map<string, string>();
  for (const r of rows) {
    if (r.status !== 'change' || !r.deviceId) continue;
    chosen.push(r.deviceId);
    if (r.changes.some((c) => c.field !== 'orgUnitPath')) {
      annotateTargets.push(targetOf(r.deviceId)!);
      afterOf.set(r.deviceId, r.after!);
    }
    const move = r.changes.find((c) => c.field === 'orgUnitPath');
    if (move) moveTo.set(r.deviceId, move.to);
  }
  return asOperation(writer, { action: 'import', title, planned: chosen.length }, options, async (op, summary) => {
    const failed = new Set<string>();
    const annotateSummary: BulkSummary = { done: [], unchanged: [], failed: [], notTried: [] };
    await pool(annotateTargets, annotateSummary, options, async (t) => {
      const outcome = await op.annotate(t.deviceId, t.annotations!, afterOf.get(t.deviceId)!, options.signal);
      if (outcome.status === 'conflict') {
        annotateSummary.failed.push({
          target: t,
          reason: l10n.t('Changed by someone else since the preview ({0}); not overwritten.', conflictWords(outcome.conflicts)),
        });
      } else if (outcome.status === 'failed') annotateSummary.failed.push({ target: t, reason: outcome.reason });
      else annotateSummary.done.push(t);
    });
    for (const f of annotateSummary.failed) failed.add(f.target.deviceId);
    summary.failed.push(...annotateSummary.failed);
    summary.stoppedBy = annotateSummary.stoppedBy;
    const notTried = new Set(annotateSummary.notTried.map((t) => t.deviceId));

    // Moves only for rows whose annotations went through (or had none), so a row is never half applied silently.
    const byDestination = new Map<string, BulkTarget[]>();
    for (const [id, to] of moveTo) {
      if (failed.has(id) || notTried.has(id)) continue;
      const list = byDestination.get(to);
      if (list) list.push(targetOf(id)!);
      else byDestination.set(to, [targetOf(id)!]);
    }
    const moved = new Set<string>();
    for (const [to, targets] of byDestination) {
      if (summary.stoppedBy || options.signal?.aborted) {
        targets.forEach((t) => notTried.add(t.deviceId));
        continue;
      }
      const result = await op.move(
        targets.map((t) => ({ deviceId: t.deviceId, from: t.orgUnitPath })),
        to,
        options.signal,
      );
      result.moved.forEach((id) => moved.add(id));
      for (const f of result.failed) {
        failed.add(f.id);
        summary.failed.push({
          target: targetOf(f.id)!,
          reason: afterOf.has(f.id) ? l10n.t('Annotations saved, but not moved: {0}', f.reason) : l10n.t('Annotations not moved: {0}', f.reason),
        });
      }
      const uncertain = new Set(result.uncertain);
      for (const id of uncertain) {
        failed.add(id);
        summary.failed.push({ target: targetOf(id)!, reason: afterOf.has(id) ? l10n.t('Annotations saved; {0}', maybeMoved()) : maybeMoved() });
      }
      result.notTried.filter((id) => !uncertain.has(id)).forEach((id) => notTried.add(id));
      if (result.stoppedBy) summary.stoppedBy = result.stoppedBy.kind === 'cancelled' ? cancelled() : result.stoppedBy.message;
    }
    for (const id of chosen) {
      if (failed.has(id)) continue;
      if (notTried.has(id)) summary.notTried.push(targetOf(id)!);
      else summary.done.push(targetOf(id)!);
    }
    options.onProgress?.({ finished: chosen.length, total: chosen.length });
  });
}
