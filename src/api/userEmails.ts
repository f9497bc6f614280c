// Creator and revoker ids of enrollment tokens shown as e-mail addresses, where the account may read users:
// Directory API v1 users.get (GET /admin/directory/v1/users/{userKey}?fields=primaryEmail, scope
// admin.directory.user.readonly or admin.directory.user). Through the account's transport, so the rate limiter,
// time-outs and retries of every request apply. Each id is asked once per session (the cache lives as long as the
// backend, which is rebuilt on every account change); a failure (403 without the scope, 404 for a deleted user)
// answers undefined, so the caller shows the id, and is logged at debug only. No vscode import.
import type { HttpTransport } from './http';
import type { TokenListPage } from './types';

export const USERS_READONLY_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user.readonly';
export const USERS_SCOPE = 'https://www.googleapis.com/auth/admin.directory.user';

/** Whether these granted scopes let users.get answer. */
export function canReadUsers(scopes: readonly string[]): boolean {
  return scopes.includes(USERS_READONLY_SCOPE) || scopes.includes(USERS_SCOPE);
}

/** The users.get path; the key is one URL path segment. */
export function userPath(userKey: string): string {
  return `/admin/directory/v1/users/${encodeURIComponent(userKey)}`;
}

export class UserEmails {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly http: HttpTransport,
    private readonly debug: (message: string) => void = () => undefined,
  ) {}

  /** The user's primary e-mail, or undefined when it cannot be read (the id is shown instead). */
  emailOf(userId: string, signal?: AbortSignal): Promise<string | undefined> {
    // Only plain ids: anything else (empty, a path) is not a user key this extension sends.
    if (!/^[A-Za-z0-9._@+-]{1,128}$/.test(userId)) return Promise.resolve(undefined);
    let found = this.cache.get(userId);
    if (!found) {
      found = this.fetch(userId, signal);
      this.cache.set(userId, found);
    }
    return found;
  }

  private async fetch(userId: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
      const user = await this.http.send<{ primaryEmail?: unknown } | undefined>(
        {
          operation: 'users.get',
          method: 'GET',
          path: userPath(userId),
          query: { fields: 'primaryEmail' },
          idempotency: 'idempotent',
          target: userId,
        },
        signal,
      );
      const email = user?.primaryEmail;
      return typeof email === 'string' && email.includes('@') ? email : undefined;
    } catch (error) {
      // A cancelled read may be asked again; an answered failure stays the id for the session.
      if (signal?.aborted) this.cache.delete(userId);
      this.debug(`Could not read user ${userId}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}

/**
 * Token pages with each creator's e-mail added where `emailOf` finds one (one request per distinct creator and
 * session, see UserEmails); without a lookup (the account may not read users) the pages pass unchanged.
 */
export async function* withCreatorEmails(
  pages: AsyncIterable<TokenListPage>,
  emailOf: ((userId: string, signal?: AbortSignal) => Promise<string | undefined>) | undefined,
  signal?: AbortSignal,
): AsyncIterable<TokenListPage> {
  for await (const page of pages) {
    if (!emailOf) {
      yield page;
      continue;
    }
    const ids = [...new Set(page.tokens.map((t) => t.creatorId).filter((id): id is string => Boolean(id)))];
    const emails = new Map(await Promise.all(ids.map(async (id) => [id, await emailOf(id, signal)] as const)));
    yield {
      ...page,
      tokens: page.tokens.map((t) => {
        const creatorEmail = t.creatorId ? emails.get(t.creatorId) : undefined;
        return creatorEmail ? { ...t, creatorEmail } : t;
      }),
    };
  }
}
