import * as vscode from 'vscode';
import type { AccountService } from '../auth/accountService';
import { readKeyFile } from '../auth/keyFile';
import { parseServiceAccountKey } from '../auth/keyValidation';
import { delegationPageUrl, scopesFor } from '../auth/scopes';
import { readConfiguration } from '../configuration';
import { describeError } from '../util/errors';

/** The walkthrough's id as VS Code names it: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'cbcm-explorer.cbcm-explorer#cbcm.setup';

/**
 * The walkthrough's buttons: copy the exact client ID and scopes domain-wide delegation needs, open the pre-filled
 * delegation page, open the walkthrough itself. The client ID is public (it names the key's service account); the
 * key file is read only to find it and nothing of it is kept.
 */
export function registerSetupCommands(accounts: AccountService): vscode.Disposable[] {
  const neededScopes = () => {
    const config = readConfiguration();
    return scopesFor(config.accessLevel, config.apiVersion);
  };
  /** The signed-in service account's client ID, or the one in a key file the admin picks. */
  const clientId = async (): Promise<string | undefined> => {
    const active = accounts.activeAccount;
    if (active?.kind === 'serviceAccount' && active.clientId) return active.clientId;
    const picked = await vscode.window.showOpenDialog({
      title: 'The service account key (JSON) whose client ID domain-wide delegation needs',
      canSelectMany: false,
      filters: { 'Service account key': ['json'] },
      openLabel: 'Read Its Client ID',
    });
    if (!picked?.[0]) return undefined;
    try {
      return parseServiceAccountKey(await readKeyFile(picked[0])).client_id;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read a client ID from that file: {0}', describeError(error)));
      return undefined;
    }
  };
  return [
    vscode.commands.registerCommand('cbcm.setup.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    ),
    vscode.commands.registerCommand('cbcm.setup.copyScopes', async () => {
      const scopes = neededScopes();
      // Comma-separated: the form the Admin console's "OAuth scopes" field takes.
      await vscode.env.clipboard.writeText(scopes.join(','));
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} scopes for domain-wide delegation: {1}', scopes.length, scopes.join(', ')));
    }),
    vscode.commands.registerCommand('cbcm.setup.copyClientId', async () => {
      const id = await clientId();
      if (!id) return;
      await vscode.env.clipboard.writeText(id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied the client ID {0} for domain-wide delegation.', id));
    }),
    vscode.commands.registerCommand('cbcm.setup.openDelegationPage', async () => {
      const id = await clientId();
      if (!id) return;
      await vscode.env.openExternal(vscode.Uri.parse(delegationPageUrl(readConfiguration().adminConsoleUrl, id, neededScopes()), true));
    }),
  ];
}
