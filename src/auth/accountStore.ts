import type * as vscode from 'vscode';
import type { ServiceAccountKey } from './keyValidation';
import type { InstalledAppResult, OAuthClientSettings } from './oauthTokenSource';
import type { AccessLevel } from './scopes';

export type AccountKind = 'serviceAccount' | 'oauth';

/** What is remembered about an account outside SecretStorage: labels and public identifiers only. */
export interface AccountInfo {
  readonly id: string;
  readonly kind: AccountKind;
  /** Shown in the status bar, the switcher and the Accounts menu (the admin's e-mail when known). */
  readonly label: string;
  /** Impersonated admin (service account) or the signed-in user, when known. */
  readonly email?: string;
  /** The service account's own address (service accounts only). */
  readonly serviceAccountEmail?: string;
  /** Service-account unique id or OAuth client id: public identifiers. */
  readonly clientId?: string;
  /** `my_customer` or the customer id (C0…) the account manages. */
  readonly customerId: string;
  /** Access level asked at sign-in; OAuth grants cannot grow without a new consent. */
  readonly accessLevel: AccessLevel;
  readonly scopes: readonly string[];
  readonly signedInAt: number;
}

/** What every sign-in records besides its credentials. */
export interface SignInFacts {
  readonly customerId: string;
  readonly accessLevel: AccessLevel;
  readonly scopes: readonly string[];
  /** Milliseconds since the epoch (the caller's clock). */
  readonly now: number;
}

/**
 * The remembered part of a service-account sign-in. It is handed the whole key so that the one place deciding what
 * leaves SecretStorage is here, and unit-tested: ids and addresses only, never `private_key`.
 */
export function serviceAccountInfo(key: ServiceAccountKey, subject: string, facts: SignInFacts): AccountInfo {
  return {
    id: `sa:${subject}:${key.client_email}`,
    kind: 'serviceAccount',
    label: subject,
    email: subject,
    serviceAccountEmail: key.client_email,
    clientId: key.client_id,
    customerId: facts.customerId,
    accessLevel: facts.accessLevel,
    scopes: facts.scopes,
    signedInAt: facts.now,
  };
}

/** The remembered part of a Google (OAuth) sign-in: the client id and e-mail, never the client secret or a token. */
export function oauthAccountInfo(
  client: Pick<OAuthClientSettings, 'clientId' | 'clientSecret'>,
  result: InstalledAppResult,
  facts: SignInFacts,
): AccountInfo {
  return {
    id: `oauth:${result.email ?? 'user'}:${client.clientId}`,
    kind: 'oauth',
    label: result.email ?? `Google account (client ${client.clientId.slice(0, 12)}…)`,
    email: result.email,
    clientId: client.clientId,
    customerId: facts.customerId,
    accessLevel: facts.accessLevel,
    scopes: facts.scopes,
    signedInAt: facts.now,
  };
}

interface StoredAccounts {
  readonly version: 1;
  readonly accounts: readonly AccountInfo[];
  readonly activeId?: string;
}

/** globalState key; its value never holds a secret (the canary test reads every globalState value). */
export const ACCOUNTS_STATE_KEY = 'cbcm.auth.accounts';

export class AccountStore {
  constructor(private readonly memento: vscode.Memento) {}

  private read(): StoredAccounts {
    const v = this.memento.get<StoredAccounts>(ACCOUNTS_STATE_KEY);
    return v && v.version === 1 && Array.isArray(v.accounts) ? v : { version: 1, accounts: [] };
  }

  get accounts(): readonly AccountInfo[] {
    return this.read().accounts;
  }

  get activeId(): string | undefined {
    const s = this.read();
    return s.activeId && s.accounts.some((a) => a.id === s.activeId) ? s.activeId : undefined;
  }

  find(id: string): AccountInfo | undefined {
    return this.read().accounts.find((a) => a.id === id);
  }

  async upsert(account: AccountInfo, makeActive: boolean): Promise<void> {
    const s = this.read();
    const accounts = [...s.accounts.filter((a) => a.id !== account.id), account];
    await this.memento.update(ACCOUNTS_STATE_KEY, { version: 1, accounts, activeId: makeActive ? account.id : s.activeId });
  }

  /** Removes the account; when it was active, the next remaining account (if any) becomes active. */
  async remove(id: string): Promise<void> {
    const s = this.read();
    const accounts = s.accounts.filter((a) => a.id !== id);
    const activeId = s.activeId === id ? accounts[0]?.id : s.activeId;
    await this.memento.update(ACCOUNTS_STATE_KEY, { version: 1, accounts, activeId });
  }

  async setActive(id: string): Promise<void> {
    const s = this.read();
    if (!s.accounts.some((a) => a.id === id)) throw new Error(`Unknown account ${id}.`);
    await this.memento.update(ACCOUNTS_STATE_KEY, { ...s, activeId: id });
  }
}
