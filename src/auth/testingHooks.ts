import * as vscode from 'vscode';
import type { AccountService } from './accountService';

/**
 * What the integration tests (test/vscode/suite/auth*.test.ts) reach through the extension's exports
 * (`exports.testing.auth`). Only built outside Production mode: a released extension never exposes it,
 * since any other extension can read `exports`.
 */
export interface AuthTestingHooks {
  readonly accounts: AccountService;
  /** Settles when the start-up automatic sign-in (CBCM_AUTO_SIGNIN_*) is over, whether it ran or not. */
  readonly autoSignInDone: Promise<void>;
  /** What the Accounts menu gets from the registered AuthenticationProvider (`getSessions()`). */
  authenticationSessions(): Promise<readonly vscode.AuthenticationSession[]>;
  /** The account status bar item (text and command as the user sees them). */
  readonly statusBarItem: vscode.StatusBarItem;
  /** SecretStorage keys that can hold this account's secrets. */
  secretKeysOf(accountId: string): string[];
  /** Reads one SecretStorage entry (to prove a secret is there, or gone after sign-out). */
  readSecret(key: string): Thenable<string | undefined>;
  /** The raw `context.secrets`, to change a credential the way another window would. */
  readonly secretStorage: vscode.SecretStorage;
  /** Every globalState entry of the extension, to prove no secret is kept there. */
  globalStateEntries(): [string, unknown][];
  /** The extension's log folder; the log output channel's file is under the same window log folder. */
  readonly logUri: vscode.Uri;
  /** Where settings files live for this profile's user data (parent of globalStorage). */
  readonly globalStorageUri: vscode.Uri;
}

export function createAuthTestingHooks(
  context: vscode.ExtensionContext,
  accounts: AccountService,
  autoSignInDone: Promise<void>,
  provider: vscode.AuthenticationProvider,
  statusBarItem: vscode.StatusBarItem,
): AuthTestingHooks | undefined {
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return {
    accounts,
    autoSignInDone,
    statusBarItem,
    authenticationSessions: () => Promise.resolve(provider.getSessions(undefined, {})),
    secretKeysOf: (id) => accounts.secrets.keysOf(id),
    readSecret: (key) => context.secrets.get(key),
    secretStorage: context.secrets,
    globalStateEntries: () => context.globalState.keys().map((k) => [k, context.globalState.get(k)]),
    logUri: context.logUri,
    globalStorageUri: context.globalStorageUri,
  };
}
