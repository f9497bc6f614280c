// Retry policy: truncated exponential backoff with full jitter, Retry-After honoured, and a rule for
// requests that must not run twice (token creation).
import { ApiError, ApiOperation, cancelledError } from './errors';
import { clock } from '../util/clock';

export interface RetryPolicy {
  /** Total attempts including the first (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of the exponential backoff (Retry-After may ask for longer; see `maxRetryAfterMs`). */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error is returned so the admin can decide. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  maxRetryAfterMs: 120_000,
};

/**
 * 'idempotent': sending twice does no harm (reads, PUT, delete, move, revoke).
 * 'once': must not be applied twice (token create) — resent only when the first request certainly did not reach
 * Google (429, quota refusal, connection refused).
 */
export type Idempotency = 'idempotent' | 'once';

const RETRYABLE_KINDS = new Set(['rateLimit', 'server', 'network', 'timeout']);
/** Answers that would only come again: a refused redirect, a body over the size limit. */
const FINAL_REASONS = new Set(['redirect', 'responseTooLarge']);

export function isRetryable(err: ApiError, idempotency: Idempotency): boolean {
  if (!RETRYABLE_KINDS.has(err.kind)) return false;
  if (err.reason !== undefined && FINAL_REASONS.has(err.reason)) return false;
  // A certificate problem (often a TLS-inspecting proxy) will not fix itself by waiting.
  if (err.kind === 'network' && /CERT|SSL|TLS|SELF_SIGNED/.test(err.reason ?? '')) return false;
  if (idempotency === 'once') return err.delivery === 'no';
  return true;
}

/** Full jitter: a uniform wait in [0, min(maxDelay, base·2^(retry-1))], but never less than Retry-After. */
export function backoffDelayMs(retryNumber: number, policy: RetryPolicy, retryAfterMs?: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered) : jittered;
}

/** Retry-After is either delta-seconds or an HTTP date. Returns undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = clock.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Sleeps `ms`, waking early with a cancellation error when `signal` aborts. */
export function abortableSleep(ms: number, op: ApiOperation, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError(op));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError(op));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
