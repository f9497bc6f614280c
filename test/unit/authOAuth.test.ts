import * as assert from 'assert';
import * as net from 'node:net';
import { useEmulator } from '../emulator/fixture';
import { OAuthClientSettings, OAuthTokenSource, revokeRefreshToken, revokeUrlFor, runInstalledAppFlow } from '../../src/auth/oauthTokenSource';
import { scopesFor } from '../../src/auth/scopes';
import { AuthError } from '../../src/auth/tokenErrors';
import { listingVerifier } from '../../src/auth/verifyAccess';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** Plays the admin in the browser: loads the consent page, approves (or denies) as `loginHint`, follows the redirect. */
async function consent(authorizeUrl: string, loginHint: string, decision: 'allow' | 'deny' = 'allow'): Promise<string> {
  const page = await fetch(authorizeUrl);
  assert.strictEqual(page.status, 200, await page.clone().text());
  const u = new URL(authorizeUrl);
  const approve = new URL(`${u.origin}${u.pathname}/approve${u.search}`);
  approve.searchParams.set('login_hint', loginHint);
  approve.searchParams.set('decision', decision);
  const res = await fetch(approve, { redirect: 'manual' });
  assert.strictEqual(res.status, 302);
  const location = res.headers.get('location') ?? '';
  await fetch(location); // the loopback listener
  return location;
}

const expectAuthError = (code: AuthError['code']) => (e: unknown) => {
  assert.ok(e instanceof AuthError, `expected AuthError ${code}, got ${String(e)}`);
  assert.strictEqual(e.code, code, e.message);
  return true;
};

describe('installed-app OAuth (PKCE + loopback, against the emulator)', function () {
  this.timeout(30000);
  const emu = useEmulator({ browsers: 10, seed: 5, beforeEachTest: 'nothing' });
  let client: OAuthClientSettings;
  const scopes = scopesFor('readOnly');

  before(() => {
    client = { ...emu.oauthClient, tokenUrl: emu.tokenUrl, authUrl: emu.authUrl, adminConsoleUrl: 'https://admin.google.com' };
  });

  it('runs code + PKCE S256 + state + offline access, keeps a refresh token, and the token lists browsers', async () => {
    let seenUrl: URL | undefined;
    let loopbackPort = 0;
    const result = await runInstalledAppFlow({
      client,
      scopes,
      openUrl: async (url) => {
        seenUrl = new URL(url);
        loopbackPort = Number(new URL(seenUrl.searchParams.get('redirect_uri') ?? '').port);
        await consent(url, emu.adminEmail);
      },
    });
    assert.ok(seenUrl);
    const q = seenUrl.searchParams;
    assert.strictEqual(`${seenUrl.origin}${seenUrl.pathname}`, emu.authUrl);
    assert.strictEqual(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.match(q.get('state') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.strictEqual(q.get('access_type'), 'offline');
    assert.strictEqual(q.get('client_id'), emu.oauthClient.clientId);
    assert.deepStrictEqual(q.get('scope')?.split(' '), scopes);
    assert.match(q.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(!seenUrl.toString().includes(emu.oauthClient.clientSecret), 'no client secret in the consent URL');
    assert.ok(result.refreshToken.length > 10);
    assert.strictEqual(await portOpen(loopbackPort), false, 'loopback port closed after the flow');

    const source = new OAuthTokenSource({ client, refreshToken: result.refreshToken, scopes });
    await listingVerifier(() => ({ apiBaseUrl: emu.url, requestTimeoutMs: 10000 }))(source, emu.customerId);
    const first = await source.getAccessToken();
    source.invalidate();
    assert.notStrictEqual(await source.getAccessToken(), first, 'invalidate() makes the next call refresh');
  });

  it('turns a denied consent into accessDenied', async () => {
    await assert.rejects(
      runInstalledAppFlow({ client, scopes, openUrl: (url) => void consent(url, emu.adminEmail, 'deny') }),
      expectAuthError('accessDenied'),
    );
  });

  it('answers a callback carrying another state (CSRF) 400, exchanges nothing for it, and completes with the real one', async () => {
    emu.clearRequestLog();
    let forgedStatus = 0;
    const result = await runInstalledAppFlow({
      client,
      scopes,
      openUrl: async (url) => {
        const redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
        const forged = await fetch(`${redirect}?code=4/forged&state=not-the-state`);
        forgedStatus = forged.status;
        assert.doesNotMatch(await forged.text(), /forged/);
        assert.strictEqual(emu.requests.filter((r) => r.path.startsWith('/token')).length, 0, 'the forged code was exchanged');
        await consent(url, emu.adminEmail); // the admin's own approval arrives afterwards
      },
    });
    assert.strictEqual(forgedStatus, 400);
    assert.ok(result.refreshToken);
    assert.strictEqual(emu.requests.filter((r) => r.path.startsWith('/token')).length, 1, 'exactly the real code is exchanged');
  });

  it('keeps waiting after a forged callback until the time-out', async () => {
    await assert.rejects(
      runInstalledAppFlow({
        client,
        scopes,
        timeoutMs: 400,
        openUrl: async (url) => {
          const redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
          assert.strictEqual((await fetch(`${redirect}?code=4/forged&state=not-the-state`)).status, 400);
        },
      }),
      expectAuthError('timeout'),
    );
  });

  it('sends the browser to the address the resolver gives (a forwarded port) in the consent request and the code exchange', async () => {
    // A stand-in for VS Code's port forwarding: another local port that passes requests to the listener.
    const http = await import('node:http');
    let listenerPort = 0;
    const forwarder = http.createServer((req, res) => {
      const upstream = http.request({ host: '127.0.0.1', port: listenerPort, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => forwarder.listen(0, '127.0.0.1', resolve));
    const forwardedPort = (forwarder.address() as net.AddressInfo).port;
    let redirectSeen = '';
    try {
      const result = await runInstalledAppFlow({
        client,
        scopes,
        resolveRedirectUri: async (listenerUri) => {
          listenerPort = Number(new URL(listenerUri).port);
          return `http://localhost:${forwardedPort}/`;
        },
        openUrl: (url) => {
          redirectSeen = new URL(url).searchParams.get('redirect_uri') ?? '';
          return void consent(url, emu.adminEmail);
        },
      });
      assert.strictEqual(redirectSeen, `http://localhost:${forwardedPort}/`);
      assert.ok(result.refreshToken, 'the code exchange used the same redirect URI (the emulator checks it)');
    } finally {
      forwarder.close();
    }
  });

  it('stops before opening anything when no reachable redirect exists, and closes the listener', async () => {
    let port = 0;
    let opened = false;
    await assert.rejects(
      runInstalledAppFlow({
        client,
        scopes,
        resolveRedirectUri: async (listenerUri) => {
          port = Number(new URL(listenerUri).port);
          throw new AuthError('remoteUnsupported', 'not from here', 'useServiceAccount');
        },
        openUrl: () => void (opened = true),
      }),
      expectAuthError('remoteUnsupported'),
    );
    assert.strictEqual(opened, false);
    assert.strictEqual(await portOpen(port), false);
  });

  it('maps a wrong client secret to invalidClient without echoing it', async () => {
    const wrong = 'GOCSPX-wrong-secret-canary-4411';
    await assert.rejects(
      runInstalledAppFlow({ client: { ...client, clientSecret: wrong }, scopes, openUrl: (url) => void consent(url, emu.adminEmail) }),
      (e: unknown) => expectAuthError('invalidClient')(e) && !(e as Error).message.includes(wrong) && !JSON.stringify(e).includes(wrong),
    );
  });

  it('times out when nobody approves', async () => {
    await assert.rejects(runInstalledAppFlow({ client, scopes, timeoutMs: 200, openUrl: () => undefined }), expectAuthError('timeout'));
  });

  it('reports a revoked refresh token as refreshTokenRevoked (sign in again)', async () => {
    const { refreshToken } = await runInstalledAppFlow({ client, scopes, openUrl: (url) => void consent(url, emu.adminEmail) });
    const source = new OAuthTokenSource({ client, refreshToken, scopes });
    await source.getAccessToken();
    await fetch(`${emu.url}/__emulator/revoke-refresh-tokens`, { method: 'POST' });
    source.invalidate();
    await assert.rejects(source.getAccessToken(), (e: unknown) => {
      expectAuthError('refreshTokenRevoked')(e);
      assert.strictEqual((e as AuthError).action, 'signInAgain');
      assert.ok(!(e as Error).message.includes(refreshToken));
      return true;
    });
  });

  it('revokes a refresh token at sign-out (POST body, next to the token URL)', async () => {
    assert.strictEqual(revokeUrlFor('https://oauth2.googleapis.com/token'), 'https://oauth2.googleapis.com/revoke');
    const { refreshToken } = await runInstalledAppFlow({ client, scopes, openUrl: (url) => void consent(url, emu.adminEmail) });
    emu.clearRequestLog();
    await revokeRefreshToken(client, refreshToken);
    const revoke = emu.requests.find((r) => r.path.startsWith('/revoke'));
    assert.ok(revoke && revoke.status === 200);
    assert.ok(!revoke.path.includes('token='), 'the token is not in the URL');
    const source = new OAuthTokenSource({ client, refreshToken, scopes });
    await assert.rejects(source.getAccessToken(), expectAuthError('refreshTokenRevoked'));
  });
});
