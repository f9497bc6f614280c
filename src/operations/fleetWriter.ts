// The one path every write to Google takes: it re-reads what it changes, refuses to overwrite someone else's
// edit, records before and after in the change history, and tells the views. Commands, the details panel, bulk
// runs and undo all write through here, so nothing changes the fleet without a trace.
import type { CbcmBackend, MoveProgress } from '../api/backend';
import type { ChromeBrowser, CreateTokenOptions, EnrollmentToken, MoveResult } from '../api/types';
import { planSave } from '../model/annotations';
import { ANNOTATION_KEYS, type AnnotationValues, type FieldConflict } from '../model/annotations';
import { l10n } from '../util/l10n';
import type { ChangeJournal } from './journal';
import type { OperationAction, OperationRecord, TokenFacts } from './journalRecords';

export interface WriterEvents {
  /** A browser now looks like this (annotations written, moved). */
  changed?(browser: ChromeBrowser): void;
  moved?(deviceIds: readonly string[], orgUnitPath: string): void;
  deleted?(deviceId: string): void;
  /** An operation ended (or stopped) and its end is in the history. */
  recorded?(operation: OperationRecord): void;
}

export type AnnotationOutcome =
  | { status: 'written'; browser: ChromeBrowser; before: AnnotationValues; after: AnnotationValues }
  | { status: 'unchanged'; browser: ChromeBrowser }
  | { status: 'conflict'; conflicts: FieldConflict[]; remote: AnnotationValues; browser: ChromeBrowser }
  | { status: 'failed'; reason: string };

export interface OperationTally {
  done: number;
  failed: number;
  notTried: number;
  stoppedBy?: string;
}

export function annotationValues(b: Partial<ChromeBrowser>): AnnotationValues {
  return {
    annotatedUser: b.annotatedUser ?? '',
    annotatedLocation: b.annotatedLocation ?? '',
    annotatedAssetId: b.annotatedAssetId ?? '',
    annotatedNotes: b.annotatedNotes ?? '',
  };
}

export function tokenFacts(t: EnrollmentToken): TokenFacts {
  return { tokenPermanentId: t.tokenPermanentId, orgUnitPath: t.orgUnitPath, createTime: t.createTime, expireTime: t.expireTime };
}

/** Why a browser of a batch cancelled or lost in flight is neither done nor "not tried". */
export const maybeMoved = (): string =>
  l10n.t('The run stopped while its move request was in flight: Google may have moved it (Undo moves it back if it did).');

export const maybeDeleted = (): string =>
  l10n.t('The run stopped while its delete request was in flight: Google may have deleted it (its full record is in the change history).');
export const maybeWritten = (): string =>
  l10n.t('The run stopped while its write was in flight: Google may have saved it (Undo puts the previous values back if it did).');

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class FleetWriter {
  constructor(
    private readonly backend: CbcmBackend,
    private readonly journal: ChangeJournal,
    /** Who is signed in, for the history's "who". */
    private readonly account: string,
    private readonly events: WriterEvents = {},
  ) {}

  /**
   * Runs `work` as one operation of the history. The end record is written even when `work` throws (then the
   * error is re-thrown), so the history never shows an operation as still running after it stopped.
   */
  async operation<T extends OperationTally>(
    spec: { action: OperationAction; title: string; planned: number; undoOf?: string },
    work: (op: WriteOperation) => Promise<T>,
  ): Promise<T & { operation: OperationRecord }> {
    const record = await this.journal.begin({ account: this.account, ...spec });
    const op = new WriteOperation(this.backend, this.journal, record.op, this.events);
    try {
      const tally = await work(op);
      await this.journal.end(record.op, { done: tally.done, failed: tally.failed, notTried: tally.notTried, stoppedBy: tally.stoppedBy });
      return { ...tally, operation: record };
    } catch (e) {
      await this.journal.end(record.op, {
        ...op.tally,
        notTried: Math.max(0, spec.planned - op.tally.done - op.tally.failed),
        stoppedBy: reasonOf(e),
      });
      throw e;
    } finally {
      this.events.recorded?.(record);
    }
  }
}

/** The writes of one operation; each one is journalled as it happens. */
export class WriteOperation {
  /** Counts so far, for the end record when the work throws. */
  readonly tally = { done: 0, failed: 0 };

  constructor(
    private readonly backend: CbcmBackend,
    private readonly journal: ChangeJournal,
    readonly id: string,
    private readonly events: WriterEvents,
  ) {}

  /**
   * Sets annotations: re-reads the browser, merges three ways (`base` = what the admin saw, `mine` = what they
   * want, the re-read = what Google holds now) and writes only when no field someone else changed is in the way.
   * `mine` must be normalised and validated already.
   */
  async annotate(deviceId: string, base: AnnotationValues, mine: AnnotationValues, signal?: AbortSignal): Promise<AnnotationOutcome> {
    let current: ChromeBrowser;
    try {
      current = await this.backend.getBrowser(deviceId, 'BASIC', signal);
    } catch (e) {
      if (signal?.aborted) throw e;
      return this.annotationFailed(deviceId, base, mine, reasonOf(e));
    }
    const remote = annotationValues(current);
    const plan = planSave(base, mine, remote);
    if (plan.kind === 'unchanged') return { status: 'unchanged', browser: current };
    if (plan.kind === 'conflict') {
      const reason = l10n.t('changed by someone else since it was read: {0}', plan.fields.map((f) => f.field).join(', '));
      await this.journal.items(this.id, [{ target: deviceId, change: { kind: 'annotations', before: remote, after: mine }, ok: false, reason }]);
      this.tally.failed++;
      return { status: 'conflict', conflicts: plan.fields, remote, browser: current };
    }
    let written: ChromeBrowser;
    try {
      written = await this.backend.updateAnnotations(deviceId, plan.result, signal);
    } catch (e) {
      if (signal?.aborted) {
        // Sent, then cancelled: Google may have saved it. Recorded so undo can put it back (its conflict check
        // finds nothing to undo if it was not saved), and reported as such rather than "not tried".
        await this.journal.items(this.id, [
          {
            target: deviceId,
            change: { kind: 'annotations', before: remote, after: plan.result },
            ok: false,
            uncertain: true,
            reason: maybeWritten(),
          },
        ]);
        this.tally.failed++;
        return { status: 'failed', reason: maybeWritten() };
      }
      return this.annotationFailed(deviceId, remote, plan.result, reasonOf(e));
    }
    const after = annotationValues({ ...plan.result, ...pickAnnotations(written) });
    await this.journal.items(this.id, [{ target: deviceId, change: { kind: 'annotations', before: remote, after }, ok: true }]);
    this.tally.done++;
    const browser = { ...current, ...written, deviceId };
    this.events.changed?.(browser);
    return { status: 'written', browser, before: remote, after };
  }

  /** Moves in the backend's batches; `from` (each browser's org unit before) makes the move undoable. */
  async move(
    items: readonly { deviceId: string; from?: string }[],
    orgUnitPath: string,
    signal?: AbortSignal,
    onProgress?: (p: MoveProgress) => void,
  ): Promise<MoveResult> {
    const from = new Map(items.map((i) => [i.deviceId, i.from]));
    const result = await this.backend.moveBrowsers(
      items.map((i) => i.deviceId),
      orgUnitPath,
      signal,
      onProgress,
    );
    await this.journal.items(this.id, [
      ...result.moved.map((id) => ({ target: id, change: { kind: 'move' as const, before: from.get(id), after: orgUnitPath }, ok: true })),
      ...result.failed.map((f) => ({
        target: f.id,
        change: { kind: 'move' as const, before: from.get(f.id), after: orgUnitPath },
        ok: false,
        reason: f.reason,
      })),
      ...(result.uncertain ?? []).map((id) => ({
        target: id,
        change: { kind: 'move' as const, before: from.get(id), after: orgUnitPath },
        ok: false,
        uncertain: true as const,
        reason: maybeMoved(),
      })),
    ]);
    this.tally.done += result.moved.length;
    this.tally.failed += result.failed.length;
    if (result.moved.length) this.events.moved?.(result.moved, orgUnitPath);
    return result;
  }

  /** Reads the FULL record into the history first (Google cannot undelete), then deletes. */
  async delete(deviceId: string, signal?: AbortSignal): Promise<{ ok: true } | { ok: false; reason: string }> {
    let record: ChromeBrowser;
    try {
      record = await this.backend.getBrowser(deviceId, 'FULL', signal);
    } catch (e) {
      if (signal?.aborted) throw e;
      return this.deleteFailed(deviceId, undefined, l10n.t('could not be read before deleting: {0}', reasonOf(e)));
    }
    await this.journal.items(this.id, [{ target: deviceId, change: { kind: 'delete', record }, ok: false, pending: true }]);
    try {
      await this.backend.deleteBrowser(deviceId, signal);
    } catch (e) {
      if (signal?.aborted) {
        // Sent, then cancelled: Google may have deleted it, so it is neither done nor "not tried".
        await this.journal.items(this.id, [
          { target: deviceId, change: { kind: 'delete', record: null }, ok: false, uncertain: true, reason: maybeDeleted() },
        ]);
        this.tally.failed++;
        return { ok: false, reason: maybeDeleted() };
      }
      return this.deleteFailed(deviceId, null, reasonOf(e));
    }
    await this.journal.items(this.id, [{ target: deviceId, change: { kind: 'delete', record: null }, ok: true }]);
    this.tally.done++;
    this.events.deleted?.(deviceId);
    return { ok: true };
  }

  /** The token value is returned to the caller (the admin needs it) but only its identifiers are recorded. */
  async createToken(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken> {
    try {
      const token = await this.backend.createToken(options, signal);
      await this.journal.items(this.id, [{ target: token.tokenPermanentId, change: { kind: 'createToken', token: tokenFacts(token) }, ok: true }]);
      this.tally.done++;
      return token;
    } catch (e) {
      await this.journal.items(this.id, [
        {
          target: options.orgUnitPath ?? '/',
          change: { kind: 'createToken', token: { tokenPermanentId: '', orgUnitPath: options.orgUnitPath } },
          ok: false,
          reason: reasonOf(e),
        },
      ]);
      this.tally.failed++;
      throw e;
    }
  }

  async revokeToken(token: EnrollmentToken, signal?: AbortSignal): Promise<void> {
    const facts = tokenFacts(token);
    try {
      await this.backend.revokeToken(token.tokenPermanentId, signal);
    } catch (e) {
      await this.journal.items(this.id, [
        { target: token.tokenPermanentId, change: { kind: 'revokeToken', token: facts }, ok: false, reason: reasonOf(e) },
      ]);
      this.tally.failed++;
      throw e;
    }
    await this.journal.items(this.id, [{ target: token.tokenPermanentId, change: { kind: 'revokeToken', token: facts }, ok: true }]);
    this.tally.done++;
  }

  private async annotationFailed(deviceId: string, before: AnnotationValues, after: AnnotationValues, reason: string): Promise<AnnotationOutcome> {
    await this.journal.items(this.id, [{ target: deviceId, change: { kind: 'annotations', before, after }, ok: false, reason }]);
    this.tally.failed++;
    return { status: 'failed', reason };
  }

  private async deleteFailed(deviceId: string, record: unknown, reason: string): Promise<{ ok: false; reason: string }> {
    await this.journal.items(this.id, [{ target: deviceId, change: { kind: 'delete', record: record ?? null }, ok: false, reason }]);
    this.tally.failed++;
    return { ok: false, reason };
  }
}

function pickAnnotations(b: ChromeBrowser): Partial<AnnotationValues> {
  const out: Partial<AnnotationValues> = {};
  for (const k of ANNOTATION_KEYS) if (b[k] !== undefined) out[k] = b[k];
  return out;
}
