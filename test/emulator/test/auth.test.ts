// The emulator's OAuth side: JWT-bearer grant (hand-signed and via google-auth-library), the
// installed-app flow with PKCE and refresh, and the API's bearer/scope/admin checks.
import * as assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { CodeChallengeMethod, JWT, OAuth2Client } from 'google-auth-library';
import { useEmulator } from '../fixture';
import { Emulator, GOOGLE_TOKEN_URL, redirectTokenUrlFetch, SCOPES } from '..';
import { browsersPath, call, orgUnitsPath, tokensPath } from '../testing';
import { clock } from '../../../src/util/clock';

function signJwt(claims: Record<string, unknown>, privateKeyPem: string): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(claims)}`;
  const sig = createSign('RSA-SHA256').update(head).sign(privateKeyPem).toString('base64url');
  return `${head}.${sig}`;
}

async function postForm(url: string, form: Record<string, string>): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: res.status, json: await res.json() };
}

describe('emulator: OAuth and API authorization', function () {
  const emu = useEmulator({ browsers: 20, seed: 7, beforeEachTest: 'nothing' });
  const now = (): number => Math.floor(clock.now() / 1000);
  afterEach(() => emu.setDelegatedScopes([SCOPES.browsers, SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]));

  const claims = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
    iss: emu.serviceAccountKey.client_email,
    sub: emu.adminEmail,
    aud: GOOGLE_TOKEN_URL,
    scope: SCOPES.browsers,
    iat: now(),
    exp: now() + 3600,
    ...over,
  });
  const jwtGrant = (assertion: string) => postForm(emu.tokenUrl, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });

  describe('JWT-bearer grant', () => {
    it('accepts a correctly signed assertion and the token works on the API', async () => {
      const r = await jwtGrant(signJwt(claims(), emu.serviceAccountKey.private_key));
      assert.equal(r.status, 200, JSON.stringify(r.json));
      assert.equal(r.json.token_type, 'Bearer');
      assert.equal(r.json.expires_in, 3599);
      const api = await call(emu, r.json.access_token, 'GET', browsersPath(), { query: { maxResults: 1 } });
      assert.equal(api.status, 200);
    });

    it('accepts its own token URL as audience', async () => {
      const r = await jwtGrant(signJwt(claims({ aud: emu.tokenUrl }), emu.serviceAccountKey.private_key));
      assert.equal(r.status, 200);
    });

    it('rejects a signature from another key', async () => {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const r = await jwtGrant(signJwt(claims(), other));
      assert.equal(r.status, 400);
      assert.equal(r.json.error, 'invalid_grant');
      assert.match(r.json.error_description, /Signature/);
    });

    it('rejects a wrong audience', async () => {
      const r = await jwtGrant(signJwt(claims({ aud: 'https://example.test/token' }), emu.serviceAccountKey.private_key));
      assert.equal(r.status, 400);
      assert.equal(r.json.error, 'invalid_grant');
      assert.match(r.json.error_description, /audience/);
    });

    it('rejects iat/exp outside the window (beyond 5 minutes of skew, or longer than an hour)', async () => {
      for (const times of [
        { iat: now() + 600, exp: now() + 1200 },
        { iat: now() - 7200, exp: now() - 3600 },
        { iat: now(), exp: now() + 7200 },
      ]) {
        const r = await jwtGrant(signJwt(claims(times), emu.serviceAccountKey.private_key));
        assert.equal(r.status, 400);
        assert.equal(r.json.error, 'invalid_grant');
        assert.match(r.json.error_description, /short-lived token \(60 minutes\)/);
      }
      const skewed = await jwtGrant(signJwt(claims({ iat: now() + 200, exp: now() + 3000 }), emu.serviceAccountKey.private_key));
      assert.equal(skewed.status, 200, 'a small clock skew is tolerated');
    });

    it('rejects an unknown subject with invalid_grant', async () => {
      const r = await jwtGrant(signJwt(claims({ sub: 'ghost@example.test' }), emu.serviceAccountKey.private_key));
      assert.equal(r.status, 400);
      assert.deepEqual(r.json, { error: 'invalid_grant', error_description: 'Invalid email or User ID' });
    });

    it('rejects scopes not delegated to the client id with unauthorized_client', async () => {
      emu.setDelegatedScopes([SCOPES.browsersReadonly]);
      const r = await jwtGrant(signJwt(claims({ scope: `${SCOPES.browsersReadonly} ${SCOPES.browsers}` }), emu.serviceAccountKey.private_key));
      assert.equal(r.status, 401);
      assert.equal(r.json.error, 'unauthorized_client');
      const ok = await jwtGrant(signJwt(claims({ scope: SCOPES.browsersReadonly }), emu.serviceAccountKey.private_key));
      assert.equal(ok.status, 200);
    });

    it('the control API changes the delegated scopes (POST /__emulator/delegated-scopes)', async () => {
      const set = await fetch(`${emu.url}/__emulator/delegated-scopes`, { method: 'POST', body: JSON.stringify({ scopes: [SCOPES.browsers] }) });
      assert.equal(set.status, 200);
      const denied = await jwtGrant(signJwt(claims({ scope: SCOPES.orgUnitsReadonly }), emu.serviceAccountKey.private_key));
      assert.equal(denied.json.error, 'unauthorized_client');
      const read = await (await fetch(`${emu.url}/__emulator/delegated-scopes`)).json();
      assert.deepEqual(read, { scopes: [SCOPES.browsers] });
      const bad = await fetch(`${emu.url}/__emulator/delegated-scopes`, { method: 'POST', body: JSON.stringify({ scopes: 'x' }) });
      assert.equal(bad.status, 400);
    });

    it('rejects another issuer and tampered claims', async () => {
      const wrongIss = await jwtGrant(signJwt(claims({ iss: 'someone@else.iam.gserviceaccount.com' }), emu.serviceAccountKey.private_key));
      assert.equal(wrongIss.json.error, 'invalid_grant');
      const good = signJwt(claims(), emu.serviceAccountKey.private_key).split('.');
      good[1] = Buffer.from(JSON.stringify(claims({ sub: emu.nonAdminEmail }))).toString('base64url');
      const tampered = await jwtGrant(good.join('.'));
      assert.equal(tampered.json.error, 'invalid_grant');
    });
  });

  describe('google-auth-library JWT pointed at the emulator', () => {
    it('gets a token through transporterOptions.fetchImplementation and calls the API', async () => {
      const key = emu.serviceAccountKey;
      const client = new JWT({
        email: key.client_email,
        key: key.private_key,
        subject: emu.adminEmail,
        scopes: [SCOPES.browsersReadonly],
        transporterOptions: { fetchImplementation: redirectTokenUrlFetch(emu.tokenUrl) },
      });
      const { token } = await client.getAccessToken();
      assert.ok(token?.startsWith('ya29.'));
      const res = await client.request<{ browsers: unknown[] }>({ url: `${emu.url}${browsersPath()}?maxResults=3` });
      assert.equal(res.data.browsers.length, 3);
      assert.ok(emu.requests.some((r) => r.method === 'POST' && r.path === '/token' && r.status === 200));
    });

    it('surfaces invalid_grant for an unknown subject (via a request interceptor)', async () => {
      const key = emu.serviceAccountKey;
      const client = new JWT({ email: key.client_email, key: key.private_key, subject: 'ghost@example.test', scopes: [SCOPES.browsers] });
      client.transporter.interceptors.request.add({
        resolved: async (opts) => {
          if (String(opts.url) === GOOGLE_TOKEN_URL) opts.url = new URL(emu.tokenUrl);
          return opts;
        },
      });
      await assert.rejects(client.getAccessToken(), /invalid_grant: Invalid email or User ID/);
    });
  });

  describe('installed-app flow (consent page, PKCE, refresh)', () => {
    const redirectUri = 'http://127.0.0.1:49152/callback';
    const oauthClient = () =>
      new OAuth2Client({
        clientId: emu.oauthClient.clientId,
        clientSecret: emu.oauthClient.clientSecret,
        redirectUri,
        endpoints: { oauth2TokenUrl: emu.tokenUrl, oauth2AuthBaseUrl: emu.authUrl },
      });

    async function authorize(client: OAuth2Client, challenge: string, extra: Record<string, string> = {}): Promise<URL> {
      const authUrl = client.generateAuthUrl({
        access_type: 'offline',
        scope: [SCOPES.browsers],
        state: 'st-123',
        code_challenge: challenge,
        code_challenge_method: CodeChallengeMethod.S256,
        login_hint: emu.adminEmail,
      });
      const page = await fetch(authUrl);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /id="allow"/);
      assert.match(html, new RegExp(emu.adminEmail));
      const approve = new URL(authUrl.replace('/o/oauth2/v2/auth?', '/o/oauth2/v2/auth/approve?'));
      for (const [k, v] of Object.entries(extra)) approve.searchParams.set(k, v);
      const res = await fetch(approve, { redirect: 'manual' });
      assert.equal(res.status, 302);
      return new URL(res.headers.get('location')!);
    }

    it('redirects with code and state, exchanges the code once with the right verifier, refreshes', async () => {
      const client = oauthClient();
      const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
      const back = await authorize(client, codeChallenge!);
      assert.equal(`${back.origin}${back.pathname}`, redirectUri);
      assert.equal(back.searchParams.get('state'), 'st-123');
      const code = back.searchParams.get('code')!;
      const { tokens } = await client.getToken({ code, codeVerifier });
      assert.ok(tokens.access_token && tokens.refresh_token);
      assert.equal((await call(emu, tokens.access_token, 'GET', browsersPath(), { query: { maxResults: 1 } })).status, 200);
      await assert.rejects(client.getToken({ code, codeVerifier }), /invalid_grant/, 'codes are single-use');

      const refreshed = await postForm(emu.tokenUrl, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: emu.oauthClient.clientId,
        client_secret: emu.oauthClient.clientSecret,
      });
      assert.equal(refreshed.status, 200);
      assert.notEqual(refreshed.json.access_token, tokens.access_token);

      await fetch(`${emu.url}/__emulator/revoke-refresh-tokens`, { method: 'POST' });
      const revoked = await postForm(emu.tokenUrl, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: emu.oauthClient.clientId,
        client_secret: emu.oauthClient.clientSecret,
      });
      assert.equal(revoked.status, 400);
      assert.deepEqual(revoked.json, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    });

    it('rejects a wrong PKCE verifier and a different redirect_uri', async () => {
      const client = oauthClient();
      const { codeChallenge } = await client.generateCodeVerifierAsync();
      const code = (await authorize(client, codeChallenge!)).searchParams.get('code')!;
      const other = await client.generateCodeVerifierAsync();
      await assert.rejects(client.getToken({ code, codeVerifier: other.codeVerifier }), /invalid_grant/);

      const { codeVerifier: v2, codeChallenge: c2 } = await client.generateCodeVerifierAsync();
      const code2 = (await authorize(client, c2!)).searchParams.get('code')!;
      const r = await postForm(emu.tokenUrl, {
        grant_type: 'authorization_code',
        code: code2,
        code_verifier: v2,
        redirect_uri: 'http://127.0.0.1:1/other',
        client_id: emu.oauthClient.clientId,
        client_secret: emu.oauthClient.clientSecret,
      });
      assert.equal(r.status, 400);
    });

    it('Deny redirects with error=access_denied; non-loopback redirect_uri and missing PKCE are refused', async () => {
      const client = oauthClient();
      const { codeChallenge } = await client.generateCodeVerifierAsync();
      const denied = await authorize(client, codeChallenge!, { decision: 'deny' });
      assert.equal(denied.searchParams.get('error'), 'access_denied');
      assert.equal(denied.searchParams.get('code'), null);

      const bad = new URL(emu.authUrl);
      bad.search = new URLSearchParams({
        client_id: emu.oauthClient.clientId,
        redirect_uri: 'https://evil.example/cb',
        response_type: 'code',
        scope: SCOPES.browsers,
        code_challenge: codeChallenge!,
        code_challenge_method: 'S256',
      }).toString();
      const res = await fetch(bad);
      assert.equal(res.status, 400);
      assert.match(await res.text(), /redirect_uri_mismatch/);
      bad.searchParams.set('redirect_uri', redirectUri);
      bad.searchParams.delete('code_challenge');
      assert.equal((await fetch(bad)).status, 400);
    });

    it('the consent form posts back and redirects to the loopback URI', async () => {
      const client = oauthClient();
      const { codeChallenge } = await client.generateCodeVerifierAsync();
      const authUrl = new URL(
        client.generateAuthUrl({ scope: [SCOPES.browsers], code_challenge: codeChallenge, code_challenge_method: CodeChallengeMethod.S256 }),
      );
      const form = new URLSearchParams(authUrl.searchParams);
      form.set('login_hint', emu.nonAdminEmail);
      form.set('decision', 'allow');
      const res = await fetch(`${emu.url}/o/oauth2/v2/auth/approve`, { method: 'POST', body: form, redirect: 'manual' });
      assert.equal(res.status, 302);
      assert.ok(new URL(res.headers.get('location')!).searchParams.get('code'));
    });
  });

  describe('API authorization', () => {
    it('401 authError without a token or with a token it did not issue', async () => {
      for (const token of [undefined, 'ya29.not-issued-here']) {
        const r = await call(emu, token, 'GET', browsersPath());
        assert.equal(r.status, 401);
        assert.equal(r.json.error.errors[0].reason, 'authError');
        assert.equal(r.json.error.status, 'UNAUTHENTICATED');
      }
    });

    it('403 insufficientPermissions naming the scope for read-only tokens on writes', async () => {
      const ro = emu.issueAccessToken([SCOPES.browsersReadonly]);
      assert.equal((await call(emu, ro, 'GET', browsersPath())).status, 200);
      const id = emu.fleet.browsers.keys().next().value!;
      const r = await call(emu, ro, 'PUT', `${browsersPath()}/${id}`, { body: { annotatedUser: 'x' } });
      assert.equal(r.status, 403);
      assert.equal(r.json.error.errors[0].reason, 'insufficientPermissions');
      assert.ok(r.json.error.message.includes(SCOPES.browsers));
      const t = await call(emu, ro, 'POST', tokensPath(), { body: { token_type: 'CHROME_BROWSER' } });
      assert.equal(t.status, 403);
    });

    it('403 insufficientPermissions when the org-unit scope is missing', async () => {
      const r = await call(emu, emu.issueAccessToken([SCOPES.browsers]), 'GET', orgUnitsPath(), { query: { type: 'all' } });
      assert.equal(r.status, 403);
      assert.equal(r.json.error.errors[0].reason, 'insufficientPermissions');
    });

    it('403 forbidden for a non-admin subject and for another customer', async () => {
      const user = emu.issueAccessToken([SCOPES.browsers], emu.nonAdminEmail);
      const r = await call(emu, user, 'GET', browsersPath());
      assert.equal(r.status, 403);
      assert.equal(r.json.error.errors[0].reason, 'forbidden');
      assert.equal(r.json.error.message, 'Not Authorized to access this resource/api');
      const admin = emu.issueAccessToken([SCOPES.browsers]);
      assert.equal((await call(emu, admin, 'GET', browsersPath(emu.customerId))).status, 200);
      assert.equal((await call(emu, admin, 'GET', browsersPath('C0other'))).status, 403);
    });

    it('expired access tokens are refused', async () => {
      const short = await Emulator.start({ browsers: 1, accessTokenLifetimeSeconds: 60 });
      try {
        const token = short.issueAccessToken([SCOPES.browsers]);
        assert.equal((await call(short, token, 'GET', browsersPath())).status, 200);
        short.advanceClock(61_000);
        assert.equal((await call(short, token, 'GET', browsersPath())).status, 401);
      } finally {
        await short.stop();
      }
    });
  });
});
