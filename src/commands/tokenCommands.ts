import * as vscode from 'vscode';
import type { CreateTokenOptions, EnrollmentToken } from '../api/types';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { TokenNode } from '../tree/nodes/tokenNode';
import { TokensFolderNode } from '../tree/nodes/tokensFolderNode';
import { describeError } from '../util/errors';
import { type ExplorerCommandContext, requireBackend, targetsOf } from './commandContext';
import { pickOrgUnit } from './orgUnitPicker';
import { expiryFromDate } from '../util/tokenExpiry';
import { count } from '../util/relativeTime';

const isTokenNode = (n: unknown): n is TokenNode => n instanceof TokenNode;

const TTL_PRESETS: { label: string; seconds?: number; date?: true }[] = [
  { label: 'Never expires' },
  { label: '1 hour', seconds: 3600 },
  { label: '1 day', seconds: 86400 },
  { label: '7 days', seconds: 7 * 86400 },
  { label: '30 days', seconds: 30 * 86400 },
  { label: 'Until a date…', date: true },
];

async function askExpiry(): Promise<CreateTokenOptions | undefined> {
  const pick = await vscode.window.showQuickPick(TTL_PRESETS, { title: 'Token lifetime' });
  if (!pick) return undefined;
  if (pick.seconds) return { ttlSeconds: pick.seconds };
  if (!pick.date) return {};
  const text = await vscode.window.showInputBox({
    title: 'Expires at the end of (UTC)',
    placeHolder: 'YYYY-MM-DD',
    validateInput: (t) => (expiryFromDate(t) ? undefined : 'A future date as YYYY-MM-DD, e.g. 2027-01-31'),
  });
  const expireTime = text === undefined ? undefined : expiryFromDate(text);
  return expireTime ? { expireTime } : undefined;
}

export function registerTokenCommands(c: ExplorerCommandContext): vscode.Disposable[] {
  const { services, explorer, view } = c;

  const redrawTokensOf = (orgUnitPath: string | undefined) => {
    for (const ou of explorer.loadedOrgUnitNodes()) {
      if (orgUnitPath === undefined || ou.orgUnitPath === orgUnitPath) explorer.refreshNode(ou.tokens);
    }
  };

  /** `preset` (automation) skips the prompts: `{ orgUnitPath, ttlSeconds }`, `{ orgUnitPath, expireTime }` or neither. */
  const create = async (clicked?: unknown, _selected?: unknown, preset?: CreateTokenOptions & { orgUnitPath: string }): Promise<EnrollmentToken | undefined> => {
    const backend = await requireBackend(services);
    if (!backend) return undefined;
    const fromNode = clicked instanceof OrgUnitNode || clicked instanceof TokensFolderNode ? clicked.orgUnitPath : undefined;
    const orgUnitPath = preset?.orgUnitPath ?? fromNode ?? await pickOrgUnit(backend, { title: 'Create an enrollment token for…', known: explorer.accountNode?.orgUnits });
    if (!orgUnitPath) return undefined;
    // The Chrome Management API v1 has no token expiry: nothing to ask.
    const expiry = preset ? { ttlSeconds: preset.ttlSeconds, expireTime: preset.expireTime } : backend.tokensExpire === false ? {} : await askExpiry();
    if (!expiry) return undefined;
    let token: EnrollmentToken;
    try {
      token = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Creating an enrollment token for ${orgUnitPath}…` },
        () => backend.createToken({ orgUnitPath, ...expiry }),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not create the token: ${describeError(error)}`);
      return undefined;
    }
    services.log.info(`Created enrollment token ${token.tokenPermanentId} for ${orgUnitPath}.`);
    redrawTokensOf(orgUnitPath);
    // The value enrolls machines: it goes to the clipboard only when the admin asks.
    void vscode.window.showInformationMessage(`Enrollment token created for ${orgUnitPath}.`, 'Copy Token').then(async (choice) => {
      if (choice === 'Copy Token' && token.token) await vscode.env.clipboard.writeText(token.token);
    });
    return token;
  };

  const revoke = async (clicked?: unknown, selected?: unknown, options?: { confirmed?: boolean }) => {
    const nodes = targetsOf(view, isTokenNode, clicked, selected).filter((n) => n.token.state !== 'revoked');
    const backend = await requireBackend(services);
    if (nodes.length === 0 || !backend) return;
    const ids = nodes.map((n) => n.token.tokenPermanentId);
    const ok = options?.confirmed ? 'Revoke' : await vscode.window.showWarningMessage(
      `Revoke ${ids.length === 1 ? 'this enrollment token' : `${ids.length} enrollment tokens`}?`,
      { modal: true, detail: `${ids.join(', ')}\n\nMachines can no longer enroll with a revoked token. Enrolled browsers stay enrolled.` },
      'Revoke',
    );
    if (ok !== 'Revoke') return;
    const failures: string[] = [];
    for (const node of nodes) {
      try {
        await backend.revokeToken(node.token.tokenPermanentId);
        node.token = { ...node.token, state: 'revoked' };
        explorer.redraw(node);
      } catch (error) {
        failures.push(`${node.token.tokenPermanentId}: ${describeError(error)}`);
      }
    }
    if (failures.length) void vscode.window.showErrorMessage(`Could not revoke ${failures.length} token(s).`, { detail: failures.join('\n') });
    else vscode.window.setStatusBarMessage(`Revoked ${count(nodes.length, 'enrollment token')}`, 3000);
  };

  return [
    vscode.commands.registerCommand('cbcm.token.create', create),
    vscode.commands.registerCommand('cbcm.token.revoke', revoke),
    vscode.commands.registerCommand('cbcm.token.copy', async (clicked?: unknown) => {
      const node = targetsOf(view, isTokenNode, clicked, undefined)[0];
      if (!node?.token.token) {
        void vscode.window.showInformationMessage('Select an enrollment token whose value the API returned.');
        return;
      }
      await vscode.env.clipboard.writeText(node.token.token);
      vscode.window.setStatusBarMessage('Enrollment token copied', 3000);
    }),
  ];
}
