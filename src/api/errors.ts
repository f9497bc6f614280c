// The one error type the API layer throws. Its `message` is a sentence an administrator can act on;
// Google's own text is kept apart in `googleMessage` so the UI can show both without parsing.

export type ApiErrorKind =
  'auth' | 'permission' | 'notFound' | 'rateLimit' | 'invalid' | 'network' | 'timeout' | 'cancelled' | 'server' | 'pageTokenExpired';

export type ApiOperation =
  | 'browsers.list'
  | 'browsers.get'
  | 'browsers.update'
  | 'browsers.delete'
  | 'browsers.move'
  | 'tokens.list'
  | 'tokens.create'
  | 'tokens.revoke'
  | 'orgUnits.list'
  | 'users.get';

/**
 * Whether the request reached Google: 'no' means it certainly did not act on it (safe to resend even when not
 * idempotent), 'maybe' means the connection failed after sending, 'yes' means Google answered.
 */
export type RequestDelivery = 'no' | 'maybe' | 'yes';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  operation: ApiOperation;
  message: string;
  status?: number;
  reason?: string;
  googleMessage?: string;
  delivery?: RequestDelivery;
  retryAfterMs?: number;
  attempts?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly operation: ApiOperation;
  /** HTTP status; undefined when no response came back (network, timeout, cancelled, rejected input). */
  readonly status?: number;
  /** Google's `errors[0].reason` (e.g. `insufficientPermissions`), or the network error code. */
  readonly reason?: string;
  /** Google's original message, with anything secret-looking elided. */
  readonly googleMessage?: string;
  readonly delivery: RequestDelivery;
  /** Wait Google asked for (Retry-After), when it asked. */
  readonly retryAfterMs?: number;
  /** How many HTTP attempts were made before giving up (0 = rejected before any request). */
  attempts: number;

  constructor(init: ApiErrorInit) {
    super(init.message);
    // Cancellation looks like a DOM AbortError so generic `err.name === 'AbortError'` checks work.
    this.name = init.kind === 'cancelled' ? 'AbortError' : 'ApiError';
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.reason = init.reason;
    this.googleMessage = init.googleMessage;
    this.delivery = init.delivery ?? (init.status !== undefined ? 'yes' : 'no');
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 0;
    if (init.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: init.cause, enumerable: false });
    }
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** True for a cancellation by the caller (ours or a plain DOM/node-fetch AbortError). */
export function isAbortError(e: unknown): boolean {
  return (e instanceof ApiError && e.kind === 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}

const OPERATION_TEXT: Record<ApiOperation, string> = {
  'browsers.list': 'list Chrome browsers',
  'browsers.get': 'read the Chrome browser',
  'browsers.update': 'update the browser annotations',
  'browsers.delete': 'delete the Chrome browser',
  'browsers.move': 'move Chrome browsers to another org unit',
  'tokens.list': 'list enrollment tokens',
  'tokens.create': 'create an enrollment token',
  'tokens.revoke': 'revoke the enrollment token',
  'orgUnits.list': 'list org units',
  'users.get': 'read a user',
};

export function describeOperation(op: ApiOperation): string {
  return OPERATION_TEXT[op];
}

const SCOPE_BASE = 'https://www.googleapis.com/auth/';
const BROWSERS_SCOPE = `${SCOPE_BASE}admin.directory.device.chromebrowsers`;
const ORGUNIT_SCOPE = `${SCOPE_BASE}admin.directory.orgunit.readonly`;
const USERS_READONLY_SCOPE = `${SCOPE_BASE}admin.directory.user.readonly`;
const DWD_HINT =
  'Grant it to the client under Admin console › Security › API controls › Domain-wide delegation ' +
  '(or sign in again and accept it when using your own Google account).';

/** The scope sentence for an operation: reads accept the read-only scope, writes need the full one. */
export function requiredScopeText(op: ApiOperation): string {
  switch (op) {
    case 'orgUnits.list':
      return `${ORGUNIT_SCOPE} (or ${SCOPE_BASE}admin.directory.orgunit)`;
    case 'users.get':
      return `${USERS_READONLY_SCOPE} (or ${SCOPE_BASE}admin.directory.user)`;
    case 'browsers.list':
    case 'browsers.get':
    case 'tokens.list':
      return `${BROWSERS_SCOPE}.readonly (read-only) or ${BROWSERS_SCOPE} (full)`;
    default:
      return `${BROWSERS_SCOPE} (full; the read-only scope cannot change anything)`;
  }
}

const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', 'insufficientScopes']);
export const RATE_LIMIT_REASONS = new Set([
  'userRateLimitExceeded',
  'rateLimitExceeded',
  'quotaExceeded',
  'RATE_LIMIT_EXCEEDED',
  'RESOURCE_EXHAUSTED',
]);

/** What the failing request was about, so messages can name the thing. */
export interface ErrorSubject {
  operation: ApiOperation;
  /** deviceId, tokenPermanentId or org unit path the request targeted. */
  target?: string;
  /** The request carried a pageToken (a 400 about it means the token expired). */
  hadPageToken?: boolean;
}

const PAGE_TOKEN_TEXT = /page[\s_-]?token/i;
const PAGE_TOKEN_REASONS = new Set(['invalidPageToken', 'pageTokenExpired', 'expiredPageToken']);

/** Google answers an expired page token with a 400 (sometimes 410) whose message names the page token. */
export function isPageTokenRejection(status: number, reason: string | undefined, msg: string | undefined): boolean {
  if (status !== 400 && status !== 410) return false;
  if (reason && PAGE_TOKEN_REASONS.has(reason)) return true;
  return msg !== undefined && PAGE_TOKEN_TEXT.test(msg);
}

/** Builds the ApiError for an HTTP error response. */
export function errorFromResponse(
  subject: ErrorSubject,
  status: number,
  reason: string | undefined,
  googleMessage: string | undefined,
  retryAfterMs: number | undefined,
): ApiError {
  const op = subject.operation;
  const said = googleMessage ? ` Google said: "${googleMessage}"` : '';
  const base = { operation: op, status, reason, googleMessage, retryAfterMs };
  const what = describeOperation(op);

  if (subject.hadPageToken && isPageTokenRejection(status, reason, googleMessage)) {
    return new ApiError({
      ...base,
      kind: 'pageTokenExpired',
      message:
        `The listing's page token expired (page tokens live one hour). Refresh the list; for very large ` +
        `fleets, narrow it with an org unit or a query.${said}`,
    });
  }
  if (status === 401) {
    return new ApiError({
      ...base,
      kind: 'auth',
      message:
        `Google rejected the credentials while trying to ${what} (HTTP 401). Sign in again; with a service ` +
        `account, check that its key is still valid and not deleted.${said}`,
    });
  }
  if (status === 429 || (status === 403 && reason !== undefined && RATE_LIMIT_REASONS.has(reason))) {
    const wait = retryAfterMs ? ` Google asked to wait ${Math.ceil(retryAfterMs / 1000)} s.` : '';
    return new ApiError({
      ...base,
      kind: 'rateLimit',
      message:
        `Google's API quota is used up (about 2,400 requests per minute per user), so the request to ${what} ` +
        `was refused.${wait} Wait a minute and try again, or run fewer operations at once.${said}`,
    });
  }
  if (status === 403) {
    if (reason === 'accessNotConfigured' || reason === 'SERVICE_DISABLED') {
      return new ApiError({
        ...base,
        kind: 'permission',
        message:
          `The Admin SDK API is not enabled for the Google Cloud project of these credentials, so Google refused to ` +
          `${what}. Enable "Admin SDK API" in the Google Cloud console (APIs & Services › Library), wait a few minutes, ` +
          `and try again.${said}`,
      });
    }
    if ((reason && SCOPE_REASONS.has(reason)) || /scope/i.test(googleMessage ?? '')) {
      return new ApiError({
        ...base,
        kind: 'permission',
        message: `The access token lacks the OAuth scope needed to ${what}: ${requiredScopeText(op)}. ${DWD_HINT}${said}`,
      });
    }
    return new ApiError({
      ...base,
      kind: 'permission',
      message:
        `Not allowed to ${what}. The signed-in or impersonated user must be an administrator whose role ` +
        `includes Chrome management privileges (Admin console › Account › Admin roles), and the customer ID ` +
        `setting must be that admin's account (or my_customer).${said}`,
    });
  }
  if (status === 404) {
    return new ApiError({ ...base, kind: 'notFound', message: notFoundText(subject) + said });
  }
  if (status === 400 || status === 409 || status === 412 || status === 422) {
    return new ApiError({
      ...base,
      kind: 'invalid',
      message: `Google rejected the request to ${what}: ${googleMessage ?? `HTTP ${status}`}. Correct it and try again.`,
    });
  }
  if (status >= 500) {
    return new ApiError({
      ...base,
      kind: 'server',
      message: `Google's API failed with HTTP ${status} while trying to ${what}. Try again in a few minutes.${said}`,
    });
  }
  return new ApiError({
    ...base,
    kind: 'invalid',
    message: `Unexpected HTTP ${status} while trying to ${what}.${said}`,
  });
}

function notFoundText(subject: ErrorSubject): string {
  const t = subject.target ? ` ${subject.target}` : '';
  switch (subject.operation) {
    case 'browsers.get':
    case 'browsers.update':
    case 'browsers.delete':
      return `The browser${t} no longer exists (it may have been deleted). Refresh the browser list.`;
    case 'tokens.revoke':
      return `The enrollment token${t} no longer exists. Refresh the token list.`;
    case 'browsers.move':
      return `The org unit${t} or one of the browsers was not found. Refresh the org units and the browser list.`;
    case 'orgUnits.list':
      return 'The customer was not found. Check the customer ID setting (use my_customer for your own account).';
    default:
      return `Nothing was found for the request to ${describeOperation(subject.operation)}${t}. Check the org unit and refresh.`;
  }
}

/** Transport-level failure (no HTTP response). */
export function networkError(op: ApiOperation, code: string | undefined, host: string, delivery: RequestDelivery): ApiError {
  // No `cause`: node-fetch's error text contains the full URL, whose query may hold an enrollment-token term.
  return new ApiError({
    kind: 'network',
    operation: op,
    reason: code,
    delivery,
    message:
      `Could not reach ${host} to ${describeOperation(op)}${code ? ` (${code})` : ''}. ` +
      'Check your network connection and proxy settings (VS Code setting http.proxy).',
  });
}

export function timeoutError(op: ApiOperation, timeoutMs: number): ApiError {
  return new ApiError({
    kind: 'timeout',
    operation: op,
    delivery: 'maybe',
    message:
      `Google did not answer within ${Math.round(timeoutMs / 1000)} s while trying to ${describeOperation(op)}. ` +
      'Check your connection or proxy and try again.',
  });
}

/** The per-attempt time-out ran out while the access token was still being fetched: the request was never sent. */
export function tokenTimeoutError(op: ApiOperation, timeoutMs: number): ApiError {
  return new ApiError({
    kind: 'timeout',
    operation: op,
    reason: 'tokenTimeout',
    delivery: 'no',
    message:
      `The sign-in token endpoint did not answer within ${Math.round(timeoutMs / 1000)} s, so the request to ` +
      `${describeOperation(op)} was not sent. Check your connection or proxy (and the setting "cbcm.oauthTokenUrl"), then try again.`,
  });
}

/**
 * The server answered with a 3xx. Redirects are never followed: the request carries the admin's bearer token, and a
 * redirect to another host or port would hand it over. Retrying would only get the same answer.
 */
export function redirectError(op: ApiOperation, status: number, to: string | undefined, host: string): ApiError {
  return new ApiError({
    kind: 'server',
    operation: op,
    status,
    reason: 'redirect',
    message:
      `The request to ${describeOperation(op)} was answered with a redirect (HTTP ${status}${to ? ` to ${to}` : ''}), which ` +
      `CBCM Explorer does not follow, so your access token is only ever sent to ${host}. Check the setting ` +
      '"cbcm.apiBaseUrl" and any proxy between VS Code and Google.',
  });
}

export function responseTooLargeError(op: ApiOperation, limitBytes: number): ApiError {
  return new ApiError({
    kind: 'server',
    operation: op,
    reason: 'responseTooLarge',
    delivery: 'yes',
    message:
      `The answer to the request to ${describeOperation(op)} was larger than ${Math.round(limitBytes / 1048576)} MiB, so ` +
      "reading it was stopped (the limit keeps a broken server or proxy from filling VS Code's memory). Lower the " +
      'setting "cbcm.pageSize" or narrow the listing; if it keeps happening, check for a proxy rewriting responses.',
  });
}

export function cancelledError(op: ApiOperation): ApiError {
  return new ApiError({ kind: 'cancelled', operation: op, message: `Cancelled: ${describeOperation(op)}.` });
}

/** Rejected before any request was sent. */
export function inputError(op: ApiOperation, message: string): ApiError {
  return new ApiError({ kind: 'invalid', operation: op, message, delivery: 'no' });
}

const SECRET_PATTERNS: [RegExp, string][] = [
  [/(enrollment_token\s*:\s*)("[^"]*"|\S+)/gi, '$1…'],
  [/(Bearer\s+)\S+/gi, '$1…'],
  [/\bya29\.[\w.-]+/g, '…'],
];

/** Elides values that must never reach a log or a message (enrollment-token terms of a query, bearer tokens). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [re, rep] of SECRET_PATTERNS) out = out.replace(re, rep);
  return out;
}
