// The one "sign in first" prompt. Whatever needs an account (a command, a panel) tells the admin why and offers
// both sign-in methods, the same two buttons as the explorer's welcome view.
import * as vscode from 'vscode';

const serviceAccountButton = () => vscode.l10n.t('Sign In with a Service Account Key…');
const oauthButton = () => vscode.l10n.t('Sign In with Google (OAuth)…');

/**
 * Shows `reason` with both sign-in methods and runs the one the admin picks. Resolves once that sign-in is over
 * (or the message was dismissed); the caller checks whether an account is active now.
 */
export async function offerSignIn(reason: string): Promise<void> {
  const SERVICE_ACCOUNT = serviceAccountButton();
  const OAUTH = oauthButton();
  const choice = await vscode.window.showWarningMessage(reason, SERVICE_ACCOUNT, OAUTH);
  if (choice === SERVICE_ACCOUNT) await vscode.commands.executeCommand('cbcm.auth.signInServiceAccount');
  if (choice === OAUTH) await vscode.commands.executeCommand('cbcm.auth.signInOAuth');
}
