// Issue 19: exact values of the API layer's pure helpers, worked out by hand: Google's error envelope (and a
// proxy's HTML page instead), which failures are retried (a request that must not run twice only when it surely did
// not reach Google), the backoff with full jitter and Retry-After, and the org-unit subtree rule.
import * as assert from 'assert';
import type { CbcmBackend, ChromeBrowser } from '../../src/api';
import { parseGoogleError } from '../../src/api/errorBody';
import { ApiError, type ApiErrorKind, type RequestDelivery } from '../../src/api/errors';
import { isBelowOrgUnit, knownOrgUnitScope, pageShowsSubtree, rememberOrgUnitScope } from '../../src/api/orgUnitScope';
import { abortableSleep, backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter } from '../../src/api/retry';

describe('API helpers: Google error bodies', () => {
  const CASES: [string, string, { reason?: string; message?: string }][] = [
    ['empty', '', {}],
    [
      'errors[0].reason and the top message',
      '{"error":{"code":403,"message":"Forbidden","errors":[{"reason":"forbidden","message":"inner"}],"status":"PERMISSION_DENIED"}}',
      { reason: 'forbidden', message: 'Forbidden' },
    ],
    [
      'the reason of ErrorInfo in details',
      '{"error":{"message":"x","status":"PERMISSION_DENIED","details":[{"@type":"t"},{"@type":"ErrorInfo","reason":"SERVICE_DISABLED"}]}}',
      { reason: 'SERVICE_DISABLED', message: 'x' },
    ],
    ['status when nothing else', '{"error":{"status":"NOT_FOUND"}}', { reason: 'NOT_FOUND', message: undefined }],
    ['the inner message when there is no top one', '{"error":{"errors":[{"message":"only inner"}]}}', { reason: undefined, message: 'only inner' }],
    ['OAuth style', '{"error":"invalid_grant","error_description":"Bad Request"}', { reason: 'invalid_grant', message: 'Bad Request' }],
    ['JSON without an error', '{"foo":1}', {}],
    ['an HTML page: one line of text', '<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>', { message: '502 Bad Gateway nginx' }],
    ['an HTML page with no text', '<html> </html>', { message: undefined }],
    ['a long text: 200 characters', `${'x'.repeat(150)}  ${'y'.repeat(150)}`, { message: `${'x'.repeat(150)} ${'y'.repeat(49)}` }],
  ];
  for (const [name, text, want] of CASES) it(name, () => assert.deepStrictEqual(parseGoogleError(text), want));
});

describe('API helpers: what is retried', () => {
  const err = (kind: ApiErrorKind, reason?: string, delivery?: RequestDelivery) =>
    new ApiError({ kind, operation: 'browsers.list', message: 'm', reason, delivery });

  it('rate limits, server errors, network failures and time-outs; nothing else', () => {
    for (const kind of ['rateLimit', 'server', 'network', 'timeout'] as const) assert.strictEqual(isRetryable(err(kind), 'idempotent'), true, kind);
    for (const kind of ['auth', 'permission', 'notFound', 'invalid', 'cancelled', 'pageTokenExpired'] as const)
      assert.strictEqual(isRetryable(err(kind), 'idempotent'), false, kind);
  });

  it('never a refused redirect, an oversized answer or a certificate problem', () => {
    assert.strictEqual(isRetryable(err('server', 'redirect'), 'idempotent'), false);
    assert.strictEqual(isRetryable(err('server', 'responseTooLarge'), 'idempotent'), false);
    for (const code of ['CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_TLS_CERT_ALTNAME_INVALID'])
      assert.strictEqual(isRetryable(err('network', code), 'idempotent'), false, code);
    assert.strictEqual(isRetryable(err('network', 'ECONNRESET'), 'idempotent'), true);
    assert.strictEqual(isRetryable(err('server', 'CERT'), 'idempotent'), true, 'only network codes are certificate problems');
  });

  it('a request that must not run twice: only when it surely did not reach Google', () => {
    assert.strictEqual(isRetryable(err('network', 'ECONNREFUSED', 'no'), 'once'), true);
    assert.strictEqual(isRetryable(err('rateLimit', undefined, 'no'), 'once'), true);
    assert.strictEqual(isRetryable(err('network', 'ECONNRESET', 'maybe'), 'once'), false);
    assert.strictEqual(isRetryable(err('timeout', undefined, 'maybe'), 'once'), false);
    assert.strictEqual(isRetryable(err('server', undefined, 'yes'), 'once'), false);
    assert.strictEqual(isRetryable(err('auth', undefined, 'no'), 'once'), false);
  });

  it('backoff: uniform in [0, min(max, base·2^(n-1))], never under Retry-After', () => {
    const half = () => 0.5;
    const p = DEFAULT_RETRY_POLICY;
    assert.deepStrictEqual(
      [0, 1, 2, 3, 7, 10].map((n) => backoffDelayMs(n, p, undefined, half)),
      [250, 250, 500, 1000, 16_000, 16_000],
    );
    assert.strictEqual(
      backoffDelayMs(1, p, undefined, () => 0.999),
      499,
    );
    assert.strictEqual(
      backoffDelayMs(1, p, undefined, () => 0),
      0,
    );
    assert.strictEqual(backoffDelayMs(1, p, 2000, half), 2000);
    assert.strictEqual(backoffDelayMs(3, p, 100, half), 1000);
    assert.strictEqual(backoffDelayMs(1, p, 0, half), 250);
    assert.strictEqual(
      backoffDelayMs(2, { ...p, baseDelayMs: 100, maxDelayMs: 150 }, undefined, () => 0.9),
      135,
    );
    assert.deepStrictEqual(DEFAULT_RETRY_POLICY, { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 32_000, maxRetryAfterMs: 120_000 });
  });

  it('Retry-After: delta-seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const CASES: [string | null | undefined, number | undefined][] = [
      [undefined, undefined],
      [null, undefined],
      ['', undefined],
      ['3', 3000],
      [' 2 ', 2000],
      ['1.5', 1500],
      ['0.0001', 1],
      ['0', 0],
      ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
      ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
      ['soon', undefined],
    ];
    for (const [value, want] of CASES) assert.strictEqual(parseRetryAfter(value, now), want, String(value));
  });

  it('abortableSleep: wakes early with a cancellation, or resolves', async () => {
    const gone = new AbortController();
    gone.abort();
    await assert.rejects(
      abortableSleep(10_000, 'browsers.move', gone.signal),
      (e: ApiError) => e.kind === 'cancelled' && e.operation === 'browsers.move',
    );
    await abortableSleep(0, 'browsers.list');
    await abortableSleep(-5, 'browsers.list', gone.signal).then(
      () => assert.fail('an aborted signal wins over a zero wait'),
      (e: ApiError) => assert.strictEqual(e.kind, 'cancelled'),
    );
    const ac = new AbortController();
    const sleeping = abortableSleep(10_000, 'tokens.list', ac.signal);
    setTimeout(() => ac.abort(), 5);
    // A rejection means it woke early: the 10 s sleep itself would resolve.
    await assert.rejects(sleeping, (e: ApiError) => e.kind === 'cancelled' && e.operation === 'tokens.list');
    const done = new AbortController();
    await abortableSleep(5, 'browsers.get', done.signal);
    done.abort(); // after the sleep: nothing left listening, nothing thrown
  });
});

describe('API helpers: org unit subtrees', () => {
  it('isBelowOrgUnit: strictly below, case-insensitive, at a path boundary', () => {
    const CASES: [string, string, boolean][] = [
      ['/A/B', '/A', true],
      ['/a/b/c', '/A', true],
      ['/A', '/A', false],
      ['/a', '/A', false],
      ['/AB', '/A', false],
      ['/A', '/', true],
      ['/', '/', false],
      ['A', '/', false],
    ];
    for (const [path, ancestor, want] of CASES) assert.strictEqual(isBelowOrgUnit(path, ancestor), want, `${path} below ${ancestor}`);
  });

  it('pageShowsSubtree and the reading remembered per backend', () => {
    const b = (orgUnitPath?: string) => ({ deviceId: 'd', orgUnitPath }) as ChromeBrowser;
    assert.strictEqual(pageShowsSubtree('/A', [b('/A'), b(undefined)]), false);
    assert.strictEqual(pageShowsSubtree('/A', [b(undefined), b('/A/x')]), true);
    assert.strictEqual(pageShowsSubtree('/A', []), false);
    const one = {} as CbcmBackend;
    const two = {} as CbcmBackend;
    assert.strictEqual(knownOrgUnitScope(one), undefined);
    rememberOrgUnitScope(one, 'subtree');
    assert.strictEqual(knownOrgUnitScope(one), 'subtree');
    assert.strictEqual(knownOrgUnitScope(two), undefined);
    rememberOrgUnitScope(one, 'exact');
    assert.strictEqual(knownOrgUnitScope(one), 'exact');
  });
});
