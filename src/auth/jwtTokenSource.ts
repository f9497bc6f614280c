/**
 * Service account + domain-wide delegation: google-auth-library's `JWT` with `subject` (the admin to impersonate)
 * and explicit scopes, exposed as the API client's `AccessTokenSource`. No vscode import.
 */
import type { JWT, gaxios } from 'google-auth-library';
import { googleAuthLibrary } from './googleAuthLibrary';
import type { AccessTokenSource } from '../api/tokenSource';
import { raceAbort, throwIfAborted } from './abort';
import type { ServiceAccountKey } from './keyValidation';
import { AuthError, mapTokenError, TokenErrorContext } from './tokenErrors';
import { DEFAULT_TOKEN_TIMEOUT_MS, tokenTransportOptions } from './tokenTransport';

/** Where `JWT` always posts its JWT-bearer grant (and the assertion's `aud`), whatever the key's `token_uri` says. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

function sameEndpoint(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname.replace(/\/+$/, '') === y.pathname.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/**
 * Makes a Gaxios transporter send requests for Google's token URL to `tokenUrl` instead (the emulator, or a
 * corporate token proxy). When `tokenUrl` *is* Google's, nothing is installed, so production requests are
 * exactly what the library sends. The request itself (signed assertion, grant type) is unchanged.
 */
export function redirectGoogleTokenUrl(transporter: gaxios.Gaxios, tokenUrl: string): void {
  if (sameEndpoint(tokenUrl, GOOGLE_TOKEN_URL)) return;
  const target = new URL(tokenUrl);
  transporter.interceptors.request.add({
    resolved: (config: gaxios.GaxiosOptionsPrepared) => {
      if (sameEndpoint(config.url.toString(), GOOGLE_TOKEN_URL)) {
        config.url = new URL(target.toString());
        // A proxy agent chosen for the https Google URL cannot carry a plain-http request.
        if (target.protocol === 'http:') delete config.agent;
      }
      return Promise.resolve(config);
    },
  });
}

export interface JwtTokenSourceOptions {
  readonly key: ServiceAccountKey;
  /** Admin the service account acts as. */
  readonly subject: string;
  readonly scopes: readonly string[];
  /** Configured token endpoint (`cbcm.oauthTokenUrl`). */
  readonly tokenUrl: string;
  /** Only used to build the delegation link in error messages. */
  readonly adminConsoleUrl: string;
  /** Time-out of one token request (default 30 s). */
  readonly timeoutMs?: number;
}

export class JwtTokenSource implements AccessTokenSource {
  private readonly client: JWT;
  private readonly errorContext: TokenErrorContext;

  constructor(options: JwtTokenSourceOptions) {
    this.client = new (googleAuthLibrary().JWT)({
      email: options.key.client_email,
      key: options.key.private_key,
      subject: options.subject,
      scopes: [...options.scopes],
      transporterOptions: tokenTransportOptions(options.timeoutMs),
    });
    redirectGoogleTokenUrl(this.client.transporter, options.tokenUrl);
    this.errorContext = {
      flow: 'serviceAccount',
      stage: 'signIn',
      tokenUrl: options.tokenUrl,
      scopes: options.scopes,
      adminConsoleUrl: options.adminConsoleUrl,
      clientId: options.key.client_id,
      subject: options.subject,
      timeoutMs: options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS,
    };
  }

  async getAccessToken(signal?: AbortSignal): Promise<string> {
    throwIfAborted(signal);
    try {
      const { token } = await raceAbort(this.client.getAccessToken(), signal);
      if (!token) throw new AuthError('tokenEndpoint', 'The token endpoint answered without an access token.', 'retry');
      return token;
    } catch (err) {
      throw mapTokenError(err, this.errorContext);
    }
  }

  /** Forget the cached token: the next call signs a new assertion. */
  invalidate(): void {
    this.client.gtoken = undefined;
    this.client.credentials = { refresh_token: 'jwt-placeholder', expiry_date: 1 };
  }
}
