import * as vscode from 'vscode';
import type { EnrollmentToken } from '../../api/types';
import { relativeTime } from '../../util/relativeTime';
import { tokenLabel, tokenRowDescription } from '../tokenText';
import type { ExplorerNode } from './explorerNode';

export { tokenLabel } from '../tokenText';

const STATE_ICONS: Record<string, [string, string]> = {
  active: ['pass', 'testing.iconPassed'],
  expired: ['watch', 'list.warningForeground'],
  revoked: ['circle-slash', 'list.errorForeground'],
};

/** An enrollment token. Its secret value is never shown in the tree: "Copy Token" fetches it into the clipboard. */
export class TokenNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode,
    public token: EnrollmentToken,
    /** The account-wide folder mixes org units: its rows name theirs. */
    private readonly showOrgUnit = false,
  ) {
    this.id = `${parent.id}/${token.tokenPermanentId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const t = this.token;
    const state = t.state ?? 'active';
    const item = new vscode.TreeItem(tokenLabel(t), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = tokenRowDescription(t, { showOrgUnit: this.showOrgUnit });
    const [icon, color] = STATE_ICONS[state] ?? ['key', 'foreground'];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    const md = new vscode.MarkdownString();
    md.isTrusted = false;
    const row = (label: string, value: string | undefined) => {
      if (!value) return;
      md.appendMarkdown(`${label}: `);
      md.appendText(value);
      md.appendMarkdown('  \n');
    };
    row(vscode.l10n.t('Token ID'), t.tokenPermanentId);
    row(vscode.l10n.t('State'), state);
    row(vscode.l10n.t('Org unit'), t.orgUnitPath);
    row(vscode.l10n.t('Created'), t.createTime ? `${t.createTime} (${relativeTime(t.createTime)})` : undefined);
    // The token APIs name the creator by user id only; the e-mail is read with users.get where the account was
    // signed in with a Directory users scope (CBCM Explorer never asks for it; a delegation may list it).
    if (t.creatorEmail) row(vscode.l10n.t('Creator'), vscode.l10n.t('{0} (user id {1})', t.creatorEmail, t.creatorId ?? ''));
    else row(vscode.l10n.t('Creator (user id)'), t.creatorId);
    row(vscode.l10n.t('Expires'), t.expireTime ?? (state === 'active' ? vscode.l10n.t('never') : undefined));
    row(
      vscode.l10n.t('Revoked'),
      t.revokeTime ? vscode.l10n.t('{0} by user id {1}', t.revokeTime, t.revokerId ?? vscode.l10n.t('unknown')) : undefined,
    );
    item.tooltip = md;
    item.contextValue = `token ${state}`;
    return item;
  }
}
