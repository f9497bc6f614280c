/**
 * CBCM: Check Access — one harmless, documented read per capability the account needs (browsers read, browsers
 * write, enrollment tokens, org units), each with a token that carries ONLY that capability's scope when the
 * account can mint one (a service account: a JWT per scope, so domain-wide delegation is tested scope by scope).
 * No vscode import; the command shows the result. Reads only: no write is ever sent to test a write scope — the
 * write scope is proven by Google issuing a token for it and that token being accepted by a read it also grants.
 */
import { createChromeManagementBackend, createDirectoryBetaBackend } from '../api';
import type { CbcmBackend } from '../api/backend';
import type { AccessTokenSource } from '../api/tokenSource';
import {
  type AccessLevel,
  CHROMEBROWSERS_READONLY_SCOPE,
  CHROMEBROWSERS_SCOPE,
  CM_BROWSERS_READONLY_SCOPE,
  CM_BROWSERS_SCOPE,
  CM_TOKENS_READONLY_SCOPE,
  CM_TOKENS_SCOPE,
  delegationPageUrl,
  ORGUNIT_READONLY_SCOPE,
  scopesFor,
} from './scopes';
import type { ApiVersion } from '../api/types';
import { mapTokenError } from './tokenErrors';

export type CapabilityId = 'browsersRead' | 'browsersWrite' | 'tokens' | 'orgUnits';

export interface Capability {
  readonly id: CapabilityId;
  readonly label: string;
  /** The scope this capability is tested with (one of scopesFor(level, api)); undefined when not requested. */
  readonly scope: string | undefined;
  /** The documented read the check sends. */
  readonly probe: (backend: CbcmBackend, signal?: AbortSignal) => Promise<void>;
  readonly probeText: string;
}

const listOneBrowser = async (backend: CbcmBackend, signal?: AbortSignal) => {
  for await (const page of backend.listBrowsers({ maxResults: 1, projection: 'BASIC' }, signal)) {
    void page;
    break;
  }
};
const listOneToken = async (backend: CbcmBackend, signal?: AbortSignal) => {
  for await (const page of backend.listTokens({ pageSize: 1 }, signal)) {
    void page;
    break;
  }
};
const listOrgUnits = async (backend: CbcmBackend, signal?: AbortSignal) => {
  await backend.listOrgUnits(signal);
};

/** What the account needs under this access level and API, and the scope each is tested with. */
export function capabilitiesFor(accessLevel: AccessLevel, apiVersion: ApiVersion): Capability[] {
  const readOnly = accessLevel === 'readOnly';
  const v1 = apiVersion === 'chromemanagement-v1';
  const browsersRead = v1
    ? readOnly
      ? CM_BROWSERS_READONLY_SCOPE
      : CM_BROWSERS_SCOPE
    : readOnly
      ? CHROMEBROWSERS_READONLY_SCOPE
      : CHROMEBROWSERS_SCOPE;
  const browsersWrite = readOnly ? undefined : v1 ? CM_BROWSERS_SCOPE : CHROMEBROWSERS_SCOPE;
  // v1.1beta1 enrollment tokens are covered by the chromebrowsers scope; v1 has scopes of their own.
  const tokens = v1 ? (readOnly ? CM_TOKENS_READONLY_SCOPE : CM_TOKENS_SCOPE) : browsersRead;
  return [
    { id: 'browsersRead', label: 'Browsers: read', scope: browsersRead, probe: listOneBrowser, probeText: 'list one browser' },
    {
      id: 'browsersWrite',
      label: 'Browsers: write (annotate, move, delete)',
      scope: browsersWrite,
      probe: listOneBrowser,
      probeText: 'list one browser with a token of the write scope only',
    },
    {
      id: 'tokens',
      label: readOnly ? 'Enrollment tokens: read' : 'Enrollment tokens: read and manage',
      scope: tokens,
      probe: listOneToken,
      probeText: 'list one enrollment token',
    },
    { id: 'orgUnits', label: 'Org units: read', scope: ORGUNIT_READONLY_SCOPE, probe: listOrgUnits, probeText: 'list the org units' },
  ];
}

export type CheckStatus = 'works' | 'missing' | 'failed' | 'notTested' | 'notRequested';

export interface CapabilityResult {
  readonly capability: Capability;
  readonly status: CheckStatus;
  /** Our own words: what went wrong and what to do (never a token or key). */
  readonly message: string;
}

export interface AccessCheckAccount {
  readonly kind: 'serviceAccount' | 'oauth';
  readonly accessLevel: AccessLevel;
  /** Service-account unique id (client_id) or the OAuth client id. */
  readonly clientId?: string;
  readonly subject?: string;
}

export interface AccessCheckSettings {
  readonly apiVersion: ApiVersion;
  readonly apiBaseUrl: string;
  readonly chromeManagementBaseUrl: string;
  readonly adminConsoleUrl: string;
  readonly oauthTokenUrl: string;
  readonly requestTimeoutMs: number;
}

export interface AccessCheckReport {
  readonly results: CapabilityResult[];
  /** Scopes the account needs (domain-wide delegation must list exactly these). */
  readonly neededScopes: string[];
  /** Service account only: the pre-filled delegation page, when something is missing. */
  readonly delegationUrl?: string;
  /** True when each scope was tested with a token of its own (service account). */
  readonly perScope: boolean;
}

/**
 * Runs every check, one after the other (each is one request, or two with the org-unit lookup of v1).
 * `tokenSourceFor(scopes)` gives a token source for those scopes alone, or the account's own one when it cannot.
 * Org units are checked first: the Chrome Management API v1 returns org unit ids only, so its browser and token
 * reads also need the org units scope to map them to paths; without it they cannot be told apart and are not tested.
 */
export async function checkAccess(
  account: AccessCheckAccount,
  settings: AccessCheckSettings,
  tokenSourceFor: (scopes: readonly string[]) => AccessTokenSource,
  customerId: string,
  signal?: AbortSignal,
): Promise<AccessCheckReport> {
  const neededScopes = scopesFor(account.accessLevel, settings.apiVersion);
  const runCheck = async (capability: Capability, scopes: readonly string[]): Promise<CapabilityResult> => {
    const backend = backendFor(settings, tokenSourceFor(scopes), customerId);
    try {
      await capability.probe(backend, signal);
      return { capability, status: 'works', message: `Works (${capability.probeText}).` };
    } catch (error) {
      if (signal?.aborted) throw error;
      const mapped = mapTokenError(error, {
        flow: account.kind,
        stage: 'verify',
        tokenUrl: settings.oauthTokenUrl,
        scopes,
        adminConsoleUrl: settings.adminConsoleUrl,
        clientId: account.clientId,
        subject: account.subject,
      });
      const missing = mapped.code === 'delegationNotGranted' || mapped.code === 'invalidScope';
      return {
        capability,
        status: missing ? 'missing' : 'failed',
        message: missing ? missingAdvice(account, capability.scope ?? scopes[0]) : mapped.message,
      };
    } finally {
      backend.dispose();
    }
  };
  const capabilities = capabilitiesFor(account.accessLevel, settings.apiVersion);
  const byId = new Map<CapabilityId, CapabilityResult>();
  const v1 = settings.apiVersion === 'chromemanagement-v1';
  const ordered = [...capabilities.filter((c) => c.id === 'orgUnits'), ...capabilities.filter((c) => c.id !== 'orgUnits')];
  for (const capability of ordered) {
    if (!capability.scope) {
      byId.set(capability.id, {
        capability,
        status: 'notRequested',
        message: 'Not requested: this account was signed in read-only (cbcm.accessLevel). Sign in again with readWrite to change browsers.',
      });
      continue;
    }
    const needsOrgUnits = v1 && capability.id !== 'orgUnits';
    if (needsOrgUnits && byId.get('orgUnits')?.status !== 'works') {
      byId.set(capability.id, {
        capability,
        status: 'notTested',
        message: 'Not tested: the Chrome Management API names org units by id, so reading it needs the org units scope too. Fix that first.',
      });
      continue;
    }
    byId.set(capability.id, await runCheck(capability, needsOrgUnits ? [capability.scope, ORGUNIT_READONLY_SCOPE] : [capability.scope]));
  }
  const results = capabilities.map((c) => byId.get(c.id)!);
  const anyMissing = results.some((r) => r.status === 'missing');
  const delegationUrl =
    account.kind === 'serviceAccount' && account.clientId && anyMissing
      ? delegationPageUrl(settings.adminConsoleUrl, account.clientId, neededScopes)
      : undefined;
  return { results, neededScopes, delegationUrl, perScope: account.kind === 'serviceAccount' };
}

function missingAdvice(account: AccessCheckAccount, scope: string): string {
  if (account.kind === 'serviceAccount') {
    return `Missing scope ${scope}. In the Admin console (Security > API controls > Domain-wide delegation) give client ID ${account.clientId ?? "(the key's client_id)"} every scope CBCM Explorer needs (Open Delegation Page fills them in).`;
  }
  return `Missing scope ${scope}. Sign in again and allow every permission on Google's consent page.`;
}

function backendFor(settings: AccessCheckSettings, tokenSource: AccessTokenSource, customerId: string): CbcmBackend & { dispose(): void } {
  // One try per check: a check should answer quickly and say what it saw.
  const common = { tokenSource, customerId, timeoutMs: settings.requestTimeoutMs, retry: { maxAttempts: 1 } };
  return settings.apiVersion === 'chromemanagement-v1'
    ? createChromeManagementBackend({ ...common, baseUrl: settings.chromeManagementBaseUrl, directoryBaseUrl: settings.apiBaseUrl })
    : createDirectoryBetaBackend({ ...common, baseUrl: settings.apiBaseUrl });
}

/** "3 of 4 work; missing: Org units: read" — the one-line summary of a report. */
export function summarize(report: AccessCheckReport): string {
  const tested = report.results.filter((r) => r.status !== 'notRequested' && r.status !== 'notTested');
  const works = tested.filter((r) => r.status === 'works').length;
  const missing = report.results.filter((r) => r.status === 'missing').map((r) => `${r.capability.label} (${r.capability.scope})`);
  const failed = report.results.filter((r) => r.status === 'failed').map((r) => r.capability.label);
  const notTested = report.results.filter((r) => r.status === 'notTested').map((r) => r.capability.label);
  const notRequested = report.results.filter((r) => r.status === 'notRequested').map((r) => r.capability.label);
  return (
    [
      `${works} of ${tested.length} work`,
      missing.length ? `missing: ${missing.join(', ')}` : undefined,
      failed.length ? `failed: ${failed.join(', ')}` : undefined,
      notTested.length ? `not tested: ${notTested.join(', ')}` : undefined,
      notRequested.length ? `not requested (read-only): ${notRequested.join(', ')}` : undefined,
    ]
      .filter(Boolean)
      .join('; ') + '.'
  );
}
