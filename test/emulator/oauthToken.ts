// POST /token (stands in for https://oauth2.googleapis.com/token) and POST /revoke.
import { createHash } from 'node:crypto';
import type { EmuRequest, EmulatorContext, Reply } from './context';
import { OAuthError } from './errors';
import { checkJwtTimes, verifyJwtSignature } from './jwt';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const ACCEPTED_AUDIENCES = [GOOGLE_TOKEN_URL, 'https://www.googleapis.com/oauth2/v4/token', 'https://accounts.google.com/o/oauth2/token'];
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export function handleToken(ctx: EmulatorContext, req: EmuRequest): Reply {
  const form = new URLSearchParams(req.body);
  const grantType = form.get('grant_type');
  switch (grantType) {
    case JWT_GRANT:
      return jwtGrant(ctx, form);
    case 'authorization_code':
      return authorizationCodeGrant(ctx, form, req);
    case 'refresh_token':
      return refreshGrant(ctx, form, req);
    case null:
      throw new OAuthError(400, 'unsupported_grant_type', 'Missing grant_type.');
    default:
      throw new OAuthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
  }
}

function tokenReply(json: Record<string, unknown>): Reply {
  return { json, headers: { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate', Pragma: 'no-cache' } };
}

function jwtGrant(ctx: EmulatorContext, form: URLSearchParams): Reply {
  const assertion = form.get('assertion');
  if (!assertion) throw new OAuthError(400, 'invalid_request', 'Missing required parameter: assertion');
  const checked = verifyJwtSignature(assertion, ctx.serviceAccountPublicKey);
  if (!checked.ok) throw new OAuthError(400, 'invalid_grant', checked.description);
  const c = checked.claims;
  const sa = ctx.serviceAccountKey;
  if (c.iss !== sa.client_email) throw new OAuthError(400, 'invalid_grant', 'Invalid grant: account not found');
  if (typeof c.aud !== 'string' || (c.aud !== ctx.tokenUrl && !ACCEPTED_AUDIENCES.includes(c.aud))) {
    throw new OAuthError(400, 'invalid_grant', `Invalid JWT: Failed audience check. The right audience is ${GOOGLE_TOKEN_URL}`);
  }
  if (!checkJwtTimes(c, ctx.clock())) {
    throw new OAuthError(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  }
  const scopes = typeof c.scope === 'string' ? c.scope.split(/\s+/).filter(Boolean) : [];
  if (scopes.length === 0) throw new OAuthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  let subject = sa.client_email;
  if (c.sub !== undefined && c.sub !== sa.client_email) {
    const user = typeof c.sub === 'string' ? ctx.fleet.findUser(c.sub) : undefined;
    if (!user) throw new OAuthError(400, 'invalid_grant', 'Invalid email or User ID');
    if (!scopes.every((s) => ctx.delegatedScopes.includes(s))) {
      throw new OAuthError(
        401,
        'unauthorized_client',
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
      );
    }
    subject = user.email;
  }
  const { token, expiresIn } = ctx.accessTokens.issue(scopes, subject);
  return tokenReply({ access_token: token, expires_in: expiresIn, token_type: 'Bearer' });
}

/** client_id/client_secret from the form or from HTTP Basic auth. */
function authenticateClient(ctx: EmulatorContext, form: URLSearchParams, req: EmuRequest): string {
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [u, p] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    id = decodeURIComponent(u ?? '');
    secret = decodeURIComponent(p ?? '');
  }
  const client = ctx.oauth.client;
  if (id !== client.clientId) throw new OAuthError(401, 'invalid_client', 'The OAuth client was not found.');
  if (secret !== client.clientSecret) throw new OAuthError(401, 'invalid_client', 'Unauthorized');
  return id;
}

function authorizationCodeGrant(ctx: EmulatorContext, form: URLSearchParams, req: EmuRequest): Reply {
  const clientId = authenticateClient(ctx, form, req);
  const code = form.get('code') ?? '';
  const pending = ctx.oauth.codes.get(code);
  // Codes are single-use: the first exchange consumes it whatever the outcome.
  ctx.oauth.codes.delete(code);
  if (!pending || pending.expiresAt <= ctx.clock()) throw new OAuthError(400, 'invalid_grant', 'Malformed auth code.');
  if (pending.clientId !== clientId) throw new OAuthError(400, 'invalid_grant', 'Bad Request');
  if (form.get('redirect_uri') !== pending.redirectUri) throw new OAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
  const verifier = form.get('code_verifier');
  if (!verifier) throw new OAuthError(400, 'invalid_grant', 'Missing code verifier.');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  if (challenge !== pending.codeChallenge) throw new OAuthError(400, 'invalid_grant', 'Invalid code verifier.');
  const { token, expiresIn } = ctx.accessTokens.issue(pending.scopes, pending.subject);
  const json: Record<string, unknown> = { access_token: token, expires_in: expiresIn, scope: pending.scopes.join(' '), token_type: 'Bearer' };
  if (pending.offline) json.refresh_token = ctx.oauth.newRefreshToken({ clientId, scopes: pending.scopes, subject: pending.subject });
  return tokenReply(json);
}

function refreshGrant(ctx: EmulatorContext, form: URLSearchParams, req: EmuRequest): Reply {
  const clientId = authenticateClient(ctx, form, req);
  const grant = ctx.oauth.refreshTokens.get(form.get('refresh_token') ?? '');
  if (!grant || grant.clientId !== clientId) throw new OAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
  const { token, expiresIn } = ctx.accessTokens.issue(grant.scopes, grant.subject);
  return tokenReply({ access_token: token, expires_in: expiresIn, scope: grant.scopes.join(' '), token_type: 'Bearer' });
}

/** POST /revoke?token=… (or form body): revokes an access or refresh token, like Google's endpoint. */
export function handleRevoke(ctx: EmulatorContext, req: EmuRequest): Reply {
  const token = req.query.get('token') ?? new URLSearchParams(req.body).get('token') ?? '';
  const wasRefresh = ctx.oauth.refreshTokens.delete(token);
  const wasAccess = ctx.accessTokens.revoke(token);
  if (!wasRefresh && !wasAccess) throw new OAuthError(400, 'invalid_token', 'Token expired or revoked');
  return { json: {} };
}
