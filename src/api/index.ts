// Public surface of the API layer (no vscode import anywhere under src/api).
import type { CbcmBackend } from './backend';
import { DirectoryBetaClient, DirectoryBetaClientOptions } from './directoryBetaClient';
import { ChromeManagementClient, ChromeManagementClientOptions } from './chromeManagementClient';
import type { ClientTransportOptions } from './composedBackend';
import { itemsOf } from './paging';
import type { ApiVersion, BrowserListPage, ChromeBrowser, EnrollmentToken, TokenListPage } from './types';

export * from './types';
export type { CbcmBackend, MoveProgress } from './backend';
export type { AccessTokenSource } from './tokenSource';
export { ApiError, isApiError, isAbortError, requiredScopeText } from './errors';
export type { ApiErrorKind, ApiOperation, RequestDelivery } from './errors';
export { DirectoryBetaClient, DEFAULT_BASE_URL, DIRECTORY_BETA_BACKEND_ID } from './directoryBetaClient';
export type { DirectoryBetaClientOptions } from './directoryBetaClient';
export { ChromeManagementClient, CHROME_MANAGEMENT_BASE_URL, CHROME_MANAGEMENT_BACKEND_ID } from './chromeManagementClient';
export type { ChromeManagementClientOptions } from './chromeManagementClient';
export type { FetchLike } from './http';
export { DEFAULT_RETRY_POLICY } from './retry';
export type { RetryPolicy } from './retry';
export { itemsOf, collectItems } from './paging';
export { MOVE_BATCH_SIZE } from './move';
export { normalizeToken } from './tokens';
export { listFleet, defaultLimiterFor, DEFAULT_FLEET_CONCURRENCY } from './fleetListing';
export type { FleetListingOptions, FleetProgress } from './fleetListing';
export { ACCOUNT_BURST, accountRequestBudget, TokenBucketLimiter, USER_REQUESTS_PER_MINUTE } from './rateLimiter';
export type { RateLimiter, TokenBucketOptions } from './rateLimiter';

/** The Directory API v1.1beta1 backend; `dispose()` it when the configuration changes. */
export function createDirectoryBetaBackend(options: DirectoryBetaClientOptions): CbcmBackend & { dispose(): void } {
  return new DirectoryBetaClient(options);
}

/** The Chrome Management API v1 backend (replaces v1.1beta1 as of Chrome 166); `dispose()` it when the configuration changes. */
export function createChromeManagementBackend(options: ChromeManagementClientOptions): CbcmBackend & { dispose(): void } {
  return new ChromeManagementClient(options);
}

/** The endpoint settings a backend is built from (the `cbcm.*` settings, read by src/configuration.ts). */
export interface BackendEndpoints {
  /** v1.1beta1 when absent. */
  readonly apiVersion?: ApiVersion;
  /** Root of the Admin SDK (Directory API: v1.1beta1 browsers and tokens, and org units for both). */
  readonly apiBaseUrl: string;
  /** Root of the Chrome Management API (the chromemanagement-v1 backend only). */
  readonly chromeManagementBaseUrl?: string;
}

/** The one way to build a backend from the settings: `cbcm.apiVersion` picks the API, the caller only sees CbcmBackend. */
export function createBackend(endpoints: BackendEndpoints, options: ClientTransportOptions): CbcmBackend & { dispose(): void } {
  return endpoints.apiVersion === 'chromemanagement-v1'
    ? createChromeManagementBackend({ ...options, baseUrl: endpoints.chromeManagementBaseUrl, directoryBaseUrl: endpoints.apiBaseUrl })
    : createDirectoryBetaBackend({ ...options, baseUrl: endpoints.apiBaseUrl });
}

/** Every browser across pages. */
export function browsersOf(pages: AsyncIterable<BrowserListPage>): AsyncGenerator<ChromeBrowser> {
  return itemsOf(pages, (p) => p.browsers);
}

/** Every enrollment token across pages. */
export function tokensOf(pages: AsyncIterable<TokenListPage>): AsyncGenerator<EnrollmentToken> {
  return itemsOf(pages, (p) => p.tokens);
}
