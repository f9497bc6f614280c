// Redirects are refused for API and token calls, so a bearer token (or a signed assertion, a refresh token, a client
// secret) never follows a redirect to another port or host. The emulator answers 302/307 towards a second local
// server that records whatever reaches it.
import * as assert from 'assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { useEmulator } from '../emulator/fixture';
import { ApiError, DirectoryBetaClient } from '../../src/api';
import { JwtTokenSource } from '../../src/auth/jwtTokenSource';
import { parseServiceAccountKey } from '../../src/auth/keyValidation';
import { OAuthTokenSource } from '../../src/auth/oauthTokenSource';
import { scopesFor } from '../../src/auth/scopes';
import { AuthError } from '../../src/auth/tokenErrors';
import { EmuTokenSource } from './apiHarness';

interface Arrival {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

/** A server on another port that only records what arrives (what a redirect would leak). */
async function startRecorder(): Promise<{ url: string; arrivals: Arrival[]; close(): Promise<void> }> {
  const arrivals: Arrival[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      arrivals.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"access_token":"from-the-recorder","expires_in":3600,"organizationUnits":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('redirects are never followed with credentials', function () {
  this.timeout(20_000);
  const emu = useEmulator({ browsers: 5, seed: 12, beforeEachTest: 'clearFaults' });
  let recorder: Awaited<ReturnType<typeof startRecorder>>;

  before(async () => {
    recorder = await startRecorder();
  });
  after(async () => {
    await recorder.close();
  });
  afterEach(() => {
    recorder.arrivals.length = 0;
  });

  for (const status of [302, 307, 308]) {
    it(`refuses an API answer ${status} to another port: no bearer token arrives there, clear error, no retry`, async () => {
      emu.setFaults({ failNext: [{ status, redirectTo: `${recorder.url}/stolen`, pathIncludes: '/orgunits', times: 5 }] });
      const tokens = new EmuTokenSource(emu);
      const client = new DirectoryBetaClient({
        baseUrl: emu.url,
        customerId: emu.customerId,
        tokenSource: tokens,
        retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 },
      });
      try {
        const err = await client.listOrgUnits().then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
        assert.strictEqual(err.reason, 'redirect');
        assert.strictEqual(err.status, status);
        assert.strictEqual(err.attempts, 1);
        assert.ok(err.message.includes(`redirect (HTTP ${status} to ${recorder.url})`), err.message);
        assert.match(err.message, /does not follow.*cbcm\.apiBaseUrl/);
      } finally {
        client.dispose();
      }
      assert.deepStrictEqual(recorder.arrivals, [], 'the redirect was followed');
    });
  }

  it('refuses a redirect of the token endpoint: the signed assertion is not resent elsewhere', async () => {
    emu.setFaults({ includeOAuth: true, failNext: [{ status: 307, redirectTo: `${recorder.url}/token`, pathIncludes: '/token', times: 5 }] });
    const source = new JwtTokenSource({
      key: parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey)),
      subject: emu.adminEmail,
      scopes: scopesFor('readOnly'),
      tokenUrl: emu.tokenUrl,
      adminConsoleUrl: 'https://admin.google.com',
      timeoutMs: 5_000,
    });
    const err = await source.getAccessToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof AuthError, `expected an AuthError, got ${String(err)}`);
    assert.strictEqual(err.code, 'tokenEndpoint');
    assert.match(err.message, /answered with a redirect \(HTTP 307\).*cbcm\.oauthTokenUrl/);
    assert.deepStrictEqual(recorder.arrivals, []);
  });

  it('refuses a redirect of an OAuth refresh: the refresh token and client secret stay home', async () => {
    emu.setFaults({ includeOAuth: true, failNext: [{ status: 307, redirectTo: `${recorder.url}/token`, pathIncludes: '/token', times: 5 }] });
    const source = new OAuthTokenSource({
      client: { ...emu.oauthClient, tokenUrl: emu.tokenUrl, authUrl: emu.authUrl, adminConsoleUrl: 'https://admin.google.com', timeoutMs: 5_000 },
      refreshToken: 'a-refresh-token-worth-stealing',
      scopes: scopesFor('readOnly'),
    });
    const err = await source.getAccessToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof AuthError, `expected an AuthError, got ${String(err)}`);
    assert.match(err.message, /redirect \(HTTP 307\)/);
    assert.deepStrictEqual(recorder.arrivals, []);
  });
});
