// The 3-legged OAuth consent page (GET /o/oauth2/v2/auth) and its approval endpoint, which redirects
// to the loopback redirect_uri with ?code=…&state=… (or error=access_denied).
import type { EmuRequest, EmulatorContext, Reply } from './context';
import { escapeHtml } from './httpUtil';

const CODE_LIFETIME_MS = 10 * 60_000;

interface AuthParams {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string;
  offline: boolean;
  loginHint: string | null;
}

class ConsentError extends Error {}

function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

function validate(ctx: EmulatorContext, p: URLSearchParams): AuthParams {
  const clientId = p.get('client_id') ?? '';
  if (clientId !== ctx.oauth.client.clientId) throw new ConsentError('Error 401: invalid_client. The OAuth client was not found.');
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!isLoopback(redirectUri)) {
    throw new ConsentError('Error 400: redirect_uri_mismatch. This client only accepts loopback redirect URIs (http://127.0.0.1:PORT/...).');
  }
  if (p.get('response_type') !== 'code') throw new ConsentError('Error 400: invalid_request. response_type must be "code".');
  const scopes = (p.get('scope') ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) throw new ConsentError('Error 400: invalid_request. Missing required parameter: scope');
  const codeChallenge = p.get('code_challenge') ?? '';
  if (!/^[A-Za-z0-9_-]{43,128}$/.test(codeChallenge)) throw new ConsentError('Error 400: invalid_request. A PKCE code_challenge (S256) is required.');
  if (p.get('code_challenge_method') !== 'S256') throw new ConsentError('Error 400: invalid_request. code_challenge_method must be S256.');
  return {
    clientId,
    redirectUri,
    scopes,
    state: p.get('state'),
    codeChallenge,
    offline: p.get('access_type') === 'offline',
    loginHint: p.get('login_hint'),
  };
}

function errorPage(message: string): Reply {
  return {
    status: 400,
    html: `<!doctype html><html><body><h1>Sign in with Google (emulator)</h1><p id="error">${escapeHtml(message)}</p></body></html>`,
  };
}

export function handleConsentPage(ctx: EmulatorContext, req: EmuRequest): Reply {
  let params: AuthParams;
  try {
    params = validate(ctx, req.query);
  } catch (e) {
    if (e instanceof ConsentError) return errorPage(e.message);
    throw e;
  }
  const hidden = [...req.query.entries()]
    .filter(([k]) => k !== 'login_hint')
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n');
  const options = ctx.fleet.users
    .map((u) => `<option value="${escapeHtml(u.email)}"${u.email === params.loginHint ? ' selected' : ''}>${escapeHtml(u.email)}</option>`)
    .join('');
  const scopes = params.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>Sign in - Google Accounts (emulator)</title></head>
<body>
<h1>Sign in with Google (emulator)</h1>
<p>CBCM Explorer wants to access your Google Account:</p>
<ul id="scopes">${scopes}</ul>
<form method="POST" action="/o/oauth2/v2/auth/approve">
${hidden}
<label>Account <select id="account" name="login_hint">${options}</select></label>
<button id="allow" type="submit" name="decision" value="allow">Allow</button>
<button id="deny" type="submit" name="decision" value="deny">Deny</button>
</form>
</body></html>`;
  return { html };
}

/** POST (form) from the page, or GET with the same parameters plus login_hint (and decision) for automation. */
export function handleApprove(ctx: EmulatorContext, req: EmuRequest): Reply {
  const p = req.method === 'POST' ? new URLSearchParams(req.body) : req.query;
  let params: AuthParams;
  try {
    params = validate(ctx, p);
  } catch (e) {
    if (e instanceof ConsentError) return errorPage(e.message);
    throw e;
  }
  const target = new URL(params.redirectUri);
  if (p.get('decision') === 'deny') {
    target.searchParams.set('error', 'access_denied');
  } else {
    const user = ctx.fleet.findUser(params.loginHint ?? '');
    if (!user)
      return errorPage(
        `Error 400: unknown account ${params.loginHint ?? '(none)'}; choose one of ${ctx.fleet.users.map((u) => u.email).join(', ')}.`,
      );
    const code = ctx.oauth.newCode({
      clientId: params.clientId,
      redirectUri: params.redirectUri,
      scopes: params.scopes,
      subject: user.email,
      codeChallenge: params.codeChallenge,
      expiresAt: ctx.clock() + CODE_LIFETIME_MS,
      offline: params.offline,
    });
    target.searchParams.set('code', code);
    target.searchParams.set('scope', params.scopes.join(' '));
  }
  if (params.state !== null) target.searchParams.set('state', params.state);
  return { redirect: target.toString() };
}
