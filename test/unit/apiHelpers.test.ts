// Pure helpers of the API layer: backoff math, Retry-After parsing, token normalisation, input formats.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ApiError, isAbortError } from '../../src/api/errors';
import { parseGoogleError } from '../../src/api/errorBody';
import { backoffDelayMs, isRetryable, parseRetryAfter, DEFAULT_RETRY_POLICY } from '../../src/api/retry';
import { normalizeToken, parseTokenList } from '../../src/api/tokens';
import { isRfc3339Utc } from '../../src/api/validation';

describe('api helpers', () => {
  describe('backoffDelayMs (full jitter, truncated)', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    it('grows exponentially up to the cap', () => {
      assert.strictEqual(
        backoffDelayMs(1, policy, undefined, () => 0.999999),
        99,
      );
      assert.strictEqual(
        backoffDelayMs(3, policy, undefined, () => 0.999999),
        399,
      );
      assert.strictEqual(
        backoffDelayMs(10, policy, undefined, () => 0.999999),
        999,
      );
    });
    it('jitters over the whole range from 0', () => {
      assert.strictEqual(
        backoffDelayMs(4, policy, undefined, () => 0),
        0,
      );
    });
    it('never waits less than Retry-After, even above the cap', () => {
      assert.strictEqual(
        backoffDelayMs(1, policy, 5000, () => 0.5),
        5000,
      );
      assert.strictEqual(
        backoffDelayMs(4, policy, 10, () => 0.5),
        400,
      );
    });
  });

  describe('parseRetryAfter', () => {
    it('reads delta-seconds', () => {
      assert.strictEqual(parseRetryAfter('2'), 2000);
      assert.strictEqual(parseRetryAfter(' 0 '), 0);
    });
    it('reads an HTTP date', () => {
      const now = Date.parse('2026-01-01T00:00:00Z');
      assert.strictEqual(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now), 7000);
      assert.strictEqual(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now), 0);
    });
    it('ignores absent or unreadable values', () => {
      assert.strictEqual(parseRetryAfter(null), undefined);
      assert.strictEqual(parseRetryAfter('soon'), undefined);
    });
  });

  describe('isRetryable', () => {
    const err = (kind: ApiError['kind'], delivery: 'no' | 'maybe' | 'yes', reason?: string): ApiError =>
      new ApiError({ kind, operation: 'tokens.create', message: 'x', delivery, reason });
    it('retries a once-only request only when it certainly did not reach Google', () => {
      assert.strictEqual(isRetryable(err('rateLimit', 'no'), 'once'), true);
      assert.strictEqual(isRetryable(err('network', 'no', 'ECONNREFUSED'), 'once'), true);
      assert.strictEqual(isRetryable(err('network', 'maybe', 'ECONNRESET'), 'once'), false);
      assert.strictEqual(isRetryable(err('server', 'yes'), 'once'), false);
      assert.strictEqual(isRetryable(err('timeout', 'maybe'), 'once'), false);
    });
    it('does not retry certificate failures or permission errors', () => {
      assert.strictEqual(isRetryable(err('network', 'maybe', 'SELF_SIGNED_CERT_IN_CHAIN'), 'idempotent'), false);
      assert.strictEqual(isRetryable(err('permission', 'yes'), 'idempotent'), false);
      assert.strictEqual(isRetryable(err('server', 'yes'), 'idempotent'), true);
    });
  });

  it('cancellation errors look like AbortError', () => {
    const e = new ApiError({ kind: 'cancelled', operation: 'browsers.list', message: 'Cancelled' });
    assert.strictEqual(e.name, 'AbortError');
    assert.ok(isAbortError(e));
    assert.ok(e instanceof Error && e instanceof ApiError);
  });

  it('parses Google error bodies and proxy HTML pages', () => {
    const body = JSON.stringify({
      error: { code: 403, message: 'Quota', errors: [{ reason: 'userRateLimitExceeded', message: 'Quota' }], status: 'PERMISSION_DENIED' },
    });
    assert.deepStrictEqual(parseGoogleError(body), { reason: 'userRateLimitExceeded', message: 'Quota' });
    assert.deepStrictEqual(parseGoogleError('<html><body><h1>502 Bad Gateway</h1></body></html>'), { message: '502 Bad Gateway' });
  });

  describe('token normalisation', () => {
    it('maps snake_case keys and lower-cases the state', () => {
      const t = normalizeToken({
        tokenPermanentId: 'p1',
        creator_id: 'u1',
        create_time: '2020-04-30T19:22:44Z',
        expire_time: '2021-04-30T19:22:44Z',
        tokenState: 'REVOKED',
        tokenType: 'chromeBrowser',
      });
      assert.deepStrictEqual(t, {
        tokenPermanentId: 'p1',
        creatorId: 'u1',
        createTime: '2020-04-30T19:22:44Z',
        expireTime: '2021-04-30T19:22:44Z',
        state: 'revoked',
        tokenType: 'chromeBrowser',
      });
    });
    it('maps camelCase keys (creationTime, state)', () => {
      const t = normalizeToken({ tokenPermanentId: 'p2', creatorId: 'u2', creationTime: '2020-01-01T00:00:00Z', state: 'Active' });
      assert.strictEqual(t.createTime, '2020-01-01T00:00:00Z');
      assert.strictEqual(t.creatorId, 'u2');
      assert.strictEqual(t.state, 'active');
    });
    it('reads both list keys', () => {
      assert.strictEqual(parseTokenList({ chrome_enrollment_tokens: [{ tokenPermanentId: 'a' }] }).items.length, 1);
      const camel = parseTokenList({ chromeEnrollmentTokens: [{ tokenPermanentId: 'b' }], nextPageToken: 'n' });
      assert.deepStrictEqual(camel, { items: [{ tokenPermanentId: 'b' }], nextPageToken: 'n' });
    });
  });

  it('accepts only real RFC 3339 UTC times to the second', () => {
    assert.ok(isRfc3339Utc('2026-12-31T23:59:59Z'));
    for (const bad of ['2026-12-31', '2026-12-31T23:59:59', '2026-12-31T23:59:59+01:00', '2026-02-30T00:00:00Z', '2026-12-31T23:59:59.123Z']) {
      assert.ok(!isRfc3339Utc(bad), bad);
    }
  });
});

describe('api layer boundaries', () => {
  it('has no vscode import under src/api', () => {
    const dir = path.join(__dirname, '../../src/api');
    const offenders = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /(from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\))/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.deepStrictEqual(offenders, []);
  });
});
