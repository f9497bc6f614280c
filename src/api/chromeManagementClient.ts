// CbcmBackend over the Chrome Management API v1 (chromemanagement.googleapis.com: customers.chromeBrowsers,
// customers.enrollmentTokens), which replaces the Admin SDK v1.1beta1 endpoints as of Chrome 166. Org units
// still come from the Directory API v1 on admin.googleapis.com (v1 resources carry only org unit ids).
// Reuses the transport, retry policy, errors, paging and the batched move of the v1.1beta1 client.
import { CM_ORDER_BY, ChromeManagementBrowsersApi } from './chromeManagementBrowsers';
import { OrgUnitIndex } from './chromeManagementOrgUnits';
import { ChromeManagementTokensApi } from './chromeManagementTokens';
import { ComposedBackend, transportSettings, type ClientTransportOptions } from './composedBackend';
import { ApiError, describeOperation, type ApiOperation } from './errors';
import { HttpRequest, HttpTransport } from './http';
import { MoveApi } from './move';
import { OrgUnitsApi } from './orgUnits';
import { canReadUsers, UserEmails } from './userEmails';
import type { BrowserSortKey } from './types';

export interface ChromeManagementClientOptions extends ClientTransportOptions {
  /** Default https://chromemanagement.googleapis.com (the emulator's URL in tests). */
  baseUrl?: string;
  /** Directory API root for org units; default https://admin.googleapis.com. */
  directoryBaseUrl?: string;
}

export const CHROME_MANAGEMENT_BASE_URL = 'https://chromemanagement.googleapis.com';
export const CHROME_MANAGEMENT_BACKEND_ID = 'chromemanagement-v1';

const SCOPE = 'https://www.googleapis.com/auth/chrome.management';
const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'insufficientScopes']);

/** The scope sentence of the v1 API (the shared errors.ts names the Admin SDK scopes). */
export function chromeManagementScopeText(op: ApiOperation): string {
  const resource = op.startsWith('tokens.') ? 'enrollmenttokens' : 'browsers';
  const read = op === 'browsers.list' || op === 'browsers.get' || op === 'tokens.list';
  return read
    ? `${SCOPE}.${resource}.readonly (read-only) or ${SCOPE}.${resource} (full)`
    : `${SCOPE}.${resource} (full; the read-only scope cannot change anything)`;
}

/** Rewrites the two 403 messages that name the wrong API or scope for v1; everything else passes unchanged. */
export function adaptChromeManagementError(e: unknown): unknown {
  if (!(e instanceof ApiError) || e.kind !== 'permission') return e;
  let message: string | undefined;
  const said = e.googleMessage ? ` Google said: "${e.googleMessage}"` : '';
  if (e.reason === 'accessNotConfigured' || e.reason === 'SERVICE_DISABLED') {
    message =
      `The Chrome Management API is not enabled for the Google Cloud project of these credentials, so Google refused to ` +
      `${describeOperation(e.operation)}. Enable "Chrome Management API" in the Google Cloud console (APIs & Services › Library), ` +
      `wait a few minutes and try again; or switch "cbcm.apiVersion" back to v1.1beta1.${said}`;
  } else if ((e.reason && SCOPE_REASONS.has(e.reason)) || /scope/i.test(e.googleMessage ?? '')) {
    message =
      `The access token lacks the OAuth scope needed to ${describeOperation(e.operation)}: ${chromeManagementScopeText(e.operation)}. ` +
      `Grant it under Admin console › Security › API controls › Domain-wide delegation (or sign in again to consent).${said}`;
  }
  if (!message) return e;
  return new ApiError({
    kind: e.kind,
    operation: e.operation,
    message,
    status: e.status,
    reason: e.reason,
    googleMessage: e.googleMessage,
    delivery: e.delivery,
    retryAfterMs: e.retryAfterMs,
    attempts: e.attempts,
  });
}

/** The shared transport, with v1 wording for scope and API-not-enabled errors. */
class ChromeManagementTransport extends HttpTransport {
  override async send<T>(req: HttpRequest, signal?: AbortSignal): Promise<T> {
    try {
      return await super.send<T>(req, signal);
    } catch (e) {
      throw adaptChromeManagementError(e);
    }
  }
}

export class ChromeManagementClient extends ComposedBackend {
  readonly id = CHROME_MANAGEMENT_BACKEND_ID;
  /** v1 tokens have no ttl/expireTime; they stay valid until revoked. */
  readonly tokensExpire = false;

  orderByName(orderBy: BrowserSortKey): string | undefined {
    return CM_ORDER_BY[orderBy];
  }
  private readonly http: HttpTransport;
  private readonly directoryHttp: HttpTransport;
  /** Also refreshes, on every listing, the path ↔ id index the v1 resources need. */
  protected readonly orgUnits: OrgUnitIndex;
  /** v1 has no projection: the whole browser comes back; BASIC only trims what is mapped. */
  protected readonly browsers: ChromeManagementBrowsersApi;
  protected readonly tokens: ChromeManagementTokensApi;
  protected readonly mover: MoveApi;

  constructor(options: ChromeManagementClientOptions) {
    super(options.customerId, options.limiter);
    const common = transportSettings(options);
    this.http = new ChromeManagementTransport({ ...common, baseUrl: options.baseUrl ?? CHROME_MANAGEMENT_BASE_URL });
    this.directoryHttp = new HttpTransport({ ...common, baseUrl: options.directoryBaseUrl ?? 'https://admin.googleapis.com' });
    const restarts = options.maxPageRestarts ?? 3;
    this.orgUnits = new OrgUnitIndex(new OrgUnitsApi(this.directoryHttp, this.customerId));
    this.browsers = new ChromeManagementBrowsersApi(this.http, this.customerId, this.orgUnits, restarts, options.log);
    this.tokens = new ChromeManagementTokensApi(this.http, this.customerId, this.orgUnits, restarts, options.log);
    this.mover = new MoveApi(this.http, this.customerId, (ids, path, signal) => this.browsers.moveBatch(ids, path, signal));
    // Users are a Directory API resource, like org units.
    if (canReadUsers(options.grantedScopes ?? [])) this.userEmails = new UserEmails(this.directoryHttp, options.log);
  }

  dispose(): void {
    this.http.dispose();
    this.directoryHttp.dispose();
  }
}
