import * as vscode from 'vscode';
import type { AccountInfo } from './accountStore';
import type { AccountService } from './accountService';

export const AUTH_PROVIDER_ID = 'cbcm';
export const AUTH_PROVIDER_LABEL = 'Chrome Browser Cloud Management';

/**
 * Lists CBCM accounts in VS Code's Accounts menu (and lets other extensions ask for a session with consent).
 * Session ids are account ids; signing out there is the same as `cbcm.auth.signOut`.
 */
export class CbcmAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changeEmitter.event;
  private known: readonly AccountInfo[];
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly accounts: AccountService,
    private readonly log: vscode.LogOutputChannel,
    /** The interactive sign-in used when the Accounts menu (or another extension) asks for a new session. */
    private readonly interactiveSignIn: () => Promise<AccountInfo | undefined>,
  ) {
    this.known = accounts.accounts;
    this.subscriptions.push(
      this.changeEmitter,
      vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, this, { supportsMultipleAccounts: true }),
      accounts.onDidChangeAccounts((now) => this.announce(now)),
    );
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const wanted = scopes ?? [];
    const matching = this.accounts.accounts.filter((a) => wanted.every((s) => a.scopes.includes(s)));
    const sessions = await Promise.all(matching.map((a) => this.toSession(a)));
    return sessions.filter((s): s is vscode.AuthenticationSession => s !== undefined);
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const account = await this.interactiveSignIn();
    const session = account && (await this.toSession(account));
    if (!session) throw new Error(vscode.l10n.t('CBCM sign-in was cancelled.'));
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.accounts.signOut(sessionId);
  }

  dispose(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }

  /** A session carries a real access token; an account whose token cannot be had right now is left out. */
  private async toSession(account: AccountInfo): Promise<vscode.AuthenticationSession | undefined> {
    try {
      const accessToken = await this.accounts.tokenSourceFor(account).getAccessToken(AbortSignal.timeout(15_000));
      return { id: account.id, accessToken, account: { id: account.id, label: account.label }, scopes: account.scopes };
    } catch (err) {
      this.log.warn(`No session for ${account.label}: ${err instanceof Error ? err.message : 'token unavailable'}`);
      return undefined;
    }
  }

  private announce(now: readonly AccountInfo[]): void {
    const before = new Map(this.known.map((a) => [a.id, a]));
    const after = new Map(now.map((a) => [a.id, a]));
    this.known = now;
    const asSession = (a: AccountInfo): vscode.AuthenticationSession => ({
      id: a.id,
      accessToken: '',
      account: { id: a.id, label: a.label },
      scopes: a.scopes,
    });
    const added = now.filter((a) => !before.has(a.id)).map(asSession);
    const removed = [...before.values()].filter((a) => !after.has(a.id)).map(asSession);
    const changed = now.filter((a) => before.has(a.id) && before.get(a.id)?.signedInAt !== a.signedInAt).map(asSession);
    if (added.length || removed.length || changed.length) this.changeEmitter.fire({ added, removed, changed });
  }
}
