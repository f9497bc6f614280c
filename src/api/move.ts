// Batched move to an org unit. The API takes at most 600 ids per call; a batch it rejects (400) is bisected to
// isolate the bad ids, so one unknown device does not stop 599 others. Moves are idempotent, so the transport
// may retry them. The first batch goes alone (a wrong destination or a missing permission then costs one
// request), the rest several at a time: one after the other, 34 batches of a 20,000-browser move took 34
// round-trips (8.5 s at 250 ms) for what the quota allows in under a second. The account's request budget, which
// every request of the transport waits for, keeps them within the quota.
import type { MoveProgress } from './backend';
import { ApiError, cancelledError } from './errors';
import type { HttpTransport } from './http';
import { browsersPath } from './paths';
import type { MoveResult } from './types';
import { checkOrgUnitPath, requireId } from './validation';

export const MOVE_BATCH_SIZE = 600;
/** Move batches in flight after the first one succeeded. */
export const MOVE_CONCURRENCY = 8;

export interface MoveRequest {
  deviceIds: readonly string[];
  orgUnitPath: string;
  signal?: AbortSignal;
  onProgress?: (p: MoveProgress) => void;
  batchSize?: number;
  /** Batches in flight after the first (default MOVE_CONCURRENCY). */
  concurrency?: number;
}

/** Sends one all-or-nothing batch; the Chrome Management API v1 backend plugs in its own `:move` call. */
export type MoveBatchSender = (ids: string[], orgUnitPath: string, signal?: AbortSignal) => Promise<void>;

export class MoveApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly customerId: string,
    private readonly sendBatchWith?: MoveBatchSender,
  ) {}

  async move(req: MoveRequest): Promise<MoveResult> {
    checkOrgUnitPath('browsers.move', req.orgUnitPath);
    for (const id of req.deviceIds) requireId('browsers.move', 'device ID', id);
    const ids = [...new Set(req.deviceIds)];
    const size = req.batchSize ?? MOVE_BATCH_SIZE;
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));

    const result: MoveResult = { moved: [], failed: [], notTried: [] };
    let stop: ApiError | undefined;

    const run = async (batch: string[]): Promise<void> => {
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent, an aborted signal also makes sendBatch throw "cancelled" before any request, with the same result
      if (!stop && req.signal?.aborted) stop = cancelledError('browsers.move');
      if (stop) {
        result.notTried.push(...batch);
        return;
      }
      try {
        await this.sendBatch(batch, req.orgUnitPath, req.signal);
        result.moved.push(...batch);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (!isPerDeviceRejection(e)) {
          // Cancelled, permission, quota, network...: nothing more can succeed. An aborted in-flight batch is
          // reported as not tried; re-running it is safe because a move is idempotent.
          stop = e;
          result.notTried.push(...batch);
          // The request was sent: a cancel or a lost answer does not tell whether Google applied it.
          if (e.kind === 'cancelled' || e.kind === 'network' || e.kind === 'timeout') (result.uncertain ??= []).push(...batch);
          return;
        }
        if (batch.length === 1) {
          result.failed.push({ id: batch[0], reason: e.googleMessage ?? e.message });
          return;
        }
        const mid = Math.ceil(batch.length / 2);
        await run(batch.slice(0, mid));
        await run(batch.slice(mid));
      }
    };

    // Progress counts batches as they finish (in any order once several are in flight).
    let finished = 0;
    const runAndReport = async (batch: string[]): Promise<void> => {
      const wasStopped = stop !== undefined;
      await run(batch);
      if (!wasStopped) {
        req.onProgress?.({ batchIndex: finished++, batchCount: batches.length, moved: result.moved.length, failed: result.failed.length });
      }
    };
    if (batches.length > 0) await runAndReport(batches[0]);
    let next = 1;
    const worker = async (): Promise<void> => {
      while (next < batches.length) await runAndReport(batches[next++]);
    };
    const concurrency = Math.max(1, req.concurrency ?? MOVE_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length - 1) }, worker));
    if (stop) result.stoppedBy = { kind: stop.kind, message: stop.message };
    return result;
  }

  private async sendBatch(ids: string[], orgUnitPath: string, signal?: AbortSignal): Promise<void> {
    if (this.sendBatchWith) return this.sendBatchWith(ids, orgUnitPath, signal);
    await this.http.send<unknown>(
      {
        operation: 'browsers.move',
        method: 'POST',
        path: `${browsersPath(this.customerId)}/moveChromeBrowsersToOu`,
        body: { org_unit_path: orgUnitPath, resource_ids: ids },
        idempotency: 'idempotent',
        target: orgUnitPath,
      },
      signal,
    );
  }
}

/**
 * A 400 (or 404) about the devices is worth bisecting; one about the destination org unit would fail for every
 * id, so bisecting it would only burn quota.
 */
function isPerDeviceRejection(e: ApiError): boolean {
  if (e.status !== 400 && e.status !== 404) return false;
  // Stryker disable next-line StringLiteral: equivalent, any text without "org unit" in it gives the same answer
  const text = e.googleMessage ?? '';
  const aboutOrgUnit = /org[\s_-]?unit|organi[sz]ational unit/i.test(text) && !/device|browser|resource/i.test(text);
  return !aboutOrgUnit;
}
