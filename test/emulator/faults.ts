// Fault injection: latency, random failures drawn from the seeded PRNG, and a queue of canned failures
// for deterministic tests ("the next 2 requests answer 429 with Retry-After: 1").
import { ApiError } from './errors';
import { Prng } from './prng';

export interface CannedFailure {
  /** HTTP status to answer with (ignored when `reset`). */
  status?: number;
  /** Google error reason; defaults by status (429 rateLimitExceeded, 403 userRateLimitExceeded, 5xx backendError...). */
  reason?: string;
  message?: string;
  /** Seconds for a Retry-After header. */
  retryAfter?: number;
  /** Only requests whose path (with query string) contains this text consume the entry. */
  pathIncludes?: string;
  /** Only requests with this HTTP method consume the entry. */
  method?: string;
  /** Destroy the socket without answering instead of answering. */
  reset?: boolean;
  /**
   * Accept the request and never answer: the connection stays open until the client gives up (or the emulator
   * stops). `emu.context.faults.stalls` counts the requests held now and in total.
   */
  stall?: boolean;
  /** Answer `status` (default 302) with `Location: redirectTo` (a client must not follow it with its token). */
  redirectTo?: string;
  /**
   * Answer `status` (default 200) with a JSON body of this many bytes, streamed in chunks without Content-Length
   * (unless `contentLength`); `emu.context.faults.bodies` tells whether the client read it to the end.
   */
  bodyBytes?: number;
  /** With `bodyBytes`: announce the size in a Content-Length header. */
  contentLength?: boolean;
  /**
   * Answer `status` (default 200) with this text as a `text/html` body instead of the API's JSON, as a proxy's or a
   * captive portal's page would.
   */
  rawBody?: string;
  /** How many matching requests this entry fails (default 1). */
  times?: number;
}

export interface Faults {
  /** Delay before every faultable request is handled. */
  latencyMs?: number;
  /** Probability (0..1) of a 429 rateLimitExceeded with Retry-After. */
  rate429?: number;
  /** Probability of a 403 userRateLimitExceeded (Google's per-user quota error). */
  rate403quota?: number;
  /** Probability of a 503 backendError. */
  rate503?: number;
  /** Probability of destroying the socket without an answer. */
  resetRate?: number;
  /** Retry-After seconds sent with random 429s (default 1). */
  retryAfterSeconds?: number;
  /** The next n page-token uses fail as expired. */
  expirePageTokens?: number;
  /** Device ids that moveChromeBrowsersToOu refuses (the whole call fails, naming the id). */
  badDeviceIds?: string[];
  /** Canned failures, consumed in order by matching requests. Replaces the current queue. */
  failNext?: CannedFailure[];
  /** Apply faults to the OAuth endpoints (/token, /revoke) too (default false). */
  includeOAuth?: boolean;
}

const RATE_KEYS = ['rate429', 'rate403quota', 'rate503', 'resetRate'] as const;
const COUNT_KEYS = ['latencyMs', 'retryAfterSeconds', 'expirePageTokens'] as const;
const KNOWN_KEYS = new Set<string>([...RATE_KEYS, ...COUNT_KEYS, 'badDeviceIds', 'failNext', 'includeOAuth']);

/** Checks a fault configuration (e.g. from the control API); throws an Error naming the bad setting. */
export function validateFaults(input: Record<string, unknown>): Faults {
  for (const key of Object.keys(input))
    if (!KNOWN_KEYS.has(key)) throw new Error(`unknown fault setting "${key}"; known: ${[...KNOWN_KEYS].join(', ')}`);
  for (const key of RATE_KEYS) {
    const v = input[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) throw new Error(`${key} must be a probability between 0 and 1`);
  }
  for (const key of COUNT_KEYS) {
    const v = input[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || !Number.isFinite(v))) throw new Error(`${key} must be a non-negative number`);
  }
  if (input.badDeviceIds !== undefined && (!Array.isArray(input.badDeviceIds) || !input.badDeviceIds.every((x) => typeof x === 'string'))) {
    throw new Error('badDeviceIds must be a list of device ids');
  }
  if (input.failNext !== undefined) {
    if (!Array.isArray(input.failNext)) throw new Error('failNext must be a list of canned failures');
    for (const f of input.failNext as unknown[]) {
      if (!f || typeof f !== 'object') throw new Error('each failNext entry must be an object like {"status": 429, "retryAfter": 1}');
      const { status, reset, stall, redirectTo, bodyBytes, rawBody } = f as CannedFailure;
      const statusOptional = reset === true || stall === true || redirectTo !== undefined || bodyBytes !== undefined || rawBody !== undefined;
      if (status !== undefined || !statusOptional) {
        if (typeof status !== 'number' || status < 100 || status > 599)
          throw new Error('each failNext entry needs an HTTP status (or "reset", "stall", "redirectTo" or "bodyBytes")');
      }
      if (redirectTo !== undefined && typeof redirectTo !== 'string') throw new Error('redirectTo must be a URL');
      if (rawBody !== undefined && typeof rawBody !== 'string') throw new Error('rawBody must be text');
      if (bodyBytes !== undefined && (typeof bodyBytes !== 'number' || !Number.isInteger(bodyBytes) || bodyBytes < 2))
        throw new Error('bodyBytes must be a whole number of at least 2');
    }
  }
  if (input.includeOAuth !== undefined && typeof input.includeOAuth !== 'boolean') throw new Error('includeOAuth must be true or false');
  return input;
}

export type FaultAction =
  | { kind: 'reset' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'stall' }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'body'; status: number; bytes: number; contentLength: boolean }
  | { kind: 'raw'; status: number; body: string };

/** Requests held by `stall` faults: open now, and since start. */
export interface StallCounters {
  open: number;
  total: number;
}

/** Bodies sent by `bodyBytes` faults: how many started, were written to the end, or were cut by the client. */
export interface BodyCounters {
  started: number;
  completed: number;
  abandoned: number;
}

const DEFAULT_REASON: Record<number, string> = {
  400: 'invalid',
  401: 'authError',
  403: 'userRateLimitExceeded',
  404: 'notFound',
  409: 'conflict',
  429: 'rateLimitExceeded',
  500: 'backendError',
  502: 'backendError',
  503: 'backendError',
};

const DEFAULT_MESSAGE: Record<string, string> = {
  rateLimitExceeded: 'Rate Limit Exceeded',
  userRateLimitExceeded: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'admin.googleapis.com'.",
  backendError: 'The service is currently unavailable.',
};

export function cannedError(f: CannedFailure, defaultRetryAfter?: number): ApiError {
  const status = f.status ?? 503;
  const reason = f.reason ?? DEFAULT_REASON[status] ?? 'backendError';
  const retryAfter = f.retryAfter ?? (status === 429 ? defaultRetryAfter : undefined);
  const headers: Record<string, string> = retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
  const domain = /RateLimit/i.test(reason) ? 'usageLimits' : 'global';
  return new ApiError(status, reason, f.message ?? DEFAULT_MESSAGE[reason] ?? `Injected failure (${status} ${reason})`, headers, domain);
}

export class FaultInjector {
  private faults: Faults = {};
  private queue: (CannedFailure & { left: number })[] = [];
  readonly stalls: StallCounters = { open: 0, total: 0 };
  readonly bodies: BodyCounters = { started: 0, completed: 0, abandoned: 0 };

  constructor(private readonly prng: Prng) {}

  get current(): Readonly<Faults> {
    return { ...this.faults, failNext: this.queue.map(({ left, ...f }) => ({ ...f, times: left })) };
  }

  /** Merges the given settings; `failNext` replaces the queue. Returns the page-token expiries to force. */
  set(update: Faults): void {
    const { failNext, ...rest } = update;
    this.faults = { ...this.faults, ...rest };
    if (failNext) this.queue = failNext.map((f) => ({ ...f, left: f.times ?? 1 }));
  }

  clear(): void {
    this.faults = {};
    this.queue = [];
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  get includeOAuth(): boolean {
    return this.faults.includeOAuth === true;
  }

  isBadDevice(id: string): boolean {
    return this.faults.badDeviceIds?.includes(id) ?? false;
  }

  /** Decides whether this request fails, consuming a canned failure or drawing from the PRNG. */
  decide(method: string, pathWithQuery: string): FaultAction | undefined {
    const idx = this.queue.findIndex(
      (f) =>
        (f.pathIncludes === undefined || pathWithQuery.includes(f.pathIncludes)) && (f.method === undefined || f.method.toUpperCase() === method),
    );
    if (idx >= 0) {
      const f = this.queue[idx];
      if (--f.left <= 0) this.queue.splice(idx, 1);
      if (f.reset) return { kind: 'reset' };
      if (f.stall) return { kind: 'stall' };
      if (f.redirectTo !== undefined) return { kind: 'redirect', status: f.status ?? 302, location: f.redirectTo };
      if (f.rawBody !== undefined) return { kind: 'raw', status: f.status ?? 200, body: f.rawBody };
      if (f.bodyBytes !== undefined) return { kind: 'body', status: f.status ?? 200, bytes: f.bodyBytes, contentLength: f.contentLength === true };
      return { kind: 'error', error: cannedError(f, this.faults.retryAfterSeconds ?? 1) };
    }
    const { resetRate = 0, rate429 = 0, rate403quota = 0, rate503 = 0 } = this.faults;
    if (resetRate + rate429 + rate403quota + rate503 <= 0) return undefined;
    const r = this.prng.next();
    if (r < resetRate) return { kind: 'reset' };
    if (r < resetRate + rate429) return { kind: 'error', error: cannedError({ status: 429 }, this.faults.retryAfterSeconds ?? 1) };
    if (r < resetRate + rate429 + rate403quota) return { kind: 'error', error: cannedError({ status: 403 }) };
    if (r < resetRate + rate429 + rate403quota + rate503) return { kind: 'error', error: cannedError({ status: 503 }) };
    return undefined;
  }
}
