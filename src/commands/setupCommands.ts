import * as vscode from 'vscode';
import type { AccountService } from '../auth/accountService';
import { readKeyFile } from '../auth/keyFile';
import { parseServiceAccountKey } from '../auth/keyValidation';
import { delegationPageUrl, scopesFor } from '../auth/scopes';
import { readConfiguration } from '../configuration';
import { describeError } from '../util/errors';
import type { AccountCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';

/** The walkthrough's id as VS Code names it: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'cbcm-explorer.cbcm-explorer#cbcm.setup';

function neededScopes(): string[] {
  const config = readConfiguration();
  return scopesFor(config.accessLevel, config.apiVersion);
}

/** The signed-in service account's client ID, or the one in a key file the admin picks. */
async function clientId(accounts: AccountService): Promise<string | undefined> {
  const active = accounts.activeAccount;
  if (active?.kind === 'serviceAccount' && active.clientId) return active.clientId;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('The service account key (JSON) whose client ID domain-wide delegation needs'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('Service account key')]: ['json'] },
    openLabel: vscode.l10n.t('Read Its Client ID'),
  });
  if (!picked?.[0]) return undefined;
  try {
    return parseServiceAccountKey(await readKeyFile(picked[0])).client_id;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not read a client ID from that file: {0}', describeError(error)));
    return undefined;
  }
}

function openWalkthrough(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}

async function copyScopes(): Promise<void> {
  const scopes = neededScopes();
  // Comma-separated: the form the Admin console's "OAuth scopes" field takes.
  await vscode.env.clipboard.writeText(scopes.join(','));
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} scopes for domain-wide delegation: {1}', scopes.length, scopes.join(', ')));
}

async function copyClientId(c: AccountCommandContext): Promise<void> {
  const id = await clientId(c.accounts);
  if (!id) return;
  await vscode.env.clipboard.writeText(id);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied the client ID {0} for domain-wide delegation.', id));
}

async function openDelegationPage(c: AccountCommandContext): Promise<void> {
  const id = await clientId(c.accounts);
  if (!id) return;
  await vscode.env.openExternal(vscode.Uri.parse(delegationPageUrl(readConfiguration().adminConsoleUrl, id, neededScopes()), true));
}

/**
 * The walkthrough's buttons: copy the exact client ID and scopes domain-wide delegation needs, open the pre-filled
 * delegation page, open the walkthrough itself. The client ID is public (it names the key's service account); the
 * key file is read only to find it and nothing of it is kept.
 */
export const setupCommands = {
  'cbcm.setup.openWalkthrough': openWalkthrough,
  'cbcm.setup.copyScopes': copyScopes,
  'cbcm.setup.copyClientId': copyClientId,
  'cbcm.setup.openDelegationPage': openDelegationPage,
} satisfies CommandTable<AccountCommandContext>;
