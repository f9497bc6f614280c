import * as vscode from 'vscode';
import type { BrowserSortKey, SortOrder } from '../api/types';
import { validateQueryInput, validateQueryInputDetailed } from '../query';
import type { ListingKind } from '../tree/explorerState';
import type { LoadMoreNode } from '../tree/nodes/loadMoreNode';
import { OrgUnitNode, owningOrgUnit } from '../tree/nodes/orgUnitNode';
import type { ExplorerNode } from '../tree/nodes/explorerNode';
import { describeError } from '../util/errors';
import type { ExplorerCommandContext } from './commandContext';
import { confirmMisleadingQuery, type AskModal } from './queryGuard';
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
      void vscode.window.showWarningMessage(`The org unit ${orgUnitPath} is not in the explorer. Refresh the explorer.`);
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

export function registerExplorerCommands(c: ExplorerCommandContext): vscode.Disposable[] {
  const { explorer, services } = c;
  const recent = new RecentQueries(services.context.globalState);
  const askModal: AskModal = (message, detail, ...buttons) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);

  const applyFilter = async (kind: ListingKind, query: string, orgUnitPath: string | undefined) => {
    const trimmed = query.trim();
    const filter = trimmed ? { query: trimmed, orgUnitPath } : undefined;
    if (kind === 'browsers') explorer.state.browserFilter = filter;
    else explorer.state.tokenFilter = filter;
    if (trimmed) await recent.remember(kind, trimmed);
    await explorer.saveViewState();
    explorer.resetListings();
  };

  const askFilter = async (kind: ListingKind, node: unknown) => {
    const orgUnitPath = node instanceof OrgUnitNode ? node.orgUnitPath : undefined;
    const current = (kind === 'browsers' ? explorer.state.browserFilter : explorer.state.tokenFilter)?.query;
    const history = recent.list(kind);
    let start = current ?? '';
    if (history.length > 0) {
      const NEW = '$(add) New query…';
      const pick = await vscode.window.showQuickPick([NEW, ...history], {
        title: `Filter ${kind}${orgUnitPath ? ` in ${orgUnitPath}` : ''}: recent queries`,
        placeHolder: 'Pick a recent query to edit it, or start a new one',
      });
      if (pick === undefined) return;
      if (pick !== NEW) start = pick;
    }
    // A query whose warnings mean "the API will not do what you typed" is sent only after "Run anyway";
    // "Edit query" reopens the box with it.
    for (;;) {
      const query = await vscode.window.showInputBox({
        title: `Filter ${kind}${orgUnitPath ? ` in ${orgUnitPath}` : ' (all org units)'}`,
        prompt:
          kind === 'browsers'
            ? 'e.g. os_platform:Windows last_activity:..-90d (relative times such as -7d, -2w, -12h become dates when it runs) — empty clears the filter'
            : 'e.g. token_state:ACTIVE — empty clears the filter',
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
      await applyFilter(kind, query, orgUnitPath);
      return;
    }
  };

  return [
    vscode.commands.registerCommand('cbcm.explorer.refresh', () => explorer.refresh()),
    vscode.commands.registerCommand('cbcm.explorer.refreshNode', (node?: ExplorerNode) => explorer.refreshNode(node)),
    vscode.commands.registerCommand('cbcm.explorer.loadMore', async (node?: LoadMoreNode) => {
      if (!node) return;
      await vscode.window.withProgress({ location: { viewId: 'cbcm.explorer' } }, () => node.parent.loadMore());
      explorer.redraw(node.parent);
    }),
    vscode.commands.registerCommand('cbcm.explorer.filterBrowsers', (node?: unknown) => askFilter('browsers', node)),
    vscode.commands.registerCommand('cbcm.explorer.filterTokens', (node?: unknown) => askFilter('tokens', node)),
    vscode.commands.registerCommand('cbcm.explorer.clearFilter', async () => {
      explorer.state.browserFilter = undefined;
      explorer.state.tokenFilter = undefined;
      await explorer.saveViewState();
      explorer.resetListings();
    }),
    vscode.commands.registerCommand('cbcm.explorer.applyFilter', async (args?: ApplyFilterArgs) => {
      if (!args || typeof args.query !== 'string') return askFilter('browsers', undefined);
      const kind: ListingKind = args.dialect === 'tokens' ? 'tokens' : 'browsers';
      const problem = validateQueryInput(args.query, kind);
      if (problem) {
        void vscode.window.showErrorMessage(`The query was not run: ${problem}`);
        return;
      }
      let orgUnitPath = args.orgUnitPath;
      if (args.scope === 'selectedOrgUnit') {
        const selected = c.view.selection[0] as ExplorerNode | undefined;
        orgUnitPath = selected ? owningOrgUnit(selected)?.orgUnitPath : undefined;
        if (!orgUnitPath) {
          void vscode.window.showInformationMessage('Select an org unit (or anything inside one) in the CBCM Explorer first.');
          return;
        }
      }
      if ((await confirmMisleadingQuery(args.query, kind, askModal, false)) !== 'run') return;
      await applyFilter(kind, args.query, orgUnitPath);
      await vscode.commands.executeCommand('cbcm.explorer.focus');
      // Tells the caller (a query file's lens) where the filtered listing is, so it can reveal it.
      return { orgUnitPath };
    }),
    vscode.commands.registerCommand('cbcm.explorer.revealListing', (args?: { dialect?: ListingKind; orgUnitPath?: string }) =>
      revealListing(c, args?.dialect === 'tokens' ? 'tokens' : 'browsers', typeof args?.orgUnitPath === 'string' ? args.orgUnitPath : undefined),
    ),
    // Automation passes `{ orderBy, sortOrder }` (or `{}` for the default order); a menu passes the clicked node.
    vscode.commands.registerCommand('cbcm.explorer.sort', async (arg?: unknown) => {
      const preset = isSortPreset(arg) ? arg : undefined;
      if (preset) {
        // Automation: `{}` restores the default order.
        explorer.state.sort = preset.orderBy ? { orderBy: preset.orderBy, sortOrder: preset.sortOrder ?? 'ASCENDING' } : undefined;
        await explorer.saveViewState();
        explorer.resetListings();
        return;
      }
      const picked = await pickBrowserSort(explorer.state.sort, services.backends.current);
      if (!picked) return;
      explorer.state.sort = picked.sort;
      await explorer.saveViewState();
      explorer.resetListings();
    }),
  ];
}
