// Retry rules, 401 refresh, timeouts and the admin-facing error messages, checked against the emulator's
// request log (what actually reached "Google").
import * as assert from 'assert';
import * as net from 'net';
import { Emulator, SCOPES } from '../emulator';
import { ApiError } from '../../src/api';
import { apiRequests, makeClient, rejects, sleep, useApiEmulator } from './apiHarness';

const statuses = (emu: Emulator): number[] => apiRequests(emu).map((r) => r.status);

describe('api client: retries and errors', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 30, seed: 11 });
  let someId: string;

  beforeEach(() => {
    someId = [...emu.fleet.browsers.keys()][0];
  });

  describe('retried', () => {
    it('429 waits at least Retry-After, even above maxDelayMs', async () => {
      const { client, sent } = makeClient(emu); // maxDelayMs 40
      emu.setFaults({ failNext: [{ status: 429, retryAfter: 1 }] });
      const b = await client.getBrowser(someId, 'BASIC');
      assert.strictEqual(b.deviceId, someId);
      assert.deepStrictEqual(statuses(emu), [429, 200]);
      const waited = sent[1].at - sent[0].at;
      assert.ok(waited >= 1000, `waited ${waited} ms`);
    });

    it('503 and 500', async () => {
      const { client } = makeClient(emu);
      emu.setFaults({ failNext: [{ status: 503 }, { status: 500 }] });
      await client.getBrowser(someId, 'BASIC');
      assert.deepStrictEqual(statuses(emu), [503, 500, 200]);
    });

    it('a connection reset (socket hang up)', async () => {
      const { client, logLines } = makeClient(emu);
      emu.setFaults({ failNext: [{ reset: true }] });
      await client.getBrowser(someId, 'BASIC');
      assert.deepStrictEqual(statuses(emu), [0, 200]);
      assert.ok(
        logLines.some((l) => /ECONNRESET/.test(l)),
        logLines.join('\n'),
      );
    });

    for (const reason of ['userRateLimitExceeded', 'rateLimitExceeded', 'quotaExceeded']) {
      it(`403 ${reason}`, async () => {
        const { client } = makeClient(emu);
        emu.setFaults({ failNext: [{ status: 403, reason }] });
        await client.getBrowser(someId, 'BASIC');
        assert.deepStrictEqual(statuses(emu), [403, 200]);
      });
    }

    it('gives up after maxAttempts with a quota message', async () => {
      const { client } = makeClient(emu, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
      emu.setFaults({ failNext: [{ status: 429, retryAfter: 0, times: 10 }] });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'rateLimit');
      assert.strictEqual(err.attempts, 3);
      assert.match(err.message, /quota.*Wait a minute/i);
      assert.strictEqual(apiRequests(emu).length, 3);
    });

    it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
      const { client } = makeClient(emu, { retry: { maxRetryAfterMs: 500 } });
      // Retry-After 30 s is longer than this test's 20 s time-out: waiting for it fails the test.
      emu.setFaults({ failNext: [{ status: 429, retryAfter: 30 }] });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.strictEqual(err.retryAfterMs, 30_000);
      assert.match(err.message, /wait 30 s/);
      assert.strictEqual(apiRequests(emu).length, 1);
    });
  });

  describe('not retried (exactly one request reaches the emulator)', () => {
    it('400', async () => {
      const { client } = makeClient(emu);
      emu.setFaults({ failNext: [{ status: 400, message: 'Invalid Input: something' }] });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'invalid');
      assert.strictEqual(err.googleMessage, 'Invalid Input: something');
      assert.deepStrictEqual(statuses(emu), [400]);
    });

    it('404', async () => {
      const { client } = makeClient(emu);
      const err = (await rejects(client.updateAnnotations('gone-device', { annotatedUser: 'x' }))) as ApiError;
      assert.strictEqual(err.kind, 'notFound');
      assert.deepStrictEqual(statuses(emu), [404]);
    });

    it('403 forbidden: the user must be an admin with Chrome management rights', async () => {
      const { client } = makeClient(emu, { subject: emu.nonAdminEmail });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'permission');
      assert.strictEqual(err.reason, 'forbidden');
      assert.match(err.message, /administrator.*Chrome management/);
      assert.deepStrictEqual(statuses(emu), [403]);
    });

    it('403 insufficientPermissions: names the full scope and domain-wide delegation', async () => {
      const { client } = makeClient(emu, { scopes: [SCOPES.browsersReadonly] });
      const err = (await rejects(client.updateAnnotations(someId, { annotatedUser: 'x' }))) as ApiError;
      assert.strictEqual(err.kind, 'permission');
      assert.strictEqual(err.reason, 'insufficientPermissions');
      assert.ok(err.message.includes('https://www.googleapis.com/auth/admin.directory.device.chromebrowsers (full'), err.message);
      assert.match(err.message, /Security › API controls › Domain-wide delegation/);
      assert.ok(err.googleMessage && /insufficient authentication scopes/.test(err.googleMessage));
      assert.deepStrictEqual(statuses(emu), [403]);
    });

    it('403 insufficientPermissions on org units: names orgunit.readonly', async () => {
      const { client } = makeClient(emu, { scopes: [SCOPES.browsers] });
      const err = (await rejects(client.listOrgUnits())) as ApiError;
      assert.ok(err.message.includes('admin.directory.orgunit.readonly'), err.message);
      assert.deepStrictEqual(statuses(emu), [403]);
    });

    it('a read with no browser scope at all: read-only or full scope', async () => {
      const { client } = makeClient(emu, { scopes: [SCOPES.orgUnitsReadonly] });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.match(err.message, /chromebrowsers\.readonly \(read-only\) or .*chromebrowsers \(full\)/);
    });
  });

  describe('token create is never retried blindly', () => {
    const tokenCount = (): number => emu.fleet.tokens.size;

    it('503: one request, no token, tells the admin to check the list', async () => {
      const { client } = makeClient(emu);
      const before = tokenCount();
      emu.setFaults({ failNext: [{ status: 503, method: 'POST', pathIncludes: 'enrollmentTokens' }] });
      const err = (await rejects(client.createToken({ ttlSeconds: 60 }))) as ApiError;
      assert.strictEqual(err.kind, 'server');
      assert.match(err.message, /check the enrollment token list before creating another/i);
      assert.deepStrictEqual(statuses(emu), [503]);
      assert.strictEqual(tokenCount(), before);
    });

    it('connection reset: one request', async () => {
      const { client } = makeClient(emu);
      emu.setFaults({ failNext: [{ reset: true, method: 'POST', pathIncludes: 'enrollmentTokens' }] });
      const err = (await rejects(client.createToken({}))) as ApiError;
      assert.strictEqual(err.kind, 'network');
      assert.strictEqual(err.delivery, 'maybe');
      assert.match(err.message, /token list/);
      assert.deepStrictEqual(statuses(emu), [0]);
    });

    it('timeout: one request', async () => {
      const { client } = makeClient(emu, { timeoutMs: 150 });
      emu.setFaults({ latencyMs: 400 });
      const err = (await rejects(client.createToken({}))) as ApiError;
      assert.strictEqual(err.kind, 'timeout');
      assert.match(err.message, /token list/);
      assert.strictEqual(err.attempts, 1);
      await sleep(400); // let the emulator finish the abandoned request before the next test
      assert.strictEqual(apiRequests(emu).length, 1);
    });

    it('429 is retried (Google refused before acting) and creates exactly one token', async () => {
      const { client } = makeClient(emu);
      const before = tokenCount();
      emu.setFaults({ failNext: [{ status: 429, retryAfter: 0, method: 'POST' }] });
      await client.createToken({ orgUnitPath: '/IT' });
      assert.deepStrictEqual(statuses(emu), [429, 200]);
      assert.strictEqual(tokenCount(), before + 1);
    });

    it('connection refused is retried, then reported as a connectivity problem', async () => {
      const port = await closedPort();
      const { client, sent } = makeClient(emu, { baseUrl: `http://127.0.0.1:${port}` });
      const err = (await rejects(client.createToken({}))) as ApiError;
      assert.strictEqual(err.kind, 'network');
      assert.strictEqual(err.reason, 'ECONNREFUSED');
      assert.match(err.message, /network connection and proxy/);
      assert.strictEqual(sent.length, 4, 'maxAttempts');
    });
  });

  describe('401', () => {
    it('invalidates the token source and retries once with a fresh token', async () => {
      const { client, tokens } = makeClient(emu);
      await tokens.revokeCurrent();
      const b = await client.getBrowser(someId, 'BASIC');
      assert.strictEqual(b.deviceId, someId);
      assert.strictEqual(tokens.invalidations, 1);
      assert.strictEqual(tokens.issued, 2);
      assert.deepStrictEqual(statuses(emu), [401, 200]);
    });

    it('gives up after the second 401 with a sign-in message', async () => {
      const { client, tokens } = makeClient(emu);
      emu.setFaults({ failNext: [{ status: 401, times: 5 }] });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'auth');
      assert.match(err.message, /Sign in again/);
      assert.strictEqual(tokens.invalidations, 1);
      assert.deepStrictEqual(statuses(emu), [401, 401]);
    });

    it('a token source failure becomes an auth ApiError without a request', async () => {
      const { client } = makeClient(emu, {
        tokenSource: { getAccessToken: () => Promise.reject(new Error('The service account key was deleted.')) },
      });
      const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
      assert.strictEqual(err.kind, 'auth');
      assert.match(err.message, /service account key was deleted/);
      assert.strictEqual(apiRequests(emu).length, 0);
    });
  });

  it('times out each attempt and retries idempotent calls', async () => {
    const { client } = makeClient(emu, { timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    emu.setFaults({ latencyMs: 300 });
    const err = (await rejects(client.getBrowser(someId, 'BASIC'))) as ApiError;
    assert.strictEqual(err.kind, 'timeout');
    assert.strictEqual(err.attempts, 2);
    await sleep(400); // let the emulator finish the abandoned requests before the next test
    assert.strictEqual(apiRequests(emu).length, 2);
  });

  it('logs method, path, status, attempt and time — never tokens', async () => {
    const { client, tokens, logLines } = makeClient(emu);
    const created = await client.createToken({});
    const browsers = [];
    for await (const p of client.listBrowsers({ maxResults: 10, query: `enrollment_token:${created.token}` })) browsers.push(...p.browsers);
    for await (const p of client.listBrowsers({ maxResults: 10 })) browsers.push(...p.browsers);
    const all = logLines.join('\n');
    assert.ok(!all.includes(tokens.peek()!), 'access token');
    assert.ok(!all.includes(created.token!), 'enrollment token value');
    assert.ok(/pageToken=…/.test(all), 'page tokens elided');
    assert.match(logLines[0], /^POST \/admin\/directory\/v1\.1beta1\/customer\/\S+\/chrome\/enrollmentTokens 200 attempt 1 \d+ ms$/);
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('api client: messages for other Google refusals', function () {
  this.timeout(20_000);
  const emu = useApiEmulator({ browsers: 5, seed: 12, beforeEachTest: 'nothing' });

  it('403 accessNotConfigured: enable the Admin SDK API, not retried', async () => {
    const { client } = makeClient(emu);
    emu.setFaults({
      failNext: [{ status: 403, reason: 'accessNotConfigured', message: 'Admin SDK API has not been used in project 1 before or it is disabled.' }],
    });
    const err = (await rejects(client.listOrgUnits())) as ApiError;
    assert.strictEqual(err.kind, 'permission');
    assert.match(err.message, /Enable "Admin SDK API"/);
    assert.strictEqual(apiRequests(emu).length, 1);
  });

  it('an unknown customer id: 403 forbidden explains the admin requirement', async () => {
    const { client } = makeClient(emu, { customerId: 'C0other' });
    const err = (await rejects(client.listOrgUnits())) as ApiError;
    assert.strictEqual(err.kind, 'permission');
    assert.strictEqual(err.status, 403);
  });
});
