import * as vscode from 'vscode';

/** The only places a credential is ever written: one SecretStorage entry per account and kind. */
export type AccountSecretKind = 'serviceAccountKey' | 'oauthClientSecret' | 'oauthRefreshToken';
export const ACCOUNT_SECRET_KINDS: readonly AccountSecretKind[] = ['serviceAccountKey', 'oauthClientSecret', 'oauthRefreshToken'];

const PREFIX = 'cbcm.account/';

export function secretKey(accountId: string, kind: AccountSecretKind): string {
  return `${PREFIX}${accountId}/${kind}`;
}

function parseSecretKey(key: string): { accountId: string; kind: AccountSecretKind } | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  const rest = key.slice(PREFIX.length);
  const slash = rest.lastIndexOf('/');
  const kind = rest.slice(slash + 1) as AccountSecretKind;
  if (slash <= 0 || !ACCOUNT_SECRET_KINDS.includes(kind)) return undefined;
  return { accountId: rest.slice(0, slash), kind };
}

export interface AccountSecretChange {
  readonly accountId: string;
  readonly kind: AccountSecretKind;
}

/**
 * Typed access to `context.secrets`. `onDidChange` reports changes made by *other* windows (or other code):
 * an event whose value is what this object last wrote is our own echo and is dropped, so a sign-in does not look
 * like an outside change.
 */
export class AccountSecrets implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<AccountSecretChange>();
  readonly onDidChange = this.changeEmitter.event;
  /** key → value this window last wrote (undefined = deleted), to tell our own echoes from other windows' changes. */
  private readonly lastWritten = new Map<string, string | undefined>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange(async (e) => {
      const parsed = parseSecretKey(e.key);
      if (!parsed) return;
      const now = await secrets.get(e.key);
      if (this.lastWritten.has(e.key) && this.lastWritten.get(e.key) === now) return;
      this.lastWritten.set(e.key, now);
      this.changeEmitter.fire(parsed);
    });
  }

  get(accountId: string, kind: AccountSecretKind): Thenable<string | undefined> {
    return this.secrets.get(secretKey(accountId, kind));
  }

  async store(accountId: string, kind: AccountSecretKind, value: string): Promise<void> {
    const key = secretKey(accountId, kind);
    this.lastWritten.set(key, value);
    await this.secrets.store(key, value);
  }

  /** Deletes every kind of secret the account could have, whatever its kind, so nothing is left behind. */
  async deleteAll(accountId: string): Promise<void> {
    for (const kind of ACCOUNT_SECRET_KINDS) {
      const key = secretKey(accountId, kind);
      if ((await this.secrets.get(key)) === undefined) continue;
      this.lastWritten.set(key, undefined);
      await this.secrets.delete(key);
    }
  }

  keysOf(accountId: string): string[] {
    return ACCOUNT_SECRET_KINDS.map((k) => secretKey(accountId, k));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
