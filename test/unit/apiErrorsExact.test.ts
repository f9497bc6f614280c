// Issue 19: the exact ApiError for each HTTP answer (kind and the sentence an administrator reads), the transport
// errors, page-token rejection and secret redaction (src/api/errors.ts). Classes follow the Directory API's error
// model: 401 credentials, 429 or a 403 with a rate-limit reason is quota, other 403s are permission (API disabled,
// missing scope, missing admin role), 404 names the missing thing, 400/409/412/422 are the request's fault, 5xx
// the server's; a 400/410 naming the page token on a paged request means the token expired.
import * as assert from 'assert';
import {
  ApiError,
  cancelledError,
  describeOperation,
  errorFromResponse,
  inputError,
  isAbortError,
  isApiError,
  isPageTokenRejection,
  networkError,
  redactSecrets,
  redirectError,
  requiredScopeText,
  responseTooLargeError,
  timeoutError,
  tokenTimeoutError,
  type ErrorSubject,
} from '../../src/api/errors';

const ROWS: [ErrorSubject, number, string | undefined, string | undefined, number | undefined, ApiError['kind'], string][] = [
  [
    { operation: 'browsers.list', hadPageToken: true },
    400,
    undefined,
    'Invalid page token',
    undefined,
    'pageTokenExpired',
    'The listing\'s page token expired (page tokens live one hour). Refresh the list; for very large fleets, narrow it with an org unit or a query. Google said: "Invalid page token"',
  ],
  [
    { operation: 'browsers.list', hadPageToken: true },
    410,
    'invalidPageToken',
    undefined,
    undefined,
    'pageTokenExpired',
    "The listing's page token expired (page tokens live one hour). Refresh the list; for very large fleets, narrow it with an org unit or a query.",
  ],
  [
    { operation: 'browsers.list', hadPageToken: true },
    400,
    'pageTokenExpired',
    'bad',
    undefined,
    'pageTokenExpired',
    'The listing\'s page token expired (page tokens live one hour). Refresh the list; for very large fleets, narrow it with an org unit or a query. Google said: "bad"',
  ],
  [
    { operation: 'browsers.list', hadPageToken: true },
    400,
    undefined,
    'Invalid query',
    undefined,
    'invalid',
    'Google rejected the request to list Chrome browsers: Invalid query. Correct it and try again.',
  ],
  [
    { operation: 'browsers.list', hadPageToken: false },
    400,
    undefined,
    'Invalid page_token',
    undefined,
    'invalid',
    'Google rejected the request to list Chrome browsers: Invalid page_token. Correct it and try again.',
  ],
  [
    { operation: 'tokens.list', hadPageToken: true },
    404,
    undefined,
    'page-token gone',
    undefined,
    'notFound',
    'Nothing was found for the request to list enrollment tokens. Check the org unit and refresh. Google said: "page-token gone"',
  ],
  [
    { operation: 'browsers.get' },
    401,
    undefined,
    undefined,
    undefined,
    'auth',
    'Google rejected the credentials while trying to read the Chrome browser (HTTP 401). Sign in again; with a service account, check that its key is still valid and not deleted.',
  ],
  [
    { operation: 'tokens.create' },
    401,
    'authError',
    'Invalid Credentials',
    undefined,
    'auth',
    'Google rejected the credentials while trying to create an enrollment token (HTTP 401). Sign in again; with a service account, check that its key is still valid and not deleted. Google said: "Invalid Credentials"',
  ],
  [
    { operation: 'browsers.list' },
    429,
    'rateLimitExceeded',
    'Quota exceeded',
    1500,
    'rateLimit',
    'Google\'s API quota is used up (about 2,400 requests per minute per user), so the request to list Chrome browsers was refused. Google asked to wait 2 s. Wait a minute and try again, or run fewer operations at once. Google said: "Quota exceeded"',
  ],
  [
    { operation: 'browsers.list' },
    429,
    undefined,
    undefined,
    undefined,
    'rateLimit',
    "Google's API quota is used up (about 2,400 requests per minute per user), so the request to list Chrome browsers was refused. Wait a minute and try again, or run fewer operations at once.",
  ],
  [
    { operation: 'browsers.move' },
    403,
    'userRateLimitExceeded',
    undefined,
    2000,
    'rateLimit',
    "Google's API quota is used up (about 2,400 requests per minute per user), so the request to move Chrome browsers to another org unit was refused. Google asked to wait 2 s. Wait a minute and try again, or run fewer operations at once.",
  ],
  [
    { operation: 'browsers.move' },
    403,
    'RESOURCE_EXHAUSTED',
    undefined,
    undefined,
    'rateLimit',
    "Google's API quota is used up (about 2,400 requests per minute per user), so the request to move Chrome browsers to another org unit was refused. Wait a minute and try again, or run fewer operations at once.",
  ],
  [
    { operation: 'orgUnits.list' },
    403,
    'accessNotConfigured',
    'Admin SDK API has not been used',
    undefined,
    'permission',
    'The Admin SDK API is not enabled for the Google Cloud project of these credentials, so Google refused to list org units. Enable "Admin SDK API" in the Google Cloud console (APIs & Services › Library), wait a few minutes, and try again. Google said: "Admin SDK API has not been used"',
  ],
  [
    { operation: 'orgUnits.list' },
    403,
    'SERVICE_DISABLED',
    undefined,
    undefined,
    'permission',
    'The Admin SDK API is not enabled for the Google Cloud project of these credentials, so Google refused to list org units. Enable "Admin SDK API" in the Google Cloud console (APIs & Services › Library), wait a few minutes, and try again.',
  ],
  [
    { operation: 'orgUnits.list' },
    403,
    'insufficientPermissions',
    undefined,
    undefined,
    'permission',
    'The access token lacks the OAuth scope needed to list org units: https://www.googleapis.com/auth/admin.directory.orgunit.readonly (or https://www.googleapis.com/auth/admin.directory.orgunit). Grant it to the client under Admin console › Security › API controls › Domain-wide delegation (or sign in again and accept it when using your own Google account).',
  ],
  [
    { operation: 'browsers.list' },
    403,
    'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
    undefined,
    undefined,
    'permission',
    'The access token lacks the OAuth scope needed to list Chrome browsers: https://www.googleapis.com/auth/admin.directory.device.chromebrowsers.readonly (read-only) or https://www.googleapis.com/auth/admin.directory.device.chromebrowsers (full). Grant it to the client under Admin console › Security › API controls › Domain-wide delegation (or sign in again and accept it when using your own Google account).',
  ],
  [
    { operation: 'tokens.list' },
    403,
    'insufficientScopes',
    undefined,
    undefined,
    'permission',
    'The access token lacks the OAuth scope needed to list enrollment tokens: https://www.googleapis.com/auth/admin.directory.device.chromebrowsers.readonly (read-only) or https://www.googleapis.com/auth/admin.directory.device.chromebrowsers (full). Grant it to the client under Admin console › Security › API controls › Domain-wide delegation (or sign in again and accept it when using your own Google account).',
  ],
  [
    { operation: 'browsers.get' },
    403,
    undefined,
    'Request had insufficient authentication scopes.',
    undefined,
    'permission',
    'The access token lacks the OAuth scope needed to read the Chrome browser: https://www.googleapis.com/auth/admin.directory.device.chromebrowsers.readonly (read-only) or https://www.googleapis.com/auth/admin.directory.device.chromebrowsers (full). Grant it to the client under Admin console › Security › API controls › Domain-wide delegation (or sign in again and accept it when using your own Google account). Google said: "Request had insufficient authentication scopes."',
  ],
  [
    { operation: 'browsers.update' },
    403,
    'forbidden',
    undefined,
    undefined,
    'permission',
    "Not allowed to update the browser annotations. The signed-in or impersonated user must be an administrator whose role includes Chrome management privileges (Admin console › Account › Admin roles), and the customer ID setting must be that admin's account (or my_customer).",
  ],
  [
    { operation: 'tokens.revoke' },
    403,
    undefined,
    'Not Authorized to access this resource/api',
    undefined,
    'permission',
    'Not allowed to revoke the enrollment token. The signed-in or impersonated user must be an administrator whose role includes Chrome management privileges (Admin console › Account › Admin roles), and the customer ID setting must be that admin\'s account (or my_customer). Google said: "Not Authorized to access this resource/api"',
  ],
  [
    { operation: 'browsers.delete' },
    403,
    'SCOPE_x',
    undefined,
    undefined,
    'permission',
    "Not allowed to delete the Chrome browser. The signed-in or impersonated user must be an administrator whose role includes Chrome management privileges (Admin console › Account › Admin roles), and the customer ID setting must be that admin's account (or my_customer).",
  ],
  [
    { operation: 'browsers.get', target: 'dev-1' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'The browser dev-1 no longer exists (it may have been deleted). Refresh the browser list.',
  ],
  [
    { operation: 'browsers.update', target: 'dev-1' },
    404,
    'notFound',
    'Resource Not Found',
    undefined,
    'notFound',
    'The browser dev-1 no longer exists (it may have been deleted). Refresh the browser list. Google said: "Resource Not Found"',
  ],
  [
    { operation: 'browsers.delete' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'The browser no longer exists (it may have been deleted). Refresh the browser list.',
  ],
  [
    { operation: 'tokens.revoke', target: 'tok-1' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'The enrollment token tok-1 no longer exists. Refresh the token list.',
  ],
  [
    { operation: 'browsers.move', target: '/Sales' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'The org unit /Sales or one of the browsers was not found. Refresh the org units and the browser list.',
  ],
  [
    { operation: 'orgUnits.list' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'The customer was not found. Check the customer ID setting (use my_customer for your own account).',
  ],
  [
    { operation: 'browsers.list', target: '/Sales' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'Nothing was found for the request to list Chrome browsers /Sales. Check the org unit and refresh.',
  ],
  [
    { operation: 'tokens.list' },
    404,
    undefined,
    undefined,
    undefined,
    'notFound',
    'Nothing was found for the request to list enrollment tokens. Check the org unit and refresh.',
  ],
  [
    { operation: 'tokens.create' },
    400,
    'invalid',
    'Invalid org unit',
    undefined,
    'invalid',
    'Google rejected the request to create an enrollment token: Invalid org unit. Correct it and try again.',
  ],
  [
    { operation: 'tokens.create' },
    409,
    undefined,
    undefined,
    undefined,
    'invalid',
    'Google rejected the request to create an enrollment token: HTTP 409. Correct it and try again.',
  ],
  [
    { operation: 'browsers.update' },
    412,
    undefined,
    'Precondition',
    undefined,
    'invalid',
    'Google rejected the request to update the browser annotations: Precondition. Correct it and try again.',
  ],
  [
    { operation: 'browsers.update' },
    422,
    undefined,
    undefined,
    undefined,
    'invalid',
    'Google rejected the request to update the browser annotations: HTTP 422. Correct it and try again.',
  ],
  [
    { operation: 'browsers.list' },
    500,
    'backendError',
    'Backend Error',
    undefined,
    'server',
    'Google\'s API failed with HTTP 500 while trying to list Chrome browsers. Try again in a few minutes. Google said: "Backend Error"',
  ],
  [
    { operation: 'browsers.list' },
    503,
    undefined,
    undefined,
    3000,
    'server',
    "Google's API failed with HTTP 503 while trying to list Chrome browsers. Try again in a few minutes.",
  ],
  [
    { operation: 'browsers.list' },
    599,
    undefined,
    undefined,
    undefined,
    'server',
    "Google's API failed with HTTP 599 while trying to list Chrome browsers. Try again in a few minutes.",
  ],
  [
    { operation: 'browsers.list' },
    418,
    undefined,
    "I'm a teapot",
    undefined,
    'invalid',
    'Unexpected HTTP 418 while trying to list Chrome browsers. Google said: "I\'m a teapot"',
  ],
  [{ operation: 'browsers.list' }, 499, undefined, undefined, undefined, 'invalid', 'Unexpected HTTP 499 while trying to list Chrome browsers.'],
];

describe('API errors: exact kind and message per HTTP answer', () => {
  for (const [subject, status, reason, googleMessage, retryAfterMs, kind, message] of ROWS) {
    it(`${subject.operation} ${status} ${reason ?? ''} ${googleMessage ?? ''}${subject.hadPageToken ? ' (paged)' : ''}`, () => {
      const e = errorFromResponse(subject, status, reason, googleMessage, retryAfterMs);
      assert.ok(isApiError(e));
      assert.deepStrictEqual(
        {
          kind: e.kind,
          message: e.message,
          name: e.name,
          operation: e.operation,
          status: e.status,
          reason: e.reason,
          googleMessage: e.googleMessage,
        },
        { kind, message, name: 'ApiError', operation: subject.operation, status, reason, googleMessage },
      );
      assert.strictEqual(e.delivery, 'yes', 'Google answered');
      assert.strictEqual(e.retryAfterMs, retryAfterMs);
      assert.strictEqual(e.attempts, 0);
    });
  }
});

describe('API errors: page tokens, transport errors, redaction', () => {
  it('isPageTokenRejection: 400 or 410, by reason or by the words "page token"', () => {
    const CASES: [number, string | undefined, string | undefined, boolean][] = [
      [400, 'invalidPageToken', undefined, true],
      [400, 'expiredPageToken', undefined, true],
      [410, 'pageTokenExpired', undefined, true],
      [400, undefined, 'Invalid pagetoken', true],
      [400, undefined, 'bad PAGE-TOKEN', true],
      [400, undefined, 'page_token expired', true],
      [400, undefined, 'Invalid query', false],
      [400, 'invalid', undefined, false],
      [400, undefined, undefined, false],
      [404, 'invalidPageToken', 'page token', false],
      [500, undefined, 'page token', false],
    ];
    for (const [status, reason, msg, want] of CASES)
      assert.strictEqual(isPageTokenRejection(status, reason, msg), want, `${status} ${reason} ${msg}`);
  });

  it('the scope sentence: reads accept read-only, writes need full', () => {
    const B = 'https://www.googleapis.com/auth/admin.directory.device.chromebrowsers';
    const read = `${B}.readonly (read-only) or ${B} (full)`;
    const write = `${B} (full; the read-only scope cannot change anything)`;
    assert.strictEqual(
      requiredScopeText('orgUnits.list'),
      'https://www.googleapis.com/auth/admin.directory.orgunit.readonly (or https://www.googleapis.com/auth/admin.directory.orgunit)',
    );
    for (const op of ['browsers.list', 'browsers.get', 'tokens.list'] as const) assert.strictEqual(requiredScopeText(op), read, op);
    for (const op of ['browsers.update', 'browsers.delete', 'browsers.move', 'tokens.create', 'tokens.revoke'] as const)
      assert.strictEqual(requiredScopeText(op), write, op);
  });

  it('names every operation', () => {
    const ops = [
      'browsers.list',
      'browsers.get',
      'browsers.update',
      'browsers.delete',
      'browsers.move',
      'tokens.list',
      'tokens.create',
      'tokens.revoke',
      'orgUnits.list',
    ] as const;
    assert.deepStrictEqual(ops.map(describeOperation), [
      'list Chrome browsers',
      'read the Chrome browser',
      'update the browser annotations',
      'delete the Chrome browser',
      'move Chrome browsers to another org unit',
      'list enrollment tokens',
      'create an enrollment token',
      'revoke the enrollment token',
      'list org units',
    ]);
  });

  it('transport errors say whether the request reached Google', () => {
    const net = networkError('tokens.create', 'ECONNRESET', 'www.googleapis.com', 'maybe');
    assert.deepStrictEqual(
      [net.kind, net.reason, net.delivery, net.status, net.message],
      [
        'network',
        'ECONNRESET',
        'maybe',
        undefined,
        'Could not reach www.googleapis.com to create an enrollment token (ECONNRESET). Check your network connection and proxy settings (VS Code setting http.proxy).',
      ],
    );
    assert.strictEqual('cause' in net, false, 'no cause: it would carry the URL');
    const netNoCode = networkError('browsers.list', undefined, 'h', 'no');
    assert.strictEqual(
      netNoCode.message,
      'Could not reach h to list Chrome browsers. Check your network connection and proxy settings (VS Code setting http.proxy).',
    );
    assert.strictEqual(netNoCode.delivery, 'no');

    const t = timeoutError('browsers.get', 29_600);
    assert.deepStrictEqual(
      [t.kind, t.delivery, t.message],
      [
        'timeout',
        'maybe',
        'Google did not answer within 30 s while trying to read the Chrome browser. Check your connection or proxy and try again.',
      ],
    );
    const tt = tokenTimeoutError('tokens.create', 10_000);
    assert.deepStrictEqual(
      [tt.kind, tt.reason, tt.delivery, tt.message],
      [
        'timeout',
        'tokenTimeout',
        'no',
        'The sign-in token endpoint did not answer within 10 s, so the request to create an enrollment token was not sent. Check your connection or proxy (and the setting "cbcm.oauthTokenUrl"), then try again.',
      ],
    );
    const r = redirectError('browsers.list', 302, 'https://evil.example/x', 'www.googleapis.com');
    assert.deepStrictEqual(
      [r.kind, r.status, r.reason, r.delivery, r.message],
      [
        'server',
        302,
        'redirect',
        'yes',
        'The request to list Chrome browsers was answered with a redirect (HTTP 302 to https://evil.example/x), which CBCM Explorer does not follow, so your access token is only ever sent to www.googleapis.com. Check the setting "cbcm.apiBaseUrl" and any proxy between VS Code and Google.',
      ],
    );
    assert.match(redirectError('browsers.list', 307, undefined, 'h').message, /\(HTTP 307\), which/);
    const big = responseTooLargeError('browsers.list', 64 * 1048576);
    assert.deepStrictEqual([big.kind, big.reason, big.delivery], ['server', 'responseTooLarge', 'yes']);
    assert.match(big.message, /^The answer to the request to list Chrome browsers was larger than 64 MiB, so reading it was stopped/);
  });

  it('cancellation looks like an AbortError; input errors were never sent', () => {
    const c = cancelledError('browsers.move');
    assert.deepStrictEqual(
      [c.kind, c.name, c.message, c.delivery],
      ['cancelled', 'AbortError', 'Cancelled: move Chrome browsers to another org unit.', 'no'],
    );
    assert.strictEqual(isAbortError(c), true);
    const plain = new Error('x');
    plain.name = 'AbortError';
    assert.strictEqual(isAbortError(plain), true);
    assert.strictEqual(isAbortError(new Error('AbortError')), false);
    assert.strictEqual(isAbortError(inputError('browsers.list', 'no')), false);
    assert.strictEqual(isAbortError('AbortError'), false);
    const i = inputError('tokens.create', 'Pick an org unit.');
    assert.deepStrictEqual([i.kind, i.message, i.delivery, i.attempts, i.status], ['invalid', 'Pick an org unit.', 'no', 0, undefined]);
    assert.strictEqual(isApiError(new Error('x')), false);
    const withCause = new ApiError({ kind: 'server', operation: 'browsers.list', message: 'm', cause: 'why', attempts: 3 });
    assert.strictEqual((withCause as { cause?: unknown }).cause, 'why');
    assert.strictEqual(Object.keys(withCause).includes('cause'), false, 'the cause is not enumerable (kept out of logs)');
    assert.strictEqual(withCause.attempts, 3);
  });

  it('redactSecrets elides enrollment-token terms, bearer tokens and access tokens in Google text', () => {
    const CASES: [string, string][] = [
      ['Invalid query enrollment_token:abc123 user:x', 'Invalid query enrollment_token:… user:x'],
      ['ENROLLMENT_TOKEN : "a b c" rest', 'ENROLLMENT_TOKEN : … rest'],
      ['a enrollment_token:x b enrollment_token:y', 'a enrollment_token:… b enrollment_token:…'],
      ['Authorization: Bearer ya29.secret-token.x', 'Authorization: Bearer …'],
      ['bearer abc def', 'bearer … def'],
      ['token ya29.A0AfH6SM-x_y.z leaked', 'token … leaked'],
      ['nothing secret: user:alice', 'nothing secret: user:alice'],
    ];
    for (const [text, want] of CASES) assert.strictEqual(redactSecrets(text), want, text);
  });
});
