import * as vscode from 'vscode';
import { automationAllowed, automationArgs } from './automation';
import type { AccountInfo } from '../auth/accountStore';
import type { AccountService } from '../auth/accountService';
import { pickAccountToSignOut, promptOAuthSignIn, promptServiceAccountSignIn, showAccountSwitcher } from '../auth/signInFlows';
import { readKeyFile } from '../auth/keyFile';
import { AuthError } from '../auth/tokenErrors';
import type { AccountCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';

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
  if (keyJson === undefined) throw new AuthError('invalidKey', vscode.l10n.t('Give either keyFile or keyJson.'), 'chooseAnotherKey');
  return accounts.signInServiceAccount(keyJson, args.adminEmail ?? '', args.customerId);
}

/**
 * Sign-in arguments (a key, a client secret) exist for tests and the demo. In an installed extension any other
 * extension could pass them to sign the admin into an account of its choosing: there the admin always signs in
 * through the prompts.
 */
function given<T extends object>(c: AccountCommandContext, supplied: unknown): T | undefined {
  return automationArgs<T>(c.context.extensionMode, supplied);
}

function signInServiceAccount(c: AccountCommandContext, supplied?: unknown): Promise<unknown> {
  const args = given<SignInServiceAccountArgs>(c, supplied);
  return args && 'adminEmail' in args ? signInServiceAccountWithArgs(c.accounts, args) : promptServiceAccountSignIn(c.accounts);
}

function signInOAuth(c: AccountCommandContext, supplied?: unknown): Promise<unknown> {
  const args = given<SignInOAuthArgs>(c, supplied);
  if (!args || !('clientId' in args)) return promptOAuthSignIn(c.accounts);
  return c.accounts.signInOAuth(args.clientId, args.clientSecret ?? '', {
    customerId: args.customerId,
    timeoutMs: args.timeoutMs,
    openUrl: args.openUrl === false ? undefined : async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url, true))),
  });
}

async function signOut(c: AccountCommandContext, arg?: unknown): Promise<void> {
  // An account id skips the question (tests, F5 debugging). In Production any caller — another extension
  // too — gets the question that names the account ("Sign out of …? Its credentials are deleted").
  const id = (automationAllowed(c.context.extensionMode) ? accountIdOf(arg) : undefined) ?? (await pickAccountToSignOut(c.accounts));
  if (id) await c.accounts.signOut(id);
}

async function switchAccount(c: AccountCommandContext, arg?: unknown): Promise<void> {
  const id = accountIdOf(arg);
  if (id) await c.accounts.switchAccount(id);
  else await showAccountSwitcher(c.accounts);
}

export const authCommands = {
  'cbcm.auth.signInServiceAccount': signInServiceAccount,
  'cbcm.auth.signInOAuth': signInOAuth,
  'cbcm.auth.signOut': signOut,
  'cbcm.auth.switchAccount': switchAccount,
} satisfies CommandTable<AccountCommandContext>;
