import * as vscode from 'vscode';
import type { EnrollmentToken } from '../../api/types';
import { relativeTime } from '../../util/relativeTime';
import type { ExplorerNode } from './explorerNode';

const STATE_ICONS: Record<string, [string, string]> = {
  active: ['pass', 'testing.iconPassed'],
  expired: ['watch', 'list.warningForeground'],
  revoked: ['circle-slash', 'list.errorForeground'],
};

/** Permanent ids are long UUIDs: the first block tells tokens apart in a list; the tooltip has the whole id. */
export function tokenLabel(t: EnrollmentToken): string {
  return `Token ${t.tokenPermanentId.slice(0, 8)}`;
}

/** An enrollment token. Its secret value is never shown in the tree: "Copy Token" fetches it into the clipboard. */
export class TokenNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode,
    public token: EnrollmentToken,
  ) {
    this.id = `${parent.id}/${token.tokenPermanentId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const t = this.token;
    const state = t.state ?? 'active';
    const item = new vscode.TreeItem(tokenLabel(t), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const expiry = t.expireTime ? `expires ${relativeTime(t.expireTime)}` : state === 'active' ? 'never expires' : undefined;
    item.description = [state, t.orgUnitPath, expiry].filter(Boolean).join(' · ');
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
    row('Token ID', t.tokenPermanentId);
    row('State', state);
    row('Org unit', t.orgUnitPath);
    row('Created', t.createTime ? `${t.createTime} (${relativeTime(t.createTime)})` : undefined);
    row('Creator', t.creatorId);
    row('Expires', t.expireTime ?? (state === 'active' ? 'never' : undefined));
    row('Revoked', t.revokeTime ? `${t.revokeTime} by ${t.revokerId ?? 'unknown'}` : undefined);
    item.tooltip = md;
    item.contextValue = `token ${state}`;
    return item;
  }
}
