// The state every handler works on, and the request/reply shapes of the tiny router.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { AccessTokens } from './auth';
import type { FaultInjector } from './faults';
import type { Fleet } from './fleet';
import type { PageTokens } from './pageTokens';
import type { OAuthState } from './oauthState';

/** The parsed JSON key file of the emulator's service account (same fields as Google's). */
export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

export type OrgUnitScope = 'exact' | 'subtree';

/** Whether a browser in `browserPath` belongs to a listing of `listedPath` under the scope in force. */
export function inListedOrgUnit(scope: OrgUnitScope, browserPath: string, listedPath: string): boolean {
  if (browserPath === listedPath) return true;
  if (scope === 'exact') return false;
  return listedPath === '/' || browserPath.toLowerCase().startsWith(`${listedPath.toLowerCase()}/`);
}

/**
 * What a plain value (no `*`) after `:` or `=` matches on a v1 string field. The v1 reference lists both operators
 * for strings, documents `prefix*`, `*suffix`, `*substring*` and `*` on three fields, and says nothing else:
 * 'word': whole words, ignoring case, as v1.1beta1 did (the default); 'exact': the whole value, ignoring case
 * (AIP-160's `=`; the wildcard forms suggest a plain value is not a partial match); 'prefix': the value starts with
 * it (a search-index reading); 'substring': the value contains it (AIP-160 reads `:` as "has"). Identifiers
 * (browser_permanent_id, virtual_device_id) compare whole values under every reading.
 */
export type ColonMatch = 'word' | 'exact' | 'prefix' | 'substring';
export const COLON_MATCHES: readonly ColonMatch[] = ['word', 'exact', 'prefix', 'substring'];

export interface EmulatorContext {
  /** Replaced by reset(). */
  fleet: Fleet;
  readonly clock: () => number;
  readonly accessTokens: AccessTokens;
  readonly pageTokens: PageTokens;
  readonly faults: FaultInjector;
  readonly oauth: OAuthState;
  /** Set once the port is known (its token_uri names the emulator). */
  serviceAccountKey: ServiceAccountKey;
  readonly serviceAccountPublicKey: KeyObject;
  readonly customerId: string;
  /** Scopes domain-wide delegation grants the service account's client_id. */
  delegatedScopes: string[];
  /**
   * What a listing's org unit filter holds. Google's reference does not say whether `orgUnitPath` (v1.1beta1) or
   * `org_unit_path=` (v1) includes sub-units: 'exact' lists the org unit's own browsers (like the Admin console),
   * 'subtree' the org unit and everything below it. The client must be right under both.
   */
  orgUnitScope: OrgUnitScope;
  /** What a plain v1 string value matches; see ColonMatch. The client must not miss under any of them. */
  colonMatch: ColonMatch;
  url: string;
  tokenUrl: string;
}

export interface EmuRequest {
  readonly method: string;
  /** Raw pathname (still percent-encoded). */
  readonly pathname: string;
  readonly query: URLSearchParams;
  /** Decoded path parameters of the matched route. */
  readonly params: string[];
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly raw: IncomingMessage;
}

export interface Reply {
  status?: number;
  json?: unknown;
  /** Send a 200 with no body at all. */
  empty?: boolean;
  html?: string;
  redirect?: string;
  headers?: Record<string, string>;
}

export type Handler = (ctx: EmulatorContext, req: EmuRequest) => Reply | Promise<Reply>;
