// What both API clients share: validating the transport options, and forwarding every CbcmBackend method to the
// resource module that implements it. A client only chooses its modules (and its transport).
import type { RateLimiter } from './rateLimiter';
import type { UserEmails } from './userEmails';
import type { CbcmBackend, MoveProgress } from './backend';
import { DEFAULT_TRANSPORT, MAX_RESPONSE_BYTES, type FetchLike } from './http';
import type { MoveApi } from './move';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import type { AccessTokenSource } from './tokenSource';
import type {
  BrowserAnnotations,
  BrowserListPage,
  ChromeBrowser,
  CreateTokenOptions,
  EnrollmentToken,
  ListBrowsersOptions,
  ListTokensOptions,
  MoveResult,
  OrgUnit,
  Projection,
  TokenListPage,
} from './types';

/** Longest per-attempt time-out a transport accepts: 10 minutes (the setting allows at most 300 s). */
export const MAX_TIMEOUT_MS = 10 * 60 * 1000;

/** Options every client takes for its HTTP transport. */
export interface ClientTransportOptions {
  tokenSource: AccessTokenSource;
  /** Default my_customer (the customer of the signed-in or impersonated admin). */
  customerId?: string;
  /** Per HTTP attempt (token fetch included), default 30 s; at most `MAX_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** Largest response body read, default `MAX_RESPONSE_BYTES` (32 MiB). */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** How often one listing may restart after its page token expired (default 3). */
  maxPageRestarts?: number;
  /** Receives one line per HTTP attempt; never headers, bodies or secrets. */
  log?: (line: string) => void;
  /** Injection point only; default node-fetch v2 with a keep-alive agent. */
  fetch?: FetchLike;
  userAgent?: string;
  /**
   * The account's request budget: every request of this client (listings, reads, writes, retries) waits for it.
   * Share one per account across clients, so the account stays within the Admin SDK's per-user quota.
   */
  limiter?: RateLimiter;
  /**
   * The scopes the account was signed in with (never widened here): with a Directory users scope among them,
   * `userEmail` reads e-mail addresses; without, it answers undefined without a request.
   */
  grantedScopes?: readonly string[];
}

/** Checks the options and fills in the defaults shared by every transport of a client. */
export function transportSettings(options: ClientTransportOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TRANSPORT.timeoutMs;
  // Node fires a timer of more than 2^31-1 ms at once, which would turn a huge time-out into none at all.
  if (!(timeoutMs > 0) || timeoutMs > MAX_TIMEOUT_MS) {
    throw new RangeError(`timeoutMs must be greater than 0 and at most ${MAX_TIMEOUT_MS} (got ${timeoutMs}).`);
  }
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw new RangeError(`maxResponseBytes must be a whole number of at least 1 (got ${maxResponseBytes}).`);
  }
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be a whole number of at least 1 (got ${retry.maxAttempts}).`);
  }
  return {
    tokenSource: options.tokenSource,
    timeoutMs,
    maxResponseBytes,
    retry,
    userAgent: options.userAgent ?? DEFAULT_TRANSPORT.userAgent,
    log: options.log,
    fetch: options.fetch,
    limiter: options.limiter,
  };
}

interface BrowserOperations {
  list(options: ListBrowsersOptions, signal?: AbortSignal): AsyncIterable<BrowserListPage>;
  get(deviceId: string, projection: Projection, signal?: AbortSignal): Promise<ChromeBrowser>;
  updateAnnotations(deviceId: string, annotations: BrowserAnnotations, signal?: AbortSignal): Promise<ChromeBrowser>;
  delete(deviceId: string, signal?: AbortSignal): Promise<void>;
}

interface TokenOperations {
  list(options: ListTokensOptions, signal?: AbortSignal): AsyncIterable<TokenListPage>;
  create(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken>;
  revoke(tokenPermanentId: string, signal?: AbortSignal): Promise<unknown>;
}

/** A CbcmBackend made of resource modules; subclasses build them in their constructor. */
export abstract class ComposedBackend implements CbcmBackend {
  abstract readonly id: string;
  readonly customerId: string;
  protected abstract readonly browsers: BrowserOperations;
  protected abstract readonly tokens: TokenOperations;
  protected abstract readonly orgUnits: { list(signal?: AbortSignal): Promise<OrgUnit[]> };
  protected abstract readonly mover: MoveApi;

  /** Set by a client whose account may read users (see `ClientTransportOptions.grantedScopes`). */
  protected userEmails: UserEmails | undefined;

  /** The budget every request of this backend already waits for (see `ClientTransportOptions.limiter`). */
  readonly requestLimiter: RateLimiter | undefined;

  constructor(customerId: string | undefined, requestLimiter?: RateLimiter) {
    this.customerId = customerId?.trim() || 'my_customer';
    this.requestLimiter = requestLimiter;
  }

  listBrowsers(options: ListBrowsersOptions, signal?: AbortSignal): AsyncIterable<BrowserListPage> {
    return this.browsers.list(options, signal);
  }

  getBrowser(deviceId: string, projection: Projection, signal?: AbortSignal): Promise<ChromeBrowser> {
    return this.browsers.get(deviceId, projection, signal);
  }

  updateAnnotations(deviceId: string, annotations: BrowserAnnotations, signal?: AbortSignal): Promise<ChromeBrowser> {
    return this.browsers.updateAnnotations(deviceId, annotations, signal);
  }

  deleteBrowser(deviceId: string, signal?: AbortSignal): Promise<void> {
    return this.browsers.delete(deviceId, signal);
  }

  moveBrowsers(deviceIds: readonly string[], orgUnitPath: string, signal?: AbortSignal, onProgress?: (p: MoveProgress) => void): Promise<MoveResult> {
    return this.mover.move({ deviceIds, orgUnitPath, signal, onProgress });
  }

  listTokens(options: ListTokensOptions, signal?: AbortSignal): AsyncIterable<TokenListPage> {
    return this.tokens.list(options, signal);
  }

  createToken(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken> {
    return this.tokens.create(options, signal);
  }

  async revokeToken(tokenPermanentId: string, signal?: AbortSignal): Promise<void> {
    await this.tokens.revoke(tokenPermanentId, signal);
  }

  /** A user's primary e-mail where the account may read users; undefined otherwise or when it cannot be read. */
  userEmail(userId: string, signal?: AbortSignal): Promise<string | undefined> {
    return this.userEmails?.emailOf(userId, signal) ?? Promise.resolve(undefined);
  }

  listOrgUnits(signal?: AbortSignal): Promise<OrgUnit[]> {
    return this.orgUnits.list(signal);
  }

  /** Closes pooled keep-alive connections. */
  abstract dispose(): void;
}
