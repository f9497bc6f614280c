// The message protocol between the fleet inventory panel (extension host) and its webview script
// (media/src/inventory.ts). Both sides import this file: no `vscode` or Node imports.
//
// The webview never sends device ids or queries: a click names an inventory entry (an extension key, one of its
// versions, a permission, a policy key) and the extension looks up the browsers in its own aggregator. Every
// message is checked by a guard; anything else is dropped.
import type { ExtensionDimension, Inventory, InventoryScope } from '../../inventory/model';
import type { InventoryTarget } from '../../inventory/selection';
import type { InventoryDiff } from '../../inventory/snapshot';
import { l10n } from '../../util/l10n';
import { isCount, isObject, isString, type Obj } from '../messageGuards';

/** Here rather than in inventoryPanel.ts: the registration needs it at activation, the panel only on first use. */
export const INVENTORY_VIEW_TYPE = 'cbcm.fleetInventory';
export const inventorySignInReason = (): string => l10n.t('Sign in to CBCM to see the extension inventory.');

export const EXTENSION_DIMENSIONS: readonly ExtensionDimension[] = ['version', 'installType', 'permission', 'state'];

/** Everything the webview shows; sent whole after `ready` and on every change. */
export interface InventoryViewState {
  scope: InventoryScope;
  inventory?: Inventory;
  /** When the shown inventory was loaded (ISO 8601): the cache's time, shown with a Refresh. */
  loadedAt?: string;
  /** Set while a listing runs. */
  loading?: { browsers: number; pages: number };
  /** The last load failed or was cancelled (the inventory, if any, is partial or older). */
  error?: string;
  /** The last comparison with a snapshot file. */
  diff?: InventoryDiff & { file: string };
}

/** Where one extension is installed: browsers per org unit ('' = not reported), asked for when its pane opens. */
export interface ExtensionPlaces {
  key: string;
  orgUnits: { orgUnitPath: string; browsers: number }[];
}

// ---------------------------------------------------------------- webview → extension

export type InventoryWebviewMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'cancel' }
  /** Lists the browsers of an entry in the explorer. */
  | { type: 'select'; target: InventoryTarget }
  /** The detail pane of an extension opened: where is it installed? */
  | { type: 'describe'; key: string }
  | { type: 'saveSnapshot' }
  | { type: 'compareSnapshot' }
  | { type: 'closeDiff' }
  /** "Export one row per extension" of this scope (the column export, extension shape). */
  | { type: 'exportExtensions' };

// ---------------------------------------------------------------- extension → webview

/**
 * `state` carries everything but the inventory, which can be megabytes (thousands of extensions): it travels in
 * `inventory` only when it changed (a partial while streaming, the final one), not with every progress tick.
 */
export type InventoryExtensionMessage =
  | { type: 'state'; state: Omit<InventoryViewState, 'inventory'>; hasInventory: boolean }
  | { type: 'inventory'; inventory: Inventory }
  | { type: 'places'; places: ExtensionPlaces };

// ---------------------------------------------------------------- guards

/** Keys and values the aggregator keeps are cut at a few hundred characters; anything longer is not one of them. */
const MAX_KEY_LENGTH = 2_000;
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_KEY_LENGTH;

export function isInventoryScope(v: unknown): v is InventoryScope {
  return isObject(v) && (v.kind === 'account' || (v.kind === 'orgUnit' && isString(v.orgUnitPath) && v.orgUnitPath.startsWith('/')));
}

export function isInventoryTarget(v: unknown): v is InventoryTarget {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'extension':
      if (!isKey(v.key) || v.key === '') return false;
      if (v.dimension === undefined) return v.value === undefined;
      return EXTENSION_DIMENSIONS.includes(v.dimension as ExtensionDimension) && isKey(v.value);
    case 'permission':
      return isKey(v.permission) && v.permission !== '';
    case 'policy':
      return isKey(v.key) && (v.problems === undefined || typeof v.problems === 'boolean');
    default:
      return false;
  }
}

/** A copy holding only the fields a target has (nothing else the webview sent travels further). */
function cleanTarget(t: InventoryTarget): InventoryTarget {
  switch (t.kind) {
    case 'extension':
      return t.dimension === undefined
        ? { kind: 'extension', key: t.key }
        : { kind: 'extension', key: t.key, dimension: t.dimension, value: t.value };
    case 'permission':
      return { kind: 'permission', permission: t.permission };
    case 'policy':
      return t.problems ? { kind: 'policy', key: t.key, problems: true } : { kind: 'policy', key: t.key };
  }
}

function isFacetList(v: unknown): boolean {
  return (
    Array.isArray(v) && v.every((f) => isObject(f) && isString(f.value) && isCount(f.browsers) && (f.profiles === undefined || isCount(f.profiles)))
  );
}

function isExtensionSummary(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.key) &&
    isString(v.name) &&
    isCount(v.browsers) &&
    isCount(v.profiles) &&
    (v.extensionId === undefined || isString(v.extensionId)) &&
    Array.isArray(v.otherNames) &&
    v.otherNames.every(isString) &&
    isFacetList(v.versions) &&
    isFacetList(v.installTypes) &&
    isFacetList(v.states) &&
    isCount(v.untrackedVersions) &&
    Array.isArray(v.permissions) &&
    v.permissions.every((p) => isObject(p) && isString(p.value) && isCount(p.browsers) && typeof p.host === 'boolean')
  );
}

function isPolicySummary(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.key) &&
    isString(v.name) &&
    isCount(v.browsers) &&
    isCount(v.errors) &&
    isCount(v.conflicts) &&
    (v.extensionId === undefined || isString(v.extensionId)) &&
    (v.extensionName === undefined || isString(v.extensionName)) &&
    Array.isArray(v.scopes) &&
    v.scopes.every((s) => isObject(s) && (s.scope === 'machine' || s.scope === 'user' || s.scope === 'extension') && isCount(s.browsers)) &&
    isFacetList(v.sources) &&
    isFacetList(v.values) &&
    isFacetList(v.errorMessages) &&
    isCount(v.otherValueBrowsers)
  );
}

export function isInventory(v: unknown): v is Inventory {
  if (!isObject(v) || !isInventoryScope(v.scope) || !isString(v.generatedAt) || typeof v.complete !== 'boolean') return false;
  const t = v.totals;
  if (!isObject(t) || !['browsers', 'withoutDetails', 'profiles', 'extensions', 'policies'].every((k) => isCount(t[k]))) return false;
  if (
    v.interruption !== undefined &&
    !(isObject(v.interruption) && (v.interruption.kind === 'cancelled' || v.interruption.kind === 'failed') && isString(v.interruption.message))
  )
    return false;
  return (
    Array.isArray(v.extensions) &&
    v.extensions.every(isExtensionSummary) &&
    Array.isArray(v.policies) &&
    v.policies.every(isPolicySummary) &&
    Array.isArray(v.warnings) &&
    v.warnings.every(isString)
  );
}

function isDiff(v: unknown): boolean {
  if (!isObject(v) || !isString(v.file) || !isObject(v.extensions) || !isObject(v.policies)) return false;
  const side = (s: unknown) =>
    isObject(s) && isString(s.generatedAt) && isInventoryScope(s.scope) && isCount(s.browsers) && typeof s.complete === 'boolean';
  const lists = (o: Obj, keys: string[]) =>
    keys.every((k) => Array.isArray(o[k]) && (o[k] as unknown[]).every((d) => isObject(d) && isString(d.key) && isString(d.name)));
  return (
    side(v.before) &&
    side(v.after) &&
    (v.scopeMismatch === undefined || isString(v.scopeMismatch)) &&
    (v.partial === undefined || isString(v.partial)) &&
    lists(v.extensions, ['added', 'removed', 'versionChanges']) &&
    lists(v.policies, ['added', 'removed', 'changed'])
  );
}

export function isInventoryViewState(v: unknown): v is InventoryViewState {
  if (!isObject(v) || !isInventoryScope(v.scope)) return false;
  if (v.inventory !== undefined && !isInventory(v.inventory)) return false;
  if (v.loadedAt !== undefined && !isString(v.loadedAt)) return false;
  if (v.loading !== undefined && !(isObject(v.loading) && isCount(v.loading.browsers) && isCount(v.loading.pages))) return false;
  if (v.error !== undefined && !isString(v.error)) return false;
  return v.diff === undefined || isDiff(v.diff);
}

/** Validates a message the webview posted; undefined means "drop it". */
export function parseInventoryWebviewMessage(v: unknown): InventoryWebviewMessage | undefined {
  if (!isObject(v) || !isString(v.type)) return undefined;
  switch (v.type) {
    case 'ready':
    case 'refresh':
    case 'cancel':
    case 'saveSnapshot':
    case 'compareSnapshot':
    case 'closeDiff':
    case 'exportExtensions':
      return { type: v.type };
    case 'select':
      return isInventoryTarget(v.target) ? { type: 'select', target: cleanTarget(v.target) } : undefined;
    case 'describe':
      return isKey(v.key) && v.key !== '' ? { type: 'describe', key: v.key } : undefined;
    default:
      return undefined;
  }
}

/** Validates a message the extension posted; undefined means "drop it". */
export function parseInventoryExtensionMessage(v: unknown): InventoryExtensionMessage | undefined {
  if (!isObject(v)) return undefined;
  if (v.type === 'state') {
    const ok = isInventoryViewState(v.state) && v.state.inventory === undefined && typeof v.hasInventory === 'boolean';
    return ok ? { type: 'state', state: v.state as InventoryViewState, hasInventory: v.hasInventory as boolean } : undefined;
  }
  if (v.type === 'inventory') return isInventory(v.inventory) ? { type: 'inventory', inventory: v.inventory } : undefined;
  if (v.type === 'places') {
    const p = v.places;
    const ok =
      isObject(p) &&
      isString(p.key) &&
      Array.isArray(p.orgUnits) &&
      p.orgUnits.every((o) => isObject(o) && isString(o.orgUnitPath) && isCount(o.browsers));
    return ok ? { type: 'places', places: p as unknown as ExtensionPlaces } : undefined;
  }
  return undefined;
}

/** The panel state VS Code keeps for "restore after reload" (webview setState / serializer). */
export interface InventoryPanelState {
  scope: InventoryScope;
}

export function isInventoryPanelState(v: unknown): v is InventoryPanelState {
  return isObject(v) && isInventoryScope(v.scope);
}
