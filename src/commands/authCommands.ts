import * as vscode from 'vscode';
import { automationAllowed, automationArgs } from './automation';
import type { AccountInfo } from '../auth/accountStore';
import type { AccountService } from '../auth/accountService';
import { pickAccountToSignOut, promptOAuthSignIn, promptServiceAccountSignIn, showAccountSwitcher } from '../auth/signInFlows';
import { readKeyFile } from '../auth/keyFile';
import { AuthError } from '../auth/tokenErrors';

/** Arguments for automation (tests, the demo): same validation and real token exchange, no prompts, errors thrown. */
export interface SignInServiceAccountArgs {
  readonly keyFile?: string;
  readonly keyJson?: string;
  readonly adminEmail: string;
  readonly customerId?: string;
}

export interface SignInOAuthArgs {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly customerId?: string;
  /** false: do not open a browser; the consent URL is announced through `AccountService.onDidStartOAuthFlow`. */
  readonly openUrl?: boolean;
  readonly timeoutMs?: number;
}

export interface AuthCommandServices {
  readonly context: vscode.ExtensionContext;
  readonly accounts: AccountService;
}

function accountIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { accountId?: unknown }).accountId === 'string') {
    return (arg as { accountId: string }).accountId;
  }
  return undefined;
}

async function signInServiceAccountWithArgs(accounts: AccountService, args: SignInServiceAccountArgs): Promise<AccountInfo> {
  let keyJson = args.keyJson;
  if (keyJson === undefined && args.keyFile) keyJson = await readKeyFile(vscode.Uri.file(args.keyFile));
  if (keyJson === undefined) throw new AuthError('invalidKey', 'Give either keyFile or keyJson.', 'chooseAnotherKey');
  return accounts.signInServiceAccount(keyJson, args.adminEmail ?? '', args.customerId);
}

export function registerAuthCommands(services: AuthCommandServices): vscode.Disposable[] {
  const { context, accounts } = services;
  // Sign-in arguments (a key, a client secret) exist for tests and the demo. In an installed extension any other
  // extension could pass them to sign the admin into an account of its choosing: there the admin always signs in
  // through the prompts.
  const given = <T extends object>(supplied: unknown) => automationArgs<T>(context.extensionMode, supplied);
  return [
    vscode.commands.registerCommand('cbcm.auth.signInServiceAccount', (supplied?: unknown) => {
      const args = given<SignInServiceAccountArgs>(supplied);
      return args && 'adminEmail' in args ? signInServiceAccountWithArgs(accounts, args) : promptServiceAccountSignIn(accounts);
    }),
    vscode.commands.registerCommand('cbcm.auth.signInOAuth', (supplied?: unknown) => {
      const args = given<SignInOAuthArgs>(supplied);
      if (!args || !('clientId' in args)) return promptOAuthSignIn(accounts);
      return accounts.signInOAuth(args.clientId, args.clientSecret ?? '', {
        customerId: args.customerId,
        timeoutMs: args.timeoutMs,
        openUrl: args.openUrl === false ? undefined : async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url, true))),
      });
    }),
    vscode.commands.registerCommand('cbcm.auth.signOut', async (arg?: unknown) => {
      // An account id skips the question (tests, F5 debugging). In Production any caller — another extension
      // too — gets the question that names the account ("Sign out of …? Its credentials are deleted").
      const id = (automationAllowed(context.extensionMode) ? accountIdOf(arg) : undefined) ?? (await pickAccountToSignOut(accounts));
      if (id) await accounts.signOut(id);
    }),
    vscode.commands.registerCommand('cbcm.auth.switchAccount', async (arg?: unknown) => {
      const id = accountIdOf(arg);
      if (id) await accounts.switchAccount(id);
      else await showAccountSwitcher(accounts);
    }),
  ];
}
