import * as vscode from 'vscode';
import type { AccessTokenSource } from '../api/tokenSource';
import type { CbcmConfiguration } from '../configuration';
import { AccountInfo, AccountStore, oauthAccountInfo, serviceAccountInfo } from './accountStore';
import { loopbackRedirectFor, remoteOAuthUnavailable } from './redirectTarget';
import { JwtTokenSource } from './jwtTokenSource';
import { parseServiceAccountKey, ServiceAccountKey, validateAdminEmail } from './keyValidation';
import { OAuthClientSettings, OAuthTokenSource, revokeRefreshToken, runInstalledAppFlow } from './oauthTokenSource';
import { type AccessLevel, OAUTH_IDENTITY_SCOPES, scopesFor } from './scopes';
import { AccountSecrets } from './secretStore';
import { AuthError, mapTokenError, TokenErrorContext } from './tokenErrors';
import { clock } from '../util/clock';

export interface AccountServiceDeps {
  readConfig: () => CbcmConfiguration;
  /** One cheap real API call with the new credentials (the lead wires a 1-item browser listing). */
  verifyAccess: (tokenSource: AccessTokenSource, customerId: string, signal?: AbortSignal) => Promise<void>;
}

export interface OAuthSignInOptions {
  readonly customerId?: string;
  /** Shows the consent page; when absent the URL is only announced through `onDidStartOAuthFlow`. */
  readonly openUrl?: (authorizeUrl: string) => Promise<void> | void;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export interface OAuthFlowStarted {
  /** Consent-page URL: client id, redirect URI, state and PKCE challenge, no secret. */
  readonly authorizeUrl: string;
}

const DEFAULT_CUSTOMER = 'my_customer';

function normalizeCustomerId(value: string | undefined): string {
  const v = (value ?? '').trim();
  if (v === '') return DEFAULT_CUSTOMER;
  if (!/^[A-Za-z0-9_]{1,40}$/.test(v)) {
    throw new AuthError(
      'invalidInput',
      vscode.l10n.t(
        'The customer ID should look like C01234abc (Admin console > Account > Account settings), or be left empty for your own customer.',
      ),
      'none',
    );
  }
  return v;
}

/**
 * Accounts, their credentials and the token source of the active one. Secrets live only in SecretStorage
 * (through `AccountSecrets`); globalState holds the `AccountInfo` labels. Every sign-in proves itself with a
 * real token exchange and a real API call before anything is stored.
 */
export class AccountService implements vscode.Disposable {
  private readonly activeEmitter = new vscode.EventEmitter<AccountInfo | undefined>();
  /** Fires when the active account changes (sign-in, switch, sign-out, or another window). */
  readonly onDidChangeActiveAccount = this.activeEmitter.event;
  private readonly accountsEmitter = new vscode.EventEmitter<readonly AccountInfo[]>();
  readonly onDidChangeAccounts = this.accountsEmitter.event;
  private readonly invalidatedEmitter = new vscode.EventEmitter<void>();
  /** Token sources were rebuilt (secrets changed elsewhere, or endpoint/scope settings changed): rebuild clients. */
  readonly onDidInvalidateTokenSources = this.invalidatedEmitter.event;
  private readonly oauthStartedEmitter = new vscode.EventEmitter<OAuthFlowStarted>();
  readonly onDidStartOAuthFlow = this.oauthStartedEmitter.event;

  private readonly sources = new Map<string, AccessTokenSource>();
  private readonly disposables: vscode.Disposable[] = [];
  private lastActiveId: string | undefined;

  static create(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, deps: AccountServiceDeps): AccountService {
    return new AccountService(new AccountStore(context.globalState), new AccountSecrets(context.secrets), log, deps);
  }

  private constructor(
    private readonly store: AccountStore,
    readonly secrets: AccountSecrets,
    private readonly log: vscode.LogOutputChannel,
    private readonly deps: AccountServiceDeps,
  ) {
    this.lastActiveId = store.activeId;
    this.disposables.push(
      secrets,
      this.activeEmitter,
      this.accountsEmitter,
      this.invalidatedEmitter,
      this.oauthStartedEmitter,
      // Another window signed in, out, or refreshed a credential: drop cached clients and re-read the accounts.
      secrets.onDidChange((change) => {
        this.log.info(`Credentials of account ${change.accountId} changed in another window; reloading.`);
        this.sources.delete(change.accountId);
        this.invalidatedEmitter.fire();
        this.accountsEmitter.fire(this.accounts);
        this.fireIfActiveChanged();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          ['cbcm.oauthTokenUrl', 'cbcm.oauthAuthUrl', 'cbcm.adminConsoleUrl', 'cbcm.apiVersion', 'cbcm.requestTimeoutSeconds'].some((s) =>
            e.affectsConfiguration(s),
          )
        ) {
          this.sources.clear();
          this.invalidatedEmitter.fire();
        }
      }),
    );
  }

  get accounts(): readonly AccountInfo[] {
    return this.store.accounts;
  }

  get activeAccount(): AccountInfo | undefined {
    const id = this.store.activeId;
    return id ? this.store.find(id) : undefined;
  }

  /** The active account's token source; cached, and rebuilt after credential or setting changes. */
  activeTokenSource(): AccessTokenSource | undefined {
    const account = this.activeAccount;
    return account ? this.tokenSourceFor(account) : undefined;
  }

  tokenSourceFor(account: AccountInfo): AccessTokenSource {
    let source = this.sources.get(account.id);
    if (!source) {
      source = new LazyTokenSource(() => this.buildTokenSource(account));
      this.sources.set(account.id, source);
    }
    return source;
  }

  /**
   * For Check Access: a token source per scope. A service account signs a JWT for that scope alone, so
   * domain-wide delegation is tested scope by scope; an OAuth account has one consent for all, so its own source.
   */
  async scopedTokenSources(account: AccountInfo): Promise<(scopes: readonly string[]) => AccessTokenSource> {
    if (account.kind !== 'serviceAccount') return () => this.tokenSourceFor(account);
    const keyJson = await this.secrets.get(account.id, 'serviceAccountKey');
    if (!keyJson || !account.email) return () => this.tokenSourceFor(account);
    const key = parseServiceAccountKey(keyJson);
    const config = this.deps.readConfig();
    const email = account.email;
    return (scopes) => this.jwtSource(key, email, scopes, config);
  }

  /** Validates the key and admin, exchanges a real JWT, makes one API call, and only then stores anything. */
  async signInServiceAccount(keyJson: string, adminEmail: string, customerId?: string, signal?: AbortSignal): Promise<AccountInfo> {
    try {
      const config = this.deps.readConfig();
      const key = parseServiceAccountKey(keyJson);
      const subject = validateAdminEmail(adminEmail);
      const customer = normalizeCustomerId(customerId);
      const scopes = scopesFor(config.accessLevel, config.apiVersion);
      const source = this.jwtSource(key, subject, scopes, config);
      await this.prove(source, customer, signal, {
        flow: 'serviceAccount',
        stage: 'verify',
        tokenUrl: config.oauthTokenUrl,
        scopes,
        adminConsoleUrl: config.adminConsoleUrl,
        clientId: key.client_id,
        subject,
      });
      const account = serviceAccountInfo(key, subject, { customerId: customer, accessLevel: config.accessLevel, scopes, now: clock.now() });
      await this.secrets.store(account.id, 'serviceAccountKey', JSON.stringify(key));
      await this.remember(account, source);
      this.log.info(`Signed in as ${subject} through service account ${key.client_email} (customer ${customer}, ${config.accessLevel}).`);
      return account;
    } catch (err) {
      throw this.failed('Service-account sign-in', err);
    }
  }

  /** Installed-app OAuth (PKCE, loopback); the refresh token and client secret go to SecretStorage. */
  async signInOAuth(clientId: string, clientSecret: string, options: OAuthSignInOptions = {}): Promise<AccountInfo> {
    try {
      const config = this.deps.readConfig();
      const id = clientId.trim();
      if (id === '' || /\s/.test(id)) {
        throw new AuthError(
          'invalidInput',
          vscode.l10n.t('Enter the client ID of an OAuth client of type "Desktop app" (Google Cloud console > APIs & Services > Credentials).'),
          'checkClientCredentials',
        );
      }
      if (clientSecret.trim() === '') {
        throw new AuthError(
          'invalidInput',
          vscode.l10n.t('Enter the client secret of the OAuth desktop client (shown next to its client ID).'),
          'checkClientCredentials',
        );
      }
      const customer = normalizeCustomerId(options.customerId);
      const scopes = [...scopesFor(config.accessLevel, config.apiVersion), ...OAUTH_IDENTITY_SCOPES];
      const client = this.oauthSettings(id, clientSecret.trim(), config);
      const result = await runInstalledAppFlow({
        client,
        scopes,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        resolveRedirectUri: (listenerUri) => this.browserRedirectUri(listenerUri),
        openUrl: async (authorizeUrl) => {
          this.log.info('Waiting for approval on the consent page (times out after 5 minutes).');
          this.oauthStartedEmitter.fire({ authorizeUrl });
          await options.openUrl?.(authorizeUrl);
        },
      });
      const email = result.email;
      const accountId = `oauth:${email ?? 'user'}:${id}`;
      const source = new OAuthTokenSource({
        client,
        refreshToken: result.refreshToken,
        scopes,
        subject: email,
        initialAccessToken: { token: result.accessToken, expiryDate: result.expiryDate },
        onRefreshTokenRotated: (token) => void this.secrets.store(accountId, 'oauthRefreshToken', token),
      });
      await this.prove(source, customer, options.signal, {
        flow: 'oauth',
        stage: 'verify',
        tokenUrl: config.oauthTokenUrl,
        scopes,
        adminConsoleUrl: config.adminConsoleUrl,
        clientId: id,
        subject: email,
      });
      const account = oauthAccountInfo(client, result, { customerId: customer, accessLevel: config.accessLevel, scopes, now: clock.now() });
      await this.secrets.store(account.id, 'oauthClientSecret', client.clientSecret);
      await this.secrets.store(account.id, 'oauthRefreshToken', result.refreshToken);
      await this.remember(account, source);
      this.log.info(`Signed in with Google as ${account.label} (customer ${customer}, ${config.accessLevel}).`);
      return account;
    } catch (err) {
      throw this.failed('Google sign-in', err);
    }
  }

  /** Forgets the account and deletes every secret it had. */
  async signOut(accountId: string): Promise<void> {
    const account = this.store.find(accountId);
    if (account?.kind === 'oauth') await this.revoke(account);
    await this.secrets.deleteAll(accountId);
    this.sources.delete(accountId);
    await this.store.remove(accountId);
    this.log.info(`Signed out of ${account?.label ?? accountId}; its credentials were deleted.`);
    this.accountsEmitter.fire(this.accounts);
    this.fireIfActiveChanged();
  }

  async switchAccount(accountId: string): Promise<void> {
    const account = this.store.find(accountId);
    if (!account)
      throw new AuthError(
        'invalidInput',
        vscode.l10n.t('That account is no longer signed in. Pick another account or sign in again.'),
        'signInAgain',
      );
    await this.store.setActive(accountId);
    this.log.info(`Active account: ${account.label}.`);
    this.fireIfActiveChanged();
  }

  dispose(): void {
    this.sources.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /**
   * The listener's address as the admin's browser reaches it: unchanged in a local window, a forwarded port in a remote
   * one (Remote-SSH, WSL, containers, code-server opened on the same machine). Refused, with the service-account path
   * offered, when VS Code can only offer an address Google would not accept for a desktop client.
   */
  private async browserRedirectUri(listenerUri: string): Promise<string> {
    const external = (await vscode.env.asExternalUri(vscode.Uri.parse(listenerUri, true))).toString(true);
    const usable = loopbackRedirectFor(external);
    if (!usable) throw remoteOAuthUnavailable(vscode.env.remoteName, external);
    if (usable !== listenerUri)
      this.log.info(`Sign-in listener reached through ${new URL(usable).origin} (${vscode.env.remoteName ?? 'forwarded'}).`);
    return usable;
  }

  /** Best effort: the local secrets are deleted whatever the endpoint answers. */
  private async revoke(account: AccountInfo): Promise<void> {
    const [clientSecret, refreshToken] = await Promise.all([
      this.secrets.get(account.id, 'oauthClientSecret'),
      this.secrets.get(account.id, 'oauthRefreshToken'),
    ]);
    if (!clientSecret || !refreshToken || !account.clientId) return;
    try {
      await revokeRefreshToken(this.oauthSettings(account.clientId, clientSecret, this.deps.readConfig()), refreshToken);
    } catch (err) {
      const code = err instanceof AuthError ? err.code : 'error';
      this.log.warn(
        `Could not revoke the Google sign-in of ${account.label} (${code}); it is deleted from this machine anyway. You can also remove the app's access in your Google account's security settings.`,
      );
    }
  }

  private async remember(account: AccountInfo, source: AccessTokenSource): Promise<void> {
    await this.store.upsert(account, true);
    this.sources.set(account.id, source);
    this.accountsEmitter.fire(this.accounts);
    // A re-sign-in of the active account also replaces its client.
    this.invalidatedEmitter.fire();
    this.fireIfActiveChanged(true);
  }

  private fireIfActiveChanged(force = false): void {
    const id = this.store.activeId;
    if (!force && id === this.lastActiveId) return;
    this.lastActiveId = id;
    this.activeEmitter.fire(this.activeAccount);
  }

  /** A real token, then a real API call; every failure becomes an actionable AuthError. */
  private async prove(source: AccessTokenSource, customerId: string, signal: AbortSignal | undefined, ctx: TokenErrorContext): Promise<void> {
    await source.getAccessToken(signal);
    try {
      await this.deps.verifyAccess(source, customerId, signal);
    } catch (err) {
      throw mapTokenError(err, ctx);
    }
  }

  private failed(what: string, err: unknown): AuthError {
    // Only our own wording leaves this class: unknown errors are not passed on, as their text could echo input.
    const error =
      err instanceof AuthError
        ? err
        : new AuthError(
            'tokenEndpoint',
            `${what} failed unexpectedly (${err instanceof Error ? err.name : 'error'}). Try again; details are in the CBCM Explorer log.`,
            'retry',
          );
    this.log.warn(`${what} failed: [${error.code}] ${error.message}`);
    return error;
  }

  private jwtSource(key: ServiceAccountKey, subject: string, scopes: readonly string[], config: CbcmConfiguration): JwtTokenSource {
    return new JwtTokenSource({
      key,
      subject,
      scopes,
      tokenUrl: config.oauthTokenUrl,
      adminConsoleUrl: config.adminConsoleUrl,
      timeoutMs: config.requestTimeoutMs,
    });
  }

  private oauthSettings(clientId: string, clientSecret: string, config: CbcmConfiguration): OAuthClientSettings {
    return {
      clientId,
      clientSecret,
      tokenUrl: config.oauthTokenUrl,
      authUrl: config.oauthAuthUrl,
      adminConsoleUrl: config.adminConsoleUrl,
      timeoutMs: config.requestTimeoutMs,
    };
  }

  private async buildTokenSource(account: AccountInfo): Promise<AccessTokenSource> {
    const config = this.deps.readConfig();
    const missing = () =>
      new AuthError(
        'missingCredentials',
        vscode.l10n.t(
          "The credentials of {0} are not in this machine's secret storage (signed out elsewhere, or the keychain was reset). Sign in again.",
          account.label,
        ),
        'signInAgain',
      );
    if (account.kind === 'serviceAccount') {
      const keyJson = await this.secrets.get(account.id, 'serviceAccountKey');
      if (!keyJson || !account.email) throw missing();
      // The access level the admin signed in with, never the current setting: changing cbcm.accessLevel (or a
      // workspace trying to) must not widen a read-only sign-in. The API family follows cbcm.apiVersion, an
      // application-scoped setting, so switching APIs keeps working once delegation has that API's scopes.
      return this.jwtSource(parseServiceAccountKey(keyJson), account.email, scopesFor(signedInAccessLevel(account), config.apiVersion), config);
    }
    const [clientSecret, refreshToken] = await Promise.all([
      this.secrets.get(account.id, 'oauthClientSecret'),
      this.secrets.get(account.id, 'oauthRefreshToken'),
    ]);
    if (!clientSecret || !refreshToken || !account.clientId) throw missing();
    return new OAuthTokenSource({
      client: this.oauthSettings(account.clientId, clientSecret, config),
      refreshToken,
      // A refresh token carries the scopes consented at sign-in, whatever the setting says now.
      scopes: account.scopes,
      subject: account.email,
      onRefreshTokenRotated: (token) => void this.secrets.store(account.id, 'oauthRefreshToken', token),
    });
  }
}

/** The stored access level; anything unexpected counts as read-only (fail closed). */
export function signedInAccessLevel(account: Pick<AccountInfo, 'accessLevel'>): AccessLevel {
  return account.accessLevel === 'readWrite' ? 'readWrite' : 'readOnly';
}

/** Reads the secrets on first use (SecretStorage is async, `activeTokenSource()` is not). */
class LazyTokenSource implements AccessTokenSource {
  private inner: Promise<AccessTokenSource> | undefined;

  constructor(private readonly build: () => Promise<AccessTokenSource>) {}

  async getAccessToken(signal?: AbortSignal): Promise<string> {
    this.inner ??= this.build();
    let source: AccessTokenSource;
    try {
      source = await this.inner;
    } catch (err) {
      this.inner = undefined; // try again next time (e.g. after signing in again)
      throw err;
    }
    return source.getAccessToken(signal);
  }

  invalidate(): void {
    void this.inner?.then(
      (s) => s.invalidate?.(),
      () => undefined,
    );
  }
}
