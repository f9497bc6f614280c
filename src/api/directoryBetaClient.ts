// CbcmBackend over the Admin SDK Directory API v1.1beta1 (browsers, enrollment tokens) and v1 (org units).
// Composes the transport with one small module per resource; holds no state besides the connection pool.
import type { CbcmBackend, MoveProgress } from './backend';
import { BrowsersApi } from './browsers';
import { DEFAULT_TRANSPORT, FetchLike, HttpTransport } from './http';
import { MoveApi } from './move';
import { OrgUnitsApi } from './orgUnits';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retry';
import type { AccessTokenSource } from './tokenSource';
import { TokensApi } from './tokens';
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

export interface DirectoryBetaClientOptions {
  tokenSource: AccessTokenSource;
  /** Default https://admin.googleapis.com (the emulator's URL in tests). */
  baseUrl?: string;
  /** Default my_customer (the customer of the signed-in or impersonated admin). */
  customerId?: string;
  /** Per HTTP attempt, default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How often one listing may restart after its page token expired (default 3). */
  maxPageRestarts?: number;
  /** Receives one line per HTTP attempt; never headers, bodies or secrets. */
  log?: (line: string) => void;
  /** Injection point only; default node-fetch v2 with a keep-alive agent. */
  fetch?: FetchLike;
  userAgent?: string;
}

export const DEFAULT_BASE_URL = 'https://admin.googleapis.com';
export const DIRECTORY_BETA_BACKEND_ID = 'directory-v1.1beta1';

export class DirectoryBetaClient implements CbcmBackend {
  readonly id = DIRECTORY_BETA_BACKEND_ID;
  readonly customerId: string;
  private readonly http: HttpTransport;
  private readonly browsers: BrowsersApi;
  private readonly tokens: TokensApi;
  private readonly orgUnits: OrgUnitsApi;
  private readonly mover: MoveApi;

  constructor(options: DirectoryBetaClientOptions) {
    this.customerId = options.customerId?.trim() || 'my_customer';
    const timeoutMs = options.timeoutMs ?? DEFAULT_TRANSPORT.timeoutMs;
    if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be greater than 0 (got ${timeoutMs}).`);
    const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
      throw new RangeError(`retry.maxAttempts must be a whole number of at least 1 (got ${retry.maxAttempts}).`);
    }
    this.http = new HttpTransport({
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      tokenSource: options.tokenSource,
      timeoutMs,
      retry,
      userAgent: options.userAgent ?? DEFAULT_TRANSPORT.userAgent,
      log: options.log,
      fetch: options.fetch,
    });
    const restarts = options.maxPageRestarts ?? 3;
    this.browsers = new BrowsersApi(this.http, this.customerId, restarts, options.log);
    this.tokens = new TokensApi(this.http, this.customerId, restarts, options.log);
    this.orgUnits = new OrgUnitsApi(this.http, this.customerId);
    this.mover = new MoveApi(this.http, this.customerId);
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

  moveBrowsers(
    deviceIds: readonly string[],
    orgUnitPath: string,
    signal?: AbortSignal,
    onProgress?: (p: MoveProgress) => void,
  ): Promise<MoveResult> {
    return this.mover.move({ deviceIds, orgUnitPath, signal, onProgress });
  }

  listTokens(options: ListTokensOptions, signal?: AbortSignal): AsyncIterable<TokenListPage> {
    return this.tokens.list(options, signal);
  }

  createToken(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken> {
    return this.tokens.create(options, signal);
  }

  revokeToken(tokenPermanentId: string, signal?: AbortSignal): Promise<void> {
    return this.tokens.revoke(tokenPermanentId, signal);
  }

  listOrgUnits(signal?: AbortSignal): Promise<OrgUnit[]> {
    return this.orgUnits.list(signal);
  }

  /** Closes pooled keep-alive connections. */
  dispose(): void {
    this.http.dispose();
  }
}
