import * as vscode from 'vscode';
import type { ChromeBrowser } from '../api/types';
import { searchBrowsers, SEARCH_RESULT_LIMIT } from '../search/browserSearch';
import { BrowserNode } from '../tree/nodes/browserNode';
import { describeError, isCancellation } from '../util/errors';
import { relativeTime } from '../util/relativeTime';
import { type ExplorerCommandContext, requireBackend } from './commandContext';
import type { CommandTable } from './commandTable';
import { clock } from '../util/clock';

export const FIND_BROWSER_COMMAND = 'cbcm.browser.find';
/** Pages Reveal may load into a folder to reach the browser (100 rows each by default). */
const REVEAL_MAX_EXTRA_PAGES = 10;
/** Typing pauses this long before a query goes out: one request per pause, not per key. */
const DEBOUNCE_MS = 300;

interface BrowserItem extends vscode.QuickPickItem {
  readonly browser: ChromeBrowser;
}

/**
 * The row buttons, made on first use: a tooltip translated at module load could miss the bundle (VS Code may not
 * have loaded it yet). Made once, so a triggered button is still told apart by identity.
 */
let rowButtons: { reveal: vscode.QuickInputButton; copy: vscode.QuickInputButton } | undefined;
function buttons(): { reveal: vscode.QuickInputButton; copy: vscode.QuickInputButton } {
  rowButtons ??= {
    reveal: { iconPath: new vscode.ThemeIcon('list-tree'), tooltip: vscode.l10n.t('Reveal in the CBCM Explorer') },
    copy: { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy Device ID') },
  };
  return rowButtons;
}

/** One row: machine name; org unit and user; last activity and the ids an admin may have typed. */
export function browserItem(b: ChromeBrowser, now = clock.now()): BrowserItem {
  const user = b.annotatedUser || b.lastDeviceUser;
  const activity = relativeTime(b.lastActivityTime, now);
  return {
    label: b.machineName || b.deviceId,
    description: [b.orgUnitPath, user].filter(Boolean).join(' · '),
    detail: [
      activity ? vscode.l10n.t('Last activity {0}', activity) : vscode.l10n.t('No activity reported'),
      b.serialNumber && vscode.l10n.t('serial {0}', b.serialNumber),
      b.annotatedAssetId && vscode.l10n.t('asset {0}', b.annotatedAssetId),
    ]
      .filter(Boolean)
      .join(' · '),
    // The API already matched (on any field): VS Code's own filter on the label must not hide a row found by user.
    alwaysShow: true,
    buttons: [buttons().reveal, buttons().copy],
    browser: b,
  };
}

/**
 * CBCM: Find Browser… — searches as the admin types. Queries go through the backend (never HTTP here); a new
 * text aborts the query in flight, so at most one runs and a late answer never replaces a newer one.
 */
async function findBrowser(c: ExplorerCommandContext, initial?: unknown): Promise<void> {
  const { services } = c;
  if (!(await requireBackend(services))) return;
  const pick = vscode.window.createQuickPick<BrowserItem>();
  pick.title = vscode.l10n.t('Find Browser');
  pick.placeholder = vscode.l10n.t('Machine name, serial number, user, asset ID or device ID (whole words)');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let disposed = false;

  const run = async (text: string) => {
    inFlight?.abort();
    const backend = services.backends.current;
    if (!backend || text.trim() === '') {
      pick.items = [];
      pick.title = vscode.l10n.t('Find Browser');
      pick.busy = false;
      return;
    }
    const abort = (inFlight = new AbortController());
    pick.busy = true;
    try {
      const result = await searchBrowsers(backend, text, abort.signal);
      if (abort.signal.aborted || disposed) return;
      const now = clock.now();
      pick.items = result.browsers.map((b) => browserItem(b, now));
      // The placeholder is hidden once there is text: the title says how the search went.
      pick.title =
        result.browsers.length === 0
          ? vscode.l10n.t('Find Browser: no match (whole words: type a complete word of the name, serial or user)')
          : result.more
            ? vscode.l10n.t('Find Browser: the first {0} matches (type more to narrow them down)', SEARCH_RESULT_LIMIT)
            : result.browsers.length === 1
              ? vscode.l10n.t('Find Browser: 1 match')
              : vscode.l10n.t('Find Browser: {0} matches', result.browsers.length);
      services.log.debug(`Find Browser: ${result.browsers.length}${result.more ? '+' : ''} match(es).`);
    } catch (error) {
      if (abort.signal.aborted || isCancellation(error) || disposed) return;
      pick.items = [];
      pick.title = vscode.l10n.t('Find Browser: the search failed ({0})', describeError(error));
      services.log.warn(`Find Browser failed: ${describeError(error)}`);
    } finally {
      if (inFlight === abort) {
        inFlight = undefined;
        if (!disposed) pick.busy = false;
      }
    }
  };

  pick.onDidChangeValue((text) => {
    if (timer) clearTimeout(timer);
    // The answer to the old text is no longer wanted: stop it now, not when the next query starts.
    inFlight?.abort();
    pick.busy = text.trim() !== '';
    timer = setTimeout(() => void run(text), DEBOUNCE_MS);
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0] ?? pick.activeItems[0];
    if (!item) return;
    pick.hide();
    void vscode.commands.executeCommand('cbcm.browser.openDetails', { deviceId: item.browser.deviceId, browser: item.browser });
  });
  pick.onDidTriggerItemButton(async ({ button, item }) => {
    if (button === buttons().copy) {
      await vscode.env.clipboard.writeText(item.browser.deviceId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the device ID of {0}', item.label), 3000);
      return;
    }
    pick.hide();
    await revealBrowser(c, item.browser);
  });
  pick.onDidHide(() => {
    disposed = true;
    if (timer) clearTimeout(timer);
    inFlight?.abort();
    pick.dispose();
  });
  pick.show();
  if (typeof initial === 'string' && initial.trim() !== '') pick.value = initial;
}

export const findBrowserCommands = {
  [FIND_BROWSER_COMMAND]: findBrowser,
} satisfies CommandTable<ExplorerCommandContext>;

/**
 * Shows the browser in its org unit's "Browsers" folder. The folder lists page by page: when the browser is not
 * among the rows loaded there (a filter, or a later page), the folder is shown and the admin is told why.
 */
async function revealBrowser({ explorer, view }: ExplorerCommandContext, browser: ChromeBrowser): Promise<void> {
  await vscode.commands.executeCommand('cbcm.explorer.focus');
  await explorer.getChildren();
  const account = explorer.accountNode;
  const ou = browser.orgUnitPath ? account?.findOrgUnit(browser.orgUnitPath) : undefined;
  const folder = ou?.browsers ?? account?.allBrowsers;
  if (!folder) return;
  await view.reveal(folder, { expand: true, select: false, focus: false });
  await folder.getChildren();
  const find = () => folder.loadedNodes.find((n): n is BrowserNode => n instanceof BrowserNode && n.deviceId === browser.deviceId);
  // Not on the first page: load more, as "Load more" would, up to a bound (a folder is never listed whole for this).
  for (let page = 0; !find() && page < REVEAL_MAX_EXTRA_PAGES && !folder.isComplete; page++) {
    const before = folder.loadedCount;
    await vscode.window.withProgress({ location: { viewId: 'cbcm.explorer' } }, () => folder.loadMore());
    if (folder.loadedCount === before) break;
  }
  const node = find();
  if (node) {
    explorer.redraw(folder);
    await view.reveal(node, { select: true, focus: true });
    return;
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      '{0} is in {1}, but not among the {2} rows loaded there (a filter hides it, or it is further down). Use "Load more", or Find Browser\'s Enter to open its details.',
      browser.machineName ?? browser.deviceId,
      browser.orgUnitPath ?? vscode.l10n.t('this account'),
      folder.loadedCount,
    ),
  );
}
