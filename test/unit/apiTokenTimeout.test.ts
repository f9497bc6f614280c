// A token endpoint that accepts the connection and never answers must not hang API requests: the access-token
// fetch sits inside the per-attempt time-out and the caller's cancellation, and the token request itself ends by
// its own time-out (Gaxios has none by default), freeing the socket. Real JWT / OAuth token sources, real HTTP.
import * as assert from 'assert';
import type { Emulator } from '../emulator';
import { emulatorPerTest } from '../emulator/fixture';
import { ApiError, DirectoryBetaClient } from '../../src/api';
import { JwtTokenSource } from '../../src/auth/jwtTokenSource';
import { parseServiceAccountKey } from '../../src/auth/keyValidation';
import { OAuthTokenSource } from '../../src/auth/oauthTokenSource';
import { scopesFor } from '../../src/auth/scopes';
import { AuthError } from '../../src/auth/tokenErrors';

const HUNG = Symbol('hung');

/** Settles like `p`, or with HUNG after `ms` (so a regression fails here instead of at mocha's time-out). */
async function within<T>(p: Promise<T>, ms: number): Promise<T | typeof HUNG | { rejected: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof HUNG>((resolve) => (timer = setTimeout(() => resolve(HUNG), ms)));
  try {
    return await Promise.race([p.catch((e: unknown) => ({ rejected: e })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function eventually(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('access-token fetch inside the request time-out (stalled token endpoint)', function () {
  this.timeout(20_000);
  // One emulator per test: a stalled request of one test must not count in the next one.
  const start = emulatorPerTest();
  let emu: Emulator;
  beforeEach(async () => {
    emu = await start({ browsers: 5, seed: 21 });
  });

  const stallTokenEndpoint = () => emu.setFaults({ includeOAuth: true, failNext: [{ stall: true, pathIncludes: '/token', times: 50 }] });

  function jwtSource(timeoutMs: number): JwtTokenSource {
    return new JwtTokenSource({
      key: parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey)),
      subject: emu.adminEmail,
      scopes: scopesFor('readOnly'),
      tokenUrl: emu.tokenUrl,
      adminConsoleUrl: 'https://admin.google.com',
      timeoutMs,
    });
  }

  function client(tokenSource: JwtTokenSource | OAuthTokenSource, timeoutMs: number): DirectoryBetaClient {
    return new DirectoryBetaClient({
      baseUrl: emu.url,
      customerId: emu.customerId,
      tokenSource,
      timeoutMs,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
    });
  }

  it('times the request out (with a clear message) instead of waiting for ever, and sends nothing to the API', async () => {
    stallTokenEndpoint();
    emu.clearRequestLog();
    const c = client(jwtSource(30_000), 300);
    try {
      const outcome = await within(c.listOrgUnits(), 8_000);
      assert.notStrictEqual(outcome, HUNG, 'the request hung on the stalled token endpoint');
      const err = (outcome as { rejected: unknown }).rejected;
      assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
      assert.strictEqual(err.kind, 'timeout');
      assert.strictEqual(err.reason, 'tokenTimeout');
      assert.strictEqual(err.delivery, 'no');
      assert.strictEqual(err.attempts, 2, 'a time-out while fetching the token is retried like any time-out');
      assert.match(err.message, /token endpoint did not answer within/);
      assert.deepStrictEqual(
        emu.requests.filter((r) => r.path.startsWith('/admin/')),
        [],
        'no API request without a token',
      );
    } finally {
      c.dispose();
    }
  });

  it('gives the token request its own time-out, so the stalled connection is closed even when nobody waits', async () => {
    stallTokenEndpoint();
    const before = emu.context.faults.stalls.total;
    const source = jwtSource(400);
    const outcome = await within(source.getAccessToken(), 5_000);
    assert.notStrictEqual(outcome, HUNG, 'the token request has no time-out');
    const err = (outcome as { rejected: unknown }).rejected;
    assert.ok(err instanceof AuthError, `expected an AuthError, got ${String(err)}`);
    assert.strictEqual(err.code, 'timeout', err.message);
    assert.match(err.message, /did not answer within 1 s.*cbcm\.oauthTokenUrl/);
    assert.ok(emu.context.faults.stalls.total > before, 'the request reached the stalled endpoint');
    await eventually('the client to close every stalled token request', () => emu.context.faults.stalls.open === 0);
  });

  it('stops at once when the caller cancels while the token is being fetched', async () => {
    stallTokenEndpoint();
    const c = client(jwtSource(30_000), 30_000);
    try {
      const controller = new AbortController();
      const pending = (async () => {
        for await (const page of c.listBrowsers({ maxResults: 1 }, controller.signal)) return page;
        return undefined;
      })();
      setTimeout(() => controller.abort(), 100);
      const outcome = await within(pending, 3_000);
      assert.notStrictEqual(outcome, HUNG);
      const err = (outcome as { rejected: unknown }).rejected;
      assert.ok(err instanceof ApiError && err.kind === 'cancelled', `expected a cancellation, got ${String(err)}`);
    } finally {
      c.dispose();
    }
  });

  it('times out an OAuth refresh the same way', async () => {
    stallTokenEndpoint();
    const source = new OAuthTokenSource({
      // Longer than the request's time-out: the request gives up first, the refresh request a little later.
      client: { ...emu.oauthClient, tokenUrl: emu.tokenUrl, authUrl: emu.authUrl, adminConsoleUrl: 'https://admin.google.com', timeoutMs: 1_000 },
      refreshToken: 'refresh-token-that-never-gets-an-answer',
      scopes: scopesFor('readOnly'),
    });
    const c = client(source, 300);
    try {
      const outcome = await within(c.listOrgUnits(), 8_000);
      assert.notStrictEqual(outcome, HUNG);
      const err = (outcome as { rejected: unknown }).rejected;
      assert.ok(err instanceof ApiError && err.kind === 'timeout', `expected a time-out, got ${String(err)}`);
      await eventually('the refresh requests to be closed', () => emu.context.faults.stalls.open === 0);
    } finally {
      c.dispose();
    }
  });

  it('works again once the token endpoint answers', async () => {
    const c = client(jwtSource(2_000), 2_000);
    try {
      const units = await c.listOrgUnits();
      assert.ok(units.length > 0);
    } finally {
      c.dispose();
    }
  });
});
