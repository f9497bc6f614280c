/**
 * 3-legged OAuth for an installed (desktop) app: authorization code + PKCE S256 + random state, received on a
 * loopback listener, offline access so a refresh token can be kept. Endpoints come from configuration, so the
 * same code runs against Google or the emulator. No vscode import.
 */
import type { OAuth2Client } from 'google-auth-library';
import { googleAuthLibrary } from './googleAuthLibrary';
import type { AccessTokenSource } from '../api/tokenSource';
import { raceAbort, throwIfAborted } from './abort';
import { newState, startLoopbackReceiver } from './oauthLoopback';
import { AuthError, mapTokenError, TokenErrorContext } from './tokenErrors';
import { DEFAULT_TOKEN_TIMEOUT_MS, tokenTransportOptions } from './tokenTransport';

export interface OAuthClientSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** `cbcm.oauthTokenUrl` */
  readonly tokenUrl: string;
  /** `cbcm.oauthAuthUrl` (consent page) */
  readonly authUrl: string;
  /** For the links in error messages. */
  readonly adminConsoleUrl: string;
  /** Time-out of one request to the token endpoint (default 30 s). */
  readonly timeoutMs?: number;
}

export function createOAuthClient(settings: OAuthClientSettings, redirectUri?: string): OAuth2Client {
  return new (googleAuthLibrary().OAuth2Client)({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri,
    endpoints: { oauth2TokenUrl: settings.tokenUrl, oauth2AuthBaseUrl: settings.authUrl },
    transporterOptions: tokenTransportOptions(settings.timeoutMs),
  });
}

export interface InstalledAppFlowOptions {
  readonly client: OAuthClientSettings;
  readonly scopes: readonly string[];
  /** Shows the consent page to the admin (VS Code: `env.openExternal`; tests: an HTTP client). */
  openUrl(authorizeUrl: string): Promise<void> | void;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /**
   * Maps the listener's own address (`http://127.0.0.1:<port>/`) to the redirect URI the browser can reach (VS
   * Code: `env.asExternalUri`, a forwarded port in remote windows); it may throw when no usable one exists.
   * Both the consent request and the code exchange use the result. Default: the listener's address.
   */
  readonly resolveRedirectUri?: (listenerUri: string) => Promise<string>;
}

export interface InstalledAppResult {
  readonly refreshToken: string;
  readonly accessToken: string;
  readonly expiryDate?: number;
  /** From the ID token when the endpoint returned one; a label, not used for authorization. */
  readonly email?: string;
}

function errorContext(
  settings: OAuthClientSettings,
  scopes: readonly string[],
  stage: TokenErrorContext['stage'],
  subject?: string,
): TokenErrorContext {
  return {
    flow: 'oauth',
    stage,
    tokenUrl: settings.tokenUrl,
    scopes,
    adminConsoleUrl: settings.adminConsoleUrl,
    clientId: settings.clientId,
    subject,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
  };
}

/** Reads `email` from an ID token's payload (no signature check: it only labels the account). */
export function emailFromIdToken(idToken: string | null | undefined): string | undefined {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { email?: unknown };
    return typeof claims.email === 'string' ? claims.email : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the whole consent round-trip and returns the tokens; the loopback port is closed when this settles. */
export async function runInstalledAppFlow(options: InstalledAppFlowOptions): Promise<InstalledAppResult> {
  throwIfAborted(options.signal);
  const state = newState();
  const receiver = await startLoopbackReceiver({ state, timeoutMs: options.timeoutMs, signal: options.signal });
  try {
    const redirectUri = options.resolveRedirectUri ? await options.resolveRedirectUri(receiver.redirectUri) : receiver.redirectUri;
    const client = createOAuthClient(options.client, redirectUri);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const authorizeUrl = client.generateAuthUrl({
      access_type: 'offline',
      // Without a fresh consent Google omits the refresh token when the client was approved before.
      prompt: 'consent',
      scope: [...options.scopes],
      state,
      code_challenge_method: googleAuthLibrary().CodeChallengeMethod.S256,
      code_challenge: codeChallenge,
      redirect_uri: redirectUri,
    });
    await options.openUrl(authorizeUrl);
    const code = await receiver.code;
    let tokens;
    try {
      ({ tokens } = await raceAbort(client.getToken({ code, codeVerifier, redirect_uri: redirectUri }), options.signal));
    } catch (err) {
      throw mapTokenError(err, errorContext(options.client, options.scopes, 'signIn'));
    }
    if (!tokens.refresh_token || !tokens.access_token) {
      throw new AuthError(
        'tokenEndpoint',
        "The token endpoint did not return a refresh token, so the sign-in could not be kept. Remove CBCM Explorer from your Google account's third-party access, then sign in again.",
        'signInAgain',
      );
    }
    return {
      refreshToken: tokens.refresh_token,
      accessToken: tokens.access_token,
      expiryDate: tokens.expiry_date ?? undefined,
      email: emailFromIdToken(tokens.id_token),
    };
  } finally {
    await receiver.close();
  }
}

export interface OAuthTokenSourceOptions {
  readonly client: OAuthClientSettings;
  readonly refreshToken: string;
  readonly scopes: readonly string[];
  /** The signed-in user, for error messages. */
  readonly subject?: string;
  /** The access token the sign-in already obtained, so the first call does not refresh again. */
  readonly initialAccessToken?: { readonly token: string; readonly expiryDate?: number };
  /** Called if the token endpoint rotates the refresh token, so the new one can be persisted. */
  readonly onRefreshTokenRotated?: (refreshToken: string) => void;
}

/** Access tokens from a stored refresh token; google-auth-library caches them until shortly before expiry. */
export class OAuthTokenSource implements AccessTokenSource {
  private readonly client: OAuth2Client;
  private refreshToken: string;

  constructor(private readonly options: OAuthTokenSourceOptions) {
    this.refreshToken = options.refreshToken;
    this.client = createOAuthClient(options.client);
    this.client.setCredentials({
      refresh_token: this.refreshToken,
      access_token: options.initialAccessToken?.token,
      expiry_date: options.initialAccessToken?.expiryDate,
    });
    this.client.on('tokens', (tokens) => {
      if (tokens.refresh_token && tokens.refresh_token !== this.refreshToken) {
        this.refreshToken = tokens.refresh_token;
        this.client.setCredentials({ ...this.client.credentials, refresh_token: tokens.refresh_token });
        options.onRefreshTokenRotated?.(tokens.refresh_token);
      }
    });
  }

  async getAccessToken(signal?: AbortSignal): Promise<string> {
    throwIfAborted(signal);
    try {
      const { token } = await raceAbort(this.client.getAccessToken(), signal);
      if (!token) throw new AuthError('tokenEndpoint', 'The token endpoint answered without an access token.', 'retry');
      return token;
    } catch (err) {
      throw mapTokenError(err, errorContext(this.options.client, this.options.scopes, 'refresh', this.options.subject));
    }
  }

  invalidate(): void {
    this.client.setCredentials({ refresh_token: this.refreshToken });
  }
}

/** Google's revocation endpoint sits next to its token endpoint (`…/token` → `…/revoke`); so does the emulator's. */
export function revokeUrlFor(tokenUrl: string): string {
  const url = new URL(tokenUrl);
  url.pathname = url.pathname.replace(/\/token\/?$/, '/revoke');
  return url.toString();
}

/**
 * Asks the endpoint to revoke a refresh token (sign-out). The token goes in the POST body, not the URL, so it
 * cannot end up in a proxy or request log. Throws an `AuthError` without the token on failure.
 */
export async function revokeRefreshToken(settings: OAuthClientSettings, refreshToken: string, timeoutMs = 10_000): Promise<void> {
  const client = createOAuthClient(settings);
  try {
    await client.transporter.request({
      url: revokeUrlFor(settings.tokenUrl),
      method: 'POST',
      data: new URLSearchParams({ token: refreshToken }),
      timeout: timeoutMs,
      retry: false,
    });
  } catch (err) {
    throw mapTokenError(err, errorContext(settings, [], 'refresh'));
  }
}
