// Bearer tokens the emulator issued, and the scope/admin checks of every API call.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError, forbidden } from './errors';
import type { Fleet } from './fleet';

export const SCOPES = {
  browsers: 'https://www.googleapis.com/auth/admin.directory.device.chromebrowsers',
  browsersReadonly: 'https://www.googleapis.com/auth/admin.directory.device.chromebrowsers.readonly',
  orgUnitsReadonly: 'https://www.googleapis.com/auth/admin.directory.orgunit.readonly',
  orgUnits: 'https://www.googleapis.com/auth/admin.directory.orgunit',
  // Chrome Management API v1 (chromemanagement.googleapis.com), the v1.1beta1 replacement.
  cmBrowsers: 'https://www.googleapis.com/auth/chrome.management.browsers',
  cmBrowsersReadonly: 'https://www.googleapis.com/auth/chrome.management.browsers.readonly',
  cmTokens: 'https://www.googleapis.com/auth/chrome.management.enrollmenttokens',
  cmTokensReadonly: 'https://www.googleapis.com/auth/chrome.management.enrollmenttokens.readonly',
  // Directory API v1 users: not delegated by default (the extension never asks for it); add it with
  // POST /__emulator/delegated-scopes to let a token read users.
  usersReadonly: 'https://www.googleapis.com/auth/admin.directory.user.readonly',
  users: 'https://www.googleapis.com/auth/admin.directory.user',
} as const;

export const DEFAULT_DELEGATED_SCOPES = [
  SCOPES.browsers,
  SCOPES.browsersReadonly,
  SCOPES.orgUnitsReadonly,
  SCOPES.cmBrowsers,
  SCOPES.cmBrowsersReadonly,
  SCOPES.cmTokens,
  SCOPES.cmTokensReadonly,
];

export interface AccessGrant {
  scopes: string[];
  /** The user the token acts for (email), or a service account's own email. */
  subject: string;
  expiresAt: number;
}

/** What a call needs: any one of `anyOf`. `write` tells which message to give a read-only token. */
export interface ScopeRequirement {
  anyOf: string[];
  write: boolean;
}

export const NEEDS = {
  browsersRead: { anyOf: [SCOPES.browsers, SCOPES.browsersReadonly], write: false },
  browsersWrite: { anyOf: [SCOPES.browsers], write: true },
  orgUnitsRead: { anyOf: [SCOPES.orgUnitsReadonly, SCOPES.orgUnits], write: false },
  cmBrowsersRead: { anyOf: [SCOPES.cmBrowsers, SCOPES.cmBrowsersReadonly], write: false },
  cmBrowsersWrite: { anyOf: [SCOPES.cmBrowsers], write: true },
  cmTokensRead: { anyOf: [SCOPES.cmTokens, SCOPES.cmTokensReadonly], write: false },
  cmTokensWrite: { anyOf: [SCOPES.cmTokens], write: true },
  usersRead: { anyOf: [SCOPES.usersReadonly, SCOPES.users], write: false },
} satisfies Record<string, ScopeRequirement>;

export class AccessTokens {
  private readonly grants = new Map<string, AccessGrant>();

  constructor(
    private readonly clock: () => number,
    public lifetimeSeconds: number,
  ) {}

  issue(scopes: string[], subject: string, lifetimeSeconds = this.lifetimeSeconds): { token: string; expiresIn: number } {
    const token = `ya29.emu-${randomBytes(24).toString('base64url')}`;
    this.grants.set(token, { scopes: [...scopes], subject, expiresAt: this.clock() + lifetimeSeconds * 1000 });
    return { token, expiresIn: lifetimeSeconds };
  }

  /** What an issued token grants (undefined: unknown or expired), for tests that check the scopes asked for. */
  lookup(token: string): AccessGrant | undefined {
    const grant = this.grants.get(token);
    return grant && grant.expiresAt > this.clock() ? { ...grant, scopes: [...grant.scopes] } : undefined;
  }

  revoke(token: string): boolean {
    return this.grants.delete(token);
  }

  clear(): void {
    this.grants.clear();
  }

  /** Checks the Authorization header, the scopes and that the subject is an admin. */
  authorize(req: IncomingMessage, need: ScopeRequirement, fleet: Fleet): AccessGrant {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const grant = m ? this.grants.get(m[1]) : undefined;
    if (!grant || grant.expiresAt <= this.clock()) {
      throw new ApiError(
        401,
        'authError',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
    }
    if (!need.anyOf.some((s) => grant.scopes.includes(s))) {
      const readonlyScope = need.write ? need.anyOf.map((s) => `${s}.readonly`).find((s) => grant.scopes.includes(s)) : undefined;
      const message = readonlyScope
        ? `Request had insufficient authentication scopes. The token has only ${readonlyScope} (read-only); this call needs ${need.anyOf.join(' or ')}.`
        : `Request had insufficient authentication scopes. This call needs ${need.anyOf.join(' or ')}.`;
      throw new ApiError(403, 'insufficientPermissions', message, {
        'WWW-Authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${need.anyOf.join(' ')}"`,
      });
    }
    const user = fleet.findUser(grant.subject);
    if (!user?.isAdmin) throw forbidden();
    return grant;
  }
}
