import type { RateLimiter } from './rateLimiter';
import type {
  BrowserAnnotations,
  BrowserListPage,
  BrowserSortKey,
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

/** Progress of a batched move, reported after each batch the API answered. */
export interface MoveProgress {
  batchIndex: number;
  batchCount: number;
  moved: number;
  failed: number;
}

/**
 * Everything the UI needs from CBCM. The UI depends on this interface only, so a second implementation
 * (Chrome Management API v1) can be swapped in by configuration.
 */
export interface CbcmBackend {
  readonly id: string;
  /**
   * False when enrollment tokens cannot be given a lifetime (Chrome Management API v1): the UI then skips the
   * expiry prompt. Absent means they can (v1.1beta1).
   */
  readonly tokensExpire?: boolean;
  /**
   * The account's request budget that every request of this backend already waits for. Callers that pace their
   * own requests (the fleet listing) must not wait for it a second time, which would halve their speed.
   */
  readonly requestLimiter?: RateLimiter;
  /**
   * The API's own name of a sort column (Chrome Management API v1 renamed most of them), or undefined when this API
   * cannot sort by it. Absent means v1.1beta1: every `BrowserOrderBy` is sent as it is
   * named and the v1-only keys are not offered (`v1beta1OrderByName`).
   */
  orderByName?(orderBy: BrowserSortKey): string | undefined;

  /** Pages of browsers; stops early when `signal` aborts. Survives expired page tokens without duplicates. */
  listBrowsers(options: ListBrowsersOptions, signal?: AbortSignal): AsyncIterable<BrowserListPage>;
  getBrowser(deviceId: string, projection: Projection, signal?: AbortSignal): Promise<ChromeBrowser>;
  updateAnnotations(deviceId: string, annotations: BrowserAnnotations, signal?: AbortSignal): Promise<ChromeBrowser>;
  deleteBrowser(deviceId: string, signal?: AbortSignal): Promise<void>;
  /** Moves in batches of at most 600 ids; bisects rejected batches to isolate the bad ids. */
  moveBrowsers(deviceIds: readonly string[], orgUnitPath: string, signal?: AbortSignal, onProgress?: (p: MoveProgress) => void): Promise<MoveResult>;

  listTokens(options: ListTokensOptions, signal?: AbortSignal): AsyncIterable<TokenListPage>;
  /**
   * A user's primary e-mail (token creators), only where the account was signed in with a Directory users scope;
   * undefined otherwise, or when the user cannot be read. Cached for the backend's life.
   */
  userEmail?(userId: string, signal?: AbortSignal): Promise<string | undefined>;
  createToken(options: CreateTokenOptions, signal?: AbortSignal): Promise<EnrollmentToken>;
  revokeToken(tokenPermanentId: string, signal?: AbortSignal): Promise<void>;

  /** All org units of the customer (not including the root, which is always `/`). */
  listOrgUnits(signal?: AbortSignal): Promise<OrgUnit[]>;
}
