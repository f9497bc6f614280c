// Authorization codes, refresh tokens and the installed-app OAuth client the emulator knows.
import { randomBytes } from 'node:crypto';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface PendingCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  subject: string;
  codeChallenge: string;
  expiresAt: number;
  offline: boolean;
}

export interface RefreshGrant {
  clientId: string;
  scopes: string[];
  subject: string;
}

export class OAuthState {
  readonly codes = new Map<string, PendingCode>();
  readonly refreshTokens = new Map<string, RefreshGrant>();

  constructor(readonly client: OAuthClient) {}

  newCode(pending: PendingCode): string {
    const code = `4/emu-${randomBytes(18).toString('base64url')}`;
    this.codes.set(code, pending);
    return code;
  }

  newRefreshToken(grant: RefreshGrant): string {
    const token = `1//emu-${randomBytes(24).toString('base64url')}`;
    this.refreshTokens.set(token, grant);
    return token;
  }

  /** Revokes every refresh token (e.g. to simulate an admin removing the app's access). */
  revokeAllRefreshTokens(): void {
    this.refreshTokens.clear();
  }
}
