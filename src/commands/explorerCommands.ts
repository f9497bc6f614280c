import * as vscode from 'vscode';
import type { BrowserSortKey, SortOrder } from '../api/types';
import { validateQueryInput, validateQueryInputDetailed } from '../query';
import type { ListingKind } from '../tree/explorerState';
import type { LoadMoreNode } from '../tree/nodes/loadMoreNode';
import { OrgUnitNode, owningOrgUnit } from '../tree/nodes/orgUnitNode';
import type { ExplorerNode } from '../tree/nodes/explorerNode';
import { describeError } from '../util/errors';
import type { ExplorerCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';
import { confirmMisleadingQuery } from './queryGuard';
import { RecentQueries } from './recentQueries';
import { pickBrowserSort } from './sortPicker';

/** Arguments of `cbcm.explorer.applyFilter`, as the query language's CodeLens sends them. */
interface ApplyFilterArgs {
  query: string;
  dialect?: ListingKind;
  orgUnitPath?: string;
  /** 'selectedOrgUnit': the org unit of the explorer's selection. */
  scope?: 'account' | 'selectedOrgUnit';
}

/**
 * Selects and expands the browsers (or tokens) folder of an org unit, or the account-wide one. A refresh of the
 * explorer (the filter just applied resets the listings) can replace its nodes meanwhile: a folder of the old tree
 * cannot be revealed, so it is looked up again and tried once more. True when the folder was revealed.
 */
async function revealListing(c: ExplorerCommandContext, kind: ListingKind, orgUnitPath: string | undefined): Promise<boolean> {
  await vscode.commands.executeCommand('cbcm.explorer.focus');
  for (let attempt = 1; ; attempt++) {
    await c.explorer.getChildren();
    const account = c.explorer.accountNode;
    if (!account) return false;
    const ou = orgUnitPath === undefined ? undefined : account.findOrgUnit(orgUnitPath);
    if (orgUnitPath !== undefined && !ou) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The org unit {0} is not in the explorer. Refresh the explorer.', orgUnitPath));
      return false;
    }
    const folder = kind === 'tokens' ? (ou ? ou.tokens : account.allTokens) : ou ? ou.browsers : account.allBrowsers;
    try {
      await c.view.reveal(folder, { select: true, focus: true, expand: true });
      return true;
    } catch (error) {
      c.services.log.debug(`Could not reveal the ${kind} of ${orgUnitPath ?? 'the account'} (attempt ${attempt}): ${describeError(error)}`);
      if (attempt >= 2) return false;
    }
  }
}

function isSortPreset(arg: unknown): arg is { orderBy?: BrowserSortKey; sortOrder?: SortOrder } {
  return typeof arg === 'object' && arg !== null && !('getTreeItem' in arg) && Object.keys(arg).every((k) => k === 'orderBy' || k === 'sortOrder');
}

function askModal(message: string, detail: string | undefined, ...buttons: string[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
}

async function applyFilter(c: ExplorerCommandContext, kind: ListingKind, query: string, orgUnitPath: string | undefined): Promise<void> {
  const { explorer } = c;
  const trimmed = query.trim();
  const filter = trimmed ? { query: trimmed, orgUnitPath } : undefined;
  if (kind === 'browsers') explorer.state.browserFilter = filter;
  else explorer.state.tokenFilter = filter;
  if (trimmed) await new RecentQueries(c.services.context.globalState).remember(kind, trimmed);
  await explorer.saveViewState();
  explorer.resetListings();
}

function filterTitle(kind: ListingKind, orgUnitPath: string | undefined): string {
  if (kind === 'browsers')
    return orgUnitPath ? vscode.l10n.t('Filter browsers in {0}', orgUnitPath) : vscode.l10n.t('Filter browsers (all org units)');
  return orgUnitPath ? vscode.l10n.t('Filter tokens in {0}', orgUnitPath) : vscode.l10n.t('Filter tokens (all org units)');
}

function recentTitle(kind: ListingKind, orgUnitPath: string | undefined): string {
  if (kind === 'browsers')
    return orgUnitPath ? vscode.l10n.t('Filter browsers in {0}: recent queries', orgUnitPath) : vscode.l10n.t('Filter browsers: recent queries');
  return orgUnitPath ? vscode.l10n.t('Filter tokens in {0}: recent queries', orgUnitPath) : vscode.l10n.t('Filter tokens: recent queries');
}

async function askFilter(c: ExplorerCommandContext, kind: ListingKind, node: unknown): Promise<void> {
  const { explorer } = c;
  const orgUnitPath = node instanceof OrgUnitNode ? node.orgUnitPath : undefined;
  const current = (kind === 'browsers' ? explorer.state.browserFilter : explorer.state.tokenFilter)?.query;
  const history = new RecentQueries(c.services.context.globalState).list(kind);
  let start = current ?? '';
  if (history.length > 0) {
    const NEW = vscode.l10n.t('$(add) New query…');
    const pick = await vscode.window.showQuickPick([NEW, ...history], {
      title: recentTitle(kind, orgUnitPath),
      placeHolder: vscode.l10n.t('Pick a recent query to edit it, or start a new one'),
    });
    if (pick === undefined) return;
    if (pick !== NEW) start = pick;
  }
  // A query whose warnings mean "the API will not do what you typed" is sent only after "Run anyway";
  // "Edit query" reopens the box with it.
  for (;;) {
    const query = await vscode.window.showInputBox({
      title: filterTitle(kind, orgUnitPath),
      prompt:
        kind === 'browsers'
          ? vscode.l10n.t(
              'e.g. os_platform:Windows last_activity:..-90d (relative times such as -7d, -2w, -12h become dates when it runs) — empty clears the filter',
            )
          : vscode.l10n.t('e.g. token_state:ACTIVE — empty clears the filter'),
      value: start,
      ignoreFocusOut: true,
      validateInput: (text) => {
        const v = validateQueryInputDetailed(text, kind);
        if (!v) return undefined;
        return v.severity === 'error' ? v.message : { message: v.message, severity: vscode.InputBoxValidationSeverity.Warning };
      },
    });
    if (query === undefined) return;
    const decision = await confirmMisleadingQuery(query, kind, askModal, true);
    if (decision === 'cancel') return;
    if (decision === 'edit') {
      start = query;
      continue;
    }
    await applyFilter(c, kind, query, orgUnitPath);
    return;
  }
}

function refresh(c: ExplorerCommandContext): void {
  c.explorer.refresh();
}

function refreshNode(c: ExplorerCommandContext, node?: ExplorerNode): void {
  c.explorer.refreshNode(node);
}

async function loadMore(c: ExplorerCommandContext, node?: LoadMoreNode): Promise<void> {
  if (!node) return;
  await vscode.window.withProgress({ location: { viewId: 'cbcm.explorer' } }, () => node.parent.loadMore());
  c.explorer.redraw(node.parent);
}

function filterBrowsers(c: ExplorerCommandContext, node?: unknown): Promise<void> {
  return askFilter(c, 'browsers', node);
}

function filterTokens(c: ExplorerCommandContext, node?: unknown): Promise<void> {
  return askFilter(c, 'tokens', node);
}

async function clearFilter({ explorer }: ExplorerCommandContext): Promise<void> {
  explorer.state.browserFilter = undefined;
  explorer.state.tokenFilter = undefined;
  await explorer.saveViewState();
  explorer.resetListings();
}

async function applyFilterCommand(c: ExplorerCommandContext, args?: ApplyFilterArgs): Promise<{ orgUnitPath: string | undefined } | void> {
  if (!args || typeof args.query !== 'string') return askFilter(c, 'browsers', undefined);
  const kind: ListingKind = args.dialect === 'tokens' ? 'tokens' : 'browsers';
  const problem = validateQueryInput(args.query, kind);
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The query was not run: {0}', problem));
    return;
  }
  let orgUnitPath = args.orgUnitPath;
  if (args.scope === 'selectedOrgUnit') {
    const selected = c.view.selection[0] as ExplorerNode | undefined;
    orgUnitPath = selected ? owningOrgUnit(selected)?.orgUnitPath : undefined;
    if (!orgUnitPath) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select an org unit (or anything inside one) in the CBCM Explorer first.'));
      return;
    }
  }
  if ((await confirmMisleadingQuery(args.query, kind, askModal, false)) !== 'run') return;
  await applyFilter(c, kind, args.query, orgUnitPath);
  await vscode.commands.executeCommand('cbcm.explorer.focus');
  // Tells the caller (a query file's lens) where the filtered listing is, so it can reveal it.
  return { orgUnitPath };
}

function revealListingCommand(c: ExplorerCommandContext, args?: { dialect?: ListingKind; orgUnitPath?: string }): Promise<boolean> {
  return revealListing(c, args?.dialect === 'tokens' ? 'tokens' : 'browsers', typeof args?.orgUnitPath === 'string' ? args.orgUnitPath : undefined);
}

/** Automation passes `{ orderBy, sortOrder }` (or `{}` for the default order); a menu passes the clicked node. */
async function sort(c: ExplorerCommandContext, arg?: unknown): Promise<void> {
  const { explorer } = c;
  const preset = isSortPreset(arg) ? arg : undefined;
  if (preset) {
    // Automation: `{}` restores the default order.
    explorer.state.sort = preset.orderBy ? { orderBy: preset.orderBy, sortOrder: preset.sortOrder ?? 'ASCENDING' } : undefined;
    await explorer.saveViewState();
    explorer.resetListings();
    return;
  }
  const picked = await pickBrowserSort(explorer.state.sort, c.services.backends.current);
  if (!picked) return;
  explorer.state.sort = picked.sort;
  await explorer.saveViewState();
  explorer.resetListings();
}

export const explorerCommands = {
  'cbcm.explorer.refresh': refresh,
  'cbcm.explorer.refreshNode': refreshNode,
  'cbcm.explorer.loadMore': loadMore,
  'cbcm.explorer.filterBrowsers': filterBrowsers,
  'cbcm.explorer.filterTokens': filterTokens,
  'cbcm.explorer.clearFilter': clearFilter,
  'cbcm.explorer.applyFilter': applyFilterCommand,
  'cbcm.explorer.revealListing': revealListingCommand,
  'cbcm.explorer.sort': sort,
} satisfies CommandTable<ExplorerCommandContext>;
