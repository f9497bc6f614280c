import * as assert from 'assert';
import * as net from 'node:net';
import { JWT } from 'google-auth-library';
import type { IncomingMessage } from 'node:http';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { GOOGLE_TOKEN_URL, JwtTokenSource, redirectGoogleTokenUrl } from '../../src/auth/jwtTokenSource';
import { parseServiceAccountKey } from '../../src/auth/keyValidation';
import { scopesFor } from '../../src/auth/scopes';
import { AuthError } from '../../src/auth/tokenErrors';
import { listingVerifier } from '../../src/auth/verifyAccess';

describe('service-account JWT token source (against the emulator)', function () {
  this.timeout(30000);
  const emu = useEmulator({ browsers: 20, seed: 3, beforeEachTest: 'nothing' });

  function source(subject = emu.adminEmail, tokenUrl = emu.tokenUrl): JwtTokenSource {
    return new JwtTokenSource({
      key: parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey)),
      subject,
      scopes: scopesFor('readWrite'),
      tokenUrl,
      adminConsoleUrl: 'https://admin.google.com',
    });
  }

  it('exchanges a signed JWT at the configured token URL and the token lists browsers', async () => {
    emu.clearRequestLog();
    const ts = source();
    const token = await ts.getAccessToken();
    assert.ok(token.length > 10);
    const tokenCalls = emu.requests.filter((r) => r.path.startsWith('/token'));
    assert.strictEqual(tokenCalls.length, 1, 'one JWT-bearer exchange at the emulator');
    await listingVerifier(() => ({ apiBaseUrl: emu.url, requestTimeoutMs: 10000 }))(ts, emu.customerId);
    // The second call reuses the cached token.
    assert.strictEqual(await ts.getAccessToken(), token);
    assert.strictEqual(emu.requests.filter((r) => r.path.startsWith('/token')).length, 1);
  });

  it('asks for exactly the configured scopes and impersonates the admin', async () => {
    const token = await source().getAccessToken();
    const asRequest = { headers: { authorization: `Bearer ${token}` } } as unknown as IncomingMessage;
    const grant = emu.context.accessTokens.authorize(asRequest, { anyOf: [SCOPES.browsers], write: true }, emu.fleet);
    assert.deepStrictEqual(grant.scopes, scopesFor('readWrite'));
    assert.strictEqual(grant.subject, emu.adminEmail);
  });

  it('fetches a fresh token after invalidate()', async () => {
    const ts = source();
    const first = await ts.getAccessToken();
    ts.invalidate();
    const second = await ts.getAccessToken();
    assert.notStrictEqual(second, first);
  });

  it("leaves the transporter untouched when the token URL is Google's (production)", () => {
    const client = new JWT({ email: 'a@b.c', key: 'x' });
    const before = client.transporter.interceptors.request.size;
    redirectGoogleTokenUrl(client.transporter, GOOGLE_TOKEN_URL);
    redirectGoogleTokenUrl(client.transporter, `${GOOGLE_TOKEN_URL}/`);
    assert.strictEqual(client.transporter.interceptors.request.size, before);
    redirectGoogleTokenUrl(client.transporter, emu.tokenUrl);
    assert.strictEqual(client.transporter.interceptors.request.size, before + 1);
  });

  it('reports an unreachable token endpoint as a network error naming the host', async () => {
    const ts = source(emu.adminEmail, 'http://127.0.0.1:9/token');
    await assert.rejects(ts.getAccessToken(), (e: unknown) => e instanceof AuthError && e.code === 'network' && /127\.0\.0\.1:9/.test(e.message));
  });

  it('stops waiting when the signal aborts', async () => {
    // A token endpoint that accepts the connection and never answers.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const controller = new AbortController();
      const pending = source(emu.adminEmail, `http://127.0.0.1:${port}/token`).getAccessToken(controller.signal);
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(pending, (e: unknown) => e instanceof AuthError && e.code === 'cancelled');
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });
});
