import * as assert from 'assert';
import { SCOPES } from '../emulator';
import { useEmulator } from '../emulator/fixture';
import { ApiError } from '../../src/api';
import { JwtTokenSource } from '../../src/auth/jwtTokenSource';
import { parseServiceAccountKey } from '../../src/auth/keyValidation';
import { delegationPageUrl, scopesFor } from '../../src/auth/scopes';
import { AuthError, mapTokenError, TokenErrorContext } from '../../src/auth/tokenErrors';
import { listingVerifier } from '../../src/auth/verifyAccess';

const CONSOLE = 'https://admin.google.com';

describe('token-endpoint errors become actions (real answers from the emulator)', function () {
  this.timeout(30000);
  const emu = useEmulator({ browsers: 10, seed: 7, beforeEachTest: 'nothing' });
  const scopes = scopesFor('readWrite');
  afterEach(() => {
    emu.setDelegatedScopes([SCOPES.browsers, SCOPES.browsersReadonly, SCOPES.orgUnitsReadonly]);
  });

  function jwt(subject: string): JwtTokenSource {
    return new JwtTokenSource({
      key: parseServiceAccountKey(JSON.stringify(emu.serviceAccountKey)),
      subject,
      scopes,
      tokenUrl: emu.tokenUrl,
      adminConsoleUrl: CONSOLE,
    });
  }

  async function failure(p: Promise<unknown>): Promise<AuthError> {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof AuthError, `expected AuthError, got ${String(e)}`);
      const everything = `${e.message} ${JSON.stringify(e)} ${e.stack ?? ''}`;
      assert.ok(!everything.includes(emu.serviceAccountKey.private_key.split('\n')[1]), 'no key material');
      assert.ok(!everything.includes('PRIVATE KEY'), 'no key material');
      return e;
    }
    assert.fail('expected a failure');
  }

  it('unauthorized_client: delegation missing → client id, exact scopes and a pre-filled delegation link', async () => {
    emu.setDelegatedScopes([SCOPES.orgUnitsReadonly]);
    const err = await failure(jwt(emu.adminEmail).getAccessToken());
    assert.strictEqual(err.code, 'delegationNotGranted');
    assert.strictEqual(err.action, 'openDelegationPage');
    const clientId = emu.serviceAccountKey.client_id;
    assert.ok(err.message.includes(clientId));
    for (const s of scopes) assert.ok(err.message.includes(s), `message names ${s}`);
    assert.deepStrictEqual(err.details.scopes, scopes);
    const url = new URL(err.details.delegationUrl ?? '');
    assert.strictEqual(`${url.origin}${url.pathname}`, `${CONSOLE}/ac/owl/domainwidedelegation`);
    assert.strictEqual(url.searchParams.get('clientIdToAdd'), clientId);
    assert.strictEqual(url.searchParams.get('clientScopeToAdd'), scopes.join(','));
    assert.strictEqual(url.searchParams.get('overwriteClientId'), 'true');
  });

  it('invalid_grant for an unknown admin → unknownAdmin naming the address, offer another admin', async () => {
    const err = await failure(jwt('nobody@example.test').getAccessToken());
    assert.strictEqual(err.code, 'unknownAdmin');
    assert.strictEqual(err.action, 'retryWithAnotherEmail');
    assert.match(err.message, /nobody@example\.test/);
  });

  it('invalid_grant because of clock skew → clockSkew', async () => {
    emu.advanceClock(3 * 3600 * 1000);
    try {
      const err = await failure(jwt(emu.adminEmail).getAccessToken());
      assert.strictEqual(err.code, 'clockSkew');
      assert.strictEqual(err.action, 'checkClock');
      assert.match(err.message, /clock/);
    } finally {
      emu.advanceClock(-3 * 3600 * 1000);
    }
  });

  it('403 from the first API call for a non-admin → notAdmin', async () => {
    const source = jwt(emu.nonAdminEmail);
    await source.getAccessToken();
    const verify = listingVerifier(() => ({ apiBaseUrl: emu.url, requestTimeoutMs: 10000 }));
    const ctx: TokenErrorContext = {
      flow: 'serviceAccount',
      stage: 'verify',
      tokenUrl: emu.tokenUrl,
      scopes,
      adminConsoleUrl: CONSOLE,
      clientId: emu.serviceAccountKey.client_id,
      subject: emu.nonAdminEmail,
    };
    const err = await failure(verify(source, emu.customerId).catch((e: unknown) => Promise.reject(mapTokenError(e, ctx))));
    assert.strictEqual(err.code, 'notAdmin');
    assert.strictEqual(err.details.status, 403);
    assert.match(err.message, new RegExp(emu.nonAdminEmail.replace('.', '\\.')));
  });
});

describe('mapTokenError on other shapes', () => {
  const ctx: TokenErrorContext = {
    flow: 'serviceAccount',
    stage: 'verify',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopes: scopesFor('readOnly'),
    adminConsoleUrl: CONSOLE,
    clientId: '1234',
    subject: 'admin@example.com',
  };

  it('passes through an AuthError the API client wrapped as its cause', () => {
    const ours = new AuthError('refreshTokenRevoked', 'Sign in again.', 'signInAgain');
    const wrapped = new ApiError({ kind: 'auth', operation: 'browsers.list', message: `Could not sign in: ${ours.message}`, cause: ours });
    assert.strictEqual(mapTokenError(wrapped, ctx), ours);
  });

  it('a 403 insufficient-scope answer asks for the delegation of the scopes', () => {
    const e = new ApiError({ kind: 'permission', operation: 'browsers.list', message: 'x', status: 403, reason: 'insufficientPermissions' });
    const err = mapTokenError(e, ctx);
    assert.strictEqual(err.code, 'delegationNotGranted');
    assert.strictEqual(err.details.delegationUrl, delegationPageUrl(CONSOLE, '1234', ctx.scopes));
  });

  it('a 403 accessNotConfigured answer asks to enable the Admin SDK', () => {
    const e = new ApiError({ kind: 'permission', operation: 'browsers.list', message: 'x', status: 403, reason: 'accessNotConfigured' });
    assert.strictEqual(mapTokenError(e, ctx).code, 'apiNotEnabled');
  });

  it('an OAuth invalid_grant at refresh time means the sign-in was revoked', () => {
    const gaxiosLike = {
      message: 'invalid_grant',
      response: { status: 400, data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } },
    };
    const err = mapTokenError(gaxiosLike, { ...ctx, flow: 'oauth', stage: 'refresh' });
    assert.strictEqual(err.code, 'refreshTokenRevoked');
  });

  it('never echoes an error description that could carry input, only well-formed codes', () => {
    const secret = 'ya29.SECRET-TOKEN-VALUE';
    const err = mapTokenError({ response: { status: 400, data: { error: `weird ${secret}`, error_description: secret } } }, ctx);
    assert.ok(!err.message.includes(secret));
    assert.ok(!JSON.stringify(err).includes(secret));
  });

  it('cancellation (AbortError) maps to cancelled', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    assert.strictEqual(mapTokenError(abort, ctx).code, 'cancelled');
  });
});
