import * as vscode from 'vscode';
import type { ChromeBrowser } from '../../api/types';
import { hasDeviceIdCollision } from '../../api/types';
import { relativeTime } from '../../util/relativeTime';
import { type BrowserRowField, browserRowDescription } from '../browserRow';
import type { ExplorerNode } from './explorerNode';

/** Codicons have no vendor logos; these read well in every theme and stay themed. */
function osIcon(platform: string | undefined): string {
  const p = (platform ?? '').toLowerCase();
  if (p.includes('win')) return 'window';
  if (p.includes('mac')) return 'device-desktop';
  if (p.includes('linux')) return 'terminal-linux';
  return 'globe';
}

export class BrowserNode implements ExplorerNode {
  readonly id: string;
  constructor(
    readonly parent: ExplorerNode,
    public browser: ChromeBrowser,
    private readonly rowFields: () => readonly BrowserRowField[],
  ) {
    this.id = `${parent.id}/${browser.deviceId}`;
  }

  get deviceId(): string {
    return this.browser.deviceId;
  }

  getTreeItem(): vscode.TreeItem {
    const b = this.browser;
    const item = new vscode.TreeItem(b.machineName || b.deviceId, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = browserRowDescription(b, this.rowFields());
    const collision = hasDeviceIdCollision(b);
    item.iconPath = new vscode.ThemeIcon(osIcon(b.osPlatform), collision ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.tooltip = browserTooltip(b);
    item.contextValue = 'browser';
    // A click previews (focus stays in the tree), a double click or Enter pins: decided by the details module.
    item.command = { command: 'cbcm.browser.previewDetails', title: vscode.l10n.t('Preview Browser Details'), arguments: [this] };
    return item;
  }
}

/** Device fields come from end machines: appendText escapes them, so no Markdown or link in them is live. */
export function browserTooltip(b: ChromeBrowser): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**');
  md.appendText(b.machineName || b.deviceId);
  md.appendMarkdown('**\n\n');
  const row = (label: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    md.appendMarkdown(`${label}: `);
    md.appendText(String(value));
    md.appendMarkdown('  \n');
  };
  row(vscode.l10n.t('OS'), [b.osPlatform, b.osVersion, b.osArchitecture].filter(Boolean).join(' ') || undefined);
  row(vscode.l10n.t('Chrome'), b.browserVersions?.join(', '));
  row(vscode.l10n.t('Org unit'), b.orgUnitPath);
  row(vscode.l10n.t('Last user'), b.lastDeviceUser);
  row(vscode.l10n.t('Serial'), b.serialNumber);
  row(vscode.l10n.t('Annotated user'), b.annotatedUser);
  row(vscode.l10n.t('Location'), b.annotatedLocation);
  row(vscode.l10n.t('Asset ID'), b.annotatedAssetId);
  row(vscode.l10n.t('Notes'), b.annotatedNotes);
  row(vscode.l10n.t('Last activity'), b.lastActivityTime ? `${relativeTime(b.lastActivityTime)} (${b.lastActivityTime})` : undefined);
  row(vscode.l10n.t('Device ID'), b.deviceId);
  if (hasDeviceIdCollision(b)) md.appendMarkdown('$(warning) Device ID shared by several machines\n');
  return md;
}
