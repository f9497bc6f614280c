// The message protocol between the fleet overview panel (extension host) and its webview script
// (media/src/overview.ts). Both sides import this file: no `vscode` or Node imports.
//
// The webview never sends a query: a click names a bar (chart, category) and the extension looks up
// the action it computed itself. Every message is checked by a guard; anything else is dropped.

import type { ChartId, ChartItem, ChartModel, FleetFigures, ItemAction, OverviewScope, StableMajor } from '../../overview/figures';
import type { SnapshotDiff } from '../../overview/snapshot';
import { l10n } from '../../util/l10n';
import { isCopyText, isCount, isObject, isOneOf, isString, type CopyMessage, type ReadyMessage } from '../messageGuards';

/** Here rather than in overviewPanel.ts: the registration needs them at activation, the panel only on first use. */
export const OVERVIEW_VIEW_TYPE = 'cbcm.fleetOverview';
export const overviewSignInReason = (): string => l10n.t('Sign in to CBCM to see the fleet overview.');

export const CHART_IDS: readonly ChartId[] = ['versions', 'platforms', 'osVersions', 'activity', 'orgUnits', 'tokens', 'extensions'];

/** Everything the webview shows; sent whole after `ready` and on every change (a few kB). */
export interface OverviewState {
  scope: OverviewScope;
  figures?: FleetFigures;
  /** Set while a listing runs. */
  loading?: { browsers: number; pages: number };
  /** The last load failed or was cancelled (figures, if any, are partial or older). */
  error?: string;
  /** The last comparison with a snapshot file. */
  diff?: SnapshotDiff & { file: string };
}

// ---------------------------------------------------------------- webview → extension

export type OverviewWebviewMessage =
  | ReadyMessage
  | { type: 'refresh' }
  | { type: 'cancel' }
  /** A bar (whichever of its segments was clicked) or a table row's button. */
  | { type: 'activate'; chart: ChartId; category: number }
  /** A table row's "Act on all…": move, delete or annotate every browser its filter matches (the bulk commands). */
  | { type: 'actOnAll'; chart: ChartId; category: number }
  /** Opens the settings editor at `cbcm.overview.stableMajor`. */
  | { type: 'openStableMajorSetting' }
  /** The summary's "Device-id collisions" figure. */
  | { type: 'filterCollisions' }
  | { type: 'saveSnapshot' }
  | { type: 'compareSnapshot' }
  | { type: 'closeDiff' }
  | CopyMessage;

// ---------------------------------------------------------------- extension → webview

export type OverviewExtensionMessage = { type: 'state'; state: OverviewState };

// ---------------------------------------------------------------- guards

const isIndex = isCount;
const isChartId = isOneOf(CHART_IDS);

export function isScope(v: unknown): v is OverviewScope {
  return isObject(v) && (v.kind === 'account' || (v.kind === 'orgUnit' && isString(v.orgUnitPath) && v.orgUnitPath.startsWith('/')));
}

function isAction(v: unknown): v is ItemAction {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'filter':
      return (v.dialect === 'browsers' || v.dialect === 'tokens') && isString(v.query) && (v.orgUnitPath === undefined || isString(v.orgUnitPath));
    case 'revealOrgUnit':
      return isString(v.orgUnitPath);
    case 'none':
      return isString(v.reason);
    default:
      return false;
  }
}

function isItem(v: unknown): v is ChartItem {
  return isObject(v) && isString(v.key) && isString(v.label) && isCount(v.count) && isAction(v.action);
}

function isChart(v: unknown): v is ChartModel {
  if (!isObject(v) || !isChartId(v.id) || !isString(v.title) || !isString(v.unit)) return false;
  if (v.note !== undefined && !isString(v.note)) return false;
  if (!Array.isArray(v.categories) || !v.categories.every(isItem)) return false;
  if (v.stacks === undefined) return true;
  const s = v.stacks;
  const n = v.categories.length;
  return (
    isObject(s) &&
    Array.isArray(s.series) &&
    s.series.every(isString) &&
    Array.isArray(s.values) &&
    s.values.length === s.series.length &&
    s.values.every((row) => Array.isArray(row) && row.length === n && row.every(isCount))
  );
}

export function isFigures(v: unknown): v is FleetFigures {
  if (!isObject(v) || !isScope(v.scope) || !isString(v.generatedAt) || !isString(v.now) || typeof v.complete !== 'boolean') return false;
  const t = v.totals;
  if (!isObject(t) || !isCount(t.browsers) || !isCount(t.withVersion) || !isCount(t.onCurrentMajors) || !isCount(t.silent)) return false;
  if (t.stableMajor !== undefined && !isStableMajor(t.stableMajor)) return false;
  if ((t.tokens !== undefined && !isCount(t.tokens)) || (t.collisions !== undefined && !isCount(t.collisions))) return false;
  return Array.isArray(v.charts) && v.charts.every(isChart) && Array.isArray(v.warnings) && v.warnings.every(isString);
}

function isStableMajor(v: unknown): v is StableMajor {
  return (
    isObject(v) &&
    isCount(v.major) &&
    v.major > 0 &&
    (v.source === 'setting' || v.source === 'channel' || v.source === 'fleet') &&
    isString(v.explanation)
  );
}

function isChangeList(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every((c) => isObject(c) && isString(c.deviceId) && (c.from === undefined || isCount(c.from)) && (c.to === undefined || isCount(c.to)))
  );
}

function isDiff(v: unknown): v is OverviewState['diff'] {
  if (!isObject(v) || !isString(v.file)) return false;
  const side = (s: unknown) => isObject(s) && isString(s.generatedAt) && isScope(s.scope) && isCount(s.browsers) && typeof s.complete === 'boolean';
  if (!side(v.before) || !side(v.after) || (v.scopeMismatch !== undefined && !isString(v.scopeMismatch))) return false;
  const c = v.counts;
  if (!isObject(c) || !['new', 'gone', 'upgraded', 'downgraded', 'unchanged'].every((k) => isCount(c[k]))) return false;
  const l = v.lists;
  if (!isObject(l) || !['new', 'gone', 'upgraded', 'downgraded'].every((k) => isChangeList(l[k]))) return false;
  return (
    Array.isArray(v.charts) &&
    v.charts.every(
      (ch) =>
        isObject(ch) &&
        isChartId(ch.id) &&
        Array.isArray(ch.rows) &&
        ch.rows.every((r) => isObject(r) && isString(r.label) && isCount(r.before) && isCount(r.after)),
    )
  );
}

export function isOverviewState(v: unknown): v is OverviewState {
  if (!isObject(v) || !isScope(v.scope)) return false;
  if (v.figures !== undefined && !isFigures(v.figures)) return false;
  if (v.loading !== undefined && !(isObject(v.loading) && isCount(v.loading.browsers) && isCount(v.loading.pages))) return false;
  if (v.error !== undefined && !isString(v.error)) return false;
  return v.diff === undefined || isDiff(v.diff);
}

/** Validates a message the webview posted; undefined means "drop it". */
export function parseOverviewWebviewMessage(v: unknown): OverviewWebviewMessage | undefined {
  if (!isObject(v) || !isString(v.type)) return undefined;
  switch (v.type) {
    case 'ready':
    case 'refresh':
    case 'cancel':
    case 'filterCollisions':
    case 'saveSnapshot':
    case 'compareSnapshot':
    case 'closeDiff':
    case 'openStableMajorSetting':
      return { type: v.type };
    case 'activate':
    case 'actOnAll':
      return isChartId(v.chart) && isIndex(v.category) ? { type: v.type, chart: v.chart, category: v.category } : undefined;
    case 'copy':
      return isCopyText(v.text) ? { type: 'copy', text: v.text } : undefined;
    default:
      return undefined;
  }
}

/** Validates a message the extension posted; undefined means "drop it". */
export function parseOverviewExtensionMessage(v: unknown): OverviewExtensionMessage | undefined {
  if (!isObject(v) || v.type !== 'state' || !isOverviewState(v.state)) return undefined;
  return { type: 'state', state: v.state };
}

/** The panel state VS Code keeps for "restore after reload" (webview setState / serializer). */
export interface OverviewPanelState {
  scope: OverviewScope;
}

export function isOverviewPanelState(v: unknown): v is OverviewPanelState {
  return isObject(v) && isScope(v.scope);
}
