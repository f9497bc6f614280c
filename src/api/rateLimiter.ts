// Client-side request limiter. The Directory API allows 2,400 requests per minute per user (403
// userRateLimitExceeded beyond that); concurrent listings of one account share one bucket, so a fast listing
// slows itself down instead of being refused and backing off. No vscode import.
import { ApiOperation, cancelledError } from './errors';

/** Admin SDK quota: queries per minute per user per project. */
export const USER_REQUESTS_PER_MINUTE = 2400;

export interface RateLimiter {
  /** Resolves when one request may be sent; rejects with a cancellation error when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Tokens available now, negative while callers wait (when the limiter can tell). */
  readonly available?: number;
  /** The sustained rate it lets through (when the limiter can tell); the fleet listing plans its parts by it. */
  readonly requestsPerMinute?: number;
}

export interface TokenBucketOptions {
  /** Sustained rate; default 2,400 per minute (40 per second). */
  requestsPerMinute?: number;
  /**
   * Requests allowed back to back after an idle time; default 1 second's worth. Google counts per minute, but
   * spending a whole minute's quota in one burst would leave other views of the same user starved.
   */
  burst?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
  /** Operation named in the cancellation error. */
  operation?: ApiOperation;
}

/**
 * Token bucket with reservations: each caller takes a token at once, possibly driving the balance negative, and
 * waits until the refill pays its debt. So waiters are served in call order with one timer each and no polling.
 */
export class TokenBucketLimiter implements RateLimiter {
  readonly requestsPerMinute: number;
  private readonly perMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly operation: ApiOperation;
  private tokens: number;
  private last: number;

  constructor(options: TokenBucketOptions = {}) {
    const perMinute = options.requestsPerMinute ?? USER_REQUESTS_PER_MINUTE;
    if (!(perMinute > 0)) throw new RangeError(`requestsPerMinute must be greater than 0 (got ${perMinute}).`);
    this.requestsPerMinute = perMinute;
    this.perMs = perMinute / 60_000;
    this.burst = Math.max(1, options.burst ?? Math.round(perMinute / 60));
    this.now = options.now ?? (() => performance.now());
    this.operation = options.operation ?? 'browsers.list';
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Tokens available now (negative: callers are waiting). */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelledError(this.operation));
    this.refill();
    this.tokens -= 1;
    if (this.tokens >= 0) return Promise.resolve();
    const waitMs = -this.tokens / this.perMs;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        // Give the reservation back: later waiters already computed their time, so they only wait a little
        // longer than needed, never shorter.
        this.tokens += 1;
        reject(cancelledError(this.operation));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.ceil(waitMs));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
  }
}

/** Requests an account may send back to back after an idle time (one second's worth of the quota). */
export const ACCOUNT_BURST = 40;

/**
 * The one budget every request of an account waits for. A token bucket lets `burst + rate × 60 s` through in any
 * rolling minute, so the rate is lowered by the burst: 40 + 2,360 = 2,400, never more than Google allows per user.
 */
export function accountRequestBudget(now?: () => number): TokenBucketLimiter {
  return new TokenBucketLimiter({ requestsPerMinute: USER_REQUESTS_PER_MINUTE - ACCOUNT_BURST, burst: ACCOUNT_BURST, now });
}
