// The context menu of an overview bar. The webview puts this object in the chart canvas' `data-vscode-context`
// (for the bar under the pointer, or the bar chosen with the arrow keys); VS Code shows the `webview/context`
// entries whose `when` it satisfies and hands the object to the chosen command. Like a click, it only names the
// bar: the extension looks up the bar's action itself, so a forged context can select no other browsers.
// Both sides import this file: no `vscode` or Node imports.

import type { ChartId, ItemAction, OverviewScope } from '../../overview/figures';
import { isCount, isObject, isOneOf, isString } from '../messageGuards';
import { CHART_IDS } from './protocol';

/** `webviewSection` of a bar's context (package.json's `webview/context` entries test it). */
export const BAR_SECTION = 'overviewBar';

export interface BarContext {
  webviewSection: typeof BAR_SECTION;
  /** VS Code's own Cut / Copy / Paste make no sense on a chart. */
  preventDefaultContextMenuItems: true;
  chart: ChartId;
  category: number;
  /** The panel's scope: '' for the account, else the org unit's path (two overviews can be open). */
  scope: string;
  /** The bar filters or reveals (its "Filter Explorer" entry). */
  cbcmBarClickable: boolean;
  /** The bar's filter lists browsers: the bulk entries (Move / Set annotations / Delete all matching…). */
  cbcmBarBulk: boolean;
}

export function barContext(scope: OverviewScope, chart: ChartId, category: number, action: ItemAction | undefined): BarContext {
  return {
    webviewSection: BAR_SECTION,
    preventDefaultContextMenuItems: true,
    chart,
    category,
    scope: scope.kind === 'account' ? '' : scope.orgUnitPath,
    cbcmBarClickable: action !== undefined && action.kind !== 'none',
    cbcmBarBulk: action?.kind === 'filter' && action.dialect === 'browsers',
  };
}

/** What a menu command needs from its argument (VS Code adds `webview`, the view type); undefined: not a bar. */
export function parseBarContext(v: unknown): { scope: OverviewScope; chart: ChartId; category: number } | undefined {
  if (!isObject(v) || v.webviewSection !== BAR_SECTION || !isOneOf(CHART_IDS)(v.chart) || !isCount(v.category) || !isString(v.scope))
    return undefined;
  if (v.scope !== '' && !v.scope.startsWith('/')) return undefined;
  return { scope: v.scope === '' ? { kind: 'account' } : { kind: 'orgUnit', orgUnitPath: v.scope }, chart: v.chart, category: v.category };
}
