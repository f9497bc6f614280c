/**
 * Turns what the token endpoint (or the first API call) answered into an `AuthError` an admin can act on.
 * Messages are built only from our own words, e-mail addresses, client ids, scopes and the endpoint's error
 * *code*: never from request bodies, assertions, keys, tokens or client secrets. No vscode import.
 */
import { delegationPageUrl } from './scopes';

export type AuthErrorCode =
  | 'invalidKey'
  | 'invalidEmail'
  | 'invalidInput'
  | 'delegationNotGranted'
  | 'unknownAdmin'
  | 'clockSkew'
  | 'invalidGrant'
  | 'refreshTokenRevoked'
  | 'invalidClient'
  | 'invalidScope'
  | 'notAdmin'
  | 'apiNotEnabled'
  | 'accessDenied'
  | 'stateMismatch'
  | 'timeout'
  | 'cancelled'
  | 'network'
  | 'missingCredentials'
  | 'remoteUnsupported'
  | 'tokenEndpoint';

/** What the UI offers next to the message. */
export type AuthActionKind =
  | 'openDelegationPage'
  | 'retryWithAnotherEmail'
  | 'checkClock'
  | 'signInAgain'
  | 'checkClientCredentials'
  | 'chooseAnotherKey'
  | 'enableApi'
  | 'useServiceAccount'
  | 'retry'
  | 'none';

export interface AuthErrorDetails {
  /** Service-account unique id (client_id) or OAuth client id: public identifiers, safe to show. */
  readonly clientId?: string;
  readonly scopes?: readonly string[];
  /** Pre-filled Admin console domain-wide delegation page. */
  readonly delegationUrl?: string;
  /** The OAuth error code (`invalid_grant`, …) when the token endpoint sent one. */
  readonly oauthError?: string;
  readonly status?: number;
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly action: AuthActionKind = 'none',
    readonly details: AuthErrorDetails = {},
  ) {
    super(message);
  }
}

export interface TokenErrorContext {
  readonly flow: 'serviceAccount' | 'oauth';
  /** `signIn` = first exchange (authorization code or first JWT); `refresh` = later token renewals; `verify` = the proof call. */
  readonly stage: 'signIn' | 'refresh' | 'verify';
  readonly tokenUrl: string;
  readonly scopes: readonly string[];
  readonly adminConsoleUrl: string;
  /** Service-account client_id (unique id) or the OAuth client id. */
  readonly clientId?: string;
  /** The impersonated admin (service account) or the signed-in user, when known. */
  readonly subject?: string;
  /**
   * The token request's own time-out. Token sources never hand the caller's signal to the library (one token fetch
   * may serve several callers), so an abort seen here is that time-out firing.
   */
  readonly timeoutMs?: number;
}

interface ErrorFacts {
  status?: number;
  oauthError?: string;
  description: string;
  reason?: string;
  networkCode?: string;
  aborted: boolean;
  /** node-fetch stopped reading a body past its size limit. */
  tooLarge: boolean;
}

const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'insufficientScopes']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Only identifiers that look like OAuth/Google error codes are echoed back. */
function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z_.]{1,60}$/.test(value) ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** Reads status, OAuth error and Google API reason from a Gaxios error, an API-client error or a plain object. */
function factsOf(err: unknown): ErrorFacts {
  const e = asRecord(err) ?? {};
  const response = asRecord(e.response);
  const data = asRecord(response?.data) ?? asRecord(e.data) ?? asRecord(e.body);
  const statusCandidates = [response?.status, e.status, e.httpStatus, e.statusCode];
  const status = statusCandidates.find((s): s is number => typeof s === 'number');
  let oauthError = safeCode(data?.error);
  let reason = safeCode(e.reason);
  // Admin SDK shape: { error: { code, message, errors: [{ reason }] } }
  const apiError = asRecord(data?.error);
  if (apiError) {
    const first = Array.isArray(apiError.errors) ? asRecord(apiError.errors[0]) : undefined;
    reason = reason ?? safeCode(first?.reason) ?? safeCode(apiError.status);
    oauthError = undefined;
  }
  const description = [data?.error_description, apiError?.message, e.message].filter((s): s is string => typeof s === 'string').join(' ');
  const cause = asRecord(e.cause);
  const networkCode = [e.code, e.errno, cause?.code, e.reason].find((c): c is string => typeof c === 'string' && NETWORK_CODES.has(c));
  const abortLike = (r: Record<string, unknown> | undefined) =>
    r !== undefined && (r.name === 'AbortError' || r.code === 'ABORT_ERR' || r.name === 'TimeoutError');
  const aborted = abortLike(e) || abortLike(cause) || abortLike(asRecord(e.error));
  const tooLarge = [e, cause, asRecord(e.error)].some((r) => r?.type === 'max-size');
  return { status, oauthError, description, reason, networkCode, aborted, tooLarge };
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the token endpoint';
  }
}

/** Maps anything thrown while getting a token or proving access to an actionable `AuthError`. */
export function mapTokenError(err: unknown, ctx: TokenErrorContext): AuthError {
  if (err instanceof AuthError) return err;
  // The API client wraps token-source failures (ApiError kind 'auth') and keeps ours as the cause.
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined;
  if (cause instanceof AuthError) return cause;
  const f = factsOf(err);
  const who = ctx.subject ?? 'the admin account';
  const scopeList = ctx.scopes.join(', ');
  const details: AuthErrorDetails = { clientId: ctx.clientId, scopes: ctx.scopes, oauthError: f.oauthError, status: f.status };

  if (f.aborted && ctx.timeoutMs !== undefined && ctx.stage !== 'verify') {
    return new AuthError(
      'timeout',
      `${host(ctx.tokenUrl)} did not answer within ${Math.max(1, Math.round(ctx.timeoutMs / 1000))} s. Check the network or proxy, and the setting "cbcm.oauthTokenUrl", then try again.`,
      'retry',
      details,
    );
  }
  if (f.aborted) return new AuthError('cancelled', 'Sign-in was cancelled or timed out.', 'retry', details);
  if (f.tooLarge) {
    return new AuthError(
      'tokenEndpoint',
      `${host(ctx.tokenUrl)} sent an answer far larger than any token, so it was not read. Check the setting "cbcm.oauthTokenUrl" and any proxy.`,
      'none',
      details,
    );
  }
  if (f.status !== undefined && f.status >= 300 && f.status < 400) {
    return new AuthError(
      'tokenEndpoint',
      ctx.stage === 'verify'
        ? `The Admin SDK answered with a redirect (HTTP ${f.status}), which CBCM Explorer does not follow so that the access token is never sent elsewhere. Check the setting "cbcm.apiBaseUrl" and any proxy.`
        : `${host(ctx.tokenUrl)} answered with a redirect (HTTP ${f.status}), which CBCM Explorer does not follow so that keys and tokens are only ever sent to the configured endpoint. Check the setting "cbcm.oauthTokenUrl" and any proxy.`,
      'none',
      details,
    );
  }
  if (f.networkCode && f.status === undefined) {
    return new AuthError(
      'network',
      ctx.stage === 'verify'
        ? `Could not reach the Admin SDK (${f.networkCode}). Check the network or proxy, and the setting "cbcm.apiBaseUrl".`
        : `Could not reach ${host(ctx.tokenUrl)} (${f.networkCode}). Check the network or proxy, and the setting "cbcm.oauthTokenUrl".`,
      'retry',
      details,
    );
  }

  switch (f.oauthError) {
    case 'unauthorized_client':
      if (ctx.flow === 'serviceAccount') {
        const delegationUrl = ctx.clientId ? delegationPageUrl(ctx.adminConsoleUrl, ctx.clientId, ctx.scopes) : undefined;
        return new AuthError(
          'delegationNotGranted',
          `Domain-wide delegation is not granted to this service account. In the Admin console (Security > API controls > Domain-wide delegation) add client ID ${ctx.clientId ?? "(the key's client_id)"} with exactly these scopes: ${scopeList}.`,
          'openDelegationPage',
          { ...details, delegationUrl },
        );
      }
      return new AuthError(
        'invalidClient',
        `The OAuth client ${ctx.clientId ?? ''} may not use this sign-in method. Create an OAuth client of type "Desktop app" in the Google Cloud console and use its ID and secret.`,
        'checkClientCredentials',
        details,
      );
    case 'invalid_grant':
      return mapInvalidGrant(f, ctx, details, who);
    case 'invalid_client':
      return ctx.flow === 'serviceAccount'
        ? new AuthError(
            'invalidClient',
            'Google does not accept this service-account key (it was deleted, disabled or belongs to a deleted service account). Create a new key in the Google Cloud console and sign in with it.',
            'chooseAnotherKey',
            details,
          )
        : new AuthError(
            'invalidClient',
            `The OAuth client ID ${ctx.clientId ?? ''} or its secret is wrong. Copy both again from the Google Cloud console (APIs & Services > Credentials).`,
            'checkClientCredentials',
            details,
          );
    case 'invalid_scope':
      return new AuthError('invalidScope', `The token endpoint rejected the requested scopes: ${scopeList}.`, 'none', details);
    case 'access_denied':
      return new AuthError('accessDenied', 'Access was not granted on the consent page. Sign in again and choose Allow.', 'signInAgain', details);
    default:
      break;
  }

  if (f.status === 403 && (SCOPE_REASONS.has(f.reason ?? '') || /insufficient.*scope/i.test(f.description))) {
    const delegationUrl =
      ctx.flow === 'serviceAccount' && ctx.clientId ? delegationPageUrl(ctx.adminConsoleUrl, ctx.clientId, ctx.scopes) : undefined;
    return new AuthError(
      'delegationNotGranted',
      ctx.flow === 'serviceAccount'
        ? `The access token lacks a needed scope. In the Admin console (Security > API controls > Domain-wide delegation) give client ID ${ctx.clientId ?? "(the key's client_id)"} exactly these scopes: ${scopeList}.`
        : `The access token lacks a needed scope. Sign in again and allow every requested permission (${scopeList}).`,
      ctx.flow === 'serviceAccount' ? 'openDelegationPage' : 'signInAgain',
      { ...details, delegationUrl },
    );
  }
  if (f.status === 403) {
    if (f.reason === 'accessNotConfigured' || /has not been used in project|is disabled/i.test(f.description)) {
      return new AuthError(
        'apiNotEnabled',
        'The Admin SDK API is not enabled in the Google Cloud project of these credentials. Enable it in the Google Cloud console (APIs & Services > Library > Admin SDK API), then sign in again.',
        'enableApi',
        details,
      );
    }
    return new AuthError(
      'notAdmin',
      `${who} is not allowed to manage Chrome browsers (403). Use a super admin, or an admin whose role includes Chrome browser management${ctx.flow === 'serviceAccount' ? ' as the account to impersonate' : ''}.`,
      ctx.flow === 'serviceAccount' ? 'retryWithAnotherEmail' : 'signInAgain',
      details,
    );
  }
  if (f.status === 401 && ctx.stage === 'verify') {
    return new AuthError(
      'delegationNotGranted',
      `The Admin SDK refused the new access token (401). Check that the credentials grant these scopes: ${scopeList}.`,
      ctx.flow === 'serviceAccount' ? 'openDelegationPage' : 'signInAgain',
      {
        ...details,
        delegationUrl: ctx.flow === 'serviceAccount' && ctx.clientId ? delegationPageUrl(ctx.adminConsoleUrl, ctx.clientId, ctx.scopes) : undefined,
      },
    );
  }
  const code = f.oauthError ?? f.reason;
  const where = ctx.stage === 'verify' ? 'The Admin SDK' : 'The token endpoint';
  if (f.status !== undefined && (f.status >= 500 || f.status === 429)) {
    return new AuthError(
      'tokenEndpoint',
      `${where} is temporarily unavailable or busy (HTTP ${f.status}${code ? `, ${code}` : ''}). Try again in a minute.`,
      'retry',
      details,
    );
  }
  return new AuthError(
    'tokenEndpoint',
    `${where} refused the request${f.status ? ` (HTTP ${f.status}${code ? `, ${code}` : ''})` : code ? ` (${code})` : ''}. Try again; if it keeps failing, sign in again.`,
    'retry',
    details,
  );
}

function mapInvalidGrant(f: ErrorFacts, ctx: TokenErrorContext, details: AuthErrorDetails, who: string): AuthError {
  if (ctx.flow === 'oauth') {
    return ctx.stage === 'refresh'
      ? new AuthError('refreshTokenRevoked', 'Your Google sign-in has expired or was revoked (invalid_grant). Sign in again.', 'signInAgain', details)
      : new AuthError(
          'invalidGrant',
          'The authorization code was rejected (expired, already used, or the PKCE check failed). Sign in again.',
          'signInAgain',
          details,
        );
  }
  if (/time|iat|exp\b|clock|short-lived/i.test(f.description)) {
    return new AuthError(
      'clockSkew',
      "The token endpoint rejected the signed request as outside its valid time window (invalid_grant). Check that this computer's clock and time zone are correct, then try again.",
      'checkClock',
      details,
    );
  }
  return new AuthError(
    'unknownAdmin',
    `The token endpoint refused to impersonate ${who} (invalid_grant). Check that the address is an existing admin account of your Google Workspace or Cloud Identity domain, and that this computer's clock is correct.`,
    'retryWithAnotherEmail',
    details,
  );
}
