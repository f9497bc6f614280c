import * as vscode from 'vscode';
import { accountRequestBudget, createBackend, type TokenBucketLimiter } from './api';
import type { CbcmBackend } from './api/backend';
import type { AccessTokenSource } from './api/tokenSource';
import { type BrowserWrite, observeWrites } from './api/writeEvents';
import { type CbcmConfiguration, onDidChangeConfiguration, readConfiguration } from './configuration';
import type { BackendProvider } from './services';

/** The part of the account service the backend needs: who is active and how to get their token. */
export interface ActiveCredentials {
  readonly onDidChangeActiveAccount: vscode.Event<unknown>;
  /** Secrets changed in another window, or endpoint/scope settings changed: the token source was rebuilt. */
  readonly onDidInvalidateTokenSources: vscode.Event<void>;
  readonly activeAccount:
    | {
        readonly id: string;
        readonly customerId?: string;
        readonly accessLevel?: string;
        readonly label?: string;
        readonly scopes?: readonly string[];
      }
    | undefined;
  activeTokenSource(): AccessTokenSource | undefined;
}

/**
 * Builds the API client for the active account and rebuilds it when the account, its secrets or the endpoint
 * settings change. The UI only ever sees `CbcmBackend`.
 */
export class ActiveBackendProvider implements BackendProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly writeEmitter = new vscode.EventEmitter<BrowserWrite>();
  readonly onDidWriteBrowsers = this.writeEmitter.event;
  private backend: (CbcmBackend & { dispose(): void }) | undefined;
  private built = false;
  /** The settings the backend was built from: a change elsewhere (e.g. how rows look) must not reload the tree. */
  private builtFrom: string | undefined;
  private readonly disposables: vscode.Disposable[];
  /**
   * One request budget per account, kept across rebuilds (a setting change, a token refresh): every request of the
   * account — tree, details, overview, exports, moves, deletes, retries — waits for the same 2,400 per minute.
   */
  private readonly budgets = new Map<string, TokenBucketLimiter>();

  constructor(
    private readonly credentials: ActiveCredentials,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      credentials.onDidChangeActiveAccount(() => this.invalidate()),
      credentials.onDidInvalidateTokenSources(() => this.invalidate()),
      onDidChangeConfiguration(() => {
        if (!this.built || JSON.stringify(readConfiguration()) !== this.builtFrom) this.invalidate();
      }),
    ];
  }

  get current(): CbcmBackend | undefined {
    if (!this.built) {
      this.built = true;
      const config = readConfiguration();
      this.builtFrom = JSON.stringify(config);
      this.backend = this.build(config);
    }
    return this.backend;
  }

  get accountId(): string | undefined {
    return this.credentials.activeAccount?.id;
  }

  get accountLabel(): string | undefined {
    return this.credentials.activeAccount?.label;
  }

  /** The access level stored at sign-in decides; anything but readWrite counts as read-only. */
  get readOnly(): boolean {
    const account = this.credentials.activeAccount;
    return account !== undefined && account.accessLevel !== 'readWrite';
  }

  private build(config: CbcmConfiguration): (CbcmBackend & { dispose(): void }) | undefined {
    for (const note of config.notes) this.log.warn(note);
    const tokenSource = this.credentials.activeTokenSource();
    if (!tokenSource) return undefined;
    const common = {
      tokenSource,
      customerId: this.credentials.activeAccount?.customerId || 'my_customer',
      timeoutMs: config.requestTimeoutMs,
      log: (line: string) => this.log.debug(line),
      limiter: this.budgetOf(this.credentials.activeAccount?.id ?? ''),
      // What the account was signed in with decides what it may read (a users scope: creators as e-mail).
      grantedScopes: this.credentials.activeAccount?.scopes,
    };
    const backend = createBackend(config, common);
    // Whoever writes through it, every view hears of the change.
    return observeWrites(backend, (w) => this.writeEmitter.fire(w));
  }

  private budgetOf(accountId: string): TokenBucketLimiter {
    let budget = this.budgets.get(accountId);
    if (!budget) this.budgets.set(accountId, (budget = accountRequestBudget()));
    return budget;
  }

  private invalidate(): void {
    this.backend?.dispose();
    this.backend = undefined;
    this.built = false;
    this.emitter.fire();
  }

  dispose(): void {
    this.backend?.dispose();
    this.emitter.dispose();
    this.writeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
