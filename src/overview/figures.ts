// The fleet overview's figures: plain, JSON-safe data (no vscode import). The aggregator builds them, the
// panel sends them to the webview, snapshots store them. What a click on a bar does is data too (an
// `ItemAction`), decided here where the numbers are known, never by the webview.
import type { StableMajor } from './stableMajor';
import { l10n } from '../util/l10n';

export type { StableMajor } from './stableMajor';

export type OverviewScope = { kind: 'account' } | { kind: 'orgUnit'; orgUnitPath: string };

export type ItemAction =
  /** Apply this exact query to the explorer (validated with src/query before it is offered). */
  | { kind: 'filter'; dialect: 'browsers' | 'tokens'; query: string; orgUnitPath?: string }
  /** Show this org unit's browsers in the tree (the org unit is not part of the query language). */
  | { kind: 'revealOrgUnit'; orgUnitPath: string }
  /** Not clickable; `reason` says why (shown as the tooltip and in the table). */
  | { kind: 'none'; reason: string };

export interface ChartItem {
  key: string;
  label: string;
  count: number;
  action: ItemAction;
}

/**
 * Bars split into segments: `values[s][c]` is series `s` of category `c`. Segments only show a mix; a click on
 * any segment acts on the whole bar (the category's action).
 */
export interface ChartStacks {
  series: string[];
  values: number[][];
}

export type ChartId = 'versions' | 'platforms' | 'osVersions' | 'activity' | 'orgUnits' | 'tokens' | 'extensions';

export interface ChartModel {
  id: ChartId;
  title: string;
  /** What is counted, plural ("browsers", "enrollment tokens"). */
  unit: string;
  /** A caveat shown under the chart (e.g. what the BASIC listing cannot tell). */
  note?: string;
  categories: ChartItem[];
  stacks?: ChartStacks;
}

export interface FleetTotals {
  browsers: number;
  /** Browsers reporting at least one Chrome version. */
  withVersion: number;
  /** The current stable Chrome major and how it was chosen; absent when no setting and no version tell it. */
  stableMajor?: StableMajor;
  /**
   * Browsers whose newest installed major is the stable one, the one before it, or newer (beta, dev, canary):
   * up to date. 0 without `stableMajor`.
   */
  onCurrentMajors: number;
  /** Last activity older than 90 days or never. */
  silent: number;
  /** undefined: not counted (listing failed or cancelled). */
  tokens?: number;
  collisions?: number;
}

export interface FleetFigures {
  scope: OverviewScope;
  /** When the listing finished (or the partial figures were taken), ISO 8601 UTC. */
  generatedAt: string;
  /** The instant the activity buckets are relative to (whole second, UTC). */
  now: string;
  /** False while streaming, or when cancelled/failed part way. */
  complete: boolean;
  totals: FleetTotals;
  charts: ChartModel[];
  /** Problems of parts of the load (tokens or collision count unavailable...), for the admin. */
  warnings: string[];
}

export function scopeLabel(scope: OverviewScope): string {
  return scope.kind === 'account' ? l10n.t('the whole account') : l10n.t('org unit {0}', scope.orgUnitPath);
}

export function scopeKey(scope: OverviewScope): string {
  return scope.kind === 'account' ? 'account' : `ou:${scope.orgUnitPath}`;
}

export function sameScope(a: OverviewScope, b: OverviewScope): boolean {
  return scopeKey(a) === scopeKey(b);
}

/** The action of a chart's bar (the whole bar, whichever segment of a stacked bar was clicked). */
export function actionAt(figures: FleetFigures, chartId: ChartId, category: number): ItemAction | undefined {
  return figures.charts.find((c) => c.id === chartId)?.categories[category]?.action;
}
