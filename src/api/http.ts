// Transport: one place that turns a request description into fetch calls with a bearer token, a per-attempt
// timeout combined with the caller's signal, keep-alive connections, JSON, Google error parsing and retries.
// Logging shows method, path (pageToken and enrollment-token query terms elided), status, attempt and time —
// never headers or bodies.
import type { RateLimiter } from './rateLimiter';
import * as http from 'http';
import * as https from 'https';
import nodeFetch from 'node-fetch';
import {
  ApiError,
  ApiOperation,
  RequestDelivery,
  cancelledError,
  describeOperation,
  errorFromResponse,
  networkError,
  redactSecrets,
  redirectError,
  responseTooLargeError,
  timeoutError,
  tokenTimeoutError,
} from './errors';
import { DEFAULT_RETRY_POLICY, Idempotency, RetryPolicy, abortableSleep, backoffDelayMs, isRetryable, parseRetryAfter } from './retry';
import { parseGoogleError } from './errorBody';
import type { AccessTokenSource } from './tokenSource';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | undefined;

/** The subset of a fetch Response the transport reads. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** Always 'manual': a redirect is answered to us, never followed with the bearer token (see `redirectError`). */
  redirect: 'manual';
  /** node-fetch v2: the body reader stops with a `max-size` error past this many bytes (0 = no limit). */
  size: number;
  /** node-fetch v2 extension; other implementations ignore it. */
  agent?: unknown;
}

export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

export interface HttpRequest {
  operation: ApiOperation;
  method: HttpMethod;
  /** Path after the host, every variable segment already URL-encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  idempotency: Idempotency;
  /** deviceId / tokenPermanentId / org unit the request is about, for messages. */
  target?: string;
  /** For 'once' requests: what the admin should check when the outcome is unknown. */
  ifOutcomeUnknown?: string;
  /**
   * For deletes and revokes: an error that, after an earlier attempt which may have been applied, means that
   * attempt did the job (404 for a delete, "already revoked" for a revoke), so the call resolves (undefined).
   */
  doneIfAfterRetry?: (err: ApiError) => boolean;
}

export interface TransportOptions {
  baseUrl: string;
  tokenSource: AccessTokenSource;
  /** Per attempt, covering the access-token fetch and the request (see `attempt`). */
  timeoutMs: number;
  /** Largest response body read (default `MAX_RESPONSE_BYTES`). */
  maxResponseBytes?: number;
  retry: RetryPolicy;
  userAgent: string;
  log?: (line: string) => void;
  fetch?: FetchLike;
  /** The account's request budget; every attempt, retries included, waits for it before it is sent. */
  limiter?: RateLimiter;
}

/**
 * Largest response body the transport reads: 32 MiB. The biggest legitimate answer is a FULL page of 100 browsers;
 * the emulator's worst case (every browser with 60 extensions and 300 policies) is about 6.2 MB in v1.1beta1 and
 * 6.5 MB in Chrome Management v1 (test/unit/apiResponseLimits.test.ts measures it), so this leaves a margin of
 * about five for longer real-world policy values while a runaway body (a proxy error page streamed for ever, a
 * 48 MiB answer) is cut off while it streams in, before it fills the extension host's memory.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Error codes that prove the request never left this machine or never reached a server. */
const NOT_DELIVERED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export class HttpTransport {
  private readonly baseUrl: string;
  private readonly host: string;
  private readonly fetchImpl: FetchLike;
  private readonly maxResponseBytes: number;
  private readonly keepAliveAgent: http.Agent;
  /** Fresh connection per request for non-idempotent calls: a stale pooled socket must not turn into a "maybe sent". */
  private readonly oneShotAgent: http.Agent;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const parsed = new URL(this.baseUrl);
    this.host = parsed.host;
    const secure = parsed.protocol === 'https:';
    const AgentClass = secure ? https.Agent : http.Agent;
    this.keepAliveAgent = new AgentClass({ keepAlive: true, keepAliveMsecs: 15_000, maxSockets: 16 });
    this.oneShotAgent = new AgentClass({ keepAlive: false });
    this.fetchImpl = options.fetch ?? (nodeFetch as unknown as FetchLike);
    this.maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  }

  /** Closes pooled connections. */
  dispose(): void {
    this.keepAliveAgent.destroy();
    this.oneShotAgent.destroy();
  }

  /** Sends with retries; resolves the parsed JSON body (undefined for an empty body). */
  async send<T>(req: HttpRequest, signal?: AbortSignal): Promise<T> {
    const { url, logPath } = this.buildUrl(req);
    const policy = this.options.retry;
    let attempt = 0;
    let retries = 0;
    let refreshedToken = false;
    let earlierMayHaveApplied = false;
    for (;;) {
      if (signal?.aborted) throw withAttempts(cancelledError(req.operation), attempt);
      attempt++;
      try {
        await this.options.limiter?.acquire(signal);
        return await this.attempt<T>(req, url, logPath, attempt, signal);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const err = e;
        err.attempts = attempt;
        if (err.kind === 'cancelled') throw err;
        if (earlierMayHaveApplied && req.doneIfAfterRetry?.(err)) {
          this.options.log?.(`${req.method} ${logPath} ${err.status} after a retry: the earlier attempt was applied`);
          return undefined as T;
        }
        if (err.status === 401 && !refreshedToken) {
          // The cached token may have been revoked or expired early: one fresh token, then give up.
          refreshedToken = true;
          this.options.tokenSource.invalidate?.();
          continue;
        }
        const tooLong = err.retryAfterMs !== undefined && err.retryAfterMs > policy.maxRetryAfterMs;
        if (!isRetryable(err, req.idempotency) || retries + 1 >= policy.maxAttempts || tooLong) {
          throw finalError(err, req, retries + 1);
        }
        retries++;
        if (err.delivery !== 'no') earlierMayHaveApplied = true;
        const delay = backoffDelayMs(retries, policy, err.retryAfterMs);
        this.options.log?.(`${req.method} ${logPath} retry ${retries} in ${delay} ms (${err.status ?? err.reason ?? err.kind})`);
        await abortableSleep(delay, req.operation, signal);
      }
    }
  }

  private buildUrl(req: HttpRequest): { url: string; logPath: string } {
    let qs = '';
    let logQs = '';
    if (req.query) {
      for (const key of Object.keys(req.query)) {
        const value = req.query[key];
        if (value === undefined) continue;
        const sep = qs ? '&' : '?';
        const raw = String(value);
        qs += `${sep}${key}=${encodeURIComponent(raw)}`;
        if (this.options.log) {
          logQs += key === 'pageToken' ? `${sep}${key}=…` : `${sep}${key}=${encodeURIComponent(redactSecrets(raw))}`;
        }
      }
    }
    return { url: this.baseUrl + req.path + qs, logPath: req.path + logQs };
  }

  private async attempt<T>(req: HttpRequest, url: string, logPath: string, attempt: number, signal?: AbortSignal): Promise<T> {
    const op = req.operation;
    const started = Date.now();
    const { timeoutMs } = this.options;

    // One per-attempt time-out, combined with the caller's signal by hand (cheaper than AbortSignal.any per request,
    // and we need to know which of the two fired). It starts before the access token is fetched: a token endpoint
    // that accepts the connection and never answers must not hang the request for ever.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onCallerAbort, { once: true });

    let status = 0;
    let text: string;
    let retryAfter: string | null;
    try {
      const token = await this.accessToken(op, controller.signal, () => timedOut, timeoutMs);
      const headers: Record<string, string> = {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'User-Agent': this.options.userAgent,
      };
      let body: string | undefined;
      if (req.body !== undefined) {
        body = JSON.stringify(req.body);
        headers['Content-Type'] = 'application/json; charset=utf-8';
      }
      const res = await this.fetchImpl(url, {
        method: req.method,
        headers,
        body,
        signal: controller.signal,
        redirect: 'manual',
        size: this.maxResponseBytes,
        agent: req.idempotency === 'once' ? this.oneShotAgent : this.keepAliveAgent,
      });
      status = res.status;
      if (status >= 300 && status < 400) {
        controller.abort(); // the redirect's body is not wanted; free the connection
        throw redirectError(op, status, originOf(res.headers.get('location'), url), this.host);
      }
      const declared = Number(res.headers.get('content-length') ?? '');
      if (Number.isFinite(declared) && declared > this.maxResponseBytes) {
        controller.abort(); // refused from the header alone: nothing of the body is read
        throw responseTooLargeError(op, this.maxResponseBytes);
      }
      retryAfter = status === 429 || status === 403 || status >= 500 ? res.headers.get('retry-after') : null;
      text = await res.text();
    } catch (e) {
      let err: ApiError;
      if (e instanceof ApiError) err = e;
      else if (signal?.aborted) err = cancelledError(op);
      else if (timedOut) err = timeoutError(op, timeoutMs);
      else if (isMaxSizeError(e)) err = responseTooLargeError(op, this.maxResponseBytes);
      else {
        const code = errorCode(e);
        const delivery: RequestDelivery = code !== undefined && NOT_DELIVERED_CODES.has(code) ? 'no' : 'maybe';
        err = networkError(op, code, this.host, delivery);
      }
      const outcome = err.kind === 'network' ? (err.reason ?? 'network error') : status ? `${status} ${err.reason ?? err.kind}` : err.kind;
      this.logAttempt(req.method, logPath, outcome, attempt, started);
      throw err;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
    this.logAttempt(req.method, logPath, String(status), attempt, started);

    if (status >= 200 && status < 300) {
      if (!text) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new ApiError({
          kind: 'server',
          operation: op,
          status,
          message: `Google sent an unreadable answer while trying to ${describeOperation(op)}. Try again; if it persists, check for a proxy rewriting responses.`,
        });
      }
    }
    throw this.errorFor(req, status, text, retryAfter);
  }

  private errorFor(req: HttpRequest, status: number, text: string, retryAfter: string | null): ApiError {
    const { reason, message } = parseGoogleError(text);
    const err = errorFromResponse(
      { operation: req.operation, target: req.target, hadPageToken: req.query?.pageToken !== undefined },
      status,
      reason,
      message !== undefined ? redactSecrets(message) : undefined,
      parseRetryAfter(retryAfter),
    );
    // Refusals by quota or authentication happen before Google acts on the request.
    if (err.kind === 'rateLimit' || status === 401) return reDeliver(err, 'no');
    return err;
  }

  /**
   * The token for one attempt, under that attempt's signal (time-out + caller). A token fetch cut by the time-out is
   * a time-out of the request that never left this machine (delivery 'no'), so even a 'once' request may be retried.
   */
  private async accessToken(op: ApiOperation, attemptSignal: AbortSignal, timedOut: () => boolean, timeoutMs: number): Promise<string> {
    try {
      return await this.options.tokenSource.getAccessToken(attemptSignal);
    } catch (e) {
      if (timedOut()) throw tokenTimeoutError(op, timeoutMs);
      if (attemptSignal.aborted) throw cancelledError(op);
      if (e instanceof ApiError) throw e;
      // The auth layer owns its wording (and keeps secrets out of it); we only type it.
      const detail = e instanceof Error && e.message ? e.message : 'no access token';
      throw new ApiError({
        kind: 'auth',
        operation: op,
        delivery: 'no',
        cause: e,
        message: `Could not sign in to ${describeOperation(op)}: ${detail}`,
      });
    }
  }

  private logAttempt(method: string, logPath: string, outcome: string, attempt: number, started: number): void {
    this.options.log?.(`${method} ${logPath} ${outcome} attempt ${attempt} ${Date.now() - started} ms`);
  }
}

export const DEFAULT_TRANSPORT: Pick<TransportOptions, 'timeoutMs' | 'retry' | 'userAgent'> = {
  timeoutMs: 30_000,
  retry: DEFAULT_RETRY_POLICY,
  userAgent: 'cbcm-explorer/0.1',
};

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const rec = e as { code?: unknown; errno?: unknown; message?: unknown };
  if (typeof rec.code === 'string') return rec.code;
  if (typeof rec.errno === 'string') return rec.errno;
  if (typeof rec.message === 'string' && /socket hang up/i.test(rec.message)) return 'ECONNRESET';
  return undefined;
}

/** node-fetch v2 reports a body past `size` as a FetchError of type 'max-size'. */
function isMaxSizeError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'max-size';
}

/** Only the origin of a redirect target is shown: its path or query could carry anything. */
function originOf(location: string | null, base: string): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location, base).origin;
  } catch {
    return undefined;
  }
}

function reDeliver(err: ApiError, delivery: RequestDelivery): ApiError {
  return new ApiError({
    kind: err.kind,
    operation: err.operation,
    message: err.message,
    status: err.status,
    reason: err.reason,
    googleMessage: err.googleMessage,
    retryAfterMs: err.retryAfterMs,
    delivery,
  });
}

function withAttempts(err: ApiError, attempts: number): ApiError {
  err.attempts = attempts;
  return err;
}

/** Adds what the admin needs to know once retrying stops. */
function finalError(err: ApiError, req: HttpRequest, attempts: number): ApiError {
  let message = err.message;
  if (req.idempotency === 'once' && err.delivery !== 'no' && ['server', 'network', 'timeout'].includes(err.kind)) {
    message = `${message} The request may have reached Google before the failure, so it was not repeated.`;
    if (req.ifOutcomeUnknown) message += ` ${req.ifOutcomeUnknown}`;
  } else if (attempts > 1) {
    message = `${message} (gave up after ${attempts} attempts)`;
  }
  if (message === err.message) return err;
  const out = new ApiError({
    kind: err.kind,
    operation: err.operation,
    message,
    status: err.status,
    reason: err.reason,
    googleMessage: err.googleMessage,
    retryAfterMs: err.retryAfterMs,
    delivery: err.delivery,
    attempts: err.attempts,
  });
  return out;
}
