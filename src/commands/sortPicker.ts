import * as vscode from 'vscode';
import type { CbcmBackend } from '../api/backend';
import { v1beta1OrderByName, type BrowserSortKey } from '../api/types';
import { availableSortChoices, directionsOf, directionWords, sortChoice } from '../tree/browserSort';
import type { BrowserSort } from '../tree/explorerState';

interface ColumnItem extends vscode.QuickPickItem {
  readonly orderBy?: BrowserSortKey;
}

/** Shows a quick pick with `active` highlighted, so Enter keeps the current choice. */
function pick<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeholder: string; active?: T }): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = options.title;
  qp.placeholder = options.placeholder;
  qp.items = items;
  qp.matchOnDetail = true;
  if (options.active) qp.activeItems = [options.active];
  return new Promise<T | undefined>((resolve) => {
    let chosen: T | undefined;
    qp.onDidAccept(() => {
      chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(chosen);
    });
    qp.show();
  });
}

/**
 * Asks for a column (human labels, the useful ones first, each with what it sorts on in this API's own words),
 * then for a direction in words that fit the column ("newest first", "A to Z"). Resolves to `{ sort: undefined }`
 * for the API's default order, undefined when cancelled.
 */
export async function pickBrowserSort(
  current: BrowserSort | undefined,
  backend: CbcmBackend | undefined,
): Promise<{ sort: BrowserSort | undefined } | undefined> {
  const apiName = (o: BrowserSortKey) => (backend?.orderByName ? backend.orderByName(o) : v1beta1OrderByName(o));
  const columns: ColumnItem[] = availableSortChoices(apiName).map((c) => ({
    orderBy: c.orderBy,
    label: c.label,
    description: current?.orderBy === c.orderBy ? vscode.l10n.t('$(check) now, {0}', directionWords(c.orderBy, current.sortOrder)) : undefined,
    detail: vscode.l10n.t('{0} (sorts on {1})', c.detail, c.apiName),
  }));
  const defaultItem: ColumnItem = {
    label: vscode.l10n.t('Default order'),
    description: current ? undefined : vscode.l10n.t('$(check) now'),
    detail: backend?.orderByName
      ? vscode.l10n.t('The API’s own order: last status report, newest first')
      : vscode.l10n.t('The order the API returns when no sort is asked for'),
  };
  const items: ColumnItem[] = [...columns, { label: '', kind: vscode.QuickPickItemKind.Separator }, defaultItem];
  const column = await pick(items, {
    title: vscode.l10n.t('Sort browsers by'),
    placeholder: current
      ? vscode.l10n.t('Now: {0}, {1}', sortChoice(current.orderBy).label, directionWords(current.orderBy, current.sortOrder))
      : vscode.l10n.t('Now: default order'),
    active: columns.find((c) => c.orderBy === current?.orderBy) ?? (current ? undefined : columns[0]),
  });
  if (!column) return undefined;
  if (!column.orderBy) return { sort: undefined };
  const orderBy = column.orderBy;
  const directions = directionsOf(orderBy).map((d) => ({
    sortOrder: d.sortOrder,
    label: `${d.sortOrder === 'DESCENDING' ? '$(arrow-down)' : '$(arrow-up)'} ${d.label[0].toUpperCase()}${d.label.slice(1)}`,
    description: d.sortOrder === 'DESCENDING' ? vscode.l10n.t('descending') : vscode.l10n.t('ascending'),
  }));
  const direction = await pick(directions, {
    title: vscode.l10n.t('Sort by {0}', column.label),
    placeholder: sortChoice(orderBy).detail,
    active: current?.orderBy === orderBy ? directions.find((d) => d.sortOrder === current.sortOrder) : directions[0],
  });
  return direction ? { sort: { orderBy, sortOrder: direction.sortOrder } } : undefined;
}
